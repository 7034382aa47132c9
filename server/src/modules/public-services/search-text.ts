import { In, type EntityManager } from "typeorm";
import { placeholders } from "../../database/sql-values";
import { Agency } from "./agency.entity";
import { CURRENT } from "./catalogue.service";
import { searchable } from "./completeness";
import { PublicService } from "./public-service.entity";

/** Recomputes the search text of one service or of all of an agency's services. */
export async function refreshSearchText(em: EntityManager, which: { serviceId: number } | { agencyId: number }): Promise<void> {
  const services = await em.find(PublicService, { where: "serviceId" in which ? { id: which.serviceId } : { agencyId: which.agencyId } });
  if (services.length === 0) return;
  const agencies = new Map((await em.findBy(Agency, { id: In([...new Set(services.map((s) => s.agencyId))]) })).map((a) => [a.id, a]));
  const standards: Array<{ service_id: number; requirements: string }> = await em.query(
    `SELECT st.service_id, st.requirements FROM service_standard st WHERE ${CURRENT} AND st.service_id IN (${placeholders(services.length)})`,
    services.map((s) => s.id),
  );
  const requirementsOf = new Map(standards.map((r) => [Number(r.service_id), (JSON.parse(r.requirements) as string[]).join(" ")]));
  for (const s of services) {
    const agency = agencies.get(s.agencyId);
    const text = searchable([s.name, s.category, agency?.name ?? "", agency?.shortName ?? "", requirementsOf.get(s.id) ?? ""].join(" ")).slice(0, 4000);
    if (text !== s.searchText) await em.update(PublicService, s.id, { searchText: text });
  }
}
