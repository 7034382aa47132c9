import { notFound } from "../../common/errors";
import type { Database } from "../../database/database";
import { placeholders, toInteger } from "../../database/sql-values";
import { todayInJakarta } from "../../common/local-date";
import { Agency } from "./agency.entity";
import { searchable, STANDARD_COMPONENTS } from "./completeness";
import { DeliveryMode } from "./innovation.enums";
import { PublicService } from "./public-service.entity";
import { ServiceStandard } from "./service-standard.entity";
import { COUNTER_SERVES_ON, serviceLocations, type ServiceLocationRow } from "./service-locations";

export interface CatalogueEntry {
  service: PublicService;
  agency: Agency;
  standard: ServiceStandard;
}

export interface AgencyCompletenessRow {
  agencyId: number;
  services: number;
  publishedServices: number;
  filledComponents: number;
  possibleComponents: number;
}

/** The current published version of each service: published and not superseded. */
export const CURRENT = "st.published_at IS NOT NULL AND st.superseded_at IS NULL";

/** SQL over a delivery mode `dm`: the service is obtained without going to an office. */
const REMOTE = `(dm.mode IN ('${DeliveryMode.POSTAL_DELIVERY}', '${DeliveryMode.OUTREACH}') OR (dm.mode = '${DeliveryMode.ONLINE}' AND dm.fully_online = 1))`;

/**
 * The public catalogue (readable without login): active services of active agencies with a
 * published standard, searched case- and accent-insensitively, optionally only those offered today at
 * an open venue's counter or delivered in a given mode; where each is offered; and the completeness figures.
 */
export class CatalogueService {
  constructor(private readonly db: Database, private readonly maxPageSize: number) {}

  async search(params: {
    search?: string | null; agencyId?: number | null; venueId?: number | null; deliveryMode?: DeliveryMode | null; remote?: boolean; page?: number | null;
    perPage?: number | null;
  }): Promise<{ items: CatalogueEntry[]; total: number }> {
    const perPage = Math.min(Math.max(params.perPage ?? 20, 1), this.maxPageSize);
    const page = Math.max(params.page ?? 0, 0);
    // Each word must appear; LIKE wildcards typed by the visitor are taken as spaces.
    const words = searchable((params.search ?? "").replace(/[%_\\]/g, " ")).split(" ").filter(Boolean).slice(0, 10);
    const where = ["s.active = 1", "a.active = 1", ...words.map(() => "s.search_text LIKE ?")];
    const values: unknown[] = words.map((w) => `%${w}%`);
    if (params.agencyId) {
      where.push("s.agency_id = ?");
      values.push(params.agencyId);
    }
    if (params.venueId) {
      const today = todayInJakarta();
      where.push(`EXISTS (SELECT 1 FROM venue_counter_service cs JOIN venue_counter c ON c.id = cs.counter_id JOIN service_venue v ON v.id = c.venue_id
                          WHERE cs.service_id = s.id AND c.venue_id = ? AND ${COUNTER_SERVES_ON})`);
      values.push(params.venueId, today, today);
    }
    if (params.deliveryMode) {
      where.push("EXISTS (SELECT 1 FROM service_delivery_mode dm WHERE dm.service_id = s.id AND dm.mode = ?)");
      values.push(params.deliveryMode);
    }
    if (params.remote) where.push(`EXISTS (SELECT 1 FROM service_delivery_mode dm WHERE dm.service_id = s.id AND ${REMOTE})`);
    const from = `FROM public_service s JOIN agency a ON a.id = s.agency_id JOIN service_standard st ON st.service_id = s.id AND ${CURRENT}
                  WHERE ${where.join(" AND ")}`;
    const [{ n }]: Array<{ n: unknown }> = await this.db.manager.query(`SELECT COUNT(*) AS n ${from}`, values);
    const ids: Array<{ id: number }> = await this.db.manager.query(
      `SELECT s.id ${from} ORDER BY s.name, s.id LIMIT ? OFFSET ?`,
      [...values, perPage, page * perPage],
    );
    return { items: await this.entries(ids.map((r) => Number(r.id))), total: toInteger(n) };
  }

  async published(id: number): Promise<CatalogueEntry> {
    const [entry] = await this.entries([id]);
    if (!entry || !entry.service.active || !entry.agency.active) throw notFound("PublicService", id);
    return entry;
  }

  /** Per service: where it is offered today (open venues' counters). */
  locationsOf(serviceIds: readonly number[]): Promise<Map<number, ServiceLocationRow[]>> {
    return serviceLocations(this.db.manager, serviceIds, todayInJakarta());
  }

  /** Services with their agency and current published standard, in the order asked; others left out. */
  private async entries(ids: number[]): Promise<CatalogueEntry[]> {
    if (ids.length === 0) return [];
    const em = this.db.manager;
    const services = await em.getRepository(PublicService).createQueryBuilder("s").where("s.id IN (:...ids)", { ids }).getMany();
    const standards = await em.getRepository(ServiceStandard).createQueryBuilder("st")
      .where("st.serviceId IN (:...ids) AND st.publishedAt IS NOT NULL AND st.supersededAt IS NULL", { ids }).getMany();
    const agencies = await em.getRepository(Agency).createQueryBuilder("a").where("a.id IN (:...ids)", { ids: [...new Set(services.map((s) => s.agencyId))] }).getMany();
    const byId = new Map(services.map((s) => [s.id, s]));
    const standardOf = new Map(standards.map((st) => [st.serviceId, st]));
    const agencyOf = new Map(agencies.map((a) => [a.id, a]));
    return ids.flatMap((id) => {
      const service = byId.get(id);
      const standard = standardOf.get(id);
      const agency = service && agencyOf.get(service.agencyId);
      return service && standard && agency ? [{ service, agency, standard }] : [];
    });
  }

  /** Per agency (active services only): how many components their published standards fill. */
  async completeness(agencyIds: number[] | null): Promise<AgencyCompletenessRow[]> {
    const filter = agencyIds === null ? "" : agencyIds.length ? ` AND s.agency_id IN (${placeholders(agencyIds.length)})` : " AND 1 = 0";
    const rows: Array<Record<string, unknown>> = await this.db.manager.query(
      `SELECT s.agency_id, COUNT(*) AS services, COUNT(st.id) AS published, COALESCE(SUM(st.filled_components), 0) AS filled
       FROM public_service s LEFT JOIN service_standard st ON st.service_id = s.id AND ${CURRENT}
       WHERE s.active = 1${filter} GROUP BY s.agency_id ORDER BY s.agency_id`,
      agencyIds ?? [],
    );
    return rows.map((r) => ({
      agencyId: Number(r.agency_id), services: toInteger(r.services), publishedServices: toInteger(r.published),
      filledComponents: toInteger(r.filled), possibleComponents: toInteger(r.services) * STANDARD_COMPONENTS,
    }));
  }
}
