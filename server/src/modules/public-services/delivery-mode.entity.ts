import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from "typeorm";
import { DeliveryMode, PostageBorneBy } from "./innovation.enums";
import { PublicService } from "./public-service.entity";
import { ServiceVenue } from "./service-venue.entity";

/**
 * One way a service is delivered. Which of the optional columns are filled depends on the mode
 * (delivery-mode.rules.ts); a service's modes are always replaced as a whole, kept in `position` order.
 */
@ObjectType({ description: "One way a service is delivered: at a venue's counter, online, by post, or brought to residents (outreach)." })
@Entity("service_delivery_mode")
@Unique(["serviceId", "position"])
@Index(["venueId"])
export class ServiceDeliveryMode {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => ID)
  @Column({ name: "service_id", type: "int" })
  serviceId: number;

  // The modes describe the service itself, not history: they go with it.
  @ManyToOne(() => PublicService, { onDelete: "CASCADE" })
  @JoinColumn({ name: "service_id" })
  service?: PublicService;

  @Column({ type: "int" })
  position: number;

  @Field(() => DeliveryMode)
  @Column({ type: "simple-enum", enum: DeliveryMode })
  mode: DeliveryMode;

  @Field(() => ID, { nullable: true, description: "COUNTER: the venue (MPP, gerai or office) where it is served." })
  @Column({ name: "venue_id", type: "int", nullable: true })
  venueId: number | null;

  @ManyToOne(() => ServiceVenue, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "venue_id" })
  venue?: ServiceVenue | null;

  @Field(() => String, { nullable: true, description: "ONLINE: where to apply." })
  @Column({ type: "varchar", length: 300, nullable: true })
  url: string | null;

  @Field(() => Boolean, { nullable: true, description: "ONLINE: true when no visit is needed at any step." })
  @Column({ name: "fully_online", type: "boolean", nullable: true })
  fullyOnline: boolean | null;

  @Field(() => PostageBorneBy, { nullable: true, description: "POSTAL_DELIVERY: who pays the postage." })
  @Column({ name: "postage_borne_by", type: "simple-enum", enum: PostageBorneBy, nullable: true })
  postageBorneBy: PostageBorneBy | null;

  @Field(() => Int, { nullable: true, description: "POSTAL_DELIVERY: typical days until the product arrives (1-60)." })
  @Column({ name: "typical_days", type: "int", nullable: true })
  typicalDays: number | null;

  @Field(() => String, { nullable: true, description: "OUTREACH: where the service goes, e.g. desa, sekolah, rumah sakit." })
  @Column({ type: "varchar", length: 300, nullable: true })
  places: string | null;

  @Field(() => String, { nullable: true, description: "OUTREACH: how often, e.g. setiap Selasa dan Kamis." })
  @Column({ type: "varchar", length: 200, nullable: true })
  frequency: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", length: 500, nullable: true })
  note: string | null;
}
