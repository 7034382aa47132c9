import { randomUUID } from "node:crypto";
import { addDays, todayInJakarta } from "../../server/src/common/local-date";
import type { Database } from "../../server/src/database/database";
import { startTestApp, errorCode, type TestApp } from "../support/api-client";
import { openRawDatabase } from "../support/revenue-oracle";

const SUBMIT = `mutation($input: DailyReportInput!) {
  submitDailyReport(input: $input) { id clientId status receiptCount total businessDate market { code } collector { username } receipts { ticketNo amount stall { id } } }
}`;
const REJECT = `mutation($id: ID!, $reason: String!) { rejectDailyReport(id: $id, reason: $reason) { id status rejectionReason } }`;
const RECORD = `mutation($input: DepositInput!) { recordDeposit(input: $input) { id status amount reportsTotal reports { id } } }`;
const VERIFY = `mutation($id: ID!, $approve: Boolean!, $note: String) { verifyDeposit(id: $id, approve: $approve, note: $note) { id status verifiedBy { username } } }`;
const REVENUE = `query($from: LocalDate!, $to: LocalDate!, $m: [ID!]) {
  revenueReport(from: $from, to: $to, groupBy: MARKET, marketIds: $m) { marketId collected deposited undeposited }
}`;

interface Receipt { stallId: string; ticketNo: string; amount: number; collectedAt?: string }

