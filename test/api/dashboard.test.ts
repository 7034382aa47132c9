import { addDays, todayInJakarta } from "../../server/src/common/local-date";
import { errorCode, startTestApp, type TestApp } from "../support/api-client";

/** The figures the back-office dashboard reads: revenue totals across markets and findings by severity. */
describe("dashboard figures", () => {
  let app: TestApp;
  let officer: string;
  let head: string;
  const today = todayInJakarta();
  const from = addDays(today, -40);
  const to = addDays(today, -1);

  beforeAll(async () => {
    app = await startTestApp({ demoHistoryDays: 45 });
    [officer, head] = await Promise.all([app.login("officer"), app.login("kepala.cikarang")]);
  });
  afterAll(() => app?.close());

  const gql = async (query: string, variables: Record<string, unknown>, token: string) => {
    const res = await app.gql(query, variables, token);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!;
  };

  const FIGURES = ["potential", "target", "collected", "paidOnline", "deposited", "undeposited", "uncollected", "leakage"] as const;
  type Figure = (typeof FIGURES)[number];
  type Row = Record<Figure, number> & { period: string | null; marketId: string };
  type Total = Record<Figure, number> & { period: string | null; markets: number; realised: number; leakageRate: number };

  /** The test's own totals: revenueReport's rows added up per period, in first-seen order. */
  function addUp(rows: Row[]): Array<Omit<Total, "leakageRate">> {
    const out = new Map<string | null, Omit<Total, "leakageRate">>();
    for (const r of rows) {
      const t = out.get(r.period) ?? { period: r.period, markets: 0, realised: 0, ...Object.fromEntries(FIGURES.map((f) => [f, 0])) } as Omit<Total, "leakageRate">;
      t.markets++;
      for (const f of FIGURES) t[f] += r[f];
      t.realised += r.deposited + r.paidOnline;
      out.set(r.period, t);
    }
    return [...out.values()];
  }

  async function compare(groupBy: string, token: string) {
    const vars = { from, to, groupBy };
    const report = (await gql(
      `query($from: LocalDate!, $to: LocalDate!, $groupBy: RevenueGrouping!) { revenueReport(from: $from, to: $to, groupBy: $groupBy) { marketId period ${FIGURES.join(" ")} } }`,
      vars, token,
    )).revenueReport as Row[];
    const totals = (await gql(
      `query($from: LocalDate!, $to: LocalDate!, $groupBy: RevenueGrouping!) { revenueTotals(from: $from, to: $to, groupBy: $groupBy) { period markets realised leakageRate ${FIGURES.join(" ")} } }`,
      vars, token,
    )).revenueTotals as Total[];
    const expected = addUp(report);
    expect(totals.map(({ leakageRate: _rate, ...rest }) => rest)).toEqual(expected);
    for (const t of totals) expect(t.leakageRate).toBeCloseTo(t.potential === 0 ? 0 : t.leakage / t.potential, 12);
    return { report, totals };
  }

  it("adds up revenueReport's market rows per day, per month and for the whole range", async () => {
    const byDay = await compare("DAY", officer);
    expect(byDay.totals).toHaveLength(40);
    expect(byDay.totals.every((t) => t.markets === 12)).toBe(true);
    const byMonth = await compare("MONTH", officer);
    expect(byMonth.totals.map((t) => t.period)).toEqual([...new Set(byDay.totals.map((t) => t.period!.slice(0, 7)))]);
    const whole = await compare("MARKET", officer);
    expect(whole.totals).toHaveLength(1);
    expect(whole.totals[0].period).toBeNull();
    // The demo history has collections and leakage: a total of zeros would prove nothing.
    expect(whole.totals[0].collected).toBeGreaterThan(0);
    expect(whole.totals[0].leakage).toBeGreaterThan(0);
    // Leakage is each market's, added up: never less than the regency's potential minus what reached the treasury.
    const t = whole.totals[0];
    expect(t.leakage).toBeGreaterThanOrEqual(Math.max(t.potential - t.realised, 0));
  });

  it("limits a market head's totals to their markets", async () => {
    const { totals } = await compare("MARKET", head);
    expect(totals).toEqual([expect.objectContaining({ markets: 1 })]);
  });

  it("counts findings per severity as the anomaly list does, most severe first", async () => {
    await gql(`mutation($from: LocalDate!, $to: LocalDate!) { runAnomalyDetection(from: $from, to: $to) { found } }`, { from, to }, officer);
    const counts = (await gql(
      `query($from: LocalDate!, $to: LocalDate!) { anomalySeverityCounts(from: $from, to: $to) { severity total open openAmountAtRisk } }`,
      { from, to }, officer,
    )).anomalySeverityCounts as Array<{ severity: string; total: number; open: number; openAmountAtRisk: number }>;
    expect(counts.map((c) => c.severity)).toEqual(["CRITICAL", "HIGH", "MEDIUM", "LOW"]);
    expect(counts.reduce((s, c) => s + c.total, 0)).toBeGreaterThan(0);
    for (const c of counts) {
      const list = (await gql(
        `query($f: AnomalyFilter) { allAnomalies(filter: $f, perPage: 500) { status amountAtRisk } }`,
        { f: { severity: c.severity, businessDate_gte: from, businessDate_lte: to } }, officer,
      )).allAnomalies as Array<{ status: string; amountAtRisk: number }>;
      const open = list.filter((a) => a.status === "OPEN" || a.status === "ACKNOWLEDGED");
      expect(c).toEqual({
        severity: c.severity, total: list.length, open: open.length, openAmountAtRisk: open.reduce((s, a) => s + a.amountAtRisk, 0),
      });
    }
  });

  it("refuses a range that ends before it starts, with BAD_USER_INPUT", async () => {
    const res = await app.gql(`{ anomalySeverityCounts(from: "${to}", to: "${from}") { severity } }`, {}, officer);
    expect(errorCode(res)).toBe("BAD_USER_INPUT");
    const totals = await app.gql(`{ revenueTotals(from: "${to}", to: "${from}", groupBy: DAY) { period } }`, {}, officer);
    expect(errorCode(totals)).toBe("BAD_USER_INPUT");
  });
});
