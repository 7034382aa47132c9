import type { ServiceStandard } from "./service-standard.entity";

/** The components of a standard (PermenPAN-RB 15/2014). */
export const STANDARD_COMPONENTS = 14;

const text = (value: string | null | undefined) => typeof value === "string" && value.trim().length > 0;

/** How many of the 14 components a standard fills; a fee of 0 (free) is filled. */
export function filledComponents(s: Pick<ServiceStandard,
  "requirements" | "procedure" | "completionTime" | "completionUnit" | "fee" | "product" | "complaintChannel" | "legalBasis" | "facilities"
  | "staffCompetence" | "internalSupervision" | "staffCount" | "serviceGuarantee" | "securityGuarantee" | "performanceEvaluation">): number {
  return [
    s.requirements.length > 0,
    s.procedure.length > 0,
    s.completionTime !== null && s.completionUnit !== null,
    s.fee !== null,
    text(s.product),
    text(s.complaintChannel),
    text(s.legalBasis),
    text(s.facilities),
    text(s.staffCompetence),
    text(s.internalSupervision),
    s.staffCount !== null && s.staffCount > 0,
    text(s.serviceGuarantee),
    text(s.securityGuarantee),
    text(s.performanceEvaluation),
  ].filter(Boolean).length;
}

/** Lower case without diacritics: what the catalogue's search compares. */
export function searchable(value: string): string {
  return value.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();
}
