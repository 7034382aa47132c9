import { In, type EntityManager, type SelectQueryBuilder } from "typeorm";
import { CrudService, type ResourceSpec } from "../../common/crud.service";
import { badInput } from "../../common/errors";
import { parseId } from "../../common/ids";
import { todayInJakarta } from "../../common/local-date";
import type { Database } from "../../database/database";
import { placeholders } from "../../database/sql-values";
import type { Actor } from "../auth/actor";
import type { AuditService } from "../audit/audit.service";
import type { MarketScopeService } from "../markets/market-scope.service";
import { Agency } from "./agency.entity";
import { CURRENT } from "./catalogue.service";
import { searchable } from "./completeness";
import { assertMayEditAgency } from "./editor-scope";
import { InnovationMarketLink, InnovationServiceLink } from "./innovation-link.entity";
import { Innovation } from "./innovation.entity";
import { InnovationStatus } from "./innovation.enums";
import { InnovationInput } from "./innovation.inputs";
import { PublicService } from "./public-service.entity";

/** An innovation as the public catalogue shows it, with only what is public about its services and markets. */
export interface PublicInnovationRow {
  innovation: Innovation;
  services: Array<{ id: number; name: string }>;
  marketNames: string[];
}

/** SQL over innovation `i` and its agency `a`: what the public catalogue may show. */
const PUBLIC = `i.published = 1 AND i.status <> '${InnovationStatus.RETIRED}' AND a.active = 1`;

/**
 * The innovation register. Every inventory reader reads it whole (it is the regency's account of its
 * innovations); an agency editor writes only their own agency's entries, which may still name other
 * agencies' services (an MPP innovation changes many agencies' services).
 */
export class InnovationService extends CrudService<Innovation, InnovationInput> {
  protected readonly inputClass = InnovationInput;
  protected readonly spec: ResourceSpec<Innovation> = {
    name: "Innovation",
    entity: Innovation,
    searchFields: ["name", "shortName", "description"],
    filterFields: ["agencyId", "status", "published"],
    sortFields: {
      name: "name", shortName: "shortName", agencyId: "agencyId", status: "status", published: "published", launchedOn: "launchedOn",
      createdAt: "createdAt", updatedAt: "updatedAt",
    },
    uniqueDescription: "agency and name",
  };

  constructor(db: Database, audit: AuditService, maxPageSize: number, private readonly markets: MarketScopeService) {
    super(db, audit, maxPageSize);
  }

  /** `serviceId` and `marketId` are not columns: they become conditions on the link tables here. */
  protected override async scopedQuery(actor: Actor, filter: object | null | undefined): Promise<SelectQueryBuilder<Innovation>> {
    const { serviceId, marketId, ...columns } = (filter ?? {}) as { serviceId?: string | null; marketId?: string | null };
    const qb = await super.scopedQuery(actor, columns);
    if (serviceId) {
      qb.andWhere("EXISTS (SELECT 1 FROM innovation_service l WHERE l.innovation_id = e.id AND l.service_id = :changedServiceId)", {
        changedServiceId: parseId(serviceId, "filter.serviceId"),
      });
    }
    if (marketId) {
      qb.andWhere("EXISTS (SELECT 1 FROM innovation_market l WHERE l.innovation_id = e.id AND l.market_id = :coveredMarketId)", {
        coveredMarketId: parseId(marketId, "filter.marketId"),
      });
    }
    return qb;
  }

  override async getById(actor: Actor, rawId: string | number): Promise<Innovation> {
    const innovation = await super.getById(actor, rawId);
    innovation.serviceIds = (await this.serviceIdsOf([innovation.id])).get(innovation.id) ?? [];
    innovation.marketIds = (await this.marketIdsOf([innovation.id])).get(innovation.id) ?? [];
    return innovation;
  }

  protected override async assertMayWrite(actor: Actor, i: Innovation): Promise<void> {
    await assertMayEditAgency(this.db.manager, actor, i.agencyId, "innovations");
  }

