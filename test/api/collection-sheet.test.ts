import { randomUUID } from "node:crypto";
import { addDays, todayInJakarta } from "../../server/src/common/local-date";
import { startTestApp, errorCode, type TestApp } from "../support/api-client";

const SHEET = `query($m: ID!, $d: LocalDate!, $c: ID) {
  collectionSheet(marketId: $m, businessDate: $d, collectorId: $c) {
    marketId market { code } businessDate collectorId
    stalls { stallId code block kind occupied traderName amount basis }
    books { bookId series firstNumber lastNumber faceValue nextNumber remaining }
    reportedTotal reportedReceipts
    undepositedReports { id businessDate total status deposit { id } }
  }
}`;
const SUBMIT = `mutation($input: DailyReportInput!) { submitDailyReport(input: $input) { id total receiptCount status } }`;
const REJECT = `mutation($id: ID!, $reason: String!) { rejectDailyReport(id: $id, reason: $reason) { id status } }`;
const RECORD = `mutation($input: DepositInput!) { recordDeposit(input: $input) { id status } }`;
const VERIFY = `mutation($id: ID!, $approve: Boolean!, $note: String) { verifyDeposit(id: $id, approve: $approve, note: $note) { id status } }`;
const RETURN = `mutation($b: ID!, $f: Int!, $l: Int!) { returnUnusedTickets(bookId: $b, firstNumber: $f, lastNumber: $l) { id } }`;

interface SheetStall { stallId: string; code: string; block: string | null; kind: string; occupied: boolean; traderName: string | null; amount: number | null; basis: string | null }
interface SheetBook { bookId: string; series: string; firstNumber: number; lastNumber: number; faceValue: number; nextNumber: number | null; remaining: number }
interface SheetReport { id: string; businessDate: string; total: number; status: string; deposit: { id: string } | null }
interface Sheet {
  marketId: string; market: { code: string }; businessDate: string; collectorId: string;
  stalls: SheetStall[]; books: SheetBook[]; reportedTotal: number; reportedReceipts: number; undepositedReports: SheetReport[];
}
interface Tariff { id: string; stallKind: string; marketClass: string; basis: string; amount: number; validFrom: string; validTo: string | null }
interface Stall { id: string; code: string; block: string | null; kind: string; area: number }
interface Permit { stallId: string; validFrom: string; validTo: string | null; trader: { name: string } }

const validOn = (day: string, p: { validFrom: string; validTo: string | null }) => p.validFrom <= day && (p.validTo === null || p.validTo >= day);
const byCodeThenId = (a: Stall, b: Stall) => (a.code < b.code ? -1 : a.code > b.code ? 1 : Number(a.id) - Number(b.id));

