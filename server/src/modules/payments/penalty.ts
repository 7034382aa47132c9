/** Interest on a late SKRD: a share of the principal for every started month late, up to a cap. */
export interface PenaltyRule {
  /** Percent of the principal per started month late (1 = 1 %). */
  percentPerMonth: number;
  maxMonths: number;
}

/** The same day `months` later, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(day: string, months: number): string {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7)) - 1 + months;
  const targetYear = year + Math.floor(month / 12);
  const targetMonth = ((month % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  const dayOfMonth = Math.min(Number(day.slice(8, 10)), lastDay);
  return `${String(targetYear).padStart(4, "0")}-${String(targetMonth + 1).padStart(2, "0")}-${String(dayOfMonth).padStart(2, "0")}`;
}

/**
 * Started months late on `asOf` for a bill due on `dueDate`: 0 up to and including the due date,
 * 1 from the day after it until the same day a month later, and so on.
 */
export function monthsLate(dueDate: string, asOf: string): number {
  if (asOf <= dueDate) return 0;
  let months = 1;
  while (addMonths(dueDate, months) < asOf) months++;
  return months;
}

/** Whole rupiah, rounded down: a late payer never owes a fraction of a rupiah more than the rule says. */
export function penaltyOf(principal: number, dueDate: string, asOf: string, rule: PenaltyRule): { months: number; penalty: number } {
  const months = Math.min(monthsLate(dueDate, asOf), rule.maxMonths);
  return { months, penalty: Math.floor((principal * rule.percentPerMonth * months) / 100) };
}

/** The last day (YYYY-MM-DD) of a month given as YYYY-MM. */
export function lastDayOfMonth(period: string): string {
  return new Date(Date.UTC(Number(period.slice(0, 4)), Number(period.slice(5, 7)), 0)).toISOString().slice(0, 10);
}

/** The due date of a period's bill: day `dueDay` of the following month (clamped to its length). */
export function dueDateOf(period: string, dueDay: number): string {
  const nextMonth = addMonths(`${period}-01`, 1).slice(0, 7);
  const lastDay = Number(lastDayOfMonth(nextMonth).slice(8, 10));
  return `${nextMonth}-${String(Math.min(dueDay, lastDay)).padStart(2, "0")}`;
}
