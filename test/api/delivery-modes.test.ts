import { todayInJakarta } from "../../server/src/common/local-date";
import { openRawDatabase } from "../support/revenue-oracle";
import { errorCode, startTestApp, type GraphQLResponse, type TestApp } from "../support/api-client";

const MODE_FIELDS = "id serviceId mode venueId venue { name } url fullyOnline postageBorneBy typicalDays places frequency note";
const SET = `mutation($s: ID!, $m: [DeliveryModeInput!]!) { setServiceDeliveryModes(serviceId: $s, modes: $m) { ${MODE_FIELDS} } }`;
const CATALOGUE = `query($mode: DeliveryMode, $remote: Boolean) { publicServices(deliveryMode: $mode, remote: $remote, perPage: 100) {
  total items { id name deliveryModes { mode venueId venue { name } url fullyOnline postageBorneBy typicalDays places frequency } } } }`;
const MPP = "Mal Pelayanan Publik Kabupaten Bekasi";
const GERAI = "Gerai Pelayanan Publik Aeon Mall Deltamas";
const DUKCAPIL_DOCUMENTS = ["Penerbitan KTP Elektronik (KTP-el)", "Penerbitan Kartu Keluarga", "Penerbitan Akta Kelahiran"];

interface Mode {
  id: string;
  serviceId: string;
  mode: string;
  venueId: string | null;
  venue: { name: string } | null;
  url: string | null;
  fullyOnline: boolean | null;
  postageBorneBy: string | null;
  typicalDays: number | null;
  places: string | null;
  frequency: string | null;
  note: string | null;
}
type CatalogueItem = { id: string; name: string; deliveryModes: Array<Omit<Mode, "id" | "serviceId" | "note">> };

