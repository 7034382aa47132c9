import { addDays, todayInJakarta } from "../../server/src/common/local-date";
import type { Database } from "../../server/src/database/database";
import { errorCode, startTestApp, type TestApp } from "../support/api-client";
import { openRawDatabase } from "../support/revenue-oracle";

const GENERATE = `mutation($p: String!) { generateBills(period: $p) { period dueDate created existing createdPrincipal } }`;
const BILLS = `query($f: BillFilter) {
  allBills(filter: $f, perPage: 500) { id billNumber paymentCode period principal dueDate status monthsLate penalty amountDue stall { id } trader { id } permit { id } market { id } }
  _allBillsMeta(filter: $f) { count }
}`;

type Row = Record<string, unknown>;
const day = (v: unknown) => String(v).slice(0, 10);
const monthOf = (d: string) => d.slice(0, 7);
const lastDayOfMonth = (period: string) => new Date(Date.UTC(Number(period.slice(0, 4)), Number(period.slice(5, 7)), 0)).toISOString().slice(0, 10);
const shiftMonth = (period: string, months: number) => {
  const d = new Date(Date.UTC(Number(period.slice(0, 4)), Number(period.slice(5, 7)) - 1 + months, 1));
  return d.toISOString().slice(0, 7);
};

/** What each permit owes for a month, written the obvious way from the raw rows (the test's oracle). */
async function expectedPrincipals(db: Database, period: string): Promise<Map<number, number>> {
  const [permits, stalls, markets, tariffs]: Row[][] = await Promise.all([
    db.manager.query("SELECT id, stall_id, valid_from, valid_to FROM stall_permit"),
    db.manager.query("SELECT id, market_id, kind FROM stall"),
    db.manager.query("SELECT id, market_class FROM market"),
    db.manager.query("SELECT stall_kind, market_class, basis, amount, valid_from, valid_to FROM tariff"),
  ]);
  const stallById = new Map(stalls.map((s) => [Number(s.id), s]));
  const classOf = new Map(markets.map((m) => [Number(m.id), String(m.market_class)]));
  const last = lastDayOfMonth(period);
  const daysInMonth = Number(last.slice(8, 10));
  const owed = new Map<number, number>();
  for (const p of permits) {
    const stall = stallById.get(Number(p.stall_id))!;
    for (let d = `${period}-01`; d <= last; d = addDays(d, 1)) {
      if (day(p.valid_from) > d || (p.valid_to !== null && day(p.valid_to) < d)) continue;
      const tariff = tariffs.find((t) => t.stall_kind === stall.kind && t.market_class === classOf.get(Number(stall.market_id))
        && day(t.valid_from) <= d && (t.valid_to === null || day(t.valid_to) >= d));
      if (!tariff || tariff.basis !== "PER_UNIT_PER_MONTH") continue;
      const amount = Number(tariff.amount);
      const share = Math.floor(amount / daysInMonth) + (d === last ? amount % daysInMonth : 0);
      owed.set(Number(p.id), (owed.get(Number(p.id)) ?? 0) + share);
    }
  }
  return owed;
}

/** Started months after `due` on `asOf`, counted by stepping calendar months (clamped to month ends). */
function startedMonthsLate(due: string, asOf: string): number {
  let months = 0;
  for (;;) {
    const d = new Date(Date.UTC(Number(due.slice(0, 4)), Number(due.slice(5, 7)) - 1 + months, 1));
    const end = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
    const step = `${d.toISOString().slice(0, 8)}${String(Math.min(Number(due.slice(8, 10)), end)).padStart(2, "0")}`;
    if (step >= asOf) return months;
    months++;
  }
}

