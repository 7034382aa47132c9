import { badInput, type FieldErrors } from "../../common/errors";
import { CLOCK_SKEW_MS } from "../receipts/submission-rules";
import { PaymentChannel } from "./payment.enums";

/** A payment as a channel reports it, from recordPayment or a webhook body. */
export interface PaymentNotice {
  channel: PaymentChannel;
  externalRef: string;
  paymentCode: string;
  amount: number;
  paidAt: Date;
  payerName: string | null;
  issuer: string | null;
  rawNotification: Record<string, unknown> | null;
}

const REFERENCE = /^[A-Za-z0-9][A-Za-z0-9._/:-]{0,63}$/;
const PAYMENT_CODE = /^[A-Za-z0-9]{4,20}$/;
const EARLIEST_PAYMENT = Date.UTC(2000, 0, 1);
/** Larger notifications are not payment notices; the column and the audit log stay small. */
export const MAX_RAW_NOTIFICATION_BYTES = 16 * 1024;

function optionalText(value: unknown, field: string, max: number, errors: FieldErrors): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== "string") {
    errors[field] = "must be text";
    return null;
  }
  const text = value.trim();
  if (text.length > max) errors[field] = `must be at most ${max} characters`;
  return text || null;
}

/** Checks and trims a notice; every problem is reported at once, with its field. */
export function normalizeNotice(raw: {
  channel: unknown; externalRef: unknown; paymentCode: unknown; amount: unknown; paidAt: unknown;
  payerName?: unknown; issuer?: unknown; rawNotification?: unknown;
}, now: Date): PaymentNotice {
  const errors: FieldErrors = {};
  const channel = raw.channel as PaymentChannel;
  if (!Object.values(PaymentChannel).includes(channel)) errors.channel = `must be one of ${Object.values(PaymentChannel).join(", ")}`;
  const externalRef = typeof raw.externalRef === "string" ? raw.externalRef.trim() : "";
  if (!REFERENCE.test(externalRef)) errors.externalRef = "must be the channel's reference: 1-64 letters, digits, dots, slashes, colons or dashes";
  const paymentCode = typeof raw.paymentCode === "string" ? raw.paymentCode.trim() : "";
  if (!PAYMENT_CODE.test(paymentCode)) errors.paymentCode = "must be the kode bayar: 4-20 letters or digits";
  const amount = raw.amount;
  if (typeof amount !== "number" || !Number.isSafeInteger(amount) || amount <= 0) errors.amount = "must be a whole number of rupiah above 0";
  let paidAt = raw.paidAt instanceof Date ? raw.paidAt : null;
  if (typeof raw.paidAt === "string" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(raw.paidAt)) {
    paidAt = new Date(raw.paidAt);
  }
  if (!paidAt || Number.isNaN(paidAt.getTime())) errors.paidAt = "must be an ISO 8601 instant with its offset, e.g. 2026-11-20T09:15:00+07:00";
  else if (paidAt.getTime() > now.getTime() + CLOCK_SKEW_MS) errors.paidAt = "must not be in the future";
  else if (paidAt.getTime() < EARLIEST_PAYMENT) errors.paidAt = "must be after 2000";
  const payerName = optionalText(raw.payerName, "payerName", 120, errors);
  const issuer = optionalText(raw.issuer, "issuer", 60, errors);
  let rawNotification: Record<string, unknown> | null = null;
  if (raw.rawNotification !== undefined && raw.rawNotification !== null) {
    if (typeof raw.rawNotification !== "object" || Array.isArray(raw.rawNotification)) errors.rawNotification = "must be a JSON object";
    else if (Buffer.byteLength(JSON.stringify(raw.rawNotification)) > MAX_RAW_NOTIFICATION_BYTES) {
      errors.rawNotification = `must be at most ${MAX_RAW_NOTIFICATION_BYTES} bytes as JSON`;
    } else rawNotification = raw.rawNotification as Record<string, unknown>;
  }
  if (Object.keys(errors).length) throw badInput(errors);
  return { channel, externalRef, paymentCode, amount: amount as number, paidAt: paidAt!, payerName, issuer, rawNotification };
}
