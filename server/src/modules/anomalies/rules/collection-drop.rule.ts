import { addDays } from "../../../common/local-date";
import { AnomalySeverity } from "../anomaly.enums";
import { marketFilter, rupiah, type AnomalyRule, type Finding } from "./rule";

const WEEKS = 8;
/** MAD x 1.4826 estimates the standard deviation of normally distributed takings. */
const MAD_TO_SD = 1.4826;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * A market's takings on a reported day far below what the same weekday brought in the previous eight
 * weeks. Median and MAD rather than mean and deviation, so one holiday or one bad week in the baseline
 * does not hide a drop or fake one. Days without any report are MISSING_REPORT's.
 */
export const collectionDrop: AnomalyRule = {
  code: "COLLECTION_DROP",
  severity: AnomalySeverity.MEDIUM,
  description: "A reported day whose collected total is more than madFactor x 1.4826 x MAD and more than minDropPercent % below the median of the same weekday over the previous 8 weeks (with at least minWeeks of them reported); at risk: median - collected.",
  thresholds: { madFactor: 3, minDropPercent: 20, minWeeks: 6 },
  async detect(ctx) {
    const m = marketFilter(ctx, "market_id");
    const rows: Array<Record<string, unknown>> = await ctx.em.query(
      `SELECT market_id, business_date, collected FROM daily_market_summary
       WHERE report_count > 0 AND business_date BETWEEN ? AND ?${m.sql}`,
      [addDays(ctx.from, -7 * WEEKS), ctx.to, ...m.params],
    );
    const collected = new Map(rows.map((r) => [`${r.market_id}|${String(r.business_date).slice(0, 10)}`, Number(r.collected)]));
    const { madFactor, minDropPercent, minWeeks } = ctx.thresholds;
    const findings: Finding[] = [];
    for (const r of rows) {
      const day = String(r.business_date).slice(0, 10);
      if (day < ctx.from) continue;
      const marketId = Number(r.market_id);
      const baseline: number[] = [];
      for (let week = 1; week <= WEEKS; week++) {
        const value = collected.get(`${marketId}|${addDays(day, -7 * week)}`);
        if (value !== undefined) baseline.push(value);
      }
      if (baseline.length < minWeeks) continue;
      const mid = median(baseline);
      const mad = median(baseline.map((v) => Math.abs(v - mid)));
      const value = Number(r.collected);
      if (value >= mid - madFactor * MAD_TO_SD * mad || value >= mid * (1 - minDropPercent / 100)) continue;
      const drop = Math.round(mid - value);
      const percent = Math.round((drop / mid) * 100);
      findings.push({
        subject: `market:${marketId}`,
        businessDate: day,
        marketId,
        amountAtRisk: drop,
        summaryId: `Penerimaan ${day} ${rupiah(value)}, ${percent}% di bawah median hari yang sama 8 minggu sebelumnya (${rupiah(Math.round(mid))}).`,
        summaryEn: `Takings of ${day} were ${rupiah(value)}, ${percent}% below the median of the same weekday over the previous 8 weeks (${rupiah(Math.round(mid))}).`,
        evidence: { collected: value, median: mid, mad, baseline, weeks: baseline.length },
      });
    }
    return findings;
  },
};
