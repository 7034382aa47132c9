import { PassThrough } from "node:stream";
import { buffer as collect } from "node:stream/consumers";
import ExcelJS from "exceljs";
import {
  formatIndonesianDate,
  formatIndonesianMonth,
  formatInteger,
  formatPercentText,
  formatRupiahText,
  INDONESIAN_MONTHS,
} from "../../server/src/modules/reports/indonesian-format";
import { formatCell, formatJakartaTimestamp, renderPdf } from "../../server/src/modules/reports/pdf-renderer";
import type { ReportDocument, ReportRow, ReportTable } from "../../server/src/modules/reports/report-document";
import { cellValue, renderXlsx, uniqueSheetNames } from "../../server/src/modules/reports/xlsx-renderer";
import { extractPdfText, loadWorkbook, type ExtractedPdf } from "../support/report-files";

const LONG_ROWS = 3000;
const GENERATED_AT = new Date("2026-11-24T07:05:00Z"); // 14.05 WIB
const TERBILANG_NOTE =
  "Terbilang: tiga juta dua ratus lima puluh ribu rupiah (jumlah realisasi seluruh pasar bulan ini).";

function realisationSection(): ReportTable {
  return {
    heading: "Realisasi per Pasar",
    columns: [
      { key: "no", header: "No", kind: "integer", width: 0.4 },
      { key: "market", header: "Pasar", kind: "text", width: 2 },
      { key: "target", header: "Target", kind: "money" },
      { key: "realised", header: "Realisasi", kind: "money" },
      { key: "share", header: "Capaian", kind: "percent" },
      { key: "lastDeposit", header: "Setoran Terakhir", kind: "date", width: 1.3 },
    ],
    rows: [
      { no: 1, market: "Pasar Induk Cibitung", target: 1_500_000, realised: 1_250_000, share: 0.8333, lastDeposit: "2026-11-22" },
      { no: 2, market: "Pasar Baru Cikarang", target: 2_500_000, realised: 2_000_000, share: 0.8, lastDeposit: "2026-11-05" },
      { no: 3, market: "Pasar Tambun", target: 0, realised: null, share: null, lastDeposit: null },
    ],
    totals: { market: "JUMLAH", target: 4_500_000, realised: 3_250_000, share: 0.7222 },
  };
}

function arrearsSection(): ReportTable {
  return {
    // Characters Excel forbids and a heading longer than 31 characters.
    heading: "Tunggakan Kios/Los [Blok A]: Pasar Cikarang dan Sekitarnya",
    columns: [
      { key: "stall", header: "Kios", kind: "text" },
      { key: "owner", header: "Pedagang", kind: "text", width: 1.5 },
      { key: "months", header: "Bulan", kind: "integer", width: 0.6 },
      { key: "amount", header: "Tunggakan", kind: "money" },
    ],
    rows: [
      { stall: "A-01", owner: "H. Ahmad Fauzi", months: 3, amount: 450_000 },
      { stall: "A-07", owner: "Siti Rohmah", months: 12, amount: 1_800_000 },
    ],
    totals: { amount: 2_250_000 },
  };
}

function dailyRow(i: number): ReportRow {
  return {
    day: `2026-11-${String((i % 30) + 1).padStart(2, "0")}`,
    collector: `Pemungut ${(i % 12) + 1}`,
    tickets: i,
    amount: 1000 * (i + 1),
  };
}

async function* dailyRows(): AsyncGenerator<ReportRow> {
  for (let i = 0; i < LONG_ROWS; i++) {
    if (i % 500 === 0) await new Promise((resolve) => setImmediate(resolve));
    yield dailyRow(i);
  }
}

const DAILY_TOTAL = (1000 * LONG_ROWS * (LONG_ROWS + 1)) / 2;

function dailySection(): ReportTable {
  return {
    heading: "Rincian Setoran Harian",
    columns: [
      { key: "day", header: "Tanggal", kind: "date" },
      { key: "collector", header: "Pemungut", kind: "text" },
      { key: "tickets", header: "Jumlah Karcis", kind: "integer" },
      { key: "amount", header: "Setoran", kind: "money" },
    ],
    rows: dailyRows(),
    totals: { collector: "JUMLAH", tickets: ((LONG_ROWS - 1) * LONG_ROWS) / 2, amount: DAILY_TOTAL },
  };
}

