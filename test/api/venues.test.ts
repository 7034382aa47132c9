import { addDays, todayInJakarta } from "../../server/src/common/local-date";
import { errorCode, startTestApp, type GraphQLResponse, type TestApp } from "../support/api-client";

const MPP = "Mal Pelayanan Publik Kabupaten Bekasi";
const GERAI = "Gerai Pelayanan Publik Aeon Mall Deltamas";
const MPP_TENANTS = [
  "DPMPTSP", "DISDUKCAPIL", "BAPENDA", "SAMSAT", "BPJS-KES", "BPJS-TK", "DINSOS", "DINKES", "DISDIK", "DISNAKER", "KPP-CIKARANG", "TIRTA",
  "ATR-BPN", "TASPEN", "POS", "BJB", "IMIGRASI",
];
const COUNTER_FIELDS = "id counterNumber activeFrom activeTo serviceIds agency { code } venue { name }";
const CATALOGUE_AT = `query($v: ID) { publicServices(venueId: $v, perPage: 100) { total items { id name offeredAt { venueId venueName counterNumber } } } }`;

interface Counter {
  id: string;
  counterNumber: number;
  activeFrom: string;
  activeTo: string | null;
  serviceIds: string[];
  agency: { code: string };
  venue: { name: string };
}

describe("venues: the MPP, gerai and offices, their counters, facilities and visitors", () => {
  let app: TestApp;
  let statements = 0;
  let admin: string;
  let editor: string;
  let officer: string;
  let auditor: string;
  const today = todayInJakarta();
  const ids = { mpp: "", gerai: "", dpmptsp: "", disdukcapil: "", polres: "" };

  beforeAll(async () => {
    app = await startTestApp({ onQuery: () => void statements++ });
    [admin, editor, officer, auditor] = await Promise.all(["admin", "editor.dpmptsp", "officer", "auditor"].map((u) => app.login(u)));
    const venues = (await gql(`{ allServiceVenues(perPage: 100) { id name } }`, {}, admin)).allServiceVenues as Array<{ id: string; name: string }>;
    ids.mpp = venues.find((v) => v.name === MPP)!.id;
    ids.gerai = venues.find((v) => v.name === GERAI)!.id;
    const agencies = (await gql(`{ allAgencies(perPage: 100) { id code } }`, {}, admin)).allAgencies as Array<{ id: string; code: string }>;
    ids.dpmptsp = agencies.find((a) => a.code === "DPMPTSP")!.id;
    ids.disdukcapil = agencies.find((a) => a.code === "DISDUKCAPIL")!.id;
    ids.polres = agencies.find((a) => a.code === "POLRES")!.id;
  });
  afterAll(() => app?.close());

  const gql = async (query: string, variables: Record<string, unknown> = {}, token?: string) => {
    const res = await app.gql(query, variables, token);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!;
  };
  const countersAt = async (venueId: string, token = admin, activeOn: string | null = today): Promise<Counter[]> =>
    (await gql(`query($f: VenueCounterFilter) { allVenueCounters(filter: $f, perPage: 100, sortField: "counterNumber") { ${COUNTER_FIELDS} } }`,
      { f: activeOn ? { venueId, activeOn } : { venueId } }, token)).allVenueCounters;
  const serviceId = async (name: string) =>
    (await gql(`query($q: String) { allPublicServices(filter: { q: $q }) { id } }`, { q: name }, admin)).allPublicServices[0].id as string;
  const catalogueAt = async (venueId: string | null) => (await gql(CATALOGUE_AT, { v: venueId })).publicServices;
  const fieldsOf = (res: GraphQLResponse) => Object.keys(res.errors?.[0]?.extensions?.fields ?? {});

  it("seeds the MPP with one counter for each of its 17 tenants, mixed facilities and the real 4 620 visitors of January 2026", async () => {
    const mpp = (await gql(`query($id: ID!) { ServiceVenue(id: $id) { name kind address active agency { id } } }`, { id: ids.mpp }, officer)).ServiceVenue;
    expect(mpp).toMatchObject({ kind: "MPP", active: true, agency: null });
    expect(mpp.address).toContain("Lotte Grosir Cikarang");
    const counters = await countersAt(ids.mpp, officer);
    expect(counters.map((c) => c.agency.code).sort()).toEqual([...MPP_TENANTS].sort());
    expect(new Set(counters.map((c) => c.counterNumber)).size).toBe(counters.length);

    const visits = (await gql(`query($v: ID) { allVenueVisits(filter: { venueId: $v }, sortField: "month") { month visitors synthetic note } }`, { v: ids.mpp }, auditor)).allVenueVisits;
    const january = visits.filter((v: { month: string }) => v.month === "2026-01");
    expect(january).toEqual([{ month: "2026-01", visitors: 4620, synthetic: false, note: expect.stringMatching(/riil|real/i) }]);
    expect(visits.filter((v: { month: string }) => v.month !== "2026-01").every((v: { synthetic: boolean }) => v.synthetic)).toBe(true);
    expect((await gql(`{ _allVenueVisitsMeta(filter: { month: "2026-01", synthetic: false }) { count } }`, {}, admin))._allVenueVisitsMeta.count).toBe(1);

    const facilities = (await gql(`query($v: ID) { allFacilities(filter: { venueId: $v }, perPage: 100) { kind condition venue { name } } }`, { v: ids.mpp }, officer)).allFacilities;
    expect(new Set(facilities.map((f: { condition: string }) => f.condition))).toEqual(new Set(["GOOD", "NEEDS_REPAIR", "MISSING"]));
    const needingRepair = (await gql(`{ allFacilities(filter: { condition: NEEDS_REPAIR }, perPage: 100) { condition } }`, {}, officer)).allFacilities;
    expect(needingRepair.length).toBeGreaterThan(0);
    expect(needingRepair.every((f: { condition: string }) => f.condition === "NEEDS_REPAIR")).toBe(true);
    const offices = (await gql(`{ allServiceVenues(filter: { kind: AGENCY_OFFICE }) { agency { code } } }`, {}, officer)).allServiceVenues;
    expect(offices.map((o: { agency: { code: string } }) => o.agency.code)).toContain("DISDUKCAPIL");
  });

  it("filters the public catalogue by venue to exactly the published services of the counters serving there today", async () => {
    const published = new Set((await catalogueAt(null)).items.map((i: { id: string }) => i.id));
    for (const venue of [ids.mpp, ids.gerai]) {
      const offered = new Set((await countersAt(venue)).flatMap((c) => c.serviceIds));
      const expected = [...offered].filter((id) => published.has(id)).sort();
      const got = await catalogueAt(venue);
      expect(got.items.map((i: { id: string }) => i.id).sort()).toEqual(expected);
      expect(got.total).toBe(expected.length);
      expect(expected.length).toBeGreaterThan(0);
    }
    // The gerai's passport counter closed in 2025; the DTKS letter is offered at the MPP but not published yet.
    const passport = await serviceId("Penerbitan Paspor");
    const dtks = await serviceId("DTKS");
    expect((await catalogueAt(ids.gerai)).items.map((i: { id: string }) => i.id)).not.toContain(passport);
    expect((await countersAt(ids.gerai, admin, null)).some((c) => c.serviceIds.includes(passport))).toBe(true);
    expect((await countersAt(ids.mpp)).some((c) => c.serviceIds.includes(dtks))).toBe(true);
    expect((await catalogueAt(ids.mpp)).items.map((i: { id: string }) => i.id)).not.toContain(dtks);

    // SKCK is offered at the gerai only; a counter that has ended, or not begun, does not bring it to the MPP.
    const skck = await serviceId("SKCK");
    const create = `mutation($v: ID!, $a: ID!, $n: Int!, $s: [ID!], $from: LocalDate!, $to: LocalDate) {
      createVenueCounter(venueId: $v, agencyId: $a, counterNumber: $n, serviceIds: $s, activeFrom: $from, activeTo: $to) { id } }`;
    const ended = (await gql(create, { v: ids.mpp, a: ids.polres, n: 40, s: [skck], from: "2021-01-04", to: addDays(today, -1) }, admin)).createVenueCounter.id;
    const future = (await gql(create, { v: ids.mpp, a: ids.polres, n: 41, s: [skck], from: addDays(today, 1), to: null }, admin)).createVenueCounter.id;
    expect((await catalogueAt(ids.mpp)).items.map((i: { id: string }) => i.id)).not.toContain(skck);
    expect((await catalogueAt(ids.gerai)).items.map((i: { id: string }) => i.id)).toContain(skck);
    // Extending the ended counter to today puts the service in the MPP's catalogue.
    await gql(`mutation($id: ID!) { updateVenueCounter(id: $id, activeTo: null) { id } }`, { id: ended }, admin);
    expect((await catalogueAt(ids.mpp)).items.map((i: { id: string }) => i.id)).toContain(skck);
    for (const id of [ended, future]) await gql(`mutation($id: ID!) { deleteVenueCounter(id: $id) { id } }`, { id }, admin);
    expect((await catalogueAt(ids.mpp)).items.map((i: { id: string }) => i.id)).not.toContain(skck);
  });

  it("shows anonymous visitors where a published service is offered, and nothing else of the venues", async () => {
    const ktp = (await catalogueAt(ids.gerai)).items.find((i: { name: string }) => i.name.includes("KTP"));
    expect(ktp.offeredAt.map((l: { venueName: string }) => l.venueName)).toEqual(expect.arrayContaining([MPP, GERAI, "Kantor Dinas Kependudukan dan Pencatatan Sipil"]));
    const one = (await gql(`query($id: ID!) { publicService(id: $id) { offeredAt { venueId venueKind address openingHours counterNumber } } }`, { id: ktp.id })).publicService;
    expect(one.offeredAt).toContainEqual(expect.objectContaining({ venueId: ids.gerai, venueKind: "GERAI", counterNumber: 1 }));
    const location = (await gql(`{ __type(name: "ServiceLocation") { fields { type { kind ofType { kind } } } } }`)).__type;
    // Only scalars and enums: nothing leads from a location to the venue's counters, facilities or visits.
    for (const f of location.fields) expect(["SCALAR", "ENUM"]).toContain(f.type.ofType?.kind ?? f.type.kind);

    for (const query of [
      `{ allServiceVenues { id } }`, `{ ServiceVenue(id: "${ids.mpp}") { id } }`, `{ allVenueCounters { id } }`, `{ _allVenueCountersMeta { count } }`,
      `{ allFacilities { id } }`, `{ allVenueVisits { visitors } }`, `{ VenueVisits(id: "1") { visitors } }`,
      `mutation { createVenueVisits(venueId: "${ids.mpp}", month: "2026-02", visitors: 1) { id } }`,
      `mutation { updateVenueCounter(id: "1", counterNumber: 99) { id } }`, `mutation { deleteFacility(id: "1") { id } }`,
    ]) {
      expect([query, errorCode(await app.gql(query))]).toEqual([query, "UNAUTHENTICATED"]);
    }
  });

  it("lets an agency editor create, change and remove their own agency's counters only", async () => {
    const nib = await serviceId("Nomor Induk Berusaha");
    const pbg = await serviceId("Persetujuan Bangunan Gedung");
    const ktp = await serviceId("KTP Elektronik");
    const mppCounters = await countersAt(ids.mpp, editor);
    expect(mppCounters).toHaveLength(MPP_TENANTS.length); // editors read every counter of a venue
    const own = mppCounters.find((c) => c.agency.code === "DPMPTSP")!;
    const other = mppCounters.find((c) => c.agency.code === "DISDUKCAPIL")!;

    const reordered = (await gql(`mutation($id: ID!, $s: [ID!]) { updateVenueCounter(id: $id, serviceIds: $s) { serviceIds services { id } } }`,
      { id: own.id, s: [pbg, nib] }, editor)).updateVenueCounter;
    expect(reordered).toEqual({ serviceIds: [pbg, nib], services: [{ id: pbg }, { id: nib }] });
    const created = (await gql(`mutation($v: ID!, $a: ID!, $s: [ID!]) { createVenueCounter(venueId: $v, agencyId: $a, counterNumber: 6, serviceIds: $s, activeFrom: "2026-12-01") { id agency { code } } }`,
      { v: ids.gerai, a: ids.dpmptsp, s: [nib] }, editor)).createVenueCounter;
    expect(created.agency.code).toBe("DPMPTSP");
    await gql(`mutation($id: ID!) { deleteVenueCounter(id: $id) { id } }`, { id: created.id }, editor);

    const refusals: Array<[string, Record<string, unknown>]> = [
      [`mutation($id: ID!) { updateVenueCounter(id: $id, counterNumber: 30) { id } }`, { id: other.id }],
      [`mutation($id: ID!) { deleteVenueCounter(id: $id) { id } }`, { id: other.id }],
      [`mutation($id: ID!, $a: ID!) { updateVenueCounter(id: $id, agencyId: $a) { id } }`, { id: own.id, a: ids.disdukcapil }],
      [`mutation($v: ID!, $a: ID!) { createVenueCounter(venueId: $v, agencyId: $a, counterNumber: 31, activeFrom: "2026-01-01") { id } }`, { v: ids.mpp, a: ids.disdukcapil }],
      [`mutation { createServiceVenue(name: "Gerai Baru", kind: GERAI, address: "Jl. Contoh No. 1") { id } }`, {}],
      [`mutation($v: ID!) { createFacility(venueId: $v, kind: TOILET, condition: GOOD) { id } }`, { v: ids.mpp }],
      [`mutation($v: ID!) { createVenueVisits(venueId: $v, month: "2025-07", visitors: 10) { id } }`, { v: ids.mpp }],
    ];
    for (const [query, variables] of refusals) expect([query, errorCode(await app.gql(query, variables, editor))]).toEqual([query, "FORBIDDEN"]);
    for (const token of [officer, auditor]) {
      expect(errorCode(await app.gql(`mutation($id: ID!) { updateVenueCounter(id: $id, counterNumber: 30) { id } }`, { id: own.id }, token))).toBe("FORBIDDEN");
    }
    // Another agency's service cannot be put on one's own counter.
    const foreign = await app.gql(`mutation($id: ID!, $s: [ID!]) { updateVenueCounter(id: $id, serviceIds: $s) { id } }`, { id: own.id, s: [nib, ktp] }, editor);
    expect(errorCode(foreign)).toBe("BAD_USER_INPUT");
    expect(fieldsOf(foreign)).toEqual(["serviceIds.1"]);
    // Nothing refused was written; an editor sees only their own agency's services on other counters.
    const after = await countersAt(ids.mpp, editor);
    expect(after.find((c) => c.id === other.id)).toEqual(other);
    expect(after.find((c) => c.id === own.id)!.serviceIds).toEqual([pbg, nib]);
    const seenByEditor = (await gql(`query($id: ID!) { VenueCounter(id: $id) { services { id } } }`, { id: other.id }, editor)).VenueCounter.services;
    expect(seenByEditor).toEqual([]);
    expect((await gql(`query($id: ID!) { VenueCounter(id: $id) { services { id } } }`, { id: other.id }, admin)).VenueCounter.services).toHaveLength(3);
  });

  it("refuses invalid counters, visits and venues with BAD_USER_INPUT naming the field, and leaves the database unchanged", async () => {
    const counts = async () => (await gql(`{ c: _allVenueCountersMeta { count } v: _allVenueVisitsMeta { count } s: _allServiceVenuesMeta { count } f: _allFacilitiesMeta { count } }`, {}, admin));
    const before = await counts();
    const mppCounters = await countersAt(ids.mpp);
    const disdukcapil = mppCounters.find((c) => c.agency.code === "DISDUKCAPIL")!;
    const bad: Array<[string, Record<string, unknown>, string, RegExp]> = [
      [`mutation($v: ID!, $a: ID!) { createVenueCounter(venueId: $v, agencyId: $a, counterNumber: ${disdukcapil.counterNumber}, activeFrom: "2026-06-01") { id } }`,
        { v: ids.mpp, a: ids.polres }, "counterNumber", /already in use/],
      [`mutation($v: ID!, $a: ID!) { createVenueCounter(venueId: $v, agencyId: $a, counterNumber: 41, activeFrom: "2026-06-01", activeTo: "2026-05-31") { id } }`,
        { v: ids.mpp, a: ids.polres }, "activeTo", /on or after activeFrom/],
      [`mutation($v: ID!, $a: ID!) { createVenueCounter(venueId: $v, agencyId: $a, counterNumber: 0, activeFrom: "2026-06-01") { id } }`,
        { v: ids.mpp, a: ids.polres }, "counterNumber", /at least 1/],
      [`mutation($id: ID!) { updateVenueCounter(id: $id, activeTo: "2019-12-31") { id } }`, { id: disdukcapil.id }, "activeTo", /on or after activeFrom/],
      [`mutation($v: ID!) { createVenueVisits(venueId: $v, month: "2025-07", visitors: -1) { id } }`, { v: ids.mpp }, "visitors", /must not be negative/],
      [`mutation($v: ID!) { createVenueVisits(venueId: $v, month: "2025-13", visitors: 10) { id } }`, { v: ids.mpp }, "month", /YYYY-MM/],
      [`mutation($v: ID!) { createVenueVisits(venueId: $v, month: "2099-01", visitors: 10) { id } }`, { v: ids.mpp }, "month", /current month/],
      [`mutation { createServiceVenue(name: "Kantor Tanpa Instansi", kind: AGENCY_OFFICE, address: "Jl. Contoh No. 2") { id } }`, {}, "agencyId", /required/],
      [`mutation($v: ID!) { createFacility(venueId: $v, kind: TOILET, condition: GOOD, lastInspected: "2099-01-01") { id } }`, { v: ids.mpp }, "lastInspected", /after today/],
    ];
    for (const [query, variables, field, message] of bad) {
      const res = await app.gql(query, variables, admin);
      expect([query, errorCode(res), fieldsOf(res)]).toEqual([query, "BAD_USER_INPUT", [field]]);
      expect(res.errors![0].message).toMatch(message);
    }
    const duplicate = await app.gql(`mutation($v: ID!) { createVenueVisits(venueId: $v, month: "2026-01", visitors: 1) { id } }`, { v: ids.mpp }, admin);
    expect(errorCode(duplicate)).toBe("CONFLICT");
    expect(await counts()).toEqual(before);
    expect(await countersAt(ids.mpp)).toEqual(mppCounters);
    const january = (await gql(`{ allVenueVisits(filter: { month: "2026-01" }) { venue { name } visitors } }`, {}, admin)).allVenueVisits;
    expect(january).toContainEqual({ venue: { name: MPP }, visitors: 4620 });

    // The same number is free at the venue in a period that does not overlap (before the MPP opened).
    const earlier = (await gql(`mutation($v: ID!, $a: ID!) { createVenueCounter(venueId: $v, agencyId: $a, counterNumber: ${disdukcapil.counterNumber}, activeFrom: "2019-01-02", activeTo: "2019-12-31") { id } }`,
      { v: ids.mpp, a: ids.polres }, admin)).createVenueCounter;
    await gql(`mutation($id: ID!) { deleteVenueCounter(id: $id) { id } }`, { id: earlier.id }, admin);
  });

  it("resolves counters' venue, agency and services with a fixed number of statements however many counters are listed", async () => {
    const list = `query($pp: Int) { allVenueCounters(perPage: $pp) { id venue { name } agency { shortName } services { name agency { code } } } }`;
    const measure = async (perPage: number) => {
      statements = 0;
      const rows = (await gql(list, { pp: perPage }, officer)).allVenueCounters;
      return { rows: rows.length, statements };
    };
    const few = await measure(3);
    const many = await measure(100);
    expect(many.rows).toBeGreaterThan(20);
    expect(many.statements).toBe(few.statements);
  });
});
