import { badInput, type FieldErrors } from "../../common/errors";
import { addDays, localDateOf, todayInJakarta } from "../../common/local-date";
import { isValidClientId } from "./client-id";
import type { DailyReportInput } from "./receipt.inputs";
import { parseTicketNumber } from "./ticket-number";

export interface NormalizedReceipt {
  stallId: number;
  series: string;
  number: number;
  amount: number;
  collectedAt: Date | null;
}

export interface NormalizedReport {
  clientId: string;
  marketId: number;
  businessDate: string;
  note: string | null;
  receipts: NormalizedReceipt[];
}

export interface SubmissionLimits {
  reportWindowDays: number;
  maxReceiptsPerReport: number;
}

/** Devices' clocks drift; an instant this far in the future is still accepted. */
export const CLOCK_SKEW_MS = 5 * 60_000;

const positiveId = (raw: string) => (/^\d{1,15}$/.test(raw) && Number(raw) > 0 ? Number(raw) : null);

/**
 * Checks everything a report says about itself (no database), naming each bad field by its path,
 * e.g. `receipts.12.amount`. Rules that need the database (assignment, stalls) come later.
 */
export function normalizeReport(input: DailyReportInput, limits: SubmissionLimits, now: Date): NormalizedReport {
  const errors: FieldErrors = {};
  const clientId = input.clientId.trim();
  if (!isValidClientId(clientId)) errors.clientId = "must be 8-64 letters, digits, dots, colons, dashes or underscores (a UUID)";
  const marketId = positiveId(input.marketId);
  if (marketId === null) errors.marketId = "must be a positive integer id";
  const future = futureBusinessDateProblem(input.businessDate, now);
  if (future) errors.businessDate = future;
  const note = input.note?.trim() || null;
  if (note !== null && note.length > 500) errors.note = "must be at most 500 characters";
  if (input.receipts.length === 0) errors.receipts = "must contain at least one receipt";
  if (input.receipts.length > limits.maxReceiptsPerReport) {
    errors.receipts = `must contain at most ${limits.maxReceiptsPerReport} receipts; split the day into several reports`;
  }

  const receipts: NormalizedReceipt[] = [];
  const seen = new Map<string, number>();
  const latest = now.getTime() + CLOCK_SKEW_MS;
  for (const [i, r] of input.receipts.entries()) {
    if (Object.keys(errors).length >= 50) break; // enough to fix; do not echo thousands of messages
    const stallId = positiveId(r.stallId);
    if (stallId === null) errors[`receipts.${i}.stallId`] = "must be a positive integer id";
    const ticket = parseTicketNumber(r.ticketNo);
    if (!ticket) errors[`receipts.${i}.ticketNo`] = 'must be the series and number printed on the ticket, e.g. "PBC-A 000123"';
    else {
      const key = `${ticket.series}#${ticket.number}`;
      const first = seen.get(key);
      if (first !== undefined) errors[`receipts.${i}.ticketNo`] = `repeats receipt ${first} of this report`;
      else seen.set(key, i);
    }
    if (!(r.amount > 0)) errors[`receipts.${i}.amount`] = "must be more than 0 rupiah";
    const collectedAt = r.collectedAt ?? null;
    if (collectedAt) {
      if (collectedAt.getTime() > latest) errors[`receipts.${i}.collectedAt`] = "must not be in the future";
      else if (localDateOf(collectedAt) !== input.businessDate) errors[`receipts.${i}.collectedAt`] = "must fall on the business date (Asia/Jakarta)";
    }
    if (stallId !== null && ticket) receipts.push({ stallId, series: ticket.series, number: ticket.number, amount: r.amount, collectedAt });
  }
  if (Object.keys(errors).length) throw badInput(errors);
  return { clientId, marketId: marketId!, businessDate: input.businessDate, note, receipts };
}

/** What is wrong with a business date after today in Asia/Jakarta, or null: nothing is collected in advance. */
export function futureBusinessDateProblem(businessDate: string, now: Date): string | null {
  const today = todayInJakarta(now);
  return businessDate > today ? `must not be in the future (today is ${today} in Asia/Jakarta)` : null;
}

/** Whether the business date lies outside the window a collector may still report in. */
export function isBeyondReportWindow(businessDate: string, windowDays: number, now: Date): boolean {
  return businessDate < addDays(todayInJakarta(now), -windowDays);
}
