import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from "type-graphql";
import type { GraphQLContext } from "../../graphql/context";
import { notFound } from "../../common/errors";
import { AuthPayload } from "./auth.types";
import { User } from "./user.entity";

@Resolver()
export class AuthResolver {
  @Mutation(() => AuthPayload, { description: "Signs in. Repeated failures are RATE_LIMITED per username and per IP." })
  login(
    @Arg("username") username: string,
    @Arg("password") password: string,
    @Ctx() { services, actor }: GraphQLContext,
  ): Promise<AuthPayload> {
    return services.auth.login(actor, username, password);
  }

  @Mutation(() => AuthPayload, { description: "Rotates a refresh token into a new token pair." })
  refreshToken(@Arg("token") token: string, @Ctx() { services }: GraphQLContext): Promise<AuthPayload> {
    return services.auth.refresh(token);
  }

  @Mutation(() => Boolean, { description: "Ends the session the refresh token belongs to." })
  logout(@Arg("refreshToken") refreshToken: string, @Ctx() { services, actor }: GraphQLContext): Promise<boolean> {
    return services.auth.logout(actor, refreshToken);
  }

  @Authorized()
  @Query(() => User, { description: "The signed-in user." })
  async me(@Ctx() { services, actor }: GraphQLContext): Promise<User> {
    const user = await services.users.findActive(actor.user!.id);
    if (!user) throw notFound("User", actor.user!.id);
    return user;
  }
}
