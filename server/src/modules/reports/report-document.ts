/**
 * One small document model for the official reports (issue 8), rendered both as XLSX and as PDF so
 * that the two files an office receives always say the same thing.
 */

export type CellKind = "text" | "money" | "integer" | "percent" | "date";

export interface ReportColumn {
  key: string;
  header: string;
  kind: CellKind;
  /** relative width, default 1 */
  width?: number;
}

/**
 * money/integer: integer numbers (rupiah); percent: a fraction (0.1234 = 12,34 %);
 * date: "YYYY-MM-DD" local date. A string in a numeric column (e.g. "-") is printed as text.
 */
export type ReportRow = Record<string, string | number | null>;

export interface ReportTable {
  heading?: string;
  columns: ReportColumn[];
  /** Consumed once, as the rows come, so that a database cursor never has to fit in memory. */
  rows: Iterable<ReportRow> | AsyncIterable<ReportRow>;
  /** Printed bold as the last row, label in the first text column. */
  totals?: ReportRow;
}

export interface ReportSignature {
  role: string;
  name: string;
  /** e.g. NIP or username */
  id?: string | null;
}

export interface ReportDocument {
  /** without extension, e.g. "laporan-realisasi-2026-11" */
  fileName: string;
  /** e.g. "LAPORAN REALISASI RETRIBUSI PASAR" */
  title: string;
  /** e.g. "Bulan November 2026" */
  subtitle?: string;
  /** e.g. "DINAS PERDAGANGAN" */
  office: string;
  /** "Cikarang" (for "Cikarang, 24 November 2026" above signatures) */
  place: string;
  /** local date YYYY-MM-DD */
  issuedOn: string;
  /** label/value lines under the title (Pasar: ..., Pemungut: ...) */
  facts?: Array<[string, string]>;
  sections: ReportTable[];
  /** paragraphs after the tables (e.g. the terbilang line) */
  notes?: string[];
  signatures?: ReportSignature[];
}

/** The line every official document of the regency opens with. */
export const GOVERNMENT_NAME = "PEMERINTAH KABUPATEN BEKASI";

/** The regency's office complex; printed under the office name in the letterhead. */
export const GOVERNMENT_ADDRESS =
  "Jl. Sumatera, Komplek Perkantoran Pemerintah Kabupaten Bekasi, Cikarang Pusat";

/** Label a totals row gets when the caller did not put one in the first text column. */
export const DEFAULT_TOTALS_LABEL = "JUMLAH";

export function isNumericKind(kind: CellKind): boolean {
  return kind === "money" || kind === "integer" || kind === "percent";
}

/**
 * The totals row as printed: the label goes in the first text column, and "JUMLAH" is supplied when
 * the caller left that cell empty, so a bold row of bare figures is never ambiguous.
 */
export function totalsRowOf(table: ReportTable): ReportRow | undefined {
  if (!table.totals) return undefined;
  const labelColumn = table.columns.find((column) => column.kind === "text");
  if (!labelColumn) return table.totals;
  const label = table.totals[labelColumn.key];
  if (label !== undefined && label !== null && label !== "") return table.totals;
  return { ...table.totals, [labelColumn.key]: DEFAULT_TOTALS_LABEL };
}
