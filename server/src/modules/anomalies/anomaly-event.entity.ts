import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Anomaly } from "./anomaly.entity";
import { DateTime } from "../../graphql/scalars";
import { AnomalyStatus } from "./anomaly.enums";

@ObjectType({ description: "One step of an anomaly's history: detected, acknowledged, assigned, resolved, auto-resolved, reopened." })
@Entity("anomaly_event")
@Index(["anomalyId", "at"])
export class AnomalyEvent {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => ID)
  @Column({ name: "anomaly_id", type: "int" })
  anomalyId: number;

  @ManyToOne(() => Anomaly, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "anomaly_id" })
  anomaly?: Anomaly;

  @Field(() => DateTime)
  @Column({ type: "datetime" })
  at: Date;

  @Field(() => ID, { nullable: true, description: "Null for detection runs." })
  @Column({ name: "user_id", type: "int", nullable: true })
  userId: number | null;

  @Field()
  @Column({ type: "varchar", length: 20 })
  action: string;

  @Field(() => AnomalyStatus, { nullable: true })
  @Column({ name: "from_status", type: "simple-enum", enum: AnomalyStatus, nullable: true })
  fromStatus: AnomalyStatus | null;

  @Field(() => AnomalyStatus)
  @Column({ name: "to_status", type: "simple-enum", enum: AnomalyStatus })
  toStatus: AnomalyStatus;

  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", length: 1000, nullable: true })
  note: string | null;
}
