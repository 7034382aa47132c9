import { ANOMALY_READERS, MARKET_READERS, Role } from "../auth/role";

export type ReportName = "monthly-realisation" | "collector-recap" | "anomaly-register";
export type ReportFormat = "xlsx" | "pdf";
export const REPORT_FORMATS: readonly ReportFormat[] = ["xlsx", "pdf"];

export type ParameterKind = "MONTH" | "LOCAL_DATE" | "ID";

export interface ReportParameterSpec {
  name: string;
  kind: ParameterKind;
  required: boolean;
  description: string;
}

export interface ReportSpec {
  name: ReportName;
  title: string;
  description: string;
  /** Who may download it; the data inside is scoped further, as the API's lists are. */
  roles: readonly Role[];
  parameters: readonly ReportParameterSpec[];
}

/** The official documents the Dinas files, and what each needs to be produced. */
export const REPORTS: readonly ReportSpec[] = [
  {
    name: "monthly-realisation",
    title: "Laporan Realisasi Retribusi Pasar",
    description:
      "Per market and for the regency: annual target, potential, realised this month (cash deposits and online payments), realised year to date, share of the target reached, leakage and its rate, and the same month last year; the figures of revenueReport.",
    roles: MARKET_READERS.filter((r) => r !== Role.COLLECTOR),
    parameters: [
      { name: "month", kind: "MONTH", required: true, description: "YYYY-MM, a month that has begun." },
      { name: "marketId", kind: "ID", required: false, description: "One market only; all the caller's markets when absent." },
    ],
  },
  {
    name: "collector-recap",
    title: "Rekapitulasi Harian Pemungut",
    description:
      "One collector's day at one market: every receipt, totals per stall kind, the ticket numbers used per book, the deposit covering it, the total in words and signature blocks. A collector gets only their own.",
    roles: MARKET_READERS,
    parameters: [
      { name: "marketId", kind: "ID", required: true, description: "The market." },
      { name: "date", kind: "LOCAL_DATE", required: true, description: "The business day, YYYY-MM-DD." },
      { name: "collectorId", kind: "ID", required: false, description: "The collector; a collector's own when absent (required for other roles)." },
    ],
  },
  {
    name: "anomaly-register",
    title: "Register Temuan Anomali",
    description: "The findings of a period (by business day) with rule, market, amount at risk, status and resolution.",
    roles: ANOMALY_READERS,
    parameters: [
      { name: "from", kind: "LOCAL_DATE", required: true, description: "First business day, YYYY-MM-DD." },
      { name: "to", kind: "LOCAL_DATE", required: true, description: "Last business day, YYYY-MM-DD (at most 366 days after from)." },
      { name: "marketId", kind: "ID", required: false, description: "One market only." },
    ],
  },
];

export const reportSpec = (name: string): ReportSpec | undefined => REPORTS.find((r) => r.name === name);
