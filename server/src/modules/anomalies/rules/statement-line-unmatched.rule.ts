import { AnomalySeverity } from "../anomaly.enums";
import { rupiah, type AnomalyRule } from "./rule";

/** Money on the treasury account that no payment or deposit explains. */
export const statementLineUnmatched: AnomalyRule = {
  code: "STATEMENT_LINE_UNMATCHED",
  severity: AnomalySeverity.MEDIUM,
  description: "A credit line of an imported bank statement that matches no payment and no verified deposit.",
  thresholds: {},
  marketless: true,
  async detect(ctx) {
    const rows: Array<Record<string, unknown>> = await ctx.em.query(
      `SELECT l.id, l.statement_id, l.line_no, l.value_date, l.description, l.reference, l.credit
       FROM statement_line l JOIN bank_statement s ON s.id = l.statement_id AND s.status = 'COMPLETED'
       WHERE l.match_status = 'UNMATCHED' AND l.value_date BETWEEN ? AND ?`,
      [ctx.from, ctx.to],
    );
    return rows.map((l) => {
      const day = String(l.value_date).slice(0, 10);
      return {
        subject: `statement-line:${l.id}`,
        businessDate: day,
        marketId: null,
        amountAtRisk: Number(l.credit),
        summaryId: `Kredit rekening ${day} "${l.description}" sebesar ${rupiah(Number(l.credit))} tidak cocok dengan pembayaran atau setoran mana pun.`,
        summaryEn: `The account credit of ${day} "${l.description}" for ${rupiah(Number(l.credit))} matches no payment and no deposit.`,
        evidence: { statementId: Number(l.statement_id), lineId: Number(l.id), lineNo: Number(l.line_no), reference: l.reference, credit: Number(l.credit) },
      };
    });
  },
};
