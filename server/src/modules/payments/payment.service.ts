import type { EntityManager, SelectQueryBuilder } from "typeorm";
import { IGNORE_CHANGES, type ChangeListener } from "../../common/change-listener";
import { badInput, conflict } from "../../common/errors";
import { localDateOf } from "../../common/local-date";
import { ReadService, type ResourceSpec } from "../../common/read.service";
import type { Database } from "../../database/database";
import { isUniqueViolation } from "../../database/errors";
import type { Actor } from "../auth/actor";
import type { AuditService } from "../audit/audit.service";
import { lockedForCheck, restrictToMarkets } from "../markets/market-rules";
import type { RevenueSummaryService } from "../revenue/revenue-summary.service";
import { Bill } from "./bill.entity";
import type { BillService } from "./bill.service";
import { normalizeNotice, type PaymentNotice } from "./payment-notice";
import { Payment } from "./payment.entity";
import { BillStatus, PaymentMatchStatus, PaymentSource } from "./payment.enums";
import { lastDayOfMonth } from "./penalty";

/** The day a payment of a bill counts as revenue: the day it was paid, clamped into the billed month. */
export function revenueDateOf(paidOn: string, period: string): string {
  const first = `${period}-01`;
  const last = lastDayOfMonth(period);
  return paidOn < first ? first : paidOn > last ? last : paidOn;
}

/** Online payments: recorded once per channel reference, matched to their bill, reversed but never deleted. */
export class PaymentService extends ReadService<Payment> {
  protected readonly spec: ResourceSpec<Payment> = {
    name: "Payment",
    entity: Payment,
    searchFields: ["externalRef", "paymentCode", "payerName"],
    filterFields: ["marketId", "billId", "channel", "matchStatus", "paymentCode", "paidAt", "revenueDate", "source"],
    sortFields: {
      paidAt: "paidAt", amount: "amount", channel: "channel", matchStatus: "matchStatus", paymentCode: "paymentCode",
      recordedAt: "recordedAt", marketId: "marketId", externalRef: "externalRef",
    },
  };

  constructor(
    db: Database,
    maxPageSize: number,
    private readonly audit: AuditService,
    private readonly summary: RevenueSummaryService,
    private readonly bills: BillService,
    private readonly changes: ChangeListener = IGNORE_CHANGES,
  ) {
    super(db, maxPageSize);
  }

  protected override applyScope(qb: SelectQueryBuilder<Payment>, actor: Actor) {
    return restrictToMarkets(qb, actor, "e.marketId");
  }

  /**
   * Stores a payment once per (channel, reference): a replay returns what is stored, the same
   * reference with another amount or code is a CONFLICT. Concurrent replays race on the unique key.
   */
  async record(actor: Actor, raw: Parameters<typeof normalizeNotice>[0], source: PaymentSource, now = new Date()): Promise<{ payment: Payment; replayed: boolean }> {
    const notice = normalizeNotice(raw, now);
    const stored = await this.replay(this.db.manager, notice);
    if (stored) return { payment: stored, replayed: true };
    try {
      const result = await this.db.transaction(async (em) => {
        const again = await this.replay(em, notice);
        if (again) return { payment: again, replayed: true };
        return { payment: await this.insert(em, actor, notice, source, now), replayed: false };
      });
      if (!result.replayed) this.changes.changed(result.payment.marketId, localDateOf(result.payment.paidAt));
      return result;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const winner = await this.replay(this.db.manager, notice);
      if (winner) return { payment: winner, replayed: true };
      throw error;
    }
  }

  private async replay(em: EntityManager, notice: PaymentNotice): Promise<Payment | null> {
    const existing = await em.findOneBy(Payment, { channel: notice.channel, externalRef: notice.externalRef });
    if (!existing) return null;
    if (existing.amount !== notice.amount || existing.paymentCode !== notice.paymentCode) {
      throw conflict(
        `${notice.channel} reference ${notice.externalRef} was already recorded as payment ${existing.id} ` +
          `for code ${existing.paymentCode} and Rp${existing.amount}`,
      );
    }
    return existing;
  }

