import { todayInJakarta } from "../../server/src/common/local-date";
import { startTestApp, type TestApp } from "../support/api-client";
import {
  buildAnomalyScenario, DETERMINISTIC_RULES, MARKETLESS_RULES, STATISTICAL_RULES, type Expected, type Scenario,
} from "../support/anomaly-scenario";

const RUN = `mutation($f: LocalDate!, $t: LocalDate!, $m: [ID!]) { runAnomalyDetection(from: $f, to: $t, marketIds: $m) { id found created reopened autoResolved } }`;
const LIST = `query($f: AnomalyFilter, $p: Int) { allAnomalies(filter: $f, page: $p, perPage: 500, sortField: "businessDate") {
  fingerprint rule marketId businessDate amountAtRisk summaryEn } }`;

interface Found {
  fingerprint: string;
  rule: string;
  marketId: string | null;
  businessDate: string | null;
  amountAtRisk: number;
  summaryEn: string;
}

interface RuleFigures {
  rule: string;
  kind: "deterministic" | "statistical";
  injected: number;
  sideEffects: number;
  found: number;
  truePositives: number;
  missed: Expected[];
  unexpected: Found[];
  /** Found as expected but with another amount at risk than the injection implies. */
  wrongAmount: string[];
}

const percent = (a: number, b: number) => (b === 0 ? "-" : `${((100 * a) / b).toFixed(1)} %`);

/**
 * Acceptance of the anomaly rules on a generated scenario: four markets of the test's own with a
 * clean random history (test/support/anomaly-scenario.ts) and a known list of injected anomalies.
 * The deterministic rules must find exactly the injected list (recall and precision 100 %), the
 * statistical rules every injected case and nothing on the clean history.
 */
