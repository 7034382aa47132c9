import type { RefusalTranslator } from "../providers/dataProvider";
import { i18nProvider } from "../providers/i18nProvider";

/**
 * The venue resources' refusals in the UI language. The server answers in English
 * (`BAD_USER_INPUT` naming fields, `CONFLICT` for a second record of a venue and month); what it
 * is known to say becomes the UI's words, anything else is shown as the server wrote it.
 */
export const VENUE_RESOURCES = ["ServiceVenue", "VenueCounter", "Facility", "VenueVisits"] as const;

const t = (key: string, args?: Record<string, unknown>) => i18nProvider.translate(`app.venue.server.${key}`, args);

export function venueProblem(field: string, problem: string): string {
  let m: RegExpExecArray | null;
  if (field === "counterNumber" && /already in use/i.test(problem)) return t("counter_in_use");
  if (field === "activeTo" && /on or after/i.test(problem)) return t("date_order");
  if (field === "month" && (m = /after the current month \((\d{4}-\d{2})\)/i.exec(problem))) return t("month_future", { month: m[1] });
  if (field === "lastInspected" && (m = /after today \((\d{4}-\d{2}-\d{2})\)/i.exec(problem))) return t("inspected_future", { day: m[1] });
  if (field.startsWith("serviceIds") && /another agency/i.test(problem)) return t("other_agency_service");
  if (field.startsWith("serviceIds") && /twice/i.test(problem)) return t("service_twice");
  if (/does not exist/i.test(problem)) return t("missing");
  if (field === "agencyId" && /required for an agency's office/i.test(problem)) return t("agency_required");
  return problem;
}

/** A `serviceIds.2` problem marks the services input as a whole. */
const inputOf = (field: string) => field.replace(/\.\d+$/, "");

export const translateVenueRefusal =
  (resource: string): RefusalTranslator =>
  (code, message, problems) => {
    if (code === "FORBIDDEN") return { message: t("forbidden"), problems: {} };
    if (code === "CONFLICT" && Object.keys(problems).length === 0) {
      if (resource === "VenueVisits") return { message: t("refused"), problems: { month: t("duplicate_visits"), venueId: t("duplicate_visits") } };
      if (resource === "ServiceVenue") return { message: t("refused"), problems: { name: t("duplicate_venue") } };
      return { message, problems };
    }
    const entries = Object.entries(problems).map(([field, problem]) => [field, problem, venueProblem(field, problem)] as const);
    const translated = Object.fromEntries(entries.map(([field, , text]) => [inputOf(field), text]));
    const known = entries.every(([, problem, text]) => text !== problem);
    return { message: known ? t("refused") : message, problems: translated };
  };