  protected toInput(i: Innovation): InnovationInput {
    return Object.assign(new InnovationInput(), {
      agencyId: String(i.agencyId), name: i.name, shortName: i.shortName, description: i.description, launchedOn: i.launchedOn, status: i.status,
      publicUrl: i.publicUrl, published: i.published, serviceIds: (i.serviceIds ?? []).map(String), marketIds: (i.marketIds ?? []).map(String),
    });
  }

  protected applyInput(i: Innovation, input: InnovationInput): void {
    const serviceIds = distinctIds(input.serviceIds, "serviceIds");
    const marketIds = distinctIds(input.marketIds, "marketIds");
    Object.assign(i, {
      agencyId: parseId(input.agencyId, "agencyId"), name: input.name.trim(), shortName: input.shortName?.trim() || null,
      description: input.description.trim(), launchedOn: input.launchedOn ?? null, status: input.status, publicUrl: input.publicUrl?.trim() || null,
      published: input.published ?? false, serviceIds, marketIds,
    });
    const today = todayInJakarta();
    if (i.launchedOn !== null && i.launchedOn > today) throw badInput({ launchedOn: `must not be after today (${today})` });
  }

  protected override async checkRules(em: EntityManager, i: Innovation): Promise<void> {
    if (!(await em.existsBy(Agency, { id: i.agencyId }))) throw badInput({ agencyId: "does not exist" });
    const serviceIds = i.serviceIds ?? [];
    if (serviceIds.length) {
      const known = new Set((await em.find(PublicService, { select: { id: true }, where: { id: In(serviceIds) } })).map((s) => s.id));
      const bad = serviceIds.findIndex((id) => !known.has(id));
      if (bad >= 0) throw badInput({ [`serviceIds.${bad}`]: "does not exist" });
    }
    const marketIds = i.marketIds ?? [];
    if (marketIds.length) {
      const known = new Set(await this.markets.allMarketIds());
      const bad = marketIds.findIndex((id) => !known.has(id));
      if (bad >= 0) throw badInput({ [`marketIds.${bad}`]: "does not exist" });
    }
  }

  /** Rewrites the lists of services and markets, in the transaction of the innovation's own write. */
  protected override async afterWrite(em: EntityManager, _before: Innovation | null, after: Innovation | null): Promise<void> {
    if (!after) return;
    if (after.serviceIds !== undefined) {
      await em.delete(InnovationServiceLink, { innovationId: after.id });
      if (after.serviceIds.length) {
        await em.insert(InnovationServiceLink, after.serviceIds.map((serviceId, position) => ({ innovationId: after.id, serviceId, position })));
      }
    }
    if (after.marketIds !== undefined) {
      await em.delete(InnovationMarketLink, { innovationId: after.id });
      if (after.marketIds.length) {
        await em.insert(InnovationMarketLink, after.marketIds.map((marketId, position) => ({ innovationId: after.id, marketId, position })));
      }
    }
  }

  /** The services each innovation changes, in order. */
  async serviceIdsOf(innovationIds: readonly number[]): Promise<Map<number, number[]>> {
    const out = new Map<number, number[]>(innovationIds.map((id) => [id, []]));
    if (innovationIds.length === 0) return out;
    const rows = await this.db.manager.find(InnovationServiceLink, { where: { innovationId: In([...innovationIds]) }, order: { innovationId: "ASC", position: "ASC" } });
    for (const row of rows) out.get(row.innovationId)?.push(row.serviceId);
    return out;
  }

  /** The markets each innovation covers, in order. */
  async marketIdsOf(innovationIds: readonly number[]): Promise<Map<number, number[]>> {
    const out = new Map<number, number[]>(innovationIds.map((id) => [id, []]));
    if (innovationIds.length === 0) return out;
    const rows = await this.db.manager.find(InnovationMarketLink, { where: { innovationId: In([...innovationIds]) }, order: { innovationId: "ASC", position: "ASC" } });
    for (const row of rows) out.get(row.innovationId)?.push(row.marketId);
    return out;
  }

