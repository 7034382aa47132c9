import { randomUUID } from "node:crypto";
import { addDays, todayInJakarta } from "../../server/src/common/local-date";
import { openDatabase, type Database } from "../../server/src/database/database";
import { JobLocks } from "../../server/src/database/job-lock";
import { AnomalyService } from "../../server/src/modules/anomalies/anomaly.service";
import { NIGHTLY_JOB, NightlyDetection } from "../../server/src/modules/anomalies/nightly-detection";
import { AuditService } from "../../server/src/modules/audit/audit.service";
import { startTestApp, type TestApp } from "../support/api-client";

const LIST = `query($f: AnomalyFilter) { allAnomalies(filter: $f, perPage: 100) { id status evidence history { action } } }`;

/** Detection that nobody asks for: after each write, and once a night on one instance only. */
describe("background anomaly detection", () => {
  let app: TestApp;
  let officer: string;
  let auditor: string;
  let second: Database;
  const today = todayInJakarta();

  beforeAll(async () => {
    app = await startTestApp({ anomalyIncrementalDelayMs: 50 });
    [officer, auditor] = await Promise.all([app.login("officer"), app.login("auditor")]);
    // A second connection pool on the same database plays a second instance of the app.
    second = await openDatabase({ databaseUrl: app.db.databaseUrl, sqlitePath: app.db.sqlitePath });
  });
  afterAll(async () => {
    await second?.close();
    await app?.close();
  });

  const gql = async (query: string, variables: Record<string, unknown> = {}, token = officer) => {
    const res = await app.gql(query, variables, token);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!;
  };

  /** Asks until `done` holds: the re-check runs after the response, on its own time. */
  async function eventually<T>(probe: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const value = await probe();
      if (done(value) || attempt === 100) return value;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  it("re-checks the market after a submission and after a rejection, with no run asked for", async () => {
    const market = (await gql(`{ allMarkets(filter: { q: "SRB" }) { id } }`)).allMarkets[0].id;
    const collector = (await gql(`query($m: ID) { allCollectorAssignments(filter: { marketId: $m }) { collectorId } }`, { m: market })).allCollectorAssignments[0].collectorId;
    const stalls = (await gql(`query($m: ID) { allStalls(filter: { marketId: $m, kind: LAPAK }, perPage: 2) { id } }`, { m: market })).allStalls;
    const series = (await gql(`query($m: ID) { allTicketBooks(filter: { marketId: $m }, perPage: 1) { series } }`, { m: market })).allTicketBooks[0].series;
    const submit = async (day: string) => (await gql(`mutation($i: DailyReportInput!) { submitDailyReport(input: $i) { id } }`, {
      i: { clientId: randomUUID(), marketId: market, businessDate: day, collectorId: collector,
        receipts: [{ stallId: stalls[0].id, ticketNo: `${series} 000777`, amount: 3000 }] },
    })).submitDailyReport.id as string;
    const duplicates = () => gql(LIST, { f: { rule: "TICKET_DUPLICATE", marketId: market } }, auditor).then((d) => d.allAnomalies as Array<{ status: string; history: Array<{ action: string }> }>);

    await submit(addDays(today, -1));
    expect(await duplicates()).toEqual([]);
    const repeated = await submit(today);
    const found = await eventually(duplicates, (list) => list.length > 0);
    expect(found).toMatchObject([{ status: "OPEN", history: [{ action: "DETECTED" }] }]);

    await gql(`mutation($id: ID!) { rejectDailyReport(id: $id, reason: "Karcis tercatat dua kali") { id } }`, { id: repeated });
    const closed = await eventually(duplicates, (list) => list[0]?.status === "AUTO_RESOLVED");
    expect(closed).toMatchObject([{ status: "AUTO_RESOLVED", history: [{ action: "DETECTED" }, { action: "AUTO_RESOLVED" }] }]);
  });

  it("re-checks unexplained credits after a statement import, with the rules about findings without a market only", async () => {
    const bapenda = await app.login("bapenda");
    // Dated yesterday: a run of every rule would also find yesterday's missing reports in every market.
    const csv = `Tanggal;Keterangan;Referensi;Kredit;Debit\n${addDays(today, -1).split("-").reverse().join("/")};SETORAN TANPA BERITA;ZZ987;750.000,00;`;
    await gql(`mutation($c: String!) { importBankStatement(accountNo: "0001021234567", fileName: "b.csv", csv: $c) { id } }`, { c: csv }, bapenda);
    const unexplained = () => gql(LIST, { f: { rule: "STATEMENT_LINE_UNMATCHED" } }, auditor).then((d) => d.allAnomalies as Array<{ evidence: { reference: string } }>);
    const found = await eventually(unexplained, (list) => list.length > 0);
    expect(found.map((a) => a.evidence.reference)).toEqual(["ZZ987"]);
    const [run]: Array<Record<string, unknown>> = await second.manager.query(
      "SELECT market_ids, found FROM detection_run WHERE run_trigger = 'INCREMENTAL' ORDER BY id DESC LIMIT 1",
    );
    // Only STATEMENT_LINE_UNMATCHED and PAYMENT_UNMATCHED ran: the one credit is all it found.
    expect({ markets: run.market_ids, found: Number(run.found) }).toEqual({ markets: null, found: 1 });
  });

  it("runs the nightly detection on exactly one of two instances, once a night", async () => {
    const instance = (db: Database) => new NightlyDetection(new AnomalyService(db, 100, new AuditService()), new JobLocks(db), { at: "02:00", days: 30 }, (e) => { throw e; });
    const [a, b] = [instance(second), instance(second)];
    const tonight = new Date(`${today}T19:00:00Z`); // 02:00 in Jakarta the next day
    const night = todayInJakarta(tonight);

    const runs = await Promise.all([a.runOnce(tonight), b.runOnce(tonight)]);
    const ran = runs.filter((r) => r !== null);
    expect(ran).toHaveLength(1);
    expect(ran[0]).toMatchObject({ trigger: "NIGHTLY", from: addDays(night, -29), to: night, marketIds: null });
    // Later the same night (a clock a little late, a restarted instance): already done.
    expect(await b.runOnce(new Date(tonight.getTime() + 10 * 60_000))).toBeNull();
    // The next night runs again.
    expect(await b.runOnce(new Date(tonight.getTime() + 24 * 3600_000))).toMatchObject({ trigger: "NIGHTLY", to: addDays(night, 1) });
  });

  it("lets another instance take over a lease whose holder died, not one still held", async () => {
    const locks = new JobLocks(second);
    const at = new Date("2030-01-01T19:00:00Z");
    expect(await locks.tryAcquire("test-job", "2030-01-02", "crashed", 60_000, at)).toBe(true);
    expect(await locks.tryAcquire("test-job", "2030-01-02", "other", 60_000, new Date(at.getTime() + 30_000))).toBe(false);
    expect(await locks.tryAcquire("test-job", "2030-01-02", "other", 60_000, new Date(at.getTime() + 61_000))).toBe(true);
    await locks.release("test-job", "crashed", "2030-01-02"); // the dead holder's late release changes nothing
    expect(await locks.tryAcquire("test-job", "2030-01-02", "third", 60_000, new Date(at.getTime() + 62_000))).toBe(false);
    await locks.release("test-job", "other", "2030-01-02");
    expect(await locks.tryAcquire("test-job", "2030-01-02", "third", 60_000, new Date(at.getTime() + 63_000))).toBe(false);
    expect(NIGHTLY_JOB).toBe("nightly-anomaly-detection");
  });
});