/** A fresh document each time: the async rows can be read only once. */
function sampleDocument(): ReportDocument {
  return {
    fileName: "laporan-realisasi-2026-11",
    title: "LAPORAN REALISASI RETRIBUSI PASAR",
    subtitle: "Bulan November 2026",
    office: "DINAS PERDAGANGAN",
    place: "Cikarang",
    issuedOn: "2026-11-22",
    facts: [
      ["Pasar", "Seluruh pasar Kabupaten Bekasi"],
      ["Pemungut", "Semua pemungut"],
    ],
    sections: [realisationSection(), arrearsSection(), dailySection()],
    notes: [TERBILANG_NOTE],
    signatures: [
      { role: "Mengetahui, Kepala Dinas Perdagangan", name: "Dra. Hj. Nurhayati, M.Si", id: "NIP. 196805121994032005" },
      { role: "Bendahara Penerimaan", name: "Rudi Hartono, S.E.", id: "NIP. 198203142008011002" },
    ],
  };
}

async function renderToBuffer(render: (out: NodeJS.WritableStream) => Promise<void>): Promise<Buffer> {
  const out = new PassThrough();
  const collected = collect(out);
  await render(out);
  return collected;
}

function cellTexts(sheet: ExcelJS.Worksheet): string[] {
  const texts: string[] = [];
  sheet.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value))));
  return texts;
}

describe("indonesian-format: report text in Indonesian conventions", () => {
  it("writes a local date with the Indonesian month name and no leading zero on the day", () => {
    expect(formatIndonesianDate("2026-11-22")).toBe("22 November 2026");
    expect(formatIndonesianDate("2026-01-05")).toBe("5 Januari 2026");
  });

  it.each(
    INDONESIAN_MONTHS.map((name, i) => [String(i + 1).padStart(2, "0"), name] as const),
  )("names month %s %p", (month, name) => {
    expect(formatIndonesianMonth(`2026-${month}`)).toBe(`${name} 2026`);
    expect(formatIndonesianDate(`2026-${month}-01`)).toBe(`1 ${name} 2026`);
  });

  it("lists the twelve months from Januari to Desember", () => {
    expect(INDONESIAN_MONTHS).toEqual([
      "Januari", "Februari", "Maret", "April", "Mei", "Juni",
      "Juli", "Agustus", "September", "Oktober", "November", "Desember",
    ]);
  });

  it("rejects dates and months that are not YYYY-MM-DD / YYYY-MM", () => {
    expect(() => formatIndonesianDate("22/11/2026")).toThrow(RangeError);
    expect(() => formatIndonesianDate("2026-13-01")).toThrow(RangeError);
    expect(() => formatIndonesianMonth("2026-00")).toThrow(RangeError);
  });

  it("writes rupiah with dot thousands and no space after Rp, the minus sign before Rp", () => {
    expect(formatRupiahText(1_250_000)).toBe("Rp1.250.000");
    expect(formatRupiahText(0)).toBe("Rp0");
    expect(formatRupiahText(999)).toBe("Rp999");
    expect(formatRupiahText(1000)).toBe("Rp1.000");
    expect(formatRupiahText(-1250)).toBe("-Rp1.250");
    expect(formatRupiahText(12_345_678_901_234)).toBe("Rp12.345.678.901.234");
  });

  it("refuses fractional rupiah instead of rounding money", () => {
    expect(() => formatRupiahText(10.5)).toThrow(RangeError);
  });

  it("writes percentages from fractions with two decimals, a decimal comma and a space before %", () => {
    expect(formatPercentText(0.1234)).toBe("12,34 %");
    expect(formatPercentText(1)).toBe("100,00 %");
    expect(formatPercentText(0)).toBe("0,00 %");
    expect(formatPercentText(0.005)).toBe("0,50 %");
    expect(formatPercentText(-0.05)).toBe("-5,00 %");
    expect(formatPercentText(12.5)).toBe("1.250,00 %");
  });

  it("writes integers with dot thousands", () => {
    expect(formatInteger(12_345)).toBe("12.345");
    expect(formatInteger(0)).toBe("0");
    expect(formatInteger(-1_000_000)).toBe("-1.000.000");
  });
});