describe("collection sheet", () => {
  let app: TestApp;
  let statements = 0;
  let collector: string;
  let otherCollector: string;
  let officer: string;
  let head: string;
  let treasurer: string;
  let auditor: string;
  let collectorId: string;
  let otherCollectorId: string;
  let auditorId: string;
  let pbc: string;
  let pic: string;
  let tmb: string;
  let losStall: string;
  const today = todayInJakarta();
  const yesterday = addDays(today, -1);
  const tomorrow = addDays(today, 1);

  beforeAll(async () => {
    app = await startTestApp({ maxPageSize: 5000, onQuery: () => void statements++ });
    [collector, otherCollector, officer, head, treasurer, auditor] = await Promise.all(
      ["pemungut.cikarang", "pemungut.tambun", "officer", "kepala.cikarang", "bendahara", "auditor"].map((u) => app.login(u)),
    );
    [collectorId, otherCollectorId, auditorId] = await Promise.all(
      [collector, otherCollector, auditor].map(async (t) => (await app.gql(`{ me { id } }`, {}, t)).data!.me.id as string),
    );
    const markets = (await app.gql(`{ allMarkets(perPage: 50) { id code } }`, {}, officer)).data!.allMarkets as Array<{ id: string; code: string }>;
    [pbc, pic, tmb] = ["PBC", "PIC", "TMB"].map((code) => markets.find((m) => m.code === code)!.id);

    // Master data the seed lacks: a LOS stall (per-m² tariff) occupied from today, an inactive stall,
    // and the class I LOS tariff changed today to an amount whose karcis rounds half up.
    const ok = async (query: string, variables: Record<string, unknown>) => {
      const res = await app.gql(query, variables, officer);
      expect(res.errors).toBeUndefined();
      return res.data!;
    };
    losStall = (await ok(`mutation($m: ID!) { createStall(marketId: $m, code: "Z-LOS-01", block: "Z", kind: LOS, area: 3.5) { id } }`, { m: pbc })).createStall.id;
    await ok(`mutation($m: ID!) { createStall(marketId: $m, code: "Z-OFF-01", block: "Z", kind: LAPAK, area: 2, status: INACTIVE) { id } }`, { m: pbc });
    const trader = (await ok(`mutation { createTrader(npwrd: "R.99.99.000001", name: "Uji Lembar Pungut") { id } }`, {})).createTrader.id;
    await ok(`mutation($s: ID!, $t: ID!, $d: LocalDate!) { createStallPermit(shptNumber: "SHPT/PBC/Z-LOS-01/UJI", stallId: $s, traderId: $t, validFrom: $d) { id } }`,
      { s: losStall, t: trader, d: today });
    const tariffs = (await ok(`{ allTariffs(perPage: 100) { id stallKind marketClass validTo } }`, {})).allTariffs as Tariff[];
    const losI = tariffs.find((t) => t.stallKind === "LOS" && t.marketClass === "I" && t.validTo === null)!;
    await ok(`mutation($id: ID!, $to: LocalDate!) { updateTariff(id: $id, validTo: $to) { id } }`, { id: losI.id, to: yesterday });
    await ok(`mutation($d: LocalDate!) { createTariff(stallKind: LOS, marketClass: I, basis: PER_M2_PER_DAY, amount: 333, validFrom: $d, legalBasis: "Uji tarif baru") { id } }`, { d: today });

    // Books: one issued today (in today's sheet, last), one issued at the start of tomorrow, one already
    // returned, and one of another collector at the same market: none of the last three is in it.
    const book = (series: string, issuedAt: string, extra: Record<string, unknown> = {}) =>
      ok(`mutation($s: String!, $m: ID!, $c: ID!, $i: DateTime!, $r: DateTime) {
        createTicketBook(series: $s, firstNumber: 1, lastNumber: 50, faceValue: 2000, marketId: $m, collectorId: $c, issuedAt: $i, returnedAt: $r) { id }
      }`, { s: series, m: pbc, c: collectorId, i: issuedAt, ...extra });
    await book("PBC-B", new Date(`${today}T00:01:00+07:00`).toISOString());
    await book("PBC-C", new Date(`${tomorrow}T00:00:00+07:00`).toISOString());
    await book("PBC-D", "2024-05-01T01:00:00Z", { r: "2024-06-01T01:00:00Z" });
    await book("PBC-E", "2024-05-01T01:00:00Z", { c: otherCollectorId });
  });
  afterAll(async () => {
    await app?.close();
  });

  async function sheet(token = collector, marketId = pbc, day = today, forCollector?: string): Promise<Sheet> {
    const res = await app.gql(SHEET, { m: marketId, d: day, c: forCollector }, token);
    expect(res.errors).toBeUndefined();
    return res.data!.collectionSheet as Sheet;
  }
  const ticket = (series: string, n: number) => `${series} ${String(n).padStart(6, "0")}`;
  async function submit(day: string, tickets: Array<[SheetStall, string]>): Promise<{ id: string; total: number }> {
    const input = {
      clientId: randomUUID(), marketId: pbc, businessDate: day,
      receipts: tickets.map(([stall, ticketNo]) => ({ stallId: stall.stallId, ticketNo, amount: stall.amount })),
    };
    const res = await app.gql(SUBMIT, { input }, collector);
    expect(res.errors).toBeUndefined();
    return res.data!.submitDailyReport;
  }
  const lapaks = (s: Sheet) => s.stalls.filter((x) => x.occupied && x.kind === "LAPAK");

  /** The sheet's stalls as computed here from the master data read through the API. */
  async function expectedStalls(day: string) {
    const data = (await app.gql(`query($m: ID!) {
      Market(id: $m) { marketClass }
      allStalls(filter: { marketId: $m, status: ACTIVE }, perPage: 5000) { id code block kind area }
      allTariffs(perPage: 100) { id stallKind marketClass basis amount validFrom validTo }
      allStallPermits(perPage: 5000) { stallId validFrom validTo trader { name } }
    }`, { m: pbc }, officer)).data!;
    const stalls = [...data.allStalls as Stall[]].sort(byCodeThenId);
    const tariffs = data.allTariffs as Tariff[];
    const permits = (data.allStallPermits as Permit[]).filter((p) => validOn(day, p));
    return stalls.map((s) => {
      const t = tariffs.find((x) => x.stallKind === s.kind && x.marketClass === data.Market.marketClass && validOn(day, x));
      const areaDm2 = Math.round(s.area * 100);
      const amount = !t || t.basis === "PER_UNIT_PER_MONTH" ? null : t.basis === "PER_M2_PER_DAY" ? Math.floor((t.amount * areaDm2 + 50) / 100) : t.amount;
      const permit = permits.find((p) => p.stallId === s.id);
      return {
        stallId: s.id, code: s.code, block: s.block, kind: s.kind, occupied: permit !== undefined,
        traderName: permit?.trader.name ?? null, amount, basis: t?.basis ?? null,
      };
    });
  }

  it("gives a collector their sheet: stalls by code with trader and karcis amount, open books from their first number", async () => {
    const s = await sheet();
    expect(s).toMatchObject({ marketId: pbc, market: { code: "PBC" }, businessDate: today, collectorId, reportedTotal: 0, reportedReceipts: 0, undepositedReports: [] });
    expect(s.stalls).toEqual(await expectedStalls(today));
    // The seed's figures (Pasar Baru Cikarang, class I): 500 lapak at Rp3.000 a day, 80 kios billed monthly.
    expect(s.stalls.filter((x) => x.kind === "LAPAK").every((x) => x.amount === 3000 && x.basis === "PER_UNIT_PER_DAY")).toBe(true);
    expect(s.stalls.filter((x) => x.kind === "KIOS").every((x) => x.amount === null && x.basis === "PER_UNIT_PER_MONTH")).toBe(true);
    expect(s.stalls.filter((x) => x.occupied).length).toBeGreaterThan(400);
    expect(s.stalls.every((x) => x.occupied === (x.traderName !== null))).toBe(true);
    expect(s.stalls.find((x) => x.code === "Z-OFF-01")).toBeUndefined();
    // 333 x 350 dm² = Rp1.165,5 a day, rounded half up.
    expect(s.stalls.find((x) => x.code === "Z-LOS-01")).toMatchObject({
      stallId: losStall, occupied: true, traderName: "Uji Lembar Pungut", amount: 1166, basis: "PER_M2_PER_DAY",
    });
    expect(s.books.map((b) => [b.series, b.firstNumber, b.lastNumber, b.faceValue, b.nextNumber, b.remaining])).toEqual([
      ["PBC-A", 1, 1000, 3000, 1, 1000],
      ["PBC-A", 1001, 2000, 3000, 1001, 1000],
      ["PBC-A", 2001, 3000, 3000, 2001, 1000],
      ["PBC-B", 1, 50, 2000, 1, 50],
    ]);
  });

  it("uses the permits, tariffs and books of the day asked for", async () => {
    const s = await sheet(collector, pbc, yesterday);
    expect(s.stalls).toEqual(await expectedStalls(yesterday));
    expect(s.stalls.find((x) => x.code === "Z-LOS-01")).toMatchObject({ occupied: false, traderName: null, amount: 1750, basis: "PER_M2_PER_DAY" });
    expect(s.books.map((b) => b.series)).toEqual(["PBC-A", "PBC-A", "PBC-A"]);
  });

  it("costs the same few statements for 2 380 kios as for 580 stalls", async () => {
    await sheet(collector, pbc);
    statements = 0;
    const small = await sheet(collector, pbc);
    const forSmall = statements;
    statements = 0;
    const large = await sheet(collector, pic);
    const forLarge = statements;
    expect([small.stalls.length, large.stalls.length]).toEqual([581, 2380]);
    expect(forLarge).toBe(forSmall);
    expect(forSmall).toBeLessThanOrEqual(10);
  });

  it("moves the next number past a report's tickets, counts its amounts and lists it until a live deposit covers it", async () => {
    const before = await sheet();
    const [first] = before.books;
    const n = first.nextNumber!;
    const [a, b] = lapaks(before);
    const report = await submit(today, [[a, ticket("PBC-A", n)], [b, ticket("PBC-A", n + 1)]]);

    const after = await sheet();
    expect(after.books[0]).toMatchObject({ bookId: first.bookId, nextNumber: n + 2, remaining: first.remaining - 2 });
    expect(after.books.slice(1)).toEqual(before.books.slice(1));
    expect(after.reportedTotal).toBe(before.reportedTotal + a.amount! + b.amount!);
    expect(after.reportedReceipts).toBe(before.reportedReceipts + 2);
    expect(after.undepositedReports).toContainEqual({ id: report.id, businessDate: today, total: report.total, status: "SUBMITTED", deposit: null });

    const deposit = await app.gql(RECORD, { input: {
      clientId: randomUUID(), reportIds: [report.id], amount: report.total, depositedAt: new Date().toISOString(), stsNumber: "STS/PBC/UJI-1",
    } }, collector);
    expect(deposit.errors).toBeUndefined();
    const covered = await sheet();
    expect(covered.undepositedReports.map((r) => r.id)).not.toContain(report.id);
    expect(covered.reportedTotal).toBe(after.reportedTotal);

    const rejected = await app.gql(VERIFY, { id: deposit.data!.recordDeposit.id, approve: false, note: "Slip setoran tidak terbaca" }, treasurer);
    expect(rejected.data!.verifyDeposit.status).toBe("REJECTED");
    expect((await sheet()).undepositedReports).toContainEqual({ id: report.id, businessDate: today, total: report.total, status: "SUBMITTED", deposit: null });
  });

  it("lists undeposited reports newest business date first", async () => {
    const before = await sheet();
    const n = before.books[0].nextNumber!;
    const [a] = lapaks(before);
    const older = await submit(addDays(today, -3), [[a, ticket("PBC-A", n)]]);
    const newer = await submit(yesterday, [[a, ticket("PBC-A", n + 1)]]);
    const listed = (await sheet()).undepositedReports;
    expect(listed.map((r) => r.businessDate)).toEqual([...listed.map((r) => r.businessDate)].sort().reverse());
    expect(listed.findIndex((r) => r.id === newer.id)).toBeLessThan(listed.findIndex((r) => r.id === older.id));
    // Another day's report does not count in today's figures.
    expect((await sheet()).reportedTotal).toBe(before.reportedTotal);
  });

  it("never reuses a rejected report's ticket numbers, but does not count its rupiah", async () => {
    const before = await sheet();
    const n = before.books[0].nextNumber!;
    const [a, b] = lapaks(before);
    const report = await submit(today, [[a, ticket("PBC-A", n)], [b, ticket("PBC-A", n + 1)]]);
    expect((await app.gql(REJECT, { id: report.id, reason: "Nomor karcis salah tulis" }, head)).data!.rejectDailyReport.status).toBe("REJECTED");

    const after = await sheet();
    expect(after.books[0]).toMatchObject({ nextNumber: n + 2, remaining: before.books[0].remaining - 2 });
    expect(after.reportedTotal).toBe(before.reportedTotal);
    expect(after.reportedReceipts).toBe(before.reportedReceipts);
    expect(after.undepositedReports.map((r) => r.id)).not.toContain(report.id);
  });

  it("skips returned tickets: the next number jumps over them and remaining leaves them out", async () => {
    const before = await sheet();
    const [first, second, third] = before.books;
    const n = first.nextNumber!;
    const returned = async (bookId: string, f: number, l: number) => expect((await app.gql(RETURN, { b: bookId, f, l }, collector)).errors).toBeUndefined();

    await returned(first.bookId, n, n + 9);
    await returned(first.bookId, 991, 1000);
    await returned(second.bookId, 1001, 1005);
    await returned(second.bookId, 1006, 1010); // adjacent to the previous return
    await returned(third.bookId, 2001, 3000);
    let s = await sheet();
    expect(s.books[0]).toMatchObject({ nextNumber: n + 10, remaining: first.remaining - 20 });
    expect(s.books[1]).toMatchObject({ nextNumber: 1011, remaining: 990 });
    expect(s.books[2]).toMatchObject({ nextNumber: null, remaining: 0 });

    const [a] = lapaks(s);
    await submit(today, [[a, ticket("PBC-A", n + 10)]]);
    s = await sheet();
    expect(s.books[0]).toMatchObject({ nextNumber: n + 11, remaining: first.remaining - 21 });

    // Selling up to the returned tail of the book uses it up.
    await submit(today, [[a, ticket("PBC-A", 990)]]);
    expect((await sheet()).books[0]).toMatchObject({ nextNumber: null, remaining: 0 });
  });

  it("lets an officer or admin get a collector's sheet when they name the collector", async () => {
    const own = await sheet();
    const forOfficer = await sheet(officer, pbc, today, collectorId);
    expect(forOfficer).toEqual(own);
    const admin = await app.login("admin");
    expect((await sheet(admin, pbc, today, collectorId)).books).toEqual(own.books);
    expect((await sheet(collector, pbc, today, collectorId)).collectorId).toBe(collectorId);
  });

  const refusals: Array<[string, () => [string, Record<string, unknown>], string, string | null]> = [
    ["a collector at a market they are not assigned to", () => [collector, { m: tmb, d: today }], "FORBIDDEN", null],
    ["a collector asking for another collector's sheet", () => [collector, { m: pbc, d: today, c: otherCollectorId }], "FORBIDDEN", null],
    ["a business date in the future", () => [collector, { m: pbc, d: tomorrow }], "BAD_USER_INPUT", "businessDate"],
    ["an unknown market", () => [collector, { m: "999999", d: today }], "BAD_USER_INPUT", "marketId"],
    ["an officer without collectorId", () => [officer, { m: pbc, d: today }], "BAD_USER_INPUT", "collectorId"],
    ["an officer naming a collector not assigned to the market", () => [officer, { m: pbc, d: today, c: otherCollectorId }], "FORBIDDEN", null],
    ["an officer naming a user who is no collector", () => [officer, { m: pbc, d: today, c: auditorId }], "BAD_USER_INPUT", "collectorId"],
    ["an auditor", () => [auditor, { m: pbc, d: today, c: collectorId }], "FORBIDDEN", null],
    ["a treasurer", () => [treasurer, { m: pbc, d: today, c: collectorId }], "FORBIDDEN", null],
    ["a market head", () => [head, { m: pbc, d: today, c: collectorId }], "FORBIDDEN", null],
    ["an anonymous caller", () => ["", { m: pbc, d: today }], "UNAUTHENTICATED", null],
  ];
  it.each(refusals)("refuses %s", async (_name, make, code, field) => {
    const [token, variables] = make();
    const res = await app.gql(SHEET, variables, token || undefined);
    expect(errorCode(res)).toBe(code);
    expect(res.data?.collectionSheet ?? null).toBeNull();
    if (field) expect(res.errors![0].extensions!.fields).toHaveProperty([field]);
    if (field === "collectorId" && token === officer && !variables.c) expect(res.errors![0].message).toMatch(/required when you are not the collector/);
  });
});
