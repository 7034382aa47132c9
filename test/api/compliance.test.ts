import { ConfigError, loadConfig } from "../../server/src/config";
import { openDatabase, type Database } from "../../server/src/database/database";
import { DEFAULT_COMPLIANCE_BANDS, parseComplianceBands } from "../../server/src/modules/compliance/compliance-bands";
import { errorCode, startTestApp, type GraphQLResponse, type TestApp } from "../support/api-client";

/** The glossary's real 2022 scores of Kabupaten Bekasi, by demo agency code (hundredths). */
const REAL_2022: Record<string, number> = {
  DPMPTSP: 8270, DISDUKCAPIL: 7745, DINKES: 6629, DINSOS: 6272, DISDIK: 6262, "PKM-CIKARANG": 8348, "PKM-CIBATU": 7591,
};

const ASSESSMENT_FIELDS = "id agencyId year score inputScore processScore outputScore complaintsScore assessor note category zone";
const SUMMARY_FIELDS = `year assessedUnits unitsAverage publishedAverage publishedSource average averageSource category zone previousAverage change target gap
  bands { category zone minScore maxScore }
  units { assessmentId agencyId agency { code } score category zone previousScore change }`;
const CREATE = `mutation($agencyId: ID!, $year: Int!, $score: Float!, $inputScore: Float, $processScore: Float, $outputScore: Float, $complaintsScore: Float, $note: String) {
  createComplianceAssessment(agencyId: $agencyId, year: $year, score: $score, inputScore: $inputScore, processScore: $processScore, outputScore: $outputScore,
    complaintsScore: $complaintsScore, assessor: "Tim uji", note: $note) { ${ASSESSMENT_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $score: Float, $year: Int, $agencyId: ID, $inputScore: Float) {
  updateComplianceAssessment(id: $id, score: $score, year: $year, agencyId: $agencyId, inputScore: $inputScore) { ${ASSESSMENT_FIELDS} } }`;

/** Integer hundredths of a two-decimal number the API returned. */
const h = (score: number) => Math.round(score * 100);
/** The test's own rounding: integer quotient and remainder, a remainder of half or more rounds up. */
function averageOf(hundredths: number[]): number {
  const sum = hundredths.reduce((a, b) => a + b, 0);
  const quotient = Math.floor(sum / hundredths.length);
  const remainder = sum - quotient * hundredths.length;
  return 2 * remainder >= hundredths.length ? quotient + 1 : quotient;
}

