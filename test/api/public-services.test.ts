import { errorCode, startTestApp, type TestApp } from "../support/api-client";

const CATALOGUE = `query($s: String, $a: ID, $p: Int, $pp: Int) { publicServices(search: $s, agencyId: $a, page: $p, perPage: $pp) {
  total items { id name atMpp agency { code shortName } standard { version requirements fee completionTime completionUnit decreeNumber filledComponents } }
} }`;
const STANDARD_FIELDS = `id version requirements procedure completionTime completionUnit fee feeNote product complaintChannel legalBasis facilities
  staffCompetence internalSupervision staffCount serviceGuarantee securityGuarantee performanceEvaluation decreeNumber decreeDate filledComponents publishedAt supersededAt`;

type Standard = Record<string, unknown> & { version: number; requirements: string[]; procedure: string[]; filledComponents: number; publishedAt: string | null; supersededAt: string | null };

/** The test's own count of the 14 components, from the fields the API returns. */
function filled(s: Standard): number {
  const text = (v: unknown) => typeof v === "string" && v.trim() !== "";
  return [
    s.requirements.length > 0, s.procedure.length > 0, s.completionTime !== null && s.completionUnit !== null, s.fee !== null, text(s.product),
    text(s.complaintChannel), text(s.legalBasis), text(s.facilities), text(s.staffCompetence), text(s.internalSupervision),
    typeof s.staffCount === "number" && s.staffCount > 0, text(s.serviceGuarantee), text(s.securityGuarantee), text(s.performanceEvaluation),
  ].filter(Boolean).length;
}

