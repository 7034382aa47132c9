import type { EntityManager } from "typeorm";
import type { Database } from "../../database/database";
import { placeholders, toInteger, upsertClause } from "../../database/sql-values";
import { addDays, todayInJakarta } from "../../common/local-date";
import { monthlyShareSql, ticketAmountSql } from "./tariff-sql";

export interface CollectedDelta {
  marketId: number;
  businessDate: string;
  collected: number;
  receipts: number;
  reports: number;
}

export interface AmountOnDay {
  marketId: number;
  businessDate: string;
  amount: number;
}

export interface SummaryRow {
  marketId: number;
  businessDate: string;
  potential: number;
  collected: number;
  paidOnline: number;
  deposited: number;
  receiptCount: number;
  reportCount: number;
}

const HORIZON_ID = 1;

/** The last day of the year of `day`. */
function yearEnd(day: string): string {
  return `${day.slice(0, 4)}-12-31`;
}

/**
 * Keeps `daily_market_summary` equal to what the raw rows say. Every writer calls it inside its own
 * transaction; `recomputeAll` rebuilds the table from scratch and `differences` proves equality.
 */
export class RevenueSummaryService {
  /** The horizon only ever grows, so once it reaches a day no request needs to ask again. */
  private knownHorizon: string | null = null;

  constructor(private readonly db: Database) {}

  private get dialect() {
    return this.db.dialect;
  }

  async addCollected(em: EntityManager, delta: CollectedDelta): Promise<void> {
    await em.query(
      `INSERT INTO daily_market_summary (market_id, business_date, collected, receipt_count, report_count) VALUES (?, ?, ?, ?, ?) ` +
        upsertClause(this.dialect, ["market_id", "business_date"], {
          collected: (a, b) => `${a} + ${b}`,
          receipt_count: (a, b) => `${a} + ${b}`,
          report_count: (a, b) => `${a} + ${b}`,
        }),
      [delta.marketId, delta.businessDate, delta.collected, delta.receipts, delta.reports],
    );
  }

  async addDeposited(em: EntityManager, amounts: AmountOnDay[]): Promise<void> {
    await this.addAmounts(em, "deposited", amounts);
  }

  async addPaidOnline(em: EntityManager, amounts: AmountOnDay[]): Promise<void> {
    await this.addAmounts(em, "paid_online", amounts);
  }

  private async addAmounts(em: EntityManager, column: "deposited" | "paid_online", amounts: AmountOnDay[]): Promise<void> {
    const merged = new Map<string, AmountOnDay>();
    for (const a of amounts) {
      const key = `${a.marketId}|${a.businessDate}`;
      const seen = merged.get(key);
      merged.set(key, seen ? { ...seen, amount: seen.amount + a.amount } : { ...a });
    }
    const rows = [...merged.values()].filter((a) => a.amount !== 0);
    if (rows.length === 0) return;
    await em.query(
      `INSERT INTO daily_market_summary (market_id, business_date, ${column}) VALUES ${rows.map(() => "(?, ?, ?)").join(", ")} ` +
        upsertClause(this.dialect, ["market_id", "business_date"], { [column]: (a, b) => `${a} + ${b}` }),
      rows.flatMap((a) => [a.marketId, a.businessDate, a.amount]),
    );
  }

  /** The last day whose potential the summary holds. */
  async horizon(em: EntityManager = this.db.manager): Promise<string | null> {
    const rows: Array<{ potential_until: string }> = await em.query("SELECT potential_until FROM summary_horizon WHERE id = ?", [HORIZON_ID]);
    return rows[0] ? String(rows[0].potential_until).slice(0, 10) : null;
  }

