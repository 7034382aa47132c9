import type { EntityManager } from "typeorm";
import { addDays } from "../common/local-date";
import { addWorkingDays, isoWeekday } from "../common/working-days";
import { sqlDateTime } from "../database/sql-values";
import type { Random } from "./random";

/**
 * About three months of collectors' daily reports and deposits, written straight into the tables
 * (the summary is rebuilt afterwards). Mostly clean, with weekday patterns, and with deliberate
 * leakage that the anomaly rules are meant to find (README, "Demo data"):
 * - BBL: the collector deposits 85-92% of what was collected on about a third of the days;
 * - STU: no report at all on some market days;
 * - TMB: some lapak receipts 1 000 below the tariff;
 * - LMA: ticket numbers skipped (sold outside the books) on some days;
 * - BBL: one report rejected by the market head and submitted again corrected.
 */
export interface HistoryContext {
  em: EntityManager;
  random: Random;
  today: string;
  days: number;
  treasurerId: number;
  headId: number;
  /** Per market: id, code, its collector, the ticket series and the occupied daily-ticket stalls with their dues. */
  markets: Array<{
    id: number;
    code: string;
    collectorId: number;
    series: string;
    faceValue: number;
    /** The last ticket number of the books already issued for the series. */
    issuedUpTo: number;
    dailyStalls: Array<{ id: number; kind: string; due: number }>;
  }>;
}

const ATTENDANCE = [0, 0.8, 0.78, 0.8, 0.82, 0.86, 0.94, 0.92]; // by ISO weekday: Saturday and Sunday are busiest
const BOOK_SIZE = 1000;


/** An instant at a Jakarta wall-clock hour on a day. */
export function jakartaTime(day: string, hour: number, minute = 0): Date {
  return new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)), hour - 7, minute));
}

export async function bulkInsert(em: EntityManager, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  const tuple = `(${columns.map(() => "?").join(", ")})`;
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    await em.query(`INSERT INTO ${table} (${columns.join(", ")}) VALUES ${chunk.map(() => tuple).join(", ")}`, chunk.flat());
  }
}

