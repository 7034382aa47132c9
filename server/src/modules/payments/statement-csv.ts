import { Readable } from "node:stream";
import { parse } from "csv-parse";
import { isValidLocalDate } from "../../common/local-date";

export const STATEMENT_FIELDS = ["valueDate", "description", "reference", "credit", "debit", "balance"] as const;
export type StatementField = (typeof STATEMENT_FIELDS)[number];

/** For each field, the header names it may have (compared without case, spaces or dots). */
export type ColumnMapping = Record<StatementField, readonly string[]>;

/** Headers of the treasury banks' usual exports, in English and Indonesian. */
export const DEFAULT_COLUMN_MAPPING: ColumnMapping = {
  valueDate: ["value date", "tanggal valuta", "tgl valuta", "tanggal", "tgl", "date"],
  description: ["description", "keterangan", "uraian", "remark"],
  reference: ["reference", "referensi", "no referensi", "ref", "no ref"],
  credit: ["credit", "kredit", "cr"],
  debit: ["debit", "debet", "db"],
  balance: ["balance", "saldo"],
};

const REQUIRED: readonly StatementField[] = ["valueDate", "description", "credit", "debit"];

export interface ParsedLine {
  lineNo: number;
  valueDate: string;
  description: string;
  reference: string | null;
  credit: number;
  debit: number;
  balance: number | null;
}

export type LineResult = { ok: true; line: ParsedLine } | { ok: false; lineNo: number; reason: string };

const squash = (header: string) => header.toLowerCase().replace(/[\s._-]+/g, " ").trim();

/** "valueDate=Tgl Transaksi;credit=Mutasi Kredit": overrides for a bank whose headers differ. */
export function parseColumnMapping(text: string, base: ColumnMapping = DEFAULT_COLUMN_MAPPING): ColumnMapping {
  const mapping: ColumnMapping = { ...base };
  for (const part of text.split(";").map((p) => p.trim()).filter(Boolean)) {
    const [field, header] = part.split("=").map((p) => p.trim());
    if (!STATEMENT_FIELDS.includes(field as StatementField) || !header) {
      throw new Error(`"${part}" must be field=Header with field one of ${STATEMENT_FIELDS.join(", ")}`);
    }
    mapping[field as StatementField] = [header];
  }
  return mapping;
}

/**
 * Rupiah as banks print them: `1.250.000,00` (Indonesian), `1250000`, `1250000,00`; an empty cell is
 * null. Sen must be zero: money is whole rupiah.
 */
export function parseRupiah(text: string): number | null | string {
  const cleaned = text.replace(/^rp\.?\s*/i, "").replace(/\s+/g, "");
  if (cleaned === "" || cleaned === "-") return null;
  const match = /^(-?)(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?$/.exec(cleaned);
  if (!match) return `"${text}" is not an amount such as 1.250.000,00`;
  if (match[3] && Number(match[3]) !== 0) return `"${text}" has sen; amounts must be whole rupiah`;
  const value = Number(match[2].replace(/\./g, ""));
  if (!Number.isSafeInteger(value)) return `"${text}" is too large`;
  return match[1] ? -value : value;
}

/** 31/12/2026, 31-12-2026 or 2026-12-31. */
export function parseStatementDate(text: string): string | null {
  const t = text.trim();
  let iso: string | null = null;
  const dmy = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/.exec(t);
  if (dmy) iso = `${dmy[3]}-${dmy[2].padStart(2, "0")}-${dmy[1].padStart(2, "0")}`;
  else if (/^\d{4}-\d{2}-\d{2}$/.test(t)) iso = t;
  return iso !== null && isValidLocalDate(iso) ? iso : null;
}

/** Semicolons where Excel in an Indonesian locale wrote the file (its decimal separator is a comma). */
function delimiterOf(csv: string): string {
  const firstLine = csv.slice(0, csv.indexOf("\n") === -1 ? csv.length : csv.indexOf("\n"));
  return (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
}

const SLICE = 64 * 1024;

function* slices(text: string): Generator<string> {
  for (let i = 0; i < text.length; i += SLICE) yield text.slice(i, i + SLICE);
}

function resolveColumns(header: string[], mapping: ColumnMapping): Partial<Record<StatementField, number>> | string {
  const squashed = header.map(squash);
  const columns: Partial<Record<StatementField, number>> = {};
  for (const field of STATEMENT_FIELDS) {
    const index = mapping[field].map((name) => squashed.indexOf(squash(name))).find((i) => i >= 0);
    if (index !== undefined) columns[field] = index;
    else if (REQUIRED.includes(field)) return `the header has no ${field} column (expected one of: ${mapping[field].join(", ")})`;
  }
  return columns;
}

/**
 * The transaction lines of a statement, one at a time, so a 100 000-line file is never held as
 * objects; a line that cannot be read is yielded as a reason. A bad header is one failure at line 1.
 */
export async function* readStatement(csv: string, mapping: ColumnMapping): AsyncGenerator<LineResult> {
  // Fed in slices: given the whole text at once, the parser would emit every record before the
  // first is consumed, and memory would grow with the file.
  const parser = Readable.from(slices(csv), { objectMode: false }).pipe(
    parse({ delimiter: delimiterOf(csv), bom: true, relax_column_count: true, skip_empty_lines: true, trim: true, info: true }),
  );
  let columns: Partial<Record<StatementField, number>> | null = null;
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    if (columns === null) {
      const resolved = resolveColumns(record, mapping);
      if (typeof resolved === "string") {
        yield { ok: false, lineNo: info.lines, reason: resolved };
        return;
      }
      columns = resolved;
      continue;
    }
    yield readLine(record, info.lines, columns);
  }
}

function readLine(record: string[], lineNo: number, columns: Partial<Record<StatementField, number>>): LineResult {
  const cell = (field: StatementField) => (columns[field] === undefined ? "" : record[columns[field]!] ?? "");
  const problems: string[] = [];
  const valueDate = parseStatementDate(cell("valueDate"));
  if (valueDate === null) problems.push(`value date "${cell("valueDate")}" is not a date such as 31/12/2026`);
  const description = cell("description");
  if (description.length > 255) problems.push("description is longer than 255 characters");
  const reference = cell("reference") || null;
  if (reference !== null && reference.length > 64) problems.push("reference is longer than 64 characters");
  const amounts = (["credit", "debit", "balance"] as const).map((field) => {
    const value = parseRupiah(cell(field));
    if (typeof value === "string") problems.push(`${field} ${value}`);
    return typeof value === "number" ? value : null;
  });
  const [credit, debit, balance] = amounts;
  if ((credit ?? 0) < 0 || (debit ?? 0) < 0) problems.push("credit and debit must not be negative");
  if (problems.length === 0 && (credit ?? 0) > 0 === (debit ?? 0) > 0) problems.push("a line must have either a credit or a debit");
  if (problems.length) return { ok: false, lineNo, reason: problems.join("; ") };
  return { ok: true, line: { lineNo, valueDate: valueDate!, description, reference, credit: credit ?? 0, debit: debit ?? 0, balance } };
}
