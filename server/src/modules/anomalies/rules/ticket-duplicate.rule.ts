import { AnomalySeverity } from "../anomaly.enums";
import { compareText, windowNumberRanges } from "./receipt-rules";
import { marketFilter, rupiah, type AnomalyRule, type Finding } from "./rule";

/**
 * One karcis is one payment: the same series and number in two submitted receipts (in one report,
 * across reports, collectors or days) means a ticket was reused and one payment went unrecorded.
 */
export const ticketDuplicate: AnomalyRule = {
  code: "TICKET_DUPLICATE",
  severity: AnomalySeverity.HIGH,
  description: "The same ticket series and number in more than one submitted receipt (across reports, collectors or days).",
  thresholds: {},
  async detect(ctx) {
    const m = marketFilter(ctx, "r.market_id");
    // A reused ticket has a use in the window, so its number lies between the lowest and highest
    // number of its series there. Numbers in those ranges on more than one receipt (of any status)
    // come from one pass over the (series, number) index; only they are checked as before.
    const ranges = [...(await windowNumberRanges(ctx, "r.market_id"))].map(([series, [low, high]]): [string, number, number] => [series, low, high]);
    // One part per series, so each reads its range of the index in order (no sort).
    const reused: Array<Record<string, unknown>> = ranges.length === 0 ? [] : await ctx.em.query(
      ranges.map(() => "SELECT x.series, x.number FROM receipt x WHERE x.series = ? AND x.number BETWEEN ? AND ? GROUP BY x.series, x.number HAVING COUNT(*) > 1")
        .join(" UNION ALL "),
      ranges.flat(),
    );
    const perSeries = new Map<string, number[]>();
    for (const t of reused) {
      const list = perSeries.get(String(t.series)) ?? [];
      list.push(Number(t.number));
      perSeries.set(String(t.series), list);
    }
    const tickets = [...perSeries].flatMap(([series, numbers]) => numbers.map((n) => [series, n] as const));
    const rows: Array<Record<string, unknown>> = [];
    for (let i = 0; i < tickets.length; i += 1000) {
      // One (series = ? AND number IN (...)) term per series of the chunk.
      const chunk = new Map<string, number[]>();
      for (const [series, n] of tickets.slice(i, i + 1000)) {
        const numbers = chunk.get(series) ?? [];
        numbers.push(n);
        chunk.set(series, numbers);
      }
      const terms = [...chunk].map(([, numbers]) => `(r.series = ? AND r.number IN (${numbers.map(() => "?").join(", ")}))`).join(" OR ");
      rows.push(...await ctx.em.query(
        `SELECT r.id, r.series, r.number, r.business_date, r.market_id, r.stall_id, r.amount, r.report_id, d.collector_id
         FROM receipt r JOIN daily_report d ON d.id = r.report_id AND d.status = 'SUBMITTED'
         WHERE (${terms})
         AND EXISTS (
           SELECT 1 FROM receipt w JOIN daily_report wd ON wd.id = w.report_id AND wd.status = 'SUBMITTED'
           WHERE w.series = r.series AND w.number = r.number AND w.business_date BETWEEN ? AND ?${marketFilter(ctx, "w.market_id").sql}
         )
         AND EXISTS (
           SELECT 1 FROM receipt o JOIN daily_report od ON od.id = o.report_id AND od.status = 'SUBMITTED'
           WHERE o.series = r.series AND o.number = r.number AND o.id <> r.id
         )`,
        [...[...chunk].flatMap(([series, numbers]) => [series, ...numbers]), ctx.from, ctx.to, ...m.params],
      ));
    }
    rows.sort((a, b) => compareText(a.series, b.series) || Number(a.number) - Number(b.number)
      || compareText(a.business_date, b.business_date) || Number(a.id) - Number(b.id));
    const byTicket = new Map<string, Array<Record<string, unknown>>>();
    for (const row of rows) {
      const key = `${row.series} ${String(row.number).padStart(6, "0")}`;
      const uses = byTicket.get(key) ?? [];
      uses.push(row);
      byTicket.set(key, uses);
    }
    const findings: Finding[] = [];
    for (const [ticket, uses] of byTicket) {
      // The first use is the genuine one; the finding is dated by the first reuse.
      const reuse = uses[1];
      const day = String(reuse.business_date).slice(0, 10);
      if (day < ctx.from || day > ctx.to) continue;
      const extra = uses.slice(1).reduce((sum, u) => sum + Number(u.amount), 0);
      findings.push({
        subject: ticket,
        businessDate: day,
        marketId: Number(reuse.market_id),
        collectorId: Number(reuse.collector_id),
        stallId: Number(reuse.stall_id),
        amountAtRisk: extra,
        summaryId: `Karcis ${ticket} dilaporkan ${uses.length} kali (seharusnya sekali); ${rupiah(extra)} dari pemakaian ulang.`,
        summaryEn: `Ticket ${ticket} was reported ${uses.length} times (expected once); ${rupiah(extra)} from the reuse.`,
        evidence: {
          ticket,
          receipts: uses.map((u) => ({
            receiptId: Number(u.id), reportId: Number(u.report_id), businessDate: String(u.business_date).slice(0, 10),
            collectorId: Number(u.collector_id), marketId: Number(u.market_id), amount: Number(u.amount),
          })),
        },
      });
    }
    return findings;
  },
};
