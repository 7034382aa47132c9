import type { EntityManager, SelectQueryBuilder } from "typeorm";
import { In } from "typeorm";
import { IGNORE_CHANGES, type ChangeListener } from "../../common/change-listener";
import { badInput, conflict, forbidden, type FieldErrors } from "../../common/errors";
import { ReadService, type ResourceSpec } from "../../common/read.service";
import type { Database } from "../../database/database";
import { isUniqueViolation } from "../../database/errors";
import type { Actor } from "../auth/actor";
import type { AuditService } from "../audit/audit.service";
import { Role } from "../auth/role";
import type { RevenueSummaryService } from "../revenue/revenue-summary.service";
import { contentHash, isValidClientId } from "./client-id";
import { lockedForCheck } from "../markets/market-rules";
import { DailyReport } from "./daily-report.entity";
import { requireUser, scopeToCollectorOrMarkets } from "./daily-report.service";
import { DepositReport } from "./deposit-report.entity";
import { Deposit } from "./deposit.entity";
import { DailyReportStatus, DepositStatus } from "./receipt.enums";
import type { DepositInput } from "./receipt.inputs";
import { CLOCK_SKEW_MS } from "./submission-rules";

const MAX_REPORTS_PER_DEPOSIT = 500;

/**
 * Splits a deposit over the reports it covers, oldest business day first, each up to its total:
 * cash pays off the oldest takings first, so a shortfall shows on the latest days.
 */
export function allocateDeposit(amount: number, reports: Array<Pick<DailyReport, "id" | "businessDate" | "total">>): Map<number, number> {
  const ordered = [...reports].sort((a, b) => a.businessDate.localeCompare(b.businessDate) || a.id - b.id);
  const allocation = new Map<number, number>();
  let remaining = amount;
  for (const report of ordered) {
    const share = Math.min(report.total, remaining);
    allocation.set(report.id, share);
    remaining -= share;
  }
  return allocation;
}

export class DepositService extends ReadService<Deposit> {
  protected readonly spec: ResourceSpec<Deposit> = {
    name: "Deposit",
    entity: Deposit,
    searchFields: ["stsNumber", "bankReference", "clientId"],
    filterFields: ["marketId", "collectorId", "status", "depositedAt"],
    sortFields: { depositedAt: "depositedAt", amount: "amount", status: "status", stsNumber: "stsNumber", marketId: "marketId", recordedAt: "recordedAt" },
  };

  constructor(
    db: Database,
    maxPageSize: number,
    private readonly audit: AuditService,
    private readonly summary: RevenueSummaryService,
    private readonly changes: ChangeListener = IGNORE_CHANGES,
  ) {
    super(db, maxPageSize);
  }

  protected override applyScope(qb: SelectQueryBuilder<Deposit>, actor: Actor) {
    return scopeToCollectorOrMarkets(qb, actor, "e.collectorId", "e.marketId");
  }

