import type { SelectQueryBuilder } from "typeorm";
import { badInput } from "../../common/errors";
import { todayInJakarta } from "../../common/local-date";
import { ReadService, type ResourceSpec } from "../../common/read.service";
import type { Database } from "../../database/database";
import { isUniqueViolation } from "../../database/errors";
import { sqlDateTime } from "../../database/sql-values";
import { monthlyShareSql } from "../revenue/tariff-sql";
import type { Actor } from "../auth/actor";
import type { AuditService } from "../audit/audit.service";
import { restrictToMarkets } from "../markets/market-rules";
import { Bill } from "./bill.entity";
import type { BillRun } from "./bill.types";
import { BillStatus } from "./payment.enums";
import { addMonths, dueDateOf, lastDayOfMonth, penaltyOf, type PenaltyRule } from "./penalty";

export interface BillingRules extends PenaltyRule {
  /** Bills of a month fall due on this day of the following month. */
  dueDay: number;
}

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;
const BILLS_PER_INSERT = 500;

export interface BillAmounts {
  monthsLate: number;
  penalty: number;
  amountDue: number;
}

interface Billable {
  permit_id: number;
  stall_id: number;
  trader_id: number;
  market_id: number;
  market_code: string;
  principal: number | string;
}

/** SKRD: monthly bills for stalls whose tariff is per unit per month, with late-payment interest. */
export class BillService extends ReadService<Bill> {
  protected readonly spec: ResourceSpec<Bill> = {
    name: "Bill",
    entity: Bill,
    searchFields: ["billNumber", "paymentCode"],
    filterFields: ["marketId", "stallId", "traderId", "period", "status", "dueDate"],
    sortFields: { period: "period", dueDate: "dueDate", principal: "principal", status: "status", billNumber: "billNumber", marketId: "marketId" },
  };

  private readonly amountsByBill = new WeakMap<Bill, BillAmounts>();

  constructor(
    db: Database,
    maxPageSize: number,
    private readonly audit: AuditService,
    readonly rules: BillingRules,
  ) {
    super(db, maxPageSize);
  }

  protected override applyScope(qb: SelectQueryBuilder<Bill>, actor: Actor) {
    return restrictToMarkets(qb, actor, "e.marketId");
  }

  /**
   * Interest and what is owed: as of today while unpaid, frozen at the payment for a paid bill.
   * Three fields read it, so it is worked out once per loaded bill (bills live for one request).
   */
  amounts(bill: Bill): BillAmounts {
    let amounts = this.amountsByBill.get(bill);
    if (!amounts) {
      amounts = this.amountsAsOf(bill, todayInJakarta());
      this.amountsByBill.set(bill, amounts);
    }
    return amounts;
  }

  /** What settles an unpaid bill on a given day: the principal and the interest accrued by then. */
  amountsOn(bill: Bill, day: string): BillAmounts {
    const { months, penalty } = penaltyOf(bill.principal, bill.dueDate, day, this.rules);
    return { monthsLate: months, penalty, amountDue: bill.principal + penalty };
  }

  private amountsAsOf(bill: Bill, today: string): BillAmounts {
    if (bill.status === BillStatus.CANCELLED) return { monthsLate: 0, penalty: 0, amountDue: 0 };
    return this.amountsOn(bill, bill.status === BillStatus.PAID && bill.paidAt ? todayInJakarta(bill.paidAt) : today);
  }

  /**
   * One bill per permit of a monthly-billed stall that is active in the month, for the tariff of the
   * days it covers (a whole month is exactly the tariff, as in `potential`). Running it again for the
   * same month creates nothing new; a permit added later gets its bill on the next run.
   */
  async generate(actor: Actor, period: string, now = new Date()): Promise<BillRun> {
    const match = PERIOD.exec(period);
    const latest = addMonths(`${todayInJakarta(now).slice(0, 7)}-01`, 1).slice(0, 7);
    if (!match || Number(match[1]) < 2000) throw badInput({ period: "must be a month as YYYY-MM" });
    if (period > latest) throw badInput({ period: `bills can be generated up to next month (${latest})` });
    try {
      return await this.generateOnce(actor, period, now);
    } catch (error) {
      // A concurrent run for the same month inserted first; this run now finds its bills there.
      if (!isUniqueViolation(error)) throw error;
      return this.generateOnce(actor, period, now);
    }
  }

  private generateOnce(actor: Actor, period: string, now: Date): Promise<BillRun> {
    const first = `${period}-01`;
    const last = lastDayOfMonth(period);
    const dueDate = dueDateOf(period, this.rules.dueDay);
    return this.db.transaction(async (em) => {
      const billable: Billable[] = await em.query(
        `SELECT p.id AS permit_id, p.stall_id, p.trader_id, s.market_id, m.code AS market_code,
                SUM(${monthlyShareSql(this.db.dialect)}) AS principal
         FROM calendar_day c
         JOIN stall_permit p ON p.valid_from <= c.day AND (p.valid_to IS NULL OR p.valid_to >= c.day)
         JOIN stall s ON s.id = p.stall_id
         JOIN market m ON m.id = s.market_id
         JOIN tariff t ON t.stall_kind = s.kind AND t.market_class = m.market_class
           AND t.valid_from <= c.day AND (t.valid_to IS NULL OR t.valid_to >= c.day)
         WHERE c.day BETWEEN ? AND ? AND t.basis = 'PER_UNIT_PER_MONTH'
         GROUP BY p.id, p.stall_id, p.trader_id, s.market_id, m.code
         ORDER BY m.code, p.stall_id, p.id`,
        [first, last],
      );
      const existing = new Set<number>(
        (await em.query("SELECT permit_id FROM bill WHERE period = ?", [period])).map((r: { permit_id: unknown }) => Number(r.permit_id)),
      );
      const fresh = billable.filter((b) => !existing.has(Number(b.permit_id)) && Number(b.principal) > 0);
      const issuedAt = sqlDateTime(now);
      for (let i = 0; i < fresh.length; i += BILLS_PER_INSERT) {
        const chunk = fresh.slice(i, i + BILLS_PER_INSERT);
        const values: unknown[] = [];
        for (const b of chunk) {
          const permit = String(b.permit_id);
          values.push(
            `SKRD/${b.market_code}/${period}/${permit.padStart(6, "0")}`, `${period.replace("-", "")}${permit.padStart(8, "0")}`, period,
            b.market_id, b.stall_id, b.permit_id, b.trader_id, Number(b.principal), dueDate, BillStatus.UNPAID, issuedAt,
          );
        }
        await em.query(
          `INSERT INTO bill (bill_number, payment_code, period, market_id, stall_id, permit_id, trader_id, principal, due_date, status, issued_at)
           VALUES ${chunk.map(() => "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)").join(", ")}`,
          values,
        );
      }
      const run: BillRun = {
        period, dueDate, created: fresh.length, existing: existing.size,
        createdPrincipal: fresh.reduce((sum, b) => sum + Number(b.principal), 0),
      };
      if (fresh.length > 0) await this.audit.record(em, actor, "GENERATE", "BillRun", period, null, run);
      return run;
    });
  }
}
