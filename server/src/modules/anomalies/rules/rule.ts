import type { EntityManager } from "typeorm";
import type { Dialect } from "../../../database/database";
import { AnomalySeverity } from "../anomaly.enums";

/** What a rule looks at: an inclusive window of business days, some markets (null: all), its thresholds. */
export interface RuleContext {
  em: EntityManager;
  dialect: Dialect;
  from: string;
  to: string;
  /** The day detection runs on (Asia/Jakarta): rules about what is overdue count from here. */
  today: string;
  marketIds: number[] | null;
  thresholds: Record<string, number>;
  /** Public holidays (YYYY-MM-DD) on which banks and offices are closed. */
  holidays: readonly string[];
}

/** One finding; its fingerprint is rule + subject + day, so a re-run recognises it. */
export interface Finding {
  subject: string;
  businessDate: string | null;
  marketId: number | null;
  collectorId?: number | null;
  stallId?: number | null;
  amountAtRisk: number;
  summaryId: string;
  summaryEn: string;
  evidence: Record<string, unknown>;
}

export interface AnomalyRule {
  code: string;
  severity: AnomalySeverity;
  /** What the rule finds and why it matters, in English (README and the `rules` query). */
  description: string;
  /** Defaults; configuration may override each. */
  thresholds: Record<string, number>;
  /** Findings have no market (statement lines): they belong to runs over all markets only. */
  marketless?: boolean;
  /** Some findings have no market (a payment quoting no bill's code): re-checked after changes that concern no market. */
  mayLackMarket?: boolean;
  detect(ctx: RuleContext): Promise<Finding[]>;
}

export const rupiah = (amount: number) => `Rp${amount.toLocaleString("id-ID")}`;

/** ` AND <column> IN (?, ...)` and its parameters, or nothing for all markets. */
export function marketFilter(ctx: RuleContext, column: string): { sql: string; params: number[] } {
  if (ctx.marketIds === null) return { sql: "", params: [] };
  if (ctx.marketIds.length === 0) return { sql: " AND 1 = 0", params: [] };
  return { sql: ` AND ${column} IN (${ctx.marketIds.map(() => "?").join(", ")})`, params: ctx.marketIds };
}
