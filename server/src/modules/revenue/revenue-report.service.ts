import { badInput, forbidden } from "../../common/errors";
import { parseId } from "../../common/ids";
import { addDays } from "../../common/local-date";
import type { Database } from "../../database/database";
import { placeholders, toInteger } from "../../database/sql-values";
import type { Actor } from "../auth/actor";
import type { RevenueSummaryService } from "./revenue-summary.service";
import { RevenueGrouping, type RevenueRow, type RevenueTotal } from "./revenue.types";
import { targetShare, yearSlices } from "./target-spread";

export interface RevenueQuery {
  from: string;
  to: string;
  groupBy: RevenueGrouping;
  marketIds?: readonly string[] | null;
}

const MAX_DAYS_BY_DAY = 366;
const MAX_YEARS = 10;

interface Figures {
  potential: number;
  collected: number;
  paidOnline: number;
  deposited: number;
}

/** The periods of [from, to] for a grouping: [label, first day, last day]. */
function periodsOf(from: string, to: string, groupBy: RevenueGrouping): Array<[string | null, string, string]> {
  if (groupBy === RevenueGrouping.MARKET) return [[null, from, to]];
  const out: Array<[string | null, string, string]> = [];
  if (groupBy === RevenueGrouping.DAY) {
    for (let d = from; d <= to; d = addDays(d, 1)) out.push([d, d, d]);
    return out;
  }
  for (let first = from; first <= to; ) {
    const month = first.slice(0, 7);
    const monthEnd = addDays(`${addDays(`${month}-28`, 4).slice(0, 7)}-01`, -1);
    const last = monthEnd < to ? monthEnd : to;
    out.push([month, first, last]);
    first = addDays(last, 1);
  }
  return out;
}

/** `revenueReport`: potential, target, collections, deposits and leakage per market and period. */
export class RevenueReportService {
  constructor(
    private readonly db: Database,
    private readonly summary: RevenueSummaryService,
  ) {}

  async report(actor: Actor, query: RevenueQuery): Promise<RevenueRow[]> {
    const { from, to, groupBy } = query;
    if (to < from) throw badInput({ to: "must be on or after from" });
    if (groupBy === RevenueGrouping.DAY && addDays(from, MAX_DAYS_BY_DAY - 1) < to) {
      throw badInput({ to: `a report by day covers at most ${MAX_DAYS_BY_DAY} days; group by MONTH for longer periods` });
    }
    if (Number(to.slice(0, 4)) - Number(from.slice(0, 4)) >= MAX_YEARS) throw badInput({ to: `a report covers at most ${MAX_YEARS} years` });
    const horizon = await this.summary.ensureHorizon();
    if (to > horizon) throw badInput({ to: `revenue figures reach until ${horizon}` });

    const markets = await this.marketsFor(actor, query.marketIds);
    if (markets.length === 0) return [];
    const ids = markets.map((m) => m.id);
    const [figures, targets] = await Promise.all([this.figures(ids, from, to, groupBy), this.targets(ids, from, to)]);

    const periods = periodsOf(from, to, groupBy).map(([period, first, last]) => ({ period, slices: yearSlices(first, last) }));
    const rows: RevenueRow[] = [];
    for (const market of markets) {
      for (const { period, slices } of periods) {
        const f = figures.get(`${market.id}|${period ?? ""}`) ?? { potential: 0, collected: 0, paidOnline: 0, deposited: 0 };
        let target = 0;
        for (const slice of slices) {
          const amount = targets.get(`${market.id}|${slice.year}`);
          if (amount) target += targetShare(amount, slice);
        }
        const leakage = Math.max(f.potential - f.deposited - f.paidOnline, 0);
        rows.push({
          marketId: String(market.id), marketName: market.name, period, potential: f.potential, target,
          collected: f.collected, paidOnline: f.paidOnline, deposited: f.deposited, undeposited: f.collected - f.deposited,
          uncollected: Math.max(f.potential - f.collected - f.paidOnline, 0), leakage,
          leakageRate: f.potential === 0 ? 0 : leakage / f.potential,
        });
      }
    }
    return rows;
  }

