/**
 * A generated scenario for the anomaly rules: four markets of its own (not the demo's) with a clean,
 * seeded random history, and a known list of injected anomalies, each with the finding it must
 * produce (its fingerprint rule|subject|day, and the amount at risk where the rule fixes it).
 *
 * Master data, ticket returns, bills, payments and the bank statement go through the GraphQL API;
 * twelve weeks of daily reports, receipts and deposits are written straight into the tables (as the
 * demo seed does) and the daily summary is rebuilt afterwards (RevenueSummaryService.recomputeAll).
 *
 * Clean means: every occupied daily-ticket stall pays at its tariff on most days (attendance by
 * weekday, with a little jitter), one report per collector and day, numbered in order from the
 * collector's own books, deposited in full on the next working day (the last days: the same evening,
 * so nothing is left pending whatever "today" the server sees), verified a few days later; every bill
 * is paid on time and every line of the bank statement matches. Near misses must stay silent: tickets
 * skipped and handed back unused, reports two days late, reports rejected and submitted again, dips
 * of 12 % in takings, a debit line on the statement.
 *
 * Interactions, and how the injections deal with them:
 * - MISSING_REPORT: no report at all from any collector of the market that day. Such a day is not a
 *   market day for OCCUPIED_STALL_UNCOLLECTED nor a reported day for COLLECTION_DROP. (One collector of
 *   several skipping a day would lower the day's takings and could be a COLLECTION_DROP.)
 * - DEPOSIT_SHORTFALL: the part not deposited is not deposited by the deadline either, so the report
 *   is also a DEPOSIT_LATE (documented side effect, expected).
 * - DEPOSIT_MATCHES_TARGET: every round target-share deposit is below its report's takings, so each
 *   is also a DEPOSIT_SHORTFALL and its report a DEPOSIT_LATE (side effects, expected).
 * - PAYMENT_AMOUNT_MISMATCH leaves the bill unpaid (it would turn into BILL_OVERDUE): the trader pays
 *   the right amount afterwards. PAYMENT_DUPLICATE pays a bill already paid on time.
 * - TICKET_DUPLICATE reuses the collector's own number of the last days (another collector's number
 *   would also be TICKET_OUTSIDE_BOOK); reused and outside numbers take no number from the book, so
 *   they leave no gap. A gap never straddles two books (the rule cannot see the end of a book).
 * - OCCUPIED_STALL_UNCOLLECTED: the stall pays on the market days around its run, so the run starts
 *   where it was injected.
 * - COLLECTOR_OUTLIER: ZSC's third collector tickets each of its stalls every other day only, over the
 *   whole history (so the market's takings never drop): a finding for every month judged in which it
 *   and a peer have at least 30 receipts. Its yield per ticket is normal; per stall (and per stall a
 *   day) it is about half its peers'.
 * - COLLECTION_DROP: a third of the usual attendance on a day with eight reported weeks before it.
 * - BELOW/ABOVE_TARIFF, VACANT_STALL_RECEIPT, TICKET_*, LATE_SUBMISSION, DEPOSIT_LATE: one per
 *   collector and day, never on the same report as another injection.
 */
import { addDays } from "../../server/src/common/local-date";
import { addWorkingDays, isoWeekday } from "../../server/src/common/working-days";
import { openDatabase } from "../../server/src/database/database";
import { sqlDateTime } from "../../server/src/database/sql-values";
import { RevenueSummaryService } from "../../server/src/modules/revenue/revenue-summary.service";
import { targetShare, yearSlices } from "../../server/src/modules/revenue/target-spread";
import { bulkInsert, jakartaTime } from "../../server/src/seed/demo-history";
import { createRandom, type Random } from "../../server/src/seed/random";
import type { TestApp } from "./api-client";

export const DETERMINISTIC_RULES = [
  "TICKET_SERIAL_GAP", "TICKET_DUPLICATE", "TICKET_OUTSIDE_BOOK", "BELOW_TARIFF", "ABOVE_TARIFF", "VACANT_STALL_RECEIPT",
  "MISSING_REPORT", "OCCUPIED_STALL_UNCOLLECTED", "LATE_SUBMISSION", "DEPOSIT_LATE", "DEPOSIT_SHORTFALL", "PAYMENT_UNMATCHED",
  "PAYMENT_DUPLICATE", "PAYMENT_AMOUNT_MISMATCH", "STATEMENT_LINE_UNMATCHED", "BILL_OVERDUE",
] as const;
export const STATISTICAL_RULES = ["COLLECTION_DROP", "DEPOSIT_MATCHES_TARGET", "COLLECTOR_OUTLIER"] as const;
/** Findings with no market: only runs over all markets look for them. */
export const MARKETLESS_RULES = ["PAYMENT_UNMATCHED", "STATEMENT_LINE_UNMATCHED"];

export interface Expected {
  rule: string;
  /** rule|subject|businessDate, as the service stores it. */
  fingerprint: string;
  marketId: number | null;
  /** The injected rule whose documented side effect this finding is; absent for the injection itself. */
  sideEffectOf?: string;
  /** The amount at risk the finding must carry, where the rule's description fixes it. */
  amountAtRisk?: number;
  what: string;
}

export interface Scenario {
  today: string;
  from: string;
  to: string;
  marketIds: number[];
  marketCodes: Map<number, string>;
  expected: Expected[];
  /** Lines worth printing: what was generated and the figures behind the statistical cases. */
  facts: string[];
}

type Gql = <T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string) => Promise<T>;

interface MarketSpec {
  code: string;
  name: string;
  marketClass: "I" | "II" | "III";
  collectors: number;
  lapak: number;
  pelataran: number;
  los: number;
  kios: number;
  vacant: number;
  /** Share of a collector's stalls that pay, by ISO weekday (index 1 Monday .. 7 Sunday). */
  attendance: number[];
}

