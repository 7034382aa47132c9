import type { EntityManager } from "typeorm";
import { CrudService, type ResourceSpec } from "../../common/crud.service";
import { badInput } from "../../common/errors";
import { parseOptionalId } from "../../common/ids";
import { Agency } from "./agency.entity";
import { ServiceVenue } from "./service-venue.entity";
import { VenueKind } from "./venue.enums";
import { ServiceVenueInput } from "./venue.inputs";

/** Venues; administrators keep them. An agency's office names its agency. */
export class ServiceVenueService extends CrudService<ServiceVenue, ServiceVenueInput> {
  protected readonly inputClass = ServiceVenueInput;
  protected readonly spec: ResourceSpec<ServiceVenue> = {
    name: "ServiceVenue",
    entity: ServiceVenue,
    searchFields: ["name", "address"],
    filterFields: ["kind", "agencyId", "active"],
    sortFields: { name: "name", kind: "kind", agencyId: "agencyId", active: "active" },
    uniqueDescription: "name",
    deleteAdvice: "close the venue instead (active: false)",
  };

  protected toInput(v: ServiceVenue): ServiceVenueInput {
    return Object.assign(new ServiceVenueInput(), {
      name: v.name, kind: v.kind, address: v.address, agencyId: v.agencyId === null ? null : String(v.agencyId), openingHours: v.openingHours,
      active: v.active,
    });
  }

  protected applyInput(v: ServiceVenue, input: ServiceVenueInput): void {
    Object.assign(v, {
      name: input.name.trim(), kind: input.kind, address: input.address.trim(), agencyId: parseOptionalId(input.agencyId, "agencyId"),
      openingHours: input.openingHours?.trim() || null, active: input.active ?? true,
    });
    if (v.kind === VenueKind.AGENCY_OFFICE && v.agencyId === null) throw badInput({ agencyId: "is required for an agency's office" });
  }

  protected override async checkRules(em: EntityManager, v: ServiceVenue): Promise<void> {
    if (v.agencyId !== null && !(await em.existsBy(Agency, { id: v.agencyId }))) throw badInput({ agencyId: "does not exist" });
  }
}
