import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { addDays, todayInJakarta } from "../../server/src/common/local-date";
import { openDatabase, type Database } from "../../server/src/database/database";
import { RevenueSummaryService } from "../../server/src/modules/revenue/revenue-summary.service";
import { DEMO_ACCOUNT_NO, DEMO_EXCEPTIONS, demoStatementCsv } from "../../server/src/seed/demo-statement";
import { seedDemoData } from "../../server/src/seed/seed";
import { startTestApp, errorCode } from "../support/api-client";
import { openRawDatabase } from "../support/revenue-oracle";

type Row = Record<string, unknown>;

describe("demo data at start-up", () => {
  it("fills a new embedded database, but a MySQL database only when asked", async () => {
    const app = await startTestApp({ seedDemo: false });
    try {
      const login = await app.gql(`mutation { login(username: "admin", password: "lapera-demo") { accessToken } }`);
      if (app.db.dialectName === "sqlite") expect(login.data?.login.accessToken).toEqual(expect.any(String));
      else expect(errorCode(login)).toBe("UNAUTHENTICATED");
    } finally {
      await app.close();
    }
  });

  it("seeds MySQL too when SEED_DEMO/--demo asks for it", async () => {
    const app = await startTestApp({ seedDemo: true });
    try {
      const token = await app.login("officer");
      const markets = await app.gql(`{ _allMarketsMeta { count } }`, {}, token);
      expect(markets.data!._allMarketsMeta.count).toBe(12);
    } finally {
      await app.close();
    }
  });
});

