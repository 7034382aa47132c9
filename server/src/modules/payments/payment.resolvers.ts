import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from "type-graphql";
import type { GraphQLContext } from "../../graphql/context";
import { ReadResourceResolver } from "../../graphql/resource-resolver";
import { SafeInt } from "../../graphql/scalars";
import { Role } from "../auth/role";
import { Market } from "../markets/market.entity";
import { StallPermit } from "../markets/stall-permit.entity";
import { Stall } from "../markets/stall.entity";
import { Trader } from "../markets/trader.entity";
import { Bill } from "./bill.entity";
import { BillFilter, BillRun } from "./bill.types";

/** Collectors handle cash, not bills; everyone else who works with market revenue reads them. */
const BILL_READERS = [Role.ADMIN, Role.OFFICER, Role.MARKET_HEAD, Role.TREASURER, Role.REVENUE_OFFICER, Role.AUDITOR];
const BILL_ISSUERS = [Role.ADMIN, Role.OFFICER, Role.REVENUE_OFFICER];

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
}

export const PAYMENT_RESOLVERS = [BillResolver] as const;
