import { addDays } from "../../../common/local-date";
import { AnomalySeverity } from "../anomaly.enums";
import { marketFilter, rupiah, type AnomalyRule, type Finding } from "./rule";

/** Far enough back to see where a run of uncollected market days that reaches into the window began. */
const LOOKBACK_DAYS = 60;

interface Tariff {
  kind: string;
  marketClass: string;
  basis: string;
  amount: number;
  from: string;
  to: string | null;
}

/**
 * A stall under permit with a daily ticket that paid nothing for `minMarketDays` market days in a
 * row (days its market reported at all): the trader is there and pays, or the stall is empty and
 * the permit is wrong; either way the takings register does not show it. Dated by the run's first
 * day, so a run that grows stays one finding; at risk: what the stall owed on those days.
 */
export const occupiedStallUncollected: AnomalyRule = {
  code: "OCCUPIED_STALL_UNCOLLECTED",
  severity: AnomalySeverity.MEDIUM,
  description: "A stall with an active daily-ticket permit and no receipt on minMarketDays consecutive market days (days its market reported); dated by the first of them; at risk: what it owed on them.",
  thresholds: { minMarketDays: 7 },
  async detect(ctx) {
    const start = addDays(ctx.from, -LOOKBACK_DAYS);
    const m = marketFilter(ctx, "market_id");
    const days: Array<Record<string, unknown>> = await ctx.em.query(
      `SELECT market_id, business_date FROM daily_market_summary WHERE report_count > 0 AND business_date BETWEEN ? AND ?${m.sql}
       ORDER BY market_id, business_date`,
      [start, ctx.to, ...m.params],
    );
    if (days.length === 0) return [];
    const sm = marketFilter(ctx, "s.market_id");
    const [stalls, permits, receipts, tariffs]: Array<Array<Record<string, unknown>>> = await Promise.all([
      ctx.em.query(`SELECT s.id, s.code, s.market_id, s.kind, s.area_dm2, mk.market_class FROM stall s JOIN market mk ON mk.id = s.market_id WHERE 1 = 1${sm.sql}`, sm.params),
      ctx.em.query(
        `SELECT p.stall_id, p.valid_from, p.valid_to FROM stall_permit p JOIN stall s ON s.id = p.stall_id
         WHERE p.valid_from <= ? AND (p.valid_to IS NULL OR p.valid_to >= ?)${sm.sql}`,
        [ctx.to, start, ...sm.params],
      ),
      ctx.em.query(
        `SELECT DISTINCT r.stall_id, r.business_date FROM receipt r JOIN daily_report d ON d.id = r.report_id AND d.status = 'SUBMITTED'
         WHERE r.business_date BETWEEN ? AND ?${marketFilter(ctx, "r.market_id").sql}`,
        [start, ctx.to, ...marketFilter(ctx, "r.market_id").params],
      ),
      ctx.em.query("SELECT stall_kind, market_class, basis, amount, valid_from, valid_to FROM tariff"),
    ]);
    const tariffList: Tariff[] = tariffs.map((t) => ({
      kind: String(t.stall_kind), marketClass: String(t.market_class), basis: String(t.basis), amount: Number(t.amount),
      from: String(t.valid_from).slice(0, 10), to: t.valid_to === null ? null : String(t.valid_to).slice(0, 10),
    }));
    const marketDays = new Map<number, string[]>();
    for (const d of days) {
      const id = Number(d.market_id);
      marketDays.set(id, [...(marketDays.get(id) ?? []), String(d.business_date).slice(0, 10)]);
    }
    const paid = new Set(receipts.map((r) => `${r.stall_id}|${String(r.business_date).slice(0, 10)}`));
    const permitsOf = new Map<number, Array<{ from: string; to: string | null }>>();
    for (const p of permits) {
      const id = Number(p.stall_id);
      permitsOf.set(id, [...(permitsOf.get(id) ?? []), { from: String(p.valid_from).slice(0, 10), to: p.valid_to === null ? null : String(p.valid_to).slice(0, 10) }]);
    }
    const minDays = ctx.thresholds.minMarketDays;
    const findings: Finding[] = [];
    for (const stall of stalls) {
      const stallId = Number(stall.id);
      const held = permitsOf.get(stallId);
      const open = marketDays.get(Number(stall.market_id));
      if (!held || !open) continue;
      // What the stall owes on a day under a daily tariff; null when it has no permit or pays monthly.
      const owed = (day: string): number | null => {
        if (!held.some((p) => p.from <= day && (p.to === null || p.to >= day))) return null;
        const t = tariffList.find((x) => x.kind === stall.kind && x.marketClass === stall.market_class && x.from <= day && (x.to === null || x.to >= day));
        if (!t || t.basis === "PER_UNIT_PER_MONTH") return null;
        return t.basis === "PER_M2_PER_DAY" ? Math.floor((t.amount * Number(stall.area_dm2) + 50) / 100) : t.amount;
      };
      let run: Array<{ day: string; due: number }> = [];
      const close = () => {
        if (run.length >= minDays && run[0].day >= ctx.from && run[0].day <= ctx.to) {
          const due = run.reduce((sum, d) => sum + d.due, 0);
          const first = run[0].day;
          const last = run[run.length - 1].day;
          findings.push({
            subject: `stall:${stallId}`,
            businessDate: first,
            marketId: Number(stall.market_id),
            stallId,
            amountAtRisk: due,
            summaryId: `Lapak ${stall.code} berizin tetapi tanpa karcis selama ${run.length} hari pasar berturut-turut (${first} s.d. ${last}); ${rupiah(due)} tidak tertagih.`,
            summaryEn: `Stall ${stall.code} is under permit but has no receipt on ${run.length} market days in a row (${first} to ${last}); ${rupiah(due)} uncollected.`,
            evidence: { stallId, from: first, to: last, marketDays: run.length, owed: due },
          });
        }
        run = [];
      };
      for (const day of open) {
        const due = owed(day);
        if (due === null || paid.has(`${stallId}|${day}`)) close();
        else run.push({ day, due });
      }
      close();
    }
    return findings;
  },
};
