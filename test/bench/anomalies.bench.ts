/**
 * Anomaly detection benchmark (`npm run bench`; never part of `npm test`), on SQLite or, with
 * DATABASE_URL, on MySQL/MariaDB: a full detection run over one year for the 12 demo markets with
 * millions of receipts, then the same run again (idempotent: nothing new). Prints, per rule, the time
 * of its `detect`, its SQL statements and findings, and the time the service spent keeping them (the
 * run minus its rules), and the run's total time and statements.
 *
 * Data: the demo's own year of history (its collectors, deposits, bills, payments and planted
 * leakage), plus a second collector shift per market (test/bench/year-history.ts) up to
 * BENCH_ANOMALY_RECEIPTS receipts (default 3 000 000).
 * BENCH_ANOMALY_RULES=CODE,CODE times only those rules' `detect` (no run) on the same data.
 */
import { addDays, todayInJakarta } from "../../server/src/common/local-date";
import { systemActor } from "../../server/src/modules/auth/actor";
import { openDatabase, type Database } from "../../server/src/database/database";
import { AuditService } from "../../server/src/modules/audit/audit.service";
import { AnomalyService } from "../../server/src/modules/anomalies/anomaly.service";
import type { AnomalyRule, RuleContext } from "../../server/src/modules/anomalies/rules/rule";
import { RevenueSummaryService } from "../../server/src/modules/revenue/revenue-summary.service";
import { startTestApp, type TestApp } from "../support/api-client";
import { rawDriver, type Raw } from "./bench-support";
import { generateCollectorShift } from "./year-history";

const RECEIPTS_TARGET = Number(process.env.BENCH_ANOMALY_RECEIPTS ?? 3_000_000);
const ONLY_RULES = process.env.BENCH_ANOMALY_RULES?.split(",").map((s) => s.trim()).filter(Boolean);
const DAYS = 365;

interface RuleFigures {
  ms: number;
  statements: number;
  findings: number;
}