  private async insert(em: EntityManager, actor: Actor, notice: PaymentNotice, source: PaymentSource, now: Date): Promise<Payment> {
    const bill = await lockedForCheck(em.getRepository(Bill).createQueryBuilder("b"), this.db.dialect)
      .where("b.paymentCode = :code", { code: notice.paymentCode })
      .getOne();
    const paidOn = localDateOf(notice.paidAt);
    let matchStatus = PaymentMatchStatus.UNKNOWN_CODE;
    if (bill && bill.status === BillStatus.PAID) matchStatus = PaymentMatchStatus.BILL_ALREADY_PAID;
    else if (bill && bill.status === BillStatus.UNPAID) {
      const { amountDue } = this.bills.amountsOn(bill, paidOn);
      matchStatus = notice.amount === amountDue ? PaymentMatchStatus.MATCHED : PaymentMatchStatus.AMOUNT_MISMATCH;
    }
    const matched = matchStatus === PaymentMatchStatus.MATCHED;
    const payment = await em.save(Payment, em.create(Payment, {
      ...notice,
      billId: bill?.id ?? null,
      marketId: bill?.marketId ?? null,
      matchStatus,
      revenueDate: matched ? revenueDateOf(paidOn, bill!.period) : null,
      source,
      recordedAt: now,
      recordedById: actor.user?.id ?? null,
      reversedAt: null,
      reversedById: null,
      reversalReason: null,
    }));
    if (matched) {
      await em.update(Bill, bill!.id, { status: BillStatus.PAID, paidAt: notice.paidAt });
      await this.summary.addPaidOnline(em, [{ marketId: bill!.marketId, businessDate: payment.revenueDate!, amount: payment.amount }]);
    }
    await this.audit.record(em, actor, "RECORD", "Payment", payment.id, null, payment);
    return payment;
  }

  /** Batal bayar: marks the payment reversed; a bill it paid is owed again and its revenue is taken back. */
  async reverse(actor: Actor, rawId: string, rawReason: string, now = new Date()): Promise<Payment> {
    const reason = rawReason.trim();
    if (reason.length < 3 || reason.length > 500) throw badInput({ reason: "must say why the payment is reversed (3-500 characters)" });
    const visible = await this.getById(actor, rawId);
    const reversed = await this.db.transaction(async (em) => {
      const payment = (await lockedForCheck(em.getRepository(Payment).createQueryBuilder("p"), this.db.dialect)
        .where("p.id = :id", { id: visible.id })
        .getOne())!;
      if (payment.reversedAt) throw conflict(`Payment ${payment.id} was already reversed`);
      const before = { ...payment };
      Object.assign(payment, { reversedAt: now, reversedById: actor.user?.id ?? null, reversalReason: reason });
      await em.update(Payment, payment.id, { reversedAt: now, reversedById: payment.reversedById, reversalReason: reason });
      if (payment.matchStatus === PaymentMatchStatus.MATCHED && payment.billId !== null) {
        await em.update(Bill, payment.billId, { status: BillStatus.UNPAID, paidAt: null });
        await this.summary.addPaidOnline(em, [{ marketId: payment.marketId!, businessDate: payment.revenueDate!, amount: -payment.amount }]);
      }
      await this.audit.record(em, actor, "REVERSE", "Payment", payment.id, before, payment);
      return payment;
    });
    this.changes.changed(reversed.marketId, localDateOf(reversed.paidAt));
    return reversed;
  }

  /** Payments of each bill, newest first, for the `payments` field of a page of bills. */
  async byBill(billIds: readonly number[]): Promise<Map<number, Payment[]>> {
    const rows = await this.db.manager
      .getRepository(Payment)
      .createQueryBuilder("p")
      .where("p.billId IN (:...ids)", { ids: [...billIds] })
      .orderBy("p.paidAt", "DESC")
      .addOrderBy("p.id", "DESC")
      .getMany();
    const result = new Map<number, Payment[]>(billIds.map((id) => [id, []]));
    for (const p of rows) result.get(p.billId!)?.push(p);
    return result;
  }
}