/** ZSA: one collector, a daily-ticket mix with los; ZSB and ZSC: two and three collectors sharing the stalls; ZSD: strong weekday swings. */
const SPECS: MarketSpec[] = [
  { code: "ZSA", name: "Pasar Skenario Anggrek (sintetis)", marketClass: "II", collectors: 1, lapak: 30, pelataran: 8, los: 8, kios: 8, vacant: 3, attendance: [0, 0.9, 0.9, 0.9, 0.91, 0.92, 0.96, 0.96] },
  { code: "ZSB", name: "Pasar Skenario Bougenvil (sintetis)", marketClass: "I", collectors: 2, lapak: 40, pelataran: 12, los: 0, kios: 8, vacant: 3, attendance: [0, 0.9, 0.9, 0.9, 0.91, 0.92, 0.96, 0.96] },
  { code: "ZSC", name: "Pasar Skenario Cempaka (sintetis)", marketClass: "III", collectors: 3, lapak: 48, pelataran: 12, los: 0, kios: 6, vacant: 3, attendance: [0, 0.9, 0.9, 0.9, 0.91, 0.92, 0.96, 0.96] },
  { code: "ZSD", name: "Pasar Skenario Dahlia (sintetis)", marketClass: "II", collectors: 1, lapak: 30, pelataran: 0, los: 10, kios: 6, vacant: 3, attendance: [0, 0.62, 0.66, 0.7, 0.74, 0.82, 0.95, 0.97] },
];
const HISTORY_DAYS = 84;
const BOOK_SIZE = 1000;
const OUTSIDE_BASE = 900_000;

interface ScnStall {
  id: number;
  code: string;
  kind: string;
  areaDm2: number;
  /** A karcis at the tariff (daily kinds); the monthly tariff for kios. */
  due: number;
  daily: boolean;
  occupied: boolean;
  /** Position in its collector's round (numbering order, outlier's alternation). */
  position: number;
}

interface ScnCollector {
  id: number;
  series: string;
  marketIndex: number;
  stalls: ScnStall[];
  books: Array<{ id: number; first: number; last: number }>;
  next: number;
  outlier: boolean;
  used: Array<{ number: number; day: string }>;
  reused: Set<number>;
}

interface ScnMarket {
  id: number;
  spec: MarketSpec;
  collectors: ScnCollector[];
  stalls: ScnStall[];
  vacant: ScnStall[];
}

interface Tweak {
  gap?: number;
  returned?: number;
  reuse?: boolean;
  outside?: boolean;
  below?: boolean;
  above?: boolean;
  vacant?: boolean;
  lateBy?: number;
  depositAfter?: number;
  shortBy?: number;
  rejectedFirst?: boolean;
}

