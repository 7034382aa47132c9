import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { DateTime } from "../../graphql/scalars";
import { Role } from "./role";

@ObjectType({ description: "A person who signs in to LAPERA+." })
@Entity("user")
export class User {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field()
  @Column({ type: "varchar", length: 64, unique: true })
  username: string;

  @Field()
  @Column({ name: "display_name", type: "varchar", length: 120 })
  displayName: string;

  @Field(() => Role)
  @Column({ type: "simple-enum", enum: Role })
  role: Role;

  @Field()
  @Column({ type: "boolean", default: true })
  active: boolean;

  /** argon2id PHC string; never exposed. */
  @Column({ name: "password_hash", type: "varchar", length: 255 })
  passwordHash: string;

  @Field(() => ID, { nullable: true, description: "The agency an AGENCY_EDITOR works for." })
  @Column({ name: "agency_id", type: "int", nullable: true })
  agencyId: number | null;

  @Field(() => DateTime)
  @Column({ name: "created_at", type: "datetime" })
  createdAt: Date;

  @Field(() => DateTime)
  @Column({ name: "updated_at", type: "datetime" })
  updatedAt: Date;
}
