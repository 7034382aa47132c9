import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { moneyTransformer } from "../../database/transformers";
import { DateTime, LocalDate, SafeInt } from "../../graphql/scalars";
import { Stall } from "../markets/stall.entity";
import { DailyReport } from "./daily-report.entity";

/**
 * One karcis sold. Market and business date are copied from the report so that revenue over the raw
 * rows is one scan of the covering index (business_date, market_id, amount).
 */
@ObjectType({ description: "One ticket (karcis) sold to a stall." })
@Entity("receipt")
@Index(["businessDate", "marketId", "amount"])
@Index(["series", "number"])
@Index(["stallId", "businessDate"])
export class Receipt {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => ID)
  @Index()
  @Column({ name: "report_id", type: "int" })
  reportId: number;

  @ManyToOne(() => DailyReport, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "report_id" })
  report?: DailyReport;

  @Field(() => ID)
  @Column({ name: "market_id", type: "int" })
  marketId: number;

  @Field(() => ID)
  @Column({ name: "stall_id", type: "int" })
  stallId: number;

  @ManyToOne(() => Stall, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "stall_id" })
  stall?: Stall;

  @Field(() => LocalDate)
  @Column({ name: "business_date", type: "date" })
  businessDate: string;

  @Field({ description: "The series printed on the ticket, e.g. PBC-A." })
  @Column({ type: "varchar", length: 20 })
  series: string;

  @Field(() => Int)
  @Column({ type: "int" })
  number: number;

  @Field(() => SafeInt)
  @Column({ type: "bigint", transformer: moneyTransformer })
  amount: number;

  @Field(() => DateTime, { nullable: true })
  @Column({ name: "collected_at", type: "datetime", nullable: true })
  collectedAt: Date | null;
}
