import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { DateTime } from "../../graphql/scalars";
import { Market } from "../markets/market.entity";
import { Agency } from "../public-services/agency.entity";
import { ComplaintChannel, ComplaintClassification, ComplaintStatus, ComplaintTag } from "./complaint.enums";
import { tagsTransformer } from "./complaint-tags.transformer";

/**
 * A report from SP4N-LAPOR! (or received directly) and where it stands. Deadlines are stored as the
 * exclusive end instants of their Jakarta due days, fixed when the step starts (receipt,
 * disposition), so that on-time and overdue counts are plain comparisons in SQL.
 */
@ObjectType({ description: "An SP4N-LAPOR! report (aspirasi, pengaduan or permintaan informasi), its disposition, follow-up and service levels." })
@Entity("complaint")
@Index(["status"])
@Index(["agencyId", "receivedAt"])
@Index(["marketId", "receivedAt"])
@Index(["receivedAt"])
export class Complaint {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field({ description: "The SP4N-LAPOR! tracking number (or the regency's own for direct reports)." })
  @Column({ name: "tracking_number", type: "varchar", length: 40, unique: true })
  trackingNumber: string;

  @Field(() => ComplaintChannel)
  @Column({ type: "simple-enum", enum: ComplaintChannel })
  channel: ComplaintChannel;

  @Field(() => ComplaintClassification)
  @Column({ type: "simple-enum", enum: ComplaintClassification })
  classification: ComplaintClassification;

  @Field({ description: "E.g. Kependudukan, Perizinan, Pasar." })
  @Column({ type: "varchar", length: 80 })
  category: string;

  @Field()
  @Column({ type: "varchar", length: 200 })
  subject: string;

  @Field()
  @Column({ type: "varchar", length: 4000 })
  text: string;

  @Field(() => ID, { nullable: true, description: "The agency it is disposed to; null until disposition." })
  @Column({ name: "agency_id", type: "int", nullable: true })
  agencyId: number | null;

  @ManyToOne(() => Agency, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "agency_id" })
  agency?: Agency | null;

  @Field(() => ID, { nullable: true, description: "The market it is about, if any." })
  @Column({ name: "market_id", type: "int", nullable: true })
  marketId: number | null;

  @ManyToOne(() => Market, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "market_id" })
  market?: Market | null;

  @Field(() => [ComplaintTag])
  @Column({ type: "varchar", length: 200, default: "", transformer: tagsTransformer })
  tags: ComplaintTag[];

  @Field(() => ComplaintStatus)
  @Column({ type: "simple-enum", enum: ComplaintStatus })
  status: ComplaintStatus;

  @Field(() => DateTime, { description: "When the report was made (UTC)." })
  @Column({ name: "received_at", type: "datetime" })
  receivedAt: Date;

  @Field(() => DateTime, { nullable: true, description: "When the administrator screened it: it left RECEIVED (verified, not our authority or archived)." })
  @Column({ name: "verified_at", type: "datetime", nullable: true })
  verifiedAt: Date | null;

  @Field(() => DateTime, { nullable: true })
  @Column({ name: "disposed_at", type: "datetime", nullable: true })
  disposedAt: Date | null;

  @Field(() => DateTime, { nullable: true, description: "The first follow-up entry after disposition." })
  @Column({ name: "first_follow_up_at", type: "datetime", nullable: true })
  firstFollowUpAt: Date | null;

  @Field(() => DateTime, { nullable: true })
  @Column({ name: "resolved_at", type: "datetime", nullable: true })
  resolvedAt: Date | null;

  /** The latest step recorded; a step recorded with an explicit time may not go back before it. */
  @Column({ name: "last_action_at", type: "datetime" })
  lastActionAt: Date;

  @Column({ name: "verify_due_at", type: "datetime" })
  verifyDueAt: Date;

  @Column({ name: "follow_up_due_at", type: "datetime", nullable: true })
  followUpDueAt: Date | null;

  @Column({ name: "resolve_due_at", type: "datetime" })
  resolveDueAt: Date;

  @Field(() => DateTime)
  @Column({ name: "created_at", type: "datetime" })
  createdAt: Date;

  @Field(() => DateTime)
  @Column({ name: "updated_at", type: "datetime" })
  updatedAt: Date;
}
