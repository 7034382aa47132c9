import type { Database } from "../../database/database";
import { placeholders, toInteger } from "../../database/sql-values";
import type { Actor } from "../auth/actor";
import type { RevenueReportService } from "./revenue-report.service";
import { RevenueGrouping } from "./revenue.types";
import type { MarketDigitalisation } from "./digitalisation.types";

/** The channels that count as digital for Smart Traditional Market; a bank teller or EDC counter does not. */
export const DIGITAL_CHANNELS = ["QRIS", "VIRTUAL_ACCOUNT", "AUTODEBIT"] as const;

export interface DigitalisationQuery {
  from: string;
  to: string;
  marketIds?: readonly string[] | null;
}

type Row = Record<string, unknown>;

/**
 * `marketDigitalisation`: per market and month, the share of realised revenue and of paying traders
 * that went through digital channels. Realised and cash are revenueReport's (same markets, same
 * scope, same days); the digital side comes from the payments by their revenue day, the payers from
 * bills (payments) and from the permits of stalls with a karcis (cash), in two aggregate queries.
 */
export class MarketDigitalisationService {
  constructor(
    private readonly db: Database,
    private readonly revenue: RevenueReportService,
  ) {}

  async report(actor: Actor, query: DigitalisationQuery): Promise<MarketDigitalisation[]> {
    const rows = await this.revenue.report(actor, { from: query.from, to: query.to, groupBy: RevenueGrouping.MONTH, marketIds: query.marketIds });
    if (rows.length === 0) return [];
    const ids = [...new Set(rows.map((r) => Number(r.marketId)))];
    const [digital, payers] = await Promise.all([this.digital(ids, query.from, query.to), this.payers(ids, query.from, query.to)]);
    return rows.map((r) => {
      const key = `${r.marketId}|${r.period}`;
      const d = digital.get(key) ?? { amount: 0, payments: 0 };
      const p = payers.get(key) ?? { payers: 0, digitalPayers: 0 };
      const realised = r.deposited + r.paidOnline;
      return {
        marketId: r.marketId, marketName: r.marketName, period: r.period!, realised, cash: r.deposited, digital: d.amount,
        otherNonCash: r.paidOnline - d.amount, digitalShare: realised === 0 ? 0 : d.amount / realised, digitalPayments: d.payments,
        payers: p.payers, digitalPayers: p.digitalPayers, digitalPayerShare: p.payers === 0 ? 0 : p.digitalPayers / p.payers,
      };
    });
  }

  private async digital(marketIds: number[], from: string, to: string): Promise<Map<string, { amount: number; payments: number }>> {
    const rows: Row[] = await this.db.manager.query(
      `SELECT market_id, SUBSTR(revenue_date, 1, 7) AS period, SUM(amount) AS amount, COUNT(*) AS payments
       FROM payment
       WHERE match_status = 'MATCHED' AND reversed_at IS NULL AND channel IN (${placeholders(DIGITAL_CHANNELS.length)})
         AND market_id IN (${placeholders(marketIds.length)}) AND revenue_date BETWEEN ? AND ?
       GROUP BY market_id, SUBSTR(revenue_date, 1, 7)`,
      [...DIGITAL_CHANNELS, ...marketIds, from, to],
    );
    return new Map(rows.map((r) => [`${Number(r.market_id)}|${String(r.period)}`, { amount: toInteger(r.amount), payments: toInteger(r.payments) }]));
  }

  /**
   * Distinct traders per market and month over both ways of paying: a matched payment of their bill
   * (digital or not), or a karcis on a stall under their permit that day in a report that counts.
   */
  private async payers(marketIds: number[], from: string, to: string): Promise<Map<string, { payers: number; digitalPayers: number }>> {
    const markets = placeholders(marketIds.length);
    const rows: Row[] = await this.db.manager.query(
      `SELECT market_id, period, COUNT(DISTINCT trader_id) AS payers, COUNT(DISTINCT CASE WHEN digital = 1 THEN trader_id END) AS digital_payers
       FROM (
         SELECT p.market_id, SUBSTR(p.revenue_date, 1, 7) AS period, b.trader_id,
                CASE WHEN p.channel IN (${placeholders(DIGITAL_CHANNELS.length)}) THEN 1 ELSE 0 END AS digital
         FROM payment p JOIN bill b ON b.id = p.bill_id
         WHERE p.match_status = 'MATCHED' AND p.reversed_at IS NULL AND p.market_id IN (${markets}) AND p.revenue_date BETWEEN ? AND ?
         UNION ALL
         SELECT DISTINCT r.market_id, SUBSTR(r.business_date, 1, 7) AS period, sp.trader_id, 0 AS digital
         FROM receipt r
         JOIN daily_report d ON d.id = r.report_id AND d.status = 'SUBMITTED'
         JOIN stall_permit sp ON sp.stall_id = r.stall_id AND sp.valid_from <= r.business_date AND (sp.valid_to IS NULL OR sp.valid_to >= r.business_date)
         WHERE r.market_id IN (${markets}) AND r.business_date BETWEEN ? AND ?
       ) x
       GROUP BY market_id, period`,
      [...DIGITAL_CHANNELS, ...marketIds, from, to, ...marketIds, from, to],
    );
    return new Map(rows.map((r) => [
      `${Number(r.market_id)}|${String(r.period)}`,
      { payers: toInteger(r.payers), digitalPayers: toInteger(r.digital_payers) },
    ]));
  }
}
