import { localDateOf } from "../../../common/local-date";
import { fromSqlDateTime, jakartaDayBounds } from "../../../database/sql-values";
import { AnomalySeverity } from "../anomaly.enums";
import { marketFilter, rupiah, type AnomalyRule } from "./rule";

/** A deposit that is smaller than the takings of the reports it covers: cash stayed with someone. */
export const depositShortfall: AnomalyRule = {
  code: "DEPOSIT_SHORTFALL",
  severity: AnomalySeverity.HIGH,
  description: "A deposit (not rejected) smaller than the total of the daily reports it covers.",
  thresholds: {},
  async detect(ctx) {
    const m = marketFilter(ctx, "x.market_id");
    const [start, end] = jakartaDayBounds(ctx.from, ctx.to);
    const rows: Array<Record<string, unknown>> = await ctx.em.query(
      `SELECT x.id, x.market_id, x.collector_id, x.amount, x.reports_total, x.deposited_at, x.sts_number, x.status
       FROM deposit x WHERE x.status <> 'REJECTED' AND x.amount < x.reports_total AND x.deposited_at >= ? AND x.deposited_at < ?${m.sql}`,
      [start, end, ...m.params],
    );
    return rows.map((x) => {
      const missing = Number(x.reports_total) - Number(x.amount);
      return {
        subject: `deposit:${x.id}`,
        businessDate: localDateOf(fromSqlDateTime(x.deposited_at)),
        marketId: Number(x.market_id),
        collectorId: Number(x.collector_id),
        amountAtRisk: missing,
        summaryId: `Setoran ${x.sts_number} sebesar ${rupiah(Number(x.amount))} kurang ${rupiah(missing)} dari laporan yang disetor (${rupiah(Number(x.reports_total))}).`,
        summaryEn: `Deposit ${x.sts_number} of ${rupiah(Number(x.amount))} is ${rupiah(missing)} short of the reports it covers (${rupiah(Number(x.reports_total))}).`,
        evidence: { depositId: Number(x.id), amount: Number(x.amount), reportsTotal: Number(x.reports_total), status: x.status },
      };
    });
  },
};
