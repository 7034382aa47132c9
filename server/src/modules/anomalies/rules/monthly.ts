import { addDays } from "../../../common/local-date";

/** A calendar month as its first and last day (YYYY-MM-DD). */
export interface Month {
  first: string;
  last: string;
}

/**
 * The months whose first day lies in [from, to]. Rules that judge a whole month (a pattern, not one
 * event) date their findings on the month's first day, so a run judges exactly the months it would
 * auto-resolve, and runs over different windows agree on the fingerprint.
 */
export function monthsStartingIn(from: string, to: string): Month[] {
  const out: Month[] = [];
  let first = from.slice(8, 10) === "01" ? from : nextMonth(from);
  while (first <= to) {
    const following = nextMonth(first);
    out.push({ first, last: addDays(following, -1) });
    first = following;
  }
  return out;
}

function nextMonth(day: string): string {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, "0")}-01`;
}
