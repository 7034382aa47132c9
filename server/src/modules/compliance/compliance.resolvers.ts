import { Arg, Authorized, Ctx, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import { badInput } from "../../common/errors";
import type { GraphQLContext } from "../../graphql/context";
import { ResourceResolver } from "../../graphql/resource-resolver";
import { Role } from "../auth/role";
import { Agency } from "../public-services/agency.entity";
import { ComplianceAssessment } from "./compliance-assessment.entity";
import { CompliancePublishedAverage } from "./compliance-published-average.entity";
import { ComplianceTarget } from "./compliance-target.entity";
import { ComplianceZone } from "./compliance.enums";
import {
  ComplianceAssessmentFilter, ComplianceAssessmentInput, CompliancePublishedAverageFilter, CompliancePublishedAverageInput, ComplianceTargetFilter,
  ComplianceTargetInput,
} from "./compliance.inputs";
import type { BandRange } from "./compliance-summary.service";
import { ComplianceBandPeriod, ComplianceBandRange, ComplianceSummary } from "./compliance.types";
import { fromHundredths } from "./score";

/**
 * Staff who work with public services read compliance; collectors and market heads have no business
 * here. Only administrators write: the scores are the Ombudsman's, typed in from its report, and an
 * agency editor must not change their own agency's score. OFFICER is the trade office's role (DESIGN.md).
 */
const COMPLIANCE_READERS = [Role.ADMIN, Role.OFFICER, Role.AUDITOR, Role.AGENCY_EDITOR, Role.TREASURER, Role.REVENUE_OFFICER];
const COMPLIANCE_WRITERS = [Role.ADMIN];

const toRange = (b: BandRange): ComplianceBandRange => ({ category: b.category, zone: b.zone, minScore: fromHundredths(b.min), maxScore: fromHundredths(b.max) });
const difference = (a: number | null, b: number | null) => (a === null || b === null ? null : fromHundredths(a - b));

@Resolver(() => ComplianceAssessment)
export class ComplianceAssessmentResolver extends ResourceResolver({
  name: "ComplianceAssessment", type: ComplianceAssessment, filter: ComplianceAssessmentFilter, input: ComplianceAssessmentInput,
  readRoles: COMPLIANCE_READERS, writeRoles: COMPLIANCE_WRITERS, service: (c) => c.services.complianceAssessments,
}) {
  @Authorized(...COMPLIANCE_READERS)
  @Query(() => ComplianceSummary, { description: "A year of Ombudsman compliance: the regency's figure, its category and zone, each unit, the change from the year before and the gap to the target." })
  async complianceSummary(@Arg("year", () => Int) year: number, @Ctx() c: GraphQLContext): Promise<ComplianceSummary> {
    if (year < 2000 || year > 2100) throw badInput({ year: "must be between 2000 and 2100" });
    const s = await c.services.compliance.summary(year);
    return {
      year: s.year, assessedUnits: s.assessedUnits, unitsAverage: fromHundredths(s.unitsAverage), publishedAverage: fromHundredths(s.publishedAverage),
      publishedSource: s.publishedSource, average: fromHundredths(s.average), averageSource: s.averageSource, category: s.band?.category ?? null,
      zone: s.band?.zone ?? null, previousAverage: fromHundredths(s.previousAverage), change: difference(s.average, s.previousAverage),
      target: fromHundredths(s.target), gap: difference(s.target, s.average), bands: c.services.compliance.bandsOf(year).map(toRange),
      units: await Promise.all(s.units.map(async (u) => ({
        assessmentId: u.assessmentId, agencyId: u.agencyId, agency: await c.loaders.agency.load(u.agencyId), score: fromHundredths(u.score),
        category: u.band.category, zone: u.band.zone, previousScore: fromHundredths(u.previousScore), change: difference(u.score, u.previousScore),
      }))),
    };
  }

  @Authorized(...COMPLIANCE_READERS)
  @Query(() => [ComplianceBandPeriod], { description: "The score bands per period in force (COMPLIANCE_BANDS overrides the Ombudsman defaults)." })
  complianceBands(@Ctx() c: GraphQLContext): ComplianceBandPeriod[] {
    return c.services.compliance.describe().map((p) => ({ fromYear: p.fromYear, toYear: p.toYear, bands: p.bands.map(toRange) }));
  }

  @FieldResolver(() => Agency)
  agency(@Root() a: ComplianceAssessment, @Ctx() { loaders }: GraphQLContext) {
    return loaders.agency.load(a.agencyId);
  }

  @FieldResolver(() => String, { nullable: true, description: "Derived from the score and the bands of the year; none before 2022." })
  category(@Root() a: ComplianceAssessment, @Ctx() c: GraphQLContext): string | null {
    return c.services.compliance.classify(a.year, a.scoreHundredths).category;
  }

  @FieldResolver(() => ComplianceZone, { description: "Derived from the score and the bands of the year." })
  zone(@Root() a: ComplianceAssessment, @Ctx() c: GraphQLContext): ComplianceZone {
    return c.services.compliance.classify(a.year, a.scoreHundredths).zone;
  }
}

@Resolver(() => ComplianceTarget)
export class ComplianceTargetResolver extends ResourceResolver({
  name: "ComplianceTarget", type: ComplianceTarget, filter: ComplianceTargetFilter, input: ComplianceTargetInput,
  readRoles: COMPLIANCE_READERS, writeRoles: COMPLIANCE_WRITERS, service: (c) => c.services.complianceTargets,
}) {}

@Resolver(() => CompliancePublishedAverage)
export class CompliancePublishedAverageResolver extends ResourceResolver({
  name: "CompliancePublishedAverage", type: CompliancePublishedAverage, filter: CompliancePublishedAverageFilter, input: CompliancePublishedAverageInput,
  readRoles: COMPLIANCE_READERS, writeRoles: COMPLIANCE_WRITERS, service: (c) => c.services.compliancePublishedAverages,
}) {
  @FieldResolver(() => String, { nullable: true, description: "Derived from the average and the bands of the year." })
  category(@Root() p: CompliancePublishedAverage, @Ctx() c: GraphQLContext): string | null {
    return c.services.compliance.classify(p.year, p.averageHundredths).category;
  }

  @FieldResolver(() => ComplianceZone)
  zone(@Root() p: CompliancePublishedAverage, @Ctx() c: GraphQLContext): ComplianceZone {
    return c.services.compliance.classify(p.year, p.averageHundredths).zone;
  }
}

export const COMPLIANCE_RESOLVERS = [ComplianceAssessmentResolver, ComplianceTargetResolver, CompliancePublishedAverageResolver] as const;
