import { Ctx, FieldResolver, ID, Resolver, Root } from "type-graphql";
import type { GraphQLContext } from "../../graphql/context";
import { ResourceResolver } from "../../graphql/resource-resolver";
import { Role } from "./role";
import { UserFilter } from "./user.filter";
import { UserInput } from "./user.input";
import { User } from "./user.entity";

@Resolver(() => User)
export class UserResolver extends ResourceResolver({
  name: "User",
  type: User,
  filter: UserFilter,
  input: UserInput,
  readRoles: [Role.ADMIN],
  writeRoles: [Role.ADMIN],
  service: (context) => context.services.users,
}) {
  @FieldResolver(() => [ID], { description: "The markets this user works in (all markets for unscoped roles)." })
  marketIds(@Root() user: User, @Ctx() { loaders }: GraphQLContext): Promise<number[]> {
    return loaders.marketIdsOfUser.load(user);
  }
}