describe("cell values shared by the renderers", () => {
  it("prints PDF cells with the Indonesian formatters and leaves empty cells blank", () => {
    expect(formatCell("money", 1_250_000)).toBe("Rp1.250.000");
    expect(formatCell("percent", 0.1234)).toBe("12,34 %");
    expect(formatCell("date", "2026-11-22")).toBe("22 November 2026");
    expect(formatCell("integer", 12_345)).toBe("12.345");
    expect(formatCell("money", null)).toBe("");
    expect(formatCell("money", "-")).toBe("-");
  });

  it("keeps XLSX numbers as numbers, dates as UTC midnight and digits in text columns as text", () => {
    expect(cellValue("money", 1_250_000)).toBe(1_250_000);
    expect(cellValue("date", "2026-11-22")).toEqual(new Date(Date.UTC(2026, 10, 22)));
    expect(cellValue("text", 196805121994032)).toBe("196805121994032");
    expect(cellValue("integer", null)).toBeNull();
  });

  it("stamps the generation time in Jakarta time", () => {
    expect(formatJakartaTimestamp(new Date("2026-11-23T18:30:00Z"))).toBe("24 November 2026 01.30 WIB");
  });

  it("makes Excel sheet names valid: no []:*?/\\, at most 31 characters, unique, 'Laporan' by default", () => {
    const names = uniqueSheetNames(["Realisasi", "realisasi", undefined, "  ", "A/B [x]: y?*\\z", "x".repeat(40)]);
    expect(names).toEqual(["Realisasi", "realisasi (2)", "Laporan", "Laporan (2)", "A B x y z", "x".repeat(31)]);
  });
});

