import { startTestApp, errorCode, type TestApp } from "../support/api-client";
import { openDatabase } from "../../server/src/database/database";
import { AuditEntry } from "../../server/src/modules/audit/audit-entry.entity";
import { User } from "../../server/src/modules/auth/user.entity";

const CREATE_TARIFF = `mutation($from: LocalDate!, $to: LocalDate) {
  createTariff(stallKind: LAPAK, marketClass: II, basis: PER_UNIT_PER_DAY, amount: 2500, validFrom: $from, validTo: $to, legalBasis: "Perbup Uji") { id }
}`;

describe("master-data rules and access", () => {
  let app: TestApp;
  let officer: string;
  beforeAll(async () => {
    app = await startTestApp();
    officer = await app.login("officer");
  });
  afterAll(async () => app?.close());

  const countOf = async (resource: string, token: string, filter = "{}") =>
    (await app.gql(`{ _all${resource}sMeta(filter: ${filter}) { count } }`, {}, token)).data![`_all${resource}sMeta`].count as number;

  it("refuses a tariff whose period overlaps another of the same kind and class, and stores nothing", async () => {
    const before = await countOf("Tariff", officer);
    // The demo LAPAK/II tariff runs from 2024-01-01 with no end.
    const res = await app.gql(CREATE_TARIFF, { from: "2025-01-01", to: null }, officer);
    expect(errorCode(res)).toBe("CONFLICT");
    expect(await countOf("Tariff", officer)).toBe(before);
    // A period entirely before it is fine; one touching its first day is not.
    expect((await app.gql(CREATE_TARIFF, { from: "2023-01-01", to: "2023-12-31" }, officer)).errors).toBeUndefined();
    expect(errorCode(await app.gql(CREATE_TARIFF, { from: "2023-12-31", to: "2024-01-01" }, officer))).toBe("CONFLICT");
  });

  it("refuses a second permit active on the same day for a stall", async () => {
    const stall = (await app.gql(`{ allStalls(filter: { q: "A1-001" }, perPage: 1) { id } }`, {}, officer)).data!.allStalls[0].id;
    const permits = await app.gql(`query($s: ID) { allStallPermits(filter: { stallId: $s }) { id validFrom validTo } }`, { s: stall }, officer);
    const trader = (await app.gql(`{ allTraders(perPage: 1) { id } }`, {}, officer)).data!.allTraders[0].id;
    const create = (from: string, to: string | null, shpt: string) =>
      app.gql(
        `mutation($s: ID!, $t: ID!, $f: LocalDate!, $to: LocalDate, $n: String!) { createStallPermit(shptNumber: $n, stallId: $s, traderId: $t, validFrom: $f, validTo: $to) { id } }`,
        { s: stall, t: trader, f: from, to, n: shpt },
        officer,
      );
    if (permits.data!.allStallPermits.length === 0) expect((await create("2024-01-01", null, "SHPT/T/0")).errors).toBeUndefined();
    const res = await create("2026-05-01", "2026-05-31", "SHPT/T/1");
    expect(errorCode(res)).toBe("CONFLICT");
    expect(errorCode(await create("2010-01-01", "2010-12-31", "SHPT/T/2"))).toBeUndefined();
  });

  it("lets exactly one of many concurrent overlapping permits for one stall through", async () => {
    const market = (await app.gql(`{ allMarkets(filter: { q: "Setu" }) { id } }`, {}, officer)).data!.allMarkets[0].id;
    const stall = (await app.gql(`mutation($m: ID!) { createStall(marketId: $m, code: "RACE-1", kind: KIOS, area: 8) { id } }`, { m: market }, officer)).data!.createStall.id;
    const trader = (await app.gql(`{ allTraders(perPage: 1) { id } }`, {}, officer)).data!.allTraders[0].id;
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        app.gql(
          `mutation($s: ID!, $t: ID!, $n: String!) { createStallPermit(shptNumber: $n, stallId: $s, traderId: $t, validFrom: "2026-01-01") { id } }`,
          { s: stall, t: trader, n: `SHPT/RACE/${i}` },
          officer,
        ),
      ),
    );
    expect(results.filter((r) => !r.errors).length).toBe(1);
    expect(results.filter((r) => errorCode(r) === "CONFLICT").length).toBe(7);
    expect(await countOf("StallPermit", officer, `{ stallId: "${stall}" }`)).toBe(1);
  });

  it("records every master-data write in the audit log, attributed to the user", async () => {
    const created = await app.gql(`mutation { createTrader(npwrd: "R.32.16.555555", name: "Pedagang Audit") { id } }`, {}, officer);
    const id = created.data!.createTrader.id;
    const db = await openDatabase({ databaseUrl: app.db.databaseUrl, sqlitePath: app.db.sqlitePath });
    try {
      const entries = await db.manager.find(AuditEntry, { where: { entity: "Trader", entityId: id } });
      expect(entries).toHaveLength(1);
      const officerUser = await db.manager.findOneByOrFail(User, { username: "officer" });
      expect(entries[0]).toMatchObject({ action: "CREATE", userId: officerUser.id, before: null });
      expect(entries[0].after).toMatchObject({ npwrd: "R.32.16.555555", name: "Pedagang Audit" });
    } finally {
      await db.close();
    }
  });

  it("limits a collector to assigned markets in lists, counts and by-id access", async () => {
    const collector = await app.login("pemungut.tambun");
    const markets = (await app.gql(`{ allMarkets { id code } _allMarketsMeta { count } }`, {}, collector)).data!;
    expect(markets.allMarkets.map((m: { code: string }) => m.code)).toEqual(["TMB"]);
    expect(markets._allMarketsMeta.count).toBe(1);
    const tambun = markets.allMarkets[0].id;
    const stalls = await app.gql(`{ allStalls(perPage: 500) { marketId } _allStallsMeta { count } }`, {}, collector);
    expect(new Set(stalls.data!.allStalls.map((s: { marketId: string }) => s.marketId))).toEqual(new Set([tambun]));
    const all = (await app.gql(`{ allMarkets(perPage: 50) { id code } }`, {}, officer)).data!.allMarkets;
    const cibitung = all.find((m: { code: string }) => m.code === "PIC").id;
    expect(errorCode(await app.gql(`query($id: ID!) { Market(id: $id) { id } }`, { id: cibitung }, collector))).toBe("FORBIDDEN");
    const foreignStall = (await app.gql(`query($m: ID) { allStalls(filter: { marketId: $m }, perPage: 1) { id } }`, { m: cibitung }, officer)).data!.allStalls[0].id;
    expect(errorCode(await app.gql(`query($id: ID!) { Stall(id: $id) { id } }`, { id: foreignStall }, collector))).toBe("FORBIDDEN");
    expect(await countOf("Stall", collector, `{ marketId: "${cibitung}" }`)).toBe(0);
    expect(errorCode(await app.gql(`{ Market(id: "999999") { id } }`, {}, collector))).toBe("NOT_FOUND");
  });

  it("limits a market head to the markets they head", async () => {
    const head = await app.login("kepala.cikarang");
    const codes = (await app.gql(`{ allMarkets { code } }`, {}, head)).data!.allMarkets.map((m: { code: string }) => m.code);
    expect(codes).toEqual(["PBC"]);
  });

  it("lets an auditor read everything but write nothing", async () => {
    const auditor = await app.login("auditor");
    expect(await countOf("Market", auditor)).toBe(12);
    const res = await app.gql(`mutation { createTrader(npwrd: "R.32.16.777777", name: "Tidak Boleh") { id } }`, {}, auditor);
    expect(errorCode(res)).toBe("FORBIDDEN");
    expect(await countOf("Trader", officer, `{ npwrd: "R.32.16.777777" }`)).toBe(0);
    expect(errorCode(await app.gql(`{ allUsers { id } }`, {}, auditor))).toBe("FORBIDDEN");
  });

  it("keeps agency editors out of market data", async () => {
    const editor = await app.login("editor.dpmptsp");
    expect(errorCode(await app.gql(`{ allMarkets { id } }`, {}, editor))).toBe("FORBIDDEN");
  });

  it("refuses to delete a market with history (CONFLICT) and leaves it in place", async () => {
    const market = (await app.gql(`{ allMarkets(filter: { q: "Babelan" }) { id } }`, {}, officer)).data!.allMarkets[0].id;
    const res = await app.gql(`mutation($id: ID!) { deleteMarket(id: $id) { id } }`, { id: market }, officer);
    expect(errorCode(res)).toBe("CONFLICT");
    expect(res.errors![0].message).toMatch(/INACTIVE/);
    expect((await app.gql(`query($id: ID!) { Market(id: $id) { id } }`, { id: market }, officer)).data!.Market.id).toBe(market);
    const deactivated = await app.gql(`mutation($id: ID!) { updateMarket(id: $id, status: INACTIVE) { status } }`, { id: market }, officer);
    expect(deactivated.data!.updateMarket.status).toBe("INACTIVE");
  });

  it("refuses a duplicate market code with CONFLICT", async () => {
    const res = await app.gql(
      `mutation { createMarket(code: "PBC", name: "Duplikat", district: "Cikarang", address: "Jl. X No. 1", marketClass: I, uptdName: "UPTD X") { id } }`,
      {},
      officer,
    );
    expect(errorCode(res)).toBe("CONFLICT");
  });
});

