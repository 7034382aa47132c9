import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { moneyTransformer } from "../../database/transformers";
import { DateTime, JSONObject, LocalDate, SafeInt } from "../../graphql/scalars";
import { AnomalyResolution, AnomalySeverity, AnomalyStatus } from "./anomaly.enums";

@ObjectType({ description: "A finding of one detection rule about one subject on one day, worked down by officers and auditors." })
@Entity("anomaly")
@Index(["marketId", "businessDate", "status"])
@Index(["rule", "status"])
@Index(["status", "severity"])
export class Anomaly {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field({ description: "rule + subject + day: a re-run finds the same finding instead of a new one." })
  @Column({ type: "varchar", length: 191, unique: true })
  fingerprint: string;

  @Field({ description: "The rule's stable code, e.g. TICKET_DUPLICATE." })
  @Column({ type: "varchar", length: 40 })
  rule: string;

  @Field(() => AnomalySeverity)
  @Column({ type: "simple-enum", enum: AnomalySeverity })
  severity: AnomalySeverity;

  @Field(() => AnomalyStatus)
  @Column({ type: "simple-enum", enum: AnomalyStatus })
  status: AnomalyStatus;

  @Field(() => ID, { nullable: true })
  @Column({ name: "market_id", type: "int", nullable: true })
  marketId: number | null;

  @Field(() => ID, { nullable: true })
  @Index()
  @Column({ name: "collector_id", type: "int", nullable: true })
  collectorId: number | null;

  @Field(() => ID, { nullable: true })
  @Column({ name: "stall_id", type: "int", nullable: true })
  stallId: number | null;

  @Field(() => LocalDate, { nullable: true })
  @Index()
  @Column({ name: "business_date", type: "date", nullable: true })
  businessDate: string | null;

  @Field(() => SafeInt, { description: "Rupiah that may have been lost." })
  @Column({ name: "amount_at_risk", type: "bigint", transformer: moneyTransformer })
  amountAtRisk: number;

  @Field({ description: "What was expected and what was found, in Indonesian." })
  @Column({ name: "summary_id", type: "varchar", length: 500 })
  summaryId: string;

  @Field({ description: "The same in English." })
  @Column({ name: "summary_en", type: "varchar", length: 500 })
  summaryEn: string;

  @Field(() => JSONObject, { description: "The ids and numbers that prove it." })
  @Column({ type: "simple-json" })
  evidence: Record<string, unknown>;

  @Field(() => DateTime)
  @Column({ name: "detected_at", type: "datetime" })
  detectedAt: Date;

  @Field(() => DateTime, { description: "The last run that still found it." })
  @Column({ name: "last_seen_at", type: "datetime" })
  lastSeenAt: Date;

  @Field(() => ID, { nullable: true })
  @Column({ name: "assignee_id", type: "int", nullable: true })
  assigneeId: number | null;

  @Field(() => AnomalyResolution, { nullable: true })
  @Column({ type: "simple-enum", enum: AnomalyResolution, nullable: true })
  resolution: AnomalyResolution | null;

  @Field(() => String, { nullable: true })
  @Column({ name: "resolution_note", type: "varchar", length: 1000, nullable: true })
  resolutionNote: string | null;

  @Field(() => DateTime, { nullable: true })
  @Column({ name: "resolved_at", type: "datetime", nullable: true })
  resolvedAt: Date | null;
}
