import { badInput, type FieldErrors } from "../../common/errors";
import { isValidLocalDate } from "../../common/local-date";
import type { ReportSpec } from "./report-catalogue";

/** A report's parameters after checking: ids as numbers, dates and months as given. */
export type ReportParameters = Record<string, string | number | undefined>;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/**
 * Checks a download's query string against the report's parameters: every required one present,
 * each of its kind, nothing unknown (a misspelt parameter must not silently widen a report).
 */
export function parseReportParameters(spec: ReportSpec, query: Record<string, unknown>): ReportParameters {
  const errors: FieldErrors = {};
  const known = new Set(spec.parameters.map((p) => p.name));
  for (const name of Object.keys(query)) {
    if (!known.has(name)) errors[name] = `is not a parameter of ${spec.name} (it takes ${[...known].join(", ")})`;
  }
  const out: ReportParameters = {};
  for (const p of spec.parameters) {
    const raw = query[p.name];
    if (raw === undefined || raw === "") {
      if (p.required) errors[p.name] = "is required";
      continue;
    }
    if (typeof raw !== "string") {
      errors[p.name] = "must be given once";
      continue;
    }
    if (p.kind === "ID") {
      if (/^\d{1,15}$/.test(raw) && Number(raw) > 0) out[p.name] = Number(raw);
      else errors[p.name] = "must be a positive integer id";
    } else if (p.kind === "LOCAL_DATE") {
      if (isValidLocalDate(raw)) out[p.name] = raw;
      else errors[p.name] = "must be a date YYYY-MM-DD";
    } else if (MONTH.test(raw)) out[p.name] = raw;
    else errors[p.name] = "must be a month YYYY-MM";
  }
  if (Object.keys(errors).length) throw badInput(errors);
  return out;
}
