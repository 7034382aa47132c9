/**
 * LAPERA core benchmark (`npm run bench`; never part of `npm test`), on SQLite or, with DATABASE_URL,
 * on MySQL/MariaDB. Prints one table; every ratio is measured side by side in the same run:
 * - ingest: receipts/s through submitDailyReport over HTTP vs a plain multi-row INSERT in one transaction;
 * - report: revenueReport (one month, all markets, by market and by day) over >= 5M receipts vs the
 *   fastest hand-written SQL over the raw rows giving the same numbers, and vs a raw summary query;
 * - SQL statements per GraphQL request, which must not grow with the page.
 */
import { randomUUID } from "node:crypto";
import { addDays, todayInJakarta } from "../../server/src/common/local-date";
import { RevenueSummaryService } from "../../server/src/modules/revenue/revenue-summary.service";
import { startTestApp, type GraphQLResponse, type TestApp } from "../support/api-client";
import { openRawDatabase } from "../support/revenue-oracle";
import { postJson, startProductionServer, type ProductionServer } from "./production-server";
import { rawDriver, timed, type Raw } from "./bench-support";

const RECEIPTS_TARGET = Number(process.env.BENCH_RECEIPTS ?? 5_000_000);
const INGEST_REPORTS_PER_COLLECTOR = 10;
const RECEIPTS_PER_REPORT = 200;
let statements = 0;

