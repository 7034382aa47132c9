import type { EntityManager } from "typeorm";
import { CrudService, type ResourceSpec } from "../../common/crud.service";
import { AppError, badInput } from "../../common/errors";
import { todayInJakarta } from "../../common/local-date";
import type { Database } from "../../database/database";
import type { Actor } from "../auth/actor";
import type { AuditService } from "../audit/audit.service";
import type { AgencyService } from "../public-services/agency.service";
import { ComplianceAssessment } from "./compliance-assessment.entity";
import { CompliancePublishedAverage } from "./compliance-published-average.entity";
import { ComplianceTarget } from "./compliance-target.entity";
import { ComplianceAssessmentInput, CompliancePublishedAverageInput, ComplianceTargetInput } from "./compliance.inputs";
import { fromHundredths, toHundredths } from "./score";

const optionalHundredths = (score: number | null | undefined) => (score === null || score === undefined ? null : toHundredths(score));

/** A result cannot be from a year that has not begun (targets may be). */
function assertNotFuture(year: number): void {
  const current = Number(todayInJakarta().slice(0, 4));
  if (year > current) throw badInput({ year: `must not be after the current year (${current})` });
}

/** Units' scores; only administrators write them (agency editors must not change their own score). */
export class ComplianceAssessmentService extends CrudService<ComplianceAssessment, ComplianceAssessmentInput> {
  protected readonly inputClass = ComplianceAssessmentInput;
  protected readonly spec: ResourceSpec<ComplianceAssessment> = {
    name: "ComplianceAssessment",
    entity: ComplianceAssessment,
    searchFields: ["assessor", "note"],
    filterFields: ["agencyId", "year"],
    sortFields: { year: "year", agencyId: "agencyId", score: "scoreHundredths", assessor: "assessor" },
    uniqueDescription: "agency and year",
  };

  constructor(db: Database, audit: AuditService, maxPageSize: number, private readonly agencies: AgencyService) {
    super(db, audit, maxPageSize);
  }

  protected toInput(a: ComplianceAssessment): ComplianceAssessmentInput {
    return Object.assign(new ComplianceAssessmentInput(), {
      agencyId: String(a.agencyId), year: a.year, score: fromHundredths(a.scoreHundredths), inputScore: fromHundredths(a.inputScoreHundredths),
      processScore: fromHundredths(a.processScoreHundredths), outputScore: fromHundredths(a.outputScoreHundredths),
      complaintsScore: fromHundredths(a.complaintsScoreHundredths), assessor: a.assessor, note: a.note,
    });
  }

  protected applyInput(a: ComplianceAssessment, input: ComplianceAssessmentInput): void {
    Object.assign(a, {
      agencyId: Number(input.agencyId), year: input.year, scoreHundredths: toHundredths(input.score),
      inputScoreHundredths: optionalHundredths(input.inputScore), processScoreHundredths: optionalHundredths(input.processScore),
      outputScoreHundredths: optionalHundredths(input.outputScore), complaintsScoreHundredths: optionalHundredths(input.complaintsScore),
      assessor: input.assessor.trim(), note: input.note?.trim() || null,
    });
  }

  protected override async checkRules(_em: EntityManager, a: ComplianceAssessment, actor: Actor): Promise<void> {
    assertNotFuture(a.year);
    try {
      await this.agencies.getById(actor, a.agencyId);
    } catch (error) {
      if (error instanceof AppError && error.extensions.code === "NOT_FOUND") throw badInput({ agencyId: "does not exist" });
      throw error;
    }
  }
}

export class ComplianceTargetService extends CrudService<ComplianceTarget, ComplianceTargetInput> {
  protected readonly inputClass = ComplianceTargetInput;
  protected readonly spec: ResourceSpec<ComplianceTarget> = {
    name: "ComplianceTarget",
    entity: ComplianceTarget,
    searchFields: [],
    filterFields: ["year"],
    sortFields: { year: "year", target: "targetHundredths" },
    uniqueDescription: "year",
  };

  protected toInput(t: ComplianceTarget): ComplianceTargetInput {
    return Object.assign(new ComplianceTargetInput(), { year: t.year, target: fromHundredths(t.targetHundredths), basis: t.basis });
  }

  protected applyInput(t: ComplianceTarget, input: ComplianceTargetInput): void {
    Object.assign(t, { year: input.year, targetHundredths: toHundredths(input.target), basis: input.basis?.trim() || null });
  }
}

export class CompliancePublishedAverageService extends CrudService<CompliancePublishedAverage, CompliancePublishedAverageInput> {
  protected readonly inputClass = CompliancePublishedAverageInput;
  protected readonly spec: ResourceSpec<CompliancePublishedAverage> = {
    name: "CompliancePublishedAverage",
    entity: CompliancePublishedAverage,
    searchFields: ["source", "note"],
    filterFields: ["year"],
    sortFields: { year: "year", average: "averageHundredths" },
    uniqueDescription: "year",
  };

  protected toInput(p: CompliancePublishedAverage): CompliancePublishedAverageInput {
    return Object.assign(new CompliancePublishedAverageInput(), {
      year: p.year, average: fromHundredths(p.averageHundredths), source: p.source, note: p.note,
    });
  }

  protected applyInput(p: CompliancePublishedAverage, input: CompliancePublishedAverageInput): void {
    Object.assign(p, { year: input.year, averageHundredths: toHundredths(input.average), source: input.source.trim(), note: input.note?.trim() || null });
  }

  protected override async checkRules(_em: EntityManager, p: CompliancePublishedAverage): Promise<void> {
    assertNotFuture(p.year);
  }
}
