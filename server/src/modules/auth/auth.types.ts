import { Field, ObjectType } from "type-graphql";
import { User } from "./user.entity";

@ObjectType()
export class AuthPayload {
  @Field({ description: "Send as `Authorization: Bearer <accessToken>`; short-lived." })
  accessToken: string;

  @Field({ description: "Exchange with `refreshToken` for a new pair; each can be used once." })
  refreshToken: string;

  @Field(() => User)
  user: User;
}
