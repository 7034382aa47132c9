import { localDateOf } from "../../../common/local-date";
import { fromSqlDateTime } from "../../../database/sql-values";
import { AnomalySeverity } from "../anomaly.enums";
import { marketFilter, rupiah, type AnomalyRule } from "./rule";

const DAY_MS = 86_400_000;

/** Takings reported days after the market day are takings a collector held unrecorded meanwhile. */
export const lateSubmission: AnomalyRule = {
  code: "LATE_SUBMISSION",
  severity: AnomalySeverity.LOW,
  description: "A daily report submitted more than maxDays days after its business date.",
  thresholds: { maxDays: 2 },
  async detect(ctx) {
    const m = marketFilter(ctx, "d.market_id");
    const rows: Array<Record<string, unknown>> = await ctx.em.query(
      `SELECT d.id, d.market_id, d.collector_id, d.business_date, d.submitted_at, d.total
       FROM daily_report d WHERE d.status = 'SUBMITTED' AND d.business_date BETWEEN ? AND ?${m.sql}`,
      [ctx.from, ctx.to, ...m.params],
    );
    const maxDays = ctx.thresholds.maxDays;
    return rows.flatMap((d) => {
      const day = String(d.business_date).slice(0, 10);
      const submittedOn = localDateOf(fromSqlDateTime(d.submitted_at));
      const late = Math.round((Date.parse(submittedOn) - Date.parse(day)) / DAY_MS);
      if (late <= maxDays) return [];
      return [{
        subject: `report:${d.id}`,
        businessDate: day,
        marketId: Number(d.market_id),
        collectorId: Number(d.collector_id),
        amountAtRisk: Number(d.total),
        summaryId: `Laporan harian ${day} baru dikirim ${submittedOn}, ${late} hari kemudian (batas ${maxDays} hari); ${rupiah(Number(d.total))} tertahan.`,
        summaryEn: `The daily report of ${day} was submitted on ${submittedOn}, ${late} days later (limit ${maxDays}); ${rupiah(Number(d.total))} held meanwhile.`,
        evidence: { reportId: Number(d.id), businessDate: day, submittedOn, daysLate: late, total: Number(d.total) },
      }];
    });
  },
};
