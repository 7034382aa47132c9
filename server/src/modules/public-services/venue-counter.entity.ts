import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { LocalDate } from "../../graphql/scalars";
import { Agency } from "./agency.entity";
import { ServiceVenue } from "./service-venue.entity";

/**
 * An agency's counter (loket) at a venue for a period. The services it offers are an ordered list
 * kept in `venue_counter_service`; `serviceIds` carries that list through a write (not a column).
 */
@ObjectType({ description: "An agency's counter (loket) at a venue, for a period, with the services it offers." })
@Entity("venue_counter")
@Index(["venueId", "counterNumber"])
export class VenueCounter {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => ID)
  @Column({ name: "venue_id", type: "int" })
  venueId: number;

  @ManyToOne(() => ServiceVenue, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "venue_id" })
  venue?: ServiceVenue;

  @Field(() => ID)
  @Index()
  @Column({ name: "agency_id", type: "int" })
  agencyId: number;

  @ManyToOne(() => Agency, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "agency_id" })
  agency?: Agency;

  @Field(() => Int, { description: "Nomor loket; unique at a venue among counters whose periods overlap." })
  @Column({ name: "counter_number", type: "int" })
  counterNumber: number;

  @Field(() => LocalDate, { description: "First day the counter serves." })
  @Column({ name: "active_from", type: "date" })
  activeFrom: string;

  @Field(() => LocalDate, { nullable: true, description: "Last day the counter serves; open-ended when null." })
  @Column({ name: "active_to", type: "date", nullable: true })
  activeTo: string | null;

  /** The services offered, in order, while the counter is being written. */
  serviceIds?: number[];
}
