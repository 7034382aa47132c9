import type { Dialect } from "../../database/database";
import { integerDivide } from "../../database/sql-values";

/**
 * SQL for one karcis of tariff row `t` for a stall of `areaDm2` square decimetres: per m² per day
 * rounds half up per stall and day; a per-unit tariff (daily, or the whole monthly amount) is the amount.
 */
export function ticketAmountSql(dialect: Dialect, areaDm2: string): string {
  return `(CASE t.basis WHEN 'PER_M2_PER_DAY' THEN ${integerDivide(dialect, `t.amount * ${areaDm2} + 50`, "100")} ELSE t.amount END)`;
}

/**
 * SQL for the share of monthly tariff row `t` on calendar day `c`: amount DIV days-in-month each day
 * and the remainder on the month's last day, so that a whole month is exactly the tariff.
 */
export function monthlyShareSql(dialect: Dialect): string {
  return `(${integerDivide(dialect, "t.amount", "c.days_in_month")} + CASE WHEN c.day_of_month = c.days_in_month THEN t.amount % c.days_in_month ELSE 0 END)`;
}