  /** Records a deposit covering one collector's reports in one market; it waits for the treasurer. */
  async record(actor: Actor, input: DepositInput, now = new Date()): Promise<Deposit> {
    const user = requireUser(actor);
    const errors: FieldErrors = {};
    const clientId = input.clientId.trim();
    if (!isValidClientId(clientId)) errors.clientId = "must be 8-64 letters, digits, dots, colons, dashes or underscores (a UUID)";
    const reportIds: number[] = [];
    input.reportIds.forEach((raw, i) => {
      const id = /^\d{1,15}$/.test(raw) ? Number(raw) : 0;
      if (id <= 0) errors[`reportIds.${i}`] = "must be a positive integer id";
      else if (reportIds.includes(id)) errors[`reportIds.${i}`] = "is listed twice";
      else reportIds.push(id);
    });
    if (input.reportIds.length === 0) errors.reportIds = "must name at least one daily report";
    if (input.reportIds.length > MAX_REPORTS_PER_DEPOSIT) errors.reportIds = `must name at most ${MAX_REPORTS_PER_DEPOSIT} reports`;
    if (!(input.amount > 0)) errors.amount = "must be more than 0 rupiah";
    if (input.depositedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) errors.depositedAt = "must not be in the future";
    const stsNumber = input.stsNumber.trim();
    if (stsNumber.length < 3 || stsNumber.length > 60) errors.stsNumber = "must be 3-60 characters";
    const bankReference = input.bankReference?.trim() || null;
    if (bankReference !== null && bankReference.length > 60) errors.bankReference = "must be at most 60 characters";
    if (Object.keys(errors).length) throw badInput(errors);

    const hash = contentHash([user.id, [...reportIds].sort((a, b) => a - b), input.amount, input.depositedAt.toISOString(), stsNumber, bankReference]);
    const replayed = await this.replay(this.db.manager, clientId, hash);
    if (replayed) return replayed;
    let earliestDay: string | null = null;
    try {
      const saved = await this.db.transaction(async (em) => {
        const again = await this.replay(em, clientId, hash);
        if (again) return again;
        const reports = await this.lockReports(em, reportIds);
        await this.checkReports(em, actor, reportIds, reports);
        const reportsTotal = reports.reduce((sum, r) => sum + r.total, 0);
        if (input.amount > reportsTotal) {
          throw badInput({ amount: `exceeds the total of the covered reports (Rp${reportsTotal}); submit the missing receipts first` });
        }
        const deposit = await em.save(Deposit, em.create(Deposit, {
          clientId, contentHash: hash, collectorId: reports[0].collectorId, marketId: reports[0].marketId, amount: input.amount,
          reportsTotal, depositedAt: input.depositedAt, stsNumber, bankReference, status: DepositStatus.PENDING, recordedAt: now,
          recordedById: user.id, verifiedById: null, verifiedAt: null, verificationNote: null,
        }));
        const allocation = allocateDeposit(input.amount, reports);
        await em.insert(DepositReport, reports.map((r) => ({
          depositId: deposit.id, reportId: r.id, liveReportId: r.id, allocated: allocation.get(r.id) ?? 0,
        })));
        await this.audit.record(em, actor, "RECORD", "Deposit", deposit.id, null, { ...deposit, reportIds });
        earliestDay = reports.map((r) => r.businessDate).sort()[0];
        return deposit;
      });
      if (earliestDay) this.changes.changed(saved.marketId, earliestDay);
      return saved;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const winner = await this.replay(this.db.manager, clientId, hash);
      if (winner) return winner;
      throw conflict("One of these reports was just covered by another deposit");
    }
  }

  private async replay(em: EntityManager, clientId: string, hash: string): Promise<Deposit | null> {
    const existing = await em.findOneBy(Deposit, { clientId });
    if (!existing) return null;
    if (existing.contentHash !== hash) {
      throw conflict(`clientId ${clientId} was already used for a different deposit (id ${existing.id}); generate a new clientId`);
    }
    return existing;
  }

  private async lockReports(em: EntityManager, ids: number[]): Promise<DailyReport[]> {
    return lockedForCheck(em.getRepository(DailyReport).createQueryBuilder("r"), this.db.dialect)
      .where("r.id IN (:...ids)", { ids })
      .orderBy("r.id")
      .getMany();
  }

