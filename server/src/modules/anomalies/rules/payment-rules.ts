import { localDateOf } from "../../../common/local-date";
import { fromSqlDateTime, jakartaDayBounds } from "../../../database/sql-values";
import { AnomalySeverity } from "../anomaly.enums";
import { marketFilter, rupiah, type AnomalyRule, type Finding, type RuleContext } from "./rule";

/** Non-reversed payments in a match state that Bapenda must follow up. */
async function paymentsIn(ctx: RuleContext, status: string): Promise<Array<Record<string, unknown>>> {
  const [start, end] = jakartaDayBounds(ctx.from, ctx.to);
  // A payment with an unknown code has no market: it belongs to runs over all markets.
  const m = marketFilter(ctx, "p.market_id");
  return ctx.em.query(
    `SELECT p.id, p.channel, p.external_ref, p.payment_code, p.amount, p.paid_at, p.market_id, p.bill_id, b.principal, b.bill_number
     FROM payment p LEFT JOIN bill b ON b.id = p.bill_id
     WHERE p.match_status = ? AND p.reversed_at IS NULL AND p.paid_at >= ? AND p.paid_at < ?${m.sql}`,
    [status, start, end, ...m.params],
  );
}

function finding(p: Record<string, unknown>, id: string, en: string, amountAtRisk: number): Finding {
  return {
    subject: `payment:${p.id}`,
    businessDate: localDateOf(fromSqlDateTime(p.paid_at)),
    marketId: p.market_id === null ? null : Number(p.market_id),
    amountAtRisk,
    summaryId: id,
    summaryEn: en,
    evidence: {
      paymentId: Number(p.id), channel: p.channel, externalRef: p.external_ref, paymentCode: p.payment_code, amount: Number(p.amount),
      billId: p.bill_id === null ? null : Number(p.bill_id),
    },
  };
}

export const paymentUnmatched: AnomalyRule = {
  code: "PAYMENT_UNMATCHED",
  severity: AnomalySeverity.MEDIUM,
  description: "A payment quoting a payment code of no bill: money received that pays nothing yet.",
  thresholds: {},
  mayLackMarket: true,
  async detect(ctx) {
    return (await paymentsIn(ctx, "UNKNOWN_CODE")).map((p) => finding(p,
      `Pembayaran ${p.channel} ${p.external_ref} sebesar ${rupiah(Number(p.amount))} memakai kode bayar ${p.payment_code} yang tidak ada.`,
      `${p.channel} payment ${p.external_ref} of ${rupiah(Number(p.amount))} quotes payment code ${p.payment_code}, which no bill has.`,
      Number(p.amount)));
  },
};

export const paymentDuplicate: AnomalyRule = {
  code: "PAYMENT_DUPLICATE",
  severity: AnomalySeverity.MEDIUM,
  description: "A second payment of a bill that was already paid: to be refunded or applied.",
  thresholds: {},
  async detect(ctx) {
    return (await paymentsIn(ctx, "BILL_ALREADY_PAID")).map((p) => finding(p,
      `Pembayaran ${p.channel} ${p.external_ref} sebesar ${rupiah(Number(p.amount))} untuk ${p.bill_number} yang sudah lunas.`,
      `${p.channel} payment ${p.external_ref} of ${rupiah(Number(p.amount))} for ${p.bill_number}, which was already paid.`,
      Number(p.amount)));
  },
};

export const paymentAmountMismatch: AnomalyRule = {
  code: "PAYMENT_AMOUNT_MISMATCH",
  severity: AnomalySeverity.MEDIUM,
  description: "A payment whose amount is not what its bill was owed on the day paid.",
  thresholds: {},
  async detect(ctx) {
    return (await paymentsIn(ctx, "AMOUNT_MISMATCH")).map((p) => finding(p,
      `Pembayaran ${p.channel} ${p.external_ref} sebesar ${rupiah(Number(p.amount))} tidak sama dengan tagihan ${p.bill_number} (pokok ${rupiah(Number(p.principal))}).`,
      `${p.channel} payment ${p.external_ref} of ${rupiah(Number(p.amount))} differs from what ${p.bill_number} owed (principal ${rupiah(Number(p.principal))}).`,
      Math.abs(Number(p.principal) - Number(p.amount))));
  },
};
