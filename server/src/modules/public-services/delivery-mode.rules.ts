import type { FieldErrors } from "../../common/errors";
import { DeliveryMode, type PostageBorneBy } from "./innovation.enums";

/** A delivery mode as written: ids parsed, texts trimmed (blank is null). */
export interface DeliveryModeValues {
  mode: DeliveryMode;
  venueId: number | null;
  url: string | null;
  fullyOnline: boolean | null;
  postageBorneBy: PostageBorneBy | null;
  typicalDays: number | null;
  places: string | null;
  frequency: string | null;
  note: string | null;
}

type ModeField = Exclude<keyof DeliveryModeValues, "mode" | "note">;

/** What each mode must say; everything else belongs to another mode and must stay null. */
export const FIELDS_OF_MODE: Readonly<Record<DeliveryMode, readonly ModeField[]>> = {
  [DeliveryMode.COUNTER]: ["venueId"],
  [DeliveryMode.ONLINE]: ["url", "fullyOnline"],
  [DeliveryMode.POSTAL_DELIVERY]: ["postageBorneBy", "typicalDays"],
  [DeliveryMode.OUTREACH]: ["places", "frequency"],
};
const ALL_FIELDS = Object.values(FIELDS_OF_MODE).flat();

/** Singular by nature: a service has one online application and one way of posting its product. */
const AT_MOST_ONCE: readonly DeliveryMode[] = [DeliveryMode.ONLINE, DeliveryMode.POSTAL_DELIVERY];

/**
 * The problems of a service's whole set of modes, by field path `modes.<i>.<field>`: missing or
 * foreign fields per mode, a second ONLINE or POSTAL_DELIVERY, the same venue's counter twice.
 */
export function deliveryModeErrors(modes: readonly DeliveryModeValues[], prefix = "modes"): FieldErrors {
  const errors: FieldErrors = {};
  const seen = new Map<string, number>();
  modes.forEach((m, i) => {
    const own = FIELDS_OF_MODE[m.mode];
    for (const field of own) {
      if (m[field] === null) errors[`${prefix}.${i}.${field}`] = `is required for ${m.mode}`;
    }
    for (const field of ALL_FIELDS) {
      if (!own.includes(field) && m[field] !== null) errors[`${prefix}.${i}.${field}`] = `must be empty for ${m.mode}`;
    }
    const key = AT_MOST_ONCE.includes(m.mode) ? m.mode : m.mode === DeliveryMode.COUNTER && m.venueId !== null ? `COUNTER@${m.venueId}` : null;
    if (key === null) return;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, i);
    else if (m.mode === DeliveryMode.COUNTER) errors[`${prefix}.${i}.venueId`] = `repeats the counter of ${prefix}.${first}`;
    else errors[`${prefix}.${i}.mode`] = `a service has at most one ${m.mode} mode (see ${prefix}.${first})`;
  });
  return errors;
}
