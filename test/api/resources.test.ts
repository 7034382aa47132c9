import { startTestApp, errorCode, type TestApp } from "../support/api-client";

interface Refs {
  marketId: string;
  vacantStallId: string;
  traderId: string;
  collectorId: string;
}

interface ResourceCase {
  name: string;
  types: Record<string, string>;
  create: (refs: Refs) => Record<string, unknown>;
  update: Record<string, unknown>;
  invalid: { values: Record<string, unknown>; field: string };
  filter: (refs: Refs) => Record<string, unknown>;
  sortField: string;
}

const CASES: ResourceCase[] = [
  {
    name: "Market",
    types: { code: "String!", name: "String!", district: "String!", address: "String!", marketClass: "MarketClass!", uptdName: "String!" },
    create: () => ({ code: "UJI", name: "Pasar Uji", district: "Cikarang Barat", address: "Jl. Uji No. 1", marketClass: "III", uptdName: "UPTD Uji" }),
    update: { name: "Pasar Uji Baru" },
    invalid: { values: { code: "no spaces!" }, field: "code" },
    filter: () => ({ marketClass: "III", q: "Uji" }),
    sortField: "name",
  },
  {
    name: "Stall",
    types: { marketId: "ID!", code: "String!", block: "String", kind: "StallKind!", area: "Float!" },
    create: (r) => ({ marketId: r.marketId, code: "Z9-001", block: "Z9", kind: "LAPAK", area: 2.25 }),
    update: { area: 3.5 },
    invalid: { values: { area: -1 }, field: "area" },
    filter: (r) => ({ marketId: r.marketId, kind: "LAPAK", q: "Z9" }),
    sortField: "area",
  },
  {
    name: "Trader",
    types: { npwrd: "String!", name: "String!", phone: "String", commodity: "String" },
    create: () => ({ npwrd: "R.32.16.999999", name: "Pedagang Uji", phone: "081234567890", commodity: "Sayur" }),
    update: { commodity: "Buah" },
    invalid: { values: { phone: "call me" }, field: "phone" },
    filter: () => ({ q: "Pedagang Uji", active: true }),
    sortField: "name",
  },
  {
    name: "StallPermit",
    types: { shptNumber: "String!", stallId: "ID!", traderId: "ID!", validFrom: "LocalDate!", validTo: "LocalDate" },
    create: (r) => ({ shptNumber: "SHPT/UJI/1", stallId: r.vacantStallId, traderId: r.traderId, validFrom: "2026-01-01", validTo: "2026-06-30" }),
    update: { validTo: "2026-03-31" },
    invalid: { values: { validTo: "2025-01-01" }, field: "validTo" },
    filter: (r) => ({ stallId: r.vacantStallId, validFrom_gte: "2025-12-01" }),
    sortField: "validFrom",
  },
  {
    name: "Tariff",
    types: { stallKind: "StallKind!", marketClass: "MarketClass!", basis: "TariffBasis!", amount: "SafeInt!", validFrom: "LocalDate!", validTo: "LocalDate", legalBasis: "String!" },
    create: () => ({ stallKind: "OTHER", marketClass: "I", basis: "PER_UNIT_PER_DAY", amount: 2500, validFrom: "2020-01-01", validTo: "2020-12-31", legalBasis: "Perda Uji" }),
    update: { amount: 2750 },
    invalid: { values: { amount: 0 }, field: "amount" },
    filter: () => ({ stallKind: "OTHER", validFrom_lte: "2020-12-31" }),
    sortField: "amount",
  },
  {
    name: "CollectorAssignment",
    types: { collectorId: "ID!", marketId: "ID!", validFrom: "LocalDate!", validTo: "LocalDate" },
    create: (r) => ({ collectorId: r.collectorId, marketId: r.marketId, validFrom: "2020-01-01", validTo: "2020-12-31" }),
    update: { validTo: "2020-06-30" },
    invalid: { values: { validTo: "2019-12-31" }, field: "validTo" },
    filter: (r) => ({ collectorId: r.collectorId, validFrom_lte: "2020-12-31" }),
    sortField: "validFrom",
  },
  {
    name: "TicketBook",
    types: { series: "String!", firstNumber: "Int!", lastNumber: "Int!", faceValue: "SafeInt!", marketId: "ID!", collectorId: "ID!", issuedAt: "DateTime!" },
    create: (r) => ({ series: "UJI-Z", firstNumber: 1, lastNumber: 100, faceValue: 2000, marketId: r.marketId, collectorId: r.collectorId, issuedAt: "2026-01-02T01:00:00.000Z" }),
    update: { lastNumber: 200 },
    invalid: { values: { series: "lower case" }, field: "series" },
    filter: (r) => ({ series: "UJI-Z", marketId: r.marketId }),
    sortField: "firstNumber",
  },
  {
    name: "RevenueTarget",
    types: { year: "Int!", marketId: "ID", amount: "SafeInt!" },
    create: (r) => ({ year: 2030, marketId: r.marketId, amount: 5_000_000_000 }),
    update: { amount: 6_000_000_000 },
    invalid: { values: { year: 1900 }, field: "year" },
    filter: (r) => ({ year: 2030, marketId: r.marketId }),
    sortField: "amount",
  },
  {
    name: "User",
    types: { username: "String!", displayName: "String!", role: "Role!", password: "String" },
    create: () => ({ username: "pemungut.uji", displayName: "Pemungut Uji", role: "COLLECTOR", password: "rahasia-panjang-sekali" }),
    update: { displayName: "Pemungut Uji Dua" },
    invalid: { values: { username: "Bad Name" }, field: "username" },
    filter: () => ({ role: "COLLECTOR", q: "uji" }),
    sortField: "username",
  },
];

