import type { SelectQueryBuilder } from "typeorm";
import { IGNORE_CHANGES, type ChangeListener } from "../../common/change-listener";
import { badInput, conflict, forbidden } from "../../common/errors";
import { parseId } from "../../common/ids";
import { ReadService, type ResourceSpec } from "../../common/read.service";
import type { Database } from "../../database/database";
import type { Actor } from "../auth/actor";
import type { AuditService } from "../audit/audit.service";
import { Role } from "../auth/role";
import { lockedForCheck } from "./market-rules";
import { TicketBook } from "./ticket-book.entity";
import { TicketReturn } from "./ticket-return.entity";

/** Returns of unsold tickets, so that the serial-gap rule tells a returned ticket from a missing one. */
export class TicketReturnService extends ReadService<TicketReturn> {
  protected readonly spec: ResourceSpec<TicketReturn> = {
    name: "TicketReturn",
    entity: TicketReturn,
    searchFields: [],
    filterFields: ["bookId", "recordedById", "returnedAt"],
    sortFields: { returnedAt: "returnedAt", firstNumber: "firstNumber", bookId: "bookId" },
  };

  constructor(db: Database, maxPageSize: number, private readonly audit: AuditService, private readonly changes: ChangeListener = IGNORE_CHANGES) {
    super(db, maxPageSize);
  }

  protected override async applyScope(qb: SelectQueryBuilder<TicketReturn>, actor: Actor) {
    const scope = await actor.marketScope();
    if (scope === null) return;
    qb.innerJoin(TicketBook, "b", "b.id = e.bookId");
    qb.andWhere(scope.length ? "b.marketId IN (:...scopeIds)" : "1 = 0", { scopeIds: scope });
    if (actor.user?.role === Role.COLLECTOR) qb.andWhere("b.collectorId = :self", { self: actor.user.id });
  }

  async record(actor: Actor, rawBookId: string, firstNumber: number, lastNumber: number, now = new Date()): Promise<TicketReturn> {
    const user = actor.user!;
    const bookId = parseId(rawBookId, "bookId");
    if (!Number.isInteger(firstNumber) || !Number.isInteger(lastNumber) || lastNumber < firstNumber) {
      throw badInput({ lastNumber: "must be a ticket number not below firstNumber" });
    }
    const { saved, touched } = await this.db.transaction(async (em) => {
      const book = await lockedForCheck(em.getRepository(TicketBook).createQueryBuilder("b"), this.db.dialect).where("b.id = :id", { id: bookId }).getOne();
      if (!book) throw badInput({ bookId: "does not exist" });
      const scope = await actor.marketScope();
      if ((scope !== null && !scope.includes(book.marketId)) || (user.role === Role.COLLECTOR && book.collectorId !== user.id)) {
        throw forbidden(`TicketBook ${book.id} is not yours`);
      }
      if (firstNumber < book.firstNumber || lastNumber > book.lastNumber) {
        throw badInput({ firstNumber: `must lie in the book, ${book.firstNumber}-${book.lastNumber}` });
      }
      const [sold]: Array<{ n: number | string }> = await em.query(
        `SELECT COUNT(*) AS n FROM receipt r JOIN daily_report d ON d.id = r.report_id AND d.status = 'SUBMITTED'
         WHERE r.series = ? AND r.number BETWEEN ? AND ?`,
        [book.series, firstNumber, lastNumber],
      );
      if (Number(sold.n) > 0) throw conflict(`${Number(sold.n)} of these tickets were reported sold; they cannot be returned unused`);
      const overlap = await em.getRepository(TicketReturn).createQueryBuilder("t")
        .where("t.bookId = :id AND t.firstNumber <= :last AND t.lastNumber >= :first", { id: book.id, first: firstNumber, last: lastNumber }).getOne();
      if (overlap) throw conflict(`Tickets ${overlap.firstNumber}-${overlap.lastNumber} of this book were already returned`);
      const saved = await em.save(TicketReturn, em.create(TicketReturn, { bookId: book.id, firstNumber, lastNumber, returnedAt: now, recordedById: user.id }));
      await this.audit.record(em, actor, "RECORD", "TicketReturn", saved.id, null, saved);
      // A gap is dated by the receipt right after it: the first one sold after the returned tickets.
      const [after]: Array<{ day: string | null }> = await em.query(
        "SELECT MIN(business_date) AS day FROM receipt WHERE series = ? AND number > ? AND number <= ?",
        [book.series, lastNumber, book.lastNumber],
      );
      return { saved, touched: after?.day ? { marketId: book.marketId, day: String(after.day).slice(0, 10) } : null };
    });
    if (touched) this.changes.changed(touched.marketId, touched.day);
    return saved;
  }
}
