/**
 * The rule codes the server knew when this screen was written (server/src/modules/anomalies/rules),
 * in its order. The rule filter shows them at once and adds any further code the `rules` query
 * returns, so a rule added on the server appears without a change here (labelled with its code until
 * it gets a translation under `app.enum.AnomalyRule`).
 */
export const KNOWN_RULE_CODES = [
  "TICKET_SERIAL_GAP",
  "TICKET_DUPLICATE",
  "TICKET_OUTSIDE_BOOK",
  "BELOW_TARIFF",
  "ABOVE_TARIFF",
  "VACANT_STALL_RECEIPT",
  "MISSING_REPORT",
  "OCCUPIED_STALL_UNCOLLECTED",
  "LATE_SUBMISSION",
  "COLLECTION_DROP",
  "COLLECTOR_OUTLIER",
  "DEPOSIT_LATE",
  "DEPOSIT_SHORTFALL",
  "DEPOSIT_MATCHES_TARGET",
  "PAYMENT_UNMATCHED",
  "PAYMENT_DUPLICATE",
  "PAYMENT_AMOUNT_MISMATCH",
  "STATEMENT_LINE_UNMATCHED",
  "BILL_OVERDUE",
] as const;

/** Translation key of a rule's name. */
export const ruleLabelKey = (code: string) => `app.enum.AnomalyRule.${code}`;

/** Findings still to be worked: the workflow actions apply to these only. */
export const isOpenStatus = (status: unknown) => status === "OPEN" || status === "ACKNOWLEDGED";
