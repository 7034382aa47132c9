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

  it("counts a market's active stalls per kind as occupied (valid permit that day) or vacant", async () => {
    const market = (await gql(`{ allMarkets(filter: { q: "Tambun" }) { id } }`, {}, officer)).allMarkets[0].id as string;
    const trader = (await gql(`{ allTraders(perPage: 1) { id } }`, {}, officer)).allTraders[0].id as string;
    type Occupancy = Array<{ kind: string; stalls: number; occupied: number; vacant: number }>;
    const occupancy = async (date?: string) =>
      (await gql(`query($m: ID!, $d: LocalDate) { stallOccupancy(marketId: $m, date: $d) { kind stalls occupied vacant } }`, { m: market, d: date ?? null }, officer))
        .stallOccupancy as Occupancy;
    const of = (rows: Occupancy, kind: string) => rows.find((r) => r.kind === kind) ?? { kind, stalls: 0, occupied: 0, vacant: 0 };
    const before = await occupancy();
    const soon = addDays(today, 10);

    const stall = async (code: string, kind: string) =>
      (await gql(`mutation($m: ID!, $c: String!, $k: StallKind!) { createStall(marketId: $m, code: $c, kind: $k, area: 6) { id } }`, { m: market, c: code, k: kind }, officer)).createStall.id as string;
    const permit = async (n: string, stallId: string, from: string, to: string | null) =>
      gql(`mutation($n: String!, $s: ID!, $t: ID!, $f: LocalDate!, $to: LocalDate) { createStallPermit(shptNumber: $n, stallId: $s, traderId: $t, validFrom: $f, validTo: $to) { id } }`,
        { n, s: stallId, t: trader, f: from, to }, officer);
    await permit("SHPT/TEST/OCC/1", await stall("OCC-K1", "KIOS"), addDays(today, -30), null);
    await permit("SHPT/TEST/OCC/2", await stall("OCC-K2", "KIOS"), soon, null);
    await permit("SHPT/TEST/OCC/3", await stall("OCC-L1", "LAPAK"), addDays(today, -30), addDays(today, -1));
    const inactive = await stall("OCC-K3", "KIOS");
    await permit("SHPT/TEST/OCC/4", inactive, addDays(today, -30), null);
    await gql(`mutation($id: ID!) { updateStall(id: $id, status: INACTIVE) { id } }`, { id: inactive }, officer);

    const now = await occupancy();
    expect(of(now, "KIOS")).toEqual({ ...of(before, "KIOS"), stalls: of(before, "KIOS").stalls + 2, occupied: of(before, "KIOS").occupied + 1, vacant: of(before, "KIOS").vacant + 1 });
    expect(of(now, "LAPAK")).toEqual({ ...of(before, "LAPAK"), kind: "LAPAK", stalls: of(before, "LAPAK").stalls + 1, vacant: of(before, "LAPAK").vacant + 1 });
    const later = await occupancy(soon);
    expect(of(later, "KIOS").occupied - of(now, "KIOS").occupied).toBeGreaterThanOrEqual(1);
    for (const r of [...now, ...later]) expect(r.occupied + r.vacant).toBe(r.stalls);
  });

  it("gives each collector's reports, receipts, takings and yield per ticket as the report list adds them up", async () => {
    const market = (await gql(`{ allMarkets(filter: { q: "Cikarang" }) { id name } }`, {}, officer)).allMarkets[0].id as string;
    const yields = (await gql(
      `query($m: ID!, $f: LocalDate!, $t: LocalDate!) { collectorYields(marketId: $m, from: $f, to: $t) { collectorId reports receipts collected perTicket rejectedReports } }`,
      { m: market, f: from, t: to }, officer,
    )).collectorYields as Array<{ collectorId: string; reports: number; receipts: number; collected: number; perTicket: number; rejectedReports: number }>;
    const reports = (await gql(
      `query($f: DailyReportFilter) { allDailyReports(filter: $f, perPage: 500) { collectorId status receiptCount total } }`,
      { f: { marketId: market, businessDate_gte: from, businessDate_lte: to } }, officer,
    )).allDailyReports as Array<{ collectorId: string; status: string; receiptCount: number; total: number }>;
    expect(reports.length).toBeGreaterThan(0);
    const own = new Map<string, { collectorId: string; reports: number; receipts: number; collected: number; perTicket: number; rejectedReports: number }>();
    for (const r of reports) {
      const y = own.get(r.collectorId) ?? { collectorId: r.collectorId, reports: 0, receipts: 0, collected: 0, perTicket: 0, rejectedReports: 0 };
      if (r.status === "REJECTED") y.rejectedReports++;
      else {
        y.reports++;
        y.receipts += r.receiptCount;
        y.collected += r.total;
      }
      own.set(r.collectorId, y);
    }
    for (const y of own.values()) y.perTicket = y.receipts === 0 ? 0 : Math.round(y.collected / y.receipts);
    expect(yields).toEqual([...own.values()].sort((a, b) => b.collected - a.collected || 0).map((y) => expect.objectContaining(y)));
    const outside = await app.gql(`query($m: ID!) { collectorYields(marketId: $m, from: "${from}", to: "${to}") { collectorId } }`,
      { m: (await gql(`{ allMarkets(filter: { q: "Tambun" }) { id } }`, {}, officer)).allMarkets[0].id }, head);
    expect(errorCode(outside)).toBe("FORBIDDEN");
  });

  it("refuses a range that ends before it starts, with BAD_USER_INPUT", async () => {
    const res = await app.gql(`{ anomalySeverityCounts(from: "${to}", to: "${from}") { severity } }`, {}, officer);
    expect(errorCode(res)).toBe("BAD_USER_INPUT");
    const totals = await app.gql(`{ revenueTotals(from: "${to}", to: "${from}", groupBy: DAY) { period } }`, {}, officer);
    expect(errorCode(totals)).toBe("BAD_USER_INPUT");
  });
});
