import { localDateOf } from "../../../common/local-date";
import { addWorkingDays } from "../../../common/working-days";
import { fromSqlDateTime } from "../../../database/sql-values";
import { AnomalySeverity } from "../anomaly.enums";
import { marketFilter, rupiah, type AnomalyRule } from "./rule";

/**
 * Takings must reach the treasury account within `workingDays` working days (weekends and the
 * configured holidays do not count). A report whose total was not covered by deposits made by then
 * (rejected ones do not count; pending ones do, the cash left the collector) is cash kept too long.
 */
export const depositLate: AnomalyRule = {
  code: "DEPOSIT_LATE",
  severity: AnomalySeverity.MEDIUM,
  description: "A report's takings not covered by deposits (not rejected) made within workingDays working days of its business date; at risk: the part not covered in time.",
  thresholds: { workingDays: 1 },
  async detect(ctx) {
    const m = marketFilter(ctx, "d.market_id");
    const reports: Array<Record<string, unknown>> = await ctx.em.query(
      `SELECT d.id, d.market_id, d.collector_id, d.business_date, d.total FROM daily_report d
       WHERE d.status = 'SUBMITTED' AND d.total > 0 AND d.business_date BETWEEN ? AND ?${m.sql}`,
      [ctx.from, ctx.to, ...m.params],
    );
    const links: Array<Record<string, unknown>> = await ctx.em.query(
      `SELECT l.report_id, l.allocated, x.deposited_at FROM deposit_report l JOIN deposit x ON x.id = l.deposit_id
       JOIN daily_report d ON d.id = l.report_id
       WHERE x.status <> 'REJECTED' AND d.business_date BETWEEN ? AND ?${m.sql}`,
      [ctx.from, ctx.to, ...m.params],
    );
    const byReport = new Map<number, Array<{ allocated: number; depositedOn: string }>>();
    for (const l of links) {
      const id = Number(l.report_id);
      byReport.set(id, [...(byReport.get(id) ?? []), { allocated: Number(l.allocated), depositedOn: localDateOf(fromSqlDateTime(l.deposited_at)) }]);
    }
    const holidays = new Set(ctx.holidays);
    return reports.flatMap((r) => {
      const day = String(r.business_date).slice(0, 10);
      const deadline = addWorkingDays(day, ctx.thresholds.workingDays, holidays);
      if (deadline >= ctx.today) return []; // still time
      const covered = (byReport.get(Number(r.id)) ?? []).filter((d) => d.depositedOn <= deadline).reduce((sum, d) => sum + d.allocated, 0);
      const late = Number(r.total) - covered;
      if (late <= 0) return [];
      return [{
        subject: `report:${r.id}`,
        businessDate: day,
        marketId: Number(r.market_id),
        collectorId: Number(r.collector_id),
        amountAtRisk: late,
        summaryId: `${rupiah(late)} dari laporan ${day} belum disetor sampai batas ${deadline}.`,
        summaryEn: `${rupiah(late)} of the takings of ${day} were not deposited by the deadline ${deadline}.`,
        evidence: { reportId: Number(r.id), total: Number(r.total), coveredInTime: covered, deadline, deposits: byReport.get(Number(r.id)) ?? [] },
      }];
    });
  },
};
