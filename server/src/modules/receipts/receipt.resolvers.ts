import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { GraphQLContext } from "../../graphql/context";
import { ReadResourceResolver } from "../../graphql/resource-resolver";
import { LocalDate } from "../../graphql/scalars";
import { User } from "../auth/user.entity";
import { MARKET_READERS, Role } from "../auth/role";
import { Market } from "../markets/market.entity";
import { Stall } from "../markets/stall.entity";
import { CollectionSheet } from "./collection-sheet.types";
import { DailyReport } from "./daily-report.entity";
import { Deposit } from "./deposit.entity";
import { Receipt } from "./receipt.entity";
import { DailyReportFilter, DailyReportInput, DepositFilter, DepositInput, ReceiptFilter } from "./receipt.inputs";
import { formatTicketNumber } from "./ticket-number";

const REPORT_SUBMITTERS = [Role.COLLECTOR, Role.OFFICER, Role.ADMIN];
const REPORT_REJECTERS = [Role.MARKET_HEAD, Role.OFFICER, Role.ADMIN];
const DEPOSIT_RECORDERS = [Role.COLLECTOR, Role.MARKET_HEAD, Role.OFFICER, Role.ADMIN];
const DEPOSIT_VERIFIERS = [Role.TREASURER, Role.ADMIN];

@Resolver(() => DailyReport)
export class DailyReportResolver extends ReadResourceResolver({
  name: "DailyReport", type: DailyReport, filter: DailyReportFilter, readRoles: MARKET_READERS,
  service: (c) => c.services.dailyReports,
}) {
  @Authorized(...REPORT_SUBMITTERS)
  @Mutation(() => DailyReport, { description: "Idempotent by clientId: a retry returns the stored report." })
  submitDailyReport(@Arg("input", () => DailyReportInput, { validate: false }) input: DailyReportInput, @Ctx() c: GraphQLContext) {
    return c.services.dailyReports.submit(c.actor, input);
  }

  @Authorized(...REPORT_REJECTERS)
  @Mutation(() => DailyReport, { description: "The report stays visible but no longer counts; the collector submits a corrected one." })
  rejectDailyReport(@Arg("id", () => ID) id: string, @Arg("reason") reason: string, @Ctx() c: GraphQLContext) {
    return c.services.dailyReports.reject(c.actor, id, reason);
  }

  @FieldResolver(() => Market)
  market(@Root() r: DailyReport, @Ctx() { loaders }: GraphQLContext) {
    return loaders.market.load(r.marketId);
  }

  @FieldResolver(() => User)
  collector(@Root() r: DailyReport, @Ctx() { loaders }: GraphQLContext) {
    return loaders.user.load(r.collectorId);
  }

  @FieldResolver(() => User)
  submittedBy(@Root() r: DailyReport, @Ctx() { loaders }: GraphQLContext) {
    return loaders.user.load(r.submittedById);
  }

  @FieldResolver(() => User, { nullable: true })
  rejectedBy(@Root() r: DailyReport, @Ctx() { loaders }: GraphQLContext) {
    return r.rejectedById === null ? null : loaders.user.load(r.rejectedById);
  }

  @FieldResolver(() => [Receipt], { description: "Every receipt, in the order submitted." })
  receipts(@Root() r: DailyReport, @Ctx() { loaders }: GraphQLContext) {
    return loaders.receiptsByReport.load(r.id);
  }

  @FieldResolver(() => Deposit, { nullable: true, description: "The deposit covering this report, unless rejected." })
  async deposit(@Root() r: DailyReport, @Ctx() { loaders }: GraphQLContext) {
    const id = await loaders.liveDepositIdByReport.load(r.id);
    return id === null ? null : loaders.deposit.load(id);
  }
}

