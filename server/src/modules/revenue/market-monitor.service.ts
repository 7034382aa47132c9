import { badInput, forbidden } from "../../common/errors";
import { parseId } from "../../common/ids";
import { isValidLocalDate, todayInJakarta } from "../../common/local-date";
import type { Database } from "../../database/database";
import { toInteger } from "../../database/sql-values";
import type { Actor } from "../auth/actor";
import { StallKind } from "../markets/market.enums";
import type { CollectorYield, StallOccupancy } from "./market-monitor.types";

const MAX_YIELD_DAYS = 366;

/** The market page's monitoring figures: stall occupancy by kind and collectors' yields, each one aggregate query. */
export class MarketMonitorService {
  constructor(private readonly db: Database) {}

  async occupancy(actor: Actor, rawMarketId: string, date: string | null): Promise<StallOccupancy[]> {
    const marketId = await this.marketFor(actor, rawMarketId);
    const day = date ?? todayInJakarta();
    if (!isValidLocalDate(day)) throw badInput({ date: "must be a date (YYYY-MM-DD)" });
    const rows: Array<Record<string, unknown>> = await this.db.manager.query(
      `SELECT s.kind AS kind, COUNT(*) AS stalls,
              SUM(CASE WHEN EXISTS (
                SELECT 1 FROM stall_permit p
                WHERE p.stall_id = s.id AND p.valid_from <= ? AND (p.valid_to IS NULL OR p.valid_to >= ?)
              ) THEN 1 ELSE 0 END) AS occupied
       FROM stall s WHERE s.market_id = ? AND s.status = 'ACTIVE'
       GROUP BY s.kind`,
      [day, day, marketId],
    );
    const byKind = new Map(rows.map((r) => [String(r.kind), r]));
    return Object.values(StallKind)
      .filter((kind) => byKind.has(kind))
      .map((kind) => {
        const r = byKind.get(kind)!;
        const stalls = toInteger(r.stalls);
        const occupied = toInteger(r.occupied);
        return { kind, stalls, occupied, vacant: stalls - occupied };
      });
  }

  async collectorYields(actor: Actor, rawMarketId: string, from: string, to: string): Promise<CollectorYield[]> {
    const marketId = await this.marketFor(actor, rawMarketId);
    if (!isValidLocalDate(from)) throw badInput({ from: "must be a date (YYYY-MM-DD)" });
    if (!isValidLocalDate(to)) throw badInput({ to: "must be a date (YYYY-MM-DD)" });
    if (to < from) throw badInput({ to: "must be on or after from" });
    if ((Date.parse(to) - Date.parse(from)) / 86_400_000 >= MAX_YIELD_DAYS) throw badInput({ to: `the period may span at most ${MAX_YIELD_DAYS} days` });
    const rows: Array<Record<string, unknown>> = await this.db.manager.query(
      `SELECT d.collector_id AS collector_id, u.display_name AS name,
              SUM(CASE WHEN d.status <> 'REJECTED' THEN 1 ELSE 0 END) AS reports,
              SUM(CASE WHEN d.status <> 'REJECTED' THEN d.receipt_count ELSE 0 END) AS receipts,
              SUM(CASE WHEN d.status <> 'REJECTED' THEN d.total ELSE 0 END) AS collected,
              SUM(CASE WHEN d.status = 'REJECTED' THEN 1 ELSE 0 END) AS rejected
       FROM daily_report d JOIN user u ON u.id = d.collector_id
       WHERE d.market_id = ? AND d.business_date BETWEEN ? AND ?
       GROUP BY d.collector_id, u.display_name`,
      [marketId, from, to],
    );
    return rows
      .map((r): CollectorYield => {
        const receipts = toInteger(r.receipts);
        const collected = toInteger(r.collected);
        return {
          collectorId: toInteger(r.collector_id), collectorName: String(r.name), reports: toInteger(r.reports), receipts, collected,
          perTicket: receipts === 0 ? 0 : Math.round(collected / receipts), rejectedReports: toInteger(r.rejected),
        };
      })
      .sort((a, b) => b.collected - a.collected || a.collectorName.localeCompare(b.collectorName));
  }

  /** The market, if it exists and is within the actor's markets. */
  private async marketFor(actor: Actor, raw: string): Promise<number> {
    const id = parseId(raw, "marketId");
    const scope = await actor.marketScope();
    if (scope !== null && !scope.includes(id)) throw forbidden(`Market ${id} is outside your assigned markets`);
    const [found] = await this.db.manager.query("SELECT id FROM market WHERE id = ?", [id]);
    if (!found) throw badInput({ marketId: "does not exist" });
    return id;
  }
}
