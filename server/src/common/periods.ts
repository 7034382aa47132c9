/**
 * Validity periods are inclusive local-date ranges; an open end (null) runs forever.
 * Dates in YYYY-MM-DD compare correctly as strings.
 */
export interface Period {
  validFrom: string;
  validTo: string | null;
}

export function periodsOverlap(a: Period, b: Period): boolean {
  const aEndsBeforeB = a.validTo !== null && a.validTo < b.validFrom;
  const bEndsBeforeA = b.validTo !== null && b.validTo < a.validFrom;
  return !aEndsBeforeB && !bEndsBeforeA;
}

export function isActiveOn(period: Period, day: string): boolean {
  return period.validFrom <= day && (period.validTo === null || period.validTo >= day);
}
