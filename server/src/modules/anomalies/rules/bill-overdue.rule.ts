import { addDays } from "../../../common/local-date";
import { AnomalySeverity } from "../anomaly.enums";
import { marketFilter, rupiah, type AnomalyRule } from "./rule";

/** A monthly stall that has not paid graceDays after the due date: revenue that may never come. */
export const billOverdue: AnomalyRule = {
  code: "BILL_OVERDUE",
  severity: AnomalySeverity.MEDIUM,
  description: "An SKRD still unpaid more than graceDays days after its due date (dated by the due date).",
  thresholds: { graceDays: 30 },
  async detect(ctx) {
    const m = marketFilter(ctx, "b.market_id");
    const latestDue = addDays(ctx.today, -ctx.thresholds.graceDays - 1);
    const rows: Array<Record<string, unknown>> = await ctx.em.query(
      `SELECT b.id, b.bill_number, b.market_id, b.stall_id, b.principal, b.due_date, b.period
       FROM bill b WHERE b.status = 'UNPAID' AND b.due_date BETWEEN ? AND ? AND b.due_date <= ?${m.sql}`,
      [ctx.from, ctx.to, latestDue, ...m.params],
    );
    return rows.map((b) => {
      const due = String(b.due_date).slice(0, 10);
      return {
        subject: `bill:${b.id}`,
        businessDate: due,
        marketId: Number(b.market_id),
        stallId: Number(b.stall_id),
        amountAtRisk: Number(b.principal),
        summaryId: `${b.bill_number} (${rupiah(Number(b.principal))}) jatuh tempo ${due} dan belum dibayar.`,
        summaryEn: `${b.bill_number} (${rupiah(Number(b.principal))}) fell due on ${due} and is unpaid.`,
        evidence: { billId: Number(b.id), billNumber: b.bill_number, period: b.period, dueDate: due, principal: Number(b.principal) },
      };
    });
  },
};
