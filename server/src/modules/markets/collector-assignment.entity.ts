import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { LocalDate } from "../../graphql/scalars";
import { User } from "../auth/user.entity";
import { Market } from "./market.entity";

@ObjectType({ description: "A collector's assignment to a market for a period." })
@Entity("collector_assignment")
@Index(["collectorId", "validFrom"])
export class CollectorAssignment {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => ID)
  @Column({ name: "collector_id", type: "int" })
  collectorId: number;

  @ManyToOne(() => User, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "collector_id" })
  collector?: User;

  @Field(() => ID)
  @Index()
  @Column({ name: "market_id", type: "int" })
  marketId: number;

  @ManyToOne(() => Market, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "market_id" })
  market?: Market;

  @Field(() => LocalDate)
  @Column({ name: "valid_from", type: "date" })
  validFrom: string;

  @Field(() => LocalDate, { nullable: true })
  @Column({ name: "valid_to", type: "date", nullable: true })
  validTo: string | null;
}