describe("public-service inventory and its public catalogue", () => {
  let app: TestApp;
  let admin: string;
  let editor: string;
  let officer: string;

  beforeAll(async () => {
    app = await startTestApp();
    [admin, editor, officer] = await Promise.all([app.login("admin"), app.login("editor.dpmptsp"), app.login("officer")]);
  });
  afterAll(() => app?.close());

  const gql = async (query: string, variables: Record<string, unknown> = {}, token?: string) => {
    const res = await app.gql(query, variables, token);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!;
  };
  const catalogue = async (variables: Record<string, unknown> = {}) => (await gql(CATALOGUE, { pp: 100, ...variables })).publicServices;
  const serviceId = async (name: string) =>
    (await gql(`query($q: String) { allPublicServices(filter: { q: $q }) { id name } }`, { q: name }, admin)).allPublicServices[0].id as string;

  it("shows anonymous visitors the published services only, searched without regard to case or accents", async () => {
    const all = await catalogue();
    const services = (await gql(`{ allPublicServices(perPage: 100) { id name standard { id } draft { id } } }`, {}, admin)).allPublicServices;
    const published = services.filter((s: { standard: unknown }) => s.standard !== null);
    expect(all.total).toBe(published.length);
    expect(all.items.map((i: { name: string }) => i.name).sort()).toEqual(published.map((s: { name: string }) => s.name).sort());
    // The DTKS letter has a draft only: it is not announced yet.
    const dtks = services.find((s: { name: string }) => s.name.includes("DTKS"));
    expect(dtks).toMatchObject({ standard: null, draft: { id: expect.any(String) } });
    expect(errorCode(await app.gql(`query($id: ID!) { publicService(id: $id) { id } }`, { id: dtks.id }))).toBe("NOT_FOUND");

    const accented = (await catalogue({ s: "KÁRTU kéluarga" })).items.map((i: { name: string }) => i.name);
    expect(accented).toContain("Penerbitan Kartu Keluarga");
    expect(accented).toEqual((await catalogue({ s: "kartu keluarga" })).items.map((i: { name: string }) => i.name));
    // Agency names (short and long) and requirements are searched too; every word must match.
    expect((await catalogue({ s: "dukcapil" })).total).toBe(3);
    expect((await catalogue({ s: "pencatatan sipil kelahiran" })).items.map((i: { name: string }) => i.name)).toEqual(["Penerbitan Akta Kelahiran"]);
    expect((await catalogue({ s: "sppt" })).items.map((i: { agency: { code: string } }) => i.agency.code)).toEqual(["BAPENDA"]);
    expect((await catalogue({ s: "100%_" })).total).toBe(0);
    const page = await catalogue({ pp: 2, p: 1 });
    expect(page).toMatchObject({ total: all.total, items: all.items.slice(2, 4) });
    const one = (await gql(`query($id: ID!) { publicService(id: $id) { name agency { shortName } standard { fee feeNote } } }`, { id: all.items[0].id })).publicService;
    expect(one.name).toBe(all.items[0].name);
  });

  it("gives anonymous visitors nothing else of the API", async () => {
    for (const query of [`{ allPublicServices { id } }`, `{ allAgencies { id } }`, `{ standardCompleteness { percent } }`, `{ allMarkets { id } }`,
      `mutation { publishServiceStandard(serviceId: "1") { id } }`]) {
      expect(errorCode(await app.gql(query, {}))).toBe("UNAUTHENTICATED");
    }
  });

  it("lets an agency editor change their agency's services only, and no agencies", async () => {
    const own = (await gql(`{ allPublicServices(perPage: 100) { id agency { code } } }`, {}, editor)).allPublicServices;
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((s: { agency: { code: string } }) => s.agency.code === "DPMPTSP")).toBe(true);
    const nib = await serviceId("Nomor Induk Berusaha");
    const ktp = await serviceId("KTP Elektronik");
    expect((await gql(`mutation($id: ID!) { updatePublicService(id: $id, description: "Di loket DPMPTSP MPP") { description } }`, { id: nib }, editor))
      .updatePublicService.description).toBe("Di loket DPMPTSP MPP");
    expect(errorCode(await app.gql(`mutation($id: ID!) { updatePublicService(id: $id, description: "x") { id } }`, { id: ktp }, editor))).toBe("FORBIDDEN");
    expect(errorCode(await app.gql(`mutation($id: ID!) { saveServiceStandard(serviceId: $id, input: { fee: 0 }) { id } }`, { id: ktp }, editor))).toBe("FORBIDDEN");
    const disdukcapil = (await gql(`{ allAgencies(filter: { q: "DISDUKCAPIL" }) { id } }`, {}, admin)).allAgencies[0].id;
    expect(errorCode(await app.gql(`mutation($a: ID!) { createPublicService(agencyId: $a, name: "Layanan baru", category: "Lain") { id } }`, { a: disdukcapil }, editor))).toBe("FORBIDDEN");
    expect(errorCode(await app.gql(`mutation { createAgency(code: "BARU", name: "Badan Baru", shortName: "Baru", kind: BADAN) { id } }`, {}, editor))).toBe("FORBIDDEN");
    expect(errorCode(await app.gql(`mutation { createAgency(code: "BARU", name: "Badan Baru", shortName: "Baru", kind: BADAN) { id } }`, {}, officer))).toBe("FORBIDDEN");
  });

  it("keeps the version in force public while a change is drafted, and the previous version readable once it is published", async () => {
    const id = await serviceId("Persetujuan Bangunan Gedung");
    const versions = async () => (await gql(`query($id: ID!) { PublicService(id: $id) { standard { ${STANDARD_FIELDS} } draft { version } standards { ${STANDARD_FIELDS} } } }`, { id }, editor)).PublicService;
    const before = await versions();
    expect(before.standards.map((s: Standard) => s.version)).toEqual([1]);

    const draft = (await gql(`mutation($id: ID!, $i: ServiceStandardInput!) { saveServiceStandard(serviceId: $id, input: $i) { version publishedAt filledComponents } }`, {
      id, i: { ...pick(before.standard), staffCount: 6, performanceEvaluation: "Survei kepuasan tiap triwulan", decreeNumber: null, decreeDate: null },
    }, editor)).saveServiceStandard;
    expect(draft).toMatchObject({ version: 2, publishedAt: null, filledComponents: 14 });
    // The public still sees version 1, with its two missing components.
    const inCatalogue = (await catalogue({ s: "bangunan gedung" })).items[0].standard;
    expect(inCatalogue).toMatchObject({ version: 1, filledComponents: 12 });

    const refused = await app.gql(`mutation($id: ID!) { publishServiceStandard(serviceId: $id) { id } }`, { id }, editor);
    expect(errorCode(refused)).toBe("BAD_USER_INPUT");
    expect(Object.keys(refused.errors![0].extensions!.fields as object).sort()).toEqual(["decreeDate", "decreeNumber"]);
    expect((await versions()).standard.version).toBe(1);

    await gql(`mutation($id: ID!, $i: ServiceStandardInput!) { saveServiceStandard(serviceId: $id, input: $i) { version } }`, {
      id, i: { ...pick(before.standard), staffCount: 6, performanceEvaluation: "Survei kepuasan tiap triwulan", decreeNumber: "800/Kep.2-DPMPTSP/2026", decreeDate: "2026-11-01" },
    }, editor);
    const published = (await gql(`mutation($id: ID!) { publishServiceStandard(serviceId: $id) { version publishedAt } }`, { id }, editor)).publishServiceStandard;
    expect(published.version).toBe(2);
    const after = await versions();
    expect(after.draft).toBeNull();
    expect(after.standard).toMatchObject({ version: 2, decreeNumber: "800/Kep.2-DPMPTSP/2026", staffCount: 6 });
    expect(after.standards.map((s: Standard) => [s.version, s.supersededAt === null])).toEqual([[2, true], [1, false]]);
    expect(after.standards[1]).toEqual({ ...before.standard, supersededAt: expect.any(String) });
    expect((await catalogue({ s: "bangunan gedung" })).items[0].standard).toMatchObject({ version: 2, filledComponents: 14 });

    // A published version is never rewritten: the next save opens version 3.
    expect((await gql(`mutation($id: ID!) { saveServiceStandard(serviceId: $id, input: { requirements: ["KTP-el"] }) { version } }`, { id }, editor))
      .saveServiceStandard.version).toBe(3);
    expect((await versions()).standard.version).toBe(2);
  });

  it("names every bad field of a standard and stores nothing", async () => {
    const id = await serviceId("Kartu Tanda Pencari Kerja");
    const before = (await gql(`query($id: ID!) { PublicService(id: $id) { standards { id } } }`, { id }, admin)).PublicService.standards;
    const res = await app.gql(`mutation($id: ID!) { saveServiceStandard(serviceId: $id, input: { fee: -1, staffCount: 0, completionTime: 0, completionUnit: DAYS }) { id } }`, { id }, admin);
    expect(errorCode(res)).toBe("BAD_USER_INPUT");
    expect(Object.keys(res.errors![0].extensions!.fields as object).sort()).toEqual(["completionTime", "fee", "staffCount"]);
    expect(res.errors![0].message).not.toMatch(/SELECT|INSERT|at .*\.ts/);
    const mismatch = await app.gql(`mutation($id: ID!) { saveServiceStandard(serviceId: $id, input: { completionTime: 3 }) { id } }`, { id }, admin);
    expect(mismatch.errors![0].extensions!.fields).toHaveProperty("completionUnit");
    expect((await gql(`query($id: ID!) { PublicService(id: $id) { standards { id } } }`, { id }, admin)).PublicService.standards).toEqual(before);
  });

  it("scores completeness per service and per agency from the published standards", async () => {
    const services = (await gql(`{ allPublicServices(perPage: 100) { agencyId completeness active standard { ${STANDARD_FIELDS} } } }`, {}, officer)).allPublicServices;
    const expected = new Map<string, { services: number; published: number; filled: number }>();
    for (const s of services) {
      expect(s.completeness).toBe(s.standard ? filled(s.standard) : 0);
      if (s.standard) expect(s.standard.filledComponents).toBe(filled(s.standard));
      const row = expected.get(s.agencyId) ?? { services: 0, published: 0, filled: 0 };
      row.services++;
      if (s.standard) row.published++;
      row.filled += s.completeness;
      expected.set(s.agencyId, row);
    }
    const rows = (await gql(`{ standardCompleteness { agencyId agency { code } services publishedServices filledComponents possibleComponents percent } }`, {}, officer)).standardCompleteness;
    expect(rows).toHaveLength(expected.size);
    for (const r of rows) {
      const e = expected.get(r.agencyId)!;
      expect(r).toMatchObject({ services: e.services, publishedServices: e.published, filledComponents: e.filled, possibleComponents: e.services * 14 });
      expect(r.percent).toBeCloseTo(Math.round((e.filled / (e.services * 14)) * 1000) / 10, 5);
    }
    // The Disnaker AK/1 standard leaves seven components empty.
    expect(rows.find((r: { agency: { code: string } }) => r.agency.code === "DISNAKER")).toMatchObject({ filledComponents: 7, percent: 50 });
  });
});

/** A standard as input: the fields the editor sends back. */
function pick(s: Standard): Record<string, unknown> {
  const { id: _id, version: _v, filledComponents: _f, publishedAt: _p, supersededAt: _s, ...input } = s;
  return input;
}
