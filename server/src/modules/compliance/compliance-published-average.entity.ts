import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { DateTime } from "../../graphql/scalars";
import { fromHundredths } from "./score";

/**
 * The regency's average as the Ombudsman published it, for years whose unit scores are not known
 * here (or to record the official figure next to the units'). It is the figure of record of its year.
 */
@ObjectType({ description: "The regency's compliance average for a year as the Ombudsman published it, with its source." })
@Entity("compliance_published_average")
export class CompliancePublishedAverage {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => Int)
  @Column({ type: "int", unique: true })
  year: number;

  @Column({ name: "average_hundredths", type: "int" })
  averageHundredths: number;

  @Field({ description: "Where it was published." })
  @Column({ type: "varchar", length: 300 })
  source: string;

  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", length: 1000, nullable: true })
  note: string | null;

  @Field(() => DateTime)
  @Column({ name: "created_at", type: "datetime" })
  createdAt: Date;

  @Field(() => DateTime)
  @Column({ name: "updated_at", type: "datetime" })
  updatedAt: Date;

  @Field(() => Float, { description: "0-100, exactly two decimals." })
  get average(): number {
    return fromHundredths(this.averageHundredths);
  }
}