  /**
   * The public catalogue of innovations, without login: published and not retired, of active
   * agencies; each word of `search` must appear in the name, short name, description or agency's names.
   * Services are limited to those the public catalogue shows; market names are public.
   */
  async publicCatalogue(params: { search?: string | null; agencyId?: number | null; page?: number | null; perPage?: number | null }): Promise<PublicInnovationRow[]> {
    const perPage = Math.min(Math.max(params.perPage ?? 100, 1), this.maxPageSize);
    const page = Math.max(params.page ?? 0, 0);
    const words = searchable((params.search ?? "").replace(/[%_\\]/g, " ")).split(" ").filter(Boolean).slice(0, 10);
    const text = "LOWER(CONCAT_WS(' ', i.name, COALESCE(i.short_name, ''), i.description, a.name, a.short_name))";
    const where = [PUBLIC, ...words.map(() => `${this.db.dialect === "sqlite" ? sqliteConcat : text} LIKE ?`)];
    const values: unknown[] = words.map((w) => `%${w}%`);
    if (params.agencyId) {
      where.push("i.agency_id = ?");
      values.push(params.agencyId);
    }
    const ids: Array<{ id: number }> = await this.db.manager.query(
      `SELECT i.id FROM innovation i JOIN agency a ON a.id = i.agency_id WHERE ${where.join(" AND ")} ORDER BY i.name, i.id LIMIT ? OFFSET ?`,
      [...values, perPage, page * perPage],
    );
    const innovationIds = ids.map((r) => Number(r.id));
    if (innovationIds.length === 0) return [];
    const em = this.db.manager;
    const innovations = new Map((await em.findBy(Innovation, { id: In(innovationIds) })).map((i) => [i.id, i]));
    const services: Array<Record<string, unknown>> = await em.query(
      `SELECT l.innovation_id, s.id, s.name FROM innovation_service l JOIN public_service s ON s.id = l.service_id JOIN agency a ON a.id = s.agency_id
       WHERE l.innovation_id IN (${placeholders(innovationIds.length)}) AND s.active = 1 AND a.active = 1
         AND EXISTS (SELECT 1 FROM service_standard st WHERE st.service_id = s.id AND ${CURRENT})
       ORDER BY l.innovation_id, l.position`,
      innovationIds,
    );
    const markets: Array<Record<string, unknown>> = await em.query(
      `SELECT l.innovation_id, m.name FROM innovation_market l JOIN market m ON m.id = l.market_id
       WHERE l.innovation_id IN (${placeholders(innovationIds.length)}) ORDER BY l.innovation_id, l.position`,
      innovationIds,
    );
    return innovationIds.flatMap((id) => {
      const innovation = innovations.get(id);
      // Deleted between the two reads: left out, as if the page had been read a moment later.
      if (!innovation) return [];
      return [{
        innovation,
        services: services.filter((r) => Number(r.innovation_id) === id).map((r) => ({ id: Number(r.id), name: String(r.name) })),
        marketNames: markets.filter((r) => Number(r.innovation_id) === id).map((r) => String(r.name)),
      }];
    });
  }

  /** Per service: the names of the published, unretired innovations that change it. */
  async publicNamesByService(serviceIds: readonly number[]): Promise<Map<number, string[]>> {
    const out = new Map<number, string[]>(serviceIds.map((id) => [id, []]));
    if (serviceIds.length === 0) return out;
    const rows: Array<Record<string, unknown>> = await this.db.manager.query(
      `SELECT l.service_id, i.name FROM innovation_service l JOIN innovation i ON i.id = l.innovation_id JOIN agency a ON a.id = i.agency_id
       WHERE l.service_id IN (${placeholders(serviceIds.length)}) AND ${PUBLIC} ORDER BY i.name, i.id`,
      [...serviceIds],
    );
    for (const r of rows) out.get(Number(r.service_id))?.push(String(r.name));
    return out;
  }
}

/** SQLite has no CONCAT_WS before 3.44; `||` joins the same text. */
const sqliteConcat = "LOWER(i.name || ' ' || COALESCE(i.short_name, '') || ' ' || i.description || ' ' || a.name || ' ' || a.short_name)";

function distinctIds(raw: string[] | undefined, field: string): number[] {
  const ids = (raw ?? []).map((id, i) => parseId(id, `${field}.${i}`));
  const repeated = ids.findIndex((id, i) => ids.indexOf(id) !== i);
  if (repeated >= 0) throw badInput({ [`${field}.${repeated}`]: "is listed twice" });
  return ids;
}
