import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from "typeorm";
import { moneyTransformer } from "../../database/transformers";
import { SafeInt } from "../../graphql/scalars";
import { Market } from "./market.entity";

@ObjectType({ description: "The yearly APBD target, for the regency (no market) or for one market." })
@Entity("revenue_target")
@Unique(["year", "marketId"])
export class RevenueTarget {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => Int)
  @Column({ type: "int" })
  year: number;

  @Field(() => ID, { nullable: true, description: "Null for the regency-wide target." })
  @Column({ name: "market_id", type: "int", nullable: true })
  marketId: number | null;

  @ManyToOne(() => Market, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "market_id" })
  market?: Market | null;

  @Field(() => SafeInt)
  @Column({ type: "bigint", transformer: moneyTransformer })
  amount: number;
}
