import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from "typeorm";
import { PublicService } from "./public-service.entity";
import { VenueCounter } from "./venue-counter.entity";

/** One service a counter offers, at its place in the counter's list. */
@Entity("venue_counter_service")
@Unique(["counterId", "serviceId"])
@Index(["serviceId"])
export class VenueCounterService {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: "counter_id", type: "int" })
  counterId: number;

  @ManyToOne(() => VenueCounter, { onDelete: "CASCADE" })
  @JoinColumn({ name: "counter_id" })
  counter?: VenueCounter;

  @Column({ name: "service_id", type: "int" })
  serviceId: number;

  @ManyToOne(() => PublicService, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "service_id" })
  service?: PublicService;

  @Column({ type: "int" })
  position: number;
}
