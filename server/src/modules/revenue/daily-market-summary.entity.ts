import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from "typeorm";
import { moneyTransformer } from "../../database/transformers";
import { Market } from "../markets/market.entity";

/**
 * Revenue figures per market and business day, kept in the same transaction as the rows they
 * summarise (reports, deposits, permits, tariffs); `recompute-summaries` rebuilds them from the raw rows.
 */
@Entity("daily_market_summary")
export class DailyMarketSummary {
  @PrimaryColumn({ name: "market_id", type: "int" })
  marketId: number;

  @ManyToOne(() => Market, { onDelete: "CASCADE" })
  @JoinColumn({ name: "market_id" })
  market?: Market;

  @PrimaryColumn({ name: "business_date", type: "date" })
  businessDate: string;

  @Column({ type: "bigint", default: 0, transformer: moneyTransformer })
  potential: number;

  @Column({ type: "bigint", default: 0, transformer: moneyTransformer })
  collected: number;

  @Column({ name: "paid_online", type: "bigint", default: 0, transformer: moneyTransformer })
  paidOnline: number;

  @Column({ type: "bigint", default: 0, transformer: moneyTransformer })
  deposited: number;

  @Column({ name: "receipt_count", type: "int", default: 0 })
  receiptCount: number;

  @Column({ name: "report_count", type: "int", default: 0 })
  reportCount: number;
}
