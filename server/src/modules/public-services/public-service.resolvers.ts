import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { parseId } from "../../common/ids";
import type { GraphQLContext } from "../../graphql/context";
import { ResourceResolver } from "../../graphql/resource-resolver";
import { Role } from "../auth/role";
import { Agency } from "./agency.entity";
import type { CatalogueEntry as Entry } from "./catalogue.service";
import { DeliveryMode } from "./innovation.enums";
import { AgencyFilter, AgencyInput, PublicServiceFilter, PublicServiceInput, ServiceStandardInput } from "./public-service.inputs";
import { PublicService } from "./public-service.entity";
import { AgencyCompleteness, CatalogueEntry, CataloguePage } from "./public-service.types";
import { ServiceStandard } from "./service-standard.entity";

/** Staff who work with the inventory; collectors and market heads have no business here. */
export const INVENTORY_READERS = [Role.ADMIN, Role.OFFICER, Role.AUDITOR, Role.AGENCY_EDITOR, Role.TREASURER, Role.REVENUE_OFFICER];
/** Who keeps services, their standards and delivery modes, and innovations; agency editors their own agency's only. */
export const EDITORS = [Role.ADMIN, Role.AGENCY_EDITOR];

const toCatalogue = ({ service, agency, standard }: Entry): CatalogueEntry => ({
  id: service.id, name: service.name, category: service.category, description: service.description, atOffice: service.atOffice,
  atMpp: service.atMpp, onlineUrl: service.onlineUrl, agency, standard,
});

const inForce = (versions: ServiceStandard[]) => versions.find((v) => v.publishedAt !== null && v.supersededAt === null) ?? null;

@Resolver(() => Agency)
export class AgencyResolver extends ResourceResolver({
  name: "Agency", plural: "Agencies", type: Agency, filter: AgencyFilter, input: AgencyInput,
  readRoles: INVENTORY_READERS, writeRoles: [Role.ADMIN], service: (c) => c.services.agencies,
}) {
  @Authorized(...INVENTORY_READERS)
  @Query(() => [AgencyCompleteness], { description: "Per agency (all when agencyIds is omitted): how complete its published standards are." })
  async standardCompleteness(@Arg("agencyIds", () => [ID], { nullable: true }) agencyIds: string[] | null, @Ctx() c: GraphQLContext): Promise<AgencyCompleteness[]> {
    const rows = await c.services.catalogue.completeness(agencyIds ? agencyIds.map((id, i) => parseId(id, `agencyIds.${i}`)) : null);
    return Promise.all(rows.map(async (r) => ({
      ...r, agency: await c.loaders.agency.load(r.agencyId),
      percent: r.possibleComponents === 0 ? 0 : Math.round((r.filledComponents * 1000) / r.possibleComponents) / 10,
    })));
  }

  @FieldResolver(() => Agency, { nullable: true })
  parent(@Root() a: Agency, @Ctx() { loaders }: GraphQLContext) {
    return a.parentId === null ? null : loaders.agency.load(a.parentId);
  }
}

@Resolver(() => PublicService)
export class PublicServiceResolver extends ResourceResolver({
  name: "PublicService", type: PublicService, filter: PublicServiceFilter, input: PublicServiceInput,
  readRoles: INVENTORY_READERS, writeRoles: EDITORS, service: (c) => c.services.publicServices,
}) {
  @Authorized(...EDITORS)
  @Mutation(() => ServiceStandard, { description: "Saves the service's draft standard, opening a new version when the latest one is published." })
  saveServiceStandard(@Arg("serviceId", () => ID) serviceId: string, @Arg("input", () => ServiceStandardInput) input: ServiceStandardInput, @Ctx() c: GraphQLContext) {
    return c.services.standards.saveDraft(c.actor, serviceId, input);
  }

  @Authorized(...EDITORS)
  @Mutation(() => ServiceStandard, { description: "Publishes the draft (it needs its decree); the previous version is superseded and stays readable." })
  publishServiceStandard(@Arg("serviceId", () => ID) serviceId: string, @Ctx() c: GraphQLContext) {
    return c.services.standards.publish(c.actor, serviceId);
  }

  @Query(() => CataloguePage, { description: "The public catalogue, without login: active services with a published standard; search matches service and agency names and requirements, ignoring case and accents." })
  async publicServices(
    @Arg("search", () => String, { nullable: true }) search: string | null,
    @Arg("agencyId", () => ID, { nullable: true }) agencyId: string | null,
    @Arg("venueId", () => ID, { nullable: true, description: "Only services offered today at a counter of this venue." }) venueId: string | null,
    @Arg("page", () => Int, { nullable: true }) page: number | null,
    @Arg("perPage", () => Int, { nullable: true }) perPage: number | null,
    @Arg("deliveryMode", () => DeliveryMode, { nullable: true, description: "Only services delivered in this mode." }) deliveryMode: DeliveryMode | null,
    @Arg("remote", () => Boolean, {
      nullable: true, description: "true: only services obtainable without going to an office (fully online, by post or by outreach); false or null does not filter.",
    }) remote: boolean | null,
    @Ctx() c: GraphQLContext,
  ): Promise<CataloguePage> {
    const result = await c.services.catalogue.search({ search, agencyId: agencyId ? parseId(agencyId, "agencyId") : null,
      venueId: venueId ? parseId(venueId, "venueId") : null, deliveryMode, remote: remote === true, page, perPage,
    });
    return { items: result.items.map(toCatalogue), total: result.total };
  }

  @Query(() => CatalogueEntry, { description: "One service of the public catalogue, without login." })
  async publicService(@Arg("id", () => ID) id: string, @Ctx() c: GraphQLContext): Promise<CatalogueEntry> {
    return toCatalogue(await c.services.catalogue.published(parseId(id, "id")));
  }

  @FieldResolver(() => Agency)
  agency(@Root() s: PublicService, @Ctx() { loaders }: GraphQLContext) {
    return loaders.agency.load(s.agencyId);
  }

  @FieldResolver(() => ServiceStandard, { nullable: true, description: "The published version in force." })
  async standard(@Root() s: PublicService, @Ctx() { loaders }: GraphQLContext) {
    return inForce(await loaders.standardVersions.load(s.id));
  }

  @FieldResolver(() => ServiceStandard, { nullable: true, description: "The draft being prepared, if any." })
  async draft(@Root() s: PublicService, @Ctx() { loaders }: GraphQLContext) {
    const [latest] = await loaders.standardVersions.load(s.id);
    return latest && latest.publishedAt === null ? latest : null;
  }

  @FieldResolver(() => [ServiceStandard], { description: "Every version, newest first." })
  standards(@Root() s: PublicService, @Ctx() { loaders }: GraphQLContext) {
    return loaders.standardVersions.load(s.id);
  }

  @FieldResolver(() => Int, { description: "Components of 14 the published standard fills (0 without one)." })
  async completeness(@Root() s: PublicService, @Ctx() { loaders }: GraphQLContext) {
    return inForce(await loaders.standardVersions.load(s.id))?.filledComponents ?? 0;
  }
}

export const PUBLIC_SERVICE_RESOLVERS = [AgencyResolver, PublicServiceResolver] as const;
