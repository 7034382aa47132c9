import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { moneyTransformer } from "../../database/transformers";
import { DateTime, LocalDate, SafeInt } from "../../graphql/scalars";
import { Market } from "../markets/market.entity";
import { StallPermit } from "../markets/stall-permit.entity";
import { Stall } from "../markets/stall.entity";
import { Trader } from "../markets/trader.entity";
import { BillStatus } from "./payment.enums";

@ObjectType({ description: "SKRD: what a trader owes for a monthly-billed stall for one month." })
@Entity("bill")
@Index(["permitId", "period"], { unique: true })
@Index(["marketId", "period"])
@Index(["status", "dueDate"])
export class Bill {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field({ description: "Nomor SKRD, e.g. SKRD/PBC/2026-11/000123." })
  @Column({ name: "bill_number", type: "varchar", length: 40, unique: true })
  billNumber: string;

  @Field({ description: "Kode bayar quoted to QRIS, virtual account and teller channels." })
  @Column({ name: "payment_code", type: "varchar", length: 20, unique: true })
  paymentCode: string;

  @Field({ description: "The month billed, YYYY-MM." })
  @Column({ type: "varchar", length: 7 })
  period: string;

  @Field(() => ID)
  @Column({ name: "market_id", type: "int" })
  marketId: number;

  @ManyToOne(() => Market, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "market_id" })
  market?: Market;

  @Field(() => ID)
  @Index()
  @Column({ name: "stall_id", type: "int" })
  stallId: number;

  @ManyToOne(() => Stall, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "stall_id" })
  stall?: Stall;

  @Field(() => ID)
  @Column({ name: "permit_id", type: "int" })
  permitId: number;

  @ManyToOne(() => StallPermit, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "permit_id" })
  permit?: StallPermit;

  @Field(() => ID)
  @Index()
  @Column({ name: "trader_id", type: "int" })
  traderId: number;

  @ManyToOne(() => Trader, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "trader_id" })
  trader?: Trader;

  @Field(() => SafeInt, { description: "The monthly tariff for the days of the month the permit covers, in rupiah." })
  @Column({ type: "bigint", transformer: moneyTransformer })
  principal: number;

  @Field(() => LocalDate)
  @Column({ name: "due_date", type: "date" })
  dueDate: string;

  @Field(() => BillStatus)
  @Column({ type: "simple-enum", enum: BillStatus })
  status: BillStatus;

  @Field(() => DateTime)
  @Column({ name: "issued_at", type: "datetime" })
  issuedAt: Date;

  @Field(() => DateTime, { nullable: true, description: "When the payment that settled it was made." })
  @Column({ name: "paid_at", type: "datetime", nullable: true })
  paidAt: Date | null;
}
