import type ExcelJS from "exceljs";
import { addDays, todayInJakarta } from "../../server/src/common/local-date";
import { formatIndonesianDate, formatIndonesianMonth, formatRupiahText } from "../../server/src/modules/reports/indonesian-format";
import { capitalise, terbilangRupiah } from "../../server/src/modules/reports/terbilang";
import { startTestApp, errorCode, type TestApp } from "../support/api-client";
import { extractPdfText, loadWorkbook } from "../support/report-files";

interface MarketFigures { marketId: string; marketName: string; potential: number; deposited: number; paidOnline: number; leakage: number; leakageRate: number }

const monthEnd = (month: string) => addDays(`${addDays(`${month}-28`, 4).slice(0, 7)}-01`, -1);
/** The current month runs up to today, as the dashboard's "this month"; last year's comparison covers the same days. */
const untilToday = (month: string, today: string) => [monthEnd(month), today].sort()[0]!;

describe("official reports (XLSX and PDF downloads)", () => {
  let app: TestApp;
  let officer: string;
  let collector: string;
  let auditor: string;
  const today = todayInJakarta();
  const month = today.slice(0, 7);
  const lastYearMonth = `${Number(month.slice(0, 4)) - 1}${month.slice(4)}`;

  beforeAll(async () => {
    app = await startTestApp({ demoHistoryDays: 40 });
    [officer, collector, auditor] = await Promise.all([app.login("officer"), app.login("pemungut.cikarang"), app.login("auditor")]);
  });
  afterAll(() => app.close());

  const download = (path: string, token?: string) =>
    fetch(`${app.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const bytesOf = async (response: Response) => Buffer.from(await response.arrayBuffer());

  /** The first sheet's rows below the header row that starts with `firstHeader`, as arrays of cell values. */
  function tableOf(sheet: ExcelJS.Worksheet, firstHeader: string): { headers: string[]; rows: ExcelJS.CellValue[][] } {
    let headerRow = 0;
    sheet.eachRow((row, n) => {
      if (!headerRow && row.getCell(1).value === firstHeader) headerRow = n;
    });
    if (!headerRow) throw new Error(`no header row starting with ${firstHeader}`);
    const width = sheet.getRow(headerRow).cellCount;
    const values = (n: number) => Array.from({ length: width }, (_, i) => sheet.getRow(n).getCell(i + 1).value);
    const rows: ExcelJS.CellValue[][] = [];
    // The table ends at the first empty row (notes and signatures follow it on the last sheet).
    for (let n = headerRow + 1; n <= sheet.rowCount && sheet.getRow(n).hasValues; n++) rows.push(values(n));
    return { headers: values(headerRow).map(String), rows };
  }

  it("lists the reports each role may download", async () => {
    const query = `{ reportDefinitions { name title formats path parameters { name kind required } } }`;
    const asOfficer = await app.gql(query, {}, officer);
    expect(asOfficer.data!.reportDefinitions.map((r: { name: string }) => r.name)).toEqual(["monthly-realisation", "collector-recap", "anomaly-register"]);
    expect(asOfficer.data!.reportDefinitions[0]).toMatchObject({
      title: "Laporan Realisasi Retribusi Pasar", formats: ["xlsx", "pdf"], path: "/reports/monthly-realisation.xlsx",
      parameters: [{ name: "month", kind: "MONTH", required: true }, { name: "marketId", kind: "ID", required: false }],
    });
    const asCollector = await app.gql(query, {}, collector);
    expect(asCollector.data!.reportDefinitions.map((r: { name: string }) => r.name)).toEqual(["collector-recap"]);
    const asEditor = await app.gql(query, {}, await app.login("editor.dpmptsp"));
    expect(asEditor.data!.reportDefinitions).toEqual([]);
    expect(errorCode(await app.gql(query))).toBe("UNAUTHENTICATED");
  });

  it("the monthly realisation XLSX holds revenueReport's figures cell by cell, with the year to date, the annual targets and a totals row", async () => {
    const response = await download(`/reports/monthly-realisation.xlsx?month=${month}`, officer);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="laporan-realisasi-${month}.xlsx"`);
    const workbook = await loadWorkbook(await bytesOf(response));
    const sheet = workbook.worksheets[0]!;
    const { headers, rows } = tableOf(sheet, "Pasar");
    expect(headers).toEqual([
      "Pasar", "Target tahunan", "Potensi bulan ini", "Setoran tunai", "Pembayaran daring", "Realisasi bulan ini", "Realisasi s.d. bulan ini",
      "% target", "Kebocoran", "% bocor", "Realisasi bulan sama tahun lalu", "Perubahan",
    ]);

    const figures = `{ marketId marketName potential deposited paidOnline leakage leakageRate }`;
    const result = await app.gql<{ month: MarketFigures[]; ytd: MarketFigures[]; lastYear: MarketFigures[]; targets: Array<{ marketId: string | null; amount: number }> }>(
      `query($f: LocalDate!, $t: LocalDate!, $yf: LocalDate!, $lf: LocalDate!, $lt: LocalDate!, $y: Int!) {
        month: revenueReport(from: $f, to: $t, groupBy: MARKET) ${figures}
        ytd: revenueReport(from: $yf, to: $t, groupBy: MARKET) ${figures}
        lastYear: revenueReport(from: $lf, to: $lt, groupBy: MARKET) ${figures}
        targets: allRevenueTargets(filter: { year: $y }, perPage: 100) { marketId amount }
      }`,
      {
        f: `${month}-01`, t: untilToday(month, today), yf: `${month.slice(0, 4)}-01-01`,
        lf: `${lastYearMonth}-01`, lt: [`${lastYearMonth}-${today.slice(8)}`, monthEnd(lastYearMonth)].sort()[0], y: Number(month.slice(0, 4)),
      },
      officer,
    );
    const { month: thisMonth, ytd, lastYear, targets } = result.data!;
    const dataRows = rows.slice(0, -1);
    expect(dataRows).toHaveLength(thisMonth.length);
    thisMonth.forEach((m, i) => {
      const y = ytd.find((r) => r.marketId === m.marketId)!;
      const l = lastYear.find((r) => r.marketId === m.marketId)!;
      const target = targets.find((t) => t.marketId === m.marketId)!.amount;
      const realised = m.deposited + m.paidOnline;
      const realisedYtd = y.deposited + y.paidOnline;
      const lastRealised = l.deposited + l.paidOnline;
      expect(dataRows[i]).toEqual([
        m.marketName, target, m.potential, m.deposited, m.paidOnline, realised, realisedYtd,
        realisedYtd / target, m.leakage, m.leakageRate, lastRealised, lastRealised === 0 ? null : (realised - lastRealised) / lastRealised,
      ]);
    });
    const sum = (pick: (r: MarketFigures) => number, rowsOf = thisMonth) => rowsOf.reduce((s, r) => s + pick(r), 0);
    const totals = rows[rows.length - 1]!;
    expect(totals[0]).toBe("JUMLAH");
    expect(totals.slice(1, 7)).toEqual([
      targets.filter((t) => t.marketId !== null).reduce((s, t) => s + t.amount, 0), sum((r) => r.potential), sum((r) => r.deposited),
      sum((r) => r.paidOnline), sum((r) => r.deposited + r.paidOnline), sum((r) => r.deposited + r.paidOnline, ytd),
    ]);
    expect(totals[8]).toBe(sum((r) => r.leakage));
    expect(totals[9]).toBeCloseTo(sum((r) => r.leakage) / sum((r) => r.potential), 12);
    // Numbers are numbers, formatted as the office expects.
    expect(sheet.getRow(sheet.rowCount).getCell(1).value).not.toBeNull();
  });

  it("the monthly realisation PDF carries the regency's header, the month in Indonesian and the totals", async () => {
    const response = await download(`/reports/monthly-realisation.pdf?month=${month}`, officer);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    const { text } = await extractPdfText(await bytesOf(response));
    const totals = await app.gql<{ revenueTotals: Array<{ realised: number; potential: number }> }>(
      `query($f: LocalDate!, $t: LocalDate!) { revenueTotals(from: $f, to: $t, groupBy: MARKET) { realised potential } }`,
      { f: `${month}-01`, t: untilToday(month, today) },
      officer,
    );
    const [total] = totals.data!.revenueTotals;
    for (const expected of [
      "PEMERINTAH KABUPATEN BEKASI", "DINAS PERDAGANGAN", "LAPORAN REALISASI RETRIBUSI PASAR", `Bulan ${formatIndonesianMonth(month)}`,
      "JUMLAH", formatRupiahText(total!.realised), formatRupiahText(total!.potential), `Cikarang, ${formatIndonesianDate(today)}`, "Halaman 1 dari",
    ]) expect(text).toContain(expected);
  });

  it("a collector's daily recap lists every receipt of the day, totals per kind, the books' numbers, and the total in words", async () => {
    const day = addDays(today, -1);
    const reports = await app.gql<{ allDailyReports: Array<{ total: number; receiptCount: number; market: { id: string; code: string } }> }>(
      `query($d: LocalDate!) { allDailyReports(filter: { businessDate: $d, status: SUBMITTED }, perPage: 100) { total receiptCount market { id code } } }`,
      { d: day },
      collector,
    );
    const pbc = reports.data!.allDailyReports.filter((r) => r.market.code === "PBC");
    expect(pbc.length).toBeGreaterThan(0);
    const marketId = pbc[0]!.market.id;
    const total = pbc.reduce((s, r) => s + r.total, 0);
    const receipts = pbc.reduce((s, r) => s + r.receiptCount, 0);

    const xlsx = await download(`/reports/collector-recap.xlsx?marketId=${marketId}&date=${day}`, collector);
    expect(xlsx.status).toBe(200);
    const workbook = await loadWorkbook(await bytesOf(xlsx));
    const ticketsSheet = workbook.worksheets[0]!;
    const { headers, rows } = tableOf(ticketsSheet, "No.");
    expect(headers).toEqual(["No.", "Nomor karcis", "Tempat usaha", "Jenis", "Jumlah"]);
    expect(rows).toHaveLength(receipts + 1);
    expect(rows[rows.length - 1]![4]).toBe(total);
    expect(rows.slice(0, -1).reduce((s, r) => s + Number(r[4]), 0)).toBe(total);
    expect(String(rows[0]![1])).toMatch(/^PBC-A \d{6}$/);
    const kinds = tableOf(workbook.worksheets[1]!, "Jenis");
    expect(kinds.rows[kinds.rows.length - 1]).toEqual(["JUMLAH", receipts, total]);
    const books = tableOf(workbook.worksheets[2]!, "Buku");
    expect(books.rows.reduce((s, r) => s + Number(r[3]), 0)).toBe(receipts);

    const pdf = await download(`/reports/collector-recap.pdf?marketId=${marketId}&date=${day}`, collector);
    expect(pdf.status).toBe(200);
    const { text } = await extractPdfText(await bytesOf(pdf));
    for (const expected of [
      "REKAPITULASI HARIAN PEMUNGUT RETRIBUSI PASAR", formatIndonesianDate(day), "Pasar Baru Cikarang", formatRupiahText(total),
      `Terbilang: ${capitalise(terbilangRupiah(total))}.`, "Pemungut", "Kepala Pasar",
    ]) expect(text.replace(/\s+/g, " ")).toContain(expected);
  });

  it("a collector gets only their own recap; other roles must name the collector", async () => {
    const markets = await app.gql<{ allMarkets: Array<{ id: string; code: string }> }>(`{ allMarkets(perPage: 50) { id code } }`, {}, officer);
    const pbc = markets.data!.allMarkets.find((m) => m.code === "PBC")!.id;
    const tmb = markets.data!.allMarkets.find((m) => m.code === "TMB")!.id;
    const users = await app.gql<{ allUsers: Array<{ id: string; username: string }> }>(`{ allUsers(perPage: 100) { id username } }`, {}, await app.login("admin"));
    const other = users.data!.allUsers.find((u) => u.username === "pemungut.tambun")!.id;
    const day = addDays(today, -1);
    const asOther = await download(`/reports/collector-recap.pdf?marketId=${tmb}&date=${day}&collectorId=${other}`, collector);
    expect(asOther.status).toBe(403);
    expect(((await asOther.json()) as { code: string }).code).toBe("FORBIDDEN");
    const outsideMarkets = await download(`/reports/collector-recap.pdf?marketId=${tmb}&date=${day}`, collector);
    expect(outsideMarkets.status).toBe(403);
    const unnamed = await download(`/reports/collector-recap.xlsx?marketId=${pbc}&date=${day}`, officer);
    expect(unnamed.status).toBe(400);
    expect(((await unnamed.json()) as { fields: unknown }).fields).toEqual({ collectorId: "is required when you are not the collector" });
    const named = await download(`/reports/collector-recap.xlsx?marketId=${tmb}&date=${day}&collectorId=${other}`, officer);
    expect(named.status).toBe(200);
  });

  it("the anomaly register lists the period's findings as the queue counts them", async () => {
    const from = addDays(today, -30);
    const run = await app.gql(`mutation($f: LocalDate!, $t: LocalDate!) { runAnomalyDetection(from: $f, to: $t) { id } }`, { f: from, t: today }, auditor);
    expect(run.errors).toBeUndefined();
    const meta = await app.gql<{ _allAnomaliesMeta: { count: number } }>(
      `query($f: LocalDate!, $t: LocalDate!) { _allAnomaliesMeta(filter: { businessDate_gte: $f, businessDate_lte: $t }) { count } }`,
      { f: from, t: today },
      auditor,
    );
    const count = meta.data!._allAnomaliesMeta.count;
    expect(count).toBeGreaterThan(0);
    const response = await download(`/reports/anomaly-register.xlsx?from=${from}&to=${today}`, auditor);
    expect(response.status).toBe(200);
    const { headers, rows } = tableOf((await loadWorkbook(await bytesOf(response))).worksheets[0]!, "Tanggal");
    expect(headers).toEqual(["Tanggal", "Aturan", "Tingkat", "Pasar", "Temuan", "Nilai berisiko", "Status", "Penyelesaian"]);
    expect(rows).toHaveLength(count + 1);
    const pdf = await download(`/reports/anomaly-register.pdf?from=${from}&to=${today}`, auditor);
    expect(pdf.status).toBe(200);
    expect((await extractPdfText(await bytesOf(pdf))).text).toContain("REGISTER TEMUAN ANOMALI RETRIBUSI PASAR");
  });

  it("refuses an unknown report, format or parameter with a 400 and a reason, and a missing or wrong token", async () => {
    const cases: Array<[string, string | undefined, number, RegExp]> = [
      ["/reports/laporan-rahasia.pdf?month=2026-01", officer, 400, /No report named laporan-rahasia/],
      ["/reports/monthly-realisation.docx?month=2026-01", officer, 400, /xlsx or pdf/],
      ["/reports/monthly-realisation.pdf?month=2026-13", officer, 400, /month: must be a month YYYY-MM/],
      ["/reports/monthly-realisation.pdf", officer, 400, /month: is required/],
      ["/reports/monthly-realisation.pdf?month=2026-01&market=1", officer, 400, /market: is not a parameter/],
      [`/reports/monthly-realisation.pdf?month=${addDays(monthEnd(month), 1).slice(0, 7)}`, officer, 400, /must have begun/],
      ["/reports/anomaly-register.xlsx?from=2026-02-01&to=2026-01-01", auditor, 400, /to: must be on or after from/],
      ["/reports/monthly-realisation.pdf?month=2026-01", undefined, 401, /sign in/],
      ["/reports/monthly-realisation.pdf?month=2026-01", collector, 403, /not for the COLLECTOR role/],
    ];
    for (const [path, token, status, reason] of cases) {
      const response = await download(path, token);
      const body = (await response.json()) as { error: string };
      expect({ path, status: response.status, error: body.error }).toEqual({ path, status, error: expect.stringMatching(reason) });
    }
  });
});
