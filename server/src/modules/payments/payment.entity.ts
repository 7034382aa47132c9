import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { moneyTransformer } from "../../database/transformers";
import { DateTime, JSONObject, LocalDate, SafeInt } from "../../graphql/scalars";
import { User } from "../auth/user.entity";
import { Market } from "../markets/market.entity";
import { Bill } from "./bill.entity";
import { PaymentChannel, PaymentMatchStatus, PaymentSource } from "./payment.enums";

@ObjectType({ description: "A payment notified by QRIS, virtual account, teller, EDC or autodebit; never deleted, reversals are recorded on it." })
@Entity("payment")
@Index(["channel", "externalRef"], { unique: true })
@Index(["marketId", "paidAt"])
@Index(["matchStatus", "paidAt"])
@Index(["marketId", "revenueDate"])
export class Payment {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => PaymentChannel)
  @Column({ type: "simple-enum", enum: PaymentChannel })
  channel: PaymentChannel;

  @Field({ description: "The channel's own reference: RRN for QRIS, VA reference, NTB at the teller." })
  @Column({ name: "external_ref", type: "varchar", length: 64 })
  externalRef: string;

  @Field({ description: "Kode bayar the payer quoted." })
  @Index()
  @Column({ name: "payment_code", type: "varchar", length: 20 })
  paymentCode: string;

  @Field(() => SafeInt)
  @Column({ type: "bigint", transformer: moneyTransformer })
  amount: number;

  @Field(() => DateTime)
  @Index()
  @Column({ name: "paid_at", type: "datetime" })
  paidAt: Date;

  @Field(() => String, { nullable: true })
  @Column({ name: "payer_name", type: "varchar", length: 120, nullable: true })
  payerName: string | null;

  @Field(() => String, { nullable: true, description: "Issuing bank or wallet (QRIS issuer, the payer's bank)." })
  @Column({ type: "varchar", length: 60, nullable: true })
  issuer: string | null;

  @Field(() => JSONObject, { nullable: true, description: "The notification as the channel sent it." })
  @Column({ name: "raw_notification", type: "simple-json", nullable: true })
  rawNotification: Record<string, unknown> | null;

  @Field(() => ID, { nullable: true })
  @Index()
  @Column({ name: "bill_id", type: "int", nullable: true })
  billId: number | null;

  @ManyToOne(() => Bill, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "bill_id" })
  bill?: Bill | null;

  @Field(() => ID, { nullable: true, description: "The market of the bill's stall; null when the code is unknown." })
  @Column({ name: "market_id", type: "int", nullable: true })
  marketId: number | null;

  @ManyToOne(() => Market, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "market_id" })
  market?: Market | null;

  @Field(() => PaymentMatchStatus)
  @Column({ name: "match_status", type: "simple-enum", enum: PaymentMatchStatus })
  matchStatus: PaymentMatchStatus;

  @Field(() => LocalDate, {
    nullable: true,
    description: "The day a MATCHED payment counts as paidOnline: the payment day, clamped into the bill's month.",
  })
  @Column({ name: "revenue_date", type: "date", nullable: true })
  revenueDate: string | null;

  @Field(() => PaymentSource)
  @Column({ type: "simple-enum", enum: PaymentSource })
  source: PaymentSource;

  @Field(() => DateTime)
  @Column({ name: "recorded_at", type: "datetime" })
  recordedAt: Date;

  @Field(() => ID, { nullable: true, description: "Who typed it in; null for a webhook notification." })
  @Column({ name: "recorded_by_id", type: "int", nullable: true })
  recordedById: number | null;

  @ManyToOne(() => User, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "recorded_by_id" })
  recordedBy?: User | null;

  @Field(() => DateTime, { nullable: true, description: "Batal bayar: when the payment was reversed." })
  @Column({ name: "reversed_at", type: "datetime", nullable: true })
  reversedAt: Date | null;

  @Field(() => ID, { nullable: true })
  @Column({ name: "reversed_by_id", type: "int", nullable: true })
  reversedById: number | null;

  @ManyToOne(() => User, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "reversed_by_id" })
  reversedBy?: User | null;

  @Field(() => String, { nullable: true })
  @Column({ name: "reversal_reason", type: "varchar", length: 500, nullable: true })
  reversalReason: string | null;
}
