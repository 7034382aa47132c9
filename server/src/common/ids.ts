import { badInput } from "./errors";

/** IDs travel as GraphQL `ID` strings; the database keys are positive integers. */
export function parseId(raw: string | number, field = "id"): number {
  const value = typeof raw === "number" ? raw : /^\d{1,15}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(value) || value <= 0) throw badInput({ [field]: "must be a positive integer id" });
  return value;
}

export function parseOptionalId(raw: string | number | null | undefined, field: string): number | null {
  return raw === null || raw === undefined || raw === "" ? null : parseId(raw, field);
}
