import { AnomalySeverity } from "../anomaly.enums";
import { compareText, inChunks, numberRangesSql, ticketBooks, windowNumberRanges } from "./receipt-rules";
import { rupiah, type AnomalyRule, type Finding } from "./rule";

type Row = Record<string, unknown>;

/** Numbers low..high reported on one day in one report of a collector. */
interface Segment {
  low: number;
  high: number;
  day: string;
}

/**
 * Tickets of a book are sold in order. A number skipped between the lowest and highest a collector
 * reported from a book, and not handed back unsold, is a ticket sold without being reported. A
 * finding is dated by the receipt that came right after the skipped numbers.
 *
 * Rather than every reported number (millions a year), SQL returns per report its lowest and highest
 * number and how many it has: a report without a hole is one segment low..high, and only reports with
 * holes (few) are returned as their runs of consecutive numbers. The numbers a collector reported from
 * a book are the union of the segments, and its gaps are the holes in that union. (A report never
 * repeats a ticket: submission refuses it, so count = high - low + 1 means no hole.)
 */
export const ticketSerialGap: AnomalyRule = {
  code: "TICKET_SERIAL_GAP",
  severity: AnomalySeverity.HIGH,
  description: "Ticket numbers of a book skipped between the lowest and highest reported by its collector, and not returned unused; at risk: count x face value.",
  thresholds: {},
  async detect(ctx) {
    // Only a book with a receipt in the window can have a gap dated in it (the receipt after the
    // gap is one); such a book overlaps its series' numbers in the window.
    const inWindow = await windowNumberRanges(ctx, null);
    if (inWindow.size === 0) return [];
    const all = await ticketBooks(ctx);
    const books = all.filter((b) => {
      const range = inWindow.get(String(b.series));
      return range !== undefined && Number(b.first_number) <= range[1] && Number(b.last_number) >= range[0]
        && (ctx.marketIds === null || ctx.marketIds.includes(Number(b.market_id)));
    });
    if (books.length === 0) return [];
    // Every number of those books (any day): a whole series when all its books are among them (one
    // IN list is cheaper for MariaDB to test on each row than a range per series), else as few
    // ranges as possible.
    const booksPerSeries = new Map<string, number>();
    for (const b of all) booksPerSeries.set(String(b.series), (booksPerSeries.get(String(b.series)) ?? 0) + 1);
    for (const b of books) booksPerSeries.set(String(b.series), booksPerSeries.get(String(b.series))! - 1);
    const whole = [...booksPerSeries].filter(([, left]) => left === 0).map(([series]) => series);
    const ranges: Array<[string, number, number]> = [];
    for (const b of books.filter((x) => !whole.includes(String(x.series)))) { // sorted by series, first number
      const last = ranges[ranges.length - 1];
      if (last && last[0] === b.series && Number(b.first_number) <= last[2] + 1) last[2] = Math.max(last[2], Number(b.last_number));
      else ranges.push([String(b.series), Number(b.first_number), Number(b.last_number)]);
    }
    const inRanges = numberRangesSql("r", ranges);
    const within = whole.length === 0 ? inRanges
      : { sql: `(r.series IN (${whole.map(() => "?").join(", ")}) OR ${inRanges.sql})`, params: [...whole, ...inRanges.params] };
    const groups: Row[] = await ctx.em.query(
      `SELECT g.report_id, g.series, g.business_date, g.low, g.high, g.numbers, d.collector_id FROM (
         SELECT r.report_id, r.series, r.business_date, MIN(r.number) AS low, MAX(r.number) AS high, COUNT(*) AS numbers
         FROM receipt r WHERE ${within.sql} GROUP BY r.report_id, r.series, r.business_date
       ) g JOIN daily_report d ON d.id = g.report_id AND d.status = 'SUBMITTED'`,
      within.params,
    );
    const segments = new Map<string, Segment[]>();
    const add = (series: unknown, collector: unknown, segment: Segment) => {
      const key = `${series}|${collector}`;
      const list = segments.get(key) ?? [];
      list.push(segment);
      segments.set(key, list);
    };
    const holed = new Map<number, Row>();
    for (const g of groups) {
      const low = Number(g.low);
      const high = Number(g.high);
      if (Number(g.numbers) === high - low + 1) add(g.series, g.collector_id, { low, high, day: String(g.business_date).slice(0, 10) });
      else holed.set(Number(g.report_id), g);
    }
    // Reports with a hole: their runs of consecutive numbers, from the first and last number of each.
    const edges = await inChunks([...holed.keys()], (list, ids) => ctx.em.query(
      `SELECT x.report_id, x.series, x.business_date, x.number, x.previous, x.following, x.ordinal FROM (
         SELECT r.report_id, r.series, r.business_date, r.number,
                LAG(r.number) OVER (PARTITION BY r.report_id, r.series, r.business_date ORDER BY r.number) AS previous,
                LEAD(r.number) OVER (PARTITION BY r.report_id, r.series, r.business_date ORDER BY r.number) AS following,
                ROW_NUMBER() OVER (PARTITION BY r.report_id, r.series, r.business_date ORDER BY r.number) AS ordinal
         FROM receipt r WHERE r.report_id IN (${list}) AND ${within.sql}
       ) x
       WHERE x.previous IS NULL OR x.previous < x.number - 1 OR x.following IS NULL OR x.following > x.number + 1`,
      [...ids, ...within.params],
    ));
    edges.sort((a, b) => Number(a.report_id) - Number(b.report_id) || compareText(a.series, b.series)
      || compareText(a.business_date, b.business_date) || Number(a.ordinal) - Number(b.ordinal));
    let start = 0;
    for (const e of edges) {
      const n = Number(e.number);
      if (e.previous === null || Number(e.previous) < n - 1) start = n;
      if (e.following === null || Number(e.following) > n + 1) {
        add(e.series, holed.get(Number(e.report_id))!.collector_id, { low: start, high: n, day: String(e.business_date).slice(0, 10) });
      }
    }

    const returns = new Map<number, Array<[number, number]>>();
    for (const t of await ctx.em.query("SELECT book_id, first_number, last_number FROM ticket_return") as Row[]) {
      const list = returns.get(Number(t.book_id)) ?? [];
      list.push([Number(t.first_number), Number(t.last_number)]);
      returns.set(Number(t.book_id), list);
    }
    const returned = (book: number, n: number) => (returns.get(book) ?? []).some(([first, last]) => n >= first && n <= last);
    const byBookDay = new Map<string, { row: Row; day: string; missing: number[] }>();
    for (const book of [...books].sort((a, b) => Number(a.id) - Number(b.id))) {
      const first = Number(book.first_number);
      const last = Number(book.last_number);
      const id = Number(book.id);
      // Its collector's segments within the book, by first number and, for one first number, by day.
      const own = (segments.get(`${book.series}|${book.collector_id}`) ?? [])
        .filter((s) => s.high >= first && s.low <= last)
        .map((s) => ({ ...s, low: Math.max(s.low, first), high: Math.min(s.high, last) }))
        .sort((a, b) => a.low - b.low || compareText(a.day, b.day));
      let reach: number | null = null; // the highest number reported so far
      for (const s of own) {
        if (reach !== null && s.low > reach + 1) {
          // s.low is reported first on s.day: no earlier segment holds it.
          const missing: number[] = [];
          for (let n = reach + 1; n < s.low; n++) if (!returned(id, n)) missing.push(n);
          if (missing.length > 0 && s.day >= ctx.from && s.day <= ctx.to) {
            const key = `${id}|${s.day}`;
            const entry = byBookDay.get(key) ?? { row: book, day: s.day, missing: [] };
            entry.missing.push(...missing);
            byBookDay.set(key, entry);
          }
        }
        reach = reach === null ? s.high : Math.max(reach, s.high);
      }
    }
    return [...byBookDay.values()].map(({ row, day, missing }): Finding => {
      const amount = missing.length * Number(row.face_value);
      const shown = missing.slice(0, 10).join(", ") + (missing.length > 10 ? ", ..." : "");
      return {
        subject: `book:${row.id}`,
        businessDate: day,
        marketId: Number(row.market_id),
        collectorId: Number(row.collector_id),
        amountAtRisk: amount,
        summaryId: `${missing.length} karcis seri ${row.series} terlewati (${shown}) dan tidak dikembalikan; ${rupiah(amount)} tidak tercatat.`,
        summaryEn: `${missing.length} ticket(s) of series ${row.series} skipped (${shown}) and not returned; ${rupiah(amount)} unaccounted for.`,
        evidence: { bookId: Number(row.id), series: row.series, missing, faceValue: Number(row.face_value) },
      };
    });
  },
};
