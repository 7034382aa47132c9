import { ArgsType, Field, Float, ID, InputType, Int } from "type-graphql";
import { IsDefined, IsInt, IsOptional, IsString, Length, Matches, Max, MaxLength, Min } from "class-validator";
import { IsScore } from "./score";

const YEAR_MESSAGE = { message: "year must be between 2000 and 2100" };

@ArgsType()
export class ComplianceAssessmentInput {
  @Field(() => ID) @Matches(/^\d+$/, { message: "agencyId must be an id" }) agencyId: string;
  @Field(() => Int) @IsInt() @Min(2000, YEAR_MESSAGE) @Max(2100, YEAR_MESSAGE) year: number;
  @Field(() => Float, { description: "0-100 with at most two decimals." }) @IsDefined() @IsScore() score: number;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsScore() inputScore?: number | null;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsScore() processScore?: number | null;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsScore() outputScore?: number | null;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsScore() complaintsScore?: number | null;
  @Field() @IsString() @Length(2, 200) assessor: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(1000) note?: string | null;
}

@InputType()
export class ComplianceAssessmentFilter {
  @Field({ nullable: true, description: "Searches assessor and note." }) q?: string;
  @Field(() => [ID], { nullable: true }) ids?: string[];
  @Field(() => ID, { nullable: true }) agencyId?: string;
  @Field(() => Int, { nullable: true }) year?: number;
  @Field(() => Int, { nullable: true }) year_gte?: number;
  @Field(() => Int, { nullable: true }) year_lte?: number;
}

@ArgsType()
export class ComplianceTargetInput {
  @Field(() => Int) @IsInt() @Min(2000, YEAR_MESSAGE) @Max(2100, YEAR_MESSAGE) year: number;
  @Field(() => Float, { description: "0-100 with at most two decimals." }) @IsDefined() @IsScore() target: number;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(300) basis?: string | null;
}

@InputType()
export class ComplianceTargetFilter {
  @Field(() => [ID], { nullable: true }) ids?: string[];
  @Field(() => Int, { nullable: true }) year?: number;
  @Field(() => Int, { nullable: true }) year_gte?: number;
  @Field(() => Int, { nullable: true }) year_lte?: number;
}

@ArgsType()
export class CompliancePublishedAverageInput {
  @Field(() => Int) @IsInt() @Min(2000, YEAR_MESSAGE) @Max(2100, YEAR_MESSAGE) year: number;
  @Field(() => Float, { description: "0-100 with at most two decimals." }) @IsDefined() @IsScore() average: number;
  @Field({ description: "Where it was published (report, press release, URL)." }) @IsString() @Length(3, 300) source: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(1000) note?: string | null;
}

@InputType()
export class CompliancePublishedAverageFilter {
  @Field(() => [ID], { nullable: true }) ids?: string[];
  @Field(() => Int, { nullable: true }) year?: number;
  @Field(() => Int, { nullable: true }) year_gte?: number;
  @Field(() => Int, { nullable: true }) year_lte?: number;
}
