import { forbidden, notFound } from "../../common/errors";
import { localDateOf, todayInJakarta } from "../../common/local-date";
import type { Database } from "../../database/database";
import { fromSqlDateTime, toInteger } from "../../database/sql-values";
import type { Actor } from "../auth/actor";
import { requireUser, collectorActedFor } from "../receipts/daily-report.service";
import { DailyReportStatus } from "../receipts/receipt.enums";
import { formatTicketNumber } from "../receipts/ticket-number";
import { formatIndonesianDate, formatInteger, formatRupiahText } from "./indonesian-format";
import type { ReportDocument, ReportRow } from "./report-document";
import { capitalise, terbilangRupiah } from "./terbilang";

export interface CollectorRecapParams {
  marketId: number;
  date: string;
  collectorId?: number;
}

type Row = Record<string, unknown>;

const STALL_KINDS: Record<string, string> = { KIOS: "Kios", LOS: "Los", LAPAK: "Lapak", PELATARAN: "Pelataran", OTHER: "Lainnya" };
const DEPOSIT_STATUSES: Record<string, string> = { PENDING: "Menunggu verifikasi", VERIFIED: "Terverifikasi", REJECTED: "Ditolak" };

/** The collector's reports of the day that count (a rejected one was replaced by a corrected one). */
const DAY_REPORTS = "d.collector_id = ? AND d.market_id = ? AND d.business_date = ? AND d.status = ?";

/**
 * Rekapitulasi Harian Pemungut: what one collector took at one market on one day, as the market
 * head attaches it to the deposit: every karcis, totals per stall kind, the numbers used per book,
 * the deposit covering it, the total in words, and the two signatures.
 */
export class CollectorRecapReport {
  constructor(private readonly db: Database) {}

