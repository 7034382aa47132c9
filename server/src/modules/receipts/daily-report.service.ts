import type { EntityManager, SelectQueryBuilder } from "typeorm";
import { IGNORE_CHANGES, type ChangeListener } from "../../common/change-listener";
import { badInput, conflict, forbidden, unauthenticated } from "../../common/errors";
import { parseId } from "../../common/ids";
import { ReadService, type ResourceSpec } from "../../common/read.service";
import type { Database } from "../../database/database";
import { isUniqueViolation } from "../../database/errors";
import { placeholders, sqlDateTime } from "../../database/sql-values";
import type { Actor, AuthUser } from "../auth/actor";
import type { AuditService } from "../audit/audit.service";
import { Role } from "../auth/role";
import { assertCollectorAssigned, lockedForCheck, restrictToMarkets } from "../markets/market-rules";
import type { RevenueSummaryService } from "../revenue/revenue-summary.service";
import { contentHash } from "./client-id";
import { DailyReport } from "./daily-report.entity";
import { DailyReportStatus } from "./receipt.enums";
import type { DailyReportInput } from "./receipt.inputs";
import { isBeyondReportWindow, normalizeReport, type NormalizedReport, type SubmissionLimits } from "./submission-rules";

const RECEIPT_COLUMNS = "(report_id, market_id, stall_id, business_date, series, number, amount, collected_at)";
const RECEIPTS_PER_INSERT = 500;
const ROW_PLACEHOLDERS = "(?, ?, ?, ?, ?, ?, ?, ?)";
const rowPlaceholderCache = new Map<number, string>();

/** The VALUES list for n receipt rows; the same few lengths recur, so they are built once. */
function rowPlaceholders(n: number): string {
  let sql = rowPlaceholderCache.get(n);
  if (!sql) {
    sql = Array.from({ length: n }, () => ROW_PLACEHOLDERS).join(", ");
    if (rowPlaceholderCache.size < 1000) rowPlaceholderCache.set(n, sql);
  }
  return sql;
}

export function requireUser(actor: Actor): AuthUser {
  if (!actor.user) throw unauthenticated();
  return actor.user;
}

/**
 * The collector a report or sheet is for: a collector is always themself (naming anyone else is
 * FORBIDDEN: a collector `forbiddenWhat`); an officer or admin must name the collector.
 */
export function collectorActedFor(user: AuthUser, requested: string | null | undefined, forbiddenWhat: string): number {
  if (user.role === Role.COLLECTOR) {
    if (requested && parseId(requested, "collectorId") !== user.id) throw forbidden(`A collector ${forbiddenWhat}`);
    return user.id;
  }
  if (!requested) throw badInput({ collectorId: "is required when you are not the collector" });
  return parseId(requested, "collectorId");
}

/** Collectors see their own reports; market heads their markets; everyone else all of them. */
export async function scopeToCollectorOrMarkets<T extends object>(
  qb: SelectQueryBuilder<T & { id: number }>,
  actor: Actor,
  collectorSql: string,
  marketSql: string,
): Promise<void> {
  if (actor.user?.role === Role.COLLECTOR) qb.andWhere(`${collectorSql} = :scopeCollectorId`, { scopeCollectorId: actor.user.id });
  else await restrictToMarkets(qb, actor, marketSql);
}

export class DailyReportService extends ReadService<DailyReport> {
  protected readonly spec: ResourceSpec<DailyReport> = {
    name: "DailyReport",
    entity: DailyReport,
    searchFields: ["clientId", "note"],
    filterFields: ["marketId", "collectorId", "status", "businessDate"],
    sortFields: { businessDate: "businessDate", submittedAt: "submittedAt", total: "total", receiptCount: "receiptCount", status: "status", marketId: "marketId", collectorId: "collectorId" },
  };

  constructor(
    db: Database,
    maxPageSize: number,
    private readonly audit: AuditService,
    private readonly summary: RevenueSummaryService,
    private readonly limits: SubmissionLimits,
    private readonly changes: ChangeListener = IGNORE_CHANGES,
  ) {
    super(db, maxPageSize);
  }

  protected override applyScope(qb: SelectQueryBuilder<DailyReport>, actor: Actor) {
    return scopeToCollectorOrMarkets(qb, actor, "e.collectorId", "e.marketId");
  }

  /**
   * Stores a collector's report with its receipts in one transaction, or nothing. A retry with the
   * same clientId and content returns the stored report; different content is a CONFLICT.
   */
  async submit(actor: Actor, input: DailyReportInput, now = new Date()): Promise<DailyReport> {
    const user = requireUser(actor);
    const report = normalizeReport(input, this.limits, now);
    const collectorId = collectorActedFor(user, input.collectorId, "submits only their own reports");
    const hash = contentHash([collectorId, report.marketId, report.businessDate, report.note,
      report.receipts.map((r) => [r.stallId, r.series, r.number, r.amount, r.collectedAt?.toISOString() ?? null])]);

    const replayed = await this.replay(this.db.manager, report.clientId, hash);
    if (replayed) return replayed;
    if (user.role === Role.COLLECTOR && isBeyondReportWindow(report.businessDate, this.limits.reportWindowDays, now)) {
      throw forbidden(`Reports older than ${this.limits.reportWindowDays} days must be submitted by an OFFICER`);
    }
    try {
      const saved = await this.db.transaction(async (em) => {
        const again = await this.replay(em, report.clientId, hash);
        if (again) return again;
        await assertCollectorAssigned(em, collectorId, report.marketId, report.businessDate);
        await this.assertStallsOfMarket(em, report);
        return this.insert(em, actor, user, collectorId, report, hash, now);
      });
      this.changes.changed(saved.marketId, saved.businessDate);
      return saved;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // A concurrent retry won the race for this clientId.
      const winner = await this.replay(this.db.manager, report.clientId, hash);
      if (winner) return winner;
      throw error;
    }
  }

