import { badInput } from "../../common/errors";
import { parseId } from "../../common/ids";
import type { Database } from "../../database/database";
import { jakartaDayBounds, toInteger } from "../../database/sql-values";
import type { Actor, AuthUser } from "../auth/actor";
import { Role } from "../auth/role";
import type { StallKind, TariffBasis } from "../markets/market.enums";
import { assertCollectorAssigned, assertUserHasRole } from "../markets/market-rules";
import { ticketAmountSql } from "../revenue/tariff-sql";
import type { CollectionSheet, CollectionSheetBook, CollectionSheetStall } from "./collection-sheet.types";
import { DailyReport } from "./daily-report.entity";
import { collectorActedFor, requireUser } from "./daily-report.service";
import { DailyReportStatus } from "./receipt.enums";
import { futureBusinessDateProblem } from "./submission-rules";

type Row = Record<string, unknown>;

export interface CollectionSheetRequest {
  marketId: string;
  businessDate: string;
  collectorId?: string | null;
}

/** Unsold tickets handed back: numbers inside them are never sold, so the next ticket skips them. */
interface ReturnedRange {
  first: number;
  last: number;
}

/**
 * Where selling goes on in a book: after the highest number ever reported (a rejected report's
 * tickets were handed out too), past returned ranges; ranges never overlap (ticket-return.service).
 */
export function nextTicket(book: { firstNumber: number; lastNumber: number }, lastReported: number | null, returns: ReturnedRange[]) {
  let next = lastReported === null ? book.firstNumber : Math.max(lastReported + 1, book.firstNumber);
  for (const range of [...returns].sort((a, b) => a.first - b.first)) {
    if (range.first <= next && next <= range.last) next = range.last + 1;
  }
  if (next > book.lastNumber) return { nextNumber: null, remaining: 0 };
  const returnedAhead = returns.reduce(
    (sum, r) => sum + Math.max(0, Math.min(r.last, book.lastNumber) - Math.max(r.first, next) + 1),
    0,
  );
  return { nextNumber: next, remaining: book.lastNumber - next + 1 - returnedAhead };
}

/**
 * The collector's sheet for a market day. Each part is one query whatever the number of stalls or
 * books, so a market of thousands of kios costs the same few round trips as a small one.
 */
export class CollectionSheetService {
  constructor(private readonly db: Database) {}

  async sheet(actor: Actor, request: CollectionSheetRequest, now = new Date()): Promise<CollectionSheet> {
    const user = requireUser(actor);
    const { businessDate } = request;
    const future = futureBusinessDateProblem(businessDate, now);
    if (future) throw badInput({ businessDate: future });
    const marketId = parseId(request.marketId, "marketId");
    const collectorId = await this.collectorFor(user, request.collectorId);
    await assertCollectorAssigned(this.db.manager, collectorId, marketId, businessDate);

    const [stalls, books, reported, undepositedReports] = await Promise.all([
      this.stalls(marketId, businessDate),
      this.books(collectorId, marketId, businessDate),
      this.reported(collectorId, marketId, businessDate),
      this.undeposited(collectorId, marketId),
    ]);
    return { marketId, businessDate, collectorId, stalls, books, ...reported, undepositedReports };
  }

  private async collectorFor(user: AuthUser, requested: string | null | undefined): Promise<number> {
    const collectorId = collectorActedFor(user, requested, "gets only their own collection sheet");
    // An assignment was checked to be a collector's when it was made, but a role may change since.
    if (user.role !== Role.COLLECTOR) await assertUserHasRole(this.db.manager, collectorId, Role.COLLECTOR, "collectorId");
    return collectorId;
  }

