/**
 * Payments benchmark (`npm run bench`; never part of `npm test`), on SQLite or, with DATABASE_URL,
 * on MySQL/MariaDB:
 * - ingestion: signed payment notifications through POST /webhooks/payments/:channel (16 in flight)
 *   vs the same rows written straight through the driver, one transaction per payment and all in one;
 * - a 100 000-line bank statement through importBankStatement: time, lines/s, the server's peak
 *   resident memory during the import (VmHWM, reset first), and the progress seen while it runs.
 */
import { createHash, createHmac } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { addDays, todayInJakarta } from "../../server/src/common/local-date";
import { startTestApp, type GraphQLResponse, type TestApp } from "../support/api-client";
import { postJson, startProductionServer, type ProductionServer } from "./production-server";
import { rawDriver, type Raw } from "./bench-support";

const SECRET = "bench-webhook-secret-0123456789";
const WEBHOOKS = Number(process.env.BENCH_WEBHOOKS ?? 6000);
const STATEMENT_LINES = Number(process.env.BENCH_STATEMENT_LINES ?? 100_000);
const IN_FLIGHT = 16;

function postWebhook(url: string, body: string): Promise<number> {
  const headers = {
    "content-type": "application/json", "content-length": Buffer.byteLength(body),
    "x-signature": createHmac("sha256", SECRET).update(body).digest("hex"), "x-timestamp": String(Math.floor(Date.now() / 1000)),
  };
  return new Promise((resolve, reject) => {
    const req = request(url, { method: "POST", headers }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** Peak resident memory of a process in MiB since the last reset; writing 5 to clear_refs resets it. */
const peakRssMiB = (pid: number) => Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))![1]) / 1024;
const rssMiB = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))![1]) / 1024;

