import { AnomalySeverity } from "../anomaly.enums";
import { marketFilter, rupiah, type AnomalyRule, type Finding } from "./rule";

/**
 * Tickets of a book are sold in order. A number skipped between the lowest and highest a collector
 * reported from a book, and not handed back unsold, is a ticket sold without being reported. A
 * finding is dated by the receipt that came right after the skipped numbers.
 */
export const ticketSerialGap: AnomalyRule = {
  code: "TICKET_SERIAL_GAP",
  severity: AnomalySeverity.HIGH,
  description: "Ticket numbers of a book skipped between the lowest and highest reported by its collector, and not returned unused; at risk: count x face value.",
  thresholds: {},
  async detect(ctx) {
    const m = marketFilter(ctx, "b.market_id");
    // Books with a receipt in the window, and every number reported from them by their collector.
    const rows: Array<Record<string, unknown>> = await ctx.em.query(
      `SELECT b.id AS book_id, b.series, b.face_value, b.market_id, b.collector_id, r.number, MIN(r.business_date) AS day
       FROM ticket_book b
       JOIN receipt r ON r.series = b.series AND r.number BETWEEN b.first_number AND b.last_number
       JOIN daily_report d ON d.id = r.report_id AND d.status = 'SUBMITTED' AND d.collector_id = b.collector_id
       WHERE EXISTS (SELECT 1 FROM receipt w WHERE w.series = b.series AND w.number BETWEEN b.first_number AND b.last_number
                     AND w.business_date BETWEEN ? AND ?)${m.sql}
       GROUP BY b.id, b.series, b.face_value, b.market_id, b.collector_id, r.number
       ORDER BY b.id, r.number`,
      [ctx.from, ctx.to, ...m.params],
    );
    const returns: Array<Record<string, unknown>> = await ctx.em.query("SELECT book_id, first_number, last_number FROM ticket_return");
    const returned = (book: number, n: number) => returns.some((t) => Number(t.book_id) === book && n >= Number(t.first_number) && n <= Number(t.last_number));
    const byBookDay = new Map<string, { row: Record<string, unknown>; day: string; missing: number[] }>();
    for (let i = 1; i < rows.length; i++) {
      const prev = rows[i - 1];
      const row = rows[i];
      if (row.book_id !== prev.book_id) continue;
      const book = Number(row.book_id);
      const missing: number[] = [];
      for (let n = Number(prev.number) + 1; n < Number(row.number); n++) if (!returned(book, n)) missing.push(n);
      if (missing.length === 0) continue;
      const day = String(row.day).slice(0, 10);
      if (day < ctx.from || day > ctx.to) continue;
      const key = `${book}|${day}`;
      const entry = byBookDay.get(key) ?? { row, day, missing: [] };
      entry.missing.push(...missing);
      byBookDay.set(key, entry);
    }
    return [...byBookDay.values()].map(({ row, day, missing }): Finding => {
      const amount = missing.length * Number(row.face_value);
      const shown = missing.slice(0, 10).join(", ") + (missing.length > 10 ? ", ..." : "");
      return {
        subject: `book:${row.book_id}`,
        businessDate: day,
        marketId: Number(row.market_id),
        collectorId: Number(row.collector_id),
        amountAtRisk: amount,
        summaryId: `${missing.length} karcis seri ${row.series} terlewati (${shown}) dan tidak dikembalikan; ${rupiah(amount)} tidak tercatat.`,
        summaryEn: `${missing.length} ticket(s) of series ${row.series} skipped (${shown}) and not returned; ${rupiah(amount)} unaccounted for.`,
        evidence: { bookId: Number(row.book_id), series: row.series, missing, faceValue: Number(row.face_value) },
      };
    });
  },
};
