import { ArgsType, Field, Float, ID, InputType, Int } from "type-graphql";
import {
  IsBoolean, IsDateString, IsEnum, IsInt, IsLatitude, IsLongitude, IsOptional, IsPositive, IsString, Length, Matches, Max, Min,
} from "class-validator";
import { DateTime, LocalDate, SafeInt } from "../../graphql/scalars";
import { MarketClass, MarketStatus, StallKind, StallStatus, TariffBasis } from "./market.enums";

const CODE = /^[A-Za-z0-9._/-]+$/;
const CODE_MESSAGE = "may only contain letters, digits, dots, dashes, slashes and underscores";

/** Validity period fields shared by permits, tariffs and assignments. */
@ArgsType()
export class PeriodInput {
  @Field(() => LocalDate)
  @IsDateString({ strict: true }, { message: "validFrom must be a date (YYYY-MM-DD)" })
  validFrom: string;

  @Field(() => LocalDate, { nullable: true, description: "Last valid day; open-ended when null." })
  @IsOptional()
  @IsDateString({ strict: true }, { message: "validTo must be a date (YYYY-MM-DD)" })
  validTo?: string | null;
}

@ArgsType()
export class MarketInput {
  @Field() @Matches(CODE, { message: `code ${CODE_MESSAGE}` }) @Length(2, 20) code: string;
  @Field() @IsString() @Length(3, 120) name: string;
  @Field({ description: "Kecamatan." }) @IsString() @Length(2, 80) district: string;
  @Field() @IsString() @Length(3, 255) address: string;
  @Field(() => MarketClass) @IsEnum(MarketClass) marketClass: MarketClass;
  @Field() @IsString() @Length(2, 120) uptdName: string;
  @Field(() => ID, { nullable: true }) @IsOptional() headUserId?: string | null;
  @Field(() => MarketStatus, { nullable: true }) @IsOptional() @IsEnum(MarketStatus) status?: MarketStatus;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsLatitude() latitude?: number | null;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsLongitude() longitude?: number | null;
}

@ArgsType()
export class StallInput {
  @Field(() => ID) @Matches(/^\d+$/, { message: "marketId must be an id" }) marketId: string;
  @Field() @Matches(CODE, { message: `code ${CODE_MESSAGE}` }) @Length(1, 30) code: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Length(1, 30) block?: string | null;
  @Field(() => StallKind) @IsEnum(StallKind) kind: StallKind;
  @Field(() => Float, { description: "m², at most two decimals." })
  @IsPositive({ message: "area must be more than 0 m²" })
  @Max(10000, { message: "area must be at most 10000 m²" })
  area: number;
  @Field(() => StallStatus, { nullable: true }) @IsOptional() @IsEnum(StallStatus) status?: StallStatus;
}

@ArgsType()
export class TraderInput {
  @Field() @Matches(/^[A-Za-z0-9.-]{5,30}$/, { message: "npwrd must be 5-30 letters, digits, dots or dashes" }) npwrd: string;
  @Field() @IsString() @Length(2, 120) name: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^\+?[0-9 -]{6,30}$/, { message: "phone must be a phone number" })
  phone?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Length(1, 80) commodity?: string | null;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() active?: boolean;
}

@ArgsType()
export class StallPermitInput extends PeriodInput {
  @Field() @IsString() @Length(3, 40) shptNumber: string;
  @Field(() => ID) @Matches(/^\d+$/, { message: "stallId must be an id" }) stallId: string;
  @Field(() => ID) @Matches(/^\d+$/, { message: "traderId must be an id" }) traderId: string;
}

@ArgsType()
export class TariffInput extends PeriodInput {
  @Field(() => StallKind) @IsEnum(StallKind) stallKind: StallKind;
  @Field(() => MarketClass) @IsEnum(MarketClass) marketClass: MarketClass;
  @Field(() => TariffBasis) @IsEnum(TariffBasis) basis: TariffBasis;
  @Field(() => SafeInt, { description: "Rupiah." })
  @IsInt({ message: "amount must be whole rupiah" })
  @IsPositive({ message: "amount must be more than 0" })
  amount: number;
  @Field() @IsString() @Length(3, 255) legalBasis: string;
}

@ArgsType()
export class CollectorAssignmentInput extends PeriodInput {
  @Field(() => ID) @Matches(/^\d+$/, { message: "collectorId must be an id" }) collectorId: string;
  @Field(() => ID) @Matches(/^\d+$/, { message: "marketId must be an id" }) marketId: string;
}