@Resolver(() => Receipt)
export class ReceiptResolver extends ReadResourceResolver({
  name: "Receipt", type: Receipt, filter: ReceiptFilter, readRoles: MARKET_READERS,
  service: (c) => c.services.receipts,
}) {
  @FieldResolver(() => String, { description: "Series and number, e.g. \"PBC-A 000123\"." })
  ticketNo(@Root() r: Receipt) {
    return formatTicketNumber(r);
  }

  @FieldResolver(() => DailyReport)
  report(@Root() r: Receipt, @Ctx() { loaders }: GraphQLContext) {
    return loaders.dailyReport.load(r.reportId);
  }

  @FieldResolver(() => Stall)
  stall(@Root() r: Receipt, @Ctx() { loaders }: GraphQLContext) {
    return loaders.stall.load(r.stallId);
  }

  @FieldResolver(() => Market)
  market(@Root() r: Receipt, @Ctx() { loaders }: GraphQLContext) {
    return loaders.market.load(r.marketId);
  }
}

@Resolver(() => Deposit)
export class DepositResolver extends ReadResourceResolver({
  name: "Deposit", type: Deposit, filter: DepositFilter, readRoles: MARKET_READERS,
  service: (c) => c.services.deposits,
}) {
  @Authorized(...DEPOSIT_RECORDERS)
  @Mutation(() => Deposit, { description: "Idempotent by clientId. A report is covered by at most one deposit that is not rejected." })
  recordDeposit(@Arg("input", () => DepositInput, { validate: false }) input: DepositInput, @Ctx() c: GraphQLContext) {
    return c.services.deposits.record(c.actor, input);
  }

  @Authorized(...DEPOSIT_VERIFIERS)
  @Mutation(() => Deposit, { description: "approve: true makes it realised revenue; false rejects it (a note is required)." })
  verifyDeposit(
    @Arg("id", () => ID) id: string,
    @Arg("approve") approve: boolean,
    @Arg("note", () => String, { nullable: true }) note: string | null,
    @Ctx() c: GraphQLContext,
  ) {
    return c.services.deposits.verify(c.actor, id, approve, note);
  }

  @FieldResolver(() => User)
  collector(@Root() d: Deposit, @Ctx() { loaders }: GraphQLContext) {
    return loaders.user.load(d.collectorId);
  }

  @FieldResolver(() => Market)
  market(@Root() d: Deposit, @Ctx() { loaders }: GraphQLContext) {
    return loaders.market.load(d.marketId);
  }

  @FieldResolver(() => [DailyReport])
  async reports(@Root() d: Deposit, @Ctx() { loaders }: GraphQLContext) {
    return loaders.dailyReport.loadMany(await loaders.reportIdsByDeposit.load(d.id));
  }

  @FieldResolver(() => User)
  recordedBy(@Root() d: Deposit, @Ctx() { loaders }: GraphQLContext) {
    return loaders.user.load(d.recordedById);
  }

  @FieldResolver(() => User, { nullable: true })
  verifiedBy(@Root() d: Deposit, @Ctx() { loaders }: GraphQLContext) {
    return d.verifiedById === null ? null : loaders.user.load(d.verifiedById);
  }
}

@Resolver(() => CollectionSheet)
export class CollectionSheetResolver {
  @Authorized(...REPORT_SUBMITTERS)
  @Query(() => CollectionSheet, {
    description: "What a collector needs to record a day's receipts at a market, also offline: stalls with the karcis amount, open ticket books with the next number, and the reports still to deposit.",
  })
  collectionSheet(
    @Arg("marketId", () => ID) marketId: string,
    @Arg("businessDate", () => LocalDate) businessDate: string,
    @Arg("collectorId", () => ID, { nullable: true }) collectorId: string | null | undefined,
    @Ctx() c: GraphQLContext,
  ): Promise<CollectionSheet> {
    return c.services.collectionSheets.sheet(c.actor, { marketId, businessDate, collectorId });
  }

  @FieldResolver(() => Market)
  market(@Root() s: CollectionSheet, @Ctx() { loaders }: GraphQLContext) {
    return loaders.market.load(s.marketId);
  }
}

export const RECEIPT_RESOLVERS = [DailyReportResolver, ReceiptResolver, DepositResolver, CollectionSheetResolver] as const;