function mutation(op: string, types: Record<string, string>, values: Record<string, unknown>, withId: boolean): string {
  const keys = Object.keys(values);
  const decls = [...(withId ? ["$id: ID!"] : []), ...keys.map((k) => `$${k}: ${withId ? types[k].replace(/!$/, "") : types[k]}`)];
  const args = [...(withId ? ["id: $id"] : []), ...keys.map((k) => `${k}: $${k}`)];
  return `mutation(${decls.join(", ")}) { ${op}(${args.join(", ")}) { id } }`;
}

describe("back-office resources (ra-data-graphql-simple form)", () => {
  let app: TestApp;
  let officer: string;
  let refs: Refs;

  beforeAll(async () => {
    app = await startTestApp();
    officer = await app.login("officer");
    const admin = await app.login("admin");
    const market = (await app.gql(`{ allMarkets(filter: { q: "Tambun" }) { id } }`, {}, officer)).data!.allMarkets[0].id;
    const stall = (await app.gql(`mutation($m: ID!) { createStall(marketId: $m, code: "VAC-1", kind: KIOS, area: 9) { id } }`, { m: market }, officer)).data!.createStall.id;
    const trader = (await app.gql(`{ allTraders(perPage: 1) { id } }`, {}, officer)).data!.allTraders[0].id;
    const collector = (await app.gql(`{ allUsers(filter: { q: "pemungut.tambun" }) { id } }`, {}, admin)).data!.allUsers[0].id;
    refs = { marketId: market, vacantStallId: stall, traderId: trader, collectorId: collector };
  });
  afterAll(async () => app?.close());

  for (const c of CASES) {
    describe(c.name, () => {
      let token: string;
      let id: string;
      const count = async (filter: Record<string, unknown> = {}) =>
        (await app.gql(`query($f: ${c.name}Filter) { _all${c.name}sMeta(filter: $f) { count } }`, { f: filter }, token)).data![`_all${c.name}sMeta`].count as number;

      beforeAll(async () => {
        token = c.name === "User" ? await app.login("admin") : officer;
      });

      it("refuses invalid input with BAD_USER_INPUT naming the field, and writes nothing", async () => {
        const before = await count();
        const values = { ...c.create(refs), ...c.invalid.values };
        const res = await app.gql(mutation(`create${c.name}`, c.types, values, false), values, token);
        expect(errorCode(res)).toBe("BAD_USER_INPUT");
        expect(Object.keys(res.errors![0].extensions!.fields ?? {})).toContain(c.invalid.field);
        expect(await count()).toBe(before);
      });

      it("creates, gets, filters, counts, updates and deletes", async () => {
        const values = c.create(refs);
        const created = await app.gql(mutation(`create${c.name}`, c.types, values, false), values, token);
        expect(created.errors).toBeUndefined();
        id = created.data![`create${c.name}`].id;

        const one = await app.gql(`query($id: ID!) { ${c.name}(id: $id) { id } }`, { id }, token);
        expect(one.data![c.name].id).toBe(id);

        const filter = c.filter(refs);
        const list = await app.gql(`query($f: ${c.name}Filter) { all${c.name}s(filter: $f, page: 0, perPage: 10) { id } }`, { f: filter }, token);
        expect(list.data![`all${c.name}s`].map((r: { id: string }) => r.id)).toContain(id);
        expect(await count(filter)).toBe(list.data![`all${c.name}s`].length);

        const updated = await app.gql(mutation(`update${c.name}`, c.types, c.update, true), { id, ...c.update }, token);
        expect(updated.errors).toBeUndefined();
        const field = Object.keys(c.update)[0];
        const reread = await app.gql(`query($id: ID!) { ${c.name}(id: $id) { ${field} } }`, { id }, token);
        expect(reread.data![c.name][field]).toEqual(c.update[field]);

        const deleted = await app.gql(`mutation($id: ID!) { delete${c.name}(id: $id) { id } }`, { id }, token);
        expect(deleted.data![`delete${c.name}`].id).toBe(id);
        expect(errorCode(await app.gql(`query($id: ID!) { ${c.name}(id: $id) { id } }`, { id }, token))).toBe("NOT_FOUND");
      });

      it("sorts and paginates consistently with the count", async () => {
        const total = await count();
        const perPage = Math.min(500, Math.max(1, Math.ceil(total / 3)));
        const seen: string[] = [];
        for (let page = 0; page * perPage < total; page++) {
          const res = await app.gql(
            `query($p: Int, $pp: Int, $s: String) { all${c.name}s(page: $p, perPage: $pp, sortField: $s, sortOrder: "DESC") { id } }`,
            { p: page, pp: perPage, s: c.sortField },
            token,
          );
          expect(res.errors).toBeUndefined();
          seen.push(...res.data![`all${c.name}s`].map((r: { id: string }) => r.id));
        }
        expect(seen).toHaveLength(total);
        expect(new Set(seen).size).toBe(total);
      });
    });
  }

  it("refuses an unknown sort field and an oversized page with BAD_USER_INPUT", async () => {
    expect(errorCode(await app.gql(`{ allMarkets(sortField: "passwordHash") { id } }`, {}, officer))).toBe("BAD_USER_INPUT");
    expect(errorCode(await app.gql(`{ allMarkets(perPage: 100000) { id } }`, {}, officer))).toBe("BAD_USER_INPUT");
  });

  it("sorts stalls by area", async () => {
    const res = await app.gql(`{ allStalls(filter: { marketId: "${refs.marketId}" }, sortField: "area", sortOrder: "ASC", perPage: 50) { area } }`, {}, officer);
    const areas = res.data!.allStalls.map((s: { area: number }) => s.area);
    expect(areas).toEqual([...areas].sort((a, b) => a - b));
  });
});
