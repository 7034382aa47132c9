/**
 * Official reports as XLSX, written with the exceljs streaming writer: rows are committed to the zip
 * as they come from the (possibly async) source, so a 100 000-row month never sits in memory.
 *
 * Streaming constraints that shape this file: a committed row can no longer be changed, the sheet
 * views (frozen header) must be known when the sheet is created, and only one sheet is read into
 * the zip at a time, so each sheet is committed before the next is started.
 */
import { once } from "node:events";
import type { Stream } from "node:stream";
import ExcelJS from "exceljs";
import { formatIndonesianDate } from "./indonesian-format";
import {
  GOVERNMENT_NAME,
  totalsRowOf,
  type CellKind,
  type ReportColumn,
  type ReportDocument,
  type ReportRow,
  type ReportTable,
} from "./report-document";

type Sheet = ExcelJS.Worksheet;
type CellValue = string | number | Date | null;

const NUMBER_FORMATS: Record<CellKind, string | undefined> = {
  text: undefined,
  money: "#,##0",
  integer: "#,##0",
  percent: "0.00%",
  date: "dd/mm/yyyy",
};

const DEFAULT_SHEET_NAME = "Laporan";
const SHEET_NAME_MAX = 31;
/** Characters Excel refuses in a sheet name. */
const FORBIDDEN_SHEET_CHARS = /[[\]:*?/\\]/g;
/** Excel column width (in characters) of a column of relative width 1. */
const CHARS_PER_WIDTH_UNIT = 16;
/** How many rows are written between two chances for the zip to drain into the output. */
const ROWS_PER_YIELD = 1000;
/** Signatures need a few empty rows to sign in. */
const SIGNATURE_SPACE_ROWS = 3;

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Renders the document into `out` and resolves when the output has finished. When a row source
 * throws, the promise rejects and `out` is left unfinished: the caller destroys it (an HTTP
 * response then ends without a complete file rather than with a plausible-looking partial one).
 */
export async function renderXlsx(doc: ReportDocument, out: NodeJS.WritableStream): Promise<void> {
  // exceljs types the target as a full Stream, but only pipes its zip into it (write/end/on).
  const target = out as NodeJS.WritableStream & Stream;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: target, useStyles: true });
  workbook.creator = "LAPERA+";
  workbook.created = new Date();

  const sections = doc.sections.length > 0 ? doc.sections : [undefined];
  const names = uniqueSheetNames(sections.map((section) => section?.heading));
  for (const [index, section] of sections.entries()) {
    const isLast = index === sections.length - 1;
    await writeSheet(workbook, names[index], doc, section, isLast, out);
  }
  await workbook.commit();
}

/** Excel sheet names: at most 31 characters, none of []:*?/\, unique ignoring case. */
export function uniqueSheetNames(headings: Array<string | undefined>): string[] {
  const taken = new Set<string>();
  return headings.map((heading) => {
    const base = cleanSheetName(heading);
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      name = base.slice(0, SHEET_NAME_MAX - suffix.length) + suffix;
    }
    taken.add(name.toLowerCase());
    return name;
  });
}

function cleanSheetName(heading: string | undefined): string {
  // A leading or trailing apostrophe is also rejected by Excel.
  const cleaned = (heading ?? "").replace(FORBIDDEN_SHEET_CHARS, " ").replace(/\s+/g, " ").trim();
  const trimmed = cleaned.slice(0, SHEET_NAME_MAX).replace(/^'+|'+$/g, "").trim();
  return trimmed === "" ? DEFAULT_SHEET_NAME : trimmed;
}

/** A sheet writes rows top to bottom; this keeps the next row number in one place. */
class SheetCursor {
  private next = 1;

  constructor(
    readonly sheet: Sheet,
    readonly width: number,
  ) {}

  get rowNumber(): number {
    return this.next;
  }

  /** Writes one row and commits it, so that exceljs can flush it to the zip. */
  write(fill: (row: ExcelJS.Row) => void, mergeAcross = false): void {
    const row = this.sheet.getRow(this.next);
    fill(row);
    if (mergeAcross && this.width > 1) this.sheet.mergeCells(this.next, 1, this.next, this.width);
    row.commit();
    this.next++;
  }

  skip(rows = 1): void {
    this.next += rows;
  }
}

