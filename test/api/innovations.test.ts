import { addDays, todayInJakarta } from "../../server/src/common/local-date";
import { openRawDatabase } from "../support/revenue-oracle";
import { errorCode, startTestApp, type GraphQLResponse, type TestApp } from "../support/api-client";

const FIELDS = `id agencyId agency { code } name shortName description launchedOn status publicUrl published serviceIds services { id name } marketIds
  markets { id name } createdAt updatedAt`;
const CREATE = `mutation($agencyId: ID!, $name: String!, $shortName: String, $description: String!, $launchedOn: LocalDate, $status: InnovationStatus!,
  $publicUrl: String, $published: Boolean, $serviceIds: [ID!], $marketIds: [ID!]) {
  createInnovation(agencyId: $agencyId, name: $name, shortName: $shortName, description: $description, launchedOn: $launchedOn, status: $status,
    publicUrl: $publicUrl, published: $published, serviceIds: $serviceIds, marketIds: $marketIds) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $agencyId: ID, $name: String, $shortName: String, $description: String, $launchedOn: LocalDate, $status: InnovationStatus,
  $publicUrl: String, $published: Boolean, $serviceIds: [ID!], $marketIds: [ID!]) {
  updateInnovation(id: $id, agencyId: $agencyId, name: $name, shortName: $shortName, description: $description, launchedOn: $launchedOn, status: $status,
    publicUrl: $publicUrl, published: $published, serviceIds: $serviceIds, marketIds: $marketIds) { ${FIELDS} } }`;
const DELETE = `mutation($id: ID!) { deleteInnovation(id: $id) { id } }`;
const PUBLIC = `query($s: String, $a: ID) { publicInnovations(search: $s, agencyId: $a) {
  id name shortName description launchedOn status publicUrl agency { name shortName } services { id name } marketNames } }`;
const DUKCAPIL_DOCUMENTS = ["Penerbitan KTP Elektronik (KTP-el)", "Penerbitan Kartu Keluarga", "Penerbitan Akta Kelahiran"];

interface Innovation {
  id: string;
  agencyId: string;
  agency: { code: string };
  name: string;
  shortName: string | null;
  status: string;
  published: boolean;
  launchedOn: string | null;
  serviceIds: string[];
  services: Array<{ id: string; name: string }>;
  marketIds: string[];
  markets: Array<{ id: string; name: string }>;
  [key: string]: unknown;
}

