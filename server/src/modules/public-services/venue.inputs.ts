import { ArgsType, Field, ID, InputType, Int } from "type-graphql";
import {
  ArrayMaxSize, IsBoolean, IsDateString, IsEnum, IsInt, IsOptional, IsString, Length, Matches, Max, MaxLength, Min,
} from "class-validator";
import { LocalDate } from "../../graphql/scalars";
import { FacilityCondition, FacilityKind, VenueKind } from "./venue.enums";

const ID_PATTERN = /^\d+$/;

@ArgsType()
export class ServiceVenueInput {
  @Field() @IsString() @Length(3, 200) name: string;
  @Field(() => VenueKind) @IsEnum(VenueKind) kind: VenueKind;
  @Field() @IsString() @Length(5, 300) address: string;
  @Field(() => ID, { nullable: true, description: "Required for an agency's office." })
  @IsOptional()
  @Matches(ID_PATTERN, { message: "agencyId must be an id" })
  agencyId?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(300) openingHours?: string | null;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() active?: boolean;
}

@InputType()
export class ServiceVenueFilter {
  @Field({ nullable: true, description: "Searches name and address." }) q?: string;
  @Field(() => [ID], { nullable: true }) ids?: string[];
  @Field(() => VenueKind, { nullable: true }) kind?: VenueKind;
  @Field(() => ID, { nullable: true }) agencyId?: string;
  @Field({ nullable: true }) active?: boolean;
}

@ArgsType()
export class VenueCounterInput {
  @Field(() => ID) @Matches(ID_PATTERN, { message: "venueId must be an id" }) venueId: string;
  @Field(() => ID) @Matches(ID_PATTERN, { message: "agencyId must be an id" }) agencyId: string;
  @Field(() => Int)
  @IsInt({ message: "counterNumber must be a whole number" })
  @Min(1, { message: "counterNumber must be at least 1" })
  @Max(999, { message: "counterNumber must be at most 999" })
  counterNumber: number;
  @Field(() => [ID], { nullable: true, description: "The services offered, in the order shown; each must be the counter's agency's." })
  @IsOptional()
  @ArrayMaxSize(50, { message: "serviceIds may list at most 50 services" })
  @Matches(ID_PATTERN, { each: true, message: "serviceIds must be ids" })
  serviceIds?: string[];
  @Field(() => LocalDate)
  @IsDateString({ strict: true }, { message: "activeFrom must be a date (YYYY-MM-DD)" })
  activeFrom: string;
  @Field(() => LocalDate, { nullable: true, description: "Last day served; open-ended when null." })
  @IsOptional()
  @IsDateString({ strict: true }, { message: "activeTo must be a date (YYYY-MM-DD)" })
  activeTo?: string | null;
}

@InputType()
export class VenueCounterFilter {
  @Field(() => [ID], { nullable: true }) ids?: string[];
  @Field(() => ID, { nullable: true }) venueId?: string;
  @Field(() => ID, { nullable: true }) agencyId?: string;
  @Field(() => Int, { nullable: true }) counterNumber?: number;
  @Field(() => ID, { nullable: true, description: "Counters offering this service." }) serviceId?: string;
  @Field(() => LocalDate, { nullable: true, description: "Counters serving on this day." }) activeOn?: string;
}

@ArgsType()
export class FacilityInput {
  @Field(() => ID) @Matches(ID_PATTERN, { message: "venueId must be an id" }) venueId: string;
  @Field(() => FacilityKind) @IsEnum(FacilityKind) kind: FacilityKind;
  @Field(() => FacilityCondition) @IsEnum(FacilityCondition) condition: FacilityCondition;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(500) note?: string | null;
  @Field(() => LocalDate, { nullable: true })
  @IsOptional()
  @IsDateString({ strict: true }, { message: "lastInspected must be a date (YYYY-MM-DD)" })
  lastInspected?: string | null;
}

@InputType()
export class FacilityFilter {
  @Field({ nullable: true, description: "Searches the note." }) q?: string;
  @Field(() => [ID], { nullable: true }) ids?: string[];
  @Field(() => ID, { nullable: true }) venueId?: string;
  @Field(() => FacilityKind, { nullable: true }) kind?: FacilityKind;
  @Field(() => FacilityCondition, { nullable: true }) condition?: FacilityCondition;
  @Field(() => LocalDate, { nullable: true }) lastInspected_gte?: string;
  @Field(() => LocalDate, { nullable: true }) lastInspected_lte?: string;
}

@ArgsType()
export class VenueVisitsInput {
  @Field(() => ID) @Matches(ID_PATTERN, { message: "venueId must be an id" }) venueId: string;
  @Field({ description: "YYYY-MM." }) @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: "month must be a month (YYYY-MM)" }) month: string;
  @Field(() => Int)
  @IsInt({ message: "visitors must be a whole number" })
  @Min(0, { message: "visitors must not be negative" })
  @Max(10_000_000, { message: "visitors must be at most 10000000" })
  visitors: number;
  @Field({ nullable: true, description: "True for a demonstration figure, not a real count." }) @IsOptional() @IsBoolean() synthetic?: boolean;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(300) note?: string | null;
}

@InputType()
export class VenueVisitsFilter {
  @Field(() => [ID], { nullable: true }) ids?: string[];
  @Field(() => ID, { nullable: true }) venueId?: string;
  @Field({ nullable: true }) month?: string;
  @Field({ nullable: true }) month_gte?: string;
  @Field({ nullable: true }) month_lte?: string;
  @Field({ nullable: true }) synthetic?: boolean;
}
