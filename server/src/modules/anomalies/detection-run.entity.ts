import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { DateTime, LocalDate } from "../../graphql/scalars";
import { DetectionTrigger } from "./anomaly.enums";

@ObjectType({ description: "One run of the detection rules over a period and markets, with what it found." })
@Entity("detection_run")
export class DetectionRun {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => DetectionTrigger)
  @Column({ name: "run_trigger", type: "simple-enum", enum: DetectionTrigger })
  trigger: DetectionTrigger;

  @Field(() => LocalDate)
  @Column({ name: "from_date", type: "date" })
  from: string;

  @Field(() => LocalDate)
  @Column({ name: "to_date", type: "date" })
  to: string;

  @Field(() => [ID], { nullable: true, description: "The markets run over; null for all." })
  @Column({ name: "market_ids", type: "simple-json", nullable: true })
  marketIds: number[] | null;

  @Field(() => DateTime)
  @Column({ name: "started_at", type: "datetime" })
  startedAt: Date;

  @Field(() => DateTime)
  @Column({ name: "finished_at", type: "datetime" })
  finishedAt: Date;

  @Field(() => ID, { nullable: true })
  @Column({ name: "user_id", type: "int", nullable: true })
  userId: number | null;

  @Field(() => Int, { description: "Findings of this run, new or already known." })
  @Column({ type: "int" })
  found: number;

  @Field(() => Int, { description: "Findings seen for the first time." })
  @Column({ type: "int" })
  created: number;

  @Field(() => Int, { description: "Auto-resolved findings that came back." })
  @Column({ type: "int" })
  reopened: number;

  @Field(() => Int, { description: "Open findings whose cause is gone." })
  @Column({ name: "auto_resolved", type: "int" })
  autoResolved: number;
}
