/**
 * The compliance resources' refusals in the UI language. The server answers in English
 * (`BAD_USER_INPUT` with `extensions.fields`, `CONFLICT` for a second assessment of the same agency
 * and year); the problems it is known to give become translation keys, anything else is shown as the
 * server wrote it. Used by the data provider for the resources below.
 */

export const COMPLIANCE_RESOURCES = ["ComplianceAssessment", "ComplianceTarget", "CompliancePublishedAverage"] as const;

/** react-admin's format for a validation message with arguments (ValidationError parses it). */
const withArgs = (message: string, args: Record<string, unknown>) => `@@react-admin@@${JSON.stringify({ message, args })}`;

const SCORE_FIELDS = new Set(["score", "inputScore", "processScore", "outputScore", "complaintsScore", "target", "average"]);

/** One field's problem as a translation key (with arguments) when known; otherwise the server's text. */
export function complianceProblem(field: string, problem: string): string {
  if (SCORE_FIELDS.has(field)) {
    if (/two decimals/i.test(problem)) return "app.compliance.validation.score_decimals";
    if (/between 0 and 100/i.test(problem)) return "app.compliance.validation.score_range";
    if (/must be a number/i.test(problem)) return "app.compliance.validation.score_number";
  }
  if (field === "year") {
    const future = /after the current year \((\d{4})\)/i.exec(problem);
    if (future) return withArgs("app.compliance.server.year_future", { year: future[1] });
    if (/between 2000 and 2100/i.test(problem)) return "app.compliance.server.year_range";
  }
  if (field === "agencyId" && /does not exist|must be an id/i.test(problem)) return "app.compliance.server.agency_missing";
  return problem;
}

/** A CONFLICT (unique agency+year, or year) as field errors, so the form marks what to change. */
export function complianceConflict(resource: string): Record<string, string> {
  if (resource === "ComplianceAssessment") {
    return { agencyId: "app.compliance.server.duplicate_assessment", year: "app.compliance.server.duplicate_assessment" };
  }
  return { year: "app.compliance.server.duplicate_year" };
}

export const isComplianceResource = (resource: unknown): boolean =>
  typeof resource === "string" && (COMPLIANCE_RESOURCES as readonly string[]).includes(resource);