  private async stalls(marketId: number, day: string): Promise<CollectionSheetStall[]> {
    // Permits of a stall and tariffs of a kind and class never overlap, so each join adds at most one row.
    const rows: Row[] = await this.db.manager.query(
      `SELECT s.id, s.code, s.block, s.kind, p.id AS permit_id, tr.name AS trader_name, t.basis,
              CASE WHEN t.basis = 'PER_UNIT_PER_MONTH' THEN NULL ELSE ${ticketAmountSql(this.db.dialect, "s.area_dm2")} END AS amount
       FROM stall s
       JOIN market m ON m.id = s.market_id
       LEFT JOIN stall_permit p ON p.stall_id = s.id AND p.valid_from <= ? AND (p.valid_to IS NULL OR p.valid_to >= ?)
       LEFT JOIN trader tr ON tr.id = p.trader_id
       LEFT JOIN tariff t ON t.stall_kind = s.kind AND t.market_class = m.market_class
         AND t.valid_from <= ? AND (t.valid_to IS NULL OR t.valid_to >= ?)
       WHERE s.market_id = ? AND s.status = 'ACTIVE'
       ORDER BY s.code, s.id`,
      [day, day, day, day, marketId],
    );
    return rows.map((r) => ({
      stallId: toInteger(r.id),
      code: String(r.code),
      block: r.block === null ? null : String(r.block),
      kind: r.kind as StallKind,
      occupied: r.permit_id !== null,
      traderName: r.trader_name === null ? null : String(r.trader_name),
      amount: r.amount === null ? null : toInteger(r.amount),
      basis: r.basis === null ? null : (r.basis as TariffBasis),
    }));
  }

  private async books(collectorId: number, marketId: number, day: string): Promise<CollectionSheetBook[]> {
    // A book handed out during the day is already in the collector's hands that day.
    const [, dayEnd] = jakartaDayBounds(day, day);
    const open = "b.collector_id = ? AND b.market_id = ? AND b.returned_at IS NULL AND b.issued_at < ?";
    const params = [collectorId, marketId, dayEnd];
    const [rows, returns]: [Row[], Row[]] = await Promise.all([
      // One probe of the (series, number) index per book.
      this.db.manager.query(
        `SELECT b.id, b.series, b.first_number, b.last_number, b.face_value,
                (SELECT MAX(r.number) FROM receipt r WHERE r.series = b.series AND r.number BETWEEN b.first_number AND b.last_number) AS last_reported
         FROM ticket_book b WHERE ${open}
         ORDER BY b.issued_at, b.id`,
        params,
      ),
      this.db.manager.query(
        `SELECT x.book_id, x.first_number, x.last_number FROM ticket_return x JOIN ticket_book b ON b.id = x.book_id WHERE ${open}`,
        params,
      ),
    ]);
    const returnsByBook = new Map<number, ReturnedRange[]>();
    for (const r of returns) {
      const bookId = toInteger(r.book_id);
      const list = returnsByBook.get(bookId) ?? [];
      list.push({ first: toInteger(r.first_number), last: toInteger(r.last_number) });
      returnsByBook.set(bookId, list);
    }
    return rows.map((r) => {
      const book = {
        bookId: toInteger(r.id), series: String(r.series), firstNumber: toInteger(r.first_number),
        lastNumber: toInteger(r.last_number), faceValue: toInteger(r.face_value),
      };
      const lastReported = r.last_reported === null ? null : toInteger(r.last_reported);
      return { ...book, ...nextTicket(book, lastReported, returnsByBook.get(book.bookId) ?? []) };
    });
  }

  private async reported(collectorId: number, marketId: number, day: string): Promise<{ reportedTotal: number; reportedReceipts: number }> {
    const [row]: Row[] = await this.db.manager.query(
      `SELECT SUM(total) AS total, SUM(receipt_count) AS receipts FROM daily_report
       WHERE collector_id = ? AND business_date = ? AND market_id = ? AND status = ?`,
      [collectorId, day, marketId, DailyReportStatus.SUBMITTED],
    );
    return { reportedTotal: toInteger(row?.total), reportedReceipts: toInteger(row?.receipts) };
  }

  /** Entities, so that the report's own field resolvers (receipts, deposit, ...) answer as anywhere else. */
  private undeposited(collectorId: number, marketId: number): Promise<DailyReport[]> {
    return this.db.manager.getRepository(DailyReport).createQueryBuilder("d")
      .where("d.collectorId = :collectorId AND d.marketId = :marketId AND d.status = :status", {
        collectorId, marketId, status: DailyReportStatus.SUBMITTED,
      })
      .andWhere("NOT EXISTS (SELECT 1 FROM deposit_report l WHERE l.live_report_id = d.id)")
      .orderBy("d.businessDate", "DESC")
      .addOrderBy("d.id", "DESC")
      .getMany();
  }
}
