import { badInput } from "../../common/errors";
import { todayInJakarta } from "../../common/local-date";
import type { Database } from "../../database/database";
import { placeholders, toInteger } from "../../database/sql-values";
import type { Actor } from "../auth/actor";
import { lastDayOfMonth } from "../payments/penalty";
import type { RevenueReportService } from "../revenue/revenue-report.service";
import { RevenueGrouping, type RevenueRow } from "../revenue/revenue.types";
import { formatIndonesianDate, formatIndonesianMonth, formatRupiahText } from "./indonesian-format";
import type { ReportColumn, ReportDocument, ReportRow } from "./report-document";

export interface MonthlyRealisationParams {
  month: string;
  marketId?: number;
}

/** One market's line of the report, in rupiah (and fractions for the rates). */
export interface RealisationLine {
  marketId: string;
  marketName: string;
  annualTarget: number;
  potential: number;
  deposited: number;
  paidOnline: number;
  realised: number;
  realisedYearToDate: number;
  targetReached: number;
  leakage: number;
  leakageRate: number;
  realisedLastYear: number;
  /** Change against the same month last year; null when last year had nothing to compare with. */
  changeOnLastYear: number | null;
}

/** The last day the report covers: the month's end, or today while the month is running (as the dashboard's "this month"). */
export const reportEnd = (month: string, today: string) => [lastDayOfMonth(month), today].sort()[0]!;
const shiftYear = (month: string, years: number) => `${Number(month.slice(0, 4)) + years}${month.slice(4)}`;
const ratio = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

export const REALISATION_COLUMNS: ReportColumn[] = [
  { key: "marketName", header: "Pasar", kind: "text", width: 2.4 },
  { key: "annualTarget", header: "Target tahunan", kind: "money", width: 1.4 },
  { key: "potential", header: "Potensi bulan ini", kind: "money", width: 1.4 },
  { key: "deposited", header: "Setoran tunai", kind: "money", width: 1.3 },
  { key: "paidOnline", header: "Pembayaran daring", kind: "money", width: 1.3 },
  { key: "realised", header: "Realisasi bulan ini", kind: "money", width: 1.4 },
  { key: "realisedYearToDate", header: "Realisasi s.d. bulan ini", kind: "money", width: 1.4 },
  { key: "targetReached", header: "% target", kind: "percent", width: 0.8 },
  { key: "leakage", header: "Kebocoran", kind: "money", width: 1.3 },
  { key: "leakageRate", header: "% bocor", kind: "percent", width: 0.8 },
  { key: "realisedLastYear", header: "Realisasi bulan sama tahun lalu", kind: "money", width: 1.4 },
  { key: "changeOnLastYear", header: "Perubahan", kind: "percent", width: 1 },
];

/**
 * Laporan Realisasi Retribusi Pasar: the Dinas's monthly report to the Bupati and Bapenda. Every
 * figure is revenueReport's for the same markets and dates (the month up to its end or today,
 * January to then, the same days a year before), so the document and the dashboard never disagree.
 */
export class MonthlyRealisationReport {
  constructor(
    private readonly db: Database,
    private readonly revenue: RevenueReportService,
  ) {}

  async lines(actor: Actor, params: MonthlyRealisationParams, today = todayInJakarta()): Promise<RealisationLine[]> {
    const { month } = params;
    if (`${month}-01` > today) throw badInput({ month: `must have begun (today is ${today} in Asia/Jakarta)` });
    const year = month.slice(0, 4);
    const to = reportEnd(month, today);
    const lastYear = shiftYear(month, -1);
    // The same days a year before: a month still running is compared with its own first days.
    const lastYearTo = [`${lastYear}-${to.slice(8)}`, lastDayOfMonth(lastYear)].sort()[0]!;
    const marketIds = params.marketId ? [String(params.marketId)] : null;
    const query = (from: string, until: string) => this.revenue.report(actor, { from, to: until, groupBy: RevenueGrouping.MARKET, marketIds });
    const [thisMonth, yearToDate, sameMonthLastYear] = await Promise.all([
      query(`${month}-01`, to),
      query(`${year}-01-01`, to),
      query(`${lastYear}-01`, lastYearTo),
    ]);
    const targets = await this.annualTargets(Number(year), thisMonth.map((r) => Number(r.marketId)));
    const byMarket = (rows: RevenueRow[]) => new Map(rows.map((r) => [r.marketId, r]));
    const ytd = byMarket(yearToDate);
    const previous = byMarket(sameMonthLastYear);
    return thisMonth.map((r) => {
      const annualTarget = targets.get(Number(r.marketId)) ?? 0;
      const realised = r.deposited + r.paidOnline;
      const y = ytd.get(r.marketId)!;
      const realisedYearToDate = y.deposited + y.paidOnline;
      const p = previous.get(r.marketId)!;
      const realisedLastYear = p.deposited + p.paidOnline;
      return {
        marketId: r.marketId, marketName: r.marketName, annualTarget, potential: r.potential, deposited: r.deposited,
        paidOnline: r.paidOnline, realised, realisedYearToDate, targetReached: ratio(realisedYearToDate, annualTarget),
        leakage: r.leakage, leakageRate: r.leakageRate, realisedLastYear,
        changeOnLastYear: realisedLastYear === 0 ? null : (realised - realisedLastYear) / realisedLastYear,
      };
    });
  }

