import { registerEnumType } from "type-graphql";

export enum BillStatus {
  UNPAID = "UNPAID",
  PAID = "PAID",
  CANCELLED = "CANCELLED",
}

registerEnumType(BillStatus, { name: "BillStatus", description: "SKRD state: a paid bill stays paid unless its payment is reversed." });

export enum PaymentChannel {
  QRIS = "QRIS",
  VIRTUAL_ACCOUNT = "VIRTUAL_ACCOUNT",
  TELLER = "TELLER",
  EDC = "EDC",
  AUTODEBIT = "AUTODEBIT",
}

registerEnumType(PaymentChannel, {
  name: "PaymentChannel",
  description: "Where a payment came from; each channel has its own reference (RRN, VA reference, NTB).",
});

export enum PaymentMatchStatus {
  MATCHED = "MATCHED",
  AMOUNT_MISMATCH = "AMOUNT_MISMATCH",
  UNKNOWN_CODE = "UNKNOWN_CODE",
  BILL_ALREADY_PAID = "BILL_ALREADY_PAID",
}

registerEnumType(PaymentMatchStatus, {
  name: "PaymentMatchStatus",
  description: "How a payment met its bill: only MATCHED pays the bill and counts as revenue; the others wait for follow-up.",
});

export enum PaymentSource {
  API = "API",
  WEBHOOK = "WEBHOOK",
}

registerEnumType(PaymentSource, { name: "PaymentSource", description: "Typed in through recordPayment, or notified by the channel's signed webhook." });

export enum BankStatementStatus {
  IMPORTING = "IMPORTING",
  COMPLETED = "COMPLETED",
}

registerEnumType(BankStatementStatus, { name: "BankStatementStatus", description: "A statement is stored in chunks; progress shows while IMPORTING." });

export enum StatementMatchStatus {
  MATCHED = "MATCHED",
  UNMATCHED = "UNMATCHED",
  NOT_APPLICABLE = "NOT_APPLICABLE",
}

registerEnumType(StatementMatchStatus, {
  name: "StatementMatchStatus",
  description: "A credit line is MATCHED to one payment or verified deposit, or UNMATCHED (an exception); debit lines are NOT_APPLICABLE.",
});
