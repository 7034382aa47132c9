import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { Agency } from "../public-services/agency.entity";
import { ComplianceFigureSource, ComplianceZone } from "./compliance.enums";

@ObjectType({ description: "A band of scores: from minScore to maxScore inclusive (two decimals)." })
export class ComplianceBandRange {
  @Field(() => String, { nullable: true, description: "Letter category; null in periods with zones only." }) category: string | null;
  @Field(() => ComplianceZone) zone: ComplianceZone;
  @Field(() => Float) minScore: number;
  @Field(() => Float) maxScore: number;
}

@ObjectType({ description: "The bands in force from fromYear to toYear (null: still in force); the earliest period also covers earlier years." })
export class ComplianceBandPeriod {
  @Field(() => Int) fromYear: number;
  @Field(() => Int, { nullable: true }) toYear: number | null;
  @Field(() => [ComplianceBandRange], { description: "Highest first." }) bands: ComplianceBandRange[];
}

@ObjectType({ description: "One assessed unit in a year's summary." })
export class ComplianceUnitScore {
  @Field(() => ID) assessmentId: number;
  @Field(() => ID) agencyId: number;
  @Field(() => Agency) agency: Agency;
  @Field(() => Float) score: number;
  @Field(() => String, { nullable: true }) category: string | null;
  @Field(() => ComplianceZone) zone: ComplianceZone;
  @Field(() => Float, { nullable: true, description: "The unit's score the year before; null when it was not assessed then." }) previousScore: number | null;
  @Field(() => Float, { nullable: true, description: "score - previousScore." }) change: number | null;
}

@ObjectType({ description: "A year of Ombudsman compliance for the regency: its figure, category and zone, the units, the change and the gap to the target." })
export class ComplianceSummary {
  @Field(() => Int) year: number;
  @Field(() => Int) assessedUnits: number;
  @Field(() => Float, { nullable: true, description: "Average over the assessed units, rounded half up to two decimals; null when none was assessed." }) unitsAverage: number | null;
  @Field(() => Float, { nullable: true, description: "The regency average as the Ombudsman published it, when recorded." }) publishedAverage: number | null;
  @Field(() => String, { nullable: true }) publishedSource: string | null;
  @Field(() => Float, { nullable: true, description: "The year's figure: the published average when recorded, else unitsAverage." }) average: number | null;
  @Field(() => ComplianceFigureSource, { nullable: true, description: "Which figure `average` is; null without one." }) averageSource: ComplianceFigureSource | null;
  @Field(() => String, { nullable: true, description: "Category of `average` (none before 2022)." }) category: string | null;
  @Field(() => ComplianceZone, { nullable: true }) zone: ComplianceZone | null;
  @Field(() => Float, { nullable: true, description: "The previous year's figure, chosen the same way." }) previousAverage: number | null;
  @Field(() => Float, { nullable: true, description: "average - previousAverage." }) change: number | null;
  @Field(() => Float, { nullable: true, description: "The target set for the year." }) target: number | null;
  @Field(() => Float, { nullable: true, description: "target - average; null without a target or a figure." }) gap: number | null;
  @Field(() => [ComplianceBandRange], { description: "The bands in force that year." }) bands: ComplianceBandRange[];
  @Field(() => [ComplianceUnitScore], { description: "Highest score first." }) units: ComplianceUnitScore[];
}
