import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from "type-graphql";
import type { GraphQLContext } from "../../graphql/context";
import { ReadResourceResolver, ResourceResolver } from "../../graphql/resource-resolver";
import { User } from "../auth/user.entity";
import { MARKET_READERS, MASTER_DATA_WRITERS, Role } from "../auth/role";
import { CollectorAssignment } from "./collector-assignment.entity";
import { Market } from "./market.entity";
import {
  CollectorAssignmentFilter, CollectorAssignmentInput, MarketFilter, MarketInput, RevenueTargetFilter, RevenueTargetInput,
  StallFilter, StallInput, StallPermitFilter, StallPermitInput, TariffFilter, TariffInput, TicketBookFilter, TicketBookInput,
  TicketReturnFilter, TraderFilter, TraderInput,
} from "./market.inputs";
import { RevenueTarget } from "./revenue-target.entity";
import { StallPermit } from "./stall-permit.entity";
import { Stall } from "./stall.entity";
import { Tariff } from "./tariff.entity";
import { TicketBook } from "./ticket-book.entity";
import { TicketReturn } from "./ticket-return.entity";
import { Trader } from "./trader.entity";

const access = { readRoles: MARKET_READERS, writeRoles: MASTER_DATA_WRITERS };

@Resolver(() => Market)
export class MarketResolver extends ResourceResolver({
  name: "Market", type: Market, filter: MarketFilter, input: MarketInput, ...access,
  service: (c) => c.services.markets,
}) {
  @FieldResolver(() => User, { nullable: true, description: "The Kepala UPTD." })
  head(@Root() m: Market, @Ctx() { loaders }: GraphQLContext) {
    return m.headUserId === null ? null : loaders.user.load(m.headUserId);
  }
}

@Resolver(() => Stall)
export class StallResolver extends ResourceResolver({
  name: "Stall", type: Stall, filter: StallFilter, input: StallInput, ...access,
  service: (c) => c.services.stalls,
}) {
  @FieldResolver(() => Market)
  market(@Root() s: Stall, @Ctx() { loaders }: GraphQLContext) {
    return loaders.market.load(s.marketId);
  }
}

@Resolver(() => Trader)
export class TraderResolver extends ResourceResolver({
  name: "Trader", type: Trader, filter: TraderFilter, input: TraderInput, ...access,
  service: (c) => c.services.traders,
}) {}

@Resolver(() => StallPermit)
export class StallPermitResolver extends ResourceResolver({
  name: "StallPermit", type: StallPermit, filter: StallPermitFilter, input: StallPermitInput, ...access,
  service: (c) => c.services.stallPermits,
}) {
  @FieldResolver(() => Stall)
  stall(@Root() p: StallPermit, @Ctx() { loaders }: GraphQLContext) {
    return loaders.stall.load(p.stallId);
  }

  @FieldResolver(() => Trader)
  trader(@Root() p: StallPermit, @Ctx() { loaders }: GraphQLContext) {
    return loaders.trader.load(p.traderId);
  }
}

@Resolver(() => Tariff)
export class TariffResolver extends ResourceResolver({
  name: "Tariff", type: Tariff, filter: TariffFilter, input: TariffInput, ...access,
  service: (c) => c.services.tariffs,
}) {}

@Resolver(() => CollectorAssignment)
export class CollectorAssignmentResolver extends ResourceResolver({
  name: "CollectorAssignment", type: CollectorAssignment, filter: CollectorAssignmentFilter, input: CollectorAssignmentInput, ...access,
  service: (c) => c.services.collectorAssignments,
}) {
  @FieldResolver(() => User)
  collector(@Root() a: CollectorAssignment, @Ctx() { loaders }: GraphQLContext) {
    return loaders.user.load(a.collectorId);
  }

  @FieldResolver(() => Market)
  market(@Root() a: CollectorAssignment, @Ctx() { loaders }: GraphQLContext) {
    return loaders.market.load(a.marketId);
  }
}

@Resolver(() => TicketBook)
export class TicketBookResolver extends ResourceResolver({
  name: "TicketBook", type: TicketBook, filter: TicketBookFilter, input: TicketBookInput, ...access,
  service: (c) => c.services.ticketBooks,
}) {
  @FieldResolver(() => Market)
  market(@Root() b: TicketBook, @Ctx() { loaders }: GraphQLContext) {
    return loaders.market.load(b.marketId);
  }

  @FieldResolver(() => User)
  collector(@Root() b: TicketBook, @Ctx() { loaders }: GraphQLContext) {
    return loaders.user.load(b.collectorId);
  }
}

@Resolver(() => TicketReturn)
export class TicketReturnResolver extends ReadResourceResolver({
  name: "TicketReturn", type: TicketReturn, filter: TicketReturnFilter, readRoles: MARKET_READERS,
  service: (c) => c.services.ticketReturns,
}) {
  @Authorized(Role.COLLECTOR, Role.MARKET_HEAD, Role.OFFICER, Role.ADMIN)
  @Mutation(() => TicketReturn, { description: "Records unsold tickets firstNumber..lastNumber of a book as handed back; they are then no serial gap." })
  returnUnusedTickets(
    @Arg("bookId", () => ID) bookId: string,
    @Arg("firstNumber", () => Int) firstNumber: number,
    @Arg("lastNumber", () => Int) lastNumber: number,
    @Ctx() c: GraphQLContext,
  ) {
    return c.services.ticketReturns.record(c.actor, bookId, firstNumber, lastNumber);
  }

  @FieldResolver(() => TicketBook)
  book(@Root() t: TicketReturn, @Ctx() { loaders }: GraphQLContext) {
    return loaders.ticketBook.load(t.bookId);
  }
}

@Resolver(() => RevenueTarget)
export class RevenueTargetResolver extends ResourceResolver({
  name: "RevenueTarget", type: RevenueTarget, filter: RevenueTargetFilter, input: RevenueTargetInput, ...access,
  service: (c) => c.services.revenueTargets,
}) {
  @FieldResolver(() => Market, { nullable: true })
  market(@Root() t: RevenueTarget, @Ctx() { loaders }: GraphQLContext) {
    return t.marketId === null ? null : loaders.market.load(t.marketId);
  }
}

export const MARKET_RESOLVERS = [
  MarketResolver, StallResolver, TraderResolver, StallPermitResolver, TariffResolver,
  CollectorAssignmentResolver, TicketBookResolver, TicketReturnResolver, RevenueTargetResolver,
] as const;
