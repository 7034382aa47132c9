import { badInput, forbidden } from "../../common/errors";
import { addDays, todayInJakarta } from "../../common/local-date";
import type { Database } from "../../database/database";
import { placeholders, toInteger } from "../../database/sql-values";
import type { Actor } from "../auth/actor";
import { formatIndonesianDate, formatInteger, formatRupiahText } from "./indonesian-format";
import type { ReportDocument, ReportRow } from "./report-document";

export interface AnomalyRegisterParams {
  from: string;
  to: string;
  marketId?: number;
}

const MAX_DAYS = 366;
/** Rows fetched per round trip: a year of findings streams out without sitting in memory. */
const BATCH = 500;

const SEVERITIES: Record<string, string> = { CRITICAL: "Kritis", HIGH: "Tinggi", MEDIUM: "Sedang", LOW: "Rendah" };
const STATUSES: Record<string, string> = { OPEN: "Terbuka", ACKNOWLEDGED: "Ditangani", RESOLVED: "Selesai", AUTO_RESOLVED: "Selesai otomatis" };
const RESOLUTIONS: Record<string, string> = { CONFIRMED_LEAKAGE: "Kebocoran terbukti", FALSE_POSITIVE: "Bukan kebocoran", CORRECTED: "Sudah dikoreksi" };

type Row = Record<string, unknown>;

/**
 * Register Temuan Anomali for auditors: every finding of a period by business day, oldest first,
 * with its rule, market, amount at risk, status and how it was resolved; findings without a
 * business day (none today) are left out. Scoped to the caller's markets like the anomaly queue.
 */
export class AnomalyRegisterReport {
  constructor(private readonly db: Database) {}

  async document(actor: Actor, params: AnomalyRegisterParams, today = todayInJakarta()): Promise<ReportDocument> {
    if (params.to < params.from) throw badInput({ to: "must be on or after from" });
    if (addDays(params.from, MAX_DAYS - 1) < params.to) throw badInput({ to: `the register covers at most ${MAX_DAYS} days` });
    const scope = await actor.marketScope();
    if (params.marketId !== undefined && scope !== null && !scope.includes(params.marketId)) {
      throw forbidden(`Market ${params.marketId} is outside your assigned markets`);
    }
    const conditions = ["a.business_date BETWEEN ? AND ?"];
    const values: unknown[] = [params.from, params.to];
    if (params.marketId !== undefined) {
      conditions.push("a.market_id = ?");
      values.push(params.marketId);
    }
    if (scope !== null) {
      conditions.push(scope.length ? `a.market_id IN (${placeholders(scope.length)})` : "1 = 0");
      values.push(...scope);
    }
    const where = conditions.join(" AND ");
    const [summary]: Row[] = await this.db.manager.query(
      `SELECT COUNT(*) AS findings, SUM(a.amount_at_risk) AS at_risk,
              SUM(CASE WHEN a.status IN ('OPEN', 'ACKNOWLEDGED') THEN 1 ELSE 0 END) AS unresolved
       FROM anomaly a WHERE ${where}`,
      values,
    );
    const findings = toInteger(summary?.findings);
    const atRisk = toInteger(summary?.at_risk);
    const marketName = params.marketId !== undefined ? await this.marketName(params.marketId) : null;
    return {
      fileName: `register-anomali-${params.from}-${params.to}${params.marketId !== undefined ? `-pasar-${params.marketId}` : ""}`,
      title: "REGISTER TEMUAN ANOMALI RETRIBUSI PASAR",
      subtitle: `${formatIndonesianDate(params.from)} s.d. ${formatIndonesianDate(params.to)}`,
      office: "DINAS PERDAGANGAN",
      place: "Cikarang",
      issuedOn: today,
      facts: [
        ["Pasar", marketName ?? "Semua pasar"],
        ["Jumlah temuan", formatInteger(findings)],
        ["Belum selesai", formatInteger(toInteger(summary?.unresolved))],
        ["Nilai berisiko", formatRupiahText(atRisk)],
      ],
      sections: [{
        heading: "Temuan",
        columns: [
          { key: "businessDate", header: "Tanggal", kind: "date", width: 1 },
          { key: "rule", header: "Aturan", kind: "text", width: 1.4 },
          { key: "severity", header: "Tingkat", kind: "text", width: 0.7 },
          { key: "market", header: "Pasar", kind: "text", width: 1.4 },
          { key: "summary", header: "Temuan", kind: "text", width: 3 },
          { key: "amountAtRisk", header: "Nilai berisiko", kind: "money", width: 1.1 },
          { key: "status", header: "Status", kind: "text", width: 0.9 },
          { key: "resolution", header: "Penyelesaian", kind: "text", width: 1.8 },
        ],
        rows: this.rows(where, values),
        totals: { businessDate: null, rule: "JUMLAH", severity: null, market: null, summary: `${formatInteger(findings)} temuan`, amountAtRisk: atRisk, status: null, resolution: null },
      }],
      signatures: [{ role: "Auditor", name: actor.user?.displayName ?? "....................................", id: actor.user?.username ?? null }],
    };
  }

  /** Keyset pages in (business day, id) order: each round trip reads the next BATCH findings. */
  private async *rows(where: string, values: unknown[]): AsyncGenerator<ReportRow> {
    let after: { day: string; id: number } | null = null;
    for (;;) {
      const page: Row[] = await this.db.manager.query(
        `SELECT a.id, a.business_date, a.rule, a.severity, m.name AS market_name, a.summary_id, a.amount_at_risk, a.status,
                a.resolution, a.resolution_note
         FROM anomaly a LEFT JOIN market m ON m.id = a.market_id
         WHERE ${where}${after ? " AND (a.business_date > ? OR (a.business_date = ? AND a.id > ?))" : ""}
         ORDER BY a.business_date, a.id LIMIT ${BATCH}`,
        after ? [...values, after.day, after.day, after.id] : values,
      );
      for (const r of page) {
        const resolution = r.resolution === null ? "" : RESOLUTIONS[String(r.resolution)] ?? String(r.resolution);
        const note = r.resolution_note === null ? "" : String(r.resolution_note);
        yield {
          businessDate: localDay(r.business_date),
          rule: String(r.rule),
          severity: SEVERITIES[String(r.severity)] ?? String(r.severity),
          market: r.market_name === null ? "-" : String(r.market_name),
          summary: String(r.summary_id),
          amountAtRisk: toInteger(r.amount_at_risk),
          status: STATUSES[String(r.status)] ?? String(r.status),
          resolution: [resolution, note].filter(Boolean).join(": ") || "-",
        };
      }
      if (page.length < BATCH) return;
      const last = page[page.length - 1]!;
      after = { day: localDay(last.business_date), id: toInteger(last.id) };
    }
  }

  private async marketName(id: number): Promise<string> {
    const [row]: Row[] = await this.db.manager.query("SELECT name FROM market WHERE id = ?", [id]);
    if (!row) throw badInput({ marketId: "does not exist" });
    return String(row.name);
  }
}

/** A DATE column as the drivers give it: a string on SQLite, a string or Date on MySQL. */
function localDay(value: unknown): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);
}
