import { AnomalySeverity } from "../anomaly.enums";
import { monthsStartingIn } from "./monthly";
import { marketFilter, rupiah, type AnomalyRule, type Finding } from "./rule";
import { median } from "./statistics";

interface CollectorMonth {
  collectorId: number;
  receipts: number;
  stalls: number;
  days: number;
  total: number;
  perTicket: number;
  perStall: number;
}

/**
 * A collector who brings in far less per ticket, or per stall served on the days worked, than the other collectors of the same
 * market in the same month: cheaper tickets written for full fees, or stalls served without a
 * ticket. Needs at least one peer; compared with the peers' median so one other outlier does not
 * set the bar. Judged per calendar month, dated on its first day.
 */
export const collectorOutlier: AnomalyRule = {
  code: "COLLECTOR_OUTLIER",
  severity: AnomalySeverity.MEDIUM,
  description:
    "In a month, a collector with at least minReceipts receipts in a market whose yield per ticket or per stall a day (takings / (distinct stalls x days worked)) is more than maxBelowPercent % below the median of the other collectors there with at least minReceipts; dated on the month's first day; at risk: (peers' median - own yield) x own tickets or stall-days.",
  thresholds: { minReceipts: 30, maxBelowPercent: 30 },
  async detect(ctx) {
    const months = monthsStartingIn(ctx.from, ctx.to);
    if (months.length === 0) return [];
    const m = marketFilter(ctx, "r.market_id");
    const rows: Array<Record<string, unknown>> = await ctx.em.query(
      `SELECT r.market_id, d.collector_id, SUBSTR(r.business_date, 1, 7) AS month, COUNT(*) AS receipts,
              COUNT(DISTINCT r.stall_id) AS stalls, COUNT(DISTINCT r.business_date) AS days, SUM(r.amount) AS total
       FROM receipt r JOIN daily_report d ON d.id = r.report_id AND d.status = 'SUBMITTED'
       WHERE r.business_date BETWEEN ? AND ?${m.sql}
       GROUP BY r.market_id, d.collector_id, SUBSTR(r.business_date, 1, 7)
       HAVING COUNT(*) >= ?`,
      [months[0].first, months[months.length - 1].last, ...m.params, ctx.thresholds.minReceipts],
    );
    const groups = new Map<string, { marketId: number; month: string; collectors: CollectorMonth[] }>();
    for (const r of rows) {
      const key = `${r.market_id}|${String(r.month)}`;
      const group = groups.get(key) ?? { marketId: Number(r.market_id), month: String(r.month), collectors: [] };
      const receipts = Number(r.receipts);
      const stalls = Number(r.stalls);
      const days = Number(r.days);
      const total = Number(r.total);
      group.collectors.push({ collectorId: Number(r.collector_id), receipts, stalls, days, total, perTicket: total / receipts, perStall: total / (stalls * days) });
      groups.set(key, group);
    }
    const floor = 1 - ctx.thresholds.maxBelowPercent / 100;
    const findings: Finding[] = [];
    for (const g of groups.values()) {
      if (g.collectors.length < 2) continue;
      for (const own of g.collectors) {
        const peers = g.collectors.filter((c) => c !== own);
        const ticketBar = median(peers.map((c) => c.perTicket));
        const stallBar = median(peers.map((c) => c.perStall));
        const lowTicket = own.perTicket < ticketBar * floor;
        const lowStall = own.perStall < stallBar * floor;
        if (!lowTicket && !lowStall) continue;
        const atRisk = Math.round(Math.max(
          lowTicket ? (ticketBar - own.perTicket) * own.receipts : 0,
          lowStall ? (stallBar - own.perStall) * own.stalls * own.days : 0,
        ));
        const metricId = [lowTicket ? `per karcis ${rupiah(Math.round(own.perTicket))} (rekan ${rupiah(Math.round(ticketBar))})` : null,
          lowStall ? `per lapak per hari ${rupiah(Math.round(own.perStall))} (rekan ${rupiah(Math.round(stallBar))})` : null].filter(Boolean).join(", ");
        const metricEn = [lowTicket ? `per ticket ${rupiah(Math.round(own.perTicket))} (peers ${rupiah(Math.round(ticketBar))})` : null,
          lowStall ? `per stall a day ${rupiah(Math.round(own.perStall))} (peers ${rupiah(Math.round(stallBar))})` : null].filter(Boolean).join(", ");
        findings.push({
          subject: `collector:${own.collectorId}|market:${g.marketId}`,
          businessDate: `${g.month}-01`,
          marketId: g.marketId,
          collectorId: own.collectorId,
          amountAtRisk: atRisk,
          summaryId: `Bulan ${g.month}: hasil pungutan pemungut jauh di bawah rekan di pasar yang sama: ${metricId}.`,
          summaryEn: `In ${g.month}, the collector's yield is far below their peers' in the same market: ${metricEn}.`,
          evidence: {
            month: g.month, collectorId: own.collectorId, receipts: own.receipts, stalls: own.stalls, days: own.days, total: own.total,
            perTicket: Math.round(own.perTicket), perStall: Math.round(own.perStall), peersPerTicket: Math.round(ticketBar), peersPerStall: Math.round(stallBar),
            peers: peers.map((c) => ({ collectorId: c.collectorId, receipts: c.receipts, stalls: c.stalls, days: c.days, total: c.total })),
          },
        });
      }
    }
    return findings;
  },
};