describe("renderXlsx: the report as a streamed Excel workbook", () => {
  let workbook: ExcelJS.Workbook;
  // Letterhead (3) + subtitle + 2 facts + blank + heading, then the column headers.
  const HEADER_ROW = 9;

  beforeAll(async () => {
    const xlsx = await renderToBuffer((out) => renderXlsx(sampleDocument(), out));
    workbook = await loadWorkbook(xlsx);
  });

  it("writes one sheet per section, named from the heading and cleaned for Excel", () => {
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      "Realisasi per Pasar",
      "Tunggakan Kios Los Blok A Pasar",
      "Rincian Setoran Harian",
    ]);
  });

  it("opens every sheet with the letterhead, title, subtitle and facts", () => {
    for (const sheet of workbook.worksheets) {
      expect(sheet.getCell("A1").value).toBe("PEMERINTAH KABUPATEN BEKASI");
      expect(sheet.getCell("A1").font?.bold).toBe(true);
      expect(sheet.getCell("A2").value).toBe("DINAS PERDAGANGAN");
      expect(sheet.getCell("A3").value).toBe("LAPORAN REALISASI RETRIBUSI PASAR");
      expect(sheet.getCell("A4").value).toBe("Bulan November 2026");
      expect([sheet.getCell("A5").value, sheet.getCell("B5").value]).toEqual(["Pasar", "Seluruh pasar Kabupaten Bekasi"]);
      expect([sheet.getCell("A6").value, sheet.getCell("B6").value]).toEqual(["Pemungut", "Semua pemungut"]);
    }
    expect(workbook.worksheets[0].getCell("A8").value).toBe("Realisasi per Pasar");
  });

  it("writes the column headers bold and freezes the sheet below them", () => {
    const sheet = workbook.worksheets[0];
    const header = sheet.getRow(HEADER_ROW);
    expect([1, 2, 3, 4, 5, 6].map((c) => header.getCell(c).value)).toEqual([
      "No", "Pasar", "Target", "Realisasi", "Capaian", "Setoran Terakhir",
    ]);
    expect(header.getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: HEADER_ROW });
  });

  it("sets column widths from the relative widths", () => {
    const widths = workbook.worksheets[0].columns.map((column) => column.width);
    expect(widths).toEqual([8, 32, 16, 16, 16, 21]);
  });

  it("stores money as a number with #,##0, a percentage as a fraction with 0.00% and a date as a Date", () => {
    const row = workbook.worksheets[0].getRow(HEADER_ROW + 1);
    expect(row.getCell(3).value).toBe(1_500_000);
    expect(row.getCell(4).value).toBe(1_250_000);
    expect(row.getCell(4).numFmt).toBe("#,##0");
    expect(row.getCell(1).numFmt).toBe("#,##0");
    expect(row.getCell(5).value).toBe(0.8333);
    expect(row.getCell(5).numFmt).toBe("0.00%");
    expect(row.getCell(6).value).toEqual(new Date(Date.UTC(2026, 10, 22)));
    expect(row.getCell(6).numFmt).toBe("dd/mm/yyyy");
  });

  it("leaves null values empty", () => {
    const row = workbook.worksheets[0].getRow(HEADER_ROW + 3);
    expect(row.getCell(2).value).toBe("Pasar Tambun");
    expect(row.getCell(4).value).toBeNull();
    expect(row.getCell(6).value).toBeNull();
  });

  it("writes the totals bold as the last row of the table", () => {
    const totals = workbook.worksheets[0].getRow(HEADER_ROW + 4);
    expect(totals.getCell(2).value).toBe("JUMLAH");
    expect(totals.getCell(4).value).toBe(3_250_000);
    expect(totals.getCell(4).font?.bold).toBe(true);
    expect(totals.getCell(2).font?.bold).toBe(true);
  });

  it("labels a totals row 'JUMLAH' when the caller left the label out", () => {
    const totals = workbook.worksheets[1].getRow(HEADER_ROW + 3);
    expect(totals.getCell(1).value).toBe("JUMLAH");
    expect(totals.getCell(4).value).toBe(2_250_000);
  });

  it(`writes all ${LONG_ROWS} rows from an async generator with their values`, () => {
    const sheet = workbook.worksheets[2];
    for (let i = 0; i < LONG_ROWS; i++) {
      const row = sheet.getRow(HEADER_ROW + 1 + i);
      const expected = dailyRow(i);
      const [y, m, d] = String(expected.day).split("-").map(Number);
      expect(row.getCell(1).value).toEqual(new Date(Date.UTC(y, m - 1, d)));
      expect(row.getCell(2).value).toBe(expected.collector);
      expect(row.getCell(3).value).toBe(expected.tickets);
      expect(row.getCell(4).value).toBe(expected.amount);
    }
    const totals = sheet.getRow(HEADER_ROW + 1 + LONG_ROWS);
    expect(totals.getCell(4).value).toBe(DAILY_TOTAL);
    expect(totals.getCell(4).font?.bold).toBe(true);
  });

  it("puts the notes, place and date and the signatures below the last table only", () => {
    const last = cellTexts(workbook.worksheets[2]);
    expect(last).toContain(TERBILANG_NOTE);
    expect(last).toContain("Cikarang, 22 November 2026");
    expect(last).toEqual(expect.arrayContaining([
      "Dra. Hj. Nurhayati, M.Si", "Rudi Hartono, S.E.", "NIP. 196805121994032005", "Bendahara Penerimaan",
    ]));
    expect(cellTexts(workbook.worksheets[0])).not.toContain(TERBILANG_NOTE);
  });

  it("still writes one 'Laporan' sheet with the letterhead and notes when there are no sections", async () => {
    const doc: ReportDocument = { ...sampleDocument(), sections: [] };
    const book = await loadWorkbook(await renderToBuffer((out) => renderXlsx(doc, out)));
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(["Laporan"]);
    expect(cellTexts(book.worksheets[0])).toEqual(expect.arrayContaining(["PEMERINTAH KABUPATEN BEKASI", TERBILANG_NOTE]));
  });
});