describe("anomaly detection benchmark", () => {
  let app: TestApp;
  let raw: Raw;
  let db: Database;
  let service: AnomalyService;
  let statements = 0;
  const lines: string[] = [];
  const today = todayInJakarta();
  const from = addDays(today, -DAYS);
  const to = addDays(today, -1);
  const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
  const seconds = (millis: number) => (millis / 1000).toFixed(2);

  beforeAll(async () => {
    const seedStart = process.hrtime.bigint();
    app = await startTestApp({ demoHistoryDays: DAYS });
    const seedMs = ms(seedStart);
    raw = await rawDriver(app);
    const [{ n: demoReceipts }] = await raw.query("SELECT COUNT(*) AS n FROM receipt");
    const genStart = process.hrtime.bigint();
    const shift = await generateCollectorShift(raw, { from, to, today, receipts: Math.max(0, RECEIPTS_TARGET - Number(demoReceipts)) });
    const genMs = ms(genStart);
    db = await openDatabase({ databaseUrl: app.db.databaseUrl, sqlitePath: app.db.sqlitePath, onQuery: () => void statements++ });
    const sumStart = process.hrtime.bigint();
    await new RevenueSummaryService(db).recomputeAll(today);
    const sumMs = ms(sumStart);
    service = new AnomalyService(db, 500, new AuditService());
    const count = async (table: string) => Number((await raw.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
    const [receipts, reports, deposits, books, permits, returns, bills, payments] = await Promise.all(
      ["receipt", "daily_report", "deposit", "ticket_book", "stall_permit", "ticket_return", "bill", "payment"].map(count),
    );
    lines.push(
      `database: ${db.dialect}; window ${from} .. ${to} (${DAYS} days), 12 markets`,
      `dataset: ${receipts} receipts (demo ${demoReceipts}), ${reports} reports, ${deposits} deposits, ${books} ticket books, ${returns} returned ranges, ${permits} permits, ${bills} bills, ${payments} payments`,
      `planted by the second shift: ${JSON.stringify(shift.planted)}`,
      `seeding the demo year ${seconds(seedMs)} s, second shift ${seconds(genMs)} s, recompute-summaries ${seconds(sumMs)} s`,
    );
    expect(receipts).toBeGreaterThanOrEqual(RECEIPTS_TARGET * 0.95);
  }, 3_600_000);

  afterAll(async () => {
    console.log(lines.join("\n"));
    await db?.close();
    await raw?.close();
    await app?.close();
  });

  /** Wraps every rule's detect to time it and count its statements within a run; restores them after. */
  async function instrumented<T>(work: (figures: Map<string, RuleFigures>) => Promise<T>): Promise<T> {
    const figures = new Map<string, RuleFigures>();
    const originals = new Map<AnomalyRule, AnomalyRule["detect"]>();
    for (const { rule } of service.rules()) {
      const detect = rule.detect;
      originals.set(rule, detect);
      rule.detect = async (ctx: RuleContext) => {
        const before = statements;
        const start = process.hrtime.bigint();
        const found = await detect.call(rule, ctx);
        figures.set(rule.code, { ms: ms(start), statements: statements - before, findings: found.length });
        return found;
      };
    }
    try {
      return await work(figures);
    } finally {
      for (const [rule, detect] of originals) rule.detect = detect;
    }
  }

  const maybe = ONLY_RULES ? it.skip : it;

  maybe("runs every rule over a year of 12 markets, and again (nothing new the second time)", async () => {
    const runs: Array<{ ms: number; statements: number; rules: Map<string, RuleFigures>; found: number; created: number; autoResolved: number }> = [];
    for (let k = 0; k < 2; k++) {
      const result = await instrumented(async (rules) => {
        statements = 0;
        const start = process.hrtime.bigint();
        const run = await service.run(systemActor("bench"), from, to, null);
        return { ms: ms(start), statements, rules, found: run.found, created: run.created, autoResolved: run.autoResolved };
      });
      runs.push(result);
    }
    const [first, again] = runs;
    expect(again.created).toBe(0);
    expect(again.autoResolved).toBe(0);
    expect(again.found).toBe(first.found);
    const stored = Number((await raw.query("SELECT COUNT(*) AS n FROM anomaly"))[0].n);

    lines.push("", "| rule | detect ms | statements | findings | re-run detect ms |", "|---|---|---|---|---|");
    let detectFirst = 0;
    let detectAgain = 0;
    let detectStatements = 0;
    for (const [code, f] of first.rules) {
      const g = again.rules.get(code)!;
      detectFirst += f.ms;
      detectAgain += g.ms;
      detectStatements += f.statements;
      lines.push(`| ${code} | ${f.ms.toFixed(0)} | ${f.statements} | ${f.findings} | ${g.ms.toFixed(0)} |`);
    }
    lines.push(
      `| all rules' detect | ${detectFirst.toFixed(0)} | ${detectStatements} | ${first.found} | ${detectAgain.toFixed(0)} |`,
      `| keep (store, refresh, auto-resolve) and the run record | ${(first.ms - detectFirst).toFixed(0)} | ${first.statements - detectStatements} | ${first.created} new | ${(again.ms - detectAgain).toFixed(0)} (${again.statements - [...again.rules.values()].reduce((s, r) => s + r.statements, 0)} statements) |`,
      `| **full run** | **${first.ms.toFixed(0)}** | **${first.statements}** | ${stored} stored | **${again.ms.toFixed(0)}** (${again.statements} statements) |`,
    );
  }, 3_600_000);

  (ONLY_RULES ? it : it.skip)("times the selected rules' detect over the year", async () => {
    lines.push("", "| rule | detect ms (median of 3) | statements | findings |", "|---|---|---|---|");
    for (const { rule, thresholds } of service.rules().filter((r) => ONLY_RULES!.includes(r.rule.code))) {
      const ctx: RuleContext = { em: db.manager, dialect: db.dialect, from, to, today, marketIds: null, thresholds, holidays: [] };
      const times: number[] = [];
      let found = 0;
      let used = 0;
      for (let k = 0; k < 3; k++) {
        statements = 0;
        const start = process.hrtime.bigint();
        found = (await rule.detect(ctx)).length;
        times.push(ms(start));
        used = statements;
      }
      times.sort((a, b) => a - b);
      lines.push(`| ${rule.code} | ${times[1].toFixed(0)} | ${used} | ${found} |`);
    }
  }, 3_600_000);
});