  /**
   * Makes the summary hold potential up to the end of the current year: on a new database, and when
   * the year turns. Cheap when nothing is to do.
   */
  async ensureHorizon(today: string = todayInJakarta()): Promise<string> {
    const wanted = yearEnd(today);
    if (this.knownHorizon !== null && this.knownHorizon >= wanted) return this.knownHorizon;
    const current = await this.horizon();
    if (current !== null && current >= wanted) return (this.knownHorizon = current);
    this.knownHorizon = await this.db.transaction(async (em) => {
      const locked = this.dialect === "sqlite" ? "" : " FOR UPDATE";
      const rows: Array<{ potential_until: string }> = await em.query(`SELECT potential_until FROM summary_horizon WHERE id = ?${locked}`, [HORIZON_ID]);
      const before = rows[0] ? String(rows[0].potential_until).slice(0, 10) : null;
      if (before !== null && before >= wanted) return before;
      if (before === null) await em.query("INSERT INTO summary_horizon (id, potential_until) VALUES (?, ?)", [HORIZON_ID, wanted]);
      else await em.query("UPDATE summary_horizon SET potential_until = ? WHERE id = ?", [wanted, HORIZON_ID]);
      const from = before === null ? await this.earliestPermitDay(em, null) : addDays(before, 1);
      if (from !== null) await this.recomputePotential(em, null, from, wanted);
      return wanted;
    });
    return this.knownHorizon;
  }