describe("renderPdf: the report as a printable PDF", () => {
  let pdf: Buffer;
  let extracted: ExtractedPdf;

  beforeAll(async () => {
    pdf = await renderToBuffer((out) => renderPdf(sampleDocument(), out, { generatedAt: GENERATED_AT }));
    extracted = await extractPdfText(pdf);
  });

  it("is a PDF on A4 portrait pages", () => {
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.toString("latin1")).toContain("/MediaBox [0 0 595.28 841.89]");
  });

  it("opens with the government letterhead, the title, subtitle and facts", () => {
    const first = extracted.pages[0].text;
    for (const line of [
      "PEMERINTAH KABUPATEN BEKASI",
      "DINAS PERDAGANGAN",
      "Jl. Sumatera, Komplek Perkantoran Pemerintah Kabupaten Bekasi, Cikarang Pusat",
      "LAPORAN REALISASI RETRIBUSI PASAR",
      "Bulan November 2026",
      "Seluruh pasar Kabupaten Bekasi",
    ]) {
      expect(first).toContain(line);
    }
    expect(first.indexOf("PEMERINTAH KABUPATEN BEKASI")).toBeLessThan(first.indexOf("LAPORAN REALISASI"));
  });

  it("prints money, percentages, integers and dates in Indonesian format", () => {
    const first = extracted.pages[0].text;
    for (const value of ["Rp1.250.000", "Rp1.500.000", "83,33 %", "22 November 2026", "5 November 2026", "Rp1.800.000"]) {
      expect(first).toContain(value);
    }
  });

  it("prints the totals rows", () => {
    expect(extracted.text).toContain("Rp3.250.000");
    expect(extracted.text).toContain("72,22 %");
    expect(extracted.text).toContain("Rp2.250.000");
    expect(extracted.text).toContain(formatRupiahText(DAILY_TOTAL));
    expect(extracted.text).toContain(formatInteger(((LONG_ROWS - 1) * LONG_ROWS) / 2));
  });

  it(`prints all ${LONG_ROWS} rows of the async section over several pages`, () => {
    expect(extracted.total).toBeGreaterThan(1);
    expect(extracted.text).toContain(formatRupiahText(1000 * LONG_ROWS));
    expect(extracted.text).toContain(formatRupiahText(1000));
  });

  it("repeats the table header at the top of a page the rows overflow onto", () => {
    const second = extracted.pages[1].text;
    expect(second).not.toContain("PEMERINTAH KABUPATEN BEKASI");
    const firstLine = second.split("\n")[0];
    for (const header of ["Tanggal", "Pemungut", "Jumlah Karcis", "Setoran"]) {
      expect(firstLine).toContain(header);
    }
  });

  it("numbers every page 'Halaman X dari Y' and stamps the generation time", () => {
    const { total, pages } = extracted;
    pages.forEach((page, i) => {
      expect(page.text).toContain(`Halaman ${i + 1} dari ${total}`);
      expect(page.text).toContain("Dicetak dari LAPERA+ pada 24 November 2026 14.05 WIB");
    });
  });

  it("ends with the notes and the signature blocks, place and date above them", () => {
    const last = extracted.pages[extracted.total - 1].text;
    expect(extracted.text).toContain(TERBILANG_NOTE);
    expect(last).toContain("Cikarang, 22 November 2026");
    for (const text of ["Dra. Hj. Nurhayati, M.Si", "Rudi Hartono, S.E.", "NIP. 198203142008011002", "Bendahara Penerimaan"]) {
      expect(last).toContain(text);
    }
    expect(last.indexOf("Cikarang, 22 November 2026")).toBeLessThan(last.indexOf("Rudi Hartono"));
  });

  it("turns to A4 landscape for a table of more than seven columns and cuts long text with an ellipsis", async () => {
    const columns = Array.from({ length: 8 }, (_, i) => ({ key: `c${i}`, header: `Kolom ${i + 1}`, kind: "text" as const }));
    const longName = "Pasar Tradisional Modern Terpadu Kecamatan Cikarang Utara ".repeat(6).trim();
    const doc: ReportDocument = {
      ...sampleDocument(),
      sections: [{ columns, rows: [{ c0: longName, c1: "pendek" }] }],
      signatures: [],
    };
    const wide = await renderToBuffer((out) => renderPdf(doc, out, { generatedAt: GENERATED_AT }));
    expect(wide.toString("latin1")).toContain("/MediaBox [0 0 841.89 595.28]");
    const { text, total } = await extractPdfText(wide);
    expect(total).toBe(1);
    expect(text).toContain("…");
    expect(text).not.toContain(longName);
    expect(text).toContain("pendek");
  });
});