describe("demo history", () => {
  it("adds about 90 days of reports and deposits, deterministic, with the deliberate leakage, and a summary equal to the raw rows", async () => {
    const app = await startTestApp({ demoHistoryDays: 90 });
    const raw = await openRawDatabase(app);
    const dir = mkdtempSync(join(tmpdir(), "lapera-seed-"));
    const twin = await openDatabase({ sqlitePath: join(dir, "twin.sqlite") });
    try {
      const days = await raw.manager.query("SELECT COUNT(DISTINCT business_date) AS n FROM daily_report");
      expect(Number(days[0].n)).toBe(90);
      expect(await new RevenueSummaryService(raw).differences()).toEqual([]);

      const token = await app.login("officer");
      const today = todayInJakarta();
      const rows = (await app.gql(`query($f: LocalDate!, $t: LocalDate!) { revenueReport(from: $f, to: $t, groupBy: MARKET) { marketName collected paidOnline deposited potential } }`,
        { f: addDays(today, -90), t: addDays(today, -1) }, token)).data!.revenueReport;
      // Every market takes cash, online payments or both (a market of kios only is paid online).
      for (const row of rows) expect(row.collected + row.paidOnline).toBeGreaterThan(0);
      expect(rows.filter((r: Row) => Number(r.paidOnline) > 0).length).toBeGreaterThan(5);

      const one = async (sql: string) => Number((await raw.manager.query(sql))[0].n);
      const market = (code: string) => `(SELECT id FROM market WHERE code = '${code}')`;
      // BBL deposits less than it collected; STU skipped market days; TMB lapak below tariff; LMA ticket gaps; a rejected report.
      expect(await one(`SELECT COUNT(*) AS n FROM deposit WHERE market_id = ${market("BBL")} AND amount < reports_total`)).toBeGreaterThan(5);
      expect(await one(`SELECT COUNT(*) AS n FROM deposit WHERE market_id <> ${market("BBL")} AND amount < reports_total`)).toBe(0);
      expect(await one(`SELECT COUNT(DISTINCT business_date) AS n FROM daily_report WHERE market_id = ${market("STU")}`)).toBeLessThan(90);
      expect(await one(`SELECT COUNT(*) AS n FROM receipt r JOIN stall s ON s.id = r.stall_id WHERE r.market_id = ${market("TMB")} AND s.kind = 'LAPAK' AND r.amount < 2000`)).toBeGreaterThan(10);
      expect(await one(`SELECT MAX(number) - MIN(number) + 1 - COUNT(*) AS n FROM receipt WHERE market_id = ${market("LMA")}`)).toBeGreaterThan(0);
      expect(await one(`SELECT MAX(number) - MIN(number) + 1 - COUNT(*) AS n FROM receipt WHERE market_id = ${market("PBC")}`)).toBe(0);
      expect(await one(`SELECT COUNT(*) AS n FROM daily_report WHERE status = 'REJECTED' AND market_id = ${market("BBL")}`)).toBe(1);
      expect(await one(`SELECT COUNT(*) AS n FROM deposit WHERE status = 'PENDING'`)).toBeGreaterThan(0);

      // Kios are billed monthly and pay online across channels, with the exceptions Bapenda follows up.
      const byStatus = await raw.manager.query("SELECT match_status, channel, COUNT(*) AS n FROM payment GROUP BY match_status, channel");
      const n = (status: string, channel?: string) => byStatus.filter((r: Row) => r.match_status === status && (!channel || r.channel === channel)).reduce((s: number, r: Row) => s + Number(r.n), 0);
      for (const channel of ["QRIS", "VIRTUAL_ACCOUNT", "TELLER", "AUTODEBIT"]) expect(n("MATCHED", channel)).toBeGreaterThan(100);
      for (const status of ["AMOUNT_MISMATCH", "BILL_ALREADY_PAID", "UNKNOWN_CODE"]) expect(n(status)).toBeGreaterThan(0);
      expect(await one("SELECT COUNT(*) AS n FROM payment WHERE reversed_at IS NOT NULL")).toBeGreaterThan(0);
      expect(await one("SELECT COUNT(*) AS n FROM bill WHERE status = 'UNPAID' AND due_date < CURRENT_DATE")).toBeGreaterThan(100);
      expect(await one("SELECT COUNT(*) AS n FROM receipt r JOIN stall s ON s.id = r.stall_id WHERE s.kind = 'KIOS'")).toBe(0);

      // The demo bank statement in the repository is what the seed produces, and it reconciles but for its planted exceptions.
      const csv = readFileSync(join(__dirname, "..", "..", "demo", "rekening-koran-demo.csv"), "utf8");
      expect(await demoStatementCsv(raw)).toBe(csv);
      const bapenda = await app.login("bapenda");
      const imported = await app.gql(`mutation($c: String!) { importBankStatement(accountNo: "${DEMO_ACCOUNT_NO}", fileName: "rekening-koran-demo.csv", csv: $c) { id lineCount matchedCount unmatchedCount } }`, { c: csv }, bapenda);
      expect(imported.errors).toBeUndefined();
      const statement = imported.data!.importBankStatement;
      const csvRows = csv.trim().split("\r\n").slice(1).map((line, i) => ({ lineNo: i + 2, cells: line.split(";") }));
      const reversedRefs = new Set(csvRows.filter((r) => r.cells[1].startsWith("KOREKSI BATAL BAYAR")).map((r) => r.cells[2]));
      const planted = csvRows.filter((r) => r.cells[3] !== "" && (Object.values(DEMO_EXCEPTIONS).some((m) => r.cells[1].includes(m)) || reversedRefs.has(r.cells[2])));
      expect(planted.length).toBeGreaterThanOrEqual(4);
      expect(planted.length).toBeLessThan(12);
      const unmatched = (await app.gql(`query($s: ID) { allStatementLines(filter: { statementId: $s, matchStatus: UNMATCHED }, perPage: 100) { lineNo } }`, { s: statement.id }, bapenda)).data!.allStatementLines;
      expect(unmatched.map((l: { lineNo: number }) => l.lineNo).sort((a: number, b: number) => a - b)).toEqual(planted.map((r) => r.lineNo));
      expect(statement.matchedCount).toBe(csvRows.filter((r) => r.cells[3] !== "").length - planted.length);

      // The deliberate leakage is what the detection rules find.
      const auditor = await app.login("auditor");
      const detected = await app.gql(`mutation($f: LocalDate!, $t: LocalDate!) { runAnomalyDetection(from: $f, to: $t) { found } }`, { f: addDays(today, -90), t: addDays(today, -1) }, auditor);
      expect(detected.errors).toBeUndefined();
      const summary = (await app.gql(`query($f: LocalDate!, $t: LocalDate!) { anomalySummary(from: $f, to: $t) { marketId rule total } }`, { f: addDays(today, -90), t: addDays(today, -1) }, auditor)).data!.anomalySummary as Array<{ marketId: string | null; rule: string; total: number }>;
      const codes = new Map((await raw.manager.query("SELECT id, code FROM market")).map((r: Row) => [String(r.id), String(r.code)]));
      const found = (code: string, rule: string) => summary.filter((r) => codes.get(String(r.marketId)) === code && r.rule === rule).reduce((s, r) => s + r.total, 0);
      expect(found("BBL", "DEPOSIT_SHORTFALL")).toBeGreaterThan(5);
      expect(found("STU", "MISSING_REPORT")).toBeGreaterThan(0);
      expect(found("TMB", "BELOW_TARIFF")).toBeGreaterThan(5);
      expect(found("LMA", "TICKET_SERIAL_GAP")).toBeGreaterThan(0);
      for (const clean of ["PBC", "TRJ"]) {
        for (const rule of ["DEPOSIT_SHORTFALL", "DEPOSIT_LATE", "MISSING_REPORT", "BELOW_TARIFF", "TICKET_SERIAL_GAP", "TICKET_DUPLICATE", "ABOVE_TARIFF"]) expect(found(clean, rule)).toBe(0);
      }

      // The same seed number on the same day gives the same history, whatever the database.
      await twin.migrate();
      await seedDemoData(twin, { seedNumber: 20240101, historyDays: 90, today });
      const digest = (db: Database) => db.manager.query(
        `SELECT m.code, d.business_date, d.status, d.total, d.receipt_count FROM daily_report d JOIN market m ON m.id = d.market_id ORDER BY m.code, d.business_date, d.client_id`,
      ).then((r: Array<Record<string, unknown>>) => r.map((x) => `${x.code}|${String(x.business_date).slice(0, 10)}|${x.status}|${Number(x.total)}|${Number(x.receipt_count)}`));
      expect(await digest(twin)).toEqual(await digest(raw));
      const payments = (db: Database) => db.manager.query("SELECT channel, external_ref, amount, match_status, reversed_at IS NULL AS live FROM payment")
        .then((r: Row[]) => r.map((x) => `${x.channel}|${x.external_ref}|${Number(x.amount)}|${x.match_status}|${Number(x.live)}`).sort());
      expect(await payments(twin)).toEqual(await payments(raw));
    } finally {
      await twin.close();
      rmSync(dir, { recursive: true, force: true });
      await raw.close();
      await app.close();
    }
  });
});
