import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver, type ClassType } from "type-graphql";
import type { CrudService } from "../common/crud.service";
import type { ReadService } from "../common/read.service";
import type { Role } from "../modules/auth/role";
import type { GraphQLContext } from "./context";
import { ListArgs, ListMetadata } from "./list-args";
import { updateArgsOf } from "./partial-args";

export interface ReadResourceOptions<T extends { id: number }> {
  /** GraphQL type name; ra-data-graphql-simple derives every operation name from it. */
  name: string;
  /** As ra-data-graphql-simple pluralises the name (the `pluralize` package), where adding "s" is wrong. */
  plural?: string;
  type: ClassType<T>;
  filter: ClassType<object>;
  readRoles: Role[];
  service: (context: GraphQLContext) => ReadService<T>;
}

export interface ResourceOptions<T extends { id: number }, TInput extends object> extends ReadResourceOptions<T> {
  input: ClassType<TInput>;
  writeRoles: Role[];
  service: (context: GraphQLContext) => CrudService<T, TInput>;
}

/**
 * The read operations of a back-office resource in the form ra-data-graphql-simple expects:
 * `Market(id)`, `allMarkets`, `_allMarketsMeta`. Resources written through domain operations
 * (daily reports, deposits) have only these.
 */
export function ReadResourceResolver<T extends { id: number }>(options: ReadResourceOptions<T>) {
  const { name, type, filter, readRoles, service } = options;
  const plural = options.plural ?? `${name}s`;

  @Resolver()
  abstract class BaseReadResourceResolver {
    @Authorized(...readRoles)
    @Query(() => type, { name, description: `One ${name} by id.` })
    async getOne(@Arg("id", () => ID) id: string, @Ctx() context: GraphQLContext): Promise<T> {
      return service(context).getById(context.actor, id);
    }

    @Authorized(...readRoles)
    @Query(() => [type], { name: `all${plural}`, description: `A page of ${plural}.` })
    async getList(
      @Args(() => ListArgs) list: ListArgs,
      @Arg("filter", () => filter, { nullable: true }) where: object | null,
      @Ctx() context: GraphQLContext,
    ): Promise<T[]> {
      return service(context).list(context.actor, { ...list, filter: where });
    }

    @Authorized(...readRoles)
    @Query(() => ListMetadata, { name: `_all${plural}Meta`, description: `How many ${plural} match the filter.` })
    async getListMeta(
      @Args(() => ListArgs) _list: ListArgs,
      @Arg("filter", () => filter, { nullable: true }) where: object | null,
      @Ctx() context: GraphQLContext,
    ): Promise<ListMetadata> {
      return { count: await service(context).count(context.actor, where) };
    }
  }
  return BaseReadResourceResolver;
}

/**
 * The six operations of a back-office resource: the three reads plus `createMarket`, `updateMarket`,
 * `deleteMarket`. Create and update take flat arguments, as ra-data-graphql-simple sends them.
 */
export function ResourceResolver<T extends { id: number }, TInput extends object>(options: ResourceOptions<T, TInput>) {
  const { name, type, input, writeRoles, service } = options;
  const UpdateArgs = updateArgsOf(input, `Update${name}Args`);

  @Resolver()
  abstract class BaseResourceResolver extends ReadResourceResolver(options) {
    @Authorized(...writeRoles)
    @Mutation(() => type, { name: `create${name}` })
    async createOne(@Args(() => input, { validate: false }) data: TInput, @Ctx() context: GraphQLContext): Promise<T> {
      return service(context).create(context.actor, { ...data });
    }

    @Authorized(...writeRoles)
    @Mutation(() => type, { name: `update${name}` })
    async updateOne(
      @Args(() => UpdateArgs, { validate: false }) { id, ...patch }: Partial<TInput> & { id: string },
      @Ctx() context: GraphQLContext,
    ): Promise<T> {
      return service(context).update(context.actor, id, patch as Partial<TInput>);
    }

    @Authorized(...writeRoles)
    @Mutation(() => type, { name: `delete${name}`, description: "Refused with CONFLICT when history depends on it." })
    async deleteOne(@Arg("id", () => ID) id: string, @Ctx() context: GraphQLContext): Promise<T> {
      return service(context).remove(context.actor, id);
    }
  }
  return BaseResourceResolver;
}