  /** The first day any permit of these markets (all when null) starts, or null without permits. */
  async earliestPermitDay(em: EntityManager, marketIds: number[] | null, stallId?: number): Promise<string | null> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (marketIds) {
      if (marketIds.length === 0) return null;
      where.push(`s.market_id IN (${placeholders(marketIds.length)})`);
      params.push(...marketIds);
    }
    if (stallId !== undefined) {
      where.push("p.stall_id = ?");
      params.push(stallId);
    }
    const rows: Array<{ first: string | null }> = await em.query(
      `SELECT MIN(p.valid_from) AS first FROM stall_permit p JOIN stall s ON s.id = p.stall_id${where.length ? ` WHERE ${where.join(" AND ")}` : ""}`,
      params,
    );
    return rows[0]?.first ? String(rows[0].first).slice(0, 10) : null;
  }

  /**
   * Recomputes potential for the markets (all when null) over [from, to], clamped to the horizon.
   * Per m² per day
   * rounds half up per stall and day; a monthly amount is spread as amount DIV days-in-month on each
   * day with the remainder on the month's last day, so a whole month sums to the tariff exactly.
   */
  async recomputePotential(em: EntityManager, marketIds: number[] | null, from: string, to: string | null): Promise<void> {
    const horizon = (await this.horizon(em)) ?? null;
    if (horizon === null) return; // nothing materialised yet; ensureHorizon computes everything
    const until = to === null || to > horizon ? horizon : to;
    if (from > until || (marketIds && marketIds.length === 0)) return;
    const marketFilter = marketIds ? ` AND market_id IN (${placeholders(marketIds.length)})` : "";
    const marketParams = marketIds ?? [];
    await em.query(
      `UPDATE daily_market_summary SET potential = 0 WHERE business_date BETWEEN ? AND ?${marketFilter}`,
      [from, until, ...marketParams],
    );
    const select = this.potentialSelect(marketIds);
    await em.query(
      `INSERT INTO daily_market_summary (market_id, business_date, potential) ${select} ` +
        upsertClause(this.dialect, ["market_id", "business_date"], { potential: (_a, b) => b }),
      [from, until, ...marketParams],
    );
  }

  /**
   * Adds (sign 1) or removes (sign -1) what one stall owes over a period, for a permit that starts,
   * ends or changes: a few hundred rows instead of recomputing the market. The stall is given by its
   * attributes, so a stall's previous kind or area can be taken out after it changed.
   */
  async adjustStallPotential(
    em: EntityManager,
    stall: { marketId: number; kind: string; areaDm2: number },
    period: { validFrom: string; validTo: string | null },
    sign: 1 | -1,
  ): Promise<void> {
    const horizon = await this.horizon(em);
    if (horizon === null) return;
    const until = period.validTo === null || period.validTo > horizon ? horizon : period.validTo;
    if (period.validFrom > until) return;
    const [market]: Array<{ market_class: string }> = await em.query("SELECT market_class FROM market WHERE id = ?", [stall.marketId]);
    if (!market) return;
    await em.query(
      `INSERT INTO daily_market_summary (market_id, business_date, potential)
       SELECT ?, c.day, ? * ${this.perDayPotential("?")}
       FROM calendar_day c
       JOIN tariff t ON t.stall_kind = ? AND t.market_class = ? AND t.valid_from <= c.day AND (t.valid_to IS NULL OR t.valid_to >= c.day)
       WHERE c.day BETWEEN ? AND ? ` +
        upsertClause(this.dialect, ["market_id", "business_date"], { potential: (a, b) => `${a} + ${b}` }),
      [stall.marketId, sign, stall.areaDm2, stall.kind, market.market_class, period.validFrom, until],
    );
  }

  /**
   * What a stall owes on day `c` at tariff `t`. Per m² per day rounds half up per stall and day; a
   * monthly amount is spread as amount DIV days-in-month with the remainder on the month's last day,
   * so that a whole month adds up to the tariff exactly.
   */
  private perDayPotential(areaDm2: string): string {
    return `(CASE WHEN t.basis = 'PER_UNIT_PER_MONTH'
          THEN ${monthlyShareSql(this.dialect)}
          ELSE ${ticketAmountSql(this.dialect, areaDm2)}
        END)`;
  }

  /**
   * Potential per market and day over [?, ?] from permits, stalls and tariffs: every day, each stall
   * with a permit that day at the tariff valid that day.
   */
  private potentialSelect(marketIds: number[] | null): string {
    return `SELECT s.market_id, c.day, SUM(${this.perDayPotential("s.area_dm2")}) AS potential
       FROM calendar_day c
       JOIN stall_permit p ON p.valid_from <= c.day AND (p.valid_to IS NULL OR p.valid_to >= c.day)
       JOIN stall s ON s.id = p.stall_id
       JOIN market m ON m.id = s.market_id
       JOIN tariff t ON t.stall_kind = s.kind AND t.market_class = m.market_class
         AND t.valid_from <= c.day AND (t.valid_to IS NULL OR t.valid_to >= c.day)
       WHERE c.day BETWEEN ? AND ?${marketIds ? ` AND s.market_id IN (${placeholders(marketIds.length)})` : ""}
       GROUP BY s.market_id, c.day`;
  }

  /** The summary as the raw rows say it should be, for every (market, day) with anything in it. */
  private async fromRawRows(em: EntityManager): Promise<SummaryRow[]> {
    const horizon = await this.horizon(em);
    const rows = new Map<string, SummaryRow>();
    const row = (marketId: number, businessDate: string) => {
      const key = `${marketId}|${businessDate}`;
      let r = rows.get(key);
      if (!r) {
        r = { marketId, businessDate, potential: 0, collected: 0, paidOnline: 0, deposited: 0, receiptCount: 0, reportCount: 0 };
        rows.set(key, r);
      }
      return r;
    };
    const collected: Array<Record<string, unknown>> = await em.query(
      `SELECT r.market_id, r.business_date, SUM(r.amount) AS collected, COUNT(*) AS receipts
       FROM receipt r JOIN daily_report d ON d.id = r.report_id
       WHERE d.status = 'SUBMITTED' GROUP BY r.market_id, r.business_date`,
    );
    for (const c of collected) {
      const r = row(Number(c.market_id), String(c.business_date).slice(0, 10));
      r.collected = toInteger(c.collected);
      r.receiptCount = toInteger(c.receipts);
    }
    const reports: Array<Record<string, unknown>> = await em.query(
      `SELECT market_id, business_date, COUNT(*) AS reports FROM daily_report WHERE status = 'SUBMITTED' GROUP BY market_id, business_date`,
    );
    for (const c of reports) row(Number(c.market_id), String(c.business_date).slice(0, 10)).reportCount = toInteger(c.reports);
    const deposited: Array<Record<string, unknown>> = await em.query(
      `SELECT d.market_id, d.business_date, SUM(l.allocated) AS deposited
       FROM deposit_report l JOIN deposit x ON x.id = l.deposit_id JOIN daily_report d ON d.id = l.report_id
       WHERE x.status = 'VERIFIED' GROUP BY d.market_id, d.business_date`,
    );
    for (const c of deposited) row(Number(c.market_id), String(c.business_date).slice(0, 10)).deposited = toInteger(c.deposited);
    const paidOnline: Array<Record<string, unknown>> = await em.query(
      `SELECT market_id, revenue_date, SUM(amount) AS paid FROM payment
       WHERE match_status = 'MATCHED' AND reversed_at IS NULL GROUP BY market_id, revenue_date`,
    );
    for (const c of paidOnline) row(Number(c.market_id), String(c.revenue_date).slice(0, 10)).paidOnline = toInteger(c.paid);
    if (horizon !== null) {
      const first = await this.earliestPermitDay(em, null);
      if (first !== null && first <= horizon) {
        const scratch = await this.potentialByDay(em, first, horizon);
        for (const p of scratch) row(p.marketId, p.businessDate).potential = p.amount;
      }
    }
    return [...rows.values()];
  }

  private async potentialByDay(em: EntityManager, from: string, to: string): Promise<AmountOnDay[]> {
    const rows: Array<Record<string, unknown>> = await em.query(this.potentialSelect(null), [from, to]);
    return rows.map((r) => ({ marketId: Number(r.market_id), businessDate: String(r.day).slice(0, 10), amount: toInteger(r.potential) }));
  }

  /** Rebuilds the whole table from the raw rows (the `recompute-summaries` command). */
  async recomputeAll(today: string = todayInJakarta()): Promise<number> {
    return this.db.transaction(async (em) => {
      const wanted = yearEnd(today);
      const current = await this.horizon(em);
      if (current === null) await em.query("INSERT INTO summary_horizon (id, potential_until) VALUES (?, ?)", [HORIZON_ID, wanted]);
      else if (current < wanted) await em.query("UPDATE summary_horizon SET potential_until = ? WHERE id = ?", [wanted, HORIZON_ID]);
      await em.query("DELETE FROM daily_market_summary");
      const rows = (await this.fromRawRows(em)).filter(isNonZero);
      for (let i = 0; i < rows.length; i += 500) {
        const chunk = rows.slice(i, i + 500);
        await em.query(
          `INSERT INTO daily_market_summary (market_id, business_date, potential, collected, paid_online, deposited, receipt_count, report_count)
           VALUES ${chunk.map(() => "(?, ?, ?, ?, ?, ?, ?, ?)").join(", ")}`,
          chunk.flatMap((r) => [r.marketId, r.businessDate, r.potential, r.collected, r.paidOnline, r.deposited, r.receiptCount, r.reportCount]),
        );
      }
      return rows.length;
    });
  }

  /** Rows where the summary and the raw rows disagree (empty when the summary is right). */
  async differences(): Promise<Array<{ expected: SummaryRow | null; actual: SummaryRow | null }>> {
    const em = this.db.manager;
    const expected = new Map((await this.fromRawRows(em)).filter(isNonZero).map((r) => [`${r.marketId}|${r.businessDate}`, r]));
    const stored: Array<Record<string, unknown>> = await em.query("SELECT * FROM daily_market_summary");
    const actual = new Map(
      stored
        .map((s): SummaryRow => ({
          marketId: Number(s.market_id), businessDate: String(s.business_date).slice(0, 10), potential: toInteger(s.potential),
          collected: toInteger(s.collected), paidOnline: toInteger(s.paid_online), deposited: toInteger(s.deposited),
          receiptCount: toInteger(s.receipt_count), reportCount: toInteger(s.report_count),
        }))
        .filter(isNonZero)
        .map((r) => [`${r.marketId}|${r.businessDate}`, r]),
    );
    const out: Array<{ expected: SummaryRow | null; actual: SummaryRow | null }> = [];
    for (const key of new Set([...expected.keys(), ...actual.keys()])) {
      const e = expected.get(key) ?? null;
      const a = actual.get(key) ?? null;
      if (JSON.stringify(e) !== JSON.stringify(a)) out.push({ expected: e, actual: a });
    }
    return out;
  }
}

function isNonZero(r: SummaryRow): boolean {
  return r.potential !== 0 || r.collected !== 0 || r.paidOnline !== 0 || r.deposited !== 0 || r.receiptCount !== 0 || r.reportCount !== 0;
}