describe("SKRD bills", () => {
  let app: TestApp;
  let raw: Database;
  let officer: string;
  const today = todayInJakarta();
  const thisMonth = monthOf(today);

  beforeAll(async () => {
    app = await startTestApp();
    raw = await openRawDatabase(app);
    officer = await app.login("officer");
  });
  afterAll(async () => {
    await raw?.close();
    await app?.close();
  });

  const generate = (period: string, token = officer) => app.gql(GENERATE, { p: period }, token);
  const bills = async (filter: Record<string, unknown>, token = officer) => {
    const res = await app.gql(BILLS, { f: filter }, token);
    expect(res.errors).toBeUndefined();
    return res.data!.allBills as Array<Record<string, any>>;
  };
  const billCount = async () => Number((await raw.manager.query("SELECT COUNT(*) AS n FROM bill"))[0].n);

  it("issues one bill per permit of a monthly-billed stall, for exactly what the permit's days owe", async () => {
    const res = await generate(thisMonth);
    expect(res.errors).toBeUndefined();
    const run = res.data!.generateBills;
    const expected = await expectedPrincipals(raw, thisMonth);
    expect(run).toMatchObject({ period: thisMonth, created: expected.size, existing: 0 });
    expect(run.created).toBeGreaterThan(10);
    expect(run.createdPrincipal).toBe([...expected.values()].reduce((a, b) => a + b, 0));

    const rows: Row[] = await raw.manager.query("SELECT permit_id, principal FROM bill WHERE period = ?", [thisMonth]);
    expect(new Map(rows.map((r) => [Number(r.permit_id), Number(r.principal)]))).toEqual(expected);
    // Through the API, a page of them with every field.
    const stored = await bills({ period: thisMonth });
    expect(stored).toHaveLength(Math.min(500, expected.size));
    for (const b of stored) {
      expect(b.principal).toBe(expected.get(Number(b.permit.id)));
      expect(b).toMatchObject({ status: "UNPAID", dueDate: `${shiftMonth(thisMonth, 1)}-15` });
      expect(b.billNumber).toMatch(new RegExp(`^SKRD/[A-Z]+/${thisMonth}/\\d{6}$`));
      expect(b.paymentCode).toMatch(/^\d{14}$/);
    }
    const [{ n }] = await raw.manager.query("SELECT COUNT(DISTINCT payment_code) AS n FROM bill WHERE period = ?", [thisMonth]);
    expect(Number(n)).toBe(expected.size);
  });

  it("creates nothing new when run again for the same month, also when runs overlap", async () => {
    const before = await billCount();
    const runs = await Promise.all([generate(thisMonth), generate(thisMonth), generate(thisMonth)]);
    expect(runs.map((r) => r.errors)).toEqual([undefined, undefined, undefined]);
    expect(runs.map((r) => r.data!.generateBills.created)).toEqual([0, 0, 0]);
    expect(await billCount()).toBe(before);
  });

  it("bills a permit that starts mid-month for its days only, on the next run", async () => {
    const [stall] = await raw.manager.query(
      `SELECT s.id FROM stall s WHERE s.kind = 'KIOS' AND NOT EXISTS (SELECT 1 FROM stall_permit p WHERE p.stall_id = s.id) ORDER BY s.id LIMIT 1`,
    );
    const [trader] = await raw.manager.query("SELECT id FROM trader ORDER BY id LIMIT 1");
    const from = `${thisMonth}-10`;
    const created = await app.gql(
      `mutation($s: ID!, $t: ID!, $f: LocalDate!) { createStallPermit(shptNumber: "SHPT/TEST/BILL/1", stallId: $s, traderId: $t, validFrom: $f) { id } }`,
      { s: String(stall.id), t: String(trader.id), f: from },
      officer,
    );
    expect(created.errors).toBeUndefined();
    const permitId = Number(created.data!.createStallPermit.id);
    const run = (await generate(thisMonth)).data!.generateBills;
    expect(run.created).toBe(1);
    const expected = (await expectedPrincipals(raw, thisMonth)).get(permitId)!;
    const [bill] = (await bills({ period: thisMonth, stallId: String(stall.id) }));
    expect(bill.principal).toBe(expected);
    const [tariff] = await raw.manager.query(
      `SELECT t.amount FROM tariff t JOIN market m ON m.market_class = t.market_class JOIN stall s ON s.market_id = m.id
       WHERE s.id = ? AND t.stall_kind = 'KIOS' AND t.valid_from <= ? AND (t.valid_to IS NULL OR t.valid_to >= ?)`,
      [stall.id, from, from],
    );
    expect(bill.principal).toBeLessThan(Number(tariff.amount));
    expect(bill.principal).toBeGreaterThan(0);
  });

  it("shows interest for every started month past the due date on unpaid bills of earlier months", async () => {
    const period = shiftMonth(thisMonth, -3);
    expect((await generate(period)).errors).toBeUndefined();
    const stored = await bills({ period });
    expect(stored.length).toBeGreaterThan(0);
    const due = `${shiftMonth(period, 1)}-15`;
    const months = Math.min(startedMonthsLate(due, today), 24);
    expect(months).toBeGreaterThanOrEqual(1);
    for (const b of stored) {
      expect(b.monthsLate).toBe(months);
      expect(b.penalty).toBe(Math.floor((b.principal * months) / 100));
      expect(b.amountDue).toBe(b.principal + b.penalty);
    }
  });

  it.each([
    ["a month that does not exist", "2026-13", "BAD_USER_INPUT"],
    ["a day instead of a month", "2026-11-01", "BAD_USER_INPUT"],
    ["a month after next", "FAR", "BAD_USER_INPUT"],
  ])("refuses %s and writes nothing", async (_name, period, code) => {
    const before = await billCount();
    const res = await generate(period === "FAR" ? shiftMonth(thisMonth, 2) : period);
    expect(errorCode(res)).toBe(code);
    expect(res.errors![0].extensions!.fields).toHaveProperty(["period"]);
    expect(await billCount()).toBe(before);
  });

  it("lets only officers and revenue officers issue bills, and scopes what a market head reads", async () => {
    const before = await billCount();
    for (const username of ["pemungut.cikarang", "kepala.cikarang", "bendahara"]) {
      expect(errorCode(await generate(shiftMonth(thisMonth, -1), await app.login(username)))).toBe("FORBIDDEN");
    }
    expect(await billCount()).toBe(before);
    expect(errorCode(await app.gql(BILLS, { f: {} }, await app.login("pemungut.cikarang")))).toBe("FORBIDDEN");

    const head = await app.login("kepala.cikarang");
    const me = (await app.gql(`{ me { marketIds } }`, {}, head)).data!.me.marketIds as string[];
    const seen = await bills({ period: thisMonth }, head);
    expect(seen.length).toBeGreaterThan(0);
    expect(new Set(seen.map((b) => b.market.id))).toEqual(new Set(me));
  });
});
