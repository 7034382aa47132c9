import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Agency } from "./agency.entity";
import { VenueKind } from "./venue.enums";

@ObjectType({ description: "A place where the public is served: the Mal Pelayanan Publik, a gerai, or an agency's office." })
@Entity("service_venue")
@Index(["kind", "active"])
export class ServiceVenue {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field()
  @Column({ type: "varchar", length: 200, unique: true })
  name: string;

  @Field(() => VenueKind)
  @Column({ type: "simple-enum", enum: VenueKind })
  kind: VenueKind;

  @Field()
  @Column({ type: "varchar", length: 300 })
  address: string;

  @Field(() => ID, { nullable: true, description: "The agency whose office this is (agency offices only)." })
  @Index()
  @Column({ name: "agency_id", type: "int", nullable: true })
  agencyId: number | null;

  @ManyToOne(() => Agency, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "agency_id" })
  agency?: Agency | null;

  @Field(() => String, { nullable: true, description: "Opening hours as announced, e.g. Senin-Jumat 08.00-15.00." })
  @Column({ name: "opening_hours", type: "varchar", length: 300, nullable: true })
  openingHours: string | null;

  @Field()
  @Column({ type: "boolean", default: true })
  active: boolean;
}