describe("service delivery modes: counter, online, post, outreach", () => {
  let app: TestApp;
  let statements = 0;
  let admin: string;
  let editor: string;
  let officer: string;
  let auditor: string;
  const service: Record<string, string> = {};
  const venue: Record<string, string> = {};
  const today = todayInJakarta();

  beforeAll(async () => {
    app = await startTestApp({ onQuery: () => void statements++ });
    [admin, editor, officer, auditor] = await Promise.all(["admin", "editor.dpmptsp", "officer", "auditor"].map((u) => app.login(u)));
    for (const s of (await gql(`{ allPublicServices(perPage: 100) { id name } }`, {}, admin)).allPublicServices as Array<{ id: string; name: string }>) service[s.name] = s.id;
    for (const v of (await gql(`{ allServiceVenues(perPage: 100) { id name } }`, {}, admin)).allServiceVenues as Array<{ id: string; name: string }>) venue[v.name] = v.id;
  });
  afterAll(() => app?.close());

  const gql = async (query: string, variables: Record<string, unknown> = {}, token?: string) => {
    const res = await app.gql(query, variables, token);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!;
  };
  const fieldsOf = (res: GraphQLResponse) => Object.keys(res.errors?.[0]?.extensions?.fields ?? {});
  const modesOf = async (serviceId: string, token = admin): Promise<Mode[]> =>
    (await gql(`query($id: ID!) { PublicService(id: $id) { deliveryModes { ${MODE_FIELDS} } } }`, { id: serviceId }, token)).PublicService.deliveryModes;
  const catalogue = async (variables: Record<string, unknown> = {}): Promise<{ total: number; items: CatalogueItem[] }> =>
    (await gql(CATALOGUE, variables)).publicServices;
  const counter = (venueId: string, note: string | null = null) => ({ mode: "COUNTER", venueId, note });
  const online = (url: string, fullyOnline: boolean) => ({ mode: "ONLINE", url, fullyOnline });
  const postal = (postageBorneBy: string, typicalDays: number) => ({ mode: "POSTAL_DELIVERY", postageBorneBy, typicalDays });
  const outreach = (places: string, frequency: string) => ({ mode: "OUTREACH", places, frequency });

  it("seeds counters where services are offered today, online applications, and Sitepak's post and Botram's outreach for Disdukcapil's documents", async () => {
    const counters = (await gql(`query($d: LocalDate) { allVenueCounters(filter: { activeOn: $d }, perPage: 100) { venueId serviceIds } }`, { d: today }, officer))
      .allVenueCounters as Array<{ venueId: string; serviceIds: string[] }>;
    const services = (await gql(`{ allPublicServices(perPage: 100) { id name onlineUrl deliveryModes { mode venueId url fullyOnline } } }`, {}, officer))
      .allPublicServices as Array<{ id: string; name: string; onlineUrl: string | null; deliveryModes: Mode[] }>;
    for (const s of services) {
      const venues = [...new Set(counters.filter((c) => c.serviceIds.includes(s.id)).map((c) => c.venueId))].sort();
      expect([s.name, s.deliveryModes.filter((m) => m.mode === "COUNTER").map((m) => m.venueId!).sort()]).toEqual([s.name, venues]);
      expect([s.name, s.deliveryModes.filter((m) => m.mode === "ONLINE").map((m) => m.url)]).toEqual([s.name, s.onlineUrl ? [s.onlineUrl] : []]);
    }
    expect(services.find((s) => s.name.startsWith("Nomor Induk Berusaha"))!.deliveryModes.find((m) => m.mode === "ONLINE")!.fullyOnline).toBe(true);
    expect(services.find((s) => s.name === "Penerbitan Paspor")!.deliveryModes.find((m) => m.mode === "ONLINE")!.fullyOnline).toBe(false);

    for (const name of DUKCAPIL_DOCUMENTS) {
      const modes = await modesOf(service[name], officer);
      expect(modes.map((m) => m.mode)).toEqual(["COUNTER", "COUNTER", ...(name.includes("Akta") ? [] : ["COUNTER"]), "POSTAL_DELIVERY", "OUTREACH"]);
      expect(modes.find((m) => m.mode === "POSTAL_DELIVERY")).toMatchObject({ postageBorneBy: "GOVERNMENT", typicalDays: 7, note: expect.stringMatching(/Sitepak/) });
      expect(modes.find((m) => m.mode === "OUTREACH")).toMatchObject({
        places: "desa/kelurahan, sekolah, rumah sakit, panti", frequency: "terjadwal", note: expect.stringMatching(/Botram/), venueId: null, url: null,
      });
    }
    // Delivered at the market by collectors: no venue, no other mode.
    expect(await modesOf(service["Retribusi Pelayanan Pasar (LAPERA)"])).toEqual([]);
  });

  it("replaces a service's modes as a whole and reads them back, in order, through the service and the public catalogue", async () => {
    const skck = service["Surat Keterangan Catatan Kepolisian (SKCK)"];
    const modes = [
      counter(venue[GERAI], "Loket 4"), counter(venue[MPP]), online("https://skck.polri.go.id", false), postal("APPLICANT", 3),
      outreach("sekolah, kampus", "setiap Selasa dan Kamis"), outreach("kawasan industri", "sebulan sekali"),
    ];
    const empty = { venueId: null, url: null, fullyOnline: null, postageBorneBy: null, typicalDays: null, places: null, frequency: null, note: null };
    const expected = modes.map((m) => ({ ...empty, ...m, serviceId: skck, venue: "venueId" in m ? { name: m.venueId === venue[MPP] ? MPP : GERAI } : null }));
    const saved: Mode[] = (await gql(SET, { s: skck, m: modes }, admin)).setServiceDeliveryModes;
    expect(saved.map(({ id: _id, ...rest }) => rest)).toEqual(expected);
    expect(await modesOf(skck, officer)).toEqual(saved);
    const entry = (await gql(`query($id: ID!) { publicService(id: $id) { deliveryModes { ${MODE_FIELDS} } } }`, { id: skck })).publicService;
    expect(entry.deliveryModes).toEqual(saved);

    // Blank texts are taken as empty; an empty list removes every mode.
    const again: Mode[] = (await gql(SET, { s: skck, m: [{ ...counter(venue[GERAI]), url: "  ", note: " " }] }, admin)).setServiceDeliveryModes;
    expect(again.map(({ id: _id, ...rest }) => rest)).toEqual([{ ...empty, mode: "COUNTER", venueId: venue[GERAI], venue: { name: GERAI }, serviceId: skck }]);
    expect((await gql(SET, { s: skck, m: [] }, admin)).setServiceDeliveryModes).toEqual([]);
    expect(await modesOf(skck)).toEqual([]);
    await gql(SET, { s: skck, m: [counter(venue[GERAI])] }, admin);

    const db = await openRawDatabase(app);
    try {
      const rows = await db.dataSource.query(`SELECT action, after FROM audit_entry WHERE entity = 'ServiceDeliveryModes' AND entity_id = '${Number(skck)}' ORDER BY id`);
      expect(rows).toHaveLength(4);
      const first = typeof rows[0].after === "string" ? JSON.parse(rows[0].after) : rows[0].after;
      expect(JSON.parse(first.modes)).toHaveLength(6);
    } finally {
      await db.close();
    }
  });

  it("refuses a mode missing its own fields or carrying another mode's, naming modes.<i>.<field>, and keeps the previous set", async () => {
    const ktp = service["Penerbitan KTP Elektronik (KTP-el)"];
    const before = await modesOf(ktp);
    const ok = counter(venue[MPP]);
    const bad: Array<[Array<Record<string, unknown>>, string[]]> = [
      [[{ mode: "COUNTER" }], ["modes.0.venueId"]],
      [[ok, { ...counter(venue[GERAI]), url: "https://x.go.id", typicalDays: 3 }], ["modes.1.url", "modes.1.typicalDays"]],
      [[{ mode: "ONLINE", url: "https://x.go.id" }], ["modes.0.fullyOnline"]],
      [[{ mode: "ONLINE", fullyOnline: true }], ["modes.0.url"]],
      [[online("ftp://x.go.id", true)], ["modes.0.url"]],
      [[{ ...online("https://x.go.id", true), venueId: venue[MPP] }], ["modes.0.venueId"]],
      [[{ mode: "POSTAL_DELIVERY", typicalDays: 3 }], ["modes.0.postageBorneBy"]],
      [[{ mode: "POSTAL_DELIVERY", postageBorneBy: "GOVERNMENT" }], ["modes.0.typicalDays"]],
      [[postal("GOVERNMENT", 61)], ["modes.0.typicalDays"]],
      [[postal("GOVERNMENT", 0)], ["modes.0.typicalDays"]],
      [[{ ...postal("GOVERNMENT", 5), fullyOnline: false }], ["modes.0.fullyOnline"]],
      [[{ mode: "OUTREACH", places: "desa" }], ["modes.0.frequency"]],
      [[{ mode: "OUTREACH", frequency: "terjadwal", places: " " }], ["modes.0.places"]],
      [[{ ...outreach("desa", "terjadwal"), postageBorneBy: "APPLICANT" }], ["modes.0.postageBorneBy"]],
      [[ok, online("https://a.go.id", true), online("https://b.go.id", false)], ["modes.2.mode"]],
      [[postal("GOVERNMENT", 5), ok, postal("APPLICANT", 5)], ["modes.2.mode"]],
      [[ok, counter(venue[GERAI]), counter(venue[MPP])], ["modes.2.venueId"]],
      [[ok, counter("999999")], ["modes.1.venueId"]],
      [[ok, { ...ok, note: "x".repeat(501) }], ["modes.1.note"]],
    ];
    for (const [modes, fields] of bad) {
      const res = await app.gql(SET, { s: ktp, m: modes }, admin);
      expect([modes, errorCode(res), fieldsOf(res).sort()]).toEqual([modes, "BAD_USER_INPUT", [...fields].sort()]);
    }
    expect(await modesOf(ktp)).toEqual(before);
    expect(errorCode(await app.gql(SET, { s: "999999", m: [] }, admin))).toBe("NOT_FOUND");
  });

  it("lets whoever may edit the service set its modes: an agency editor their own agency's only", async () => {
    const nib = service["Nomor Induk Berusaha (NIB) dan Izin Usaha"];
    const ktp = service["Penerbitan KTP Elektronik (KTP-el)"];
    const [nibBefore, ktpBefore] = [await modesOf(nib), await modesOf(ktp)];
    const set = (await gql(SET, { s: nib, m: [counter(venue[MPP]), online("https://oss.go.id", true)] }, editor)).setServiceDeliveryModes;
    expect(set.map((m: Mode) => m.mode)).toEqual(["COUNTER", "ONLINE"]);
    expect(errorCode(await app.gql(SET, { s: ktp, m: [] }, editor))).toBe("FORBIDDEN");
    for (const token of [officer, auditor]) expect(errorCode(await app.gql(SET, { s: nib, m: [] }, token))).toBe("FORBIDDEN");
    expect(errorCode(await app.gql(SET, { s: nib, m: [] }))).toBe("UNAUTHENTICATED");
    for (const username of ["pemungut.cikarang", "kepala.cikarang"]) {
      const token = await app.login(username);
      expect(errorCode(await app.gql(`query($id: ID!) { PublicService(id: $id) { deliveryModes { mode } } }`, { id: nib }, token))).toBe("FORBIDDEN");
    }
    expect(await modesOf(ktp)).toEqual(ktpBefore);
    await gql(SET, { s: nib, m: nibBefore.map(({ mode, venueId, url, fullyOnline }) => ({ mode, venueId, url, fullyOnline })) }, admin);
    expect(await modesOf(nib)).toEqual(expect.arrayContaining(nibBefore.map(({ id: _id, ...m }) => expect.objectContaining(m))));
  });

  it("filters the public catalogue to exactly the services delivered in a mode, or without going to an office", async () => {
    // A fully online passport application makes it remote; DPMPTSP's PBG gets outreach only.
    const paspor = service["Penerbitan Paspor"];
    await gql(SET, { s: paspor, m: [online("https://www.imigrasi.go.id", true)] }, admin);
    await gql(SET, { s: service["Persetujuan Bangunan Gedung (PBG)"], m: [outreach("kecamatan", "setiap bulan")] }, admin);
    const everything = await catalogue();
    expect(everything.total).toBeGreaterThan(5);
    for (const mode of ["COUNTER", "ONLINE", "POSTAL_DELIVERY", "OUTREACH"]) {
      const expected = everything.items.filter((i) => i.deliveryModes.some((m) => m.mode === mode)).map((i) => i.id).sort();
      const got = await catalogue({ mode });
      expect([mode, got.items.map((i) => i.id).sort(), got.total]).toEqual([mode, expected, expected.length]);
      expect([mode, expected.length > 0]).toEqual([mode, true]);
    }
    const remote = everything.items
      .filter((i) => i.deliveryModes.some((m) => m.mode === "POSTAL_DELIVERY" || m.mode === "OUTREACH" || (m.mode === "ONLINE" && m.fullyOnline)))
      .map((i) => i.id).sort();
    expect((await catalogue({ remote: true })).items.map((i) => i.id).sort()).toEqual(remote);
    expect(remote).toEqual(expect.arrayContaining([paspor, service["Penerbitan Kartu Keluarga"]]));
    // PBG has no counter now; the draft-only DTKS letter has a counter but is not in the catalogue.
    const counters = (await catalogue({ mode: "COUNTER" })).items.map((i) => i.id);
    expect(counters).not.toContain(service["Persetujuan Bangunan Gedung (PBG)"]);
    expect(counters).not.toContain(service["Surat Keterangan Terdaftar DTKS"]);
    expect((await catalogue({ remote: false })).total).toBe(everything.total);
    expect((await catalogue({ mode: "POSTAL_DELIVERY", remote: true })).items.map((i) => i.name).sort()).toEqual([...DUKCAPIL_DOCUMENTS].sort());
    const ktp = everything.items.find((i) => i.name === DUKCAPIL_DOCUMENTS[0])!;
    expect(ktp.deliveryModes.filter((m) => m.mode === "COUNTER").map((m) => m.venue!.name)).toEqual(expect.arrayContaining([MPP, GERAI]));
  });

  it("loads services' modes and their venues with a fixed number of statements however many services are listed", async () => {
    const measure = async (query: string, perPage: number, token?: string) => {
      statements = 0;
      const res = await app.gql(query, { pp: perPage }, token);
      expect(res.errors).toBeUndefined();
      return statements;
    };
    const staff = `query($pp: Int) { allPublicServices(perPage: $pp) { id deliveryModes { mode venue { name } } } }`;
    expect(await measure(staff, 50, officer)).toBe(await measure(staff, 5, officer));
    const visitors = `query($pp: Int) { publicServices(perPage: $pp) { items { id innovations deliveryModes { mode venue { name } } } } }`;
    expect(await measure(visitors, 50)).toBe(await measure(visitors, 2));
  });
});
