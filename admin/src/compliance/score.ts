import type { Validator } from "react-admin";

/**
 * Ombudsman compliance scores: 0-100 with at most two decimals (server: compliance/score.ts). People
 * type them the Indonesian way ("73,02") or with a dot; the form keeps what was typed and sends a
 * number. Thresholds between categories are never checked here: the bands come from the API.
 */

const isEmpty = (value: unknown) => value === null || value === undefined || (typeof value === "string" && value.trim() === "");

/** "73,02" or "73.02" (or a number) as a number; null when empty or not a number. */
export function toScore(value: unknown): number | null {
  if (isEmpty(value)) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  const text = String(value).trim().replace(",", ".");
  return /^\d+(\.\d+)?$/.test(text) ? Number(text) : null;
}

/** 0-100 with at most two decimals; empty passes (add `required()`). Messages are translation keys. */
export const scoreValidator: Validator = (value: unknown) => {
  if (isEmpty(value)) return undefined;
  const text = typeof value === "number" ? String(value) : String(value).trim().replace(",", ".");
  if (!/^\d+(\.\d+)?$/.test(text)) return "app.compliance.validation.score_number";
  const n = Number(text);
  if (n < 0 || n > 100) return "app.compliance.validation.score_range";
  const decimals = text.split(".")[1] ?? "";
  if (decimals.replace(/0+$/, "").length > 2) return "app.compliance.validation.score_decimals";
  return undefined;
};

const intlLocale = (locale: string) => (locale === "en" ? "en-GB" : "id-ID");

/** A score with exactly two decimals in the UI language: 73,02 (English: 73.02). */
export function formatScore(value: unknown, locale: string): string {
  if (value === null || value === undefined || value === "") return "";
  const n = Number(value);
  return Number.isFinite(n)
    ? new Intl.NumberFormat(intlLocale(locale), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n)
    : String(value);
}

/** A difference with its sign: +10,20, −4,05, 0,00. */
export function formatChange(value: unknown, locale: string): string {
  if (value === null || value === undefined || value === "") return "";
  const n = Number(value);
  return Number.isFinite(n)
    ? new Intl.NumberFormat(intlLocale(locale), { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: "exceptZero" }).format(n)
    : String(value);
}

/** What a score input shows for a stored number: "73,02" in Indonesian, "73.02" in English. */
export function scoreInputText(value: unknown, locale: string): string {
  if (value === null || value === undefined) return "";
  if (typeof value !== "number") return String(value);
  const text = String(value);
  return locale === "en" ? text : text.replace(".", ",");
}
