import { ComplianceZone } from "./compliance.enums";
import { MAX_SCORE_HUNDREDTHS, scoreProblem, toHundredths } from "./score";

/** A band: scores from `min` (hundredths) up to the next higher band's min (or 100,00). */
export interface ComplianceBand {
  /** Letter category (from 2022: A-E); null in periods that only have zones. */
  category: string | null;
  zone: ComplianceZone;
  min: number;
}

/** The bands in force from `fromYear` until the next period starts; the earliest also covers any earlier year. */
export interface CompliancePeriod {
  fromYear: number;
  /** Highest first; the last one starts at 0. */
  bands: ComplianceBand[];
}

const band = (category: string | null, zone: ComplianceZone, min: number): ComplianceBand => ({ category, zone, min });

/**
 * The Ombudsman RI's bands (glossary, "Ombudsman compliance assessment"). Until 2021 three zones:
 * hijau 81-100, kuning 51-80,99, merah 0-50,99. From 2022 categories A (>= 88,01), B (78,01-88,00),
 * C (56,01-78,00), D (44,01-56,00), E (<= 44,00), A/B hijau, C kuning, D/E merah. The 2022 cut-offs
 * are inferred, so `COMPLIANCE_BANDS` may correct them or add a period (see parseComplianceBands).
 */
export const DEFAULT_COMPLIANCE_BANDS: readonly CompliancePeriod[] = Object.freeze([
  { fromYear: 2000, bands: [band(null, ComplianceZone.HIJAU, 81_00), band(null, ComplianceZone.KUNING, 51_00), band(null, ComplianceZone.MERAH, 0)] },
  {
    fromYear: 2022,
    bands: [
      band("A", ComplianceZone.HIJAU, 88_01), band("B", ComplianceZone.HIJAU, 78_01), band("C", ComplianceZone.KUNING, 56_01),
      band("D", ComplianceZone.MERAH, 44_01), band("E", ComplianceZone.MERAH, 0),
    ],
  },
]);

/** Why a period is unusable, or null. */
function periodProblem(p: CompliancePeriod): string | null {
  if (!Number.isInteger(p.fromYear) || p.fromYear < 1900 || p.fromYear > 2100) return `year ${p.fromYear} must be between 1900 and 2100`;
  if (p.bands.length === 0) return `${p.fromYear} has no bands`;
  const withCategory = p.bands.filter((b) => b.category !== null).length;
  if (withCategory !== 0 && withCategory !== p.bands.length) return `${p.fromYear}: either every band has a category or none has`;
  const categories = p.bands.map((b) => b.category).filter((c) => c !== null);
  if (new Set(categories).size !== categories.length) return `${p.fromYear}: a category appears twice`;
  for (const [i, b] of p.bands.entries()) {
    if (!Number.isInteger(b.min) || b.min < 0 || b.min > MAX_SCORE_HUNDREDTHS) return `${p.fromYear}: a band starts outside 0-100`;
    if (i > 0 && b.min >= p.bands[i - 1].min) return `${p.fromYear}: bands must be listed highest first, each starting below the previous one`;
  }
  if (p.bands[p.bands.length - 1].min !== 0) return `${p.fromYear}: the lowest band must start at 0`;
  return null;
}

/**
 * `COMPLIANCE_BANDS`: periods separated by `;`, each `FROM_YEAR:` and its bands highest first, separated
 * by `,`, each `[CATEGORY/]ZONE>=MIN` (MIN with at most two decimals, a dot as decimal sign; the
 * lowest band `>=0`). A period replaces the default period that starts in the same year, or is added.
 * E.g. `2025:A/HIJAU>=90,B/HIJAU>=80,C/KUNING>=60,D/MERAH>=45,E/MERAH>=0`.
 */
export function parseComplianceBands(text: string, base: readonly CompliancePeriod[] = DEFAULT_COMPLIANCE_BANDS): CompliancePeriod[] {
  const byYear = new Map(base.map((p) => [p.fromYear, p]));
  for (const part of text.split(";").map((p) => p.trim()).filter(Boolean)) {
    const match = /^(\d{4})\s*:(.+)$/.exec(part);
    if (!match) throw new Error(`"${part}" must be YEAR:band,band,... e.g. 2022:A/HIJAU>=88.01,...,E/MERAH>=0`);
    const bands = match[2].split(",").map((b) => b.trim()).map((b): ComplianceBand => {
      const m = /^(?:([A-Za-z][A-Za-z0-9+-]{0,4})\/)?([A-Za-z]+)\s*>=\s*(\d+(?:\.\d+)?)$/.exec(b);
      const zone = m?.[2].toUpperCase();
      if (!m || !Object.values(ComplianceZone).includes(zone as ComplianceZone)) {
        throw new Error(`"${b}" must be [CATEGORY/]ZONE>=MIN with ZONE one of ${Object.values(ComplianceZone).join(", ")}`);
      }
      const min = Number(m[3]);
      const problem = scoreProblem(min);
      if (problem) throw new Error(`"${b}": the minimum ${problem}`);
      return band(m[1]?.toUpperCase() ?? null, zone as ComplianceZone, toHundredths(min));
    });
    const period = { fromYear: Number(match[1]), bands };
    const problem = periodProblem(period);
    if (problem) throw new Error(problem);
    byYear.set(period.fromYear, period);
  }
  const periods = [...byYear.values()].sort((a, b) => a.fromYear - b.fromYear);
  for (const p of periods) {
    const problem = periodProblem(p);
    if (problem) throw new Error(problem);
  }
  return periods;
}

/** The period whose bands apply to `year`. */
export function periodOf(periods: readonly CompliancePeriod[], year: number): CompliancePeriod {
  let found = periods[0];
  for (const p of periods) if (p.fromYear <= year) found = p;
  return found;
}

/** Category and zone of a score (hundredths) in a year: the highest band whose minimum it reaches. */
export function classify(periods: readonly CompliancePeriod[], year: number, hundredths: number): ComplianceBand {
  const { bands } = periodOf(periods, year);
  return bands.find((b) => hundredths >= b.min) ?? bands[bands.length - 1];
}
