import type { AuthChecker } from "type-graphql";
import { unauthenticated } from "../common/errors";
import type { Role } from "../modules/auth/role";
import type { GraphQLContext } from "./context";

/**
 * `@Authorized()` needs a signed-in user; `@Authorized(roles)` one of those roles. An anonymous
 * caller is told to sign in (UNAUTHENTICATED) rather than that the role is wrong (FORBIDDEN).
 */
export const authChecker: AuthChecker<GraphQLContext, Role> = ({ context }, roles) => {
  const user = context.actor.user;
  if (!user) throw unauthenticated();
  return roles.length === 0 || roles.includes(user.role);
};
