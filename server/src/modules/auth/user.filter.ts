import { Field, ID, InputType } from "type-graphql";
import { Role } from "./role";

@InputType()
export class UserFilter {
  @Field({ nullable: true })
  q?: string;

  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field(() => Role, { nullable: true })
  role?: Role;

  @Field({ nullable: true })
  active?: boolean;
}
