import { randomUUID } from "node:crypto";
import { addDays, todayInJakarta } from "../../server/src/common/local-date";
import type { Database } from "../../server/src/database/database";
import { RevenueSummaryService } from "../../server/src/modules/revenue/revenue-summary.service";
import { createRandom } from "../../server/src/seed/random";
import { startTestApp, errorCode, type TestApp } from "../support/api-client";
import { dailyTarget, openRawDatabase, rawFigures, rawTargets } from "../support/revenue-oracle";

const REPORT = `query($from: LocalDate!, $to: LocalDate!, $g: RevenueGrouping!, $m: [ID!]) {
  revenueReport(from: $from, to: $to, groupBy: $g, marketIds: $m) {
    marketId marketName period potential target collected paidOnline deposited undeposited uncollected leakage leakageRate
  }
}`;

type Row = Record<string, number | string | null>;

describe("revenueReport and the daily market summary", () => {
  let app: TestApp;
  let raw: Database;
  let officer: string;
  let treasurer: string;
  let revenueOfficer: string;
  let markets: Array<{ id: string; code: string; name: string }>;
  const today = todayInJakarta();
  // A window that crosses a month boundary, far enough back that only an officer may report in it.
  const monthStart = `${addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7)}-01`;
  const from = addDays(monthStart, -6);
  const to = addDays(monthStart, 6);

  beforeAll(async () => {
    app = await startTestApp();
    raw = await openRawDatabase(app);
    [officer, treasurer, revenueOfficer] = await Promise.all([app.login("officer"), app.login("bendahara"), app.login("bapenda")]);
    markets = (await app.gql(`{ allMarkets(perPage: 50) { id code name } }`, {}, officer)).data!.allMarkets;
  });
  afterAll(async () => {
    await raw?.close();
    await app?.close();
  });

  const gql = async (query: string, variables: Record<string, unknown>, token = officer) => {
    const res = await app.gql(query, variables, token);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!;
  };
  const marketId = (code: string) => markets.find((m) => m.code === code)!.id;

  async function collectorOf(code: string): Promise<string> {
    const data = await gql(`query($m: ID) { allCollectorAssignments(filter: { marketId: $m }) { collectorId } }`, { m: marketId(code) });
    return data.allCollectorAssignments[0].collectorId;
  }

  async function stallsOf(code: string, count: number, offset = 0): Promise<Array<{ id: string; code: string }>> {
    const data = await gql(`query($m: ID, $n: Int, $p: Int) { allStalls(filter: { marketId: $m }, perPage: $n, page: $p) { id code } }`, { m: marketId(code), n: count, p: offset });
    return data.allStalls;
  }

  let ticket = 0;
  async function submit(code: string, day: string, amounts: number[]): Promise<{ id: string; total: number }> {
    const stalls = await stallsOf(code, amounts.length);
    const input = {
      clientId: randomUUID(), marketId: marketId(code), businessDate: day, collectorId: await collectorOf(code),
      receipts: amounts.map((amount, i) => ({ stallId: stalls[i].id, ticketNo: `${code}-T ${++ticket}`, amount })),
    };
    return (await gql(`mutation($i: DailyReportInput!) { submitDailyReport(input: $i) { id total } }`, { i: input })).submitDailyReport;
  }

  async function deposit(reportIds: string[], amount: number, verify: boolean | null): Promise<void> {
    const d = (await gql(`mutation($i: DepositInput!) { recordDeposit(input: $i) { id } }`, {
      i: { clientId: randomUUID(), reportIds, amount, depositedAt: new Date().toISOString(), stsNumber: `STS/${randomUUID().slice(0, 8)}` },
    })).recordDeposit;
    if (verify !== null) await gql(`mutation($id: ID!, $a: Boolean!) { verifyDeposit(id: $id, approve: $a, note: "diperiksa") { id } }`, { id: d.id, a: verify }, treasurer);
  }

  /** What revenueReport must say, from the raw rows, for one grouping. */
  async function expectedRows(first: string, last: string, groupBy: "MARKET" | "DAY" | "MONTH"): Promise<Row[]> {
    const figures = await rawFigures(raw, first, last);
    const targets = await rawTargets(raw);
    const groups = new Map<string, Row>();
    const sorted = [...markets].sort((a, b) => a.code.localeCompare(b.code));
    for (const m of sorted) {
      for (let day = first; day <= last; day = addDays(day, 1)) {
        const period = groupBy === "MARKET" ? null : groupBy === "DAY" ? day : day.slice(0, 7);
        const key = `${m.id}|${period}`;
        const g = groups.get(key) ?? { marketId: m.id, marketName: m.name, period, potential: 0, target: 0, collected: 0, paidOnline: 0, deposited: 0 };
        const f = figures.get(`${m.id}|${day}`);
        (g.potential as number) += f?.potential ?? 0;
        (g.collected as number) += f?.collected ?? 0;
        (g.deposited as number) += f?.deposited ?? 0;
        (g.paidOnline as number) += f?.paidOnline ?? 0;
        (g.target as number) += dailyTarget(targets.get(`${m.id}|${Number(day.slice(0, 4))}`) ?? 0, day);
        groups.set(key, g);
      }
    }
    return [...groups.values()].map((g) => {
      const potential = g.potential as number;
      const leakage = Math.max(potential - (g.deposited as number) - (g.paidOnline as number), 0);
      return {
        ...g, undeposited: (g.collected as number) - (g.deposited as number),
        uncollected: Math.max(potential - (g.collected as number) - (g.paidOnline as number), 0), leakage, leakageRate: potential === 0 ? 0 : leakage / potential,
      };
    });
  }

  type Bill = { id: string; paymentCode: string; principal: number; amountDue: number; period: string; status: string };
  async function billsOf(period: string, count: number, offset = 0): Promise<Bill[]> {
    await gql(`mutation($p: String!) { generateBills(period: $p) { created } }`, { p: period });
    return (await gql(`query($p: String, $n: Int, $o: Int) { allBills(filter: { period: $p, status: UNPAID }, perPage: $n, page: $o, sortField: "billNumber") { id paymentCode principal amountDue period status } }`,
      { p: period, n: count, o: offset })).allBills;
  }

  let reference = 0;
  async function pay(bill: Bill, amount: number, paidAt: string): Promise<{ id: string; matchStatus: string }> {
    const input = { channel: random3(), externalRef: `RRN${Date.now()}${++reference}`, paymentCode: bill.paymentCode, amount, paidAt, payerName: "Uji" };
    return (await gql(`mutation($i: PaymentInput!) { recordPayment(input: $i) { id matchStatus } }`, { i: input }, revenueOfficer)).recordPayment;
  }
  const random3 = () => ["QRIS", "VIRTUAL_ACCOUNT", "TELLER"][reference % 3];
  const reverse = (id: string) => gql(`mutation($id: ID!) { reversePayment(id: $id, reason: "Batal bayar uji") { id } }`, { id }, revenueOfficer);
  const noonOf = (day: string) => `${day}T12:00:00+07:00`;

  async function expectReportMatchesRawRows(first: string, last: string, groupBy: "MARKET" | "DAY" | "MONTH") {
    const actual = (await gql(REPORT, { from: first, to: last, g: groupBy })).revenueReport as Row[];
    const expected = await expectedRows(first, last, groupBy);
    expect(actual.length).toBe(expected.length);
    for (const [i, row] of actual.entries()) {
      const { leakageRate, ...rest } = row;
      const { leakageRate: expectedRate, ...expectedRest } = expected[i];
      expect(rest).toEqual(expectedRest);
      expect(leakageRate).toBeCloseTo(expectedRate as number, 12);
    }
  }

  it("matches an independent computation from the raw rows, across a month boundary and after retroactive changes", async () => {
    const a = await submit("PBC", addDays(monthStart, -2), [3000, 3000, 2000]);
    const b = await submit("PBC", addDays(monthStart, 1), [3000, 1500]);
    const c = await submit("TMB", addDays(monthStart, -1), [2000, 2000, 2000, 2000]);
    const rejected = await submit("TMB", monthStart, [2000]);
    await gql(`mutation($id: ID!) { rejectDailyReport(id: $id, reason: "Salah tanggal") { id } }`, { id: rejected.id });
    await deposit([a.id, b.id], a.total + b.total - 1000, true); // a shortfall lands on the later day
    await deposit([c.id], c.total, null); // pending: not deposited yet
    // Online payments: paid within the billed month, paid after it (counts on its last day), reversed,
    // short, and paid twice; only the settled, non-reversed ones are paidOnline.
    const previous = addDays(monthStart, -1).slice(0, 7);
    const [inMonth, reversed, short] = await billsOf(monthStart.slice(0, 7), 3);
    const [older] = await billsOf(previous, 1);
    expect((await pay(inMonth, inMonth.principal, noonOf(addDays(monthStart, 2)))).matchStatus).toBe("MATCHED");
    expect((await pay(older, older.principal, noonOf(addDays(monthStart, 3)))).matchStatus).toBe("MATCHED");
    expect((await pay(inMonth, inMonth.principal, noonOf(addDays(monthStart, 4)))).matchStatus).toBe("BILL_ALREADY_PAID");
    await reverse((await pay(reversed, reversed.principal, noonOf(addDays(monthStart, 1)))).id);
    expect((await pay(short, short.principal - 5000, noonOf(addDays(monthStart, 5)))).matchStatus).toBe("AMOUNT_MISMATCH");
    const byMarket = (await gql(REPORT, { from, to, g: "MARKET" })).revenueReport as Row[];
    expect(byMarket.reduce((sum, r) => sum + (r.paidOnline as number), 0)).toBe(inMonth.principal + older.principal);
    for (const g of ["DAY", "MONTH", "MARKET"] as const) await expectReportMatchesRawRows(from, to, g);

    // Retroactive changes: a new LAPAK tariff for class I from the first of the month...
    const lapak = (await gql(`{ allTariffs(filter: { stallKind: LAPAK, marketClass: I }) { id } }`, {})).allTariffs[0].id;
    await gql(`mutation($id: ID!, $to: LocalDate) { updateTariff(id: $id, validTo: $to) { id } }`, { id: lapak, to: addDays(monthStart, -1) });
    await gql(`mutation($f: LocalDate!) { createTariff(stallKind: LAPAK, marketClass: I, basis: PER_UNIT_PER_DAY, amount: 3500, validFrom: $f, legalBasis: "Perbup uji") { id } }`, { f: monthStart });
    // ...a permit ended in the past and one started in the past on a vacant stall...
    const permit = (await gql(`query($m: ID) { allStalls(filter: { marketId: $m }, perPage: 1) { id } }`, { m: marketId("TMB") })).allStalls[0].id;
    const permits = (await gql(`query($s: ID) { allStallPermits(filter: { stallId: $s }) { id } }`, { s: permit })).allStallPermits;
    if (permits[0]) await gql(`mutation($id: ID!, $to: LocalDate) { updateStallPermit(id: $id, validTo: $to) { id } }`, { id: permits[0].id, to: addDays(monthStart, -3) });
    let vacant: { id: string } | undefined;
    for (const s of await stallsOf("KDG", 60)) {
      if ((await gql(`query($s: ID) { _allStallPermitsMeta(filter: { stallId: $s }) { count } }`, { s: s.id }))._allStallPermitsMeta.count === 0) {
        vacant = s;
        break;
      }
    }
    expect(vacant).toBeDefined();
    if (vacant) {
      const trader = (await gql(`{ allTraders(perPage: 1) { id } }`, {})).allTraders[0].id;
      await gql(`mutation($s: ID!, $t: ID!, $f: LocalDate!) { createStallPermit(shptNumber: "SHPT/UJI/1", stallId: $s, traderId: $t, validFrom: $f) { id } }`, { s: vacant.id, t: trader, f: addDays(monthStart, -4) });
    }
    // ...a LOS stall measured again, and a market reclassified.
    const los = (await gql(`query($m: ID) { allStalls(filter: { marketId: $m, kind: LOS }, perPage: 1) { id area } }`, { m: marketId("TMB") })).allStalls[0];
    await gql(`mutation($id: ID!, $a: Float) { updateStall(id: $id, area: $a) { id } }`, { id: los.id, a: los.area + 1.37 });
    await gql(`mutation($id: ID!) { updateMarket(id: $id, marketClass: II) { id } }`, { id: marketId("TRJ") });

    for (const g of ["DAY", "MONTH", "MARKET"] as const) await expectReportMatchesRawRows(from, to, g);
    await expectReportMatchesRawRows(`${today.slice(0, 4)}-01-01`, today, "MONTH");
  });

  it("keeps the summary equal to the raw rows after a random mix of writes", async () => {
    const random = createRandom(7);
    const open: Array<{ id: string; total: number; code: string }> = [];
    const unpaid = [...await billsOf(today.slice(0, 7), 10), ...await billsOf(addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7), 10, 5)];
    const payments: string[] = [];
    let reversals = 0;
    for (let step = 0; step < 50; step++) {
      const code = random.pick(["PBC", "TMB", "BBL", "STU"]);
      const choice = random.int(0, 11);
      if (choice === 10 && unpaid.length) {
        const bill = unpaid.splice(random.int(0, unpaid.length - 1), 1)[0];
        payments.push((await pay(bill, bill.amountDue + (random.chance(0.2) ? 1000 : 0), new Date().toISOString())).id);
      } else if (choice === 11 && payments.length) {
        await reverse(payments.splice(random.int(0, payments.length - 1), 1)[0]);
        reversals++;
      } else if (choice <= 4 || open.length === 0) {
        const day = addDays(today, -random.int(0, 40));
        const r = await submit(code, day, Array.from({ length: random.int(1, 5) }, () => random.int(1, 8) * 500));
        open.push({ ...r, code });
      } else if (choice === 5) {
        const r = open.splice(random.int(0, open.length - 1), 1)[0];
        await gql(`mutation($id: ID!) { rejectDailyReport(id: $id, reason: "Acak") { id } }`, { id: r.id });
      } else if (choice <= 7) {
        const r = open.splice(random.int(0, open.length - 1), 1)[0];
        await deposit([r.id], r.total - random.int(0, 2) * 500, random.chance(0.7) ? true : random.chance(0.5) ? false : null);
      } else if (choice === 8) {
        const stall = (await stallsOf(code, 1, random.int(0, 30)))[0];
        const permit = (await gql(`query($s: ID) { allStallPermits(filter: { stallId: $s }) { id validFrom } }`, { s: stall.id })).allStallPermits[0];
        if (permit) await gql(`mutation($id: ID!, $to: LocalDate) { updateStallPermit(id: $id, validTo: $to) { id } }`, { id: permit.id, to: addDays(today, -random.int(0, 60)) }).catch(() => undefined);
      } else {
        const t = (await gql(`{ allTariffs(filter: { stallKind: PELATARAN, marketClass: III }) { id amount } }`, {})).allTariffs[0];
        await gql(`mutation($id: ID!, $a: SafeInt) { updateTariff(id: $id, amount: $a) { id } }`, { id: t.id, a: t.amount + 100 });
      }
    }
    expect(payments.length).toBeGreaterThan(0);
    expect(reversals).toBeGreaterThan(0);
    const horizon = `${today.slice(0, 4)}-12-31`;
    const expected = await rawFigures(raw, "2024-01-01", horizon);
    const stored: Array<Record<string, unknown>> = await raw.manager.query("SELECT * FROM daily_market_summary");
    const actual = new Map(stored.map((s) => [`${Number(s.market_id)}|${String(s.business_date).slice(0, 10)}`, {
      potential: Number(s.potential), collected: Number(s.collected), deposited: Number(s.deposited), paidOnline: Number(s.paid_online),
      receiptCount: Number(s.receipt_count), reportCount: Number(s.report_count),
    }]));
    const zero = { potential: 0, collected: 0, deposited: 0, paidOnline: 0, receiptCount: 0, reportCount: 0 };
    const mismatches = [...new Set([...expected.keys(), ...actual.keys()])]
      .filter((k) => JSON.stringify(expected.get(k) ?? zero) !== JSON.stringify(actual.get(k) ?? zero))
      .map((k) => ({ k, expected: expected.get(k), actual: actual.get(k) }));
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(await new RevenueSummaryService(raw).differences()).toEqual([]);
  });

  it("scopes the report to a market head's markets and refuses bad ranges", async () => {
    const head = await app.login("kepala.cikarang");
    const rows = (await gql(REPORT, { from: today, to: today, g: "MARKET" }, head)).revenueReport;
    expect(rows.map((r: Row) => r.marketName)).toEqual(["Pasar Baru Cikarang"]);
    expect(errorCode(await app.gql(REPORT, { from: today, to: addDays(today, -1), g: "DAY" }, officer))).toBe("BAD_USER_INPUT");
    expect(errorCode(await app.gql(REPORT, { from: "2024-01-01", to: today, g: "DAY" }, officer))).toBe("BAD_USER_INPUT");
    expect(errorCode(await app.gql(REPORT, { from: today, to: `${Number(today.slice(0, 4)) + 1}-01-01`, g: "DAY" }, officer))).toBe("BAD_USER_INPUT");
    expect(errorCode(await app.gql(REPORT, { from: today, to: today, g: "DAY", m: ["999999"] }, officer))).toBe("BAD_USER_INPUT");
    expect(errorCode(await app.gql(REPORT, { from: today, to: today, g: "DAY" }))).toBe("UNAUTHENTICATED");
  });
});
