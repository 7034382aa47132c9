import { ArgsType, Field, ID } from "type-graphql";
import { IsBoolean, IsEnum, IsOptional, IsString, Length, Matches, MinLength } from "class-validator";
import { Role } from "./role";

@ArgsType()
export class UserInput {
  @Field({ description: "Lowercase letters, digits, dots, dashes and underscores." })
  @Matches(/^[a-z0-9._-]{3,64}$/, { message: "username must be 3-64 lowercase letters, digits, dots, dashes or underscores" })
  username: string;

  @Field()
  @IsString()
  @Length(1, 120)
  displayName: string;

  @Field(() => Role)
  @IsEnum(Role)
  role: Role;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @Field({ nullable: true, description: "Required on create; on update, sets a new password." })
  @IsOptional()
  @IsString()
  @MinLength(10, { message: "password must be at least 10 characters" })
  password?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  agencyId?: string | null;
}