describe("innovation register (inovasi) and its public catalogue", () => {
  let app: TestApp;
  let statements = 0;
  let admin: string;
  let editor: string;
  let officer: string;
  let auditor: string;
  const agency: Record<string, string> = {};
  const service: Record<string, string> = {};
  let markets: Array<{ id: string; name: string }> = [];
  const today = todayInJakarta();

  beforeAll(async () => {
    app = await startTestApp({ onQuery: () => void statements++ });
    [admin, editor, officer, auditor] = await Promise.all(["admin", "editor.dpmptsp", "officer", "auditor"].map((u) => app.login(u)));
    for (const a of (await gql(`{ allAgencies(perPage: 100) { id code } }`, {}, admin)).allAgencies as Array<{ id: string; code: string }>) agency[a.code] = a.id;
    for (const s of (await gql(`{ allPublicServices(perPage: 100) { id name } }`, {}, admin)).allPublicServices as Array<{ id: string; name: string }>) service[s.name] = s.id;
    markets = (await gql(`{ allMarkets(perPage: 100, sortField: "name") { id name } }`, {}, officer)).allMarkets;
  });
  afterAll(() => app?.close());

  const gql = async (query: string, variables: Record<string, unknown> = {}, token?: string) => {
    const res = await app.gql(query, variables, token);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!;
  };
  const fieldsOf = (res: GraphQLResponse) => Object.keys(res.errors?.[0]?.extensions?.fields ?? {});
  const all = async (token = admin, filter: Record<string, unknown> = {}): Promise<Innovation[]> =>
    (await gql(`query($f: InnovationFilter) { allInnovations(filter: $f, perPage: 100, sortField: "name") { ${FIELDS} } }`, { f: filter }, token)).allInnovations;
  const one = async (id: string, token = admin): Promise<Innovation> => (await gql(`query($id: ID!) { Innovation(id: $id) { ${FIELDS} } }`, { id }, token)).Innovation;
  const byName = async (name: string) => (await all()).find((i) => i.name === name)!;
  const publicNames = async (variables: Record<string, unknown> = {}) =>
    ((await gql(PUBLIC, variables)).publicInnovations as Array<{ name: string }>).map((i) => i.name);
  const draft = (overrides: Record<string, unknown> = {}) => ({
    agencyId: agency.DPMPTSP, name: "Perizinan Keliling", shortName: "PERLING", description: "Contoh inovasi untuk pengujian API register inovasi.",
    launchedOn: "2024-03-01", status: "PILOT", publicUrl: "https://dpmptsp.bekasikab.go.id/perling", published: false, serviceIds: [], marketIds: [], ...overrides,
  });

  it("seeds the five innovations the regency names, with their agencies, services and markets, and no invented dates", async () => {
    const seeded = await all(officer);
    const summary = seeded.map((i) => [i.name, i.shortName, i.agency.code]).sort();
    expect(summary).toEqual([
      ["Botram", null, "DISDUKCAPIL"], ["Laporan Retribusi Pasar", "LAPERA", "DISDAG"], ["Layanan Pembayaran Online", null, "BAPENDA"],
      ["Sitepak", null, "DISDUKCAPIL"], ["Smart Traditional Market", null, "BALITBANGDA"],
    ]);
    for (const i of seeded) expect([i.name, i.status, i.published, i.launchedOn]).toEqual([i.name, "ACTIVE", true, null]);
    const balitbangda = (await gql(`query($id: ID!) { Agency(id: $id) { name shortName kind } }`, { id: agency.BALITBANGDA }, officer)).Agency;
    expect(balitbangda).toEqual({ name: "Badan Penelitian dan Pengembangan Daerah", shortName: "Balitbangda", kind: "BADAN" });
    const allMarketIds = markets.map((m) => m.id).sort();
    expect(allMarketIds).toHaveLength(12);
    for (const name of ["Laporan Retribusi Pasar", "Layanan Pembayaran Online", "Smart Traditional Market"]) {
      const i = seeded.find((x) => x.name === name)!;
      expect([name, [...i.marketIds].sort(), i.markets.length]).toEqual([name, allMarketIds, 12]);
      expect(i.services.map((s) => s.name)).toEqual(["Retribusi Pelayanan Pasar (LAPERA)"]);
    }
    for (const name of ["Sitepak", "Botram"]) {
      const i = seeded.find((x) => x.name === name)!;
      expect([name, i.services.map((s) => s.name), i.marketIds]).toEqual([name, DUKCAPIL_DOCUMENTS, []]);
    }
    expect(seeded.find((i) => i.name === "Sitepak")!.description).toMatch(/pos/);
    expect(seeded.find((i) => i.name === "Botram")!.description).toMatch(/jemput bola/);
  });

  it("creates, reads, filters, updates and deletes an innovation as an administrator, with an audit trail", async () => {
    const values = draft({ serviceIds: [service["Nomor Induk Berusaha (NIB) dan Izin Usaha"], service["Penerbitan KTP Elektronik (KTP-el)"]], marketIds: [markets[3].id, markets[0].id] });
    const created: Innovation = (await gql(CREATE, values, admin)).createInnovation;
    const { id, createdAt, updatedAt, agency: a, services, markets: ms, ...rest } = created;
    expect(rest).toEqual({ ...values, agencyId: agency.DPMPTSP });
    expect(a.code).toBe("DPMPTSP");
    // An innovation may change other agencies' services; lists keep the order given.
    expect(services.map((s) => s.id)).toEqual(values.serviceIds);
    expect(ms).toEqual([markets[3], markets[0]]);
    expect(new Date(createdAt as string).getTime()).toBeLessThanOrEqual(new Date(updatedAt as string).getTime());
    // MySQL keeps whole seconds of a datetime (truncated or rounded); the write's own answer still has milliseconds.
    const sameRecord = (read: Innovation, written: Innovation) => {
      for (const key of ["createdAt", "updatedAt"]) {
        expect(Math.abs(Date.parse(String(read[key])) - Date.parse(String(written[key])))).toBeLessThan(1000);
      }
      expect({ ...read, createdAt: 0, updatedAt: 0 }).toEqual({ ...written, createdAt: 0, updatedAt: 0 });
    };
    sameRecord(await one(id, auditor), created);

    for (const filter of [{ q: "keliling" }, { serviceId: service["Nomor Induk Berusaha (NIB) dan Izin Usaha"] }, { status: "PILOT" },
      { published: false }, { agencyId: agency.DPMPTSP }, { ids: [id] }]) {
      expect([filter, (await all(officer, filter)).map((i) => i.id)]).toEqual([filter, [id]]);
    }
    expect((await gql(`{ _allInnovationsMeta(filter: { published: true }) { count } }`, {}, officer))._allInnovationsMeta.count).toBe(5);
    expect((await all(officer, { marketId: markets[3].id })).map((i) => i.name)).toEqual([
      "Laporan Retribusi Pasar", "Layanan Pembayaran Online", "Perizinan Keliling", "Smart Traditional Market",
    ]);

    const updated: Innovation = (await gql(UPDATE, { id, name: "Perizinan Keliling Desa", status: "ACTIVE", serviceIds: [service["Persetujuan Bangunan Gedung (PBG)"]], marketIds: [] }, admin)).updateInnovation;
    // A patch changes what it names and keeps the rest.
    expect(updated).toMatchObject({
      name: "Perizinan Keliling Desa", status: "ACTIVE", shortName: "PERLING", launchedOn: "2024-03-01", publicUrl: values.publicUrl, published: false,
      serviceIds: [service["Persetujuan Bangunan Gedung (PBG)"]], marketIds: [], markets: [],
    });
    const cleared: Innovation = (await gql(UPDATE, { id, shortName: null, launchedOn: null, publicUrl: null }, admin)).updateInnovation;
    expect(cleared).toMatchObject({ shortName: null, launchedOn: null, publicUrl: null, name: "Perizinan Keliling Desa" });
    sameRecord(await one(id), cleared);
    expect(await all(officer, { serviceId: service["Nomor Induk Berusaha (NIB) dan Izin Usaha"] })).toEqual([]);
    expect((await all(officer, { serviceId: service["Penerbitan KTP Elektronik (KTP-el)"] })).map((i) => i.name).sort()).toEqual(["Botram", "Sitepak"]);

    expect((await gql(DELETE, { id }, admin)).deleteInnovation.id).toBe(id);
    expect(errorCode(await app.gql(`query($id: ID!) { Innovation(id: $id) { id } }`, { id }, admin))).toBe("NOT_FOUND");
    const db = await openRawDatabase(app);
    try {
      const rows = await db.dataSource.query(`SELECT action FROM audit_entry WHERE entity = 'Innovation' AND entity_id = '${Number(id)}' ORDER BY id`);
      expect(rows.map((r: { action: string }) => r.action)).toEqual(["CREATE", "UPDATE", "UPDATE", "DELETE"]);
      const links = await db.dataSource.query(`SELECT COUNT(*) AS n FROM innovation_service WHERE innovation_id = ${Number(id)}`);
      expect(Number(links[0].n)).toBe(0);
    } finally {
      await db.close();
    }
  });

  it("refuses invalid innovations with BAD_USER_INPUT naming the field, and writes nothing", async () => {
    const count = async () => (await gql(`{ _allInnovationsMeta { count } }`, {}, admin))._allInnovationsMeta.count as number;
    const before = await count();
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ name: "ab" }, "name"],
      [{ name: "x".repeat(161) }, "name"],
      [{ shortName: "x".repeat(41) }, "shortName"],
      [{ description: "pendek" }, "description"],
      [{ description: "x".repeat(2001) }, "description"],
      [{ publicUrl: "ftp://bekasikab.go.id/x" }, "publicUrl"],
      [{ publicUrl: "bukan alamat" }, "publicUrl"],
      [{ publicUrl: `https://bekasikab.go.id/${"x".repeat(240)}` }, "publicUrl"],
      [{ launchedOn: addDays(today, 1) }, "launchedOn"],
      [{ agencyId: "999999" }, "agencyId"],
      [{ serviceIds: [service["Penerbitan Paspor"], "999999"] }, "serviceIds.1"],
      [{ serviceIds: [service["Penerbitan Paspor"], service["Penerbitan Paspor"]] }, "serviceIds.1"],
      [{ marketIds: ["999999"] }, "marketIds.0"],
    ];
    for (const [overrides, field] of bad) {
      const res = await app.gql(CREATE, draft(overrides), admin);
      expect([overrides, errorCode(res), fieldsOf(res)]).toEqual([overrides, "BAD_USER_INPUT", [field]]);
    }
    const sitepak = await byName("Sitepak");
    for (const [overrides, field] of bad) {
      const res = await app.gql(UPDATE, { id: sitepak.id, ...overrides }, admin);
      expect([overrides, errorCode(res), fieldsOf(res)]).toEqual([overrides, "BAD_USER_INPUT", [field]]);
    }
    expect(await count()).toBe(before);
    expect(await one(sitepak.id)).toEqual(sitepak);
  });

  it("refuses a second innovation of the same name in an agency with CONFLICT, writing nothing, but allows it in another agency", async () => {
    const sitepak = await byName("Sitepak");
    const botram = await byName("Botram");
    const before = await all();
    const ktp = service["Penerbitan KTP Elektronik (KTP-el)"];
    const duplicate = await app.gql(CREATE, draft({ agencyId: agency.DISDUKCAPIL, name: "Sitepak", serviceIds: [service["Penerbitan Paspor"]], marketIds: [markets[0].id] }), admin);
    expect(errorCode(duplicate)).toBe("CONFLICT");
    const renamed = await app.gql(UPDATE, { id: botram.id, name: "Sitepak", serviceIds: [ktp] }, admin);
    expect(errorCode(renamed)).toBe("CONFLICT");
    expect(await all()).toEqual(before);
    expect((await all(admin, { serviceId: service["Penerbitan Paspor"] }))).toEqual([]);
    expect(await one(sitepak.id)).toEqual(sitepak);

    const elsewhere = (await gql(CREATE, draft({ agencyId: agency.DPMPTSP, name: "Sitepak" }), admin)).createInnovation;
    expect(elsewhere.agency.code).toBe("DPMPTSP");
    await gql(DELETE, { id: elsewhere.id }, admin);
  });

  it("lets an agency editor keep their own agency's innovations only; staff readers read, collectors and market heads do not", async () => {
    const own: Innovation = (await gql(CREATE, draft({ serviceIds: [service["Nomor Induk Berusaha (NIB) dan Izin Usaha"], service["Penerbitan Paspor"]] }), editor)).createInnovation;
    expect(own.agency.code).toBe("DPMPTSP");
    const edited = (await gql(UPDATE, { id: own.id, status: "ACTIVE", published: true }, editor)).updateInnovation;
    expect(edited).toMatchObject({ status: "ACTIVE", published: true });
    // The editor reads the whole register, but only their own agency's services behind the ids, and no markets.
    expect((await all(editor)).map((i) => i.id).sort()).toEqual((await all(admin)).map((i) => i.id).sort());
    expect(edited.serviceIds).toHaveLength(2);
    expect(edited.services.map((s: { id: string }) => s.id)).toEqual([service["Nomor Induk Berusaha (NIB) dan Izin Usaha"]]);
    const lapera = (await all(editor)).find((i) => i.shortName === "LAPERA")!;
    expect([lapera.marketIds.length, lapera.markets]).toEqual([12, []]);

    const sitepak = await byName("Sitepak");
    const refusals: Array<[string, Record<string, unknown>]> = [
      [CREATE, draft({ agencyId: agency.DISDUKCAPIL, name: "Inovasi Orang Lain" })],
      [UPDATE, { id: sitepak.id, description: "Diubah oleh editor instansi lain tanpa hak." }],
      [DELETE, { id: sitepak.id }],
      [UPDATE, { id: own.id, agencyId: agency.DISDUKCAPIL }],
    ];
    for (const [query, variables] of refusals) expect([variables, errorCode(await app.gql(query, variables, editor))]).toEqual([variables, "FORBIDDEN"]);
    for (const token of [officer, auditor]) {
      expect(errorCode(await app.gql(UPDATE, { id: own.id, status: "RETIRED" }, token))).toBe("FORBIDDEN");
      expect(errorCode(await app.gql(CREATE, draft({ name: "Inovasi Pembaca" }), token))).toBe("FORBIDDEN");
    }
    expect(await one(sitepak.id)).toEqual(sitepak);
    expect((await one(own.id)).agencyId).toBe(agency.DPMPTSP);

    for (const username of ["officer", "auditor", "bendahara", "bapenda"]) {
      const token = await app.login(username);
      expect([username, (await all(token)).length]).toEqual([username, 6]);
    }
    for (const username of ["pemungut.cikarang", "kepala.cikarang"]) {
      const token = await app.login(username);
      for (const query of [`{ allInnovations { id } }`, `{ _allInnovationsMeta { count } }`, `query($id: ID!) { Innovation(id: $id) { id } }`]) {
        expect([username, query, errorCode(await app.gql(query, { id: own.id }, token))]).toEqual([username, query, "FORBIDDEN"]);
      }
    }
    for (const query of [`{ allInnovations { id } }`, `mutation { deleteInnovation(id: "${own.id}") { id } }`]) {
      expect(errorCode(await app.gql(query))).toBe("UNAUTHENTICATED");
    }
    await gql(DELETE, { id: own.id }, editor);
  });

  it("shows anonymous visitors the published, unretired innovations only, with catalogue services and market names", async () => {
    const register = await all();
    const expected = register.filter((i) => i.published && i.status !== "RETIRED").map((i) => i.name).sort();
    expect(expected).toHaveLength(5);
    expect((await publicNames()).sort()).toEqual(expected);

    // A draft-only service (DTKS letter) is not in the catalogue: a published innovation does not reveal it.
    const dtks = service["Surat Keterangan Terdaftar DTKS"];
    const ktp = service["Penerbitan KTP Elektronik (KTP-el)"];
    const hidden = (await gql(CREATE, draft({ name: "Inovasi Belum Terbit" }), admin)).createInnovation;
    const retired = (await gql(CREATE, draft({ name: "Inovasi Lama", status: "RETIRED", published: true }), admin)).createInnovation;
    const mixed = (await gql(CREATE, draft({ agencyId: agency.DINSOS, name: "Layanan Sosial Terpadu", status: "PILOT", published: true, serviceIds: [dtks, ktp], marketIds: [markets[1].id] }), admin)).createInnovation;
    const shown = (await gql(PUBLIC)).publicInnovations as Array<Record<string, unknown> & { name: string }>;
    expect(shown.map((i) => i.name).sort()).toEqual([...expected, "Layanan Sosial Terpadu"].sort());
    expect(shown.find((i) => i.name === "Layanan Sosial Terpadu")).toEqual({
      id: mixed.id, name: "Layanan Sosial Terpadu", shortName: "PERLING", description: draft().description, launchedOn: "2024-03-01", status: "PILOT",
      publicUrl: draft().publicUrl, agency: { name: "Dinas Sosial", shortName: "Dinsos" }, services: [{ id: ktp, name: "Penerbitan KTP Elektronik (KTP-el)" }],
      marketNames: [markets[1].name],
    });
    const lapera = shown.find((i) => i.name === "Laporan Retribusi Pasar")!;
    expect([...(lapera.marketNames as string[])].sort()).toEqual(markets.map((m) => m.name).sort());

    // Search: short name, agency name, words in any order; by agency.
    expect(await publicNames({ s: "lapera" })).toEqual(["Laporan Retribusi Pasar"]);
    expect((await publicNames({ s: "KEPENDUDUKAN pos" }))).toEqual(["Sitepak"]);
    expect((await publicNames({ a: agency.DISDUKCAPIL })).sort()).toEqual(["Botram", "Sitepak"]);
    expect(await publicNames({ s: "100%_" })).toEqual([]);

    // The catalogue entry of a service names the published innovations that change it.
    const entry = async (id: string) => (await gql(`query($id: ID!) { publicService(id: $id) { innovations } }`, { id })).publicService.innovations;
    expect(await entry(ktp)).toEqual(["Botram", "Layanan Sosial Terpadu", "Sitepak"]);

    // Unpublishing takes an innovation out of both at once.
    const sitepak = await byName("Sitepak");
    await gql(UPDATE, { id: sitepak.id, published: false }, admin);
    expect(await publicNames()).not.toContain("Sitepak");
    expect(await entry(ktp)).toEqual(["Botram", "Layanan Sosial Terpadu"]);
    await gql(UPDATE, { id: mixed.id, status: "RETIRED" }, admin);
    expect(await publicNames()).not.toContain("Layanan Sosial Terpadu");
    await gql(UPDATE, { id: sitepak.id, published: true }, admin);
    expect(await entry(ktp)).toEqual(["Botram", "Sitepak"]);
    for (const i of [hidden, retired, mixed]) await gql(DELETE, { id: i.id }, admin);
    expect((await publicNames()).sort()).toEqual(expected);

    // Nothing in the public type leads to markets, users or unpublished services.
    const type = (await gql(`{ __type(name: "PublicInnovation") { fields { name type { name ofType { name ofType { name ofType { name } } } } } } }`)).__type;
    const named = (t: { name: string | null; ofType?: unknown }): string => t.name ?? named(t.ofType as { name: string | null; ofType?: unknown });
    expect(Object.fromEntries(type.fields.map((f: { name: string; type: { name: string | null } }) => [f.name, named(f.type)]))).toEqual({
      id: "ID", name: "String", shortName: "String", description: "String", launchedOn: "LocalDate", status: "InnovationStatus", publicUrl: "String",
      agency: "Agency", services: "CatalogueServiceRef", marketNames: "String",
    });
  });

  it("lists innovations with their agency, services and markets in a fixed number of statements", async () => {
    const measure = async (perPage: number) => {
      statements = 0;
      const rows = (await gql(`query($pp: Int) { allInnovations(perPage: $pp) { agency { code } services { name } markets { name } } }`, { pp: perPage }, officer)).allInnovations;
      return { rows: rows.length, statements };
    };
    const few = await measure(2);
    const many = await measure(50);
    expect([few.rows, many.rows]).toEqual([2, 5]);
    expect(many.statements).toBe(few.statements);
  });
});
