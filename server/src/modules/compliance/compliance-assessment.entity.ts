import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from "typeorm";
import { DateTime } from "../../graphql/scalars";
import { Agency } from "../public-services/agency.entity";
import { fromHundredths } from "./score";

/**
 * One unit's Ombudsman compliance score for a year (penilaian kepatuhan standar pelayanan publik).
 * Scores are integer hundredths in the database and two-decimal Floats in the API (see score.ts);
 * category and zone are derived from the bands of the year, never stored.
 */
@ObjectType({ description: "An agency's Ombudsman compliance score for a year; category and zone follow from the bands of that year." })
@Entity("compliance_assessment")
@Unique(["agencyId", "year"])
@Index(["year"])
export class ComplianceAssessment {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => ID)
  @Column({ name: "agency_id", type: "int" })
  agencyId: number;

  @ManyToOne(() => Agency, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "agency_id" })
  agency?: Agency;

  @Field(() => Int)
  @Column({ type: "int" })
  year: number;

  @Column({ name: "score_hundredths", type: "int" })
  scoreHundredths: number;

  @Column({ name: "input_score_hundredths", type: "int", nullable: true })
  inputScoreHundredths: number | null;

  @Column({ name: "process_score_hundredths", type: "int", nullable: true })
  processScoreHundredths: number | null;

  @Column({ name: "output_score_hundredths", type: "int", nullable: true })
  outputScoreHundredths: number | null;

  @Column({ name: "complaints_score_hundredths", type: "int", nullable: true })
  complaintsScoreHundredths: number | null;

  @Field({ description: "Who assessed, e.g. Ombudsman RI." })
  @Column({ type: "varchar", length: 200 })
  assessor: string;

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
  get score(): number {
    return fromHundredths(this.scoreHundredths);
  }

  @Field(() => Float, { nullable: true, description: "Dimension score: input (standard components, facilities, staff)." })
  get inputScore(): number | null {
    return fromHundredths(this.inputScoreHundredths);
  }

  @Field(() => Float, { nullable: true, description: "Dimension score: process (service delivery as observed)." })
  get processScore(): number | null {
    return fromHundredths(this.processScoreHundredths);
  }

  @Field(() => Float, { nullable: true, description: "Dimension score: output (users' perception)." })
  get outputScore(): number | null {
    return fromHundredths(this.outputScoreHundredths);
  }

  @Field(() => Float, { nullable: true, description: "Dimension score: complaint handling." })
  get complaintsScore(): number | null {
    return fromHundredths(this.complaintsScoreHundredths);
  }
}
