import { addDays, localDateOf } from "../../common/local-date";
import { addWorkingDays } from "../../common/working-days";
import { SlaState } from "./complaint.enums";

/** The SP4N-LAPOR! service levels in force (Perpres 76/2013 defaults: 3 working days, 5 working days, 60 days). */
export interface ComplaintSlaRules {
  /** Working days after the day of receipt by whose end a report is verified. */
  verifyWorkingDays: number;
  /** Working days after the day of disposition by whose end the agency posts its first follow-up. */
  followUpWorkingDays: number;
  /** Calendar days after the day of receipt by whose end the complaint is resolved. */
  resolveDays: number;
  /** Public holidays and cuti bersama (YYYY-MM-DD): not working days. */
  holidays: ReadonlySet<string>;
}

export const DEFAULT_COMPLAINT_SLA: ComplaintSlaRules = { verifyWorkingDays: 3, followUpWorkingDays: 5, resolveDays: 60, holidays: new Set() };

/**
 * A deadline is a whole Asia/Jakarta day: a step is on time when done before that day ends. Days are
 * counted from the Jakarta calendar day of the starting instant, whatever its hour: received on
 * Friday at 23:00 or on Saturday, the 3rd working day after is the same Wednesday.
 */
export function verifyDueDate(receivedAt: Date, rules: ComplaintSlaRules): string {
  return addWorkingDays(localDateOf(receivedAt), rules.verifyWorkingDays, rules.holidays);
}

export function followUpDueDate(disposedAt: Date, rules: ComplaintSlaRules): string {
  return addWorkingDays(localDateOf(disposedAt), rules.followUpWorkingDays, rules.holidays);
}

export function resolveDueDate(receivedAt: Date, rules: ComplaintSlaRules): string {
  return addDays(localDateOf(receivedAt), rules.resolveDays);
}

/** The first instant after a Jakarta day (its exclusive end): a step done before it is on time. */
export function endOfJakartaDay(day: string): Date {
  return new Date(`${addDays(day, 1)}T00:00:00+07:00`);
}

/** The Jakarta day whose end is `dueAt`. */
export function dueDateOf(dueAt: Date): string {
  return localDateOf(new Date(dueAt.getTime() - 1));
}

/**
 * One deadline's state. `dueAt` null: the step has not started (no disposition yet); `closed`: the
 * complaint ended (not our authority, archived) without the step.
 */
export function slaState(dueAt: Date | null, doneAt: Date | null, closed: boolean, now: Date): SlaState {
  if (dueAt === null) return SlaState.NOT_APPLICABLE;
  if (doneAt !== null) return doneAt < dueAt ? SlaState.MET : SlaState.LATE;
  if (closed) return SlaState.NOT_APPLICABLE;
  return now < dueAt ? SlaState.PENDING : SlaState.OVERDUE;
}

/** Whole calendar days from the Jakarta day of `from` to that of `to`. */
export function daysBetween(from: Date, to: Date): number {
  return Math.round((Date.parse(localDateOf(to)) - Date.parse(localDateOf(from))) / 86_400_000);
}

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
