import { Ctx, FieldResolver, ID, Resolver, Root } from "type-graphql";
import type { GraphQLContext } from "../../graphql/context";
import { ResourceResolver } from "../../graphql/resource-resolver";
import { Role } from "../auth/role";
import { Agency } from "./agency.entity";
import { Facility } from "./facility.entity";
import { PublicService } from "./public-service.entity";
import { INVENTORY_READERS } from "./public-service.resolvers";
import { CatalogueEntry } from "./public-service.types";
import { ServiceVenue } from "./service-venue.entity";
import { VenueCounter } from "./venue-counter.entity";
import { VenueVisits } from "./venue-visits.entity";
import {
  FacilityFilter, FacilityInput, ServiceVenueFilter, ServiceVenueInput, VenueCounterFilter, VenueCounterInput, VenueVisitsFilter, VenueVisitsInput,
} from "./venue.inputs";
import { ServiceLocation } from "./venue.types";

/** Administrators keep venues, facilities and visits; agency editors their own agency's counters (DESIGN.md, Roles). */
const VENUE_WRITERS = [Role.ADMIN];
const COUNTER_WRITERS = [Role.ADMIN, Role.AGENCY_EDITOR];

@Resolver(() => ServiceVenue)
export class ServiceVenueResolver extends ResourceResolver({
  name: "ServiceVenue", type: ServiceVenue, filter: ServiceVenueFilter, input: ServiceVenueInput,
  readRoles: INVENTORY_READERS, writeRoles: VENUE_WRITERS, service: (c) => c.services.serviceVenues,
}) {
  @FieldResolver(() => Agency, { nullable: true })
  agency(@Root() v: ServiceVenue, @Ctx() { loaders }: GraphQLContext) {
    return v.agencyId === null ? null : loaders.agency.load(v.agencyId);
  }
}

@Resolver(() => VenueCounter)
export class VenueCounterResolver extends ResourceResolver({
  name: "VenueCounter", type: VenueCounter, filter: VenueCounterFilter, input: VenueCounterInput,
  readRoles: INVENTORY_READERS, writeRoles: COUNTER_WRITERS, service: (c) => c.services.venueCounters,
}) {
  @FieldResolver(() => ServiceVenue)
  venue(@Root() c: VenueCounter, @Ctx() { loaders }: GraphQLContext) {
    return loaders.serviceVenue.load(c.venueId);
  }

  @FieldResolver(() => Agency)
  agency(@Root() c: VenueCounter, @Ctx() { loaders }: GraphQLContext) {
    return loaders.agency.load(c.agencyId);
  }

  @FieldResolver(() => [ID], { description: "The services offered, in order." })
  serviceIds(@Root() c: VenueCounter, @Ctx() { loaders }: GraphQLContext) {
    return loaders.counterServiceIds.load(c.id);
  }

  @FieldResolver(() => [PublicService], { description: "The services offered, in order. An agency editor sees only their own agency's services here." })
  async services(@Root() c: VenueCounter, @Ctx() { actor, loaders }: GraphQLContext): Promise<PublicService[]> {
    const found = await loaders.publicService.loadMany(await loaders.counterServiceIds.load(c.id));
    const services = found.filter((s): s is PublicService => s instanceof PublicService);
    if (actor.user?.role !== Role.AGENCY_EDITOR) return services;
    const own = (await loaders.user.load(actor.user.id)).agencyId;
    return services.filter((s) => s.agencyId === own);
  }
}

@Resolver(() => Facility)
export class FacilityResolver extends ResourceResolver({
  name: "Facility", plural: "Facilities", type: Facility, filter: FacilityFilter, input: FacilityInput,
  readRoles: INVENTORY_READERS, writeRoles: VENUE_WRITERS, service: (c) => c.services.facilities,
}) {
  @FieldResolver(() => ServiceVenue)
  venue(@Root() f: Facility, @Ctx() { loaders }: GraphQLContext) {
    return loaders.serviceVenue.load(f.venueId);
  }
}

@Resolver(() => VenueVisits)
export class VenueVisitsResolver extends ResourceResolver({
  name: "VenueVisits", plural: "VenueVisits", type: VenueVisits, filter: VenueVisitsFilter, input: VenueVisitsInput,
  readRoles: INVENTORY_READERS, writeRoles: VENUE_WRITERS, service: (c) => c.services.venueVisits,
}) {
  @FieldResolver(() => ServiceVenue)
  venue(@Root() v: VenueVisits, @Ctx() { loaders }: GraphQLContext) {
    return loaders.serviceVenue.load(v.venueId);
  }
}

/** Public, like the catalogue itself: where a published service is offered, and nothing else of its venues. */
@Resolver(() => CatalogueEntry)
export class CatalogueLocationResolver {
  @FieldResolver(() => [ServiceLocation], { description: "Open venues whose counters offer the service today." })
  offeredAt(@Root() entry: CatalogueEntry, @Ctx() { loaders }: GraphQLContext) {
    return loaders.serviceLocations.load(entry.id);
  }
}

export const VENUE_RESOLVERS = [ServiceVenueResolver, VenueCounterResolver, FacilityResolver, VenueVisitsResolver, CatalogueLocationResolver] as const;
