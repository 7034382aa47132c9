import type { EntityManager } from "typeorm";
import { placeholders } from "../../database/sql-values";
import type { VenueKind } from "./venue.enums";

export interface ServiceLocationRow {
  venueId: number;
  venueName: string;
  venueKind: VenueKind;
  address: string;
  openingHours: string | null;
  counterNumber: number;
}

/** SQL (positional: the day twice): counter `c` serves that day at its venue `v`, which is open. */
export const COUNTER_SERVES_ON = "v.active = 1 AND c.active_from <= ? AND (c.active_to IS NULL OR c.active_to >= ?)";

/** Per service: the open venues and counters offering it on `day`, by venue name and counter number. */
export async function serviceLocations(em: EntityManager, serviceIds: readonly number[], day: string): Promise<Map<number, ServiceLocationRow[]>> {
  const out = new Map<number, ServiceLocationRow[]>(serviceIds.map((id) => [id, []]));
  if (serviceIds.length === 0) return out;
  const rows: Array<Record<string, unknown>> = await em.query(
    `SELECT cs.service_id, v.id AS venue_id, v.name, v.kind, v.address, v.opening_hours, c.counter_number
     FROM venue_counter_service cs JOIN venue_counter c ON c.id = cs.counter_id JOIN service_venue v ON v.id = c.venue_id
     WHERE cs.service_id IN (${placeholders(serviceIds.length)}) AND ${COUNTER_SERVES_ON}
     ORDER BY v.name, c.counter_number, c.id`,
    [...serviceIds, day, day],
  );
  for (const r of rows) {
    out.get(Number(r.service_id))?.push({
      venueId: Number(r.venue_id), venueName: String(r.name), venueKind: r.kind as VenueKind, address: String(r.address),
      openingHours: r.opening_hours === null ? null : String(r.opening_hours), counterNumber: Number(r.counter_number),
    });
  }
  return out;
}
