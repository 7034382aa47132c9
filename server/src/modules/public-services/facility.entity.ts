import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { LocalDate } from "../../graphql/scalars";
import { ServiceVenue } from "./service-venue.entity";
import { FacilityCondition, FacilityKind } from "./venue.enums";

@ObjectType({ description: "A facility of a venue (sarana dan prasarana) and the condition it was last found in." })
@Entity("facility")
@Index(["venueId", "kind"])
@Index(["condition"])
export class Facility {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => ID)
  @Column({ name: "venue_id", type: "int" })
  venueId: number;

  @ManyToOne(() => ServiceVenue, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "venue_id" })
  venue?: ServiceVenue;

  @Field(() => FacilityKind)
  @Column({ type: "simple-enum", enum: FacilityKind })
  kind: FacilityKind;

  @Field(() => FacilityCondition)
  @Column({ name: "condition_state", type: "simple-enum", enum: FacilityCondition })
  condition: FacilityCondition;

  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", length: 500, nullable: true })
  note: string | null;

  @Field(() => LocalDate, { nullable: true, description: "The day it was last inspected." })
  @Column({ name: "last_inspected", type: "date", nullable: true })
  lastInspected: string | null;
}
