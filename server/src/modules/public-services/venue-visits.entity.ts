import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from "typeorm";
import { ServiceVenue } from "./service-venue.entity";

@ObjectType({ description: "How many visitors a venue served in a month; one record per venue and month." })
@Entity("venue_visits")
@Unique(["venueId", "month"])
@Index(["month"])
export class VenueVisits {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => ID)
  @Column({ name: "venue_id", type: "int" })
  venueId: number;

  @ManyToOne(() => ServiceVenue, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "venue_id" })
  venue?: ServiceVenue;

  @Field({ description: "YYYY-MM." })
  @Column({ type: "varchar", length: 7 })
  month: string;

  @Field(() => Int)
  @Column({ type: "int" })
  visitors: number;

  @Field({ description: "True for demonstration figures that are not a real count." })
  @Column({ type: "boolean", default: false })
  synthetic: boolean;

  @Field(() => String, { nullable: true, description: "Where the figure comes from." })
  @Column({ type: "varchar", length: 300, nullable: true })
  note: string | null;
}
