import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from "typeorm";
import { DateTime, LocalDate } from "../../graphql/scalars";
import { Agency } from "./agency.entity";
import { InnovationStatus } from "./innovation.enums";

/**
 * An innovation of an agency (inovasi pelayanan publik), e.g. LAPERA or Sitepak. The services it
 * changes and the markets it covers are lists kept in `innovation_service` and `innovation_market`;
 * `serviceIds` and `marketIds` carry them through a write (not columns).
 */
@ObjectType({ description: "An agency's innovation (inovasi pelayanan publik): what it changes, where, and whether the public catalogue shows it." })
@Entity("innovation")
@Unique(["agencyId", "name"])
@Index(["published", "status"])
export class Innovation {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => ID)
  @Column({ name: "agency_id", type: "int" })
  agencyId: number;

  @ManyToOne(() => Agency, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "agency_id" })
  agency?: Agency;

  @Field({ description: "E.g. Laporan Retribusi Pasar." })
  @Column({ type: "varchar", length: 160 })
  name: string;

  @Field(() => String, { nullable: true, description: "As people say it, e.g. LAPERA." })
  @Column({ name: "short_name", type: "varchar", length: 40, nullable: true })
  shortName: string | null;

  @Field()
  @Column({ type: "varchar", length: 2000 })
  description: string;

  @Field(() => LocalDate, { nullable: true, description: "Only where a launch date has been published; empty rather than guessed." })
  @Column({ name: "launched_on", type: "date", nullable: true })
  launchedOn: string | null;

  @Field(() => InnovationStatus)
  @Column({ type: "simple-enum", enum: InnovationStatus })
  status: InnovationStatus;

  @Field(() => String, { nullable: true })
  @Column({ name: "public_url", type: "varchar", length: 255, nullable: true })
  publicUrl: string | null;

  @Field({ description: "Shown in the anonymous public catalogue (unless retired)." })
  @Column({ type: "boolean", default: false })
  published: boolean;

  @Field(() => DateTime)
  @Column({ name: "created_at", type: "datetime" })
  createdAt: Date;

  @Field(() => DateTime)
  @Column({ name: "updated_at", type: "datetime" })
  updatedAt: Date;

  /** The services changed, in order, while the innovation is being written. */
  serviceIds?: number[];

  /** The markets covered, in order, while the innovation is being written. */
  marketIds?: number[];
}