describe("LAPERA core benchmark", () => {
  /** In-process, seeding the database and counting its SQL statements; timings come from `server`. */
  let app: TestApp;
  let server: ProductionServer;
  let raw: Raw;
  let officer: string;
  const lines: string[] = [];
  const today = todayInJakarta();

  // Tests read deep into response shapes; `any` keeps the benchmark short where values are checked anyway.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const post = async (url: string, query: string, variables: Record<string, unknown>, token?: string): Promise<Record<string, any>> => {
    const res = JSON.parse(await postJson(`${url}/graphql`, JSON.stringify({ query, variables }), token)) as GraphQLResponse<never>;
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!;
  };
  const gql = (query: string, variables: Record<string, unknown> = {}, token = officer) => post(server.url, query, variables, token);
  const login = async (username: string) =>
    (await post(server.url, `mutation($u: String!) { login(username: $u, password: "lapera-demo") { accessToken } }`, { u: username })).login.accessToken as string;

  beforeAll(async () => {
    app = await startTestApp({ onQuery: () => void statements++, maxPageSize: 1000 });
    server = await startProductionServer(app.db);
    raw = await rawDriver(app);
    officer = await login("officer");
    lines.push(`database: ${app.db.dialectName}`, "| measure | API | raw SQL | ratio | target |", "|---|---|---|---|---|");
  });
  afterAll(async () => {
    console.log(lines.join("\n"));
    await raw?.close();
    await server?.close();
    await app?.close();
  });

  it("ingests receipts through submitDailyReport at least half as fast as a raw multi-row INSERT", async () => {
    const assignments = (await gql(`{ allCollectorAssignments(perPage: 100) { marketId collector { username } } }`)).allCollectorAssignments as Array<{ marketId: string; collector: { username: string } }>;
    const byCollector = new Map<string, string>();
    for (const a of assignments) if (!byCollector.has(a.collector.username)) byCollector.set(a.collector.username, a.marketId);
    const collectors = await Promise.all([...byCollector].map(async ([username, marketId]) => {
      const stalls = (await gql(`query($m: ID) { allStalls(filter: { marketId: $m }, perPage: 1000) { id } }`, { m: marketId })).allStalls.map((s: { id: string }) => s.id);
      return { token: await login(username), marketId, stalls };
    }));
    const reportsOf = (c: (typeof collectors)[number], k: number) => ({
      clientId: randomUUID(), marketId: c.marketId, businessDate: addDays(today, -(k % 5)),
      receipts: Array.from({ length: RECEIPTS_PER_REPORT }, (_, i) => ({ stallId: c.stalls[i % c.stalls.length], ticketNo: `B${k}-X ${i + 1}`, amount: 2000 + (i % 5) * 500 })),
    });
    const reportIds: string[] = [];
    const start = process.hrtime.bigint();
    await Promise.all(collectors.map(async (c) => {
      for (let k = 0; k < INGEST_REPORTS_PER_COLLECTOR; k++) {
        const data = await gql(`mutation($i: DailyReportInput!) { submitDailyReport(input: $i) { id } }`, { i: reportsOf(c, k) }, c.token);
        reportIds.push(data.submitDailyReport.id);
      }
    }));
    const apiSeconds = Number(process.hrtime.bigint() - start) / 1e9;
    const count = collectors.length * INGEST_REPORTS_PER_COLLECTOR * RECEIPTS_PER_REPORT;
    const apiRate = count / apiSeconds;

    // The same rows again (same reports, stalls, days and ticket numbers, so the indexes see the same
    // keys), in one transaction through the raw driver; then removed.
    const columns = ["report_id", "market_id", "stall_id", "business_date", "series", "number", "amount", "collected_at"];
    const rows = (await raw.query(`SELECT ${columns.join(", ")} FROM receipt WHERE report_id IN (${reportIds.map(() => "?").join(", ")}) ORDER BY id`, reportIds))
      .map((r) => columns.map((c) => (c === "business_date" ? String(r[c]).slice(0, 10) : r[c])));
    expect(rows).toHaveLength(count);
    const [{ n: lastId }] = await raw.query("SELECT MAX(id) AS n FROM receipt");
    const rawStart = process.hrtime.bigint();
    await raw.transaction(() => raw.insert("receipt", columns, rows));
    const rawRate = count / (Number(process.hrtime.bigint() - rawStart) / 1e9);
    await raw.query("DELETE FROM receipt WHERE id > ?", [lastId]);
    lines.push(`| ingest: receipts/s (${collectors.length} collectors x ${INGEST_REPORTS_PER_COLLECTOR} reports x ${RECEIPTS_PER_REPORT}) | ${apiRate.toFixed(0)} | ${rawRate.toFixed(0)} | ${(apiRate / rawRate).toFixed(2)} | >= 0.5 |`);
  });

  it("keeps SQL statements per request constant as pages grow", async () => {
    const count = async (query: string) => {
      statements = 0;
      // Counted by the in-process server, which reports each statement it sends.
      await post(app.url, query, {}, officer);
      return statements;
    };
    const markets = (n: number) => `{ allMarkets(perPage: ${n}) { id name head { username marketIds } } }`;
    const reports = (n: number) => `{ allDailyReports(perPage: ${n}) { id market { name } collector { username } deposit { id } receipts { ticketNo stall { code market { code } } } } }`;
    const small = await raw.query("SELECT id FROM daily_report WHERE receipt_count <= 3 ORDER BY id LIMIT 1");
    const big = await raw.query("SELECT id FROM daily_report WHERE receipt_count >= 200 ORDER BY id LIMIT 1");
    const one = (id: unknown) => `{ DailyReport(id: "${id}") { id market { name } collector { username } deposit { id } receipts { ticketNo amount stall { code market { code } } } } }`;
    const rows: Array<[string, number, number]> = [
      ["allMarkets + head { marketIds } (5 vs 50 per page)", await count(markets(5)), await count(markets(50))],
      ["allDailyReports + receipts.stall.market (2 vs 50 per page)", await count(reports(2)), await count(reports(50))],
    ];
    if (small[0] && big[0]) rows.push(["DailyReport + receipts (few vs 200 receipts)", await count(one(small[0].id)), await count(one(big[0].id))]);
    for (const [name, a, b] of rows) {
      lines.push(`| statements: ${name} | ${a} vs ${b} | | | constant |`);
      expect(b).toBe(a);
    }
  });

  it("answers revenueReport over >= 5M receipts far faster than raw SQL and close to a raw summary query", async () => {
    const markets = await raw.query("SELECT id FROM market ORDER BY id");
    const perReport = 1000;
    const days = Math.ceil(RECEIPTS_TARGET / (markets.length * perReport));
    const stallsByMarket = new Map<number, number[]>();
    for (const s of await raw.query("SELECT id, market_id FROM stall ORDER BY id")) {
      const list = stallsByMarket.get(Number(s.market_id)) ?? [];
      list.push(Number(s.id));
      stallsByMarket.set(Number(s.market_id), list);
    }
    const collector = (await raw.query("SELECT id FROM user WHERE username = 'pemungut.cikarang'"))[0].id;
    const [{ n: maxId }] = await raw.query("SELECT COALESCE(MAX(id), 0) AS n FROM daily_report");
    let reportId = Number(maxId);
    const genStart = Date.now();
    for (let d = days; d >= 1; d--) {
      const day = addDays(today, -d);
      const reports: unknown[][] = [];
      const receipts: unknown[][] = [];
      const deposits: unknown[][] = [];
      const links: unknown[][] = [];
      for (const m of markets) {
        const id = ++reportId;
        const stalls = stallsByMarket.get(Number(m.id))!;
        let total = 0;
        for (let i = 0; i < perReport; i++) {
          const amount = 1000 + ((id * 7 + i * 13) % 9) * 500;
          total += amount;
          receipts.push([id, m.id, stalls[i % stalls.length], day, "GEN", i + 1, amount, null]);
        }
        const rejected = id % 97 === 0;
        reports.push([id, `gen-${id}`, "gen", m.id, collector, collector, day, rejected ? "REJECTED" : "SUBMITTED", perReport, total, `${day} 10:00:00`]);
        if (!rejected && id % 5 !== 0) {
          deposits.push([id, `gen-dep-${id}`, "gen", collector, m.id, total - (id % 3) * 1000, total, `${day} 12:00:00`, `STS-${id}`, id % 4 === 0 ? "PENDING" : "VERIFIED", `${day} 12:00:00`, collector]);
          links.push([id, id, id, total - (id % 3) * 1000]);
        }
      }
      await raw.transaction(async () => {
        await raw.insert("daily_report", ["id", "client_id", "content_hash", "market_id", "collector_id", "submitted_by_id", "business_date", "status", "receipt_count", "total", "submitted_at"], reports);
        await raw.insert("receipt", ["report_id", "market_id", "stall_id", "business_date", "series", "number", "amount", "collected_at"], receipts);
        await raw.insert("deposit", ["id", "client_id", "content_hash", "collector_id", "market_id", "amount", "reports_total", "deposited_at", "sts_number", "status", "recorded_at", "recorded_by_id"], deposits);
        await raw.insert("deposit_report", ["deposit_id", "report_id", "live_report_id", "allocated"], links);
      });
    }
    const generated = Number((await raw.query("SELECT COUNT(*) AS n FROM receipt"))[0].n);
    const db = await openRawDatabase(app);
    const rebuildStart = Date.now();
    await new RevenueSummaryService(db).recomputeAll();
    const rebuildSeconds = (Date.now() - rebuildStart) / 1000;
    await db.close();
    lines.push(`| dataset: ${generated} receipts over ${days} days (generated in ${((Date.now() - genStart) / 1000 - rebuildSeconds).toFixed(0)} s; recompute-summaries ${rebuildSeconds.toFixed(1)} s) | | | | >= 5 000 000 |`);
    expect(generated).toBeGreaterThanOrEqual(RECEIPTS_TARGET);

    const floorMs = await timed(() => gql("{ me { id } }"), 30);
    lines.push(`| the least a request costs: \`{ me { id } }\`, ms | ${floorMs.toFixed(2)} | | | |`);

    const monthStart = `${addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7)}-01`;
    const monthEnd = addDays(`${today.slice(0, 7)}-01`, -1);
    const mysql = app.db.dialectName === "mysql";
    const div = (a: string, b: string) => (mysql ? `(${a}) DIV (${b})` : `(${a}) / (${b})`);
    for (const groupBy of ["MARKET", "DAY"] as const) {
      const byDay = groupBy === "DAY";
      const api = () => gql(`query($f: LocalDate!, $t: LocalDate!, $g: RevenueGrouping!) { revenueReport(from: $f, to: $t, groupBy: $g) { marketId period potential target collected paidOnline deposited undeposited uncollected leakage leakageRate } }`, { f: monthStart, t: monthEnd, g: groupBy });
      const key = (g: string) => (byDay ? `${g}.market_id, ${g}.business_date` : `${g}.market_id`);
      // The fastest SQL over the raw rows we found: the covering index for receipts, minus rejected
      // reports; deposits through their reports; potential over calendar x permits x tariffs.
      const rawSql = `
        SELECT x.market_id, ${byDay ? "x.business_date," : ""} SUM(x.potential) AS potential, SUM(x.collected) AS collected, SUM(x.deposited) AS deposited FROM (
          SELECT r.market_id, r.business_date, 0 AS potential, SUM(r.amount) AS collected, 0 AS deposited
            FROM receipt r WHERE r.business_date BETWEEN ? AND ? GROUP BY ${key("r")}${byDay ? "" : ", r.business_date"}
          UNION ALL
          SELECT d.market_id, d.business_date, 0, -SUM(d.total), 0 FROM daily_report d
            WHERE d.status = 'REJECTED' AND d.business_date BETWEEN ? AND ? GROUP BY d.market_id, d.business_date
          UNION ALL
          SELECT d.market_id, d.business_date, 0, 0, SUM(l.allocated) FROM deposit_report l
            JOIN deposit x ON x.id = l.deposit_id JOIN daily_report d ON d.id = l.report_id
            WHERE x.status = 'VERIFIED' AND d.business_date BETWEEN ? AND ? GROUP BY d.market_id, d.business_date
          UNION ALL
          SELECT s.market_id, c.day, SUM(CASE t.basis WHEN 'PER_M2_PER_DAY' THEN ${div("t.amount * s.area_dm2 + 50", "100")}
              WHEN 'PER_UNIT_PER_DAY' THEN t.amount
              ELSE ${div("t.amount", "c.days_in_month")} + CASE WHEN c.day_of_month = c.days_in_month THEN t.amount % c.days_in_month ELSE 0 END END), 0, 0
            FROM calendar_day c JOIN stall_permit p ON p.valid_from <= c.day AND (p.valid_to IS NULL OR p.valid_to >= c.day)
            JOIN stall s ON s.id = p.stall_id JOIN market m ON m.id = s.market_id
            JOIN tariff t ON t.stall_kind = s.kind AND t.market_class = m.market_class AND t.valid_from <= c.day AND (t.valid_to IS NULL OR t.valid_to >= c.day)
            WHERE c.day BETWEEN ? AND ? GROUP BY s.market_id, c.day
        ) x GROUP BY ${key("x")}`;
      const rawParams = [monthStart, monthEnd, monthStart, monthEnd, monthStart, monthEnd, monthStart, monthEnd];
      // The same rows and columns as the API straight from the summary table: dense market x period
      // rows with names, the target's cumulative-floor share and the derived figures.
      const doy = mysql ? "DAYOFYEAR(c.day)" : "CAST(strftime('%j', c.day) AS INTEGER)";
      const diy = "CASE WHEN c.year % 4 = 0 AND (c.year % 100 <> 0 OR c.year % 400 = 0) THEN 366 ELSE 365 END";
      const atLeastZero = (x: string) => (mysql ? `GREATEST(${x}, 0)` : `MAX(${x}, 0)`);
      const summarySql = `
        SELECT g.market_id, g.market_name, g.period, g.potential, g.target, g.collected, g.paid_online, g.deposited,
          g.collected - g.deposited AS undeposited,
          ${atLeastZero("g.potential - g.collected - g.paid_online")} AS uncollected,
          ${atLeastZero("g.potential - g.deposited - g.paid_online")} AS leakage,
          CASE WHEN g.potential = 0 THEN 0 ELSE ${atLeastZero("g.potential - g.deposited - g.paid_online")} * 1.0 / g.potential END AS leakage_rate
        FROM (
          SELECT m.id AS market_id, m.name AS market_name, m.code, ${byDay ? "c.day" : "NULL"} AS period,
            COALESCE(SUM(s.potential), 0) AS potential, COALESCE(SUM(s.collected), 0) AS collected,
            COALESCE(SUM(s.paid_online), 0) AS paid_online, COALESCE(SUM(s.deposited), 0) AS deposited,
            COALESCE(SUM(${div(`t.amount * ${doy}`, diy)} - ${div(`t.amount * (${doy} - 1)`, diy)}), 0) AS target
          FROM market m CROSS JOIN calendar_day c
          LEFT JOIN daily_market_summary s ON s.market_id = m.id AND s.business_date = c.day
          LEFT JOIN revenue_target t ON t.market_id = m.id AND t.year = c.year
          WHERE c.day BETWEEN ? AND ?
          GROUP BY m.id, m.name, m.code${byDay ? ", c.day" : ""}
        ) g ORDER BY g.code${byDay ? ", g.period" : ""}`;

      // Same numbers first.
      const apiRows = (await api()).revenueReport as Array<Record<string, number | string>>;
      const rawRows = await raw.query(rawSql, rawParams);
      const rawByKey = new Map(rawRows.map((r) => [`${r.market_id}|${byDay ? String(r.business_date).slice(0, 10) : ""}`, r]));
      for (const row of apiRows) {
        const r = rawByKey.get(`${row.marketId}|${row.period ?? ""}`);
        expect([row.potential, row.collected, row.deposited]).toEqual([Number(r?.potential ?? 0), Number(r?.collected ?? 0), Number(r?.deposited ?? 0)]);
      }
      const summaryRows = await raw.query(summarySql, [monthStart, monthEnd]);
      expect(summaryRows.map((r) => [String(r.market_id), r.period === null ? null : String(r.period).slice(0, 10),
        ...["potential", "target", "collected", "paid_online", "deposited", "undeposited", "uncollected", "leakage"].map((k) => Number(r[k])),
        Number(Number(r.leakage_rate).toFixed(9))]))
        .toEqual(apiRows.map((row) => [row.marketId, row.period, row.potential, row.target, row.collected, row.paidOnline, row.deposited,
          row.undeposited, row.uncollected, row.leakage, Number(Number(row.leakageRate).toFixed(9))]));
      const apiMs = await timed(api, 30);
      const rawMs = await timed(() => raw.query(rawSql, rawParams), 3);
      const summaryMs = await timed(() => raw.query(summarySql, [monthStart, monthEnd]), 30);
      lines.push(`| report by ${groupBy} (${apiRows.length} rows): API vs raw receipts SQL, ms | ${apiMs.toFixed(2)} | ${rawMs.toFixed(1)} | ${(rawMs / apiMs).toFixed(0)}x faster | >= 20x |`);
      lines.push(`| report by ${groupBy}: API vs raw summary query (same rows and columns), ms | ${apiMs.toFixed(2)} | ${summaryMs.toFixed(2)} | ${(apiMs / summaryMs).toFixed(2)} | <= 1.5 |`);
    }
  }, 3_600_000); // generating 5M receipts and rebuilding the summaries takes minutes
});
