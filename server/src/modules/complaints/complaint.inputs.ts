import { ArgsType, Field, ID, InputType } from "type-graphql";
import { ArrayMaxSize, IsDate, IsEnum, IsOptional, IsString, Length, Matches } from "class-validator";
import { DateTime } from "../../graphql/scalars";
import { ComplaintChannel, ComplaintClassification, ComplaintStatus, ComplaintTag } from "./complaint.enums";

/** What the administrator records; status, disposition and deadlines follow from the workflow. */
@ArgsType()
export class ComplaintInput {
  @Field({ description: "The SP4N-LAPOR! tracking number; unique." })
  @Matches(/^[A-Za-z0-9#._/-]{3,40}$/, { message: "trackingNumber must be 3-40 letters, digits, #, dots, slashes, dashes or underscores" })
  trackingNumber: string;

  @Field(() => ComplaintChannel) @IsEnum(ComplaintChannel) channel: ComplaintChannel;
  @Field(() => ComplaintClassification) @IsEnum(ComplaintClassification) classification: ComplaintClassification;
  @Field() @IsString() @Length(2, 80) category: string;
  @Field() @IsString() @Length(3, 200) subject: string;
  @Field() @IsString() @Length(1, 4000) text: string;

  @Field(() => DateTime, { description: "When the report was made; not in the future. Changeable only while RECEIVED." })
  @IsDate({ message: "receivedAt must be an instant" })
  receivedAt: Date;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @Matches(/^\d+$/, { message: "marketId must be an id" })
  marketId?: string | null;

  @Field(() => [ComplaintTag], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(8)
  @IsEnum(ComplaintTag, { each: true })
  tags?: ComplaintTag[];
}

@InputType()
export class ComplaintFilter {
  @Field({ nullable: true, description: "Matches the tracking number, subject and category." }) q?: string;
  @Field(() => [ID], { nullable: true }) ids?: string[];
  @Field(() => ComplaintStatus, { nullable: true }) status?: ComplaintStatus;
  @Field(() => ID, { nullable: true }) agencyId?: string;
  @Field(() => ID, { nullable: true }) marketId?: string;
  @Field(() => ComplaintChannel, { nullable: true }) channel?: ComplaintChannel;
  @Field(() => ComplaintClassification, { nullable: true }) classification?: ComplaintClassification;
  @Field({ nullable: true }) category?: string;
  @Field({ nullable: true }) trackingNumber?: string;
  @Field(() => ComplaintTag, { nullable: true }) tag?: ComplaintTag;
  @Field({ nullable: true, description: "true: some deadline has passed with its step not done (verificationSla, followUpSla or resolutionSla OVERDUE); false: none has." })
  overdue?: boolean;
  @Field(() => DateTime, { nullable: true }) receivedAt_gte?: Date;
  @Field(() => DateTime, { nullable: true }) receivedAt_lte?: Date;
}
