/**
 * Official reports as PDF with pdfkit and its built-in Helvetica: pure JavaScript, no browser on the
 * server. The built-in fonts use WinAnsi encoding, which covers Indonesian text; characters outside
 * it (e.g. CJK names) would print wrongly and would need an embedded TTF.
 *
 * Pages are buffered (`bufferPages: true`) so that "Halaman X dari Y" can be written once Y is known:
 * the whole PDF is therefore held in memory until the end. That is acceptable for PDF, which offices
 * print and which stays far smaller than the XLSX of the same month. Rows are still consumed from the
 * source as they come, so a database cursor is never turned into an array first.
 */
import { finished } from "node:stream/promises";
import PDFDocument from "pdfkit";
import {
  formatIndonesianDate,
  formatInteger,
  formatPercentText,
  formatRupiahText,
} from "./indonesian-format";
import {
  GOVERNMENT_ADDRESS,
  GOVERNMENT_NAME,
  isNumericKind,
  totalsRowOf,
  type CellKind,
  type ReportColumn,
  type ReportDocument,
  type ReportRow,
  type ReportSignature,
  type ReportTable,
} from "./report-document";

export interface PdfRenderOptions {
  /** When the file is generated; printed in the footer. Defaults to now. */
  generatedAt?: Date;
}

const MARGIN = 40;
/** Space kept free at the bottom of every page for the footer line. */
const FOOTER_HEIGHT = 22;
const REGULAR = "Helvetica";
const BOLD = "Helvetica-Bold";
const TABLE_FONT_SIZE = 8;
const CELL_PADDING = 3;
/** Text cells wrap up to this many lines, then end with an ellipsis, so one row never fills a page. */
const MAX_CELL_LINES = 3;
const HEADER_SHADE = "#d9d9d9";
const RULE_COLOUR = "#000000";
const GRID_COLOUR = "#808080";
/** Blank space left for the handwritten signature and stamp. */
const SIGNATURE_SPACE = 50;
/** A4 portrait fits about seven readable columns at 8pt; wider tables turn the document sideways. */
const PORTRAIT_MAX_COLUMNS = 7;
/** Western Indonesian Time has no daylight saving: a fixed offset is exact. */
const JAKARTA_OFFSET_MS = 7 * 60 * 60 * 1000;

type Pdf = PDFKit.PDFDocument;

/**
 * Renders the document into `out` and resolves when the output has finished. When a row source
 * throws, the promise rejects and `out` is left unfinished for the caller to destroy.
 */
export async function renderPdf(
  doc: ReportDocument,
  out: NodeJS.WritableStream,
  options: PdfRenderOptions = {},
): Promise<void> {
  const landscape = doc.sections.some((section) => section.columns.length > PORTRAIT_MAX_COLUMNS);
  const pdf = new PDFDocument({
    size: "A4",
    layout: landscape ? "landscape" : "portrait",
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: { Title: doc.title, Author: doc.office, Creator: "LAPERA+" },
  });
  pdf.pipe(out);
  const page = new PageCursor(pdf);

  drawLetterhead(page, doc);
  drawTitleBlock(page, doc);
  for (const section of doc.sections) await drawTable(page, section);
  drawNotes(page, doc.notes ?? []);
  drawSignatures(page, doc);
  drawFooters(pdf, options.generatedAt ?? new Date());

  pdf.end();
  await finished(out, { readable: false });
}

/** Tracks the vertical position and starts new pages; pdfkit's own flow cannot repeat table headers. */
class PageCursor {
  y: number;

  constructor(readonly pdf: Pdf) {
    this.y = pdf.page.margins.top;
  }

  get left(): number {
    return this.pdf.page.margins.left;
  }

  get width(): number {
    return this.pdf.page.width - this.pdf.page.margins.left - this.pdf.page.margins.right;
  }

  get bottom(): number {
    return this.pdf.page.height - this.pdf.page.margins.bottom - FOOTER_HEIGHT;
  }