  private async checkReports(em: EntityManager, actor: Actor, ids: number[], reports: DailyReport[]): Promise<void> {
    const byId = new Map(reports.map((r) => [r.id, r]));
    const errors: FieldErrors = {};
    ids.forEach((id, i) => {
      const report = byId.get(id);
      if (!report) errors[`reportIds.${i}`] = "does not exist";
      else if (report.status === DailyReportStatus.REJECTED) errors[`reportIds.${i}`] = "is rejected; deposit the corrected report instead";
    });
    if (Object.keys(errors).length) throw badInput(errors);
    const user = actor.user!;
    const scope = await actor.marketScope();
    for (const report of reports) {
      if (user.role === Role.COLLECTOR ? report.collectorId !== user.id : scope !== null && !scope.includes(report.marketId)) {
        throw forbidden(`DailyReport ${report.id} is not yours to deposit`);
      }
    }
    if (new Set(reports.map((r) => `${r.marketId}|${r.collectorId}`)).size > 1) {
      throw badInput({ reportIds: "must all be reports of one collector in one market" });
    }
    const covered = await em.find(DepositReport, { where: { liveReportId: In(ids) } });
    if (covered.length) {
      throw conflict(`DailyReport ${covered[0].reportId} is already covered by deposit ${covered[0].depositId}`);
    }
  }

  /** The treasurer verifies (realised revenue) or rejects (its reports may be deposited again). */
  async verify(actor: Actor, rawId: string, approve: boolean, rawNote: string | null | undefined, now = new Date()): Promise<Deposit> {
    const user = requireUser(actor);
    const note = rawNote?.trim() || null;
    if (!approve && (note === null || note.length < 3)) throw badInput({ note: "must say why the deposit is rejected" });
    if (note !== null && note.length > 500) throw badInput({ note: "must be at most 500 characters" });
    const visible = await this.getById(actor, rawId);
    let earliestDay: string | null = null;
    const verified = await this.db.transaction(async (em) => {
      const deposit = (await lockedForCheck(em.getRepository(Deposit).createQueryBuilder("d"), this.db.dialect)
        .where("d.id = :id", { id: visible.id })
        .getOne())!;
      if (deposit.status !== DepositStatus.PENDING) throw conflict(`Deposit ${deposit.id} is already ${deposit.status}`);
      const before = { ...deposit };
      Object.assign(deposit, {
        status: approve ? DepositStatus.VERIFIED : DepositStatus.REJECTED, verifiedById: user.id, verifiedAt: now, verificationNote: note,
      });
      await em.update(Deposit, deposit.id, {
        status: deposit.status, verifiedById: user.id, verifiedAt: now, verificationNote: note,
      });
      const links: Array<{ market_id: number; business_date: string; allocated: string | number }> = await em.query(
        `SELECT d.market_id, d.business_date, l.allocated FROM deposit_report l JOIN daily_report d ON d.id = l.report_id WHERE l.deposit_id = ?`,
        [deposit.id],
      );
      earliestDay = links.map((l) => String(l.business_date).slice(0, 10)).sort()[0] ?? null;
      if (approve) {
        await this.summary.addDeposited(em, links.map((l) => ({
          marketId: Number(l.market_id), businessDate: String(l.business_date).slice(0, 10), amount: Number(l.allocated),
        })));
      } else {
        await em.update(DepositReport, { depositId: deposit.id }, { liveReportId: null });
      }
      await this.audit.record(em, actor, "VERIFY", "Deposit", deposit.id, before, deposit);
      return deposit;
    });
    if (earliestDay) this.changes.changed(verified.marketId, earliestDay);
    return verified;
  }

  /** The reports each deposit covers, for the `reports` field of a page of deposits. */
  async reportIdsByDeposit(depositIds: readonly number[]): Promise<Map<number, number[]>> {
    const links = await this.db.manager.find(DepositReport, { where: { depositId: In([...depositIds]) }, order: { id: "ASC" } });
    const result = new Map<number, number[]>(depositIds.map((id) => [id, []]));
    for (const link of links) result.get(link.depositId)?.push(link.reportId);
    return result;
  }

  /** The non-rejected deposit covering each report, if any. */
  async liveDepositIdByReport(reportIds: readonly number[]): Promise<Map<number, number>> {
    const links = await this.db.manager.find(DepositReport, { where: { liveReportId: In([...reportIds]) } });
    return new Map(links.map((l) => [l.reportId, l.depositId]));
  }
}

