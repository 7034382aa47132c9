import { ArgsType, Field, ID, InputType } from "type-graphql";
import { ArrayMaxSize, IsBoolean, IsDateString, IsEnum, IsOptional, IsString, IsUrl, Length, Matches, MaxLength } from "class-validator";
import { LocalDate } from "../../graphql/scalars";
import { InnovationStatus } from "./innovation.enums";

const ID_PATTERN = /^\d+$/;

@ArgsType()
export class InnovationInput {
  @Field(() => ID) @Matches(ID_PATTERN, { message: "agencyId must be an id" }) agencyId: string;
  @Field() @IsString() @Length(3, 160, { message: "name must be 3 to 160 characters" }) name: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(40, { message: "shortName must be at most 40 characters" }) shortName?: string | null;
  @Field() @IsString() @Length(10, 2000, { message: "description must be 10 to 2000 characters" }) description: string;
  @Field(() => LocalDate, { nullable: true, description: "Only a published launch date; leave empty rather than guess." })
  @IsOptional()
  @IsDateString({ strict: true }, { message: "launchedOn must be a date (YYYY-MM-DD)" })
  launchedOn?: string | null;
  @Field(() => InnovationStatus) @IsEnum(InnovationStatus) status: InnovationStatus;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl({ protocols: ["http", "https"], require_protocol: true }, { message: "publicUrl must be an http(s) address" })
  @MaxLength(255, { message: "publicUrl must be at most 255 characters" })
  publicUrl?: string | null;
  @Field({ nullable: true, description: "Shown in the public catalogue; false when omitted on create." }) @IsOptional() @IsBoolean() published?: boolean;
  @Field(() => [ID], { nullable: true, description: "The services it changes, of any agency (e.g. the MPP's)." })
  @IsOptional()
  @ArrayMaxSize(50, { message: "serviceIds may list at most 50 services" })
  @Matches(ID_PATTERN, { each: true, message: "serviceIds must be ids" })
  serviceIds?: string[];
  @Field(() => [ID], { nullable: true, description: "The markets it covers, where it concerns markets." })
  @IsOptional()
  @ArrayMaxSize(100, { message: "marketIds may list at most 100 markets" })
  @Matches(ID_PATTERN, { each: true, message: "marketIds must be ids" })
  marketIds?: string[];
}

@InputType()
export class InnovationFilter {
  @Field({ nullable: true, description: "Searches name, short name and description." }) q?: string;
  @Field(() => [ID], { nullable: true }) ids?: string[];
  @Field(() => ID, { nullable: true }) agencyId?: string;
  @Field(() => InnovationStatus, { nullable: true }) status?: InnovationStatus;
  @Field({ nullable: true }) published?: boolean;
  @Field(() => ID, { nullable: true, description: "Innovations that change this service." }) serviceId?: string;
  @Field(() => ID, { nullable: true, description: "Innovations that cover this market." }) marketId?: string;
}
