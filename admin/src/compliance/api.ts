import { gql } from "@apollo/client";
import { apolloClient, graphQLErrorsOf } from "../providers/dataProvider";

export type ComplianceZone = "HIJAU" | "KUNING" | "MERAH";

/** A band as the API describes it: from minScore to maxScore inclusive. */
export interface ComplianceBand {
  category: string | null;
  zone: ComplianceZone;
  minScore: number;
  maxScore: number;
}

export interface ComplianceUnit {
  assessmentId: string;
  agencyId: string;
  agency: { id: string; code: string; name: string; shortName: string };
  score: number;
  category: string | null;
  zone: ComplianceZone;
  previousScore: number | null;
  change: number | null;
}

/** `complianceSummary(year)`: every figure is the server's; nothing is summed here. */
export interface ComplianceSummary {
  year: number;
  assessedUnits: number;
  unitsAverage: number | null;
  publishedAverage: number | null;
  publishedSource: string | null;
  average: number | null;
  averageSource: "PUBLISHED" | "ASSESSED_UNITS" | null;
  category: string | null;
  zone: ComplianceZone | null;
  previousAverage: number | null;
  change: number | null;
  target: number | null;
  gap: number | null;
  bands: ComplianceBand[];
  units: ComplianceUnit[];
}

/** The years that have figures: the page offers them and opens on the latest year with assessments. */
export interface ComplianceYears {
  latestAssessed: number | null;
  years: number[];
}

const SUMMARY = gql`
  query ComplianceSummary($year: Int!) {
    complianceSummary(year: $year) {
      year assessedUnits unitsAverage publishedAverage publishedSource average averageSource category zone
      previousAverage change target gap
      bands { category zone minScore maxScore }
      units { assessmentId agencyId score category zone previousScore change agency { id code name shortName } }
    }
  }
`;

/** One request: the first and last year of each kind of record (lists sorted by year, one row each). */
const YEARS = gql`
  query ComplianceYears {
    lastAssessed: allComplianceAssessments(perPage: 1, sortField: "year", sortOrder: "DESC") { id year }
    firstAssessed: allComplianceAssessments(perPage: 1, sortField: "year", sortOrder: "ASC") { id year }
    lastPublished: allCompliancePublishedAverages(perPage: 1, sortField: "year", sortOrder: "DESC") { id year }
    firstPublished: allCompliancePublishedAverages(perPage: 1, sortField: "year", sortOrder: "ASC") { id year }
    lastTarget: allComplianceTargets(perPage: 1, sortField: "year", sortOrder: "DESC") { id year }
    firstTarget: allComplianceTargets(perPage: 1, sortField: "year", sortOrder: "ASC") { id year }
  }
`;

type YearRows = Record<"lastAssessed" | "firstAssessed" | "lastPublished" | "firstPublished" | "lastTarget" | "firstTarget", Array<{ year: number }>>;

/** The server's message (its code in `code`), for the page's error banner. */
export class ComplianceError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = "ComplianceError";
  }
}

async function call<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const [first] = graphQLErrorsOf(error);
    if (!first) throw error;
    throw new ComplianceError(first.message, first.extensions?.code);
  }
}

export const fetchComplianceSummary = (year: number) =>
  call(async () => {
    const result = await apolloClient.query<{ complianceSummary: ComplianceSummary }>({ query: SUMMARY, variables: { year } });
    return result.data.complianceSummary;
  });

export const fetchComplianceYears = () =>
  call(async (): Promise<ComplianceYears> => {
    const { data } = await apolloClient.query<YearRows>({ query: YEARS });
    const found = Object.values(data).flatMap((rows) => rows.map((r) => r.year));
    const latestAssessed = data.lastAssessed[0]?.year ?? null;
    if (found.length === 0) return { latestAssessed, years: [] };
    const first = Math.min(...found);
    const last = Math.max(...found);
    const years: number[] = [];
    for (let y = last; y >= first; y--) years.push(y);
    return { latestAssessed, years };
  });
