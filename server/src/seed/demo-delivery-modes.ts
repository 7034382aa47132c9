import type { EntityManager } from "typeorm";
import { ServiceDeliveryMode } from "../modules/public-services/delivery-mode.entity";
import { DeliveryMode, PostageBorneBy } from "../modules/public-services/innovation.enums";
import { PublicService } from "../modules/public-services/public-service.entity";
import { DUKCAPIL_DOCUMENTS } from "./demo-innovations";

/**
 * How the demo services are delivered. COUNTER: the venues whose seeded counters offer the service
 * today. ONLINE: the services seeded with an application address. POSTAL_DELIVERY (Sitepak) and
 * OUTREACH (Botram) for Disdukcapil's documents: that these exist is REAL (issue 9); their details
 * below are ASSUMED or SYNTHETIC, as marked.
 */

/**
 * Fully online where the seeded procedure is done in the application from start to finish (OSS
 * issues the NIB); not where it has an in-person step (passport interview) or a technical review
 * and payment the seed does not say are online (PBG). An assumption from the seed, not a source.
 */
const FULLY_ONLINE = new Set(["Nomor Induk Berusaha (NIB) dan Izin Usaha"]);

const SITEPAK = {
  // ASSUMPTION: nothing here says who pays the postage; the government is assumed to.
  postageBorneBy: PostageBorneBy.GOVERNMENT,
  // SYNTHETIC: a plausible delivery time, not a published one.
  typicalDays: 7,
  note: "Sitepak: dokumen dikirim melalui pos (lama pengiriman: contoh)",
};
const BOTRAM = {
  // SYNTHETIC: the kinds of places and the schedule are illustrative, not Disdukcapil's published plan.
  places: "desa/kelurahan, sekolah, rumah sakit, panti",
  frequency: "terjadwal",
  note: "Botram: jemput bola (tempat dan jadwal: contoh)",
};

export async function seedDemoDeliveryModes(em: EntityManager, today: string): Promise<void> {
  const services = await em.find(PublicService, { order: { id: "ASC" } });
  const venues: Array<Record<string, unknown>> = await em.query(
    `SELECT DISTINCT cs.service_id, c.venue_id FROM venue_counter_service cs JOIN venue_counter c ON c.id = cs.counter_id
     WHERE c.active_from <= ? AND (c.active_to IS NULL OR c.active_to >= ?) ORDER BY cs.service_id, c.venue_id`,
    [today, today],
  );
  const empty = { venueId: null, url: null, fullyOnline: null, postageBorneBy: null, typicalDays: null, places: null, frequency: null, note: null };
  const rows: Array<Partial<ServiceDeliveryMode>> = [];
  for (const s of services) {
    const modes: Array<Partial<ServiceDeliveryMode>> = venues
      .filter((v) => Number(v.service_id) === s.id)
      .map((v) => ({ ...empty, mode: DeliveryMode.COUNTER, venueId: Number(v.venue_id) }));
    if (s.onlineUrl) modes.push({ ...empty, mode: DeliveryMode.ONLINE, url: s.onlineUrl, fullyOnline: FULLY_ONLINE.has(s.name) });
    if ((DUKCAPIL_DOCUMENTS as readonly string[]).includes(s.name)) {
      modes.push({ ...empty, mode: DeliveryMode.POSTAL_DELIVERY, ...SITEPAK }, { ...empty, mode: DeliveryMode.OUTREACH, ...BOTRAM });
    }
    rows.push(...modes.map((m, position) => ({ ...m, serviceId: s.id, position })));
  }
  if (rows.length) await em.insert(ServiceDeliveryMode, rows);
}