async function writeSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  doc: ReportDocument,
  section: ReportTable | undefined,
  isLast: boolean,
  out: NodeJS.WritableStream,
): Promise<void> {
  const columns = section?.columns ?? [];
  const headerRowNumber = headerBlockHeight(doc, section) + 1;
  const sheet = workbook.addWorksheet(name, {
    // Views are written when the sheet is opened, before any row: hence computed up front.
    views: section ? [{ state: "frozen", xSplit: 0, ySplit: headerRowNumber }] : [],
    pageSetup: {
      paperSize: 9, // A4
      orientation: columns.length > 7 ? "landscape" : "portrait",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
  });
  sheet.columns = columns.map((column) => ({
    key: column.key,
    width: Math.max(8, Math.round(CHARS_PER_WIDTH_UNIT * (column.width ?? 1))),
  }));

  const cursor = new SheetCursor(sheet, Math.max(columns.length, 1));
  writeHeaderBlock(cursor, doc, section);
  if (section) await writeTable(cursor, section, out);
  if (isLast) {
    writeNotes(cursor, doc.notes ?? []);
    writeSignatures(cursor, doc);
  }
  sheet.commit();
}

/** Rows above the table header: letterhead, title, subtitle, facts, a blank line, the heading. */
function headerBlockHeight(doc: ReportDocument, section: ReportTable | undefined): number {
  const subtitle = doc.subtitle ? 1 : 0;
  const heading = section?.heading ? 1 : 0;
  return 3 + subtitle + (doc.facts?.length ?? 0) + 1 + heading;
}

function writeHeaderBlock(cursor: SheetCursor, doc: ReportDocument, section: ReportTable | undefined): void {
  const centred: Partial<ExcelJS.Alignment> = { horizontal: "center", vertical: "middle" };
  const line = (text: string, font: Partial<ExcelJS.Font>): void =>
    cursor.write((row) => {
      const cell = row.getCell(1);
      cell.value = text;
      cell.font = font;
      cell.alignment = centred;
    }, true);

  line(GOVERNMENT_NAME, { bold: true, size: 12 });
  line(doc.office, { bold: true, size: 12 });
  line(doc.title, { bold: true, size: 14 });
  if (doc.subtitle) line(doc.subtitle, { bold: true });
  for (const [label, value] of doc.facts ?? []) {
    cursor.write((row) => {
      row.getCell(1).value = label;
      row.getCell(2).value = value;
    });
  }
  cursor.skip();
  if (section?.heading) {
    cursor.write((row) => {
      row.getCell(1).value = section.heading ?? "";
      row.getCell(1).font = { bold: true };
    });
  }
}

async function writeTable(cursor: SheetCursor, table: ReportTable, out: NodeJS.WritableStream): Promise<void> {
  writeColumnHeaders(cursor, table.columns);
  let written = 0;
  for await (const source of table.rows) {
    cursor.write((row) => fillDataRow(row, table.columns, source, false));
    if (++written % ROWS_PER_YIELD === 0) await letOutputDrain(out);
  }
  const totals = totalsRowOf(table);
  if (totals) cursor.write((row) => fillDataRow(row, table.columns, totals, true));
}

function writeColumnHeaders(cursor: SheetCursor, columns: ReportColumn[]): void {
  cursor.write((row) => {
    columns.forEach((column, index) => {
      const cell = row.getCell(index + 1);
      cell.value = column.header;
      cell.font = { bold: true };
      cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9D9D9" } };
      cell.border = THIN_BORDER;
    });
  });
}

const THIN: Partial<ExcelJS.Border> = { style: "thin" };
const THIN_BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

function fillDataRow(row: ExcelJS.Row, columns: ReportColumn[], source: ReportRow, bold: boolean): void {
  columns.forEach((column, index) => {
    const cell = row.getCell(index + 1);
    const value = cellValue(column.kind, source[column.key]);
    cell.value = value;
    const numFmt = NUMBER_FORMATS[column.kind];
    if (numFmt && (typeof value === "number" || value instanceof Date)) cell.numFmt = numFmt;
    cell.border = THIN_BORDER;
    if (bold) cell.font = { bold: true };
  });
}

/**
 * Numbers stay numbers and dates become real Excel dates, so offices can sum and filter. A text
 * column keeps digits as text: an 18-digit NIP would lose precision as a number.
 */
export function cellValue(kind: CellKind, value: string | number | null | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (kind === "text") return String(value);
  if (kind === "date") return typeof value === "string" ? (excelDate(value) ?? value) : value;
  // Numeric kinds: a number stays a number, a placeholder such as "-" stays text.
  return value;
}

/** A local date as UTC midnight: exceljs converts Dates to serial days in UTC, so no day shifts. */
function excelDate(localDate: string): Date | undefined {
  const match = LOCAL_DATE.exec(localDate);
  if (!match) return undefined;
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

/**
 * exceljs's internal buffers never report back-pressure, so while rows are produced synchronously
 * its zip output would pile up in memory. Pausing every few rows lets the zip and deflate run, and
 * waiting for "drain" passes a slow client's back-pressure on to the row source.
 */
async function letOutputDrain(out: NodeJS.WritableStream): Promise<void> {
  if ((out as { writableNeedDrain?: boolean }).writableNeedDrain === true) await once(out, "drain");
  else await new Promise<void>((resolve) => setImmediate(resolve));
}

function writeNotes(cursor: SheetCursor, notes: string[]): void {
  if (notes.length === 0) return;
  cursor.skip();
  for (const note of notes) {
    cursor.write((row) => {
      const cell = row.getCell(1);
      cell.value = note;
      cell.alignment = { wrapText: true, vertical: "top" };
    }, true);
  }
}

/**
 * Signature blocks side by side, the place and date above the last one, as on the paper forms.
 * Each block starts in its own column group across the table width.
 */
function writeSignatures(cursor: SheetCursor, doc: ReportDocument): void {
  const signatures = doc.signatures ?? [];
  if (signatures.length === 0) return;
  const span = Math.max(1, Math.floor(cursor.width / signatures.length));
  const columnOf = (index: number): number => 1 + index * span;
  const lastColumn = columnOf(signatures.length - 1);

  cursor.skip();
  cursor.write((row) => {
    row.getCell(lastColumn).value = `${doc.place}, ${formatIndonesianDate(doc.issuedOn)}`;
  });
  cursor.write((row) => signatures.forEach((s, i) => (row.getCell(columnOf(i)).value = s.role)));
  cursor.skip(SIGNATURE_SPACE_ROWS);
  cursor.write((row) =>
    signatures.forEach((s, i) => {
      const cell = row.getCell(columnOf(i));
      cell.value = s.name;
      cell.font = { bold: true, underline: true };
    }),
  );
  if (signatures.some((s) => s.id)) {
    cursor.write((row) => signatures.forEach((s, i) => (row.getCell(columnOf(i)).value = s.id ?? null)));
  }
}
