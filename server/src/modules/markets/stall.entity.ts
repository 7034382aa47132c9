import { Field, Float, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from "typeorm";
import { Market } from "./market.entity";
import { StallKind, StallStatus } from "./market.enums";

@ObjectType({ description: "A kios, los or lapak in a market." })
@Entity("stall")
@Unique(["marketId", "code"])
@Index(["marketId", "kind"])
export class Stall {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => ID)
  @Column({ name: "market_id", type: "int" })
  marketId: number;

  @ManyToOne(() => Market, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "market_id" })
  market?: Market;

  @Field()
  @Column({ type: "varchar", length: 30 })
  code: string;

  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", length: 30, nullable: true })
  block: string | null;

  @Field(() => StallKind)
  @Column({ type: "simple-enum", enum: StallKind })
  kind: StallKind;

  /** Square decimetres, so that areas with two decimals of m² stay exact integers. */
  @Column({ name: "area_dm2", type: "int" })
  areaDm2: number;

  @Field(() => Float, { description: "Area in m², exact to two decimals." })
  get area(): number {
    return this.areaDm2 / 100;
  }

  @Field(() => StallStatus)
  @Column({ type: "simple-enum", enum: StallStatus, default: StallStatus.ACTIVE })
  status: StallStatus;
}
