import { ticketAmountSql } from "../../revenue/tariff-sql";
import { AnomalySeverity } from "../anomaly.enums";
import { marketFilter, rupiah, type AnomalyRule, type Finding, type RuleContext } from "./rule";

type Row = Record<string, unknown>;

/**
 * The receipt rules look at millions of receipts a year. Each first narrows them down with one
 * aggregate over the window (groups of receipts, a few thousand rows, checked against the small
 * master tables), then applies its exact per-receipt condition to the few candidates only: a join
 * per receipt to four tables, or a range lookup per receipt, costs tens of seconds on MySQL/MariaDB
 * over a year.
 */
const CHUNK = 1000;

/** Runs `query` for chunks of `ids` (IN lists), rows of all chunks together. */
export async function inChunks(ids: readonly unknown[], query: (list: string, chunk: unknown[]) => Promise<Row[]>): Promise<Row[]> {
  const rows: Row[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    rows.push(...(await query(chunk.map(() => "?").join(", "), chunk)));
  }
  return rows;
}

/** Per ticket series, the lowest and highest number on a receipt of the window (any report status). */
export async function windowNumberRanges(ctx: RuleContext, marketColumn: string | null): Promise<Map<string, [number, number]>> {
  const m = marketColumn ? marketFilter(ctx, marketColumn) : { sql: "", params: [] };
  // Per market too: grouped by series alone, MariaDB walks the (series, number) index and reads every
  // row it points to, instead of the window's rows.
  const rows: Row[] = await ctx.em.query(
    `SELECT r.series, r.market_id, MIN(r.number) AS low, MAX(r.number) AS high FROM receipt r
     WHERE r.business_date BETWEEN ? AND ?${m.sql} GROUP BY r.series, r.market_id`,
    [ctx.from, ctx.to, ...m.params],
  );
  const ranges = new Map<string, [number, number]>();
  for (const r of rows) {
    const range = ranges.get(String(r.series));
    ranges.set(String(r.series), range ? [Math.min(range[0], Number(r.low)), Math.max(range[1], Number(r.high))] : [Number(r.low), Number(r.high)]);
  }
  return ranges;
}

/** `(r.series = ? AND r.number BETWEEN ? AND ?) OR ...` over ranges; `1 = 0` for none. */
export function numberRangesSql(column: string, ranges: Array<[string, number, number]>): { sql: string; params: unknown[] } {
  if (ranges.length === 0) return { sql: "1 = 0", params: [] };
  return {
    sql: `(${ranges.map(() => `(${column}.series = ? AND ${column}.number BETWEEN ? AND ?)`).join(" OR ")})`,
    params: ranges.flat(),
  };
}

/** Orders as SQL orders plain ASCII text (series, YYYY-MM-DD days). */
export const compareText = (a: unknown, b: unknown) => (String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0);

const byMarketCollectorDay = (a: Row, b: Row) =>
  Number(a.market_id) - Number(b.market_id) || Number(a.collector_id) - Number(b.collector_id)
  || compareText(a.business_date, b.business_date) || Number(a.id) - Number(b.id);

/** Submitted receipts of the window with what the stall owed that day at the tariff then valid. */
async function receiptsAgainstTariff(ctx: RuleContext, comparison: "<" | ">"): Promise<Row[]> {
  const m = marketFilter(ctx, "r.market_id");
  const expected = ticketAmountSql(ctx.dialect, "s.area_dm2");
  // Receipts of a stall at one amount, from their first to their last day: only a group for which
  // some tariff of those days has the amount on the wrong side can hold a finding, unless all its
  // receipts are in rejected reports (a rejected report is often a typo, e.g. ten times the tariff).
  const groups: Row[] = await ctx.em.query(
    `SELECT g.stall_id, g.market_id, g.amount, MAX(g.receipts) AS receipts FROM (
       SELECT r.stall_id, r.market_id, r.amount, MIN(r.business_date) AS first_day, MAX(r.business_date) AS last_day, COUNT(*) AS receipts
       FROM receipt r WHERE r.business_date BETWEEN ? AND ?${m.sql} GROUP BY r.stall_id, r.market_id, r.amount
     ) g
     JOIN stall s ON s.id = g.stall_id
     JOIN market mk ON mk.id = g.market_id
     JOIN tariff t ON t.stall_kind = s.kind AND t.market_class = mk.market_class
       AND t.valid_from <= g.last_day AND (t.valid_to IS NULL OR t.valid_to >= g.first_day)
     WHERE g.amount ${comparison} ${expected}
     GROUP BY g.stall_id, g.market_id, g.amount`,
    [ctx.from, ctx.to, ...m.params],
  );
  const key = (r: Row) => `${r.stall_id}|${r.market_id}|${r.amount}`;
  const rejected = new Map<string, number>();
  if (groups.length > 0) {
    // From the few rejected reports (REJECTED is the only other status; status index; CROSS JOIN for SQLite).
    const rows: Row[] = await ctx.em.query(
      `SELECT r.stall_id, r.market_id, r.amount, COUNT(*) AS receipts FROM daily_report d CROSS JOIN receipt r ON r.report_id = d.id
       WHERE d.status = 'REJECTED' AND r.business_date BETWEEN ? AND ?${m.sql} GROUP BY r.stall_id, r.market_id, r.amount`,
      [ctx.from, ctx.to, ...m.params],
    );
    for (const r of rows) rejected.set(key(r), Number(r.receipts));
  }
  const candidates = [...new Set(groups.filter((g) => Number(g.receipts) > (rejected.get(key(g)) ?? 0)).map((g) => Number(g.stall_id)))];
  const rows = await inChunks(candidates, (list, stalls) => ctx.em.query(
    `SELECT r.id, r.market_id, r.business_date, r.amount, r.stall_id, d.collector_id, ${expected} AS expected
     FROM receipt r
     JOIN daily_report d ON d.id = r.report_id AND d.status = 'SUBMITTED'
     JOIN stall s ON s.id = r.stall_id
     JOIN market mk ON mk.id = r.market_id
     JOIN tariff t ON t.stall_kind = s.kind AND t.market_class = mk.market_class
       AND t.valid_from <= r.business_date AND (t.valid_to IS NULL OR t.valid_to >= r.business_date)
     WHERE r.stall_id IN (${list}) AND r.business_date BETWEEN ? AND ?${m.sql} AND r.amount ${comparison} ${expected}`,
    [...stalls, ctx.from, ctx.to, ...m.params],
  ));
  return rows.sort(byMarketCollectorDay);
}