describe("query limits and error hygiene", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ maxQueryDepth: 4, maxAliases: 3 });
  });
  afterAll(async () => app?.close());

  it("refuses a query nested deeper than the limit before executing it", async () => {
    const res = await app.gql(`{ allStallPermits { stall { market { head { marketIds } } } } }`);
    expect(errorCode(res)).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(res.errors![0].message).toMatch(/nested 5 levels/);
    expect(res.data).toBeUndefined();
  });

  it("refuses a query with too many aliases", async () => {
    const res = await app.gql(`{ a: me { id } b: me { id } c: me { id } d: me { id } }`);
    expect(errorCode(res)).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(res.errors![0].message).toMatch(/aliases/);
  });

  it("answers malformed input without stack traces or SQL", async () => {
    const token = await app.login("officer");
    const res = await app.gql(`{ Market(id: "abc") { id } }`, {}, token);
    expect(errorCode(res)).toBe("BAD_USER_INPUT");
    const text = JSON.stringify(res);
    expect(text).not.toMatch(/stacktrace|SELECT|at .*\.ts/);
  });

  it("serves /healthz and the back-office fallback", async () => {
    const health = await fetch(`${app.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok" });
    const admin = await fetch(`${app.url}/admin/markets/1`);
    expect([200, 503]).toContain(admin.status);
  });
});