  /** Starts a new page when `height` does not fit; returns whether it did. */
  ensureSpace(height: number): boolean {
    if (this.y + height <= this.bottom) return false;
    this.pdf.addPage();
    this.y = this.pdf.page.margins.top;
    return true;
  }

  /** A paragraph across the page (one line for headings), moving the cursor below it. */
  line(text: string, font: string, size: number, align: "left" | "center" = "center"): void {
    this.pdf.font(font).fontSize(size);
    const height = this.pdf.heightOfString(text, { width: this.width });
    this.ensureSpace(height);
    this.pdf.text(text, this.left, this.y, { width: this.width, align });
    this.y += height;
  }

  gap(height: number): void {
    this.y += height;
  }
}

function drawLetterhead(page: PageCursor, doc: ReportDocument): void {
  page.line(GOVERNMENT_NAME, BOLD, 14);
  page.line(doc.office, BOLD, 13);
  page.line(GOVERNMENT_ADDRESS, REGULAR, 8);
  page.gap(4);
  drawDoubleRule(page);
  page.gap(10);
}

/** The thick-over-thin rule that closes an Indonesian government letterhead (kop surat). */
function drawDoubleRule(page: PageCursor): void {
  const { pdf } = page;
  const right = page.left + page.width;
  pdf.save().strokeColor(RULE_COLOUR);
  pdf.lineWidth(2).moveTo(page.left, page.y).lineTo(right, page.y).stroke();
  pdf.lineWidth(0.75).moveTo(page.left, page.y + 3).lineTo(right, page.y + 3).stroke();
  pdf.restore();
  page.gap(4);
}

function drawTitleBlock(page: PageCursor, doc: ReportDocument): void {
  page.line(doc.title, BOLD, 12);
  if (doc.subtitle) page.line(doc.subtitle, REGULAR, 11);
  page.gap(8);
  drawFacts(page, doc.facts ?? []);
}

/** "Label : value" lines with the colons aligned, as on typed forms. */
function drawFacts(page: PageCursor, facts: Array<[string, string]>): void {
  if (facts.length === 0) return;
  const { pdf } = page;
  pdf.font(REGULAR).fontSize(9);
  const labelWidth = Math.min(page.width / 3, Math.max(...facts.map(([label]) => pdf.widthOfString(label))) + 6);
  const valueX = page.left + labelWidth + pdf.widthOfString(": ");
  const valueWidth = page.left + page.width - valueX;
  for (const [label, value] of facts) {
    const height = pdf.heightOfString(value, { width: valueWidth });
    page.ensureSpace(height);
    pdf.text(label, page.left, page.y, { width: labelWidth, lineBreak: false, ellipsis: true });
    pdf.text(":", page.left + labelWidth, page.y, { lineBreak: false });
    pdf.text(value, valueX, page.y, { width: valueWidth });
    page.y += height;
  }
  page.gap(8);
}

/** Column positions of one table across the page width, from the relative widths. */
interface TableGeometry {
  columns: ReportColumn[];
  x: number[];
  widths: number[];
}

function tableGeometry(page: PageCursor, columns: ReportColumn[]): TableGeometry {
  const units = columns.reduce((sum, column) => sum + (column.width ?? 1), 0);
  const widths = columns.map((column) => (page.width * (column.width ?? 1)) / units);
  const x: number[] = [];
  let left = page.left;
  for (const width of widths) {
    x.push(left);
    left += width;
  }
  return { columns, x, widths };
}

async function drawTable(page: PageCursor, table: ReportTable): Promise<void> {
  const geometry = tableGeometry(page, table.columns);
  const headerHeight = measureHeader(page.pdf, geometry);
  // Keep the heading, the column headers and a first row together on one page.
  page.ensureSpace((table.heading ? 16 : 0) + headerHeight + rowHeightLimit(page.pdf));
  if (table.heading) page.line(table.heading, BOLD, 10, "left");
  page.gap(2);
  drawHeader(page, geometry, headerHeight);

  const drawRow = (row: ReportRow, bold: boolean): void => {
    const height = measureRow(page.pdf, geometry, row, bold);
    if (page.ensureSpace(height)) drawHeader(page, geometry, headerHeight);
    drawRowCells(page, geometry, row, bold, height);
  };
  for await (const row of table.rows) drawRow(row, false);
  const totals = totalsRowOf(table);
  if (totals) drawRow(totals, true);
  page.gap(14);
}

