import { addDays } from "../../../common/local-date";
import { AnomalySeverity } from "../anomaly.enums";
import { inChunks } from "./receipt-rules";
import { marketFilter, rupiah, type AnomalyRule, type Finding, type RuleContext } from "./rule";

/** Far enough back to see where a run of uncollected market days that reaches into the window began. */
const LOOKBACK_DAYS = 60;

type Row = Record<string, unknown>;

interface Tariff {
  kind: string;
  marketClass: string;
  basis: string;
  amount: number;
  from: string;
  to: string | null;
}

/** Per stall that paid in [start, to]: its first and last paid day, and whether it needs a closer look. */
interface PaidSpan {
  first: string;
  last: string;
  candidate: boolean;
}

/**
 * One pass over the (stall, day) index instead of every (stall, day) a stall paid on: per stall its
 * first and last receipt day and in how many blocks of days it has a receipt. The unpaid stretches
 * before the first and after the last paid day follow from those two days. A stretch between them
 * of at least minDays market days spans at least minDays calendar days, so it holds a whole block of
 * `size` days starting at a multiple of `step` (size + step - 1 = minDays). Those blocks fall into
 * `classes` sets of disjoint blocks; a stall with a receipt in every block of every set between its
 * first and last paid day has no such stretch. The others are candidates for an exact look, as are
 * stalls with a day on which only a rejected report has a receipt for them (not a paid day). This
 * relies on a stall's receipts being dated on its market's reported days (a report's stalls must be
 * its market's).
 */