export async function seedDemoHistory(ctx: HistoryContext): Promise<void> {
  const { em, random, today } = ctx;
  const reports: unknown[][] = [];
  const receipts: unknown[][] = [];
  const deposits: unknown[][] = [];
  const links: unknown[][] = [];
  const books: unknown[][] = [];
  const nextTicket = new Map<string, number>();
  const bookEnd = new Map(ctx.markets.map((m) => [m.series, m.issuedUpTo]));
  let reportId = 0;
  let depositId = 0;
  const first = addDays(today, -ctx.days);

  for (let day = first; day < today; day = addDays(day, 1)) {
    const weekday = isoWeekday(day);
    const daysAgo = Math.round((Date.parse(today) - Date.parse(day)) / 86_400_000);
    for (const market of ctx.markets) {
      if (market.code === "STU" && daysAgo % 17 === 5) continue; // a market day with no report
      const sold: Array<{ stallId: number; amount: number }> = [];
      for (const stall of market.dailyStalls) {
        if (!random.chance(ATTENDANCE[weekday])) continue;
        const short = market.code === "TMB" && stall.kind === "LAPAK" && daysAgo <= 30 && random.chance(0.2);
        sold.push({ stallId: stall.id, amount: short ? stall.due - 1000 : stall.due });
      }
      // Kios are billed monthly (SKRD) and pay online: see demo-payments.ts.
      if (sold.length === 0) continue;

      const dayReports: Array<{ id: number; total: number }> = [];
      const rejectedOnce = market.code === "BBL" && daysAgo === 12;
      const writeReport = (items: typeof sold, status: "SUBMITTED" | "REJECTED", clientSuffix: string) => {
        const id = ++reportId;
        const total = items.reduce((sum, r) => sum + r.amount, 0);
        const submittedAt = jakartaTime(day, 17, random.int(0, 59));
        reports.push([
          id, `demo-${market.code}-${day}-${clientSuffix}`, "demo", market.id, market.collectorId, market.collectorId, day, status,
          items.length, total, null, sqlDateTime(submittedAt),
          status === "REJECTED" ? sqlDateTime(jakartaTime(day, 19)) : null, status === "REJECTED" ? ctx.headId : null,
          status === "REJECTED" ? "Salah input nominal karcis" : null,
        ]);
        for (const item of items) {
          let number = (nextTicket.get(market.series) ?? 0) + 1;
          if (market.code === "LMA" && daysAgo % 7 === 3 && random.chance(0.02)) number += random.int(5, 25); // tickets sold off the books
          nextTicket.set(market.series, number);
          while (number > (bookEnd.get(market.series) ?? 0)) {
            const firstNumber = (bookEnd.get(market.series) ?? 0) + 1;
            bookEnd.set(market.series, firstNumber + BOOK_SIZE - 1);
            books.push([market.series, firstNumber, firstNumber + BOOK_SIZE - 1, market.faceValue, market.id, market.collectorId, sqlDateTime(jakartaTime(day, 6))]);
          }
          receipts.push([id, market.id, item.stallId, day, market.series, number, item.amount, sqlDateTime(jakartaTime(day, random.int(6, 15), random.int(0, 59)))]);
        }
        if (status === "SUBMITTED") dayReports.push({ id, total });
      };
      if (rejectedOnce) {
        writeReport(sold.map((r) => ({ ...r, amount: r.amount * 10 })), "REJECTED", "1");
        writeReport(sold, "SUBMITTED", "2");
      } else if (weekday >= 6 && sold.length > 40) {
        const half = Math.floor(sold.length / 2); // busy days: a morning and an afternoon report
        writeReport(sold.slice(0, half), "SUBMITTED", "pagi");
        writeReport(sold.slice(half), "SUBMITTED", "sore");
      } else {
        writeReport(sold, "SUBMITTED", "1");
      }

      const depositDay = addWorkingDays(day, 1);
      if (depositDay >= today) continue; // not deposited yet
      const total = dayReports.reduce((sum, r) => sum + r.total, 0);
      const short = market.code === "BBL" && daysAgo <= 45 && random.chance(0.35);
      const amount = short ? Math.floor((total * random.int(85, 92)) / 100 / 500) * 500 : total;
      const id = ++depositId;
      const verified = depositDay <= addDays(today, -4); // the treasurer is a few days behind
      deposits.push([
        id, `demo-dep-${market.code}-${day}`, "demo", market.collectorId, market.id, amount, total,
        sqlDateTime(jakartaTime(depositDay, 10, random.int(0, 59))), `STS/${market.code}/${day.replace(/-/g, "")}`,
        `NTB${String(id).padStart(8, "0")}`, verified ? "VERIFIED" : "PENDING", sqlDateTime(jakartaTime(depositDay, 11)),
        market.collectorId, verified ? ctx.treasurerId : null, verified ? sqlDateTime(jakartaTime(addDays(depositDay, 1), 9)) : null, null,
      ]);
      let remaining = amount;
      for (const r of dayReports) {
        const share = Math.min(r.total, remaining);
        remaining -= share;
        links.push([id, r.id, r.id, share]);
      }
    }
  }

  await bulkInsert(em, "daily_report", ["id", "client_id", "content_hash", "market_id", "collector_id", "submitted_by_id", "business_date", "status",
    "receipt_count", "total", "note", "submitted_at", "rejected_at", "rejected_by_id", "rejection_reason"], reports);
  await bulkInsert(em, "receipt", ["report_id", "market_id", "stall_id", "business_date", "series", "number", "amount", "collected_at"], receipts);
  await bulkInsert(em, "deposit", ["id", "client_id", "content_hash", "collector_id", "market_id", "amount", "reports_total", "deposited_at",
    "sts_number", "bank_reference", "status", "recorded_at", "recorded_by_id", "verified_by_id", "verified_at", "verification_note"], deposits);
  await bulkInsert(em, "deposit_report", ["deposit_id", "report_id", "live_report_id", "allocated"], links);
  await bulkInsert(em, "ticket_book", ["series", "first_number", "last_number", "face_value", "market_id", "collector_id", "issued_at"], books);
}