describe("Ombudsman compliance", () => {
  let app: TestApp;
  let admin: string;
  let auditor: string;
  let editor: string;
  let collector: string;
  let officer: string;
  const agency: Record<string, string> = {};

  beforeAll(async () => {
    app = await startTestApp();
    [admin, auditor, editor, collector, officer] = await Promise.all(
      ["admin", "auditor", "editor.dpmptsp", "pemungut.cikarang", "officer"].map((u) => app.login(u)),
    );
    const res = await app.gql(`{ allAgencies(perPage: 100) { id code } }`, {}, admin);
    for (const a of res.data!.allAgencies as Array<{ id: string; code: string }>) agency[a.code] = a.id;
  });
  afterAll(() => app?.close());

  const gql = async (query: string, variables: Record<string, unknown> = {}, token = admin) => {
    const res = await app.gql(query, variables, token);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!;
  };
  const summary = async (year: number, token = auditor) => (await gql(`query($y: Int!) { complianceSummary(year: $y) { ${SUMMARY_FIELDS} } }`, { y: year }, token)).complianceSummary;
  const create = async (variables: Record<string, unknown>) => (await gql(CREATE, variables)).createComplianceAssessment;
  const fields = (res: GraphQLResponse) => Object.keys(res.errors?.[0]?.extensions?.fields ?? {}).sort();

  it("returns the seeded real 2022 scores and their average 73,02 (C), with the published averages of 2023 and 2024", async () => {
    const units = (await gql(`{ allComplianceAssessments(filter: { year: 2022 }, perPage: 50) { score agency { code } } }`, {}, auditor)).allComplianceAssessments as Array<{ score: number; agency: { code: string } }>;
    expect(Object.fromEntries(units.map((u) => [u.agency.code, h(u.score)]))).toEqual(REAL_2022);
    const own = averageOf(units.map((u) => h(u.score)));
    expect(own).toBe(7302);

    const s2022 = await summary(2022);
    expect(s2022).toMatchObject({
      year: 2022, assessedUnits: 7, unitsAverage: 73.02, publishedAverage: 73.02, average: 73.02, averageSource: "PUBLISHED", category: "C", zone: "KUNING",
      previousAverage: null, change: null, target: null, gap: null,
    });
    expect(s2022.publishedSource).toContain("Ombudsman");
    // Highest first, each classified with the 2022 bands; nobody was assessed in 2021.
    expect(s2022.units.map((u: { agency: { code: string } }) => u.agency.code)).toEqual(
      Object.entries(REAL_2022).sort((a, b) => b[1] - a[1]).map(([code]) => code),
    );
    expect(s2022.units.find((u: { agency: { code: string } }) => u.agency.code === "PKM-CIKARANG")).toMatchObject({ score: 83.48, category: "B", zone: "HIJAU", previousScore: null, change: null });
    expect(s2022.units.find((u: { agency: { code: string } }) => u.agency.code === "DISDIK")).toMatchObject({ score: 62.62, category: "C", zone: "KUNING" });
    expect(s2022.bands.map((b: { category: string }) => b.category)).toEqual(["A", "B", "C", "D", "E"]);

    expect(await summary(2023)).toMatchObject({
      assessedUnits: 0, unitsAverage: null, publishedAverage: 83.22, average: 83.22, averageSource: "PUBLISHED", category: "B", zone: "HIJAU",
      previousAverage: 73.02, change: (8322 - 7302) / 100, units: [],
    });
    expect(await summary(2024)).toMatchObject({ average: 87.88, category: "B", zone: "HIJAU", previousAverage: 83.22, change: (8788 - 8322) / 100 });
    expect(await summary(2025)).toMatchObject({ average: null, averageSource: null, category: null, zone: null, previousAverage: 87.88, change: null, target: 90, gap: null });
  });

  it("derives category and zone at every band edge, from the bands of the assessment's year", async () => {
    const created = await create({ agencyId: agency.SETDA, year: 2025, score: 88.01 });
    const at = async (score: number, year?: number) => {
      const a = (await gql(UPDATE, { id: created.id, score, year })).updateComplianceAssessment;
      expect(a.score).toBe(score);
      return [a.category, a.zone];
    };
    const from2022: Array<[number, string, string]> = [
      [100, "A", "HIJAU"], [88.01, "A", "HIJAU"], [88.0, "B", "HIJAU"], [78.01, "B", "HIJAU"], [78.0, "C", "KUNING"], [56.01, "C", "KUNING"],
      [56.0, "D", "MERAH"], [44.01, "D", "MERAH"], [44.0, "E", "MERAH"], [0, "E", "MERAH"],
    ];
    for (const [score, category, zone] of from2022) expect([score, ...(await at(score))]).toEqual([score, category, zone]);

    const until2021: Array<[number, string]> = [[100, "HIJAU"], [81.0, "HIJAU"], [80.99, "KUNING"], [51.0, "KUNING"], [50.99, "MERAH"], [0, "MERAH"]];
    for (const [score, zone] of until2021) expect([score, ...(await at(score, 2021))]).toEqual([score, null, zone]);

    // The same score in the first year of the new bands.
    expect(await at(80.99, 2022)).toEqual(["B", "HIJAU"]);
    expect(await at(80.99, 2021)).toEqual([null, "KUNING"]);
    // Reads derive the same as writes.
    expect((await gql(`query($id: ID!) { ComplianceAssessment(id: $id) { category zone } }`, { id: created.id }, auditor)).ComplianceAssessment).toEqual({ category: null, zone: "KUNING" });
    expect((await gql(`mutation($id: ID!) { deleteComplianceAssessment(id: $id) { id } }`, { id: created.id })).deleteComplianceAssessment.id).toBe(created.id);
  });

  it("refuses scores with more than two decimals or outside 0-100, naming the fields", async () => {
    const base = { agencyId: agency.SETDA, year: 2020 };
    let res = await app.gql(CREATE, { ...base, score: 73.025 }, admin);
    expect(errorCode(res)).toBe("BAD_USER_INPUT");
    expect(fields(res)).toEqual(["score"]);
    expect(res.errors![0].extensions!.fields!.score).toMatch(/two decimals/);

    res = await app.gql(CREATE, { ...base, score: 70, inputScore: 12.345, complaintsScore: 100.01, outputScore: -0.01 }, admin);
    expect(errorCode(res)).toBe("BAD_USER_INPUT");
    expect(fields(res)).toEqual(["complaintsScore", "inputScore", "outputScore"]);

    // In the query text as well as in variables.
    res = await app.gql(`mutation { createComplianceAssessment(agencyId: "${agency.SETDA}", year: 2020, score: 88.001, assessor: "Tim uji") { id } }`, {}, admin);
    expect(errorCode(res)).toBe("BAD_USER_INPUT");
    expect(fields(res)).toEqual(["score"]);

    res = await app.gql(`mutation { createComplianceTarget(year: 2030, target: 90.001) { id } }`, {}, admin);
    expect([errorCode(res), fields(res)]).toEqual(["BAD_USER_INPUT", ["target"]]);
    res = await app.gql(`mutation { createCompliancePublishedAverage(year: 2020, average: 83.225, source: "Ombudsman RI") { id } }`, {}, admin);
    expect([errorCode(res), fields(res)]).toEqual(["BAD_USER_INPUT", ["average"]]);

    const dpmptsp2022 = (await gql(`query($a: ID) { allComplianceAssessments(filter: { agencyId: $a, year: 2022 }) { id } }`, { a: agency.DPMPTSP })).allComplianceAssessments[0].id;
    res = await app.gql(UPDATE, { id: dpmptsp2022, score: 82.705 }, admin);
    expect([errorCode(res), fields(res)]).toEqual(["BAD_USER_INPUT", ["score"]]);
    res = await app.gql(CREATE, { ...base, year: 2099, score: 70 }, admin);
    expect([errorCode(res), fields(res)]).toEqual(["BAD_USER_INPUT", ["year"]]);
    res = await app.gql(CREATE, { ...base, agencyId: "999999", score: 70 }, admin);
    expect([errorCode(res), fields(res)]).toEqual(["BAD_USER_INPUT", ["agencyId"]]);
    // Nothing of it was stored.
    expect((await gql(`{ _allComplianceAssessmentsMeta(filter: { year: 2020 }) { count } }`)). _allComplianceAssessmentsMeta.count).toBe(0);
  });

  it("keeps scores exact: integer hundredths in the database, the same two-decimal numbers back", async () => {
    // Numbers whose x * 100 is not an integer in binary floating point (0.29 * 100 = 28.999999999999996).
    const values = [0.07, 0.29, 1.15, 4.35, 8.2, 33.33, 57.57, 64.1, 80.99, 99.99, 100, 0];
    const created = await create({ agencyId: agency.DISNAKER, year: 2017, score: 0.29, inputScore: 1.15, processScore: 4.35, outputScore: 57.57, complaintsScore: 99.99 });
    expect(created).toMatchObject({ score: 0.29, inputScore: 1.15, processScore: 4.35, outputScore: 57.57, complaintsScore: 99.99 });
    const read = async () => (await gql(`query($id: ID!) { ComplianceAssessment(id: $id) { score inputScore } }`, { id: created.id }, auditor)).ComplianceAssessment;
    for (const v of values) {
      await gql(UPDATE, { id: created.id, score: v, inputScore: v });
      expect(await read()).toEqual({ score: v, inputScore: v });
    }
    // The response text carries the decimal as written.
    await gql(UPDATE, { id: created.id, score: 64.1, inputScore: 0.07 });
    const raw = await (await fetch(`${app.url}/graphql`, {
      method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${auditor}` },
      body: JSON.stringify({ query: `query($id: ID!) { ComplianceAssessment(id: $id) { score inputScore } }`, variables: { id: created.id } }),
    })).text();
    expect(raw).toContain(`"score":64.1,"inputScore":0.07`);

    const db: Database = await openDatabase({ databaseUrl: app.db.databaseUrl, sqlitePath: app.db.sqlitePath });
    try {
      const [row] = await db.dataSource.query(`SELECT score_hundredths AS s, input_score_hundredths AS i, process_score_hundredths AS p FROM compliance_assessment WHERE id = ${Number(created.id)}`);
      expect([Number(row.s), Number(row.i), Number(row.p)]).toEqual([6410, 7, 435]);
      const audited = await db.dataSource.query(`SELECT COUNT(*) AS n FROM audit_entry WHERE entity = 'ComplianceAssessment' AND entity_id = '${Number(created.id)}'`);
      expect(Number(audited[0].n)).toBe(values.length + 2);
    } finally {
      await db.close();
    }
    // Every two-decimal value from 0 to 100 survives the Float and back.
    for (let n = 0; n <= 10000; n++) expect(Math.round((n / 100) * 100)).toBe(n);
    await gql(`mutation($id: ID!) { deleteComplianceAssessment(id: $id) { id } }`, { id: created.id });
  });

  it("allows one assessment per agency and year, one target and one published average per year (CONFLICT)", async () => {
    let res = await app.gql(CREATE, { agencyId: agency.DPMPTSP, year: 2022, score: 90 }, admin);
    expect(errorCode(res)).toBe("CONFLICT");
    const other = await create({ agencyId: agency.DPMPTSP, year: 2016, score: 60 });
    res = await app.gql(UPDATE, { id: other.id, year: 2022 }, admin);
    expect(errorCode(res)).toBe("CONFLICT");
    await gql(`mutation($id: ID!) { deleteComplianceAssessment(id: $id) { id } }`, { id: other.id });
    expect(errorCode(await app.gql(`mutation { createComplianceTarget(year: 2025, target: 95) { id } }`, {}, admin))).toBe("CONFLICT");
    expect(errorCode(await app.gql(`mutation { createCompliancePublishedAverage(year: 2023, average: 80, source: "lain") { id } }`, {}, admin))).toBe("CONFLICT");
  });

  it("gives each unit its change from the previous year, and the regency its change and gap to the target, as the test computes them", async () => {
    const y2018: Record<string, number> = { DISNAKER: 65.0, DISDAG: 81.0, BAPENDA: 50.99 };
    const y2019: Record<string, number> = { DISNAKER: 70.03, DISDAG: 80.0, SAMSAT: 65.5, TIRTA: 90.01 };
    for (const [code, score] of Object.entries(y2018)) await create({ agencyId: agency[code], year: 2018, score });
    for (const [code, score] of Object.entries(y2019)) await create({ agencyId: agency[code], year: 2019, score });
    const target = 80.5;
    await gql(`mutation($t: Float!) { createComplianceTarget(year: 2019, target: $t, basis: "uji") { target } }`, { t: target });

    const average2019 = averageOf(Object.values(y2019).map(h));
    const average2018 = averageOf(Object.values(y2018).map(h));
    // 30 554 / 4 = 7 638,5: half up gives 76,39 (a float average, 305.54 / 4, would print 76.385 and round down).
    expect(average2019).toBe(7639);
    const s = await summary(2019);
    expect(s).toMatchObject({
      year: 2019, assessedUnits: 4, unitsAverage: average2019 / 100, average: average2019 / 100, averageSource: "ASSESSED_UNITS", publishedAverage: null,
      category: null, zone: "KUNING", previousAverage: average2018 / 100, change: (average2019 - average2018) / 100, target, gap: (h(target) - average2019) / 100,
    });
    const expectedUnits = Object.entries(y2019)
      .map(([code, score]) => ({
        code, score, zone: score >= 81 ? "HIJAU" : score >= 51 ? "KUNING" : "MERAH",
        previousScore: y2018[code] ?? null, change: code in y2018 ? (h(score) - h(y2018[code])) / 100 : null,
      }))
      .sort((a, b) => b.score - a.score);
    expect(s.units.map((u: { agency: { code: string }; score: number; category: string | null; zone: string; previousScore: number | null; change: number | null }) => ({
      code: u.agency.code, score: u.score, zone: u.zone, previousScore: u.previousScore, change: u.change,
    }))).toEqual(expectedUnits);
    expect(s.units.every((u: { category: string | null }) => u.category === null)).toBe(true);

    // Once the Ombudsman's own figure for 2018 is recorded, it is the figure of record.
    await gql(`mutation { createCompliancePublishedAverage(year: 2018, average: 66, source: "Ombudsman RI 2018 (uji)") { average zone category } }`);
    const s2018 = await summary(2018);
    expect(s2018).toMatchObject({ unitsAverage: average2018 / 100, publishedAverage: 66, average: 66, averageSource: "PUBLISHED", zone: "KUNING", target: null, gap: null });
    expect((await summary(2019)).change).toBe((average2019 - 6600) / 100);
  });

  it("lets only administrators write; agency editors and collectors cannot, anonymous callers must sign in", async () => {
    const own = (await gql(`query($a: ID) { allComplianceAssessments(filter: { agencyId: $a, year: 2022 }) { id score } }`, { a: agency.DPMPTSP }, editor)).allComplianceAssessments[0];
    expect(own.score).toBe(82.7);
    const writes: Array<[string, Record<string, unknown>]> = [
      [CREATE, { agencyId: agency.DPMPTSP, year: 2015, score: 99 }],
      [UPDATE, { id: own.id, score: 99 }],
      [`mutation($id: ID!) { deleteComplianceAssessment(id: $id) { id } }`, { id: own.id }],
      [`mutation { createComplianceTarget(year: 2026, target: 92) { id } }`, {}],
      [`mutation { createCompliancePublishedAverage(year: 2021, average: 70, source: "x x x") { id } }`, {}],
    ];
    for (const token of [editor, collector, officer, auditor]) {
      for (const [query, variables] of writes) expect(errorCode(await app.gql(query, variables, token))).toBe("FORBIDDEN");
    }
    expect((await gql(`query($id: ID!) { ComplianceAssessment(id: $id) { score } }`, { id: own.id }, editor)).ComplianceAssessment.score).toBe(82.7);
    expect((await summary(2022, editor)).average).toBe(73.02);
    expect(errorCode(await app.gql(`{ complianceSummary(year: 2022) { average } }`, {}, collector))).toBe("FORBIDDEN");
    expect(errorCode(await app.gql(`{ allComplianceAssessments { id } }`, {}, collector))).toBe("FORBIDDEN");

    for (const query of [`{ complianceSummary(year: 2022) { average } }`, `{ allComplianceAssessments { id } }`, `{ complianceBands { fromYear } }`,
      `{ allComplianceTargets { id } }`, `{ allCompliancePublishedAverages { id } }`, CREATE]) {
      expect(errorCode(await app.gql(query, { agencyId: agency.DPMPTSP, year: 2015, score: 99 }))).toBe("UNAUTHENTICATED");
    }
  });

  it("reads the bands from configuration: the Ombudsman's by default, COMPLIANCE_BANDS to correct or add a period", async () => {
    const periods = (await gql(`{ complianceBands { fromYear toYear bands { category zone minScore maxScore } } }`, {}, auditor)).complianceBands;
    expect(periods).toEqual([
      { fromYear: 2000, toYear: 2021, bands: [
        { category: null, zone: "HIJAU", minScore: 81, maxScore: 100 }, { category: null, zone: "KUNING", minScore: 51, maxScore: 80.99 },
        { category: null, zone: "MERAH", minScore: 0, maxScore: 50.99 },
      ] },
      { fromYear: 2022, toYear: null, bands: [
        { category: "A", zone: "HIJAU", minScore: 88.01, maxScore: 100 }, { category: "B", zone: "HIJAU", minScore: 78.01, maxScore: 88 },
        { category: "C", zone: "KUNING", minScore: 56.01, maxScore: 78 }, { category: "D", zone: "MERAH", minScore: 44.01, maxScore: 56 },
        { category: "E", zone: "MERAH", minScore: 0, maxScore: 44 },
      ] },
    ]);

    const parsed = parseComplianceBands("2025: A/hijau>=90, B/HIJAU>=80, C/KUNING>=60.5, D/MERAH>=45, E/MERAH>=0");
    expect(parsed.map((p) => p.fromYear)).toEqual([2000, 2022, 2025]);
    expect(parsed[2].bands).toEqual([
      { category: "A", zone: "HIJAU", min: 9000 }, { category: "B", zone: "HIJAU", min: 8000 }, { category: "C", zone: "KUNING", min: 6050 },
      { category: "D", zone: "MERAH", min: 4500 }, { category: "E", zone: "MERAH", min: 0 },
    ]);
    expect(parseComplianceBands("2000:HIJAU>=80,KUNING>=50,MERAH>=0")[0].bands.map((b) => b.min)).toEqual([8000, 5000, 0]);
    expect(parseComplianceBands("")).toEqual(DEFAULT_COMPLIANCE_BANDS);
    for (const bad of ["2022:A/HIJAU>=88.015,E/MERAH>=0", "2022:A/HIJAU>=50,B/HIJAU>=60,E/MERAH>=0", "2022:A/HIJAU>=50,B/KUNING>=10", "2022:A/BIRU>=50,E/MERAH>=0",
      "2022:A/HIJAU>=50,MERAH>=0", "2022:A/HIJAU>=50,A/MERAH>=0", "A/HIJAU>=50", "2022:A/HIJAU>=101,E/MERAH>=0"]) {
      expect(() => parseComplianceBands(bad)).toThrow();
    }
    expect(() => loadConfig({ JWT_SECRET: "x".repeat(40), SQLITE_PATH: app.db.sqlitePath, COMPLIANCE_BANDS: "2022:A/HIJAU>=88.015,E/MERAH>=0" }, [])).toThrow(ConfigError);
    expect(loadConfig({ JWT_SECRET: "x".repeat(40), SQLITE_PATH: app.db.sqlitePath, COMPLIANCE_BANDS: "2025:A/HIJAU>=90,E/MERAH>=0" }, []).complianceBands.map((p) => p.fromYear))
      .toEqual([2000, 2022, 2025]);
  });
});
