import { Field, ID, InputType } from "type-graphql";
import { DateTime, LocalDate, SafeInt } from "../../graphql/scalars";
import { DailyReportStatus, DepositStatus } from "./receipt.enums";

// Submissions are checked field by field in the services (receipt-rules.ts) rather than with
// class-validator: a report carries up to thousands of receipts, and each error names its path.

@InputType({ description: "One ticket sold." })
export class ReceiptInput {
  @Field(() => ID) stallId: string;
  @Field({ description: "Series and number as printed on the karcis, e.g. \"PBC-A 000123\"." }) ticketNo: string;
  @Field(() => SafeInt, { description: "Rupiah, more than 0." }) amount: number;
  @Field(() => DateTime, { nullable: true }) collectedAt?: Date | null;
}

@InputType()
export class DailyReportInput {
  @Field(() => ID, { description: "Generated once per report by the device (a UUID); retries send the same one." }) clientId: string;
  @Field(() => ID) marketId: string;
  @Field(() => LocalDate) businessDate: string;
  @Field(() => String, { nullable: true }) note?: string | null;
  @Field(() => [ReceiptInput]) receipts: ReceiptInput[];
  @Field(() => ID, { nullable: true, description: "Only for an OFFICER or ADMIN submitting on a collector's behalf." })
  collectorId?: string | null;
}

@InputType()
export class DepositInput {
  @Field(() => ID) clientId: string;
  @Field(() => [ID]) reportIds: string[];
  @Field(() => SafeInt) amount: number;
  @Field(() => DateTime) depositedAt: Date;
  @Field({ description: "Nomor Surat Tanda Setoran." }) stsNumber: string;
  @Field(() => String, { nullable: true }) bankReference?: string | null;
}

@InputType()
export class DailyReportFilter {
  @Field({ nullable: true }) q?: string;
  @Field(() => [ID], { nullable: true }) ids?: string[];
  @Field(() => ID, { nullable: true }) marketId?: string;
  @Field(() => ID, { nullable: true }) collectorId?: string;
  @Field(() => DailyReportStatus, { nullable: true }) status?: DailyReportStatus;
  @Field(() => LocalDate, { nullable: true }) businessDate?: string;
  @Field(() => LocalDate, { nullable: true }) businessDate_gte?: string;
  @Field(() => LocalDate, { nullable: true }) businessDate_lte?: string;
}

@InputType()
export class ReceiptFilter {
  @Field({ nullable: true, description: "Matches the series." }) q?: string;
  @Field(() => [ID], { nullable: true }) ids?: string[];
  @Field(() => ID, { nullable: true }) reportId?: string;
  @Field(() => ID, { nullable: true }) marketId?: string;
  @Field(() => ID, { nullable: true }) stallId?: string;
  @Field({ nullable: true }) series?: string;
  @Field(() => LocalDate, { nullable: true }) businessDate?: string;
  @Field(() => LocalDate, { nullable: true }) businessDate_gte?: string;
  @Field(() => LocalDate, { nullable: true }) businessDate_lte?: string;
}

@InputType()
export class DepositFilter {
  @Field({ nullable: true, description: "Matches STS number and bank reference." }) q?: string;
  @Field(() => [ID], { nullable: true }) ids?: string[];
  @Field(() => ID, { nullable: true }) marketId?: string;
  @Field(() => ID, { nullable: true }) collectorId?: string;
  @Field(() => DepositStatus, { nullable: true }) status?: DepositStatus;
  @Field(() => DateTime, { nullable: true }) depositedAt_gte?: Date;
  @Field(() => DateTime, { nullable: true }) depositedAt_lte?: Date;
}