  private async replay(em: EntityManager, clientId: string, hash: string): Promise<DailyReport | null> {
    // A plain indexed lookup: every submission asks, and almost none is a replay.
    const [existing]: Array<{ id: number; content_hash: string }> = await em.query(
      "SELECT id, content_hash FROM daily_report WHERE client_id = ?",
      [clientId],
    );
    if (!existing) return null;
    if (existing.content_hash !== hash) {
      throw conflict(`clientId ${clientId} was already used for a different report (id ${existing.id}); generate a new clientId`);
    }
    return em.findOneByOrFail(DailyReport, { id: Number(existing.id) });
  }

  private async assertStallsOfMarket(em: EntityManager, report: NormalizedReport): Promise<void> {
    const wanted = [...new Set(report.receipts.map((r) => r.stallId))];
    const found = new Set<number>();
    for (let i = 0; i < wanted.length; i += 1000) {
      const chunk = wanted.slice(i, i + 1000);
      const rows: Array<{ id: number }> = await em.query(
        `SELECT id FROM stall WHERE market_id = ? AND id IN (${placeholders(chunk.length)})`,
        [report.marketId, ...chunk],
      );
      for (const row of rows) found.add(Number(row.id));
    }
    if (found.size === wanted.length) return;
    const errors: Record<string, string> = {};
    report.receipts.forEach((r, i) => {
      if (!found.has(r.stallId) && Object.keys(errors).length < 50) errors[`receipts.${i}.stallId`] = "is not a stall of this market";
    });
    throw badInput(errors);
  }

  private async insert(
    em: EntityManager, actor: Actor, user: AuthUser, collectorId: number, report: NormalizedReport, hash: string, now: Date,
  ): Promise<DailyReport> {
    const total = report.receipts.reduce((sum, r) => sum + r.amount, 0);
    if (!Number.isSafeInteger(total)) throw badInput({ receipts: "add up to more than the largest amount supported" });
    const saved = await em.save(DailyReport, em.create(DailyReport, {
      clientId: report.clientId, contentHash: hash, marketId: report.marketId, collectorId, submittedById: user.id,
      businessDate: report.businessDate, status: DailyReportStatus.SUBMITTED, receiptCount: report.receipts.length, total,
      note: report.note, submittedAt: now, rejectedAt: null, rejectedById: null, rejectionReason: null,
    }));
    // Plain multi-row INSERTs: a report may carry thousands of receipts and ORM inserts cost more than the write.
    for (let i = 0; i < report.receipts.length; i += RECEIPTS_PER_INSERT) {
      const chunk = report.receipts.slice(i, i + RECEIPTS_PER_INSERT);
      const values: unknown[] = [];
      for (const r of chunk) {
        values.push(saved.id, report.marketId, r.stallId, report.businessDate, r.series, r.number, r.amount,
          r.collectedAt ? sqlDateTime(r.collectedAt) : null);
      }
      await em.query(`INSERT INTO receipt ${RECEIPT_COLUMNS} VALUES ${rowPlaceholders(chunk.length)}`, values);
    }
    await this.summary.addCollected(em, {
      marketId: report.marketId, businessDate: report.businessDate, collected: total, receipts: report.receipts.length, reports: 1,
    });
    await this.audit.record(em, actor, "SUBMIT", "DailyReport", saved.id, null, headerOf(saved));
    return saved;
  }

  /** A market head or officer rejects a report; it stays visible but stops counting. */
  async reject(actor: Actor, rawId: string, rawReason: string, now = new Date()): Promise<DailyReport> {
    const user = requireUser(actor);
    const reason = rawReason.trim();
    if (reason.length < 3 || reason.length > 500) throw badInput({ reason: "must be 3-500 characters saying what is wrong" });
    const visible = await this.getById(actor, rawId);
    const rejected = await this.db.transaction(async (em) => {
      const report = (await lockedForCheck(em.getRepository(DailyReport).createQueryBuilder("r"), this.db.dialect)
        .where("r.id = :id", { id: visible.id })
        .getOne())!;
      if (report.status === DailyReportStatus.REJECTED) throw conflict(`DailyReport ${report.id} is already rejected`);
      const covering: Array<{ deposit_id: number }> = await em.query(
        "SELECT deposit_id FROM deposit_report WHERE live_report_id = ?",
        [report.id],
      );
      if (covering.length) {
        throw conflict(`DailyReport ${report.id} is covered by deposit ${covering[0].deposit_id}; that deposit must be rejected first`);
      }
      const before = headerOf(report);
      Object.assign(report, { status: DailyReportStatus.REJECTED, rejectedAt: now, rejectedById: user.id, rejectionReason: reason });
      await em.update(DailyReport, report.id, {
        status: report.status, rejectedAt: now, rejectedById: user.id, rejectionReason: reason,
      });
      await this.summary.addCollected(em, {
        marketId: report.marketId, businessDate: report.businessDate, collected: -report.total, receipts: -report.receiptCount, reports: -1,
      });
      await this.audit.record(em, actor, "REJECT", "DailyReport", report.id, before, headerOf(report));
      return report;
    });
    this.changes.changed(rejected.marketId, rejected.businessDate);
    return rejected;
  }
}

/** What the audit log keeps of a report: its header and content digest, not every receipt. */
function headerOf(r: DailyReport) {
  return {
    id: r.id, clientId: r.clientId, contentHash: r.contentHash, marketId: r.marketId, collectorId: r.collectorId,
    businessDate: r.businessDate, status: r.status, receiptCount: r.receiptCount, total: r.total, rejectionReason: r.rejectionReason,
  };
}