describe("anomaly detection on a generated scenario", () => {
  // One "today" for the whole file: every date of the scenario is derived from it.
  const today = todayInJakarta();
  let app: TestApp;
  let auditor: string;
  let scenario: Scenario;
  const timings: string[] = [];
  const started = Date.now();
  const lap = (label: string) => timings.push(`${label} ${((Date.now() - started) / 1000).toFixed(1)} s`);

  beforeAll(async () => {
    app = await startTestApp({ holidays: [], anomalyThresholds: {} });
    lap("app started");
    auditor = await app.login("auditor");
    scenario = await buildAnomalyScenario(app, { today, seed: 20261124 });
    lap("scenario built");
  }, 240_000);
  afterAll(() => app?.close());

  const gql = async (query: string, variables: Record<string, unknown>) => {
    const res = await app.gql(query, variables, auditor);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!;
  };

  async function list(filter: Record<string, unknown>): Promise<Found[]> {
    const out: Found[] = [];
    for (let page = 0; ; page++) {
      const rows = (await gql(LIST, { f: filter, p: page })).allAnomalies as Found[];
      out.push(...rows);
      if (rows.length < 500) return out;
    }
  }

  /** Open findings of the window on the scenario's markets, and (for runs over all markets) those with no market. */
  async function findings(withMarketless: boolean): Promise<Found[]> {
    const window = { status: "OPEN", businessDate_gte: scenario.from, businessDate_lte: scenario.to };
    const out: Found[] = [];
    for (const id of scenario.marketIds) out.push(...(await list({ ...window, marketId: String(id) })));
    if (withMarketless) {
      for (const rule of MARKETLESS_RULES) out.push(...(await list({ ...window, rule })).filter((f) => f.marketId === null));
    }
    return out;
  }

  function compare(expected: Expected[], found: Found[]): RuleFigures[] {
    const rules = [...DETERMINISTIC_RULES.map((r) => [r, "deterministic"] as const), ...STATISTICAL_RULES.map((r) => [r, "statistical"] as const)];
    return rules.map(([rule, kind]) => {
      const want = expected.filter((e) => e.rule === rule);
      const got = found.filter((f) => f.rule === rule);
      const wanted = new Set(want.map((e) => e.fingerprint));
      const gotten = new Set(got.map((f) => f.fingerprint));
      return {
        rule, kind,
        injected: want.filter((e) => !e.sideEffectOf).length,
        sideEffects: want.filter((e) => e.sideEffectOf).length,
        found: got.length,
        truePositives: got.filter((f) => wanted.has(f.fingerprint)).length,
        missed: want.filter((e) => !gotten.has(e.fingerprint)),
        unexpected: got.filter((f) => !wanted.has(f.fingerprint)),
        wrongAmount: want.flatMap((e) => {
          const f = got.find((x) => x.fingerprint === e.fingerprint);
          return f && e.amountAtRisk !== undefined && f.amountAtRisk !== e.amountAtRisk ? [`${e.fingerprint}: ${f.amountAtRisk}, expected ${e.amountAtRisk}`] : [];
        }),
      };
    });
  }

  function table(figures: RuleFigures[]): string {
    const head = ["rule", "kind", "injected", "side effects", "found", "true pos.", "recall", "precision"];
    const rows = figures.map((f) => [
      f.rule, f.kind, String(f.injected), String(f.sideEffects), String(f.found), String(f.truePositives),
      percent(f.truePositives, f.injected + f.sideEffects), percent(f.truePositives, f.found),
    ]);
    const det = figures.filter((f) => f.kind === "deterministic");
    const sum = (list: RuleFigures[], key: "injected" | "sideEffects" | "found" | "truePositives") => list.reduce((s, f) => s + f[key], 0);
    rows.push(["all deterministic", "", String(sum(det, "injected")), String(sum(det, "sideEffects")), String(sum(det, "found")), String(sum(det, "truePositives")),
      percent(sum(det, "truePositives"), sum(det, "injected") + sum(det, "sideEffects")), percent(sum(det, "truePositives"), sum(det, "found"))]);
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(" | ");
    return [line(head), widths.map((w) => "-".repeat(w)).join("-|-"), ...rows.map(line)].join("\n");
  }

  const details = (figures: RuleFigures[]) => figures.flatMap((f) => [
    ...f.missed.map((e) => `MISSED ${e.fingerprint}: ${e.what}${e.sideEffectOf ? ` (side effect of ${e.sideEffectOf})` : ""}`),
    ...f.unexpected.map((u) => `UNEXPECTED ${u.fingerprint}: ${u.summaryEn}`),
    ...f.wrongAmount.map((w) => `AMOUNT AT RISK ${w}`),
  ]);

  it("finds exactly the injected anomalies: over the scenario's markets, and over all markets with the marketless rules", async () => {
    const { from, to, marketIds, expected } = scenario;

    // 1. The scenario's markets only: findings without a market (unknown payment codes, statement lines) are not looked for.
    const runMarkets = (await gql(RUN, { f: from, t: to, m: marketIds.map(String) })).runAnomalyDetection;
    const inMarkets = await findings(false);
    lap("run over the scenario's markets");
    const byMarkets = compare(expected.filter((e) => !MARKETLESS_RULES.includes(e.rule)), inMarkets);

    // 2. All markets: the same findings on the scenario's markets, and the marketless ones too. The demo
    // markets (no history in this test app) have findings of their own that are not compared.
    const runAll = (await gql(RUN, { f: from, t: to, m: null })).runAnomalyDetection;
    const all = await findings(true);
    lap("run over all markets");
    const byAll = compare(expected, all);

    console.log([
      `Anomaly scenario (${app.db.dialectName}), today ${today}, window ${from} .. ${to}, markets ${marketIds.map((id) => scenario.marketCodes.get(id)).join(", ")}`,
      ...scenario.facts,
      `run over the scenario's markets: ${runMarkets.found} findings; over all markets: ${runAll.found} (of which ${all.length} on the scenario's markets or without a market)`,
      "",
      table(byAll),
      "",
      ...details(byMarkets).map((d) => `[scenario's markets] ${d}`),
      ...details(byAll).map((d) => `[all markets] ${d}`),
      timings.join("; "),
    ].join("\n"));

    // Every rule of the table is in force.
    const codes = ((await gql(`{ rules { code } }`, {})).rules as Array<{ code: string }>).map((r) => r.code);
    expect(codes).toEqual(expect.arrayContaining([...DETERMINISTIC_RULES, ...STATISTICAL_RULES]));
    for (const figures of [byMarkets, byAll]) {
      for (const f of figures) {
        // Deterministic: recall and precision 100 %. Statistical: every injected case found, and no
        // finding on the clean history (precision 100 % as well).
        expect({ rule: f.rule, missed: f.missed.map((e) => e.fingerprint) }).toEqual({ rule: f.rule, missed: [] });
        expect({ rule: f.rule, unexpected: f.unexpected.map((u) => `${u.fingerprint} ${u.summaryEn}`) }).toEqual({ rule: f.rule, unexpected: [] });
        expect({ rule: f.rule, wrongAmount: f.wrongAmount }).toEqual({ rule: f.rule, wrongAmount: [] });
      }
    }
    // Every rule of the table was injected at least once, and each deterministic one several times.
    for (const f of byAll) expect({ rule: f.rule, injected: f.injected >= (f.kind === "deterministic" ? 2 : 1) }).toEqual({ rule: f.rule, injected: true });
    expect(new Set(all.filter((f) => f.marketId !== null).map((f) => f.fingerprint))).toEqual(new Set(inMarkets.map((f) => f.fingerprint)));
  });
});
