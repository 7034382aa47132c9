/**
 * What incremental anomaly detection costs a collector's submission: the same stream of reports
 * against the production build with the background re-check effectively off (a delay longer than
 * the benchmark) and on (the default 2 s), on a database with the 90-day demo history; and what the
 * background runs themselves take.
 */
import { randomUUID } from "node:crypto";
import { addDays, todayInJakarta } from "../../server/src/common/local-date";
import { startTestApp, type GraphQLResponse, type TestApp } from "../support/api-client";
import { median, rawDriver, type Raw } from "./bench-support";
import { postJson, startProductionServer } from "./production-server";

const SUBMISSIONS = 120;
const RECEIPTS_PER_REPORT = 40;

describe("incremental anomaly detection benchmark", () => {
  let app: TestApp;
  let raw: Raw;
  const lines: string[] = [];
  const today = todayInJakarta();

  beforeAll(async () => {
    app = await startTestApp({ demoHistoryDays: 90 });
    raw = await rawDriver(app);
  });
  afterAll(async () => {
    console.log(lines.join("\n"));
    await raw?.close();
    await app?.close();
  });

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- response shapes are read where they are checked
  const post = async (url: string, query: string, variables: Record<string, unknown>, token?: string): Promise<Record<string, any>> => {
    const res = JSON.parse(await postJson(`${url}/graphql`, JSON.stringify({ query, variables }), token)) as GraphQLResponse<never>;
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!;
  };

  /** Submits SUBMISSIONS reports one after another, round-robin over the markets; per-request ms. */
  async function submissions(delayMs: number, round: number): Promise<number[]> {
    const server = await startProductionServer(app.db, { ANOMALY_INCREMENTAL_DELAY_MS: String(delayMs), ANOMALY_NIGHTLY_AT: "off" });
    try {
      const officer = (await post(server.url, `mutation { login(username: "officer", password: "lapera-demo") { accessToken } }`, {})).login.accessToken as string;
      const assignments = (await post(server.url, `{ allCollectorAssignments(perPage: 100) { marketId collectorId } }`, {}, officer)).allCollectorAssignments as Array<{ marketId: string; collectorId: string }>;
      const markets = await Promise.all(assignments.map(async (a) => ({
        ...a,
        stalls: (await post(server.url, `query($m: ID) { allStalls(filter: { marketId: $m }, perPage: 200) { id } }`, { m: a.marketId }, officer)).allStalls.map((s: { id: string }) => s.id) as string[],
      })));
      const times: number[] = [];
      for (let k = 0; k < SUBMISSIONS; k++) {
        const m = markets[k % markets.length];
        const input = {
          clientId: randomUUID(), marketId: m.marketId, collectorId: m.collectorId, businessDate: addDays(today, -(k % 3)),
          receipts: Array.from({ length: RECEIPTS_PER_REPORT }, (_, i) => ({ stallId: m.stalls[i % m.stalls.length], ticketNo: `INC${round}-${k} ${i + 1}`, amount: 3000 })),
        };
        const start = process.hrtime.bigint();
        await post(server.url, `mutation($i: DailyReportInput!) { submitDailyReport(input: $i) { id } }`, { i: input }, officer);
        times.push(Number(process.hrtime.bigint() - start) / 1e6);
      }
      // Let the last background runs finish before the server stops.
      await new Promise((resolve) => setTimeout(resolve, delayMs < 60_000 ? delayMs + 3000 : 0));
      return times;
    } finally {
      await server.close();
    }
  }

  const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.95)];

  it("measures the latency incremental detection adds to submissions, and the background runs", async () => {
    const off = await submissions(600_000, 1);
    const [{ n: before }] = await raw.query("SELECT COUNT(*) AS n FROM detection_run WHERE run_trigger = 'INCREMENTAL'");
    const on = await submissions(2000, 2);
    const runs = await raw.query("SELECT started_at, finished_at, market_ids FROM detection_run WHERE run_trigger = 'INCREMENTAL' ORDER BY id");
    expect(Number(before)).toBe(0);
    expect(runs.length).toBeGreaterThan(0);
    const durations = runs.map((r) => Date.parse(`${String(r.finished_at).replace(" ", "T")}Z`) - Date.parse(`${String(r.started_at).replace(" ", "T")}Z`));
    lines.push(
      `database: ${app.db.dialectName}; ${SUBMISSIONS} reports of ${RECEIPTS_PER_REPORT} receipts, one after another, round-robin over the collectors' markets, 90-day demo history`,
      "| submitDailyReport | median ms | p95 ms |",
      "|---|---|---|",
      `| incremental detection off | ${median(off).toFixed(1)} | ${p95(off).toFixed(1)} |`,
      `| incremental detection on (2 s) | ${median(on).toFixed(1)} | ${p95(on).toFixed(1)} |`,
      `| added | ${(median(on) - median(off)).toFixed(1)} | ${(p95(on) - p95(off)).toFixed(1)} |`,
      `background runs: ${runs.length}, each over the changed markets from their earliest changed day; median ${median(durations).toFixed(0)} ms, longest ${Math.max(...durations)} ms`,
    );
  }, 1_800_000);
});