describe("payments benchmark", () => {
  let app: TestApp;
  let server: ProductionServer;
  let raw: Raw;
  let bapenda: string;
  const lines: string[] = [];
  const today = todayInJakarta();

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- response shapes are checked where used
  const gql = async (query: string, variables: Record<string, unknown> = {}): Promise<Record<string, any>> => {
    const res = JSON.parse(await postJson(`${server.url}/graphql`, JSON.stringify({ query, variables }), bapenda)) as GraphQLResponse<never>;
    if (res.errors) throw new Error(JSON.stringify(res.errors).slice(0, 500));
    return res.data!;
  };

  beforeAll(async () => {
    app = await startTestApp();
    server = await startProductionServer(app.db, { WEBHOOK_SECRET_QRIS: SECRET });
    raw = await rawDriver(app);
    const login = JSON.parse(await postJson(`${server.url}/graphql`, JSON.stringify({ query: `mutation { login(username: "bapenda", password: "lapera-demo") { accessToken } }` })));
    bapenda = login.data.login.accessToken;
    lines.push(`database: ${app.db.dialectName}`, "| measure | figure |", "|---|---|");
  });
  afterAll(async () => {
    console.log(lines.join("\n"));
    await raw?.close();
    await server?.close();
    await app?.close();
  });

  it("ingests signed webhook notifications, compared with raw inserts of the same rows", async () => {
    const month = (k: number) => addDays(`${today.slice(0, 7)}-01`, -28 * k).slice(0, 7);
    const codes: Array<{ code: string; amount: number }> = [];
    for (let k = 0; codes.length < WEBHOOKS && k < 12; k++) {
      await gql(`mutation($p: String!) { generateBills(period: $p) { created } }`, { p: month(k) });
      const rows = await raw.query("SELECT payment_code, principal FROM bill WHERE period = ? AND status = 'UNPAID'", [month(k)]);
      codes.push(...rows.map((r) => ({ code: String(r.payment_code), amount: Number(r.principal) })));
    }
    const n = Math.min(WEBHOOKS, codes.length);
    const paidAt = new Date().toISOString();
    const bodies = codes.slice(0, n).map((c, i) =>
      JSON.stringify({ externalRef: `BENCH${String(i).padStart(8, "0")}`, paymentCode: c.code, amount: c.amount, paidAt, payerName: "Bench", issuer: "Bank BJB" }));
    const url = `${server.url}/webhooks/payments/qris`;
    let next = 0;
    const statuses: number[] = [];
    const start = process.hrtime.bigint();
    await Promise.all(Array.from({ length: IN_FLIGHT }, async () => {
      while (next < bodies.length) statuses.push(await postWebhook(url, bodies[next++]));
    }));
    const apiSeconds = Number(process.hrtime.bigint() - start) / 1e9;
    expect(statuses.filter((s) => s !== 201)).toEqual([]);

    // The same rows again, under other references, straight through the driver.
    const columns = ["channel", "external_ref", "payment_code", "amount", "paid_at", "payer_name", "issuer", "raw_notification", "bill_id", "market_id",
      "match_status", "revenue_date", "source", "recorded_at"];
    const stored = await raw.query(`SELECT ${columns.join(", ")} FROM payment WHERE external_ref LIKE 'BENCH%' ORDER BY id`);
    const rows = (prefix: string) => stored.map((r) => columns.map((c) => (c === "external_ref" ? `${prefix}${String(r[c])}` : r[c])));
    const perRow = rows("ROW");
    const oneStart = process.hrtime.bigint();
    for (const row of perRow) await raw.transaction(() => raw.insert("payment", columns, [row]));
    const perRowSeconds = Number(process.hrtime.bigint() - oneStart) / 1e9;
    const bulkStart = process.hrtime.bigint();
    await raw.transaction(() => raw.insert("payment", columns, rows("BULK")));
    const bulkSeconds = Number(process.hrtime.bigint() - bulkStart) / 1e9;
    const rate = (s: number) => Math.round(n / s);
    lines.push(
      `| webhook ingestion (${n} payments, ${IN_FLIGHT} in flight) | ${rate(apiSeconds)} payments/s |`,
      `| raw INSERT, one transaction per payment | ${rate(perRowSeconds)} rows/s (webhook = ${(perRowSeconds / apiSeconds).toFixed(2)}x) |`,
      `| raw multi-row INSERT, one transaction | ${rate(bulkSeconds)} rows/s (webhook = ${(bulkSeconds / apiSeconds).toFixed(2)}x) |`,
    );
  });

  it(`imports a ${STATEMENT_LINES}-line bank statement in bounded memory, with progress visible while it runs`, async () => {
    const refs = (await raw.query("SELECT external_ref, amount, paid_at FROM payment WHERE external_ref LIKE 'BENCH%'")).map((r) => ({
      ref: String(r.external_ref), amount: Number(r.amount),
    }));
    const dmy = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
    const rupiah = (v: number) => `${v.toLocaleString("id-ID")},00`;
    const csvLines = ["Tanggal;Keterangan;Referensi;Kredit;Debit;Saldo"];
    for (let i = 0; i < STATEMENT_LINES; i++) {
      const match = refs[i];
      const day = dmy(addDays(today, -(i % 28)));
      if (match) csvLines.push(`${dmy(today)};QRIS SETTLEMENT;${match.ref};${rupiah(match.amount)};;`);
      else if (i % 10 === 0) csvLines.push(`${day};PEMINDAHBUKUAN;PB${i};;${rupiah(1_000_000 + i)};`);
      else csvLines.push(`${day};SETORAN LAIN ${i};REF${String(i).padStart(9, "0")};${rupiah(10_000 + (i % 500) * 1000)};;`);
    }
    const csv = csvLines.join("\r\n");
    const digest = createHash("sha256").update(csv).digest("hex");
    const before = rssMiB(server.pid);
    writeFileSync(`/proc/${server.pid}/clear_refs`, "5");
    const progress = new Set<number>();
    let done = false;
    const poll = (async () => {
      while (!done) {
        const found = (await gql(`query($d: String) { allBankStatements(filter: { fileDigest: $d }) { linesImported } }`, { d: digest })).allBankStatements;
        if (found[0]) progress.add(found[0].linesImported);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    })();
    const start = process.hrtime.bigint();
    const statement = (await gql(`mutation($c: String!) { importBankStatement(accountNo: "0001021234567", fileName: "bench.csv", csv: $c) {
      lineCount linesImported matchedCount unmatchedCount status } }`, { c: csv })).importBankStatement;
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    done = true;
    await poll;
    const peak = peakRssMiB(server.pid);
    expect(statement).toMatchObject({ lineCount: STATEMENT_LINES, linesImported: STATEMENT_LINES, status: "COMPLETED", matchedCount: refs.length });
    lines.push(
      `| statement import (${STATEMENT_LINES} lines, ${(Buffer.byteLength(csv) / 1048576).toFixed(1)} MiB, ${refs.length} matched) | ${seconds.toFixed(1)} s = ${Math.round(STATEMENT_LINES / seconds)} lines/s |`,
      `| server memory during the import | resident ${before.toFixed(0)} MiB before, peak ${peak.toFixed(0)} MiB |`,
      `| progress values seen by a poller during the import | ${[...progress].sort((a, b) => a - b).length} distinct (${Math.min(...progress)}..${Math.max(...progress)}) |`,
    );
  });
});
