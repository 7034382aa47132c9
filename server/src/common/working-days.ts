import { addDays } from "./local-date";

/** ISO weekday of a YYYY-MM-DD day: 1 Monday .. 7 Sunday. */
export function isoWeekday(day: string): number {
  return ((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
}

/** Banks and offices are closed at weekends and on public holidays (cuti bersama included). */
export function isWorkingDay(day: string, holidays: ReadonlySet<string> = new Set()): boolean {
  return isoWeekday(day) <= 5 && !holidays.has(day);
}

/** The `n`-th working day after `day` (n = 1: the next working day). */
export function addWorkingDays(day: string, n: number, holidays: ReadonlySet<string> = new Set()): string {
  let d = day;
  for (let left = n; left > 0; ) {
    d = addDays(d, 1);
    if (isWorkingDay(d, holidays)) left--;
  }
  return d;
}