  /** `revenueTotals`: the report's market rows added up per period, in the report's period order. */
  async totals(actor: Actor, query: RevenueQuery): Promise<RevenueTotal[]> {
    const byPeriod = new Map<string | null, RevenueTotal>();
    for (const row of await this.report(actor, query)) {
      const t = byPeriod.get(row.period) ?? {
        period: row.period, markets: 0, potential: 0, target: 0, collected: 0, paidOnline: 0, deposited: 0,
        realised: 0, undeposited: 0, uncollected: 0, leakage: 0, leakageRate: 0,
      };
      t.markets++;
      t.potential += row.potential;
      t.target += row.target;
      t.collected += row.collected;
      t.paidOnline += row.paidOnline;
      t.deposited += row.deposited;
      t.realised += row.deposited + row.paidOnline;
      t.undeposited += row.undeposited;
      t.uncollected += row.uncollected;
      t.leakage += row.leakage;
      byPeriod.set(row.period, t);
    }
    const totals = [...byPeriod.values()];
    for (const t of totals) t.leakageRate = t.potential === 0 ? 0 : t.leakage / t.potential;
    return totals;
  }

  /** The requested markets (all when none are named) that the actor may see, by code. */
  private async marketsFor(actor: Actor, rawIds: readonly string[] | null | undefined): Promise<Array<{ id: number; name: string }>> {
    const scope = await actor.marketScope();
    const requested = rawIds ? [...new Set(rawIds.map((id, i) => parseId(id, `marketIds.${i}`)))] : null;
    if (requested && scope !== null) {
      const outside = requested.find((id) => !scope.includes(id));
      if (outside !== undefined) throw forbidden(`Market ${outside} is outside your assigned markets`);
    }
    const ids = requested ?? scope;
    if (ids && ids.length === 0) return [];
    const rows: Array<{ id: number; name: string }> = await this.db.manager.query(
      `SELECT id, name FROM market${ids ? ` WHERE id IN (${placeholders(ids.length)})` : ""} ORDER BY code`,
      ids ?? [],
    );
    if (requested && rows.length !== requested.length) {
      const found = new Set(rows.map((r) => Number(r.id)));
      const missing = requested.findIndex((id) => !found.has(id));
      throw badInput({ [`marketIds.${rawIds!.indexOf(String(requested[missing]))}`]: "does not exist" });
    }
    return rows.map((r) => ({ id: Number(r.id), name: r.name }));
  }

  /** One aggregate over the summary table, grouped as asked. */
  private async figures(marketIds: number[], from: string, to: string, groupBy: RevenueGrouping): Promise<Map<string, Figures>> {
    const period = groupBy === RevenueGrouping.DAY ? "business_date" : groupBy === RevenueGrouping.MONTH ? "SUBSTR(business_date, 1, 7)" : "NULL";
    const rows: Array<Record<string, unknown>> = await this.db.manager.query(
      `SELECT market_id, ${period} AS period, SUM(potential) AS potential, SUM(collected) AS collected,
              SUM(paid_online) AS paid_online, SUM(deposited) AS deposited
       FROM daily_market_summary
       WHERE market_id IN (${placeholders(marketIds.length)}) AND business_date BETWEEN ? AND ?
       GROUP BY market_id${groupBy === RevenueGrouping.MARKET ? "" : `, ${period}`}`,
      [...marketIds, from, to],
    );
    return new Map(rows.map((r) => [
      `${Number(r.market_id)}|${r.period === null ? "" : String(r.period).slice(0, 10)}`,
      { potential: toInteger(r.potential), collected: toInteger(r.collected), paidOnline: toInteger(r.paid_online), deposited: toInteger(r.deposited) },
    ]));
  }

  private async targets(marketIds: number[], from: string, to: string): Promise<Map<string, number>> {
    const rows: Array<{ market_id: number; year: number; amount: string | number }> = await this.db.manager.query(
      `SELECT market_id, year, amount FROM revenue_target WHERE market_id IN (${placeholders(marketIds.length)}) AND year BETWEEN ? AND ?`,
      [...marketIds, Number(from.slice(0, 4)), Number(to.slice(0, 4))],
    );
    return new Map(rows.map((r) => [`${Number(r.market_id)}|${Number(r.year)}`, toInteger(r.amount)]));
  }
}
