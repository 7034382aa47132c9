import { addDays, localDateOf } from "../common/local-date";
import type { Database } from "../database/database";
import { fromSqlDateTime } from "../database/sql-values";
import { PaymentChannel } from "../modules/payments/payment.enums";
import { lastDayOfMonth } from "../modules/payments/penalty";
import { DEMO_STATEMENT_PERIOD } from "./demo-payments";

/** The demo treasury account (Rekening Kas Umum Daerah at the regional bank); synthetic. */
export const DEMO_ACCOUNT_NO = "0001021234567";
const OPENING_BALANCE = 250_000_000;

/** Markers in the descriptions of the lines that are meant not to reconcile. */
export const DEMO_EXCEPTIONS = {
  netted: "DIPOTONG BIAYA",
  interest: "JASA GIRO",
  unknownTransfer: "TRANSFER MASUK",
} as const;

const rupiah = (n: number) => `${n.toLocaleString("id-ID", { maximumFractionDigits: 0 })},00`;
const dmy = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

interface Line {
  day: string;
  order: number;
  description: string;
  reference: string;
  credit: number;
  debit: number;
}

/**
 * The treasury account's statement for the demo month, as the bank would export it (semicolons,
 * Indonesian amounts), built from the seeded payments of that month's bills with a handful of
 * exceptions: two payments the bank never credited, one credited net of a charge, bank interest,
 * an unexplained transfer, and the credits of payments the bank later reversed. `demo/` holds the
 * output; a test proves the seed still produces it.
 */
export async function demoStatementCsv(db: Database): Promise<string> {
  const first = `${DEMO_STATEMENT_PERIOD}-01`;
  const last = lastDayOfMonth(DEMO_STATEMENT_PERIOD);
  const payments: Array<Record<string, unknown>> = await db.manager.query(
    `SELECT id, channel, external_ref, payment_code, amount, paid_at, reversed_at FROM payment
     WHERE payment_code LIKE ? ORDER BY paid_at, id`,
    [`${DEMO_STATEMENT_PERIOD.replace("-", "")}%`],
  );
  const lines: Line[] = [];
  let index = 0;
  for (const p of payments) {
    const paidAt = fromSqlDateTime(p.paid_at);
    const channel = String(p.channel) as PaymentChannel;
    // QRIS settles the next day; the others credit the account the day they are paid.
    const day = channel === PaymentChannel.QRIS ? addDays(localDateOf(paidAt), 1) : localDateOf(paidAt);
    if (day < first || day > last) continue;
    index++;
    if (index === 7 || index === 19) continue; // never credited by the bank
    const amount = Number(p.amount);
    const ref = String(p.external_ref);
    const code = String(p.payment_code);
    const description = {
      QRIS: `QRIS SETTLEMENT RETRIBUSI PASAR ${code}`, VIRTUAL_ACCOUNT: `VA BAPENDA ${code}`, TELLER: `SETORAN TELLER SKRD ${code}`,
      EDC: `EDC RETRIBUSI ${code}`, AUTODEBIT: `AUTODEBET RETRIBUSI ${code}`,
    }[channel];
    const netted = index === 11;
    lines.push({ day, order: index, description: netted ? `${description} ${DEMO_EXCEPTIONS.netted}` : description, reference: ref, credit: netted ? amount - 1_500 : amount, debit: 0 });
    if (p.reversed_at !== null) lines.push({ day: addDays(day, 1), order: index, description: `KOREKSI BATAL BAYAR ${code}`, reference: ref, credit: 0, debit: amount });
  }
  const credits = () => lines.reduce((sum, l) => sum + l.credit - l.debit, 0);
  lines.push({ day: addDays(first, 13), order: 9000, description: `${DEMO_EXCEPTIONS.unknownTransfer} DARI 0098812345 TANPA KETERANGAN`, reference: "TRF9912004417", credit: 1_750_000, debit: 0 });
  for (let day = addDays(first, 6); day <= last; day = addDays(day, 7)) {
    lines.push({ day, order: 9001, description: "PEMINDAHBUKUAN KE RKUD", reference: `PB${day.replace(/-/g, "")}`, credit: 0, debit: Math.floor(credits() * 0.8 / 1000) * 1000 });
  }
  lines.push({ day: last, order: 9002, description: `${DEMO_EXCEPTIONS.interest} ${DEMO_STATEMENT_PERIOD}`, reference: "", credit: 412_338, debit: 0 });
  lines.push({ day: last, order: 9003, description: "BIAYA ADMINISTRASI REKENING", reference: "", credit: 0, debit: 15_000 });
  lines.sort((a, b) => a.day.localeCompare(b.day) || a.order - b.order);
  let balance = OPENING_BALANCE;
  const rows = lines.map((l) => {
    balance += l.credit - l.debit;
    return [dmy(l.day), l.description, l.reference, l.credit ? rupiah(l.credit) : "", l.debit ? rupiah(l.debit) : "", rupiah(balance)].join(";");
  });
  return `${["Tanggal", "Keterangan", "Referensi", "Kredit", "Debit", "Saldo"].join(";")}\r\n${rows.join("\r\n")}\r\n`;
}
