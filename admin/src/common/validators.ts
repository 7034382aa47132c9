import type { Validator } from "react-admin";

const isEmpty = (value: unknown) => value === null || value === undefined || value === "";

/** At most two decimals (areas in m²). */
export const twoDecimals: Validator = (value: unknown) => {
  if (isEmpty(value)) return undefined;
  const n = Number(value);
  return Number.isFinite(n) && Math.abs(Math.round(n * 100) - n * 100) < 1e-6 ? undefined : "app.validation.two_decimals";
};

/** Whole numbers (rupiah, ticket numbers, years). */
export const integer: Validator = (value: unknown) => {
  if (isEmpty(value)) return undefined;
  return Number.isSafeInteger(Number(value)) ? undefined : "app.validation.integer";
};

export const latitude: Validator = (value: unknown) =>
  isEmpty(value) || (Number(value) >= -90 && Number(value) <= 90) ? undefined : "app.validation.latitude";

export const longitude: Validator = (value: unknown) =>
  isEmpty(value) || (Number(value) >= -180 && Number(value) <= 180) ? undefined : "app.validation.longitude";

/** For the `validTo` input: not before `validFrom` (both `YYYY-MM-DD`, so strings compare). */
export const notBefore =
  (otherSource: string): Validator =>
  (value: unknown, allValues: Record<string, unknown>) => {
    const other = allValues?.[otherSource];
    if (isEmpty(value) || isEmpty(other)) return undefined;
    return String(value) < String(other) ? "app.validation.date_order" : undefined;
  };
