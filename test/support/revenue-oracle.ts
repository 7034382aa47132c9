import { addDays } from "../../server/src/common/local-date";
import { openDatabase, type Database } from "../../server/src/database/database";
import type { TestApp } from "./api-client";

/**
 * An independent computation of revenue figures straight from the raw rows, written the obvious way
 * in JavaScript (no summary table, no SQL aggregates), to hold the API's numbers against.
 */
export interface RawFigures {
  potential: number;
  collected: number;
  deposited: number;
  paidOnline: number;
  receiptCount: number;
  reportCount: number;
}

type Row = Record<string, unknown>;
const str = (v: unknown) => String(v).slice(0, 10);
const num = (v: unknown) => Number(v);

export async function openRawDatabase(app: TestApp): Promise<Database> {
  return openDatabase({ databaseUrl: app.db.databaseUrl, sqlitePath: app.db.sqlitePath });
}

function daysInMonth(day: string): number {
  return new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)), 0)).getUTCDate();
}

/** Figures per `${marketId}|${day}` for every day in [from, to]. */
export async function rawFigures(db: Database, from: string, to: string): Promise<Map<string, RawFigures>> {
  const q = (sql: string) => db.manager.query(sql) as Promise<Row[]>;
  const [markets, stalls, permits, tariffs, reports, receipts, deposits, links, bills, payments] = await Promise.all([
    q("SELECT id, market_class FROM market"),
    q("SELECT id, market_id, kind, area_dm2 FROM stall"),
    q("SELECT stall_id, valid_from, valid_to FROM stall_permit"),
    q("SELECT stall_kind, market_class, basis, amount, valid_from, valid_to FROM tariff"),
    q("SELECT id, market_id, business_date, status, total FROM daily_report"),
    q("SELECT report_id, amount FROM receipt"),
    q("SELECT id, amount, status FROM deposit"),
    q("SELECT deposit_id, report_id FROM deposit_report"),
    q("SELECT id, stall_id, period FROM bill"),
    q("SELECT bill_id, amount, paid_at, match_status, reversed_at FROM payment"),
  ]);
  const out = new Map<string, RawFigures>();
  const cell = (marketId: number, day: string) => {
    const key = `${marketId}|${day}`;
    let f = out.get(key);
    if (!f) out.set(key, (f = { potential: 0, collected: 0, deposited: 0, paidOnline: 0, receiptCount: 0, reportCount: 0 }));
    return f;
  };
  const classOf = new Map(markets.map((m) => [num(m.id), String(m.market_class)]));
  const stallById = new Map(stalls.map((s) => [num(s.id), s]));
  for (const p of permits) {
    const stall = stallById.get(num(p.stall_id))!;
    const marketId = num(stall.market_id);
    const first = str(p.valid_from) > from ? str(p.valid_from) : from;
    const last = p.valid_to === null || str(p.valid_to) > to ? to : str(p.valid_to);
    for (let day = first; day <= last; day = addDays(day, 1)) {
      const tariff = tariffs.find((t) =>
        t.stall_kind === stall.kind && t.market_class === classOf.get(marketId) &&
        str(t.valid_from) <= day && (t.valid_to === null || str(t.valid_to) >= day));
      if (!tariff) continue;
      const amount = num(tariff.amount);
      let owed: number;
      if (tariff.basis === "PER_M2_PER_DAY") owed = Math.floor((amount * num(stall.area_dm2) + 50) / 100); // half up
      else if (tariff.basis === "PER_UNIT_PER_DAY") owed = amount;
      else {
        const dim = daysInMonth(day);
        owed = Math.floor(amount / dim) + (Number(day.slice(8, 10)) === dim ? amount % dim : 0);
      }
      cell(marketId, day).potential += owed;
    }
  }
  const reportById = new Map(reports.map((r) => [num(r.id), r]));
  const inRange = (day: string) => day >= from && day <= to;
  for (const r of reports) {
    if (r.status === "SUBMITTED" && inRange(str(r.business_date))) cell(num(r.market_id), str(r.business_date)).reportCount += 1;
  }
  for (const receipt of receipts) {
    const report = reportById.get(num(receipt.report_id))!;
    if (report.status !== "SUBMITTED" || !inRange(str(report.business_date))) continue;
    const f = cell(num(report.market_id), str(report.business_date));
    f.collected += num(receipt.amount);
    f.receiptCount += 1;
  }
  // A verified deposit pays its reports oldest business day first, each up to the report's total.
  for (const deposit of deposits.filter((d) => d.status === "VERIFIED")) {
    const covered = links
      .filter((l) => num(l.deposit_id) === num(deposit.id))
      .map((l) => reportById.get(num(l.report_id))!)
      .sort((a, b) => str(a.business_date).localeCompare(str(b.business_date)) || num(a.id) - num(b.id));
    let remaining = num(deposit.amount);
    for (const report of covered) {
      const share = Math.min(num(report.total), remaining);
      remaining -= share;
      if (inRange(str(report.business_date))) cell(num(report.market_id), str(report.business_date)).deposited += share;
    }
  }
  // A settled, non-reversed payment counts for its bill's stall's market, on the day it was paid in
  // Jakarta, moved into the billed month when paid before or after it.
  const billById = new Map(bills.map((b) => [num(b.id), b]));
  for (const p of payments.filter((x) => x.match_status === "MATCHED" && x.reversed_at === null)) {
    const bill = billById.get(num(p.bill_id))!;
    const paidAt = p.paid_at instanceof Date ? p.paid_at : new Date(`${String(p.paid_at).replace(" ", "T")}Z`);
    const paidOn = new Date(paidAt.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
    const period = String(bill.period);
    const first = `${period}-01`;
    const last = `${period}-${String(daysInMonth(first)).padStart(2, "0")}`;
    const day = paidOn < first ? first : paidOn > last ? last : paidOn;
    if (inRange(day)) cell(num(stallById.get(num(bill.stall_id))!.market_id), day).paidOnline += num(p.amount);
  }
  return out;
}

/** The yearly targets per `${marketId}|${year}`. */
export async function rawTargets(db: Database): Promise<Map<string, number>> {
  const rows: Row[] = await db.manager.query("SELECT market_id, year, amount FROM revenue_target WHERE market_id IS NOT NULL");
  return new Map(rows.map((r) => [`${num(r.market_id)}|${num(r.year)}`, num(r.amount)]));
}

/** A day's share of a yearly target, by the cumulative rule: the first k days carry floor(A*k/N). */
export function dailyTarget(amount: number, day: string): number {
  const year = Number(day.slice(0, 4));
  const n = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 366 : 365;
  const k = Math.round((Date.UTC(year, Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) - Date.UTC(year, 0, 1)) / 86_400_000) + 1;
  return Math.floor((amount * k) / n) - Math.floor((amount * (k - 1)) / n);
}