function lineHeight(pdf: Pdf): number {
  return pdf.currentLineHeight(true);
}

function rowHeightLimit(pdf: Pdf): number {
  pdf.font(REGULAR).fontSize(TABLE_FONT_SIZE);
  return MAX_CELL_LINES * lineHeight(pdf) + 2 * CELL_PADDING;
}

function measureHeader(pdf: Pdf, geometry: TableGeometry): number {
  pdf.font(BOLD).fontSize(TABLE_FONT_SIZE);
  const heights = geometry.columns.map((column, i) =>
    pdf.heightOfString(column.header, { width: geometry.widths[i] - 2 * CELL_PADDING }),
  );
  return Math.max(lineHeight(pdf), ...heights) + 2 * CELL_PADDING;
}

function drawHeader(page: PageCursor, geometry: TableGeometry, height: number): void {
  const { pdf } = page;
  pdf.save();
  geometry.columns.forEach((_, i) => {
    pdf.rect(geometry.x[i], page.y, geometry.widths[i], height).fillAndStroke(HEADER_SHADE, GRID_COLOUR);
  });
  pdf.restore();
  pdf.font(BOLD).fontSize(TABLE_FONT_SIZE).fillColor("black");
  geometry.columns.forEach((column, i) => {
    pdf.text(column.header, geometry.x[i] + CELL_PADDING, page.y + CELL_PADDING, {
      width: geometry.widths[i] - 2 * CELL_PADDING,
      align: "center",
    });
  });
  page.y += height;
}

function measureRow(pdf: Pdf, geometry: TableGeometry, row: ReportRow, bold: boolean): number {
  pdf.font(bold ? BOLD : REGULAR).fontSize(TABLE_FONT_SIZE);
  const oneLine = lineHeight(pdf);
  const heights = geometry.columns.map((column, i) => {
    const text = formatCell(column.kind, row[column.key]);
    if (isRightAligned(column.kind) || text === "") return oneLine;
    const width = geometry.widths[i] - 2 * CELL_PADDING;
    return Math.min(pdf.heightOfString(text, { width }), MAX_CELL_LINES * oneLine);
  });
  return Math.max(oneLine, ...heights) + 2 * CELL_PADDING;
}

function drawRowCells(page: PageCursor, geometry: TableGeometry, row: ReportRow, bold: boolean, height: number): void {
  const { pdf } = page;
  pdf.save().lineWidth(0.5).strokeColor(GRID_COLOUR);
  geometry.columns.forEach((_, i) => pdf.rect(geometry.x[i], page.y, geometry.widths[i], height).stroke());
  pdf.restore();
  pdf.font(bold ? BOLD : REGULAR).fontSize(TABLE_FONT_SIZE).fillColor("black");
  const oneLine = lineHeight(pdf);
  geometry.columns.forEach((column, i) => {
    const text = formatCell(column.kind, row[column.key]);
    if (text === "") return;
    const rightAligned = isRightAligned(column.kind);
    pdf.text(text, geometry.x[i] + CELL_PADDING, page.y + CELL_PADDING, {
      width: geometry.widths[i] - 2 * CELL_PADDING,
      align: rightAligned ? "right" : "left",
      lineBreak: !rightAligned,
      // A little slack over whole lines: pdfkit compares positions in floating point.
      height: (rightAligned ? 1 : MAX_CELL_LINES) * oneLine + 0.5,
      ellipsis: true,
    });
  });
  page.y += height;
}

function isRightAligned(kind: CellKind): boolean {
  return isNumericKind(kind);
}

/** The printed text of one cell; a string in a numeric column (e.g. "-") is printed as given. */
export function formatCell(kind: CellKind, value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") {
    return kind === "date" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatIndonesianDate(value) : value;
  }
  switch (kind) {
    case "money":
      return formatRupiahText(value);
    case "integer":
      return formatInteger(value);
    case "percent":
      return formatPercentText(value);
    case "text":
    case "date":
      return String(value);
  }
}

