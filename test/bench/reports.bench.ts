/**
 * Official reports benchmark (`npm run bench`; never part of `npm test`): each report in both formats
 * from the built server in its own process, over 120 demo days with detection run. Prints, per
 * download, the median time over 3 runs, the file size and the server's resident memory after the
 * downloads (the streams must not make it grow with the report).
 */
import { readFileSync } from "node:fs";
import { addDays, todayInJakarta } from "../../server/src/common/local-date";
import { startTestApp, type TestApp } from "../support/api-client";
import { median } from "./bench-support";
import { startProductionServer, type ProductionServer } from "./production-server";

const DAYS = Number(process.env.BENCH_REPORT_DAYS ?? 120);

describe("official reports benchmark", () => {
  let app: TestApp;
  let server: ProductionServer;
  const lines: string[] = [];
  const today = todayInJakarta();

  beforeAll(async () => {
    app = await startTestApp({ demoHistoryDays: DAYS });
    const auditor = await app.login("auditor");
    const run = await app.gql(`mutation($f: LocalDate!, $t: LocalDate!) { runAnomalyDetection(from: $f, to: $t) { id } }`, { f: addDays(today, -DAYS), t: today }, auditor);
    if (run.errors) throw new Error(JSON.stringify(run.errors));
    server = await startProductionServer(app.db);
    lines.push(`database: ${app.db.dialectName}, ${DAYS} demo days`, "| download | median ms | bytes |", "|---|---|---|");
  }, 1_800_000);
  afterAll(async () => {
    console.log(lines.join("\n"));
    await server?.close();
    await app?.close();
  });

  const residentMb = (pid: number) => {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024);
  };

  it("produces each report as XLSX and PDF", async () => {
    const login = async (username: string) => {
      const response = await fetch(`${server.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: `mutation { login(username: "${username}", password: "lapera-demo") { accessToken } }` }),
      });
      return ((await response.json()) as { data: { login: { accessToken: string } } }).data.login.accessToken;
    };
    const officer = await login("officer");
    const markets = await app.gql<{ allMarkets: Array<{ id: string; code: string }> }>(`{ allMarkets(perPage: 50) { id code } }`, {}, officer);
    const pbc = markets.data!.allMarkets.find((m) => m.code === "PBC")!.id;
    const users = await app.gql<{ allUsers: Array<{ id: string; username: string }> }>(`{ allUsers(perPage: 100) { id username } }`, {}, await app.login("admin"));
    const pbcCollector = users.data!.allUsers.find((u) => u.username === "pemungut.cikarang")!.id;
    const downloads = [
      `monthly-realisation?month=${today.slice(0, 7)}`,
      `collector-recap?marketId=${pbc}&date=${addDays(today, -1)}&collectorId=${pbcCollector}`,
      `anomaly-register?from=${addDays(today, -DAYS)}&to=${today}`,
    ];
    const before = residentMb(server.pid);
    for (const download of downloads) {
      for (const format of ["xlsx", "pdf"]) {
        const [name, query] = download.split("?");
        const times: number[] = [];
        let bytes = 0;
        for (let i = 0; i < 3; i++) {
          const started = performance.now();
          const response = await fetch(`${server.url}/reports/${name}.${format}?${query}`, { headers: { authorization: `Bearer ${officer}` } });
          bytes = (await response.arrayBuffer()).byteLength;
          times.push(performance.now() - started);
          expect(response.status).toBe(200);
        }
        lines.push(`| ${name}.${format} | ${median(times).toFixed(0)} | ${bytes} |`);
      }
    }
    lines.push(`server resident memory: ${before} MB before the downloads, ${residentMb(server.pid)} MB after`);
  }, 600_000);

  it("answers marketDigitalisation about as fast as revenueReport by month over the same days", async () => {
    const token = await app.login("officer");
    const receipts = await app.gql<{ _allReceiptsMeta: { count: number } }>(`{ _allReceiptsMeta { count } }`, {}, token);
    const query = async (q: string) => {
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const started = performance.now();
        const response = await fetch(`${server.url}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: q, variables: { f: addDays(today, -DAYS), t: today } }),
        });
        const body = (await response.json()) as { errors?: unknown };
        if (body.errors) throw new Error(JSON.stringify(body.errors));
        times.push(performance.now() - started);
      }
      return median(times);
    };
    const digitalisation = await query(`query($f: LocalDate!, $t: LocalDate!) { marketDigitalisation(from: $f, to: $t) { marketId period digitalShare digitalPayers payers } }`);
    const revenue = await query(`query($f: LocalDate!, $t: LocalDate!) { revenueReport(from: $f, to: $t, groupBy: MONTH) { marketId period deposited paidOnline } }`);
    lines.push(
      `marketDigitalisation, all markets, ${DAYS} days by month (${receipts.data!._allReceiptsMeta.count} receipts): ${digitalisation.toFixed(0)} ms median of 5; revenueReport by MONTH: ${revenue.toFixed(0)} ms`,
    );
  }, 600_000);
});
