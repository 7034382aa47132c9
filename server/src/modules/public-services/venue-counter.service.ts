import { In, type EntityManager, type SelectQueryBuilder } from "typeorm";
import { CrudService, type ResourceSpec } from "../../common/crud.service";
import { badInput } from "../../common/errors";
import { parseId } from "../../common/ids";
import type { Actor } from "../auth/actor";
import { lockedForCheck } from "../markets/market-rules";
import { Agency } from "./agency.entity";
import { assertMayEditAgency } from "./editor-scope";
import { PublicService } from "./public-service.entity";
import { ServiceVenue } from "./service-venue.entity";
import { VenueCounterService as CounterServiceRow } from "./venue-counter-service.entity";
import { VenueCounter } from "./venue-counter.entity";
import { VenueCounterInput } from "./venue.inputs";

/**
 * Agencies' counters at venues. Every staff reader sees every counter (a venue's layout is shared);
 * an agency editor creates, changes and removes only their own agency's counters. A counter offers
 * services of its own agency only, and its number is unique at the venue among overlapping periods.
 */
export class VenueCounterService extends CrudService<VenueCounter, VenueCounterInput> {
  protected readonly inputClass = VenueCounterInput;
  protected readonly spec: ResourceSpec<VenueCounter> = {
    name: "VenueCounter",
    entity: VenueCounter,
    searchFields: [],
    filterFields: ["venueId", "agencyId", "counterNumber", "activeFrom", "activeTo"],
    sortFields: { venueId: "venueId", agencyId: "agencyId", counterNumber: "counterNumber", activeFrom: "activeFrom", activeTo: "activeTo" },
    deleteAdvice: "end it by setting activeTo instead",
  };

  /** `activeOn` (a day) and `serviceId` are not columns: they become conditions here. */
  protected override async scopedQuery(actor: Actor, filter: object | null | undefined): Promise<SelectQueryBuilder<VenueCounter>> {
    const { activeOn, serviceId, ...columns } = (filter ?? {}) as { activeOn?: string | null; serviceId?: string | null };
    const qb = await super.scopedQuery(actor, columns);
    if (activeOn) {
      qb.andWhere("e.activeFrom <= :activeOn AND (e.activeTo IS NULL OR e.activeTo >= :activeOn)", { activeOn });
    }
    if (serviceId) {
      qb.andWhere("EXISTS (SELECT 1 FROM venue_counter_service cs WHERE cs.counter_id = e.id AND cs.service_id = :offeredServiceId)", {
        offeredServiceId: parseId(serviceId, "filter.serviceId"),
      });
    }
    return qb;
  }

  override async getById(actor: Actor, rawId: string | number): Promise<VenueCounter> {
    const counter = await super.getById(actor, rawId);
    counter.serviceIds = (await this.serviceIdsOf([counter.id])).get(counter.id) ?? [];
    return counter;
  }

  protected override async assertMayWrite(actor: Actor, c: VenueCounter): Promise<void> {
    await assertMayEditAgency(this.db.manager, actor, c.agencyId, "counters");
  }

  protected toInput(c: VenueCounter): VenueCounterInput {
    return Object.assign(new VenueCounterInput(), {
      venueId: String(c.venueId), agencyId: String(c.agencyId), counterNumber: c.counterNumber, serviceIds: (c.serviceIds ?? []).map(String),
      activeFrom: c.activeFrom, activeTo: c.activeTo,
    });
  }

  protected applyInput(c: VenueCounter, input: VenueCounterInput): void {
    const serviceIds = (input.serviceIds ?? []).map((id, i) => parseId(id, `serviceIds.${i}`));
    const repeated = serviceIds.findIndex((id, i) => serviceIds.indexOf(id) !== i);
    if (repeated >= 0) throw badInput({ [`serviceIds.${repeated}`]: "lists a service twice" });
    Object.assign(c, {
      venueId: parseId(input.venueId, "venueId"), agencyId: parseId(input.agencyId, "agencyId"), counterNumber: input.counterNumber,
      activeFrom: input.activeFrom, activeTo: input.activeTo ?? null, serviceIds,
    });
    if (c.activeTo !== null && c.activeTo < c.activeFrom) throw badInput({ activeTo: "must be on or after activeFrom" });
  }

  protected override async checkRules(em: EntityManager, c: VenueCounter): Promise<void> {
    if (!(await em.existsBy(ServiceVenue, { id: c.venueId }))) throw badInput({ venueId: "does not exist" });
    if (!(await em.existsBy(Agency, { id: c.agencyId }))) throw badInput({ agencyId: "does not exist" });
    const ids = c.serviceIds ?? [];
    if (ids.length) {
      const agencyOf = new Map((await em.find(PublicService, { select: { id: true, agencyId: true }, where: { id: In(ids) } })).map((s) => [s.id, s.agencyId]));
      const bad = ids.findIndex((id) => agencyOf.get(id) !== c.agencyId);
      if (bad >= 0) {
        throw badInput({ [`serviceIds.${bad}`]: agencyOf.has(ids[bad]) ? "is a service of another agency than the counter's" : "does not exist" });
      }
    }
    const clash = lockedForCheck(em.getRepository(VenueCounter).createQueryBuilder("o"), this.db.dialect)
      .where("o.venueId = :venue AND o.counterNumber = :number", { venue: c.venueId, number: c.counterNumber })
      .andWhere("(o.activeTo IS NULL OR o.activeTo >= :from)", { from: c.activeFrom });
    if (c.activeTo !== null) clash.andWhere("o.activeFrom <= :to", { to: c.activeTo });
    if (c.id) clash.andWhere("o.id <> :self", { self: c.id });
    if (await clash.getExists()) {
      throw badInput({ counterNumber: `counter ${c.counterNumber} at this venue is already in use for part of that period` });
    }
  }

  /** Rewrites the counter's list of services, in the transaction of the counter's own write. */
  protected override async afterWrite(em: EntityManager, _before: VenueCounter | null, after: VenueCounter | null): Promise<void> {
    if (!after || after.serviceIds === undefined) return;
    await em.delete(CounterServiceRow, { counterId: after.id });
    if (after.serviceIds.length) {
      await em.insert(CounterServiceRow, after.serviceIds.map((serviceId, position) => ({ counterId: after.id, serviceId, position })));
    }
  }

  /** The services each counter offers, in order. */
  async serviceIdsOf(counterIds: readonly number[]): Promise<Map<number, number[]>> {
    const out = new Map<number, number[]>(counterIds.map((id) => [id, []]));
    if (counterIds.length === 0) return out;
    const rows = await this.db.manager.find(CounterServiceRow, { where: { counterId: In([...counterIds]) }, order: { counterId: "ASC", position: "ASC" } });
    for (const row of rows) out.get(row.counterId)?.push(row.serviceId);
    return out;
  }
}
