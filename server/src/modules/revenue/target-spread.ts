/**
 * A yearly target spread evenly over the days of its year in whole rupiah: the first k days of the
 * year carry floor(amount * k / daysInYear), so any run of days gets its fair share and a whole year
 * adds up to the amount exactly.
 */
export function targetShare(amount: number, firstDay: string, lastDay: string): number {
  const year = Number(firstDay.slice(0, 4));
  if (Number(lastDay.slice(0, 4)) !== year) throw new Error("targetShare works within one year");
  const daysInYear = isLeapYear(year) ? 366 : 365;
  const cumulative = (dayOfYear: number) => Math.floor((amount * dayOfYear) / daysInYear);
  return cumulative(dayOfYear(lastDay)) - cumulative(dayOfYear(firstDay) - 1);
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function dayOfYear(day: string): number {
  const t = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
  return Math.round((t - Date.UTC(Number(day.slice(0, 4)), 0, 1)) / 86_400_000) + 1;
}