async function paidSpans(ctx: RuleContext, start: string, minDays: number): Promise<{ spans: Map<number, PaidSpan>; rejected: Set<number> }> {
  // A step that divides minDays + 1 makes the blocks of a set adjoin (size = period): every day is in
  // one block of each set. Otherwise about a quarter of minDays, with gaps between a set's blocks.
  const dividing = [4, 3, 2].map((k) => (minDays + 1) / k).find((n) => Number.isInteger(n) && n > 1);
  const step = dividing ?? Math.max(1, Math.round(minDays / 4));
  const size = Math.max(1, minDays - step + 1);
  const classes = Math.ceil(size / step);
  const period = classes * step;
  const div = (a: string, b: number) => (ctx.dialect === "sqlite" ? `(${a}) / ${b}` : `(${a}) DIV ${b}`);
  // A day as a number: SQLite's Julian day, MySQL's TO_DAYS; `epoch` is 1970-01-01's.
  const day = ctx.dialect === "sqlite" ? "CAST(julianday(r.business_date) AS INTEGER)" : "TO_DAYS(r.business_date)";
  const epoch = ctx.dialect === "sqlite" ? 2_440_587 : 719_528;
  const numberOf = (date: string) => Math.round(Date.parse(date) / 86_400_000) + epoch;
  // Set j numbers its blocks (day + shift(j)) DIV period; a day is in one when (day + shift(j)) % period < size.
  const shift = (j: number) => period - j * step;
  const block = (j: number) => (size === period ? div(`${day} + ${shift(j)}`, period)
    : `CASE WHEN (${day} + ${shift(j)}) % ${period} < ${size} THEN ${div(`${day} + ${shift(j)}`, period)} END`);
  const m = marketFilter(ctx, "r.market_id");
  const sm = marketFilter(ctx, "s.market_id"); // only the stalls the rule looks at
  // CROSS JOIN: SQLite then reads each stall's range of the (stall, day) index.
  const rows: Array<Record<string, unknown>> = await ctx.em.query(
    `SELECT s.id AS stall_id, MIN(r.business_date) AS first_day, MAX(r.business_date) AS last_day,
            ${Array.from({ length: classes }, (_, j) => `COUNT(DISTINCT ${block(j)}) AS b${j}`).join(", ")}
     FROM stall s CROSS JOIN receipt r ON r.stall_id = s.id
     WHERE r.business_date BETWEEN ? AND ?${m.sql}${sm.sql}
     GROUP BY s.id`,
    [start, ctx.to, ...m.params, ...sm.params],
  );
  const blocksBetween = (j: number, first: number, last: number) => {
    let count = 0;
    let previous = -1;
    for (let n = first + shift(j); n <= last + shift(j); n++) {
      if (n % period < size && Math.floor(n / period) !== previous) {
        previous = Math.floor(n / period);
        count++;
      }
    }
    return count;
  };
  const spans = new Map<number, PaidSpan>();
  for (const r of rows) {
    const first = String(r.first_day).slice(0, 10);
    const last = String(r.last_day).slice(0, 10);
    spans.set(Number(r.stall_id), {
      first,
      last,
      candidate: Array.from({ length: classes }, (_, j) => j).some((j) => Number(r[`b${j}`]) < blocksBetween(j, numberOf(first), numberOf(last))),
    });
  }
  // Receipts of rejected reports on a day with no submitted receipt for the stall: from the few
  // rejected reports (REJECTED is the only other status; status index; CROSS JOIN for SQLite), and
  // with a count, not NOT EXISTS, which MariaDB would answer by materialising every submitted receipt.
  const rejected: Array<Record<string, unknown>> = await ctx.em.query(
    `SELECT DISTINCT r.stall_id FROM daily_report d CROSS JOIN receipt r ON r.report_id = d.id
     WHERE d.status = 'REJECTED' AND r.business_date BETWEEN ? AND ?${m.sql}
       AND (SELECT COUNT(*) FROM receipt o JOIN daily_report od ON od.id = o.report_id AND od.status = 'SUBMITTED'
            WHERE o.stall_id = r.stall_id AND o.business_date = r.business_date) = 0`,
    [start, ctx.to, ...m.params],
  );
  return { spans, rejected: new Set(rejected.map((r) => Number(r.stall_id))) };
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
    const minDays = ctx.thresholds.minMarketDays;
    const m = marketFilter(ctx, "market_id");
    const days: Array<Record<string, unknown>> = await ctx.em.query(
      `SELECT market_id, business_date FROM daily_market_summary WHERE report_count > 0 AND business_date BETWEEN ? AND ?${m.sql}
       ORDER BY market_id, business_date`,
      [start, ctx.to, ...m.params],
    );
    if (days.length === 0) return [];
    const sm = marketFilter(ctx, "s.market_id");
    const rm = marketFilter(ctx, "r.market_id");
    // No run of minDays market days fits in fewer calendar days.
    if (Math.round((Date.parse(ctx.to) - Date.parse(start)) / 86_400_000) + 1 < minDays) return [];
    const [stalls, permits, tariffs, { spans, rejected }]: [Row[], Row[], Row[], Awaited<ReturnType<typeof paidSpans>>] = await Promise.all([
      ctx.em.query(`SELECT s.id, s.code, s.market_id, s.kind, s.area_dm2, mk.market_class FROM stall s JOIN market mk ON mk.id = s.market_id WHERE 1 = 1${sm.sql}`, sm.params),
      ctx.em.query(
        `SELECT p.stall_id, p.valid_from, p.valid_to FROM stall_permit p JOIN stall s ON s.id = p.stall_id
         WHERE p.valid_from <= ? AND (p.valid_to IS NULL OR p.valid_to >= ?)${sm.sql}`,
        [ctx.to, start, ...sm.params],
      ),
      ctx.em.query("SELECT stall_kind, market_class, basis, amount, valid_from, valid_to FROM tariff"),
      paidSpans(ctx, start, minDays),
    ]);
    const tariffList: Tariff[] = tariffs.map((t) => ({
      kind: String(t.stall_kind), marketClass: String(t.market_class), basis: String(t.basis), amount: Number(t.amount),
      from: String(t.valid_from).slice(0, 10), to: t.valid_to === null ? null : String(t.valid_to).slice(0, 10),
    }));
    const marketDays = new Map<number, string[]>();
    for (const d of days) {
      const id = Number(d.market_id);
      const list = marketDays.get(id) ?? [];
      list.push(String(d.business_date).slice(0, 10));
      marketDays.set(id, list);
    }
    const permitsOf = new Map<number, Array<{ from: string; to: string | null }>>();
    for (const p of permits) {
      const id = Number(p.stall_id);
      const list = permitsOf.get(id) ?? [];
      list.push({ from: String(p.valid_from).slice(0, 10), to: p.valid_to === null ? null : String(p.valid_to).slice(0, 10) });
      permitsOf.set(id, list);
    }
    // Where each market day is in its market's list (1-based: k).
    const position = new Map<string, number>();
    for (const [marketId, list] of marketDays) list.forEach((day, i) => position.set(`${marketId}|${day}`, i + 1));
    // Stalls that need every paid market day looked at: candidates, or a paid day their market did not report.
    const closer = new Set(rejected);
    for (const stall of stalls) {
      const span = spans.get(Number(stall.id));
      if (span && (span.candidate || !position.has(`${stall.market_id}|${span.first}`) || !position.has(`${stall.market_id}|${span.last}`))) {
        closer.add(Number(stall.id));
      }
    }
    // For those, SQL returns the first and last paid market day and each that ends a stretch of at
    // least minDays unpaid market days (numbered per market: k).
    const edges = await inChunks([...closer], (list, ids) => ctx.em.query(
      `WITH md AS (SELECT market_id, business_date, ROW_NUMBER() OVER (PARTITION BY market_id ORDER BY business_date) AS k
                   FROM daily_market_summary WHERE report_count > 0 AND business_date BETWEEN ? AND ?${m.sql})
       SELECT x.stall_id, x.previous, x.k, x.following FROM (
         SELECT r.stall_id, md.k,
                LAG(md.k) OVER (PARTITION BY r.stall_id ORDER BY md.k) AS previous,
                LEAD(md.k) OVER (PARTITION BY r.stall_id ORDER BY md.k) AS following
         FROM receipt r
         JOIN daily_report d ON d.id = r.report_id AND d.status = 'SUBMITTED'
         JOIN stall s ON s.id = r.stall_id
         JOIN md ON md.market_id = s.market_id AND md.business_date = r.business_date
         WHERE r.stall_id IN (${list}) AND r.business_date BETWEEN ? AND ?${rm.sql}
       ) x
       WHERE x.previous IS NULL OR x.following IS NULL OR x.k - x.previous > ?`,
      [start, ctx.to, ...m.params, ...ids, start, ctx.to, ...rm.params, Math.max(minDays, 1)],
    ));
    const edgesOf = new Map<number, Row[]>();
    for (const row of edges) {
      const id = Number(row.stall_id);
      const list = edgesOf.get(id) ?? [];
      list.push(row);
      edgesOf.set(id, list);
    }
    // Per stall, the stretches [first, last] of market days (k) on which it paid nothing.
    const stretchesOf = (stall: Row, count: number): Array<[number, number]> => {
      const stallId = Number(stall.id);
      const out: Array<[number, number]> = [];
      const span = spans.get(stallId);
      if (closer.has(stallId) && !edgesOf.has(stallId)) {
        out.push([1, count]); // no submitted receipt on a market day
      } else if (closer.has(stallId)) {
        for (const e of edgesOf.get(stallId)!) {
          const k = Number(e.k);
          if (e.previous === null) out.push([1, k - 1]);
          else if (k - Number(e.previous) > 1) out.push([Number(e.previous) + 1, k - 1]);
          if (e.following === null) out.push([k + 1, count]);
        }
      } else if (span) {
        out.push([1, position.get(`${stall.market_id}|${span.first}`)! - 1], [position.get(`${stall.market_id}|${span.last}`)! + 1, count]);
      } else {
        out.push([1, count]); // no receipt at all
      }
      return out.filter(([a, b]) => b - a + 1 >= minDays).sort((x, y) => x[0] - y[0]);
    };
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
      // A paid day ends a run, as does a day the stall owes nothing.
      for (const [first, last] of stretchesOf(stall, open.length)) {
        for (const day of open.slice(first - 1, last)) {
          const due = owed(day);
          if (due === null) close();
          else run.push({ day, due });
        }
        close();
      }
    }
    return findings;
  },
};
