import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import { parseId } from "../../common/ids";
import type { GraphQLContext } from "../../graphql/context";
import { ResourceResolver } from "../../graphql/resource-resolver";
import { Role } from "../auth/role";
import { Market } from "../markets/market.entity";
import { Agency } from "./agency.entity";
import { Innovation } from "./innovation.entity";
import { InnovationFilter, InnovationInput } from "./innovation.inputs";
import { PublicInnovation } from "./innovation.types";
import { PublicService } from "./public-service.entity";
import { EDITORS, INVENTORY_READERS } from "./public-service.resolvers";
import { CatalogueEntry } from "./public-service.types";

@Resolver(() => Innovation)
export class InnovationResolver extends ResourceResolver({
  name: "Innovation", type: Innovation, filter: InnovationFilter, input: InnovationInput,
  readRoles: INVENTORY_READERS, writeRoles: EDITORS, service: (c) => c.services.innovations,
}) {
  @Query(() => [PublicInnovation], { description: "The public catalogue of innovations, without login: published and not retired; search matches names, description and agency." })
  async publicInnovations(
    @Arg("search", () => String, { nullable: true }) search: string | null,
    @Arg("agencyId", () => ID, { nullable: true }) agencyId: string | null,
    @Arg("page", () => Int, { nullable: true, description: "Counting from 0." }) page: number | null,
    @Arg("perPage", () => Int, { nullable: true, description: "Default 100, bounded by the server." }) perPage: number | null,
    @Ctx() c: GraphQLContext,
  ): Promise<PublicInnovation[]> {
    const rows = await c.services.innovations.publicCatalogue({ search, agencyId: agencyId ? parseId(agencyId, "agencyId") : null, page, perPage });
    return rows.map(({ innovation: i, services, marketNames }) => ({
      id: i.id, name: i.name, shortName: i.shortName, description: i.description, launchedOn: i.launchedOn, status: i.status, publicUrl: i.publicUrl,
      agencyId: i.agencyId, services, marketNames,
    }));
  }

  @FieldResolver(() => Agency)
  agency(@Root() i: Innovation, @Ctx() { loaders }: GraphQLContext) {
    return loaders.agency.load(i.agencyId);
  }

  @FieldResolver(() => [ID], { description: "The services it changes, in order." })
  serviceIds(@Root() i: Innovation, @Ctx() { loaders }: GraphQLContext) {
    return loaders.innovationServiceIds.load(i.id);
  }

  @FieldResolver(() => [PublicService], { description: "The services it changes, in order. An agency editor sees only their own agency's services here." })
  async services(@Root() i: Innovation, @Ctx() { actor, loaders }: GraphQLContext): Promise<PublicService[]> {
    const found = await loaders.publicService.loadMany(await loaders.innovationServiceIds.load(i.id));
    const services = found.filter((s): s is PublicService => s instanceof PublicService);
    if (actor.user?.role !== Role.AGENCY_EDITOR) return services;
    const own = (await loaders.user.load(actor.user.id)).agencyId;
    return services.filter((s) => s.agencyId === own);
  }

  @FieldResolver(() => [ID], { description: "The markets it covers, in order." })
  marketIds(@Root() i: Innovation, @Ctx() { loaders }: GraphQLContext) {
    return loaders.innovationMarketIds.load(i.id);
  }

  @FieldResolver(() => [Market], { description: "The markets it covers, in order; only those in the reader's market scope (none for an agency editor)." })
  async markets(@Root() i: Innovation, @Ctx() { actor, loaders }: GraphQLContext): Promise<Market[]> {
    const [ids, scope] = await Promise.all([loaders.innovationMarketIds.load(i.id), actor.marketScope()]);
    const visible = scope === null ? ids : ids.filter((id) => scope.includes(id));
    const found = await loaders.market.loadMany(visible);
    return found.filter((m): m is Market => m instanceof Market);
  }
}

@Resolver(() => PublicInnovation)
export class PublicInnovationResolver {
  @FieldResolver(() => Agency)
  agency(@Root() i: PublicInnovation, @Ctx() { loaders }: GraphQLContext) {
    return loaders.agency.load(i.agencyId);
  }
}

@Resolver(() => CatalogueEntry)
export class CatalogueInnovationResolver {
  @FieldResolver(() => [String], { description: "Names of the published innovations that change this service." })
  innovations(@Root() entry: CatalogueEntry, @Ctx() { loaders }: GraphQLContext) {
    return loaders.publicInnovationNames.load(entry.id);
  }
}

export const INNOVATION_RESOLVERS = [InnovationResolver, PublicInnovationResolver, CatalogueInnovationResolver] as const;
