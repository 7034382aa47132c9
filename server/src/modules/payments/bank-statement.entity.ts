import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { moneyTransformer } from "../../database/transformers";
import { DateTime, LocalDate, SafeInt } from "../../graphql/scalars";
import { User } from "../auth/user.entity";
import { BankStatementStatus } from "./payment.enums";

@ObjectType({ description: "Rekening koran: a CSV export of the regional treasury account, stored once per file." })
@Entity("bank_statement")
@Index(["status", "importedAt"])
export class BankStatement {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field({ description: "The treasury account number the statement is of." })
  @Column({ name: "account_no", type: "varchar", length: 34 })
  accountNo: string;

  @Field()
  @Column({ name: "file_name", type: "varchar", length: 200 })
  fileName: string;

  @Field({ description: "SHA-256 of the file; the same file imported again is this statement." })
  @Column({ name: "file_digest", type: "varchar", length: 64, unique: true })
  fileDigest: string;

  @Field(() => BankStatementStatus)
  @Column({ type: "simple-enum", enum: BankStatementStatus })
  status: BankStatementStatus;

  @Field(() => Int, { description: "Transaction lines in the file." })
  @Column({ name: "line_count", type: "int" })
  lineCount: number;

  @Field(() => Int, { description: "Lines stored and reconciled so far: the import's progress." })
  @Column({ name: "lines_imported", type: "int" })
  linesImported: number;

  @Field(() => SafeInt)
  @Column({ name: "credit_total", type: "bigint", transformer: moneyTransformer })
  creditTotal: number;

  @Field(() => SafeInt)
  @Column({ name: "debit_total", type: "bigint", transformer: moneyTransformer })
  debitTotal: number;

  @Field(() => LocalDate, { nullable: true })
  @Column({ name: "first_value_date", type: "date", nullable: true })
  firstValueDate: string | null;

  @Field(() => LocalDate, { nullable: true })
  @Column({ name: "last_value_date", type: "date", nullable: true })
  lastValueDate: string | null;

  @Field(() => Int, { description: "Credit lines matched to a payment or a verified deposit." })
  @Column({ name: "matched_count", type: "int" })
  matchedCount: number;

  @Field(() => SafeInt)
  @Column({ name: "matched_amount", type: "bigint", transformer: moneyTransformer })
  matchedAmount: number;

  @Field(() => Int, { description: "Credit lines left as exceptions." })
  @Column({ name: "unmatched_count", type: "int" })
  unmatchedCount: number;

  @Field(() => SafeInt)
  @Column({ name: "unmatched_amount", type: "bigint", transformer: moneyTransformer })
  unmatchedAmount: number;

  @Field(() => ID)
  @Column({ name: "imported_by_id", type: "int" })
  importedById: number;

  @ManyToOne(() => User, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "imported_by_id" })
  importedBy?: User;

  @Field(() => DateTime)
  @Column({ name: "imported_at", type: "datetime" })
  importedAt: Date;

  @Field(() => DateTime, { nullable: true })
  @Column({ name: "completed_at", type: "datetime", nullable: true })
  completedAt: Date | null;
}