@ArgsType()
export class TicketBookInput {
  @Field() @Matches(/^[A-Z0-9-]{1,20}$/, { message: "series must be 1-20 capital letters, digits or dashes" }) series: string;
  @Field(() => Int) @IsInt() @Min(1) firstNumber: number;
  @Field(() => Int) @IsInt() @Min(1) lastNumber: number;
  @Field(() => SafeInt) @IsInt({ message: "faceValue must be whole rupiah" }) @IsPositive() faceValue: number;
  @Field(() => ID) @Matches(/^\d+$/, { message: "marketId must be an id" }) marketId: string;
  @Field(() => ID) @Matches(/^\d+$/, { message: "collectorId must be an id" }) collectorId: string;
  @Field(() => DateTime) issuedAt: Date;
  @Field(() => DateTime, { nullable: true }) @IsOptional() returnedAt?: Date | null;
}

@ArgsType()
export class RevenueTargetInput {
  @Field(() => Int) @IsInt() @Min(2000) @Max(2100) year: number;
  @Field(() => ID, { nullable: true, description: "Omit for the regency-wide target." }) @IsOptional() marketId?: string | null;
  @Field(() => SafeInt) @IsInt({ message: "amount must be whole rupiah" }) @IsPositive() amount: number;
}

/* Filters: `q` searches, `ids` fetches many, the rest are equality or `_gte`/`_lte` ranges. */

@InputType()
export class MarketFilter {
  @Field({ nullable: true }) q?: string;
  @Field(() => [ID], { nullable: true }) ids?: string[];
  @Field(() => MarketClass, { nullable: true }) marketClass?: MarketClass;
  @Field(() => MarketStatus, { nullable: true }) status?: MarketStatus;
  @Field({ nullable: true }) district?: string;
}

@InputType()
export class StallFilter {
  @Field({ nullable: true }) q?: string;
  @Field(() => [ID], { nullable: true }) ids?: string[];
  @Field(() => ID, { nullable: true }) marketId?: string;
  @Field(() => StallKind, { nullable: true }) kind?: StallKind;
  @Field(() => StallStatus, { nullable: true }) status?: StallStatus;
  @Field({ nullable: true }) block?: string;
}

@InputType()
export class TraderFilter {
  @Field({ nullable: true }) q?: string;
  @Field(() => [ID], { nullable: true }) ids?: string[];
  @Field({ nullable: true }) npwrd?: string;
  @Field({ nullable: true }) active?: boolean;
}

@InputType()
export class StallPermitFilter {
  @Field({ nullable: true }) q?: string;
  @Field(() => [ID], { nullable: true }) ids?: string[];
  @Field(() => ID, { nullable: true }) stallId?: string;
  @Field(() => ID, { nullable: true }) traderId?: string;
  @Field(() => LocalDate, { nullable: true }) validFrom_gte?: string;
  @Field(() => LocalDate, { nullable: true }) validFrom_lte?: string;
}

@InputType()
export class TariffFilter {
  @Field({ nullable: true }) q?: string;
  @Field(() => [ID], { nullable: true }) ids?: string[];
  @Field(() => StallKind, { nullable: true }) stallKind?: StallKind;
  @Field(() => MarketClass, { nullable: true }) marketClass?: MarketClass;
  @Field(() => TariffBasis, { nullable: true }) basis?: TariffBasis;
  @Field(() => LocalDate, { nullable: true }) validFrom_gte?: string;
  @Field(() => LocalDate, { nullable: true }) validFrom_lte?: string;
}

@InputType()
export class CollectorAssignmentFilter {
  @Field(() => [ID], { nullable: true }) ids?: string[];
  @Field(() => ID, { nullable: true }) collectorId?: string;
  @Field(() => ID, { nullable: true }) marketId?: string;
  @Field(() => LocalDate, { nullable: true }) validFrom_gte?: string;
  @Field(() => LocalDate, { nullable: true }) validFrom_lte?: string;
}

@InputType()
export class TicketBookFilter {
  @Field({ nullable: true }) q?: string;
  @Field(() => [ID], { nullable: true }) ids?: string[];
  @Field(() => ID, { nullable: true }) marketId?: string;
  @Field(() => ID, { nullable: true }) collectorId?: string;
  @Field({ nullable: true }) series?: string;
}

@InputType()
export class RevenueTargetFilter {
  @Field(() => [ID], { nullable: true }) ids?: string[];
  @Field(() => Int, { nullable: true }) year?: number;
  @Field(() => ID, { nullable: true }) marketId?: string;
}

@InputType()
export class TicketReturnFilter {
  @Field(() => [ID], { nullable: true }) ids?: string[];
  @Field(() => ID, { nullable: true }) bookId?: string;
  @Field(() => ID, { nullable: true }) recordedById?: string;
}