describe("daily reports and deposits", () => {
  let app: TestApp;
  let raw: Database;
  let collector: string;
  let otherCollector: string;
  let officer: string;
  let head: string;
  let treasurer: string;
  let pbc: string;
  let tmb: string;
  let pbcStalls: string[];
  let tmbStall: string;
  let ticket = 5000;
  const today = todayInJakarta();
  const yesterday = addDays(today, -1);

  beforeAll(async () => {
    app = await startTestApp({ maxReceiptsPerReport: 50 });
    raw = await openRawDatabase(app);
    [collector, otherCollector, officer, head, treasurer] = await Promise.all(
      ["pemungut.cikarang", "pemungut.tambun", "officer", "kepala.cikarang", "bendahara"].map((u) => app.login(u)),
    );
    const markets = (await app.gql(`{ allMarkets(perPage: 50) { id code } }`, {}, officer)).data!.allMarkets as Array<{ id: string; code: string }>;
    pbc = markets.find((m) => m.code === "PBC")!.id;
    tmb = markets.find((m) => m.code === "TMB")!.id;
    pbcStalls = (await app.gql(`query($m: ID) { allStalls(filter: { marketId: $m }, perPage: 20) { id } }`, { m: pbc }, officer)).data!.allStalls.map((s: { id: string }) => s.id);
    tmbStall = (await app.gql(`query($m: ID) { allStalls(filter: { marketId: $m }, perPage: 1) { id } }`, { m: tmb }, officer)).data!.allStalls[0].id;
  });
  afterAll(async () => {
    await raw?.close();
    await app?.close();
  });

  const receipts = (count: number, amount = 3000): Receipt[] =>
    Array.from({ length: count }, (_, i) => ({ stallId: pbcStalls[i % pbcStalls.length], ticketNo: `PBC-A ${String(++ticket).padStart(6, "0")}`, amount }));
  const report = (overrides: Record<string, unknown> = {}) => ({
    clientId: randomUUID(), marketId: pbc, businessDate: yesterday, receipts: receipts(3), ...overrides,
  });
  const submit = (input: object, token = collector) => app.gql(SUBMIT, { input }, token);
  const collected = async (marketId = pbc, token = officer) =>
    (await app.gql(REVENUE, { from: addDays(today, -30), to: today, m: [marketId] }, token)).data!.revenueReport[0];

  /** Every row a submission or deposit could write, and the summary's totals. */
  async function footprint() {
    const [counts] = await raw.manager.query(`SELECT
      (SELECT COUNT(*) FROM daily_report) AS reports, (SELECT COUNT(*) FROM receipt) AS receipts,
      (SELECT COUNT(*) FROM deposit) AS deposits, (SELECT COUNT(*) FROM deposit_report) AS links,
      (SELECT COUNT(*) FROM audit_entry) AS audit,
      (SELECT SUM(collected) FROM daily_market_summary) AS collected, (SELECT SUM(deposited) FROM daily_market_summary) AS deposited,
      (SELECT SUM(report_count) FROM daily_market_summary) AS reportCount`);
    return Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, Number(v)]));
  }

  it("stores a collector's report with its receipts and counts it as collected", async () => {
    const before = await collected();
    const res = await submit(report({ receipts: [
      { stallId: pbcStalls[0], ticketNo: "pbc-a-000101", amount: 3000, collectedAt: `${yesterday}T01:00:00Z` },
      { stallId: pbcStalls[1], ticketNo: "PBC-A/102", amount: 2500 },
    ] }));
    expect(res.errors).toBeUndefined();
    const stored = res.data!.submitDailyReport;
    expect(stored).toMatchObject({ status: "SUBMITTED", receiptCount: 2, total: 5500, businessDate: yesterday, market: { code: "PBC" }, collector: { username: "pemungut.cikarang" } });
    expect(stored.receipts.map((r: { ticketNo: string }) => r.ticketNo)).toEqual(["PBC-A 000101", "PBC-A 000102"]);
    expect((await collected()).collected).toBe(before.collected + 5500);
  });

  it("returns the stored report for a replay, and stores 20 parallel replays once", async () => {
    const input = report();
    const first = (await submit(input)).data!.submitDailyReport;
    const again = (await submit(input)).data!.submitDailyReport;
    expect(again).toEqual(first);

    const before = await footprint();
    const parallel = report({ receipts: receipts(10) });
    const results = await Promise.all(Array.from({ length: 20 }, () => submit(parallel)));
    expect(results.map((r) => r.errors)).toEqual(Array(20).fill(undefined));
    expect(new Set(results.map((r) => r.data!.submitDailyReport.id)).size).toBe(1);
    const after = await footprint();
    expect(after.reports - before.reports).toBe(1);
    expect(after.receipts - before.receipts).toBe(10);
    expect(after.collected - before.collected).toBe(30_000);
  });

  it("refuses the same clientId with different content as CONFLICT and writes nothing", async () => {
    const input = report();
    expect((await submit(input)).errors).toBeUndefined();
    const before = await footprint();
    const changed = { ...input, receipts: input.receipts.map((r, i) => (i === 0 ? { ...r, amount: r.amount + 1000 } : r)) };
    expect(errorCode(await submit(changed))).toBe("CONFLICT");
    expect(errorCode(await submit(input, otherCollector))).toBe("CONFLICT");
    expect(await footprint()).toEqual(before);
  });

  const refusals: Array<[string, () => [object, string?], string, string | null]> = [
    ["a market the collector is not assigned to", () => [report({ marketId: tmb, receipts: [{ stallId: tmbStall, ticketNo: "TMB-A 1", amount: 2000 }] })], "FORBIDDEN", null],
    ["a stall of another market", () => [report({ receipts: [{ stallId: tmbStall, ticketNo: "PBC-A 9001", amount: 2000 }] })], "BAD_USER_INPUT", "receipts.0.stallId"],
    ["a zero amount", () => [report({ receipts: [{ stallId: pbcStalls[0], ticketNo: "PBC-A 9002", amount: 0 }] })], "BAD_USER_INPUT", "receipts.0.amount"],
    ["a negative amount", () => [report({ receipts: [...receipts(1), { stallId: pbcStalls[0], ticketNo: "PBC-A 9003", amount: -500 }] })], "BAD_USER_INPUT", "receipts.1.amount"],
    ["a business date in the future", () => [report({ businessDate: addDays(today, 1) })], "BAD_USER_INPUT", "businessDate"],
    ["a business date older than the window", () => [report({ businessDate: addDays(today, -8) })], "FORBIDDEN", null],
    ["more receipts than allowed", () => [report({ receipts: receipts(51) })], "BAD_USER_INPUT", "receipts"],
    ["no receipts", () => [report({ receipts: [] })], "BAD_USER_INPUT", "receipts"],
    ["a ticket number without series", () => [report({ receipts: [{ stallId: pbcStalls[0], ticketNo: "000123", amount: 3000 }] })], "BAD_USER_INPUT", "receipts.0.ticketNo"],
    ["the same ticket twice", () => [report({ receipts: [{ stallId: pbcStalls[0], ticketNo: "PBC-A 77", amount: 3000 }, { stallId: pbcStalls[1], ticketNo: "PBC-A 000077", amount: 3000 }] })], "BAD_USER_INPUT", "receipts.1.ticketNo"],
    ["a collection time on another day", () => [report({ receipts: [{ stallId: pbcStalls[0], ticketNo: "PBC-A 9004", amount: 3000, collectedAt: `${today}T03:00:00Z` }] })], "BAD_USER_INPUT", "receipts.0.collectedAt"],
    ["an unknown market", () => [report({ marketId: "999999" })], "BAD_USER_INPUT", "marketId"],
    ["a bad clientId", () => [report({ clientId: "x" })], "BAD_USER_INPUT", "clientId"],
    ["a treasurer submitting", () => [report(), "treasurer"], "FORBIDDEN", null],
    ["an officer without naming the collector", () => [report(), "officer"], "BAD_USER_INPUT", "collectorId"],
  ];
  it.each(refusals)("refuses %s and writes nothing", async (_name, make, code, field) => {
    const [input, who] = make();
    const token = who === "treasurer" ? treasurer : who === "officer" ? officer : collector;
    const before = await footprint();
    const res = await submit(input, token);
    expect(errorCode(res)).toBe(code);
    if (field) expect(res.errors![0].extensions!.fields).toHaveProperty([field]);
    expect(res.errors![0].message).not.toMatch(/SQL|INSERT|SELECT|at .*\.ts/);
    expect(await footprint()).toEqual(before);
  });

  it("keeps concurrent good reports and leaves nothing of concurrent bad ones (they may share a commit)", async () => {
    const before = await footprint();
    const good = Array.from({ length: 12 }, () => report({ receipts: receipts(5, 2000) }));
    const bad = Array.from({ length: 6 }, (_, i) => report({ receipts: [...receipts(3), { stallId: tmbStall, ticketNo: `PBC-A ${9100 + i}`, amount: 2000 }] }));
    // Interleaved, so that good and bad reports wait for the database together.
    const results = await Promise.all([...good, ...bad].map((input) => submit(input)));
    expect(results.slice(0, good.length).map((r) => r.errors)).toEqual(Array(good.length).fill(undefined));
    expect(results.slice(good.length).map(errorCode)).toEqual(Array(bad.length).fill("BAD_USER_INPUT"));
    const after = await footprint();
    expect(after.reports - before.reports).toBe(good.length);
    expect(after.receipts - before.receipts).toBe(good.length * 5);
    expect(after.collected - before.collected).toBe(good.length * 10_000);
    expect(after.audit - before.audit).toBe(good.length);
    const [{ n }] = await raw.manager.query(`SELECT COUNT(*) AS n FROM daily_report WHERE client_id IN (${bad.map(() => "?").join(", ")})`, bad.map((b) => b.clientId));
    expect(Number(n)).toBe(0);
  });

  it("lets an officer submit a late report on a collector's behalf", async () => {
    const me = (await app.gql(`{ me { id } }`, {}, collector)).data!.me.id;
    const res = await submit(report({ businessDate: addDays(today, -20), collectorId: me }), officer);
    expect(res.errors).toBeUndefined();
    expect(res.data!.submitDailyReport.collector.username).toBe("pemungut.cikarang");
  });

  it("lets the market head reject a report, which then stops counting but stays visible", async () => {
    const stored = (await submit(report())).data!.submitDailyReport;
    const before = await collected();
    expect(errorCode(await app.gql(REJECT, { id: stored.id, reason: "Karcis ganda" }, collector))).toBe("FORBIDDEN");
    expect(errorCode(await app.gql(REJECT, { id: stored.id, reason: "" }, head))).toBe("BAD_USER_INPUT");
    const res = await app.gql(REJECT, { id: stored.id, reason: "Nomor karcis salah" }, head);
    expect(res.data!.rejectDailyReport).toMatchObject({ status: "REJECTED", rejectionReason: "Nomor karcis salah" });
    expect((await collected()).collected).toBe(before.collected - stored.total);
    expect(errorCode(await app.gql(REJECT, { id: stored.id, reason: "Lagi" }, head))).toBe("CONFLICT");
    const visible = await app.gql(`query($id: ID!) { DailyReport(id: $id) { status receipts { id } } }`, { id: stored.id }, collector);
    expect(visible.data!.DailyReport).toMatchObject({ status: "REJECTED" });
    expect(visible.data!.DailyReport.receipts).toHaveLength(3);
  });

  it("scopes reports: a collector sees only their own, the other collector none of them", async () => {
    const mine = await app.gql(`{ allDailyReports(perPage: 100) { collector { username } } _allDailyReportsMeta { count } }`, {}, collector);
    expect(mine.data!._allDailyReportsMeta.count).toBeGreaterThan(0);
    expect(new Set(mine.data!.allDailyReports.map((r: { collector: { username: string } }) => r.collector.username))).toEqual(new Set(["pemungut.cikarang"]));
    const theirs = await app.gql(`{ allDailyReports(perPage: 500) { collector { username } } allReceipts(perPage: 500) { report { collector { username } } } }`, {}, otherCollector);
    const names = [...theirs.data!.allDailyReports, ...theirs.data!.allReceipts.map((r: { report: unknown }) => r.report)]
      .map((r: { collector: { username: string } }) => r.collector.username);
    expect(names.filter((n) => n !== "pemungut.tambun")).toEqual([]);
    const one = (await app.gql(`{ allDailyReports(perPage: 1) { id } }`, {}, collector)).data!.allDailyReports[0].id;
    expect(errorCode(await app.gql(`query($id: ID!) { DailyReport(id: $id) { id } }`, { id: one }, otherCollector))).toBe("FORBIDDEN");
    expect(errorCode(await app.gql(REVENUE, { from: yesterday, to: today, m: [pbc] }, otherCollector))).toBe("FORBIDDEN");
  });

  it("records a deposit that moves `deposited` only once the treasurer verifies it", async () => {
    const a = (await submit(report({ businessDate: addDays(today, -2), receipts: receipts(2, 4000) }))).data!.submitDailyReport;
    const b = (await submit(report({ receipts: receipts(1, 5000) }))).data!.submitDailyReport;
    const before = await collected();
    const input = { clientId: randomUUID(), reportIds: [a.id, b.id], amount: 12_000, depositedAt: new Date().toISOString(), stsNumber: "STS/PBC/0001", bankReference: "NTB123" };
    const deposit = (await app.gql(RECORD, { input }, collector)).data!.recordDeposit;
    expect(deposit).toMatchObject({ status: "PENDING", amount: 12_000, reportsTotal: 13_000 });
    expect((await app.gql(RECORD, { input }, collector)).data!.recordDeposit.id).toBe(deposit.id);
    expect(errorCode(await app.gql(RECORD, { input: { ...input, amount: 11_000 } }, collector))).toBe("CONFLICT");
    expect((await collected()).deposited).toBe(before.deposited);

    expect(errorCode(await app.gql(VERIFY, { id: deposit.id, approve: true }, collector))).toBe("FORBIDDEN");
    const verified = await app.gql(VERIFY, { id: deposit.id, approve: true }, treasurer);
    expect(verified.data!.verifyDeposit).toMatchObject({ status: "VERIFIED", verifiedBy: { username: "bendahara" } });
    const after = await collected();
    expect(after.deposited).toBe(before.deposited + 12_000);
    expect(after.undeposited).toBe(before.undeposited - 12_000);
    expect(errorCode(await app.gql(VERIFY, { id: deposit.id, approve: false, note: "salah" }, treasurer))).toBe("CONFLICT");
    // A covered report can no longer be rejected.
    expect(errorCode(await app.gql(REJECT, { id: a.id, reason: "Terlambat" }, head))).toBe("CONFLICT");
  });

  it("covers a report by at most one deposit that is not rejected", async () => {
    const r = (await submit(report())).data!.submitDailyReport;
    const input = () => ({ clientId: randomUUID(), reportIds: [r.id], amount: r.total, depositedAt: new Date().toISOString(), stsNumber: "STS/PBC/0002" });
    const first = (await app.gql(RECORD, { input: input() }, collector)).data!.recordDeposit;
    const before = await footprint();
    expect(errorCode(await app.gql(RECORD, { input: input() }, collector))).toBe("CONFLICT");
    expect(await footprint()).toEqual(before);
    expect(errorCode(await app.gql(VERIFY, { id: first.id, approve: false }, treasurer))).toBe("BAD_USER_INPUT");
    expect((await app.gql(VERIFY, { id: first.id, approve: false, note: "Slip tidak terbaca" }, treasurer)).data!.verifyDeposit.status).toBe("REJECTED");
    expect((await app.gql(RECORD, { input: input() }, collector)).errors).toBeUndefined();
  });

  it("refuses deposits that exceed their reports, cover rejected or others' reports, and writes nothing", async () => {
    const r = (await submit(report())).data!.submitDailyReport;
    const rejected = (await submit(report())).data!.submitDailyReport;
    await app.gql(REJECT, { id: rejected.id, reason: "Salah pasar" }, head);
    const base = { depositedAt: new Date().toISOString(), stsNumber: "STS/PBC/0003" };
    const before = await footprint();
    const cases: Array<[object, string, string]> = [
      [{ reportIds: [r.id], amount: r.total + 1 }, collector, "BAD_USER_INPUT"],
      [{ reportIds: [rejected.id], amount: 100 }, collector, "BAD_USER_INPUT"],
      [{ reportIds: [r.id, r.id], amount: 100 }, collector, "BAD_USER_INPUT"],
      [{ reportIds: [], amount: 100 }, collector, "BAD_USER_INPUT"],
      [{ reportIds: ["999999"], amount: 100 }, collector, "BAD_USER_INPUT"],
      [{ reportIds: [r.id], amount: 100, depositedAt: addDays(today, 2) + "T00:00:00Z" }, collector, "BAD_USER_INPUT"],
      [{ reportIds: [r.id], amount: 100 }, otherCollector, "FORBIDDEN"],
      [{ reportIds: [r.id], amount: 100 }, treasurer, "FORBIDDEN"],
    ];
    for (const [fields, token, code] of cases) {
      const res = await app.gql(RECORD, { input: { clientId: randomUUID(), ...base, ...fields } }, token);
      expect([JSON.stringify(fields), errorCode(res)]).toEqual([JSON.stringify(fields), code]);
    }
    expect(await footprint()).toEqual(before);
  });

  it("lists deposits and receipts as react-admin resources with filters", async () => {
    const deposits = await app.gql(`{ allDeposits(filter: { status: VERIFIED }, sortField: "depositedAt", sortOrder: "DESC") { status reports { id } market { code } } }`, {}, treasurer);
    expect(deposits.errors).toBeUndefined();
    expect(deposits.data!.allDeposits.every((d: { status: string }) => d.status === "VERIFIED")).toBe(true);
    const recent = await app.gql(`query($d: LocalDate) { _allReceiptsMeta(filter: { businessDate_gte: $d }) { count } allReceipts(filter: { businessDate_gte: $d }, perPage: 5) { ticketNo stall { code } report { status } } }`, { d: yesterday }, officer);
    expect(recent.errors).toBeUndefined();
    expect(recent.data!._allReceiptsMeta.count).toBeGreaterThan(0);
    expect(errorCode(await app.gql(`{ allDailyReports(filter: { marketId: "x" }) { id } }`, {}, officer))).toBe("BAD_USER_INPUT");
  });
});
