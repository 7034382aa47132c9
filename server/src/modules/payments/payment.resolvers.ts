import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { GraphQLContext } from "../../graphql/context";
import { ReadResourceResolver } from "../../graphql/resource-resolver";
import { LocalDate, SafeInt } from "../../graphql/scalars";
import { User } from "../auth/user.entity";
import { Role } from "../auth/role";
import { Deposit } from "../receipts/deposit.entity";
import { Market } from "../markets/market.entity";
import { StallPermit } from "../markets/stall-permit.entity";
import { Stall } from "../markets/stall.entity";
import { Trader } from "../markets/trader.entity";
import { BankStatement } from "./bank-statement.entity";
import { Bill } from "./bill.entity";
import { BillFilter, BillRun } from "./bill.types";
import { Payment } from "./payment.entity";
import { PaymentSource } from "./payment.enums";
import {
  BankStatementFilter, PaymentFilter, PaymentInput, ReconciliationReport, StatementColumnsInput, StatementLineFilter,
} from "./payment.types";
import { parseColumnMapping, STATEMENT_FIELDS } from "./statement-csv";
import { StatementLine } from "./statement-line.entity";

/** Collectors handle cash, not bills; everyone else who works with market revenue reads them. */
const BILL_READERS = [Role.ADMIN, Role.OFFICER, Role.MARKET_HEAD, Role.TREASURER, Role.REVENUE_OFFICER, Role.AUDITOR];
const BILL_ISSUERS = [Role.ADMIN, Role.OFFICER, Role.REVENUE_OFFICER];
/** Bapenda records and reverses online payments; integrations use the signed webhooks instead. */
const PAYMENT_KEEPERS = [Role.ADMIN, Role.REVENUE_OFFICER];
/** The treasury account has no market: market heads and collectors do not see it. */
const STATEMENT_READERS = [Role.ADMIN, Role.OFFICER, Role.TREASURER, Role.REVENUE_OFFICER, Role.AUDITOR];
const STATEMENT_IMPORTERS = [Role.ADMIN, Role.TREASURER, Role.REVENUE_OFFICER];

@Resolver(() => Bill)
export class BillResolver extends ReadResourceResolver({
  name: "Bill", type: Bill, filter: BillFilter, readRoles: BILL_READERS,
  service: (c) => c.services.bills,
}) {
  @Authorized(...BILL_ISSUERS)
  @Mutation(() => BillRun, { description: "Issues the SKRD of a month (YYYY-MM) for monthly-billed stalls; running it again creates only what is missing." })
  generateBills(@Arg("period") period: string, @Ctx() c: GraphQLContext) {
    return c.services.bills.generate(c.actor, period);
  }

  @FieldResolver(() => Int, { description: "Started months past the due date (as of today, or of the payment), capped." })
  monthsLate(@Root() b: Bill, @Ctx() c: GraphQLContext) {
    return c.services.bills.amounts(b).monthsLate;
  }

  @FieldResolver(() => SafeInt, { description: "Late-payment interest in rupiah: a share of the principal per started month late." })
  penalty(@Root() b: Bill, @Ctx() c: GraphQLContext) {
    return c.services.bills.amounts(b).penalty;
  }

  @FieldResolver(() => SafeInt, { description: "principal + penalty; 0 for a cancelled bill." })
  amountDue(@Root() b: Bill, @Ctx() c: GraphQLContext) {
    return c.services.bills.amounts(b).amountDue;
  }

  @FieldResolver(() => Market)
  market(@Root() b: Bill, @Ctx() { loaders }: GraphQLContext) {
    return loaders.market.load(b.marketId);
  }

  @FieldResolver(() => Stall)
  stall(@Root() b: Bill, @Ctx() { loaders }: GraphQLContext) {
    return loaders.stall.load(b.stallId);
  }

  @FieldResolver(() => Trader)
  trader(@Root() b: Bill, @Ctx() { loaders }: GraphQLContext) {
    return loaders.trader.load(b.traderId);
  }

  @FieldResolver(() => StallPermit)
  permit(@Root() b: Bill, @Ctx() { loaders }: GraphQLContext) {
    return loaders.stallPermit.load(b.permitId);
  }

  @FieldResolver(() => [Payment], { description: "Every payment quoting this bill's code, newest first, reversed ones included." })
  payments(@Root() b: Bill, @Ctx() { loaders }: GraphQLContext) {
    return loaders.paymentsByBill.load(b.id);
  }
}

