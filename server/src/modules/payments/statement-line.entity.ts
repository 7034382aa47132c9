import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { moneyTransformer } from "../../database/transformers";
import { LocalDate, SafeInt } from "../../graphql/scalars";
import { Deposit } from "../receipts/deposit.entity";
import { BankStatement } from "./bank-statement.entity";
import { Payment } from "./payment.entity";
import { StatementMatchStatus } from "./payment.enums";

@ObjectType({ description: "One transaction line of a bank statement and what it was reconciled with." })
@Entity("statement_line")
@Index(["statementId", "lineNo"], { unique: true })
@Index(["matchStatus", "valueDate"])
export class StatementLine {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => ID)
  @Column({ name: "statement_id", type: "int" })
  statementId: number;

  @ManyToOne(() => BankStatement, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "statement_id" })
  statement?: BankStatement;

  @Field(() => Int, { description: "The line's number in the file (the header is line 1)." })
  @Column({ name: "line_no", type: "int" })
  lineNo: number;

  @Field(() => LocalDate)
  @Index()
  @Column({ name: "value_date", type: "date" })
  valueDate: string;

  @Field()
  @Column({ type: "varchar", length: 255 })
  description: string;

  @Field(() => String, { nullable: true })
  @Index()
  @Column({ type: "varchar", length: 64, nullable: true })
  reference: string | null;

  @Field(() => SafeInt)
  @Column({ type: "bigint", transformer: moneyTransformer })
  credit: number;

  @Field(() => SafeInt)
  @Column({ type: "bigint", transformer: moneyTransformer })
  debit: number;

  @Field(() => SafeInt, { nullable: true })
  @Column({ type: "bigint", nullable: true, transformer: moneyTransformer })
  balance: number | null;

  @Field(() => StatementMatchStatus)
  @Column({ name: "match_status", type: "simple-enum", enum: StatementMatchStatus })
  matchStatus: StatementMatchStatus;

  @Field(() => ID, { nullable: true })
  @Column({ name: "payment_id", type: "int", nullable: true, unique: true })
  paymentId: number | null;

  @ManyToOne(() => Payment, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "payment_id" })
  payment?: Payment | null;

  @Field(() => ID, { nullable: true })
  @Column({ name: "deposit_id", type: "int", nullable: true, unique: true })
  depositId: number | null;

  @ManyToOne(() => Deposit, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "deposit_id" })
  deposit?: Deposit | null;
}
