/**
 * A second collector shift per market over a window of days, written through the raw driver, to bring
 * a demo database (whose own history the seed wrote) to millions of receipts with the same shape as
 * the demo's: synthetic daily-ticket stalls under permit, one report (two on busy days) per market day
 * numbered from the shift's own ticket books, deposits on the next working day, verified a few days
 * later. It plants a modest number of what the anomaly rules look for, and counts what it planted.
 */
import { addDays } from "../../server/src/common/local-date";
import { addWorkingDays, isoWeekday } from "../../server/src/common/working-days";
import { sqlDateTime } from "../../server/src/database/sql-values";
import { jakartaTime } from "../../server/src/seed/demo-history";
import { createRandom } from "../../server/src/seed/random";
import type { Raw } from "./bench-support";

/** By ISO weekday, as in the demo: Saturday and Sunday are busiest. */
const ATTENDANCE = [0, 0.8, 0.78, 0.8, 0.82, 0.86, 0.94, 0.92];
const MEAN_ATTENDANCE = ATTENDANCE.slice(1).reduce((a, b) => a + b, 0) / 7;
const BOOK_SIZE = 1000;
/** A report holds at most this many receipts; a busier shift reports morning and afternoon. */
const REPORT_SPLIT = 400;

export interface ShiftOptions {
  /** First and last business day (inclusive). */
  from: string;
  to: string;
  /** The day the data is generated on: deposits due from then on are not made yet. */
  today: string;
  /** Receipts this shift should add (about). */
  receipts: number;
  seed?: number;
}

export interface Planted {
  serialGaps: number;
  returnedRanges: number;
  reusedTickets: number;
  belowTariffDays: number;
  vacantStallReceipts: number;
  lateReports: number;
  rejectedAndResubmitted: number;
  lateDeposits: number;
  shortDeposits: number;
  uncollectedRuns: number;
  collectionDrops: number;
  missingReportDays: number;
}

export interface ShiftResult {
  stalls: number;
  receipts: number;
  reports: number;
  deposits: number;
  books: number;
  planted: Planted;
}

interface ShiftStall {
  id: number;
  due: number;
  /** Last day under permit (null: open-ended). */
  until: string | null;
  /** Days [from, to] on which the trader stays away (an occupied stall that pays nothing). */
  away: [string, string] | null;
}

const num = (v: unknown) => Number(v);
const day10 = (v: unknown) => String(v).slice(0, 10);

async function nextId(raw: Raw, table: string): Promise<number> {
  const [{ n }] = await raw.query(`SELECT COALESCE(MAX(id), 0) AS n FROM ${table}`);
  return num(n);
}

