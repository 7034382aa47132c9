import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { parseId } from "../../common/ids";
import type { GraphQLContext } from "../../graphql/context";
import { ReadResourceResolver } from "../../graphql/resource-resolver";
import { LocalDate } from "../../graphql/scalars";
import { ANOMALY_READERS, Role } from "../auth/role";
import { User } from "../auth/user.entity";
import { Market } from "../markets/market.entity";
import { Stall } from "../markets/stall.entity";
import { Anomaly } from "./anomaly.entity";
import { AnomalyResolution } from "./anomaly.enums";
import { AnomalyEvent } from "./anomaly-event.entity";
import { AnomalyFilter, AnomalyRuleInfo, AnomalySeverityCount, AnomalySummaryRow } from "./anomaly.types";
import { DetectionRun } from "./detection-run.entity";

/** Collectors see no anomalies; market heads see their markets'. */
const DETECTORS = [Role.ADMIN, Role.OFFICER, Role.AUDITOR];
const WORKERS = [Role.ADMIN, Role.OFFICER, Role.AUDITOR];

const marketIdsOf = (raw: string[] | null | undefined) => (raw ? raw.map((id, i) => parseId(id, `marketIds.${i}`)) : null);

@Resolver(() => Anomaly)
export class AnomalyResolver extends ReadResourceResolver({
  name: "Anomaly", plural: "Anomalies", type: Anomaly, filter: AnomalyFilter, readRoles: ANOMALY_READERS,
  service: (c) => c.services.anomalies,
}) {
  @Authorized(...DETECTORS)
  @Mutation(() => DetectionRun, { description: "Runs every rule over the business days from..to (at most 366) and the markets (all when omitted)." })
  runAnomalyDetection(
    @Arg("from", () => LocalDate) from: string,
    @Arg("to", () => LocalDate) to: string,
    @Arg("marketIds", () => [ID], { nullable: true }) marketIds: string[] | null,
    @Ctx() c: GraphQLContext,
  ) {
    return c.services.anomalies.run(c.actor, from, to, marketIdsOf(marketIds));
  }

  @Authorized(...WORKERS)
  @Mutation(() => Anomaly, { description: "OPEN -> ACKNOWLEDGED: someone is looking at it." })
  acknowledgeAnomaly(@Arg("id", () => ID) id: string, @Arg("note", () => String, { nullable: true }) note: string | null, @Ctx() c: GraphQLContext) {
    return c.services.anomalies.act(c.actor, id, { action: "ACKNOWLEDGED", note });
  }

  @Authorized(...WORKERS)
  @Mutation(() => Anomaly, { description: "Gives it to a user to follow up (null: nobody); an open finding becomes ACKNOWLEDGED." })
  assignAnomaly(@Arg("id", () => ID) id: string, @Arg("assigneeId", () => ID, { nullable: true }) assigneeId: string | null, @Ctx() c: GraphQLContext) {
    return c.services.anomalies.act(c.actor, id, { action: "ASSIGNED", assigneeId: assigneeId === null ? null : parseId(assigneeId, "assigneeId") });
  }

  @Authorized(...WORKERS)
  @Mutation(() => Anomaly, { description: "Closes it with a resolution and a note saying what was found." })
  resolveAnomaly(
    @Arg("id", () => ID) id: string,
    @Arg("resolution", () => AnomalyResolution) resolution: AnomalyResolution,
    @Arg("note") note: string,
    @Ctx() c: GraphQLContext,
  ) {
    return c.services.anomalies.act(c.actor, id, { action: "RESOLVED", resolution, note });
  }

  @Authorized(...ANOMALY_READERS)
  @Query(() => [AnomalySummaryRow], { description: "Per market and rule: findings dated from..to, open ones and amounts at risk; scoped like the list." })
  anomalySummary(
    @Arg("from", () => LocalDate) from: string,
    @Arg("to", () => LocalDate) to: string,
    @Arg("marketIds", () => [ID], { nullable: true }) marketIds: string[] | null,
    @Ctx() c: GraphQLContext,
  ) {
    return c.services.anomalies.summary(c.actor, from, to, marketIdsOf(marketIds));
  }

  @Authorized(...ANOMALY_READERS)
  @Query(() => [AnomalySeverityCount], { description: "Per severity (all four, most severe first): findings dated from..to and the open ones; scoped like the list." })
  anomalySeverityCounts(
    @Arg("from", () => LocalDate) from: string,
    @Arg("to", () => LocalDate) to: string,
    @Arg("marketIds", () => [ID], { nullable: true }) marketIds: string[] | null,
    @Ctx() c: GraphQLContext,
  ) {
    return c.services.anomalies.severityCounts(c.actor, from, to, marketIdsOf(marketIds));
  }

  @Authorized(...ANOMALY_READERS)
  @Query(() => [AnomalyRuleInfo], { description: "The detection rules with their codes, descriptions and the thresholds in force." })
  rules(@Ctx() c: GraphQLContext): AnomalyRuleInfo[] {
    return c.services.anomalies.rules().map(({ rule, thresholds }) => ({
      code: rule.code, description: rule.description, severity: rule.severity,
      thresholds: Object.entries(thresholds).map(([name, value]) => ({ name, value })),
    }));
  }

  @FieldResolver(() => Market, { nullable: true })
  market(@Root() a: Anomaly, @Ctx() { loaders }: GraphQLContext) {
    return a.marketId === null ? null : loaders.market.load(a.marketId);
  }

  @FieldResolver(() => Stall, { nullable: true })
  stall(@Root() a: Anomaly, @Ctx() { loaders }: GraphQLContext) {
    return a.stallId === null ? null : loaders.stall.load(a.stallId);
  }

  @FieldResolver(() => User, { nullable: true })
  collector(@Root() a: Anomaly, @Ctx() { loaders }: GraphQLContext) {
    return a.collectorId === null ? null : loaders.user.load(a.collectorId);
  }

  @FieldResolver(() => User, { nullable: true })
  assignee(@Root() a: Anomaly, @Ctx() { loaders }: GraphQLContext) {
    return a.assigneeId === null ? null : loaders.user.load(a.assigneeId);
  }

  @FieldResolver(() => [AnomalyEvent], { description: "Its history, oldest first." })
  history(@Root() a: Anomaly, @Ctx() { loaders }: GraphQLContext) {
    return loaders.anomalyEvents.load(a.id);
  }
}

export const ANOMALY_RESOLVERS = [AnomalyResolver] as const;
