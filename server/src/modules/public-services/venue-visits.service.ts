import type { EntityManager } from "typeorm";
import { CrudService, type ResourceSpec } from "../../common/crud.service";
import { badInput } from "../../common/errors";
import { parseId } from "../../common/ids";
import { todayInJakarta } from "../../common/local-date";
import { ServiceVenue } from "./service-venue.entity";
import { VenueVisits } from "./venue-visits.entity";
import { VenueVisitsInput } from "./venue.inputs";

/** Visitors per venue and month (one record each); administrators keep them. */
export class VenueVisitsService extends CrudService<VenueVisits, VenueVisitsInput> {
  protected readonly inputClass = VenueVisitsInput;
  protected readonly spec: ResourceSpec<VenueVisits> = {
    name: "VenueVisits",
    entity: VenueVisits,
    searchFields: ["note"],
    filterFields: ["venueId", "month", "synthetic"],
    sortFields: { venueId: "venueId", month: "month", visitors: "visitors", synthetic: "synthetic" },
    uniqueDescription: "venue and month",
  };

  protected toInput(v: VenueVisits): VenueVisitsInput {
    return Object.assign(new VenueVisitsInput(), {
      venueId: String(v.venueId), month: v.month, visitors: v.visitors, synthetic: v.synthetic, note: v.note,
    });
  }

  protected applyInput(v: VenueVisits, input: VenueVisitsInput): void {
    Object.assign(v, {
      venueId: parseId(input.venueId, "venueId"), month: input.month, visitors: input.visitors, synthetic: input.synthetic ?? false,
      note: input.note?.trim() || null,
    });
    const current = todayInJakarta().slice(0, 7);
    if (v.month > current) throw badInput({ month: `must not be after the current month (${current})` });
  }

  protected override async checkRules(em: EntityManager, v: VenueVisits): Promise<void> {
    if (!(await em.existsBy(ServiceVenue, { id: v.venueId }))) throw badInput({ venueId: "does not exist" });
  }
}
