import { addDays } from "../common/local-date";
import type { Database } from "../database/database";
import { sqlDateTime } from "../database/sql-values";
import { systemActor } from "../modules/auth/actor";
import { AuditService } from "../modules/audit/audit.service";
import { BillService } from "../modules/payments/bill.service";
import { PaymentChannel, PaymentMatchStatus, PaymentSource } from "../modules/payments/payment.enums";
import { revenueDateOf } from "../modules/payments/payment.service";
import { penaltyOf } from "../modules/payments/penalty";
import { bulkInsert, jakartaTime } from "./demo-history";
import { createRandom, type Random } from "./random";

/** The month of `demo/rekening-koran-demo.csv`: its bills and payments are seeded whatever today is. */
export const DEMO_STATEMENT_PERIOD = "2026-10";
export const DEMO_BILLING = { dueDay: 15, percentPerMonth: 1, maxMonths: 24 };

interface DemoBill {
  id: number;
  paymentCode: string;
  period: string;
  marketId: number;
  principal: number;
  dueDate: string;
}

interface DemoPayment {
  billId: number | null;
  marketId: number | null;
  channel: PaymentChannel;
  externalRef: string;
  paymentCode: string;
  amount: number;
  paidAt: Date;
  matchStatus: PaymentMatchStatus;
  revenueDate: string | null;
  reversedAt: Date | null;
}

const CHANNEL_SHARES: Array<[PaymentChannel, number]> = [
  [PaymentChannel.QRIS, 0.45], [PaymentChannel.VIRTUAL_ACCOUNT, 0.3], [PaymentChannel.TELLER, 0.18], [PaymentChannel.AUTODEBIT, 0.07],
];
const ISSUERS: Record<PaymentChannel, readonly string[]> = {
  QRIS: ["Bank BJB", "GoPay", "OVO", "DANA", "ShopeePay", "BCA", "BRI"],
  VIRTUAL_ACCOUNT: ["Bank BJB", "BRI", "Mandiri", "BNI", "BCA"],
  TELLER: ["Bank BJB"],
  EDC: ["Bank BJB"],
  AUTODEBIT: ["Bank BJB"],
};

function pickChannel(random: Random): PaymentChannel {
  let u = random.next();
  for (const [channel, share] of CHANNEL_SHARES) {
    if ((u -= share) < 0) return channel;
  }
  return PaymentChannel.QRIS;
}

/** An RRN, VA reference or NTB as the channel would print it; unique within the demo. */
function referenceOf(channel: PaymentChannel, random: Random, used: Set<string>): string {
  const prefix = { QRIS: "", VIRTUAL_ACCOUNT: "VA", TELLER: "NTB", EDC: "EDC", AUTODEBIT: "AD" }[channel];
  for (;;) {
    const ref = `${prefix}${String(random.int(100000, 999999))}${String(random.int(100000, 999999))}`;
    if (!used.has(ref)) {
      used.add(ref);
      return ref;
    }
  }
}

/**
 * Bills and their payments for one month, from a generator seeded by the month alone: the same month
 * gives the same payments on any day the demo is seeded (only those already made by `now` are kept).
 * Most kios pay on time across the channels; some pay late with interest, some never; a few pay the
 * wrong amount, twice, with a mistyped code, or are reversed by the bank (batal bayar).
 */
