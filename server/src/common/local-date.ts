/** Business dates are calendar days in Asia/Jakarta (UTC+7, no daylight saving), as YYYY-MM-DD. */
export const BUSINESS_TIME_ZONE = "Asia/Jakarta";

const formatter = new Intl.DateTimeFormat("en-CA", {
  timeZone: BUSINESS_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

export function localDateOf(instant: Date): string {
  return formatter.format(instant);
}

export function todayInJakarta(now: Date = new Date()): string {
  return localDateOf(now);
}

export function isValidLocalDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
