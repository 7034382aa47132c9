import { Arg, Authorized, Ctx, ID, Query, Resolver } from "type-graphql";
import type { GraphQLContext } from "../../graphql/context";
import { LocalDate } from "../../graphql/scalars";
import { MARKET_READERS } from "../auth/role";
import { MarketDigitalisation } from "./digitalisation.types";
import { CollectorYield, StallOccupancy } from "./market-monitor.types";
import { RevenueGrouping, RevenueRow, RevenueTotal } from "./revenue.types";

@Resolver()
export class RevenueResolver {
  @Authorized(...MARKET_READERS)
  @Query(() => [RevenueRow], { description: "Potential, target, collections, deposits and leakage per market and period, scoped to the caller's markets." })
  revenueReport(
    @Arg("from", () => LocalDate) from: string,
    @Arg("to", () => LocalDate) to: string,
    @Arg("groupBy", () => RevenueGrouping) groupBy: RevenueGrouping,
    @Arg("marketIds", () => [ID], { nullable: true }) marketIds: string[] | null,
    @Ctx() c: GraphQLContext,
  ): Promise<RevenueRow[]> {
    return c.services.revenue.report(c.actor, { from, to, groupBy, marketIds });
  }

  @Authorized(...MARKET_READERS)
  @Query(() => [MarketDigitalisation], {
    description: "Per market and month (dense, like revenueReport by MONTH and scoped the same): the share of realised revenue and of paying traders that went through digital channels.",
  })
  marketDigitalisation(
    @Arg("from", () => LocalDate) from: string,
    @Arg("to", () => LocalDate) to: string,
    @Arg("marketIds", () => [ID], { nullable: true }) marketIds: string[] | null,
    @Ctx() c: GraphQLContext,
  ): Promise<MarketDigitalisation[]> {
    return c.services.digitalisation.report(c.actor, { from, to, marketIds });
  }

  @Authorized(...MARKET_READERS)
  @Query(() => [RevenueTotal], {
    description: "revenueReport's market rows added up per period (one row for the whole range with groupBy MARKET), over the caller's markets.",
  })
  revenueTotals(
    @Arg("from", () => LocalDate) from: string,
    @Arg("to", () => LocalDate) to: string,
    @Arg("groupBy", () => RevenueGrouping) groupBy: RevenueGrouping,
    @Arg("marketIds", () => [ID], { nullable: true }) marketIds: string[] | null,
    @Ctx() c: GraphQLContext,
  ): Promise<RevenueTotal[]> {
    return c.services.revenue.totals(c.actor, { from, to, groupBy, marketIds });
  }

  @Authorized(...MARKET_READERS)
  @Query(() => [StallOccupancy], { description: "A market's active stalls per kind on a day (today by default): occupied under a valid permit, or vacant." })
  stallOccupancy(
    @Arg("marketId", () => ID) marketId: string,
    @Arg("date", () => LocalDate, { nullable: true }) date: string | null,
    @Ctx() c: GraphQLContext,
  ): Promise<StallOccupancy[]> {
    return c.services.marketMonitor.occupancy(c.actor, marketId, date ?? null);
  }

  @Authorized(...MARKET_READERS)
  @Query(() => [CollectorYield], { description: "Per collector at a market, from..to (at most 366 days): reports, receipts, collected and yield per ticket; most collected first." })
  collectorYields(
    @Arg("marketId", () => ID) marketId: string,
    @Arg("from", () => LocalDate) from: string,
    @Arg("to", () => LocalDate) to: string,
    @Ctx() c: GraphQLContext,
  ): Promise<CollectorYield[]> {
    return c.services.marketMonitor.collectorYields(c.actor, marketId, from, to);
  }
}