/** Adds a second collector ("pemungut.<code>.b", series "<code>-B") to every market and writes its days. */
export async function generateCollectorShift(raw: Raw, options: ShiftOptions): Promise<ShiftResult> {
  const random = createRandom(options.seed ?? 20240102);
  const markets = (await raw.query("SELECT id, code, market_class FROM market ORDER BY id")).map((m) => ({ id: num(m.id), code: String(m.code), marketClass: String(m.market_class) }));
  const tariffs = await raw.query("SELECT stall_kind, market_class, basis, amount FROM tariff WHERE valid_to IS NULL");
  const tariffOf = (kind: string, cls: string) => num(tariffs.find((t) => t.stall_kind === kind && t.market_class === cls && t.basis === "PER_UNIT_PER_DAY")!.amount);
  const [{ id: officerId }] = await raw.query("SELECT id FROM user WHERE username = 'officer'");
  const [{ id: treasurerId }] = await raw.query("SELECT id FROM user WHERE username = 'bendahara'");
  const [{ id: headId }] = await raw.query("SELECT id FROM user WHERE username = 'kepala.cikarang'");
  const [{ hash }] = await raw.query("SELECT password_hash AS hash FROM user WHERE username = 'officer'");

  // Days on which a market's own (demo) collector reported nothing although it reports there
  // otherwise: the market was closed, or it is the demo's planted missing report. The shift skips
  // them too, so MISSING_REPORT still sees them.
  const reported = await raw.query(`SELECT market_id, business_date FROM daily_report WHERE status = 'SUBMITTED' AND business_date BETWEEN ? AND ? GROUP BY market_id, business_date`, [options.from, options.to]);
  const reportedDays = new Map<number, Set<string>>();
  for (const r of reported) {
    const set = reportedDays.get(num(r.market_id)) ?? new Set<string>();
    set.add(day10(r.business_date));
    reportedDays.set(num(r.market_id), set);
  }
  const days: string[] = [];
  for (let day = options.from; day <= options.to; day = addDays(day, 1)) days.push(day);
  const closed = (marketId: number, day: string) => {
    const set = reportedDays.get(marketId);
    return set !== undefined && set.size > days.length / 2 && !set.has(day);
  };

  const perMarket = Math.ceil(options.receipts / (days.length * markets.length * MEAN_ATTENDANCE));
  const planted: Planted = {
    serialGaps: 0, returnedRanges: 0, reusedTickets: 0, belowTariffDays: 0, vacantStallReceipts: 0, lateReports: 0, rejectedAndResubmitted: 0,
    lateDeposits: 0, shortDeposits: 0, uncollectedRuns: 0, collectionDrops: 0, missingReportDays: 0,
  };
  const now = sqlDateTime(jakartaTime(options.from, 6));

  // Master data: the collector, its assignment, stalls, traders and permits.
  let userId = await nextId(raw, "user");
  let stallId = await nextId(raw, "stall");
  let traderId = await nextId(raw, "trader");
  let permitId = await nextId(raw, "stall_permit");
  const users: unknown[][] = [];
  const assignments: unknown[][] = [];
  const stalls: unknown[][] = [];
  const traders: unknown[][] = [];
  const permits: unknown[][] = [];
  const shift = markets.map((m) => {
    const collectorId = ++userId;
    users.push([collectorId, `pemungut.${m.code.toLowerCase()}.b`, `Pemungut ${m.code} shift B`, "COLLECTOR", 1, hash, null, now, now]);
    assignments.push([collectorId, m.id, "2024-01-01", null]);
    const own: ShiftStall[] = [];
    for (let i = 1; i <= perMarket; i++) {
      const kind = i % 4 === 0 ? "PELATARAN" : "LAPAK";
      const id = ++stallId;
      stalls.push([id, m.id, `Z${Math.ceil(i / 100)}-${String(i).padStart(4, "0")}`, `Z${Math.ceil(i / 100)}`, kind, 400, "ACTIVE"]);
      const trader = ++traderId;
      traders.push([trader, `B.${m.code}.${String(i).padStart(5, "0")}`, `Pedagang ${m.code} ${i}`, null, "Sayur", 1]);
      // About one permit in fifty ends during the window: the trader leaves and pays no more.
      const until = random.chance(0.02) ? days[random.int(30, days.length - 30)] : null;
      permits.push([++permitId, `SHPT/${m.code}/B/${i}`, id, trader, "2024-01-01", until]);
      own.push({ id, due: tariffOf(kind, m.marketClass), until, away: null });
    }
    // Two traders per market stay away for twelve days once, under a valid permit.
    for (let k = 0; k < 2; k++) {
      const stall = own[random.int(0, own.length - 1)];
      if (stall.until !== null || stall.away !== null) continue;
      const start = days[random.int(10, days.length - 20)];
      stall.away = [start, addDays(start, 11)];
      planted.uncollectedRuns++;
    }
    return { ...m, collectorId, series: `${m.code}-B`, stalls: own, nextTicket: 0, bookEnd: 0, lastBookId: 0, lastBookFirst: 0, yesterdayFirst: 0 };
  });
  await raw.transaction(async () => {
    await raw.insert("user", ["id", "username", "display_name", "role", "active", "password_hash", "agency_id", "created_at", "updated_at"], users);
    await raw.insert("collector_assignment", ["collector_id", "market_id", "valid_from", "valid_to"], assignments);
    await raw.insert("stall", ["id", "market_id", "code", "block", "kind", "area_dm2", "status"], stalls);
    await raw.insert("trader", ["id", "npwrd", "name", "phone", "commodity", "active"], traders);
    await raw.insert("stall_permit", ["id", "shpt_number", "stall_id", "trader_id", "valid_from", "valid_to"], permits);
  });

  // A collection drop: one day per market in a few markets where the shift sold a quarter of usual.
  const dropDays = new Map(shift.filter((_, i) => i % 4 === 1).map((m) => [m.id, days[random.int(70, days.length - 10)]]));
  let reportId = await nextId(raw, "daily_report");
  let depositId = await nextId(raw, "deposit");
  let bookId = await nextId(raw, "ticket_book");
  const result: ShiftResult = { stalls: perMarket * markets.length, receipts: 0, reports: 0, deposits: 0, books: 0, planted };
  const yesterday = addDays(options.today, -1);

  for (const day of days) {
    const weekday = isoWeekday(day);
    const reports: unknown[][] = [];
    const receipts: unknown[][] = [];
    const deposits: unknown[][] = [];
    const links: unknown[][] = [];
    const books: unknown[][] = [];
    const returns: unknown[][] = [];
    for (const m of shift) {
      if (closed(m.id, day)) {
        planted.missingReportDays++;
        continue;
      }
      const attendance = dropDays.get(m.id) === day ? ATTENDANCE[weekday] / 4 : ATTENDANCE[weekday];
      if (attendance !== ATTENDANCE[weekday]) planted.collectionDrops++;
      const sold: Array<{ stallId: number; amount: number }> = [];
      for (const s of m.stalls) {
        if (s.until !== null && s.until < day) continue;
        if (s.away && s.away[0] <= day && day <= s.away[1]) continue;
        if (random.chance(attendance)) sold.push({ stallId: s.id, amount: s.due });
      }
      if (sold.length === 0) continue;
      // Karcis below the tariff on a few days.
      if (random.chance(0.004)) {
        planted.belowTariffDays++;
        for (let k = random.int(1, 3); k > 0; k--) sold[random.int(0, sold.length - 1)].amount -= 500;
      }
      // Money taken for a stall whose permit has ended.
      const ended = m.stalls.find((s) => s.until !== null && s.until < day);
      if (ended && random.chance(0.01)) {
        planted.vacantStallReceipts++;
        sold.push({ stallId: ended.id, amount: ended.due });
      }
      const issue = (number: number) => {
        while (number > m.bookEnd) {
          const first = m.bookEnd + 1;
          m.bookEnd = first + BOOK_SIZE - 1;
          m.lastBookId = ++bookId;
          m.lastBookFirst = first;
          books.push([bookId, m.series, first, m.bookEnd, tariffOf("LAPAK", m.marketClass), m.id, m.collectorId, sqlDateTime(jakartaTime(day, 6))]);
          result.books++;
        }
      };
      // Tickets handed back unused (torn, wet): skipped and returned, so no finding.
      if (day.endsWith("-15") && m.nextTicket + 6 <= m.bookEnd) {
        returns.push([m.lastBookId, m.nextTicket + 1, m.nextTicket + 5, sqlDateTime(jakartaTime(day, 7)), officerId]);
        m.nextTicket += 5;
        planted.returnedRanges++;
      }
      const gapAt = random.chance(0.003) ? random.int(0, sold.length - 1) : -1;
      const reuseAt = random.chance(0.0025) && m.yesterdayFirst > 0 ? random.int(0, sold.length - 1) : -1;
      const numbered = sold.map((item, i) => {
        if (i === gapAt) {
          m.nextTicket += random.int(3, 15);
          planted.serialGaps++;
        }
        if (i === reuseAt) {
          planted.reusedTickets++;
          return { ...item, number: m.yesterdayFirst };
        }
        const number = ++m.nextTicket;
        issue(number);
        return { ...item, number };
      });
      m.yesterdayFirst = numbered[0].number;

      const parts = numbered.length > REPORT_SPLIT ? [numbered.slice(0, numbered.length >> 1), numbered.slice(numbered.length >> 1)] : [numbered];
      const lateBy = random.chance(0.005) ? random.int(3, 6) : 0;
      if (lateBy) planted.lateReports++;
      const rejectFirst = random.chance(0.002);
      const dayReports: Array<{ id: number; total: number }> = [];
      const writeReport = (items: typeof numbered, status: "SUBMITTED" | "REJECTED", suffix: string, amountFactor = 1) => {
        const id = ++reportId;
        const total = items.reduce((sum, r) => sum + r.amount * amountFactor, 0);
        reports.push([
          id, `bench-${m.code}-B-${day}-${suffix}`, "bench", m.id, m.collectorId, m.collectorId, day, status, items.length, total, null,
          sqlDateTime(jakartaTime(addDays(day, lateBy), 17, random.int(0, 59))),
          status === "REJECTED" ? sqlDateTime(jakartaTime(day, 19)) : null, status === "REJECTED" ? headId : null,
          status === "REJECTED" ? "Salah input nominal karcis" : null,
        ]);
        for (const item of items) {
          receipts.push([id, m.id, item.stallId, day, m.series, item.number, item.amount * amountFactor, sqlDateTime(jakartaTime(day, random.int(6, 15), random.int(0, 59)))]);
        }
        result.reports++;
        result.receipts += items.length;
        if (status === "SUBMITTED") dayReports.push({ id, total });
      };
      if (rejectFirst) {
        // Rejected by the market head, then submitted again corrected, with the same tickets.
        planted.rejectedAndResubmitted++;
        writeReport(parts[0], "REJECTED", "x", 10);
      }
      parts.forEach((items, i) => writeReport(items, "SUBMITTED", String(i + 1)));

      const lateDeposit = random.chance(0.01);
      const depositDay = addWorkingDays(day, lateDeposit ? 3 : 1);
      if (depositDay > yesterday) continue; // not deposited yet
      if (lateDeposit) planted.lateDeposits++;
      const total = dayReports.reduce((sum, r) => sum + r.total, 0);
      const short = random.chance(0.01);
      if (short) planted.shortDeposits++;
      const amount = short ? Math.floor((total * random.int(85, 95)) / 100 / 500) * 500 : total;
      const id = ++depositId;
      const verified = depositDay <= addDays(options.today, -4);
      deposits.push([
        id, `bench-dep-${m.code}-B-${day}`, "bench", m.collectorId, m.id, amount, total, sqlDateTime(jakartaTime(depositDay, 10, random.int(0, 59))),
        `STS/${m.code}/B/${day.replace(/-/g, "")}`, `NTB-B${String(id).padStart(8, "0")}`, verified ? "VERIFIED" : "PENDING",
        sqlDateTime(jakartaTime(depositDay, 11)), m.collectorId, verified ? treasurerId : null, verified ? sqlDateTime(jakartaTime(addDays(depositDay, 1), 9)) : null, null,
      ]);
      result.deposits++;
      let remaining = amount;
      for (const r of dayReports) {
        const share = Math.min(r.total, remaining);
        remaining -= share;
        links.push([id, r.id, r.id, share]);
      }
    }
    await raw.transaction(async () => {
      await raw.insert("ticket_book", ["id", "series", "first_number", "last_number", "face_value", "market_id", "collector_id", "issued_at"], books);
      await raw.insert("ticket_return", ["book_id", "first_number", "last_number", "returned_at", "recorded_by_id"], returns);
      await raw.insert("daily_report", ["id", "client_id", "content_hash", "market_id", "collector_id", "submitted_by_id", "business_date", "status",
        "receipt_count", "total", "note", "submitted_at", "rejected_at", "rejected_by_id", "rejection_reason"], reports);
      await raw.insert("receipt", ["report_id", "market_id", "stall_id", "business_date", "series", "number", "amount", "collected_at"], receipts);
      await raw.insert("deposit", ["id", "client_id", "content_hash", "collector_id", "market_id", "amount", "reports_total", "deposited_at",
        "sts_number", "bank_reference", "status", "recorded_at", "recorded_by_id", "verified_by_id", "verified_at", "verification_note"], deposits);
      await raw.insert("deposit_report", ["deposit_id", "report_id", "live_report_id", "allocated"], links);
    });
  }
  return result;
}
