import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from "type-graphql";
import type { GraphQLContext } from "../../graphql/context";
import { ServiceDeliveryMode } from "./delivery-mode.entity";
import { DeliveryModeInput } from "./delivery-mode.inputs";
import { PublicService } from "./public-service.entity";
import { EDITORS } from "./public-service.resolvers";
import { CatalogueEntry } from "./public-service.types";
import { ServiceVenue } from "./service-venue.entity";

@Resolver(() => PublicService)
export class PublicServiceDeliveryResolver {
  @Authorized(...EDITORS)
  @Mutation(() => [ServiceDeliveryMode], {
    description: "Replaces the service's delivery modes as a whole, in the order given; fields of other modes must be null. At most one ONLINE and one POSTAL_DELIVERY; COUNTER once per venue.",
  })
  setServiceDeliveryModes(
    @Arg("serviceId", () => ID) serviceId: string,
    // Validated in the service, which names each problem as modes.<i>.<field>.
    @Arg("modes", () => [DeliveryModeInput], { validate: false }) modes: DeliveryModeInput[],
    @Ctx() c: GraphQLContext,
  ) {
    return c.services.deliveryModes.replace(c.actor, serviceId, modes);
  }

  @FieldResolver(() => [ServiceDeliveryMode], { description: "How the service is delivered, in order." })
  deliveryModes(@Root() s: PublicService, @Ctx() { loaders }: GraphQLContext) {
    return loaders.deliveryModes.load(s.id);
  }
}

@Resolver(() => ServiceDeliveryMode)
export class ServiceDeliveryModeResolver {
  @FieldResolver(() => ServiceVenue, { nullable: true, description: "COUNTER: the venue." })
  venue(@Root() m: ServiceDeliveryMode, @Ctx() { loaders }: GraphQLContext) {
    return m.venueId === null ? null : loaders.serviceVenue.load(m.venueId);
  }
}

/** Public, like the catalogue itself: a published service's modes and the names of their venues. */
@Resolver(() => CatalogueEntry)
export class CatalogueDeliveryResolver {
  @FieldResolver(() => [ServiceDeliveryMode], { description: "How the service is delivered, in order." })
  deliveryModes(@Root() entry: CatalogueEntry, @Ctx() { loaders }: GraphQLContext) {
    return loaders.deliveryModes.load(entry.id);
  }
}

export const DELIVERY_MODE_RESOLVERS = [PublicServiceDeliveryResolver, ServiceDeliveryModeResolver, CatalogueDeliveryResolver] as const;