const pad6 = (n: number) => String(n).padStart(6, "0");
const firstOfMonth = (day: string) => `${day.slice(0, 7)}-01`;
const nextMonthFirst = (day: string) => {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`;
};
const previousMonthFirst = (day: string) => {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  return m === 1 ? `${y - 1}-12-01` : `${y}-${String(m - 1).padStart(2, "0")}-01`;
};
const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const cv = (values: number[]) => {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length) / mean;
};

function shuffled<T>(random: Random, items: T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * Several aliased mutations per request (the API allows 30 aliases; a request runs its mutations in
 * order), `parallel` requests at a time (1: strictly in order, as payments must be).
 */
async function batched(gql: Gql, token: string, fields: string[], options: { perRequest?: number; parallel?: number } = {}): Promise<Array<Record<string, any>>> {
  const perRequest = options.perRequest ?? 25;
  const parallel = options.parallel ?? 3;
  const chunks: string[][] = [];
  for (let i = 0; i < fields.length; i += perRequest) chunks.push(fields.slice(i, i + perRequest));
  const results: Array<Array<Record<string, any>>> = [];
  for (let i = 0; i < chunks.length; i += parallel) {
    const wave = await Promise.all(chunks.slice(i, i + parallel).map(async (part) => {
      const data = await gql(`mutation { ${part.map((f, k) => `a${k}: ${f}`).join("\n")} }`, {}, token);
      return part.map((_, k) => data[`a${k}`]);
    }));
    results.push(...wave);
  }
  return results.flat();
}

const str = (s: string) => JSON.stringify(s);

export async function buildAnomalyScenario(app: TestApp, options: { today: string; seed: number }): Promise<Scenario> {
  const { today } = options;
  const random = createRandom(options.seed);
  const from = addDays(today, -HISTORY_DAYS);
  const to = addDays(today, -1);
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  const expected: Expected[] = [];
  const facts: string[] = [];
  const stages: string[] = [];
  let stageStart = Date.now();
  const stage = (label: string) => {
    stages.push(`${label} ${((Date.now() - stageStart) / 1000).toFixed(1)} s`);
    stageStart = Date.now();
  };
  const want = (rule: string, subject: string, day: string, marketId: number | null, what: string, extra: { amount?: number; sideEffectOf?: string } = {}) => {
    const fingerprint = `${rule}|${subject}|${day}`;
    if (expected.some((e) => e.fingerprint === fingerprint)) throw new Error(`scenario: ${fingerprint} expected twice; injections must not overlap`);
    expected.push({ rule, fingerprint, marketId, what, ...(extra.sideEffectOf ? { sideEffectOf: extra.sideEffectOf } : {}), ...(extra.amount !== undefined ? { amountAtRisk: extra.amount } : {}) });
  };

  const gql: Gql = async (query, variables = {}, token) => {
    const res = await app.gql(query, variables, token);
    if (res.errors) throw new Error(`${query.slice(0, 120)}: ${JSON.stringify(res.errors).slice(0, 1000)}`);
    return res.data as never;
  };
  const [admin, officer, bapenda, bendahara] = await Promise.all(["admin", "officer", "bapenda", "bendahara"].map((u) => app.login(u)));
  const treasurerId = Number((await gql(`{ me { id } }`, {}, bendahara)).me.id);
  const officerId = Number((await gql(`{ me { id } }`, {}, officer)).me.id);

  // ---- Tariffs: the demo's, per kind and market class; the scenario needs one valid over its whole window.
  const tariffs = (await gql(`{ allTariffs(perPage: 200) { stallKind marketClass basis amount validFrom validTo } }`, {}, admin)).allTariffs as Array<{
    stallKind: string; marketClass: string; basis: string; amount: number; validFrom: string; validTo: string | null;
  }>;
  const permitFrom = addDays(from, -70);
  const tariffOf = (kind: string, cls: string) => {
    const rows = tariffs.filter((t) => t.stallKind === kind && t.marketClass === cls && t.validFrom <= to && (t.validTo === null || t.validTo >= permitFrom));
    if (rows.length !== 1 || rows[0].validFrom > permitFrom || (rows[0].validTo !== null && rows[0].validTo < to)) {
      throw new Error(`scenario: needs exactly one ${kind}/${cls} tariff over ${permitFrom}..${to}`);
    }
    return rows[0];
  };
  const dueOf = (kind: string, cls: string, areaDm2: number) => {
    const t = tariffOf(kind, cls);
    return t.basis === "PER_M2_PER_DAY" ? Math.floor((t.amount * areaDm2 + 50) / 100) : t.amount;
  };

  // ---- Markets, collectors, stalls, traders, permits, assignments, books and targets, through the API.
  const created = await batched(gql, admin, SPECS.map((s) =>
    `createMarket(code: ${str(s.code)}, name: ${str(s.name)}, district: "Kecamatan Uji", address: ${str(`Jl. ${s.name}`)}, marketClass: ${s.marketClass}, uptdName: "UPTD Pasar Skenario") { id }`));
  const collectorFields: string[] = [];
  SPECS.forEach((s) => {
    for (let k = 1; k <= s.collectors; k++) {
      collectorFields.push(`createUser(username: ${str(`skenario.${s.code.toLowerCase()}.${k}`)}, displayName: ${str(`Pemungut ${s.code} ${k}`)}, role: COLLECTOR, password: "rahasia-skenario-1") { id }`);
    }
  });
  const collectorIds = (await batched(gql, admin, collectorFields, { perRequest: 4 })).map((u) => Number(u.id));
  const markets: ScnMarket[] = [];
  let nextCollector = 0;
  for (const [i, spec] of SPECS.entries()) {
    const id = Number(created[i].id);
    const collectors: ScnCollector[] = [];
    for (let k = 1; k <= spec.collectors; k++) {
      collectors.push({
        id: collectorIds[nextCollector++], series: `${spec.code}-${k}`, marketIndex: i, stalls: [], books: [], next: 0,
        outlier: spec.code === "ZSC" && k === 3, used: [], reused: new Set(),
      });
    }
    markets.push({ id, spec, collectors, stalls: [], vacant: [] });
  }
  const marketCodes = new Map(markets.map((m) => [m.id, m.spec.code]));

  const stallFields: string[] = [];
  const stallPlan: Array<{ market: ScnMarket; code: string; kind: string; area: number; occupied: boolean }> = [];
  for (const m of markets) {
    const s = m.spec;
    const add = (kind: string, count: number, block: string, area: () => number, occupied: boolean) => {
      for (let n = 1; n <= count; n++) {
        const code = `${block}-${String(n).padStart(3, "0")}`;
        const a = area();
        stallPlan.push({ market: m, code, kind, area: a, occupied });
        stallFields.push(`createStall(marketId: "${m.id}", code: ${str(code)}, block: ${str(block)}, kind: ${kind}, area: ${a}) { id }`);
      }
    };
    add("LAPAK", s.lapak, "L", () => 4, true);
    add("PELATARAN", s.pelataran, "P", () => 3, true);
    add("LOS", s.los, "S", () => random.int(12, 32) / 4, true);
    add("KIOS", s.kios, "K", () => 12, true);
    add("LAPAK", s.vacant, "V", () => 4, false); // never under permit
  }
  const stallIds = (await batched(gql, admin, stallFields)).map((x) => Number(x.id));
  const occupiedPlan = stallPlan.map((p, i) => ({ ...p, id: stallIds[i] })).filter((p) => p.occupied);
  const traderIds = (await batched(gql, admin, occupiedPlan.map((p, i) =>
    `createTrader(npwrd: ${str(`ZS.${p.market.spec.code}.${String(i).padStart(4, "0")}`)}, name: ${str(`Pedagang ${p.market.spec.code} ${p.code}`)}, commodity: "Sayur") { id }`))).map((x) => Number(x.id));
  await batched(gql, admin, occupiedPlan.map((p, i) =>
    `createStallPermit(shptNumber: ${str(`SHPT/${p.market.spec.code}/${p.code}`)}, stallId: "${p.id}", traderId: "${traderIds[i]}", validFrom: "${permitFrom}") { id }`));
  stallPlan.forEach((p, i) => {
    const areaDm2 = Math.round(p.area * 100);
    const stall: ScnStall = {
      id: stallIds[i], code: p.code, kind: p.kind, areaDm2, due: dueOf(p.kind, p.market.spec.marketClass, areaDm2),
      daily: p.kind !== "KIOS", occupied: p.occupied, position: 0,
    };
    if (p.occupied) p.market.stalls.push(stall);
    else p.market.vacant.push(stall);
  });
  // Stalls are shared round-robin per kind, so every collector of a market has the same mix.
  for (const m of markets) {
    const daily = m.stalls.filter((s) => s.daily);
    daily.forEach((s, i) => m.collectors[i % m.collectors.length].stalls.push(s));
    for (const c of m.collectors) c.stalls.forEach((s, i) => (s.position = i));
  }
  const allCollectors = markets.flatMap((m) => m.collectors);
  await batched(gql, admin, allCollectors.map((c) =>
    `createCollectorAssignment(collectorId: "${c.id}", marketId: "${markets[c.marketIndex].id}", validFrom: "${permitFrom}") { id }`));
  const bookFields: string[] = [];
  const bookOwners: Array<{ c: ScnCollector; first: number; last: number }> = [];
  for (const c of allCollectors) {
    const m = markets[c.marketIndex];
    const books = Math.ceil((c.stalls.length + 2) * days.length / BOOK_SIZE) + 1;
    for (let k = 0; k < books; k++) {
      const first = k * BOOK_SIZE + 1;
      bookOwners.push({ c, first, last: first + BOOK_SIZE - 1 });
      bookFields.push(`createTicketBook(series: ${str(c.series)}, firstNumber: ${first}, lastNumber: ${first + BOOK_SIZE - 1}, faceValue: ${tariffOf("LAPAK", m.spec.marketClass).amount}, marketId: "${m.id}", collectorId: "${c.id}", issuedAt: ${str(jakartaTime(addDays(permitFrom, k), 7).toISOString())}) { id }`);
    }
  }
  (await batched(gql, admin, bookFields)).forEach((b, i) => bookOwners[i].c.books.push({ id: Number(b.id), first: bookOwners[i].first, last: bookOwners[i].last }));
  const faceValue = (m: ScnMarket) => tariffOf("LAPAK", m.spec.marketClass).amount;
  const bookOf = (c: ScnCollector, n: number) => c.books.find((b) => n >= b.first && n <= b.last);

  // Yearly targets: far above the takings in the clean markets (twice the potential), well below them
  // in ZSD (40 %), whose collector deposits round target shares in one month.
  const dailyPotential = (m: ScnMarket) => m.stalls.filter((s) => s.daily).reduce((sum, s) => sum + s.due, 0);
  const years = [...new Set([from.slice(0, 4), to.slice(0, 4)])].map(Number);
  const targetAmount = new Map<string, number>();
  const targetFields: string[] = [];
  for (const m of markets) {
    for (const year of years) {
      const daysInYear = yearSlices(`${year}-01-01`, `${year}-12-31`)[0].daysInYear;
      const amount = Math.round((dailyPotential(m) * (m.spec.code === "ZSD" ? 0.4 : 2) * daysInYear) / 1000) * 1000;
      targetAmount.set(`${m.id}|${year}`, amount);
      targetFields.push(`createRevenueTarget(year: ${year}, marketId: "${m.id}", amount: ${amount}) { id }`);
    }
  }
  await batched(gql, admin, targetFields);
  stage("master data (API)");
  const dailyTarget = (marketId: number, day: string) => targetShare(targetAmount.get(`${marketId}|${day.slice(0, 4)}`)!, yearSlices(day, day)[0]);

  // ---- The plan: where each injection goes. One tweak per collector and day, so they never mix.
  const missing = new Set<string>();
  const dips = new Map<string, number>();
  const away = new Map<number, Set<string>>();
  const forcedIn = new Map<number, Set<string>>();
  const tweaks = new Map<string, Tweak>();
  const marketByCode = (code: string) => markets.find((m) => m.spec.code === code)!;
  const pickDay = (lo: number, hi: number) => days[random.int(lo, hi)];

  // Statistical: takings far below the same weekday's median (a third of the usual attendance), in
  // the last four weeks (eight weeks of baseline before them); and two near misses (12 % below).
  const drops: Array<{ m: ScnMarket; day: string }> = [];
  for (const [code, factor] of [["ZSA", 0.35], ["ZSA", 0.35], ["ZSB", 0.35], ["ZSB", 0.88], ["ZSC", 0.88]] as Array<[string, number]>) {
    const m = marketByCode(code);
    for (;;) {
      const day = pickDay(56, days.length - 2);
      if ([...dips.keys()].some((k) => k.startsWith(`${m.id}|`) && isoWeekday(k.split("|")[1]) === isoWeekday(day))) continue;
      dips.set(`${m.id}|${day}`, factor);
      if (factor < 0.5) drops.push({ m, day });
      break;
    }
  }
  // MISSING_REPORT: no report at all that day (every collector of the market), never on a dip's weekday.
  for (let k = 0; k < 4; k++) {
    for (;;) {
      const m = random.pick(markets);
      const day = pickDay(1, days.length - 2);
      if (missing.has(`${m.id}|${day}`) || [...dips.keys()].some((key) => key.startsWith(`${m.id}|`) && isoWeekday(key.split("|")[1]) === isoWeekday(day))) continue;
      missing.add(`${m.id}|${day}`);
      want("MISSING_REPORT", `market:${m.id}`, day, m.id, `${m.spec.code}: no report on ${day}`, { amount: dailyPotential(m) });
      break;
    }
  }
  const marketDays = (m: ScnMarket) => days.filter((d) => !missing.has(`${m.id}|${d}`));
  // OCCUPIED_STALL_UNCOLLECTED: a stall with no receipt on 8-10 market days in a row; it pays on the market days around them.
  const runStalls = new Set<number>();
  for (let k = 0; k < 3; k++) {
    for (;;) {
      const m = random.pick(markets);
      const c = random.pick(m.collectors);
      if (c.outlier) continue;
      const stall = random.pick(c.stalls);
      if (runStalls.has(stall.id)) continue;
      const open = marketDays(m);
      const length = random.int(8, 10);
      const start = random.int(1, open.length - length - 2);
      runStalls.add(stall.id);
      away.set(stall.id, new Set(open.slice(start, start + length)));
      forcedIn.set(stall.id, new Set([open[start - 1], open[start + length]]));
      want("OCCUPIED_STALL_UNCOLLECTED", `stall:${stall.id}`, open[start], m.id, `${m.spec.code} stall ${stall.code}: no receipt on ${length} market days from ${open[start]}`, { amount: length * stall.due });
      break;
    }
  }
  // Per-report tweaks on a random collector and day that carry nothing else.
  const slot = (tweak: Tweak, lo: number, hi: number, accept: (c: ScnCollector, day: string) => boolean = () => true) => {
    for (let attempt = 0; attempt < 10_000; attempt++) {
      const c = random.pick(allCollectors);
      const day = pickDay(lo, hi);
      const m = markets[c.marketIndex];
      const key = `${c.id}|${day}`;
      if (tweaks.has(key) || missing.has(`${m.id}|${day}`) || dips.has(`${m.id}|${day}`) || !accept(c, day)) continue;
      tweaks.set(key, tweak);
      return;
    }
    throw new Error("scenario: no free slot for an injection");
  };
  const last = days.length - 1;
  const depositDeadlineOk = (day: string) => addWorkingDays(day, 3) <= addDays(today, -3);
  const notZsd = (c: ScnCollector) => markets[c.marketIndex].spec.code !== "ZSD";
  for (let k = 0; k < 4; k++) slot({ gap: random.int(2, 9) }, 2, last);
  for (let k = 0; k < 2; k++) slot({ returned: random.int(2, 5) }, 2, last); // near miss: skipped, handed back unused
  for (let k = 0; k < 3; k++) slot({ reuse: true }, 4, last);
  for (let k = 0; k < 3; k++) slot({ outside: true }, 0, last);
  for (let k = 0; k < 3; k++) slot({ below: true }, 0, last);
  for (let k = 0; k < 3; k++) slot({ above: true }, 0, last);
  for (let k = 0; k < 3; k++) slot({ vacant: true }, 0, last);
  for (let k = 0; k < 3; k++) slot({ lateBy: random.int(3, 5) }, 0, last - 6);
  for (let k = 0; k < 3; k++) slot({ lateBy: 2 }, 0, last - 3); // near miss: two days is allowed
  for (let k = 0; k < 3; k++) slot({ depositAfter: random.int(2, 3) }, 0, last, (c, day) => notZsd(c) && depositDeadlineOk(day));
  for (let k = 0; k < 3; k++) slot({ shortBy: 1000 * random.int(1, 3) }, 0, last, (c, day) => notZsd(c) && depositDeadlineOk(day));
  for (let k = 0; k < 2; k++) slot({ rejectedFirst: true }, 0, last); // near miss: a rejected report does not count

  // DEPOSIT_MATCHES_TARGET: in the previous month, ZSD's collector deposits the round target share of each day.
  const zsd = marketByCode("ZSD");
  const targetMonth = previousMonthFirst(today);
  const targetMonthEnd = addDays(nextMonthFirst(targetMonth), -1);
  if (targetMonth < from) throw new Error("scenario: the previous month must lie in the history");

  // ---- History rows.
  const db = await openDatabase({ databaseUrl: app.db.databaseUrl, sqlitePath: app.db.sqlitePath });
  const maxId = async (table: string) => Number((await db.manager.query(`SELECT COALESCE(MAX(id), 0) AS n FROM ${table}`))[0].n);
  let reportId = await maxId("daily_report");
  let depositId = await maxId("deposit");
  const reports: unknown[][] = [];
  const receipts: unknown[][] = [];
  const deposits: unknown[][] = [];
  const links: unknown[][] = [];
  const verifiedDeposits: Array<{ id: number; reference: string; amount: number; day: string }> = [];
  const returns: Array<{ bookId: number; first: number; last: number }> = [];
  const takings = new Map<string, number>(); // market|day -> collected
  const receiptsOf = new Map<string, Array<{ stallId: number; amount: number; day: string }>>(); // collector|month
  const targetDeposits: Array<{ amount: number; total: number; expected: number; follows: boolean }> = [];
  let outsideSeq = 0;

  for (const [i, day] of days.entries()) {
    const weekday = isoWeekday(day);
    for (const m of markets) {
      if (missing.has(`${m.id}|${day}`)) continue;
      const factor = dips.get(`${m.id}|${day}`) ?? 1;
      for (const c of m.collectors) {
        const tweak = tweaks.get(`${c.id}|${day}`) ?? {};
        const present = c.stalls.filter((s) => !away.get(s.id)?.has(day));
        let paying: ScnStall[];
        if (c.outlier) {
          // Tickets only every other day for each of its stalls: half the stall-days go unrecorded.
          paying = present.filter((s) => (s.position + i) % 2 === 0 || forcedIn.get(s.id)?.has(day));
        } else {
          const forced = present.filter((s) => forcedIn.get(s.id)?.has(day));
          const rest = shuffled(random, present.filter((s) => !forcedIn.get(s.id)?.has(day)));
          const count = Math.round(c.stalls.length * m.spec.attendance[weekday] * factor * (1 + (random.next() - 0.5) * 0.06));
          paying = [...forced, ...rest.slice(0, Math.max(0, count - forced.length))];
        }
        paying.sort((a, b) => a.position - b.position);
        const items = paying.map((s) => ({ stall: s, amount: s.due, number: 0 }));
        if (tweak.vacant) {
          const stall = random.pick(m.vacant);
          items.splice(random.int(0, items.length), 0, { stall, amount: stall.due, number: 0 });
          want("VACANT_STALL_RECEIPT", `market:${m.id}:collector:${c.id}`, day, m.id, `${c.series}: a receipt for vacant stall ${stall.code} on ${day}`, { amount: stall.due });
        }
        if (tweak.below || tweak.above) {
          const item = random.pick(items.filter((x) => x.stall.occupied && x.stall.due >= 1500));
          item.amount = tweak.below ? item.stall.due - 500 : item.stall.due + 1000;
          const rule = tweak.below ? "BELOW_TARIFF" : "ABOVE_TARIFF";
          want(rule, `market:${m.id}:collector:${c.id}`, day, m.id, `${c.series}: stall ${item.stall.code} charged ${item.amount} instead of ${item.stall.due} on ${day}`, { amount: Math.abs(item.amount - item.stall.due) });
        }
        // Ticket numbers: in order from the collector's books, but for the injections.
        const skip = tweak.gap ?? tweak.returned ?? 0;
        const specialAt = tweak.outside || tweak.reuse ? random.int(0, items.length - 1) : -1;
        let skipFrom = skip ? random.int(0, items.length - 2) : -1;
        if (skipFrom >= 0 && skipFrom >= specialAt && specialAt >= 0) skipFrom++; // never on the special receipt
        for (const [k, item] of items.entries()) {
          if (k === specialAt && tweak.outside) {
            item.number = OUTSIDE_BASE + ++outsideSeq;
            want("TICKET_OUTSIDE_BOOK", `market:${m.id}:collector:${c.id}`, day, m.id, `${c.series} ${pad6(item.number)} is in none of the collector's books (${day})`, { amount: item.amount });
            continue;
          }
          if (k === specialAt && tweak.reuse) {
            const earlier = c.used.filter((u) => u.day < day && u.day >= addDays(day, -3) && !c.reused.has(u.number));
            if (earlier.length === 0) throw new Error("scenario: nothing to reuse");
            const original = random.pick(earlier);
            c.reused.add(original.number);
            item.number = original.number;
            want("TICKET_DUPLICATE", `${c.series} ${pad6(item.number)}`, day, m.id, `${c.series} ${pad6(item.number)} of ${original.day} used again on ${day}`, { amount: item.amount });
            continue;
          }
          if (skipFrom >= 0 && k >= skipFrom && c.next > 0) {
            const book = bookOf(c, c.next);
            if (book && bookOf(c, c.next + skip + 1) === book) {
              if (tweak.gap) {
                want("TICKET_SERIAL_GAP", `book:${book.id}`, day, m.id, `${c.series} ${pad6(c.next + 1)}-${pad6(c.next + skip)} skipped on ${day}`, { amount: skip * faceValue(m) });
              } else {
                returns.push({ bookId: book.id, first: c.next + 1, last: c.next + skip });
              }
              c.next += skip;
              skipFrom = -1;
            }
          }
          item.number = ++c.next;
          if (!bookOf(c, item.number)) throw new Error(`scenario: ${c.series} ran out of books`);
          c.used.push({ number: item.number, day });
        }
        if (skipFrom >= 0) throw new Error(`scenario: no place for a gap in ${c.series} on ${day}`);

        const total = items.reduce((sum, x) => sum + x.amount, 0);
        const write = (status: "SUBMITTED" | "REJECTED", factorAmount: number, submittedAt: Date) => {
          const id = ++reportId;
          reports.push([
            id, `scn-${c.series}-${day}-${status}`, "scenario", m.id, c.id, c.id, day, status, items.length, total * factorAmount, null, sqlDateTime(submittedAt),
            status === "REJECTED" ? sqlDateTime(jakartaTime(day, 19)) : null, status === "REJECTED" ? officerId : null,
            status === "REJECTED" ? "Nominal karcis salah ketik" : null,
          ]);
          for (const x of items) {
            receipts.push([id, m.id, x.stall.id, day, c.series, x.number, x.amount * factorAmount, sqlDateTime(jakartaTime(day, random.int(6, 14), random.int(0, 59)))]);
          }
          return id;
        };
        if (tweak.rejectedFirst) write("REJECTED", 10, jakartaTime(day, 16, random.int(0, 59)));
        const submittedAt = tweak.lateBy ? jakartaTime(addDays(day, tweak.lateBy), 9, random.int(0, 59)) : jakartaTime(day, 17, random.int(0, 59));
        const id = write("SUBMITTED", 1, submittedAt);
        if (tweak.lateBy && tweak.lateBy > 2) {
          want("LATE_SUBMISSION", `report:${id}`, day, m.id, `${c.series}: the report of ${day} submitted ${tweak.lateBy} days later`, { amount: total });
        }
        takings.set(`${m.id}|${day}`, (takings.get(`${m.id}|${day}`) ?? 0) + total);
        const monthKey = `${c.id}|${day.slice(0, 7)}`;
        receiptsOf.set(monthKey, [...(receiptsOf.get(monthKey) ?? []), ...items.map((x) => ({ stallId: x.stall.id, amount: x.amount, day }))]);

        // The deposit: next working day (the latest days: the same evening), in full, but for the injections.
        const deadline = addWorkingDays(day, 1);
        let depositDay = tweak.depositAfter ? addWorkingDays(day, tweak.depositAfter) : deadline;
        let depositedAt = jakartaTime(depositDay, 10, random.int(0, 59));
        if (depositDay >= today) {
          depositDay = day;
          depositedAt = jakartaTime(day, 20, random.int(0, 30));
        }
        let amount = total - (tweak.shortBy ?? 0);
        const dep = ++depositId;
        if (tweak.depositAfter) {
          want("DEPOSIT_LATE", `report:${id}`, day, m.id, `${c.series}: the takings of ${day} deposited on ${depositDay}, after ${deadline}`, { amount: total });
        }
        if (tweak.shortBy) {
          want("DEPOSIT_SHORTFALL", `deposit:${dep}`, depositDay, m.id, `${c.series}: the deposit of ${depositDay} is ${tweak.shortBy} short of ${total}`, { amount: tweak.shortBy });
          want("DEPOSIT_LATE", `report:${id}`, day, m.id, `the ${tweak.shortBy} missing from the deposit is not deposited by ${deadline}`, { amount: tweak.shortBy, sideEffectOf: "DEPOSIT_SHORTFALL" });
        }
        if (m === zsd && depositDay >= targetMonth && depositDay <= targetMonthEnd) {
          const expectedShare = Math.round(dailyTarget(m.id, day) / m.collectors.length);
          const follows = deadline <= addDays(today, -2);
          if (follows) {
            amount = Math.round(expectedShare / 1000) * 1000;
            if (amount > total) throw new Error(`scenario: ZSD's target share ${amount} exceeds the takings ${total} of ${day}`);
            if (amount < total) {
              want("DEPOSIT_SHORTFALL", `deposit:${dep}`, depositDay, m.id, `ZSD deposits the target share ${amount}, not the ${total} taken on ${day}`, { amount: total - amount, sideEffectOf: "DEPOSIT_MATCHES_TARGET" });
              want("DEPOSIT_LATE", `report:${id}`, day, m.id, `what ZSD took beyond the target share on ${day} is never deposited`, { amount: total - amount, sideEffectOf: "DEPOSIT_MATCHES_TARGET" });
            }
          }
          targetDeposits.push({ amount, total, expected: expectedShare, follows: amount % 1000 === 0 && Math.abs(amount - expectedShare) * 100 <= expectedShare * 5 });
        }
        const verified = depositDay <= addDays(today, -4);
        const reference = `NTB-${m.spec.code}-${String(dep).padStart(7, "0")}`;
        deposits.push([
          dep, `scn-dep-${c.series}-${day}`, "scenario", c.id, m.id, amount, total, sqlDateTime(depositedAt), `STS/${c.series}/${day.replace(/-/g, "")}`,
          reference, verified ? "VERIFIED" : "PENDING", sqlDateTime(new Date(depositedAt.getTime() + 3_600_000)), c.id,
          verified ? treasurerId : null, verified ? sqlDateTime(jakartaTime(addDays(depositDay, 1), 9)) : null, null,
        ]);
        links.push([dep, id, id, Math.min(total, amount)]);
        if (verified) verifiedDeposits.push({ id: dep, reference, amount, day: depositDay });
      }
    }
  }
  await db.transaction(async (em) => {
    await bulkInsert(em, "daily_report", ["id", "client_id", "content_hash", "market_id", "collector_id", "submitted_by_id", "business_date", "status",
      "receipt_count", "total", "note", "submitted_at", "rejected_at", "rejected_by_id", "rejection_reason"], reports);
    await bulkInsert(em, "receipt", ["report_id", "market_id", "stall_id", "business_date", "series", "number", "amount", "collected_at"], receipts);
    await bulkInsert(em, "deposit", ["id", "client_id", "content_hash", "collector_id", "market_id", "amount", "reports_total", "deposited_at",
      "sts_number", "bank_reference", "status", "recorded_at", "recorded_by_id", "verified_by_id", "verified_at", "verification_note"], deposits);
    await bulkInsert(em, "deposit_report", ["deposit_id", "report_id", "live_report_id", "allocated"], links);
  });
  stage("history rows (tables)");
  await new RevenueSummaryService(db).recomputeAll(today);
  await db.close();
  stage("summary rebuilt");
  facts.push(`history ${from} .. ${to}: ${reports.length} reports, ${receipts.length} receipts, ${deposits.length} deposits in ${markets.length} markets (${markets.map((m) => `${m.spec.code} ${m.collectors.length} collector(s), ${m.stalls.filter((s) => s.daily).length} daily + ${m.stalls.filter((s) => !s.daily).length} kios + ${m.vacant.length} vacant`).join("; ")})`);

  // ---- The statistical cases, checked against the documented semantics before anyone runs the rules.
  for (const { m, day } of drops) {
    const baseline: number[] = [];
    for (let w = 1; w <= 8; w++) {
      const v = takings.get(`${m.id}|${addDays(day, -7 * w)}`);
      if (v !== undefined) baseline.push(v);
    }
    const mid = median(baseline);
    const mad = median(baseline.map((v) => Math.abs(v - mid)));
    const value = takings.get(`${m.id}|${day}`)!;
    const clear = baseline.length >= 6 && value < mid - 3 * 1.4826 * mad && value < mid * 0.8;
    if (!clear) throw new Error(`scenario: the drop of ${m.spec.code} on ${day} is not clear (${value} vs median ${mid}, MAD ${mad}, ${baseline.length} weeks)`);
    want("COLLECTION_DROP", `market:${m.id}`, day, m.id, `${m.spec.code} took ${value} on ${day}, median of the same weekday ${mid} (MAD ${mad})`, { amount: Math.round(mid - value) });
    facts.push(`COLLECTION_DROP injected: ${m.spec.code} ${day} takings ${value} vs median ${mid} (MAD ${mad}, ${baseline.length} weeks)`);
  }
  {
    const follows = targetDeposits.filter((x) => x.follows).length;
    const takingsCv = cv(targetDeposits.map((x) => x.total));
    if (targetDeposits.length < 5 || follows * 100 < targetDeposits.length * 70 || takingsCv < 0.1) {
      throw new Error(`scenario: ZSD's target month is not a clear case (${follows}/${targetDeposits.length} follow, CV ${takingsCv.toFixed(3)})`);
    }
    const c = zsd.collectors[0];
    want("DEPOSIT_MATCHES_TARGET", `collector:${c.id}|market:${zsd.id}`, targetMonth, zsd.id, `ZSD ${targetMonth.slice(0, 7)}: ${follows} of ${targetDeposits.length} deposits are the round target share`,
      { amount: Math.max(0, targetDeposits.reduce((s, x) => s + x.total - x.amount, 0)) });
    facts.push(`DEPOSIT_MATCHES_TARGET injected: ZSD ${targetMonth.slice(0, 7)}, ${follows}/${targetDeposits.length} deposits follow the target share, takings CV ${(takingsCv * 100).toFixed(1)} %`);
  }
  {
    const zsc = marketByCode("ZSC");
    for (let month = from.slice(8) === "01" ? from : nextMonthFirst(from); month <= to; month = nextMonthFirst(month)) {
      const stats = zsc.collectors.map((c) => {
        const rows = receiptsOf.get(`${c.id}|${month.slice(0, 7)}`) ?? [];
        const total = rows.reduce((s, r) => s + r.amount, 0);
        const stalls = new Set(rows.map((r) => r.stallId)).size;
        const workDays = new Set(rows.map((r) => r.day)).size;
        return { c, receipts: rows.length, perTicket: total / rows.length, perStall: total / stalls, perStallDay: total / (stalls * workDays) };
      }).filter((s) => s.receipts >= 30);
      const own = stats.find((s) => s.c.outlier);
      const peers = stats.filter((s) => !s.c.outlier);
      if (!own || peers.length === 0) continue;
      const low = (metric: "perTicket" | "perStall" | "perStallDay") => own[metric] < 0.7 * median(peers.map((p) => p[metric]));
      if (!low("perStall") || !low("perStallDay")) throw new Error(`scenario: the ZSC outlier is not clear in ${month}`);
      want("COLLECTOR_OUTLIER", `collector:${own.c.id}|market:${zsc.id}`, month, zsc.id, `${own.c.series} ${month.slice(0, 7)}: half its stall-days unticketed`);
      facts.push(`COLLECTOR_OUTLIER injected: ${own.c.series} ${month.slice(0, 7)} ${own.receipts} receipts, per stall ${Math.round(own.perStall)} vs peers ${peers.map((p) => Math.round(p.perStall)).join("/")}, per stall-day ${Math.round(own.perStallDay)} vs ${peers.map((p) => Math.round(p.perStallDay)).join("/")}, per ticket ${Math.round(own.perTicket)} vs ${peers.map((p) => Math.round(p.perTicket)).join("/")}`);
    }
  }

  // ---- Tickets skipped and handed back unused (near misses), through the API.
  if (returns.length) {
    await batched(gql, officer, returns.map((r) => `returnUnusedTickets(bookId: "${r.bookId}", firstNumber: ${r.first}, lastNumber: ${r.last}) { id }`));
  }

  stage("ticket returns (API)");
  // ---- Bills of the months falling due in the window, paid on time through payments but for the injections.
  const periods: string[] = [];
  for (let p = firstOfMonth(addDays(from, -45)); p <= to; p = nextMonthFirst(p)) {
    const due = `${nextMonthFirst(p).slice(0, 7)}-15`;
    if (due >= from && due <= to) periods.push(p.slice(0, 7));
  }
  for (const p of periods) await gql(`mutation($p: String!) { generateBills(period: $p) { created } }`, { p }, bapenda);
  const bills: Array<{ id: string; paymentCode: string; principal: number; dueDate: string; period: string; marketId: string }> = [];
  for (const m of markets) {
    bills.push(...(await gql(`query($m: ID) { allBills(filter: { marketId: $m }, perPage: 500, sortField: "billNumber") { id paymentCode principal dueDate period marketId } }`, { m: String(m.id) }, bapenda)).allBills);
  }
  const expectedBills = markets.reduce((s, m) => s + m.stalls.filter((x) => !x.daily).length, 0) * periods.length;
  if (bills.length !== expectedBills) throw new Error(`scenario: ${bills.length} bills, expected ${expectedBills}`);
  const channels = ["QRIS", "VIRTUAL_ACCOUNT", "TELLER", "AUTODEBIT"];
  interface PaymentPlan { code: string; amount: number; day: string; at: Date; channel: string; ref: string; status: string; onMatch?: (id: number) => void; marketId: number | null }
  const plans: PaymentPlan[] = [];
  let refSeq = 0;
  const plan = (code: string, amount: number, day: string, status: string, marketId: number | null, onMatch?: (id: number) => void) => {
    const channel = random.pick(channels);
    plans.push({ code, amount, day, at: jakartaTime(day, random.int(8, 15), random.int(0, 59)), channel, ref: `ZS${channel.slice(0, 2)}${String(++refSeq).padStart(8, "0")}`, status, marketId, onMatch });
  };
  const shuffledBills = shuffled(random, bills);
  const overdue = shuffledBills.filter((b) => b.dueDate <= addDays(today, -40)).slice(0, 3);
  if (overdue.length < 3) throw new Error("scenario: no bills old enough to be overdue");
  const rest = shuffledBills.filter((b) => !overdue.includes(b));
  const duplicated = rest.slice(0, 2);
  const mismatched = rest.slice(2, 4);
  for (const b of overdue) want("BILL_OVERDUE", `bill:${b.id}`, b.dueDate, Number(b.marketId), `bill ${b.id} (${b.period}) never paid, due ${b.dueDate}`, { amount: b.principal });
  for (const b of rest) {
    const lo = [from, `${nextMonthFirst(`${b.period}-01`).slice(0, 7)}-01`].sort()[1];
    const hi = [b.dueDate, to].sort()[0];
    const span = Math.round((Date.parse(hi) - Date.parse(lo)) / 86_400_000);
    const d1 = addDays(lo, random.int(0, span));
    const marketId = Number(b.marketId);
    if (mismatched.includes(b)) {
      plan(b.paymentCode, b.principal - 2500, d1, "AMOUNT_MISMATCH", marketId, (id) =>
        want("PAYMENT_AMOUNT_MISMATCH", `payment:${id}`, d1, marketId, `bill ${b.id} paid ${b.principal - 2500} instead of ${b.principal} on ${d1}`, { amount: 2500 }));
      const d2 = addDays(d1, random.int(0, Math.round((Date.parse(hi) - Date.parse(d1)) / 86_400_000)));
      plan(b.paymentCode, b.principal, d2, "MATCHED", marketId);
      if (d2 === d1) plans[plans.length - 1].at = new Date(plans[plans.length - 2].at.getTime() + 3_600_000);
    } else {
      plan(b.paymentCode, b.principal, d1, "MATCHED", marketId);
    }
    if (duplicated.includes(b)) {
      const d2 = addDays(d1, random.int(1, Math.max(1, Math.round((Date.parse(to) - Date.parse(d1)) / 86_400_000))));
      const day = d2 > to ? to : d2;
      plan(b.paymentCode, b.principal, day, "BILL_ALREADY_PAID", marketId, (id) =>
        want("PAYMENT_DUPLICATE", `payment:${id}`, day, marketId, `bill ${b.id} paid a second time on ${day}`, { amount: b.principal }));
      if (day === d1) plans[plans.length - 1].at = new Date(plans[plans.length - 2].at.getTime() + 3_600_000);
    }
  }
  for (let k = 0; k < 2; k++) {
    const day = pickDay(0, last);
    const amount = random.int(50, 200) * 1000;
    plan(`99${String(random.int(0, 999_999_999)).padStart(12, "0")}`, amount, day, "UNKNOWN_CODE", null, (id) =>
      want("PAYMENT_UNMATCHED", `payment:${id}`, day, null, `a payment quoting an unknown code on ${day}`, { amount }));
  }
  plans.sort((a, b) => a.at.getTime() - b.at.getTime());
  // In the order paid: a second payment of a bill must reach it after the first.
  const recorded = await batched(gql, bapenda, plans.map((p) =>
    `recordPayment(input: { channel: ${p.channel}, externalRef: ${str(p.ref)}, paymentCode: ${str(p.code)}, amount: ${p.amount}, paidAt: ${str(p.at.toISOString())} }) { id matchStatus }`), { parallel: 1 });
  const payments = plans.map((p, i) => ({ ...p, id: Number(recorded[i].id) }));
  for (const [i, p] of payments.entries()) {
    if (recorded[i].matchStatus !== p.status) throw new Error(`scenario: payment ${p.ref} is ${recorded[i].matchStatus}, meant to be ${p.status}`);
    p.onMatch?.(p.id);
  }
  stage("bills and payments (API)");
  facts.push(`bills: ${bills.length} for ${periods.join(", ")}; ${payments.length} payments`);

  // ---- The treasury account's statement for the last four weeks: every payment and verified deposit, but for the injections.
  const s0 = addDays(to, -27);
  const lines: Array<{ day: string; description: string; reference: string; credit: number; debit?: number; injected?: string }> = [];
  for (const p of payments.filter((x) => x.day >= s0)) lines.push({ day: p.day, description: `${p.channel} ${p.ref}`, reference: p.ref, credit: p.amount });
  for (const d of verifiedDeposits.filter((x) => x.day >= s0)) lines.push({ day: d.day, description: `SETORAN ${d.reference}`, reference: d.reference, credit: d.amount });
  const netted = random.pick(lines.filter((l) => l.credit > 10_000));
  netted.credit -= 6500;
  netted.description = `DIPOTONG BIAYA ${netted.reference}`;
  netted.injected = "a credit net of a bank charge";
  const shifted = random.pick(lines.filter((l) => !l.injected && l.reference.startsWith("NTB-") && addDays(l.day, 3) <= to));
  shifted.day = addDays(shifted.day, 3);
  shifted.injected = "a deposit credited three days after it was made";
  lines.push({ day: addDays(s0, random.int(0, 27)), description: "TRANSFER MASUK", reference: `TRF${random.int(100_000, 999_999)}`, credit: random.int(100, 900) * 1000 + 500, injected: "an unexplained transfer" });
  lines.push({ day: addDays(s0, random.int(0, 27)), description: "JASA GIRO", reference: "", credit: random.int(10_000, 60_000), injected: "bank interest" });
  lines.push({ day: addDays(s0, random.int(0, 27)), description: "BIAYA ADMINISTRASI", reference: "", credit: 0, debit: 15_000 }); // a debit: not applicable
  lines.sort((a, b) => a.day.localeCompare(b.day));
  const csv = `Tanggal;Keterangan;Referensi;Kredit;Debit\n${lines.map((l) => `${l.day};${l.description};${l.reference};${l.credit || ""};${l.debit ?? ""}`).join("\n")}\n`;
  const statement = (await gql(`mutation($c: String!) { importBankStatement(accountNo: "0001029999999", fileName: "rekening-koran-skenario.csv", csv: $c) { id lineCount } }`, { c: csv }, bapenda)).importBankStatement;
  const stored = (await gql(`query($s: ID) { allStatementLines(filter: { statementId: $s }, perPage: 500, sortField: "lineNo") { id lineNo valueDate reference credit matchStatus } }`, { s: statement.id }, bapenda)).allStatementLines as Array<{
    id: string; lineNo: number; valueDate: string; reference: string | null; credit: number; matchStatus: string;
  }>;
  if (stored.length !== lines.length) throw new Error(`scenario: ${stored.length} statement lines stored of ${lines.length}`);
  for (const l of lines) {
    const row = stored.find((s) => s.valueDate === l.day && (s.reference ?? "") === l.reference && s.credit === l.credit)!;
    const status = l.credit === 0 ? "NOT_APPLICABLE" : l.injected ? "UNMATCHED" : "MATCHED";
    if (!row || row.matchStatus !== status) throw new Error(`scenario: statement line ${l.day} ${l.description} is ${row?.matchStatus}, meant to be ${status}`);
    if (l.injected) want("STATEMENT_LINE_UNMATCHED", `statement-line:${row.id}`, l.day, null, `${l.injected} (${l.description}, ${l.credit})`, { amount: l.credit });
  }
  stage("bank statement (API)");
  facts.push(`bank statement: ${lines.length} lines from ${s0}`);
  facts.push(`building the scenario: ${stages.join(", ")}`);

  return { today, from, to, marketIds: markets.map((m) => m.id), marketCodes, expected, facts };
}
