import type { EntityManager } from "typeorm";
import { CrudService, type ResourceSpec } from "../../common/crud.service";
import { badInput } from "../../common/errors";
import { parseId } from "../../common/ids";
import { todayInJakarta } from "../../common/local-date";
import { Facility } from "./facility.entity";
import { ServiceVenue } from "./service-venue.entity";
import { FacilityInput } from "./venue.inputs";

/** Venues' facilities and their condition; administrators keep them. */
export class FacilityService extends CrudService<Facility, FacilityInput> {
  protected readonly inputClass = FacilityInput;
  protected readonly spec: ResourceSpec<Facility> = {
    name: "Facility",
    entity: Facility,
    searchFields: ["note"],
    filterFields: ["venueId", "kind", "condition", "lastInspected"],
    sortFields: { venueId: "venueId", kind: "kind", condition: "condition", lastInspected: "lastInspected" },
  };

  protected toInput(f: Facility): FacilityInput {
    return Object.assign(new FacilityInput(), {
      venueId: String(f.venueId), kind: f.kind, condition: f.condition, note: f.note, lastInspected: f.lastInspected,
    });
  }

  protected applyInput(f: Facility, input: FacilityInput): void {
    Object.assign(f, {
      venueId: parseId(input.venueId, "venueId"), kind: input.kind, condition: input.condition, note: input.note?.trim() || null,
      lastInspected: input.lastInspected ?? null,
    });
    const today = todayInJakarta();
    if (f.lastInspected !== null && f.lastInspected > today) throw badInput({ lastInspected: `must not be after today (${today})` });
  }

  protected override async checkRules(em: EntityManager, f: Facility): Promise<void> {
    if (!(await em.existsBy(ServiceVenue, { id: f.venueId }))) throw badInput({ venueId: "does not exist" });
  }
}
