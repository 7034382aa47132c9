import type { ValueTransformer } from "typeorm";

/**
 * Money is integer rupiah in `bigint` columns. mysql2 returns BIGINT as a string; the value is
 * checked to be a safe integer so that a corrupted row fails loudly instead of rounding.
 */
export const moneyTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null): number | null => {
    if (value === null || value === undefined) return null;
    const n = typeof value === "number" ? value : Number(value);
    if (!Number.isSafeInteger(n)) throw new Error(`Money column holds a non-integer value: ${value}`);
    return n;
  },
};

/** Fixed-scale decimals (coordinates) arrive as strings from MySQL; numbers are what callers use. */
export const decimalTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null): number | null =>
    value === null || value === undefined ? null : Number(value),
};