@Resolver(() => Payment)
export class PaymentResolver extends ReadResourceResolver({
  name: "Payment", type: Payment, filter: PaymentFilter, readRoles: BILL_READERS,
  service: (c) => c.services.payments,
}) {
  @Authorized(...PAYMENT_KEEPERS)
  @Mutation(() => Payment, {
    description: "Stores a payment once per (channel, externalRef): a replay returns the stored payment; another amount or code is a CONFLICT.",
  })
  async recordPayment(@Arg("input", () => PaymentInput, { validate: false }) input: PaymentInput, @Ctx() c: GraphQLContext) {
    return (await c.services.payments.record(c.actor, input, PaymentSource.API)).payment;
  }

  @Authorized(...PAYMENT_KEEPERS)
  @Mutation(() => Payment, { description: "Batal bayar: the payment stays, marked reversed; a bill it paid is owed again." })
  reversePayment(@Arg("id", () => ID) id: string, @Arg("reason") reason: string, @Ctx() c: GraphQLContext) {
    return c.services.payments.reverse(c.actor, id, reason);
  }

  @FieldResolver(() => Bill, { nullable: true })
  bill(@Root() p: Payment, @Ctx() { loaders }: GraphQLContext) {
    return p.billId === null ? null : loaders.bill.load(p.billId);
  }

  @FieldResolver(() => Market, { nullable: true })
  market(@Root() p: Payment, @Ctx() { loaders }: GraphQLContext) {
    return p.marketId === null ? null : loaders.market.load(p.marketId);
  }

  @FieldResolver(() => Boolean)
  reversed(@Root() p: Payment) {
    return p.reversedAt !== null;
  }

  @FieldResolver(() => User, { nullable: true })
  recordedBy(@Root() p: Payment, @Ctx() { loaders }: GraphQLContext) {
    return p.recordedById === null ? null : loaders.user.load(p.recordedById);
  }

  @FieldResolver(() => User, { nullable: true })
  reversedBy(@Root() p: Payment, @Ctx() { loaders }: GraphQLContext) {
    return p.reversedById === null ? null : loaders.user.load(p.reversedById);
  }
}

@Resolver(() => BankStatement)
export class BankStatementResolver extends ReadResourceResolver({
  name: "BankStatement", type: BankStatement, filter: BankStatementFilter, readRoles: STATEMENT_READERS,
  service: (c) => c.services.bankStatements,
}) {
  @Authorized(...STATEMENT_IMPORTERS)
  @Mutation(() => BankStatement, {
    description: "Imports a CSV export of the treasury account. Any bad line refuses the whole file; the same file again returns the stored statement.",
  })
  importBankStatement(
    @Arg("accountNo") accountNo: string,
    @Arg("fileName") fileName: string,
    @Arg("csv") csv: string,
    @Arg("columns", () => StatementColumnsInput, { nullable: true, description: "Header names, where the bank's differ from the configured ones." })
    columns: StatementColumnsInput | null,
    @Ctx() c: GraphQLContext,
  ) {
    const service = c.services.bankStatements;
    const overrides = STATEMENT_FIELDS.filter((f) => columns?.[f]?.trim()).map((f) => `${f}=${columns![f]!.trim()}`).join(";");
    return service.import(c.actor, accountNo, fileName, csv, overrides ? parseColumnMapping(overrides, service.mapping) : service.mapping);
  }

  @Authorized(...STATEMENT_IMPORTERS)
  @Mutation(() => BankStatement, { description: "Tries the statement's unmatched credit lines again, e.g. after late payment notifications." })
  reconcileBankStatement(@Arg("id", () => ID) id: string, @Ctx() c: GraphQLContext) {
    return c.services.bankStatements.reconcile(c.actor, id);
  }

  @Authorized(...STATEMENT_READERS)
  @Query(() => ReconciliationReport, { description: "The treasury account against payments and verified deposits, Asia/Jakarta days from..to." })
  reconciliationReport(@Arg("from", () => LocalDate) from: string, @Arg("to", () => LocalDate) to: string, @Ctx() c: GraphQLContext) {
    return c.services.bankStatements.reconciliationReport(from, to);
  }

  @FieldResolver(() => User)
  importedBy(@Root() s: BankStatement, @Ctx() { loaders }: GraphQLContext) {
    return loaders.user.load(s.importedById);
  }
}

@Resolver(() => StatementLine)
export class StatementLineResolver extends ReadResourceResolver({
  name: "StatementLine", type: StatementLine, filter: StatementLineFilter, readRoles: STATEMENT_READERS,
  service: (c) => c.services.statementLines,
}) {
  @FieldResolver(() => BankStatement)
  statement(@Root() l: StatementLine, @Ctx() { loaders }: GraphQLContext) {
    return loaders.bankStatement.load(l.statementId);
  }

  @FieldResolver(() => Payment, { nullable: true })
  payment(@Root() l: StatementLine, @Ctx() { loaders }: GraphQLContext) {
    return l.paymentId === null ? null : loaders.payment.load(l.paymentId);
  }

  @FieldResolver(() => Deposit, { nullable: true })
  deposit(@Root() l: StatementLine, @Ctx() { loaders }: GraphQLContext) {
    return l.depositId === null ? null : loaders.deposit.load(l.depositId);
  }
}

export const PAYMENT_RESOLVERS = [BillResolver, PaymentResolver, BankStatementResolver, StatementLineResolver] as const;
