import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { moneyTransformer } from "../../database/transformers";
import { DateTime, SafeInt } from "../../graphql/scalars";
import { User } from "../auth/user.entity";
import { Market } from "./market.entity";

@ObjectType({ description: "A book of numbered karcis issued to a collector; every ticket is reported sold or returned." })
@Entity("ticket_book")
@Index(["series", "firstNumber"])
export class TicketBook {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field()
  @Column({ type: "varchar", length: 20 })
  series: string;

  @Field(() => Int)
  @Column({ name: "first_number", type: "int" })
  firstNumber: number;

  @Field(() => Int)
  @Column({ name: "last_number", type: "int" })
  lastNumber: number;

  @Field(() => SafeInt, { description: "Rupiah printed on each ticket." })
  @Column({ name: "face_value", type: "bigint", transformer: moneyTransformer })
  faceValue: number;

  @Field(() => ID)
  @Index()
  @Column({ name: "market_id", type: "int" })
  marketId: number;

  @ManyToOne(() => Market, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "market_id" })
  market?: Market;

  @Field(() => ID)
  @Index()
  @Column({ name: "collector_id", type: "int" })
  collectorId: number;

  @ManyToOne(() => User, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "collector_id" })
  collector?: User;

  @Field(() => DateTime)
  @Column({ name: "issued_at", type: "datetime" })
  issuedAt: Date;

  @Field(() => DateTime, { nullable: true, description: "When the used stubs and unused tickets came back." })
  @Column({ name: "returned_at", type: "datetime", nullable: true })
  returnedAt: Date | null;
}
