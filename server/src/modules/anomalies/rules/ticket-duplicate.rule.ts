import { AnomalySeverity } from "../anomaly.enums";
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
    const rows: Array<Record<string, unknown>> = await ctx.em.query(
      `SELECT r.id, r.series, r.number, r.business_date, r.market_id, r.stall_id, r.amount, r.report_id, d.collector_id
       FROM receipt r JOIN daily_report d ON d.id = r.report_id AND d.status = 'SUBMITTED'
       WHERE EXISTS (
         SELECT 1 FROM receipt w JOIN daily_report wd ON wd.id = w.report_id AND wd.status = 'SUBMITTED'
         WHERE w.series = r.series AND w.number = r.number AND w.business_date BETWEEN ? AND ?${marketFilter(ctx, "w.market_id").sql}
       )
       AND EXISTS (
         SELECT 1 FROM receipt o JOIN daily_report od ON od.id = o.report_id AND od.status = 'SUBMITTED'
         WHERE o.series = r.series AND o.number = r.number AND o.id <> r.id
       )
       ORDER BY r.series, r.number, r.business_date, r.id`,
      [ctx.from, ctx.to, ...m.params],
    );
    const byTicket = new Map<string, Array<Record<string, unknown>>>();
    for (const row of rows) {
      const key = `${row.series} ${String(row.number).padStart(6, "0")}`;
      byTicket.set(key, [...(byTicket.get(key) ?? []), row]);
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
