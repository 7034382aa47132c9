import { ticketAmountSql } from "../../revenue/tariff-sql";
import { AnomalySeverity } from "../anomaly.enums";
import { marketFilter, rupiah, type AnomalyRule } from "./rule";

/**
 * A market day with occupied daily-ticket stalls and no report: either nothing was collected or it
 * was collected and not reported. At risk: the day's potential of those stalls.
 */
export const missingReport: AnomalyRule = {
  code: "MISSING_REPORT",
  severity: AnomalySeverity.HIGH,
  description: "A past market day on which the market had occupied daily-ticket stalls and no submitted report; at risk: their potential that day.",
  thresholds: {},
  async detect(ctx) {
    const m = marketFilter(ctx, "mk.id");
    const until = ctx.to < ctx.today ? ctx.to : ctx.today;
    // The market days without a report first (markets x days, one index probe each; DISTINCT keeps
    // both databases from merging it into the join), then the occupied daily-ticket stalls of those
    // few days only, instead of every permit on every day of the window.
    const rows: Array<Record<string, unknown>> = await ctx.em.query(
      `SELECT g.market_id, g.day, COUNT(*) AS stalls,
              SUM(${ticketAmountSql(ctx.dialect, "s.area_dm2")}) AS potential
       FROM (SELECT DISTINCT mk.id AS market_id, mk.market_class, c.day FROM calendar_day c CROSS JOIN market mk
             WHERE c.day BETWEEN ? AND ? AND c.day < ?${m.sql}
               AND NOT EXISTS (SELECT 1 FROM daily_report d WHERE d.market_id = mk.id AND d.business_date = c.day AND d.status = 'SUBMITTED')) g
       JOIN stall s ON s.market_id = g.market_id
       JOIN stall_permit p ON p.stall_id = s.id AND p.valid_from <= g.day AND (p.valid_to IS NULL OR p.valid_to >= g.day)
       JOIN tariff t ON t.stall_kind = s.kind AND t.market_class = g.market_class
         AND t.valid_from <= g.day AND (t.valid_to IS NULL OR t.valid_to >= g.day) AND t.basis <> 'PER_UNIT_PER_MONTH'
       GROUP BY g.market_id, g.day`,
      [ctx.from, until, ctx.today, ...m.params],
    );
    return rows.map((r) => {
      const day = String(r.day).slice(0, 10);
      const potential = Number(r.potential);
      return {
        subject: `market:${r.market_id}`,
        businessDate: day,
        marketId: Number(r.market_id),
        amountAtRisk: potential,
        summaryId: `Tidak ada laporan harian ${day} padahal ${Number(r.stalls)} lapak berkarcis harian terisi (potensi ${rupiah(potential)}).`,
        summaryEn: `No daily report for ${day} although ${Number(r.stalls)} daily-ticket stalls were occupied (potential ${rupiah(potential)}).`,
        evidence: { occupiedDailyStalls: Number(r.stalls), potential },
      };
    });
  },
};
