import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { DateTime, JSONObject, LocalDate, SafeInt } from "../../graphql/scalars";
import { BankStatementStatus, PaymentChannel, PaymentMatchStatus, PaymentSource, StatementMatchStatus } from "./payment.enums";

@InputType({ description: "A payment as its channel reports it." })
export class PaymentInput {
  @Field(() => PaymentChannel) channel: PaymentChannel;
  @Field({ description: "The channel's own reference: RRN (QRIS), VA reference, NTB (teller)." }) externalRef: string;
  @Field({ description: "Kode bayar of the bill." }) paymentCode: string;
  @Field(() => SafeInt, { description: "Rupiah paid." }) amount: number;
  @Field(() => DateTime) paidAt: Date;
  @Field(() => String, { nullable: true }) payerName?: string | null;
  @Field(() => String, { nullable: true }) issuer?: string | null;
  @Field(() => JSONObject, { nullable: true, description: "The notification as the channel sent it." }) rawNotification?: Record<string, unknown> | null;
}

@InputType()
export class PaymentFilter {
  @Field({ nullable: true, description: "Matches reference, payment code and payer name." }) q?: string;
  @Field(() => [ID], { nullable: true }) ids?: string[];
  @Field(() => ID, { nullable: true }) marketId?: string;
  @Field(() => ID, { nullable: true }) billId?: string;
  @Field(() => PaymentChannel, { nullable: true }) channel?: PaymentChannel;
  @Field(() => PaymentMatchStatus, { nullable: true }) matchStatus?: PaymentMatchStatus;
  @Field(() => PaymentSource, { nullable: true }) source?: PaymentSource;
  @Field({ nullable: true }) paymentCode?: string;
  @Field(() => DateTime, { nullable: true }) paidAt_gte?: Date;
  @Field(() => DateTime, { nullable: true }) paidAt_lte?: Date;
  @Field(() => LocalDate, { nullable: true }) revenueDate_gte?: string;
  @Field(() => LocalDate, { nullable: true }) revenueDate_lte?: string;
}

@InputType({ description: "Header names of a bank's export, where they differ from the usual ones." })
export class StatementColumnsInput {
  @Field({ nullable: true }) valueDate?: string;
  @Field({ nullable: true }) description?: string;
  @Field({ nullable: true }) reference?: string;
  @Field({ nullable: true }) credit?: string;
  @Field({ nullable: true }) debit?: string;
  @Field({ nullable: true }) balance?: string;
}

@InputType()
export class BankStatementFilter {
  @Field({ nullable: true, description: "Matches file name, account number and digest." }) q?: string;
  @Field(() => [ID], { nullable: true }) ids?: string[];
  @Field({ nullable: true }) accountNo?: string;
  @Field({ nullable: true }) fileDigest?: string;
  @Field(() => BankStatementStatus, { nullable: true }) status?: BankStatementStatus;
  @Field(() => DateTime, { nullable: true }) importedAt_gte?: Date;
  @Field(() => DateTime, { nullable: true }) importedAt_lte?: Date;
  @Field(() => LocalDate, { nullable: true }) lastValueDate_gte?: string;
  @Field(() => LocalDate, { nullable: true }) firstValueDate_lte?: string;
}

@InputType()
export class StatementLineFilter {
  @Field({ nullable: true, description: "Matches reference and description." }) q?: string;
  @Field(() => [ID], { nullable: true }) ids?: string[];
  @Field(() => ID, { nullable: true }) statementId?: string;
  @Field(() => StatementMatchStatus, { nullable: true }) matchStatus?: StatementMatchStatus;
  @Field({ nullable: true }) reference?: string;
  @Field(() => ID, { nullable: true }) paymentId?: string;
  @Field(() => ID, { nullable: true }) depositId?: string;
  @Field(() => LocalDate, { nullable: true }) valueDate?: string;
  @Field(() => LocalDate, { nullable: true }) valueDate_gte?: string;
  @Field(() => LocalDate, { nullable: true }) valueDate_lte?: string;
  @Field(() => SafeInt, { nullable: true }) credit_gte?: number;
}

@ObjectType({ description: "Matched and unmatched items of one side of reconciliation." })
export class ReconciliationSide {
  @Field(() => Int) matchedCount: number;
  @Field(() => SafeInt) matchedAmount: number;
  @Field(() => Int) unmatchedCount: number;
  @Field(() => SafeInt) unmatchedAmount: number;
}

@ObjectType({ description: "The treasury account against the payments and deposits of a period (Asia/Jakarta days)." })
export class ReconciliationReport {
  @Field(() => LocalDate) from: string;
  @Field(() => LocalDate) to: string;
  @Field(() => ReconciliationSide, { description: "Credit lines by value date: matched, or exceptions with no payment or deposit." })
  statementLines: ReconciliationSide;
  @Field(() => ReconciliationSide, { description: "Non-reversed payments by payment day: found on a statement or not (yet)." })
  payments: ReconciliationSide;
  @Field(() => ReconciliationSide, { description: "Verified deposits by deposit day: found on a statement or not (yet)." })
  deposits: ReconciliationSide;
}