  /** The lines added up: rates of the sums, never sums of rates. */
  static totals(lines: readonly RealisationLine[]): ReportRow {
    const sum = (pick: (l: RealisationLine) => number) => lines.reduce((s, l) => s + pick(l), 0);
    const t = {
      annualTarget: sum((l) => l.annualTarget), potential: sum((l) => l.potential), deposited: sum((l) => l.deposited),
      paidOnline: sum((l) => l.paidOnline), realised: sum((l) => l.realised), realisedYearToDate: sum((l) => l.realisedYearToDate),
      leakage: sum((l) => l.leakage), realisedLastYear: sum((l) => l.realisedLastYear),
    };
    return {
      marketName: "JUMLAH", ...t, targetReached: ratio(t.realisedYearToDate, t.annualTarget), leakageRate: ratio(t.leakage, t.potential),
      changeOnLastYear: t.realisedLastYear === 0 ? null : (t.realised - t.realisedLastYear) / t.realisedLastYear,
    };
  }

  async document(actor: Actor, params: MonthlyRealisationParams, today = todayInJakarta()): Promise<ReportDocument> {
    const lines = await this.lines(actor, params, today);
    const regencyTarget = await this.regencyTarget(Number(params.month.slice(0, 4)));
    const facts: Array<[string, string]> = [["Periode", `1 s.d. ${formatIndonesianDate(reportEnd(params.month, today))}`]];
    if (params.marketId && lines[0]) facts.push(["Pasar", lines[0].marketName]);
    else if (regencyTarget !== null) facts.push(["Target kabupaten", formatRupiahText(regencyTarget)]);
    return {
      fileName: `laporan-realisasi-${params.month}${params.marketId ? `-pasar-${params.marketId}` : ""}`,
      title: "LAPORAN REALISASI RETRIBUSI PASAR",
      subtitle: `Bulan ${formatIndonesianMonth(params.month)}`,
      office: "DINAS PERDAGANGAN",
      place: "Cikarang",
      issuedOn: today,
      facts,
      sections: [{
        heading: "Realisasi per pasar",
        columns: REALISATION_COLUMNS,
        rows: lines.map((l) => ({ ...l }) as unknown as ReportRow),
        totals: MonthlyRealisationReport.totals(lines),
      }],
      notes: [
        "Realisasi = setoran tunai yang telah diverifikasi bendahara + pembayaran daring (QRIS, virtual account, teller).",
        "Kebocoran = potensi - realisasi (tidak kurang dari nol) per pasar; % target = realisasi sejak Januari dibanding target tahunan.",
      ],
      signatures: [{ role: "Kepala Dinas Perdagangan", name: "....................................", id: "NIP. ...................." }],
    };
  }

  private async annualTargets(year: number, marketIds: number[]): Promise<Map<number, number>> {
    if (marketIds.length === 0) return new Map();
    const rows: Array<{ market_id: number; amount: unknown }> = await this.db.manager.query(
      `SELECT market_id, amount FROM revenue_target WHERE year = ? AND market_id IN (${placeholders(marketIds.length)})`,
      [year, ...marketIds],
    );
    return new Map(rows.map((r) => [Number(r.market_id), toInteger(r.amount)]));
  }

  private async regencyTarget(year: number): Promise<number | null> {
    const [row]: Array<{ amount: unknown }> = await this.db.manager.query(
      "SELECT amount FROM revenue_target WHERE year = ? AND market_id IS NULL",
      [year],
    );
    return row ? toInteger(row.amount) : null;
  }
}
