import { Field, ID, InputType, Int } from "type-graphql";
import { IsBoolean, IsEnum, IsInt, IsOptional, IsString, IsUrl, Matches, Max, MaxLength, Min } from "class-validator";
import { DeliveryMode, PostageBorneBy } from "./innovation.enums";

@InputType({ description: "One delivery mode; only the fields of its mode may be given (see ServiceDeliveryMode), the others stay null." })
export class DeliveryModeInput {
  @Field(() => DeliveryMode) @IsEnum(DeliveryMode) mode: DeliveryMode;
  @Field(() => ID, { nullable: true }) @IsOptional() @Matches(/^\d+$/, { message: "venueId must be an id" }) venueId?: string | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl({ protocols: ["http", "https"], require_protocol: true }, { message: "url must be an http(s) address" })
  @MaxLength(300, { message: "url must be at most 300 characters" })
  url?: string | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() fullyOnline?: boolean | null;
  @Field(() => PostageBorneBy, { nullable: true }) @IsOptional() @IsEnum(PostageBorneBy) postageBorneBy?: PostageBorneBy | null;
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt({ message: "typicalDays must be a whole number" })
  @Min(1, { message: "typicalDays must be at least 1" })
  @Max(60, { message: "typicalDays must be at most 60" })
  typicalDays?: number | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(300, { message: "places must be at most 300 characters" }) places?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(200, { message: "frequency must be at most 200 characters" }) frequency?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(500, { message: "note must be at most 500 characters" }) note?: string | null;
}
