import { In } from "typeorm";
import type { Database } from "../../database/database";
import { classify, periodOf, type ComplianceBand, type CompliancePeriod } from "./compliance-bands";
import { ComplianceAssessment } from "./compliance-assessment.entity";
import { CompliancePublishedAverage } from "./compliance-published-average.entity";
import { ComplianceTarget } from "./compliance-target.entity";
import { ComplianceFigureSource } from "./compliance.enums";
import { averageHalfUp, MAX_SCORE_HUNDREDTHS } from "./score";

/** Figures in integer hundredths; the resolver turns them into two-decimal Floats. */
export interface UnitResult {
  assessmentId: number;
  agencyId: number;
  score: number;
  band: ComplianceBand;
  previousScore: number | null;
}

export interface YearFigures {
  year: number;
  assessedUnits: number;
  unitsAverage: number | null;
  publishedAverage: number | null;
  publishedSource: string | null;
  average: number | null;
  averageSource: ComplianceFigureSource | null;
  band: ComplianceBand | null;
  previousAverage: number | null;
  target: number | null;
  units: UnitResult[];
}

export interface BandRange {
  category: string | null;
  zone: ComplianceBand["zone"];
  min: number;
  max: number;
}

/** Derives categories and zones from the configured bands and sums up a year. */
export class ComplianceSummaryService {
  constructor(
    private readonly db: Database,
    readonly periods: readonly CompliancePeriod[],
  ) {}

  classify(year: number, hundredths: number): ComplianceBand {
    return classify(this.periods, year, hundredths);
  }

  /** The periods with each band's range (max = the next band's min - 0,01; the top band ends at 100). */
  describe(): Array<{ fromYear: number; toYear: number | null; bands: BandRange[] }> {
    return this.periods.map((p, i) => ({
      fromYear: p.fromYear,
      toYear: i + 1 < this.periods.length ? this.periods[i + 1].fromYear - 1 : null,
      bands: p.bands.map((b, j) => ({ category: b.category, zone: b.zone, min: b.min, max: j === 0 ? MAX_SCORE_HUNDREDTHS : p.bands[j - 1].min - 1 })),
    }));
  }

  bandsOf(year: number): BandRange[] {
    const period = periodOf(this.periods, year);
    return this.describe().find((p) => p.fromYear === period.fromYear)!.bands;
  }

  async summary(year: number): Promise<YearFigures> {
    const em = this.db.manager;
    const previousYear = year - 1;
    const totals = await em.getRepository(ComplianceAssessment).createQueryBuilder("a")
      .select("a.year", "year").addSelect("COUNT(*)", "units").addSelect("SUM(a.scoreHundredths)", "total")
      .where("a.year IN (:...years)", { years: [year, previousYear] })
      .groupBy("a.year")
      .getRawMany<{ year: number | string; units: number | string; total: number | string }>();
    const unitsAverage = (y: number) => {
      const row = totals.find((t) => Number(t.year) === y);
      return row ? { units: Number(row.units), average: averageHalfUp(Number(row.total), Number(row.units)) } : { units: 0, average: null };
    };
    const published = await em.findBy(CompliancePublishedAverage, { year: In([year, previousYear]) });
    const publishedOf = (y: number) => published.find((p) => p.year === y) ?? null;
    const target = await em.findOneBy(ComplianceTarget, { year });

    const units = await em.getRepository(ComplianceAssessment).createQueryBuilder("a")
      .leftJoin(ComplianceAssessment, "p", "p.agencyId = a.agencyId AND p.year = :previousYear", { previousYear })
      .select("a.id", "id").addSelect("a.agencyId", "agencyId").addSelect("a.scoreHundredths", "score").addSelect("p.scoreHundredths", "previousScore")
      .where("a.year = :year", { year })
      .orderBy("a.scoreHundredths", "DESC").addOrderBy("a.agencyId", "ASC")
      .getRawMany<{ id: number | string; agencyId: number | string; score: number | string; previousScore: number | string | null }>();

    const current = unitsAverage(year);
    const figure = (y: number) => {
      const p = publishedOf(y);
      if (p) return { value: p.averageHundredths, source: ComplianceFigureSource.PUBLISHED };
      const u = unitsAverage(y).average;
      return u === null ? null : { value: u, source: ComplianceFigureSource.ASSESSED_UNITS };
    };
    const thisYear = figure(year);
    const publishedNow = publishedOf(year);
    return {
      year,
      assessedUnits: current.units,
      unitsAverage: current.average,
      publishedAverage: publishedNow?.averageHundredths ?? null,
      publishedSource: publishedNow?.source ?? null,
      average: thisYear?.value ?? null,
      averageSource: thisYear?.source ?? null,
      band: thisYear ? this.classify(year, thisYear.value) : null,
      previousAverage: figure(previousYear)?.value ?? null,
      target: target?.targetHundredths ?? null,
      units: units.map((u) => ({
        assessmentId: Number(u.id), agencyId: Number(u.agencyId), score: Number(u.score), band: this.classify(year, Number(u.score)),
        previousScore: u.previousScore === null ? null : Number(u.previousScore),
      })),
    };
  }
}