function drawNotes(page: PageCursor, notes: string[]): void {
  const { pdf } = page;
  for (const note of notes) {
    pdf.font(REGULAR).fontSize(9);
    const height = pdf.heightOfString(note, { width: page.width });
    page.ensureSpace(Math.min(height, page.bottom - pdf.page.margins.top));
    // A note longer than a page continues on the next one through pdfkit's own flow.
    pdf.text(note, page.left, page.y, { width: page.width });
    page.y = pdf.y + 4;
  }
  if (notes.length > 0) page.gap(10);
}

/**
 * Signature blocks side by side across the page, the place and date above the last one (the
 * signatory who issues the report), as on the paper forms offices file.
 */
function drawSignatures(page: PageCursor, doc: ReportDocument): void {
  const signatures = doc.signatures ?? [];
  if (signatures.length === 0) return;
  const { pdf } = page;
  const blockWidth = page.width / signatures.length;
  const blockX = (i: number): number => page.left + i * blockWidth;
  const textOptions = { width: blockWidth - 10, align: "center" as const };

  pdf.font(REGULAR).fontSize(10);
  const oneLine = lineHeight(pdf);
  const roleHeight = Math.max(...signatures.map((s) => pdf.heightOfString(s.role, textOptions)));
  page.ensureSpace(oneLine + roleHeight + SIGNATURE_SPACE + 2 * oneLine);

  const placeAndDate = `${doc.place}, ${formatIndonesianDate(doc.issuedOn)}`;
  pdf.text(placeAndDate, blockX(signatures.length - 1), page.y, textOptions);
  page.y += oneLine;
  signatures.forEach((s, i) => pdf.font(REGULAR).text(s.role, blockX(i), page.y, textOptions));
  page.y += roleHeight + SIGNATURE_SPACE;
  signatures.forEach((s, i) => drawSignatory(pdf, s, blockX(i), page.y, textOptions));
  page.y += 2 * oneLine;
}

function drawSignatory(
  pdf: Pdf,
  signature: ReportSignature,
  x: number,
  y: number,
  options: { width: number; align: "center" },
): void {
  pdf.font(BOLD).text(signature.name, x, y, { ...options, underline: true, lineBreak: false });
  if (signature.id) pdf.font(REGULAR).text(signature.id, x, y + lineHeight(pdf), { ...options, lineBreak: false });
}

/** Page numbers and the generation stamp, written once the page count is known. */
function drawFooters(pdf: Pdf, generatedAt: Date): void {
  const stamp = `Dicetak dari LAPERA+ pada ${formatJakartaTimestamp(generatedAt)}`;
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    const { margins } = pdf.page;
    const width = pdf.page.width - margins.left - margins.right;
    // Inside the space PageCursor keeps free, so pdfkit never sees overflow and adds a page.
    const y = pdf.page.height - margins.bottom - FOOTER_HEIGHT + 8;
    pdf.save().lineWidth(0.5).strokeColor(GRID_COLOUR);
    pdf.moveTo(margins.left, y - 4).lineTo(margins.left + width, y - 4).stroke();
    pdf.restore();
    pdf.font(REGULAR).fontSize(7).fillColor("black");
    pdf.text(stamp, margins.left, y, { width, align: "left", lineBreak: false });
    pdf.text(`Halaman ${i + 1 - range.start} dari ${range.count}`, margins.left, y, {
      width,
      align: "right",
      lineBreak: false,
    });
  }
}

/** "22 November 2026 14.05 WIB": Indonesian style writes the time with a dot. */
export function formatJakartaTimestamp(instant: Date): string {
  const local = new Date(instant.getTime() + JAKARTA_OFFSET_MS);
  const date = local.toISOString().slice(0, 10);
  const time = `${pad2(local.getUTCHours())}.${pad2(local.getUTCMinutes())}`;
  return `${formatIndonesianDate(date)} ${time} WIB`;
}

function pad2(n: number): string {
  return n.toString().padStart(2, "0");
}
