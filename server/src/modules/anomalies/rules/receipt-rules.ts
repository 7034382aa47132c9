import { ticketAmountSql } from "../../revenue/tariff-sql";
import { AnomalySeverity } from "../anomaly.enums";
import { marketFilter, rupiah, type AnomalyRule, type Finding, type RuleContext } from "./rule";

/** Submitted receipts of the window with what the stall owed that day at the tariff then valid. */
async function receiptsAgainstTariff(ctx: RuleContext, comparison: "<" | ">"): Promise<Array<Record<string, unknown>>> {
  const m = marketFilter(ctx, "r.market_id");
  const expected = ticketAmountSql(ctx.dialect, "s.area_dm2");
  return ctx.em.query(
    `SELECT r.id, r.market_id, r.business_date, r.amount, r.stall_id, d.collector_id, ${expected} AS expected
     FROM receipt r
     JOIN daily_report d ON d.id = r.report_id AND d.status = 'SUBMITTED'
     JOIN stall s ON s.id = r.stall_id
     JOIN market mk ON mk.id = r.market_id
     JOIN tariff t ON t.stall_kind = s.kind AND t.market_class = mk.market_class
       AND t.valid_from <= r.business_date AND (t.valid_to IS NULL OR t.valid_to >= r.business_date)
     WHERE r.business_date BETWEEN ? AND ?${m.sql} AND r.amount ${comparison} ${expected}
     ORDER BY r.market_id, d.collector_id, r.business_date, r.id`,
    [ctx.from, ctx.to, ...m.params],
  );
}

/** One finding per collector, market and day, so a habit shows as one line per day, not hundreds. */
function perCollectorDay(rows: Array<Record<string, unknown>>, describe: (n: number, difference: number) => [string, string]): Finding[] {
  const groups = new Map<string, Array<Record<string, unknown>>>();
  for (const row of rows) {
    const key = `${row.market_id}|${row.collector_id}|${String(row.business_date).slice(0, 10)}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [...groups.entries()].map(([key, group]) => {
    const [marketId, collectorId, day] = key.split("|");
    const difference = group.reduce((sum, r) => sum + Math.abs(Number(r.expected) - Number(r.amount)), 0);
    const [summaryId, summaryEn] = describe(group.length, difference);
    return {
      subject: `market:${marketId}:collector:${collectorId}`,
      businessDate: day,
      marketId: Number(marketId),
      collectorId: Number(collectorId),
      amountAtRisk: difference,
      summaryId,
      summaryEn,
      evidence: { receipts: group.map((r) => ({ receiptId: Number(r.id), stallId: Number(r.stall_id), amount: Number(r.amount), expected: Number(r.expected) })) },
    };
  });
}

/** A karcis for less than the tariff: the trader paid less, or the collector recorded less than taken. */
export const belowTariff: AnomalyRule = {
  code: "BELOW_TARIFF",
  severity: AnomalySeverity.MEDIUM,
  description: "Receipts below the tariff of their stall on their day (grouped per collector, market and day); at risk: the difference.",
  thresholds: {},
  async detect(ctx) {
    return perCollectorDay(await receiptsAgainstTariff(ctx, "<"), (n, d) => [
      `${n} karcis di bawah tarif; kurang ${rupiah(d)} dari yang seharusnya.`,
      `${n} receipt(s) below the tariff; ${rupiah(d)} less than owed.`,
    ]);
  },
};

/** A karcis above the tariff may be an illegal levy (pungli) on the trader. */
export const aboveTariff: AnomalyRule = {
  code: "ABOVE_TARIFF",
  severity: AnomalySeverity.HIGH,
  description: "Receipts above the tariff of their stall on their day (possible illegal levy, pungli); at risk: the excess.",
  thresholds: {},
  async detect(ctx) {
    return perCollectorDay(await receiptsAgainstTariff(ctx, ">"), (n, d) => [
      `${n} karcis di atas tarif; lebih ${rupiah(d)} dari yang seharusnya (kemungkinan pungutan liar).`,
      `${n} receipt(s) above the tariff; ${rupiah(d)} more than owed (possible illegal levy).`,
    ]);
  },
};

/** Money taken for a stall nobody holds a permit for: an unregistered trader, or a wrong stall code. */
export const vacantStallReceipt: AnomalyRule = {
  code: "VACANT_STALL_RECEIPT",
  severity: AnomalySeverity.MEDIUM,
  description: "Receipts for stalls with no active permit on their day (grouped per collector, market and day).",
  thresholds: {},
  async detect(ctx) {
    const m = marketFilter(ctx, "r.market_id");
    const rows: Array<Record<string, unknown>> = await ctx.em.query(
      `SELECT r.id, r.market_id, r.business_date, r.amount, r.stall_id, d.collector_id, r.amount AS expected
       FROM receipt r JOIN daily_report d ON d.id = r.report_id AND d.status = 'SUBMITTED'
       WHERE r.business_date BETWEEN ? AND ?${m.sql}
         AND NOT EXISTS (SELECT 1 FROM stall_permit p WHERE p.stall_id = r.stall_id AND p.valid_from <= r.business_date AND (p.valid_to IS NULL OR p.valid_to >= r.business_date))
       ORDER BY r.market_id, d.collector_id, r.business_date, r.id`,
      [ctx.from, ctx.to, ...m.params],
    );
    return perCollectorDay(rows.map((r) => ({ ...r, expected: 0 })), (n, total) => [
      `${n} karcis untuk lapak/kios tanpa izin aktif (${rupiah(total)}).`,
      `${n} receipt(s) for stalls with no active permit (${rupiah(total)}).`,
    ]);
  },
};

/** A number in no book issued to the collector: tickets printed or obtained outside the books. */
export const ticketOutsideBook: AnomalyRule = {
  code: "TICKET_OUTSIDE_BOOK",
  severity: AnomalySeverity.HIGH,
  description: "Receipts whose series and number are in no ticket book issued to the collector who reported them.",
  thresholds: {},
  async detect(ctx) {
    const m = marketFilter(ctx, "r.market_id");
    const rows: Array<Record<string, unknown>> = await ctx.em.query(
      `SELECT r.id, r.market_id, r.business_date, r.amount, r.stall_id, d.collector_id, r.series, r.number
       FROM receipt r JOIN daily_report d ON d.id = r.report_id AND d.status = 'SUBMITTED'
       WHERE r.business_date BETWEEN ? AND ?${m.sql}
         AND NOT EXISTS (SELECT 1 FROM ticket_book b WHERE b.series = r.series AND b.collector_id = d.collector_id
                         AND r.number BETWEEN b.first_number AND b.last_number)
       ORDER BY r.market_id, d.collector_id, r.business_date, r.id`,
      [ctx.from, ctx.to, ...m.params],
    );
    return perCollectorDay(rows.map((r) => ({ ...r, expected: 0 })), (n, total) => [
      `${n} karcis dengan nomor di luar buku karcis pemungut (${rupiah(total)}).`,
      `${n} ticket(s) numbered outside the collector's ticket books (${rupiah(total)}).`,
    ]);
  },
};