  async document(actor: Actor, params: CollectorRecapParams, today = todayInJakarta()): Promise<ReportDocument> {
    const user = requireUser(actor);
    const collectorId = collectorActedFor(user, params.collectorId === undefined ? null : String(params.collectorId), "gets only their own recap");
    const scope = await actor.marketScope();
    if (scope !== null && !scope.includes(params.marketId)) throw forbidden(`Market ${params.marketId} is outside your assigned markets`);
    const where = [collectorId, params.marketId, params.date, DailyReportStatus.SUBMITTED];
    const [people, receipts, kinds, books, deposits] = await Promise.all([
      this.people(collectorId, params.marketId),
      this.db.manager.query(
        `SELECT r.series, r.number, r.amount, s.code AS stall_code, s.kind
         FROM receipt r JOIN daily_report d ON d.id = r.report_id JOIN stall s ON s.id = r.stall_id
         WHERE ${DAY_REPORTS} ORDER BY r.series, r.number, r.id`,
        where,
      ) as Promise<Row[]>,
      this.db.manager.query(
        `SELECT s.kind, COUNT(*) AS tickets, SUM(r.amount) AS amount
         FROM receipt r JOIN daily_report d ON d.id = r.report_id JOIN stall s ON s.id = r.stall_id
         WHERE ${DAY_REPORTS} GROUP BY s.kind ORDER BY s.kind`,
        where,
      ) as Promise<Row[]>,
      this.db.manager.query(
        `SELECT b.series, b.first_number, b.last_number, MIN(r.number) AS first_used, MAX(r.number) AS last_used, COUNT(*) AS used
         FROM receipt r JOIN daily_report d ON d.id = r.report_id
         JOIN ticket_book b ON b.market_id = d.market_id AND b.series = r.series AND r.number BETWEEN b.first_number AND b.last_number
         WHERE ${DAY_REPORTS} GROUP BY b.id, b.series, b.first_number, b.last_number ORDER BY b.series, b.first_number`,
        where,
      ) as Promise<Row[]>,
      this.db.manager.query(
        `SELECT DISTINCT dep.id, dep.sts_number, dep.deposited_at, dep.amount, dep.status
         FROM deposit dep JOIN deposit_report l ON l.deposit_id = dep.id JOIN daily_report d ON d.id = l.live_report_id
         WHERE ${DAY_REPORTS} ORDER BY dep.id`,
        where,
      ) as Promise<Row[]>,
    ]);
    const total = kinds.reduce((sum, k) => sum + toInteger(k.amount), 0);
    const tickets = kinds.reduce((sum, k) => sum + toInteger(k.tickets), 0);
    const receiptRows: ReportRow[] = receipts.map((r, i) => ({
      no: i + 1,
      ticketNo: formatTicketNumber({ series: String(r.series), number: toInteger(r.number) }),
      stall: String(r.stall_code),
      kind: STALL_KINDS[String(r.kind)] ?? String(r.kind),
      amount: toInteger(r.amount),
    }));
    return {
      fileName: `rekap-harian-${people.marketCode.toLowerCase()}-${params.date}-pemungut-${collectorId}`,
      title: "REKAPITULASI HARIAN PEMUNGUT RETRIBUSI PASAR",
      subtitle: formatIndonesianDate(params.date),
      office: "DINAS PERDAGANGAN",
      place: "Cikarang",
      issuedOn: today,
      facts: [
        ["Pasar", people.marketName],
        ["Pemungut", `${people.collectorName} (${people.collectorUsername})`],
        ["Tanggal", formatIndonesianDate(params.date)],
        ["Jumlah karcis", formatInteger(tickets)],
        ["Jumlah pungutan", formatRupiahText(total)],
      ],
      sections: [
        {
          heading: "Karcis",
          columns: [
            { key: "no", header: "No.", kind: "integer", width: 0.5 },
            { key: "ticketNo", header: "Nomor karcis", kind: "text", width: 1.5 },
            { key: "stall", header: "Tempat usaha", kind: "text", width: 1.2 },
            { key: "kind", header: "Jenis", kind: "text", width: 1 },
            { key: "amount", header: "Jumlah", kind: "money", width: 1.2 },
          ],
          rows: receiptRows,
          totals: { no: null, ticketNo: "JUMLAH", stall: null, kind: null, amount: total },
        },
        {
          heading: "Per jenis tempat usaha",
          columns: [
            { key: "kind", header: "Jenis", kind: "text", width: 1.5 },
            { key: "tickets", header: "Karcis", kind: "integer" },
            { key: "amount", header: "Jumlah", kind: "money", width: 1.2 },
          ],
          rows: kinds.map((k) => ({ kind: STALL_KINDS[String(k.kind)] ?? String(k.kind), tickets: toInteger(k.tickets), amount: toInteger(k.amount) })),
          totals: { kind: "JUMLAH", tickets, amount: total },
        },
        {
          heading: "Nomor karcis per buku",
          columns: [
            { key: "book", header: "Buku", kind: "text", width: 2 },
            { key: "firstUsed", header: "Dari nomor", kind: "text", width: 1.4 },
            { key: "lastUsed", header: "Sampai nomor", kind: "text", width: 1.4 },
            { key: "used", header: "Karcis terpakai", kind: "integer" },
          ],
          rows: books.map((b) => {
            const series = String(b.series);
            const ticket = (n: unknown) => formatTicketNumber({ series, number: toInteger(n) });
            return { book: `${ticket(b.first_number)} - ${ticket(b.last_number)}`, firstUsed: ticket(b.first_used), lastUsed: ticket(b.last_used), used: toInteger(b.used) };
          }),
        },
        {
          heading: "Setoran",
          columns: [
            { key: "sts", header: "Nomor STS", kind: "text", width: 1.6 },
            { key: "depositedOn", header: "Tanggal setor", kind: "date", width: 1.2 },
            { key: "amount", header: "Jumlah disetor", kind: "money", width: 1.2 },
            { key: "status", header: "Status", kind: "text", width: 1.2 },
          ],
          rows: deposits.map((d) => ({
            sts: String(d.sts_number),
            depositedOn: localDateOf(fromSqlDateTime(d.deposited_at)),
            amount: toInteger(d.amount),
            status: DEPOSIT_STATUSES[String(d.status)] ?? String(d.status),
          })),
        },
      ],
      notes: [
        `Terbilang: ${capitalise(terbilangRupiah(total))}.`,
        deposits.length === 0 ? "Belum ada setoran yang mencakup laporan hari ini." : `Disetor menurut ${deposits.length} STS di atas.`,
      ],
      signatures: [
        { role: "Pemungut", name: people.collectorName, id: people.collectorUsername },
        { role: "Kepala Pasar", name: people.headName ?? "....................................", id: people.headUsername },
      ],
    };
  }

  private async people(collectorId: number, marketId: number) {
    const [market]: Row[] = await this.db.manager.query(
      `SELECT m.code, m.name, h.display_name AS head_name, h.username AS head_username
       FROM market m LEFT JOIN user h ON h.id = m.head_user_id WHERE m.id = ?`,
      [marketId],
    );
    if (!market) throw notFound("Market", marketId);
    const [collector]: Row[] = await this.db.manager.query("SELECT display_name, username FROM user WHERE id = ?", [collectorId]);
    if (!collector) throw notFound("User", collectorId);
    return {
      marketCode: String(market.code), marketName: String(market.name),
      headName: market.head_name === null ? null : String(market.head_name),
      headUsername: market.head_username === null ? null : String(market.head_username),
      collectorName: String(collector.display_name), collectorUsername: String(collector.username),
    };
  }
}
