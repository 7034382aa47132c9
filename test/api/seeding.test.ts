import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { addDays, todayInJakarta } from "../../server/src/common/local-date";
import { openDatabase, type Database } from "../../server/src/database/database";
import { RevenueSummaryService } from "../../server/src/modules/revenue/revenue-summary.service";
import { seedDemoData } from "../../server/src/seed/seed";
import { startTestApp, errorCode } from "../support/api-client";
import { openRawDatabase } from "../support/revenue-oracle";

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
      const rows = (await app.gql(`query($f: LocalDate!, $t: LocalDate!) { revenueReport(from: $f, to: $t, groupBy: MARKET) { marketName collected deposited potential } }`,
        { f: addDays(today, -90), t: addDays(today, -1) }, token)).data!.revenueReport;
      for (const row of rows) expect(row.collected).toBeGreaterThan(0);

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

      // The same seed number on the same day gives the same history, whatever the database.
      await twin.migrate();
      await seedDemoData(twin, { seedNumber: 20240101, historyDays: 90, today });
      const digest = (db: Database) => db.manager.query(
        `SELECT m.code, d.business_date, d.status, d.total, d.receipt_count FROM daily_report d JOIN market m ON m.id = d.market_id ORDER BY m.code, d.business_date, d.client_id`,
      ).then((r: Array<Record<string, unknown>>) => r.map((x) => `${x.code}|${String(x.business_date).slice(0, 10)}|${x.status}|${Number(x.total)}|${Number(x.receipt_count)}`));
      expect(await digest(twin)).toEqual(await digest(raw));
    } finally {
      await twin.close();
      rmSync(dir, { recursive: true, force: true });
      await raw.close();
      await app.close();
    }
  });
});
