import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { LocalDate } from "../../graphql/scalars";
import { Stall } from "./stall.entity";
import { Trader } from "./trader.entity";

@ObjectType({ description: "SHPT: a trader's right to use a stall for a period. An active permit makes a stall occupied." })
@Entity("stall_permit")
@Index(["stallId", "validFrom"])
export class StallPermit {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field({ description: "Nomor Surat Hak Pemakaian Tempat." })
  @Column({ name: "shpt_number", type: "varchar", length: 40, unique: true })
  shptNumber: string;

  @Field(() => ID)
  @Column({ name: "stall_id", type: "int" })
  stallId: number;

  @ManyToOne(() => Stall, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "stall_id" })
  stall?: Stall;

  @Field(() => ID)
  @Index()
  @Column({ name: "trader_id", type: "int" })
  traderId: number;

  @ManyToOne(() => Trader, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "trader_id" })
  trader?: Trader;

  @Field(() => LocalDate)
  @Column({ name: "valid_from", type: "date" })
  validFrom: string;

  @Field(() => LocalDate, { nullable: true, description: "Last day of validity; open-ended when null." })
  @Column({ name: "valid_to", type: "date", nullable: true })
  validTo: string | null;
}
