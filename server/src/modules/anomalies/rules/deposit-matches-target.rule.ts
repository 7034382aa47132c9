import { localDateOf } from "../../../common/local-date";
import { fromSqlDateTime, jakartaDayBounds } from "../../../database/sql-values";
import { targetShare, yearSlices } from "../../revenue/target-spread";
import { AnomalySeverity } from "../anomaly.enums";
import { monthsStartingIn } from "./monthly";
import { marketFilter, rupiah, type AnomalyRule, type Finding } from "./rule";
import { coefficientOfVariation } from "./statistics";

interface DepositRow {
  id: number;
  amount: number;
  reportsTotal: number;
  days: string[];
}

/** The market's yearly target spread over one day, as revenueReport's `target` spreads it. */
function dailyTarget(targets: Map<string, number>, marketId: number, day: string): number {
  const amount = targets.get(`${marketId}|${day.slice(0, 4)}`);
  return amount ? targetShare(amount, yearSlices(day, day)[0]) : 0;
}

/**
 * A collector whose deposits are round sums equal to the daily target share while the reports they
 * cover go up and down: the deposit is fixed to what the office expects, not to what was collected
 * (what is left over stays in a pocket, a bad day is topped up or reported short). Judged per
 * calendar month, dated on its first day.
 */
export const depositMatchesTarget: AnomalyRule = {
  code: "DEPOSIT_MATCHES_TARGET",
  severity: AnomalySeverity.MEDIUM,
  description:
    "In a month, at least minDeposits deposits of a collector, minMatchPercent % of them multiples of roundTo within tolerancePercent % of the target share of the days they cover (the market's yearly target spread over the year, split between the month's collectors), while the covered reports' totals vary by at least minTakingsCvPercent % (coefficient of variation); dated on the month's first day; at risk: what the reports collected beyond the deposits.",
  thresholds: { minDeposits: 5, minMatchPercent: 70, tolerancePercent: 5, roundTo: 1000, minTakingsCvPercent: 10 },
  async detect(ctx) {
    const months = monthsStartingIn(ctx.from, ctx.to);
    if (months.length === 0) return [];
    const first = months[0].first;
    const last = months[months.length - 1].last;
    const [start, end] = jakartaDayBounds(first, last);
    const m = marketFilter(ctx, "x.market_id");
    const dm = marketFilter(ctx, "d.market_id");
    const [deposits, covered, collectors, targetRows]: Array<Array<Record<string, unknown>>> = await Promise.all([
      ctx.em.query(
        `SELECT x.id, x.market_id, x.collector_id, x.amount, x.reports_total, x.deposited_at FROM deposit x
         WHERE x.status <> 'REJECTED' AND x.deposited_at >= ? AND x.deposited_at < ?${m.sql} ORDER BY x.deposited_at, x.id`,
        [start, end, ...m.params],
      ),
      ctx.em.query(
        `SELECT DISTINCT l.deposit_id, d.business_date FROM deposit_report l
         JOIN deposit x ON x.id = l.deposit_id JOIN daily_report d ON d.id = l.report_id
         WHERE x.status <> 'REJECTED' AND x.deposited_at >= ? AND x.deposited_at < ?${m.sql}`,
        [start, end, ...m.params],
      ),
      ctx.em.query(
        `SELECT d.market_id, SUBSTR(d.business_date, 1, 7) AS month, COUNT(DISTINCT d.collector_id) AS collectors FROM daily_report d
         WHERE d.status = 'SUBMITTED' AND d.business_date BETWEEN ? AND ?${dm.sql} GROUP BY d.market_id, SUBSTR(d.business_date, 1, 7)`,
        [first, last, ...dm.params],
      ),
      ctx.em.query("SELECT market_id, year, amount FROM revenue_target WHERE market_id IS NOT NULL"),
    ]);
    const targets = new Map(targetRows.map((t) => [`${t.market_id}|${t.year}`, Number(t.amount)]));
    const collectorsIn = new Map(collectors.map((c) => [`${c.market_id}|${String(c.month)}`, Number(c.collectors)]));
    const daysOf = new Map<number, string[]>();
    for (const c of covered) {
      const id = Number(c.deposit_id);
      daysOf.set(id, [...(daysOf.get(id) ?? []), String(c.business_date).slice(0, 10)]);
    }
    const groups = new Map<string, { marketId: number; collectorId: number; month: string; deposits: DepositRow[] }>();
    for (const x of deposits) {
      const month = localDateOf(fromSqlDateTime(x.deposited_at)).slice(0, 7);
      const key = `${x.market_id}|${x.collector_id}|${month}`;
      const group = groups.get(key) ?? { marketId: Number(x.market_id), collectorId: Number(x.collector_id), month, deposits: [] };
      group.deposits.push({ id: Number(x.id), amount: Number(x.amount), reportsTotal: Number(x.reports_total), days: daysOf.get(Number(x.id)) ?? [] });
      groups.set(key, group);
    }
    const { minDeposits, minMatchPercent, tolerancePercent, roundTo, minTakingsCvPercent } = ctx.thresholds;
    const findings: Finding[] = [];
    for (const g of groups.values()) {
      if (g.deposits.length < minDeposits) continue;
      const share = collectorsIn.get(`${g.marketId}|${g.month}`) || 1;
      const judged = g.deposits.map((x) => {
        const expected = Math.round(x.days.reduce((sum, day) => sum + dailyTarget(targets, g.marketId, day), 0) / share);
        const follows = expected > 0 && x.amount % roundTo === 0 && Math.abs(x.amount - expected) * 100 <= expected * tolerancePercent;
        return { depositId: x.id, amount: x.amount, reportsTotal: x.reportsTotal, expected, follows };
      });
      const matching = judged.filter((x) => x.follows).length;
      const takingsCv = coefficientOfVariation(judged.map((x) => x.reportsTotal));
      if (matching * 100 < judged.length * minMatchPercent || takingsCv * 100 < minTakingsCvPercent) continue;
      const collected = judged.reduce((sum, x) => sum + x.reportsTotal, 0);
      const deposited = judged.reduce((sum, x) => sum + x.amount, 0);
      const typical = judged.find((x) => x.follows)!.expected;
      const cvPercent = Math.round(takingsCv * 100);
      findings.push({
        subject: `collector:${g.collectorId}|market:${g.marketId}`,
        businessDate: `${g.month}-01`,
        marketId: g.marketId,
        collectorId: g.collectorId,
        amountAtRisk: Math.max(0, collected - deposited),
        summaryId: `Bulan ${g.month}: ${matching} dari ${judged.length} setoran pemungut berupa angka bulat setara target harian (sekitar ${rupiah(typical)}), padahal penerimaan menurut laporan bervariasi ${cvPercent}%; laporan ${rupiah(collected)}, disetor ${rupiah(deposited)}.`,
        summaryEn: `In ${g.month}, ${matching} of the collector's ${judged.length} deposits are round sums equal to the daily target share (about ${rupiah(typical)}) while the reported takings vary by ${cvPercent}%; reported ${rupiah(collected)}, deposited ${rupiah(deposited)}.`,
        evidence: { month: g.month, collectorId: g.collectorId, collectorsInMarket: share, matching, takingsCvPercent: cvPercent, reported: collected, deposited, deposits: judged },
      });
    }
    return findings;
  },
};
