import { todayInJakarta } from "../common/dates";

export type PeriodKind = "today" | "month" | "year" | "custom";

export interface DashboardPeriod {
  kind: PeriodKind;
  from: string;
  to: string;
}

/** Longer ranges are drawn per month: a day-by-day line over a year is unreadable on a phone. */
const MAX_DAYS_BY_DAY = 62;

const DAY_MS = 86_400_000;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;

/** The business days a preset covers, up to today (Asia/Jakarta). */
export function presetPeriod(kind: Exclude<PeriodKind, "custom">, now = new Date()): DashboardPeriod {
  const today = todayInJakarta(now);
  if (kind === "today") return { kind, from: today, to: today };
  if (kind === "month") return { kind, from: `${today.slice(0, 7)}-01`, to: today };
  return { kind, from: `${today.slice(0, 4)}-01-01`, to: today };
}

export function trendGrouping(period: DashboardPeriod): "DAY" | "MONTH" {
  return dayNumber(period.to) - dayNumber(period.from) + 1 > MAX_DAYS_BY_DAY ? "MONTH" : "DAY";
}

export const isLocalDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
