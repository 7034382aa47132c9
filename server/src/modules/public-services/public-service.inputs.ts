import { ArgsType, Field, ID, InputType, Int } from "type-graphql";
import {
  ArrayMaxSize, IsBoolean, IsDateString, IsEnum, IsInt, IsOptional, IsString, IsUrl, Length, Matches, Max, MaxLength, Min,
} from "class-validator";
import { LocalDate, SafeInt } from "../../graphql/scalars";
import { AgencyKind, TimeUnit } from "./public-service.enums";

@ArgsType()
export class AgencyInput {
  @Field() @Matches(/^[A-Z0-9._-]{2,30}$/, { message: "code must be 2-30 capital letters, digits, dots, dashes or underscores" }) code: string;
  @Field() @IsString() @Length(3, 200) name: string;
  @Field() @IsString() @Length(2, 60) shortName: string;
  @Field(() => AgencyKind) @IsEnum(AgencyKind) kind: AgencyKind;
  @Field(() => ID, { nullable: true }) @IsOptional() @Matches(/^\d+$/, { message: "parentId must be an id" }) parentId?: string | null;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() active?: boolean;
}

@InputType()
export class AgencyFilter {
  @Field({ nullable: true }) q?: string;
  @Field(() => [ID], { nullable: true }) ids?: string[];
  @Field(() => AgencyKind, { nullable: true }) kind?: AgencyKind;
  @Field(() => ID, { nullable: true }) parentId?: string;
  @Field({ nullable: true }) active?: boolean;
}

@ArgsType()
export class PublicServiceInput {
  @Field(() => ID) @Matches(/^\d+$/, { message: "agencyId must be an id" }) agencyId: string;
  @Field() @IsString() @Length(3, 200) name: string;
  @Field() @IsString() @Length(2, 80) category: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(2000) description?: string | null;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() atOffice?: boolean;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() atMpp?: boolean;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl({ protocols: ["http", "https"], require_protocol: true }, { message: "onlineUrl must be an http(s) address" })
  @MaxLength(300)
  onlineUrl?: string | null;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() active?: boolean;
}

@InputType()
export class PublicServiceFilter {
  @Field({ nullable: true }) q?: string;
  @Field(() => [ID], { nullable: true }) ids?: string[];
  @Field(() => ID, { nullable: true }) agencyId?: string;
  @Field({ nullable: true }) category?: string;
  @Field({ nullable: true }) atMpp?: boolean;
  @Field({ nullable: true }) active?: boolean;
}

const textField = (max: number) => [IsOptional(), IsString(), MaxLength(max)];
function Text(max: number): PropertyDecorator {
  return (target, key) => textField(max).forEach((d) => d(target, key));
}

@InputType({ description: "The 14 components of a standard and its decree; what is left out stays empty." })
export class ServiceStandardInput {
  @Field(() => [String], { nullable: true }) @IsOptional() @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(500, { each: true }) requirements?: string[];
  @Field(() => [String], { nullable: true }) @IsOptional() @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(500, { each: true }) procedure?: string[];
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1, { message: "completionTime must be at least 1" }) @Max(100_000) completionTime?: number | null;
  @Field(() => TimeUnit, { nullable: true }) @IsOptional() @IsEnum(TimeUnit) completionUnit?: TimeUnit | null;
  @Field(() => SafeInt, { nullable: true, description: "Rupiah; 0 is free of charge." })
  @IsOptional()
  @IsInt({ message: "fee must be whole rupiah" })
  @Min(0, { message: "fee must not be negative" })
  fee?: number | null;
  @Field(() => String, { nullable: true }) @Text(500) feeNote?: string | null;
  @Field(() => String, { nullable: true }) @Text(500) product?: string | null;
  @Field(() => String, { nullable: true }) @Text(500) complaintChannel?: string | null;
  @Field(() => String, { nullable: true }) @Text(1000) legalBasis?: string | null;
  @Field(() => String, { nullable: true }) @Text(1000) facilities?: string | null;
  @Field(() => String, { nullable: true }) @Text(1000) staffCompetence?: string | null;
  @Field(() => String, { nullable: true }) @Text(1000) internalSupervision?: string | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1, { message: "staffCount must be at least 1" }) @Max(100_000) staffCount?: number | null;
  @Field(() => String, { nullable: true }) @Text(1000) serviceGuarantee?: string | null;
  @Field(() => String, { nullable: true }) @Text(1000) securityGuarantee?: string | null;
  @Field(() => String, { nullable: true }) @Text(1000) performanceEvaluation?: string | null;
  @Field(() => String, { nullable: true }) @Text(120) decreeNumber?: string | null;
  @Field(() => LocalDate, { nullable: true })
  @IsOptional()
  @IsDateString({ strict: true }, { message: "decreeDate must be a date (YYYY-MM-DD)" })
  decreeDate?: string | null;
}
