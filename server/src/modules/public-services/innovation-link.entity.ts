import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from "typeorm";
import { Market } from "../markets/market.entity";
import { Innovation } from "./innovation.entity";
import { PublicService } from "./public-service.entity";

/** One service an innovation changes, at its place in the innovation's list. */
@Entity("innovation_service")
@Unique(["innovationId", "serviceId"])
@Index(["serviceId"])
export class InnovationServiceLink {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: "innovation_id", type: "int" })
  innovationId: number;

  @ManyToOne(() => Innovation, { onDelete: "CASCADE" })
  @JoinColumn({ name: "innovation_id" })
  innovation?: Innovation;

  @Column({ name: "service_id", type: "int" })
  serviceId: number;

  // A service an innovation names is not deleted from under it (it is deactivated instead).
  @ManyToOne(() => PublicService, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "service_id" })
  service?: PublicService;

  @Column({ type: "int" })
  position: number;
}

/** One market an innovation covers, at its place in the innovation's list. */
@Entity("innovation_market")
@Unique(["innovationId", "marketId"])
@Index(["marketId"])
export class InnovationMarketLink {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: "innovation_id", type: "int" })
  innovationId: number;

  @ManyToOne(() => Innovation, { onDelete: "CASCADE" })
  @JoinColumn({ name: "innovation_id" })
  innovation?: Innovation;

  @Column({ name: "market_id", type: "int" })
  marketId: number;

  @ManyToOne(() => Market, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "market_id" })
  market?: Market;

  @Column({ type: "int" })
  position: number;
}
