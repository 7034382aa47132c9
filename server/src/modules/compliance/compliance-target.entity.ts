import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { DateTime } from "../../graphql/scalars";
import { fromHundredths } from "./score";

@ObjectType({ description: "The regency's compliance target for a year (e.g. 90,00 for 2025)." })
@Entity("compliance_target")
export class ComplianceTarget {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => Int)
  @Column({ type: "int", unique: true })
  year: number;

  @Column({ name: "target_hundredths", type: "int" })
  targetHundredths: number;

  @Field(() => String, { nullable: true, description: "Where the target is set (RPJMD, RKPD, a regent's instruction)." })
  @Column({ type: "varchar", length: 300, nullable: true })
  basis: string | null;

  @Field(() => DateTime)
  @Column({ name: "created_at", type: "datetime" })
  createdAt: Date;

  @Field(() => DateTime)
  @Column({ name: "updated_at", type: "datetime" })
  updatedAt: Date;

  @Field(() => Float, { description: "0-100, exactly two decimals." })
  get target(): number {
    return fromHundredths(this.targetHundredths);
  }
}