function paymentsOf(bills: DemoBill[], period: string, seedNumber: number, now: Date, used: Set<string>): DemoPayment[] {
  const random = createRandom(seedNumber + Number(period.replace("-", "")));
  const out: DemoPayment[] = [];
  const paidBills = new Set<number>();
  for (const bill of bills) {
    // Every draw happens whatever `now` is, so that a month's payments do not depend on the day seeded.
    const u = random.next();
    const late = u > 0.83;
    const first = `${period}-01`;
    const span = Math.round((Date.parse(bill.dueDate) - Date.parse(first)) / 86_400_000);
    const day = late ? addDays(bill.dueDate, random.int(1, 45)) : addDays(first, random.int(0, span));
    const channel = pickChannel(random);
    const paidAt = jakartaTime(day, channel === PaymentChannel.AUTODEBIT ? 6 : random.int(7, 20), random.int(0, 59));
    const wrongAmount = random.chance(0.015);
    const twice = random.chance(0.01);
    const externalRef = referenceOf(channel, random, used);
    const other = pickChannel(random);
    const otherRef = twice ? referenceOf(other, random, used) : "";
    const againAt = new Date(paidAt.getTime() + random.int(2, 30) * 3600_000);
    const reversedAt = random.chance(0.005) ? new Date(paidAt.getTime() + 26 * 3600_000) : null;
    if (u < 0.08 || paidAt >= now) continue; // never paid (overdue), or not yet
    const { penalty } = penaltyOf(bill.principal, bill.dueDate, day, DEMO_BILLING);
    const amount = wrongAmount ? (penalty > 0 ? bill.principal : bill.principal - 5000) : bill.principal + penalty;
    const matched = !wrongAmount && !paidBills.has(bill.id);
    if (matched) paidBills.add(bill.id);
    out.push({
      billId: bill.id, marketId: bill.marketId, channel, externalRef, paymentCode: bill.paymentCode, amount, paidAt,
      matchStatus: matched ? PaymentMatchStatus.MATCHED : PaymentMatchStatus.AMOUNT_MISMATCH,
      revenueDate: matched ? revenueDateOf(day, period) : null, reversedAt: matched && reversedAt && reversedAt < now ? reversedAt : null,
    });
    if (twice && matched && againAt < now) {
      out.push({
        billId: bill.id, marketId: bill.marketId, channel: other, externalRef: otherRef, paymentCode: bill.paymentCode,
        amount, paidAt: againAt, matchStatus: PaymentMatchStatus.BILL_ALREADY_PAID, revenueDate: null, reversedAt: null,
      });
    }
  }
  // Two payments quoting a mistyped code (last two digits swapped) and two reversed by the bank.
  for (const bill of bills.slice(3, 5)) {
    const code = `${bill.paymentCode.slice(0, -2)}${bill.paymentCode.slice(-1)}${bill.paymentCode.slice(-2, -1)}`;
    const paidAt = jakartaTime(addDays(`${period}-01`, random.int(2, 9)), 10);
    const externalRef = referenceOf(PaymentChannel.TELLER, random, used);
    if (code === bill.paymentCode || bills.some((b) => b.paymentCode === code) || paidAt >= now) continue;
    out.push({
      billId: null, marketId: null, channel: PaymentChannel.TELLER, externalRef, paymentCode: code,
      amount: bill.principal, paidAt, matchStatus: PaymentMatchStatus.UNKNOWN_CODE, revenueDate: null, reversedAt: null,
    });
  }
  return out;
}

/** SKRD for each month and the payments made on them so far. */
export async function seedDemoPayments(db: Database, periods: string[], seedNumber: number, now: Date): Promise<void> {
  const bills = new BillService(db, 500, new AuditService(), DEMO_BILLING);
  const actor = systemActor("seed");
  const used = new Set<string>();
  for (const period of [...new Set(periods)].sort()) {
    await bills.generate(actor, period, jakartaTime(`${period}-01`, 7));
    const rows: Array<Record<string, unknown>> = await db.manager.query(
      "SELECT id, payment_code, period, market_id, principal, due_date FROM bill WHERE period = ? ORDER BY id", [period],
    );
    const monthBills = rows.map((r): DemoBill => ({
      id: Number(r.id), paymentCode: String(r.payment_code), period: String(r.period), marketId: Number(r.market_id),
      principal: Number(r.principal), dueDate: String(r.due_date).slice(0, 10),
    }));
    const payments = paymentsOf(monthBills, period, seedNumber, now, used);
    await db.transaction(async (em) => {
      await bulkInsert(em, "payment", [
        "channel", "external_ref", "payment_code", "amount", "paid_at", "payer_name", "issuer", "raw_notification", "bill_id", "market_id",
        "match_status", "revenue_date", "source", "recorded_at", "reversed_at", "reversal_reason",
      ], payments.map((p, i) => [
        p.channel, p.externalRef, p.paymentCode, p.amount, sqlDateTime(p.paidAt), `Pedagang ${p.paymentCode.slice(-4)}`,
        ISSUERS[p.channel][i % ISSUERS[p.channel].length],
        JSON.stringify({ reference: p.externalRef, kodeBayar: p.paymentCode, amount: p.amount, paidAt: p.paidAt.toISOString(), demo: true }),
        p.billId, p.marketId, p.matchStatus, p.revenueDate, PaymentSource.WEBHOOK, sqlDateTime(new Date(p.paidAt.getTime() + 60_000)),
        p.reversedAt ? sqlDateTime(p.reversedAt) : null, p.reversedAt ? "Transaksi dibatalkan oleh bank (batal bayar)" : null,
      ]));
      for (const p of payments) {
        if (p.matchStatus === PaymentMatchStatus.MATCHED && p.reversedAt === null) {
          await em.query("UPDATE bill SET status = 'PAID', paid_at = ? WHERE id = ?", [sqlDateTime(p.paidAt), p.billId]);
        }
      }
    });
  }
}

/** The months a history of `days` days up to `today` touches, and the demo statement's month. */
export function demoBillingPeriods(today: string, days: number): string[] {
  const periods = new Set<string>([DEMO_STATEMENT_PERIOD]);
  for (let day = addDays(today, -days); day <= today; day = addDays(day, 1)) periods.add(day.slice(0, 7));
  return [...periods].filter((p) => p <= today.slice(0, 7));
}
