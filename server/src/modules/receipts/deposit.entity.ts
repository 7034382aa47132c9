import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { moneyTransformer } from "../../database/transformers";
import { DateTime, SafeInt } from "../../graphql/scalars";
import { User } from "../auth/user.entity";
import { Market } from "../markets/market.entity";
import { DepositStatus } from "./receipt.enums";

@ObjectType({ description: "Setoran: cash takings paid into the regional treasury account, with its STS." })
@Entity("deposit")
@Index(["marketId", "depositedAt"])
@Index(["status", "depositedAt"])
export class Deposit {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => ID)
  @Column({ name: "client_id", type: "varchar", length: 64, unique: true })
  clientId: string;

  @Column({ name: "content_hash", type: "varchar", length: 64 })
  contentHash: string;

  @Field(() => ID)
  @Index()
  @Column({ name: "collector_id", type: "int" })
  collectorId: number;

  @ManyToOne(() => User, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "collector_id" })
  collector?: User;

  @Field(() => ID)
  @Column({ name: "market_id", type: "int" })
  marketId: number;

  @ManyToOne(() => Market, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "market_id" })
  market?: Market;

  @Field(() => SafeInt)
  @Column({ type: "bigint", transformer: moneyTransformer })
  amount: number;

  @Field(() => SafeInt, { description: "What the covered reports collected; more than `amount` means a shortfall." })
  @Column({ name: "reports_total", type: "bigint", transformer: moneyTransformer })
  reportsTotal: number;

  @Field(() => DateTime)
  @Column({ name: "deposited_at", type: "datetime" })
  depositedAt: Date;

  @Field({ description: "Nomor Surat Tanda Setoran." })
  @Index("IDX_deposit_sts_number")
  @Column({ name: "sts_number", type: "varchar", length: 60 })
  stsNumber: string;

  @Field(() => String, { nullable: true, description: "NTB/NTPD of the bank transaction." })
  @Index("IDX_deposit_bank_reference")
  @Column({ name: "bank_reference", type: "varchar", length: 60, nullable: true })
  bankReference: string | null;

  @Field(() => DepositStatus)
  @Column({ type: "simple-enum", enum: DepositStatus })
  status: DepositStatus;

  @Field(() => DateTime)
  @Column({ name: "recorded_at", type: "datetime" })
  recordedAt: Date;

  @Field(() => ID)
  @Column({ name: "recorded_by_id", type: "int" })
  recordedById: number;

  @ManyToOne(() => User, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "recorded_by_id" })
  recordedBy?: User;

  @Field(() => ID, { nullable: true })
  @Column({ name: "verified_by_id", type: "int", nullable: true })
  verifiedById: number | null;

  @ManyToOne(() => User, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "verified_by_id" })
  verifiedBy?: User | null;

  @Field(() => DateTime, { nullable: true, description: "When the treasurer verified or rejected it." })
  @Column({ name: "verified_at", type: "datetime", nullable: true })
  verifiedAt: Date | null;

  @Field(() => String, { nullable: true })
  @Column({ name: "verification_note", type: "varchar", length: 500, nullable: true })
  verificationNote: string | null;
}
