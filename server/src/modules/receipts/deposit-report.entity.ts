import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { moneyTransformer } from "../../database/transformers";
import { DailyReport } from "./daily-report.entity";
import { Deposit } from "./deposit.entity";

/**
 * Links a deposit to a report it covers and how much of the deposit is attributed to that report.
 * `liveReportId` equals `reportId` until the deposit is rejected and is then cleared; its unique
 * index is what makes a report covered by at most one non-rejected deposit, even under concurrency.
 */
@Entity("deposit_report")
export class DepositReport {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ name: "deposit_id", type: "int" })
  depositId: number;

  @ManyToOne(() => Deposit, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "deposit_id" })
  deposit?: Deposit;

  @Index()
  @Column({ name: "report_id", type: "int" })
  reportId: number;

  @ManyToOne(() => DailyReport, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "report_id" })
  report?: DailyReport;

  @Column({ name: "live_report_id", type: "int", nullable: true, unique: true })
  liveReportId: number | null;

  @Column({ type: "bigint", transformer: moneyTransformer })
  allocated: number;
}