/** One finding per collector, market and day, so a habit shows as one line per day, not hundreds. */
function perCollectorDay(rows: Row[], describe: (n: number, difference: number) => [string, string]): Finding[] {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const key = `${row.market_id}|${row.collector_id}|${String(row.business_date).slice(0, 10)}`;
    const group = groups.get(key) ?? [];
    group.push(row);
    groups.set(key, group);
  }
  return [...groups.entries()].map(([key, group]) => {
    const [marketId, collectorId, day] = key.split("|");
    const difference = group.reduce((sum, r) => sum + Math.abs(Number(r.expected) - Number(r.amount)), 0);
    const [summaryId, summaryEn] = describe(group.length, difference);
    return {
      subject: `market:${marketId}:collector:${collectorId}`,
      businessDate: day,
      marketId: Number(marketId),
      collectorId: Number(collectorId),
      amountAtRisk: difference,
      summaryId,
      summaryEn,
      evidence: { receipts: group.map((r) => ({ receiptId: Number(r.id), stallId: Number(r.stall_id), amount: Number(r.amount), expected: Number(r.expected) })) },
    };
  });
}

/** A karcis for less than the tariff: the trader paid less, or the collector recorded less than taken. */
export const belowTariff: AnomalyRule = {
  code: "BELOW_TARIFF",
  severity: AnomalySeverity.MEDIUM,
  description: "Receipts below the tariff of their stall on their day (grouped per collector, market and day); at risk: the difference.",
  thresholds: {},
  async detect(ctx) {
    return perCollectorDay(await receiptsAgainstTariff(ctx, "<"), (n, d) => [
      `${n} karcis di bawah tarif; kurang ${rupiah(d)} dari yang seharusnya.`,
      `${n} receipt(s) below the tariff; ${rupiah(d)} less than owed.`,
    ]);
  },
};

/** A karcis above the tariff may be an illegal levy (pungli) on the trader. */
export const aboveTariff: AnomalyRule = {
  code: "ABOVE_TARIFF",
  severity: AnomalySeverity.HIGH,
  description: "Receipts above the tariff of their stall on their day (possible illegal levy, pungli); at risk: the excess.",
  thresholds: {},
  async detect(ctx) {
    return perCollectorDay(await receiptsAgainstTariff(ctx, ">"), (n, d) => [
      `${n} karcis di atas tarif; lebih ${rupiah(d)} dari yang seharusnya (kemungkinan pungutan liar).`,
      `${n} receipt(s) above the tariff; ${rupiah(d)} more than owed (possible illegal levy).`,
    ]);
  },
};

