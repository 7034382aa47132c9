/**
 * A yearly target spread evenly over the days of its year in whole rupiah: the first k days of the
 * year carry floor(amount * k / daysInYear), so any run of days gets its fair share and a whole year
 * adds up to the amount exactly.
 */

/** A run of days within one year, by day of year (1-based, inclusive). */
export interface YearSlice {
  year: number;
  firstDay: number;
  lastDay: number;
  daysInYear: number;
}

export function targetShare(amount: number, slice: YearSlice): number {
  const cumulative = (day: number) => Math.floor((amount * day) / slice.daysInYear);
  return cumulative(slice.lastDay) - cumulative(slice.firstDay - 1);
}

/** Splits [first, last] (YYYY-MM-DD) at year boundaries, because targets are yearly. */
export function yearSlices(first: string, last: string): YearSlice[] {
  const out: YearSlice[] = [];
  for (let year = Number(first.slice(0, 4)); year <= Number(last.slice(0, 4)); year++) {
    const daysInYear = isLeapYear(year) ? 366 : 365;
    const a = first > `${year}-01-01` ? first : `${year}-01-01`;
    const b = last < `${year}-12-31` ? last : `${year}-12-31`;
    out.push({ year, firstDay: dayOfYear(a), lastDay: dayOfYear(b), daysInYear });
  }
  return out;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function dayOfYear(day: string): number {
  const t = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
  return Math.round((t - Date.UTC(Number(day.slice(0, 4)), 0, 1)) / 86_400_000) + 1;
}
