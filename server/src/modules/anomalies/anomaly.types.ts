import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { LocalDate, SafeInt } from "../../graphql/scalars";
import { AnomalyResolution, AnomalySeverity, AnomalyStatus } from "./anomaly.enums";

@InputType()
export class AnomalyFilter {
  @Field({ nullable: true, description: "Matches the summaries and the fingerprint." }) q?: string;
  @Field(() => [ID], { nullable: true }) ids?: string[];
  @Field({ nullable: true }) rule?: string;
  @Field(() => AnomalySeverity, { nullable: true }) severity?: AnomalySeverity;
  @Field(() => AnomalyStatus, { nullable: true }) status?: AnomalyStatus;
  @Field(() => ID, { nullable: true }) marketId?: string;
  @Field(() => ID, { nullable: true }) collectorId?: string;
  @Field(() => ID, { nullable: true }) stallId?: string;
  @Field(() => ID, { nullable: true }) assigneeId?: string;
  @Field(() => AnomalyResolution, { nullable: true }) resolution?: AnomalyResolution;
  @Field(() => LocalDate, { nullable: true }) businessDate?: string;
  @Field(() => LocalDate, { nullable: true }) businessDate_gte?: string;
  @Field(() => LocalDate, { nullable: true }) businessDate_lte?: string;
  @Field(() => SafeInt, { nullable: true }) amountAtRisk_gte?: number;
}

@ObjectType({ description: "A threshold of a rule and the value in force." })
export class RuleThreshold {
  @Field() name: string;
  @Field(() => SafeInt) value: number;
}

@ObjectType("AnomalyRule", { description: "A detection rule: its stable code, what it finds, its default severity and thresholds." })
export class AnomalyRuleInfo {
  @Field() code: string;
  @Field() description: string;
  @Field(() => AnomalySeverity) severity: AnomalySeverity;
  @Field(() => [RuleThreshold]) thresholds: RuleThreshold[];
}

@ObjectType({ description: "Findings of one rule in one market dated in the period." })
export class AnomalySummaryRow {
  @Field(() => ID, { nullable: true, description: "Null for findings with no market (bank statement lines, unknown payment codes)." })
  marketId: number | null;
  @Field() rule: string;
  @Field(() => Int) total: number;
  @Field(() => Int, { description: "OPEN or ACKNOWLEDGED." }) open: number;
  @Field(() => SafeInt) amountAtRisk: number;
  @Field(() => SafeInt) openAmountAtRisk: number;
}

@ObjectType({ description: "Findings of one severity dated in the period (the dashboard's open findings by severity)." })
export class AnomalySeverityCount {
  @Field(() => AnomalySeverity) severity: AnomalySeverity;
  @Field(() => Int) total: number;
  @Field(() => Int, { description: "OPEN or ACKNOWLEDGED." }) open: number;
  @Field(() => SafeInt) openAmountAtRisk: number;
}