/** Money taken for a stall nobody holds a permit for: an unregistered trader, or a wrong stall code. */
export const vacantStallReceipt: AnomalyRule = {
  code: "VACANT_STALL_RECEIPT",
  severity: AnomalySeverity.MEDIUM,
  description: "Receipts for stalls with no active permit on their day (grouped per collector, market and day).",
  thresholds: {},
  async detect(ctx) {
    const m = marketFilter(ctx, "r.market_id");
    // Only a stall that no single permit covers from its first to its last receipt of the window
    // can have a receipt on a day without one. (Per market too when some markets are asked for:
    // MariaDB then reads the window's rows, not the whole (stall, day) index and a row per entry.)
    const groups = ctx.marketIds === null ? "r.stall_id" : "r.stall_id, r.market_id";
    const candidates: Row[] = await ctx.em.query(
      `SELECT DISTINCT g.stall_id FROM (
         SELECT r.stall_id, MIN(r.business_date) AS first_day, MAX(r.business_date) AS last_day
         FROM receipt r WHERE r.business_date BETWEEN ? AND ?${m.sql} GROUP BY ${groups}
       ) g
       WHERE NOT EXISTS (SELECT 1 FROM stall_permit p WHERE p.stall_id = g.stall_id AND p.valid_from <= g.first_day
                         AND (p.valid_to IS NULL OR p.valid_to >= g.last_day))`,
      [ctx.from, ctx.to, ...m.params],
    );
    const rows = await inChunks(candidates.map((c) => Number(c.stall_id)), (list, stalls) => ctx.em.query(
      `SELECT r.id, r.market_id, r.business_date, r.amount, r.stall_id, d.collector_id, r.amount AS expected
       FROM receipt r JOIN daily_report d ON d.id = r.report_id AND d.status = 'SUBMITTED'
       WHERE r.stall_id IN (${list}) AND r.business_date BETWEEN ? AND ?${m.sql}
         AND NOT EXISTS (SELECT 1 FROM stall_permit p WHERE p.stall_id = r.stall_id AND p.valid_from <= r.business_date AND (p.valid_to IS NULL OR p.valid_to >= r.business_date))`,
      [...stalls, ctx.from, ctx.to, ...m.params],
    ));
    return perCollectorDay(rows.sort(byMarketCollectorDay).map((r) => ({ ...r, expected: 0 })), (n, total) => [
      `${n} karcis untuk lapak/kios tanpa izin aktif (${rupiah(total)}).`,
      `${n} receipt(s) for stalls with no active permit (${rupiah(total)}).`,
    ]);
  },
};

/** Every ticket book, by series and first number. */
export async function ticketBooks(ctx: RuleContext): Promise<Row[]> {
  return ctx.em.query("SELECT id, series, first_number, last_number, face_value, market_id, collector_id FROM ticket_book ORDER BY series, first_number, id");
}

/** Whether the books (sorted by first number) together hold every number from `low` to `high`. */
export function covered(books: readonly Row[] | undefined, low: number, high: number): boolean {
  let next = low; // the lowest number not yet known to be in a book
  for (const b of books ?? []) {
    if (Number(b.first_number) > next) break;
    next = Math.max(next, Number(b.last_number) + 1);
    if (next > high) return true;
  }
  return false;
}

/** A number in no book issued to the collector: tickets printed or obtained outside the books. */
export const ticketOutsideBook: AnomalyRule = {
  code: "TICKET_OUTSIDE_BOOK",
  severity: AnomalySeverity.HIGH,
  description: "Receipts whose series and number are in no ticket book issued to the collector who reported them.",
  thresholds: {},
  async detect(ctx) {
    const m = marketFilter(ctx, "r.market_id");
    // The lowest and highest number of each report and series: when the collector's books hold every
    // number in between, they hold each of the report's tickets.
    const [groups, books] = await Promise.all([
      ctx.em.query(
        `SELECT g.report_id, g.series, g.low, g.high, d.collector_id FROM (
           SELECT r.report_id, r.series, MIN(r.number) AS low, MAX(r.number) AS high
           FROM receipt r WHERE r.business_date BETWEEN ? AND ?${m.sql} GROUP BY r.report_id, r.series
         ) g JOIN daily_report d ON d.id = g.report_id AND d.status = 'SUBMITTED'`,
        [ctx.from, ctx.to, ...m.params],
      ) as Promise<Row[]>,
      ticketBooks(ctx),
    ]);
    const booksOf = new Map<string, Row[]>();
    for (const b of books) {
      const key = `${b.series}|${b.collector_id}`;
      const list = booksOf.get(key) ?? [];
      list.push(b);
      booksOf.set(key, list);
    }
    const reports = [...new Set(groups
      .filter((g) => !covered(booksOf.get(`${g.series}|${g.collector_id}`), Number(g.low), Number(g.high)))
      .map((g) => Number(g.report_id)))];
    const rows = await inChunks(reports, (list, ids) => ctx.em.query(
      `SELECT r.id, r.market_id, r.business_date, r.amount, r.stall_id, d.collector_id, r.series, r.number
       FROM receipt r JOIN daily_report d ON d.id = r.report_id AND d.status = 'SUBMITTED'
       WHERE r.report_id IN (${list}) AND r.business_date BETWEEN ? AND ?${m.sql}
         AND NOT EXISTS (SELECT 1 FROM ticket_book b WHERE b.series = r.series AND b.collector_id = d.collector_id
                         AND r.number BETWEEN b.first_number AND b.last_number)`,
      [...ids, ctx.from, ctx.to, ...m.params],
    ));
    return perCollectorDay(rows.sort(byMarketCollectorDay).map((r) => ({ ...r, expected: 0 })), (n, total) => [
      `${n} karcis dengan nomor di luar buku karcis pemungut (${rupiah(total)}).`,
      `${n} ticket(s) numbered outside the collector's ticket books (${rupiah(total)}).`,
    ]);
  },
};
