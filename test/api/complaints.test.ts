import { randomUUID } from "node:crypto";
import { addDays, todayInJakarta } from "../../server/src/common/local-date";
import { errorCode, startTestApp, type GraphQLResponse, type TestApp } from "../support/api-client";

/** Holidays configured for this server: Idul Fitri 1446 H (Monday 31 March and Tuesday 1 April 2025). */
const HOLIDAYS = ["2025-03-31", "2025-04-01"];

const FIELDS = `id trackingNumber status agencyId marketId tags receivedAt verifiedAt disposedAt firstFollowUpAt resolvedAt
  verifyDueDate followUpDueDate resolveDueDate verificationSla followUpSla resolutionSla overdue
  followUps { text statusFrom statusTo authorName createdAt }`;

type Complaint = {
  id: string; trackingNumber: string; status: string; agencyId: string | null; marketId: string | null; tags: string[]; receivedAt: string;
  verifiedAt: string | null; disposedAt: string | null; firstFollowUpAt: string | null; resolvedAt: string | null; verifyDueDate: string;
  followUpDueDate: string | null; resolveDueDate: string; verificationSla: string; followUpSla: string; resolutionSla: string; overdue: boolean;
  followUps: Array<{ text: string; statusFrom: string | null; statusTo: string | null; authorName: string; createdAt: string }>;
};

// The test's own calendar (independent of server/src/common/working-days.ts).
const jakartaDay = (iso: string) => new Date(Date.parse(iso) + 7 * 3_600_000).toISOString().slice(0, 10);
const plusDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
function plusWorkingDays(day: string, n: number, holidays: string[] = HOLIDAYS): string {
  let d = day;
  for (let left = n; left > 0; ) {
    d = plusDays(d, 1);
    const weekday = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6 && !holidays.includes(d)) left--;
  }
  return d;
}
const daysFromTo = (a: string, b: string) => Math.round((Date.parse(jakartaDay(b)) - Date.parse(jakartaDay(a))) / 86_400_000);

describe("complaints (SP4N-LAPOR!)", () => {
  let app: TestApp;
  let admin: string;
  let officer: string;
  let auditor: string;
  let editor: string;
  let collector: string;
  const agency: Record<string, string> = {};

  beforeAll(async () => {
    app = await startTestApp({ holidays: HOLIDAYS });
    [admin, officer, auditor, editor, collector] = await Promise.all(["admin", "officer", "auditor", "editor.dpmptsp", "pemungut.cikarang"].map((u) => app.login(u)));
    for (const a of (await gql(`{ allAgencies(perPage: 100) { id code } }`)).allAgencies as Array<{ id: string; code: string }>) agency[a.code] = a.id;
  });
  afterAll(() => app?.close());

  async function gql(query: string, variables: Record<string, unknown> = {}, token = admin) {
    const res = await app.gql(query, variables, token);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!;
  }
  const create = async (receivedAt: string, extra: { marketId?: string; tags?: string[] } = {}): Promise<Complaint> =>
    (await gql(`mutation($t: String!, $r: DateTime!, $m: ID, $tags: [ComplaintTag!]) {
      createComplaint(trackingNumber: $t, channel: WEBSITE, classification: PENGADUAN, category: "Uji", subject: "Laporan uji", text: "Isi laporan uji",
        receivedAt: $r, marketId: $m, tags: $tags) { ${FIELDS} } }`, { t: `UJI-${randomUUID().slice(0, 13)}`, r: receivedAt, m: extra.marketId, tags: extra.tags })).createComplaint;
  const VERIFY = `mutation($id: ID!, $at: DateTime) { verifyComplaint(id: $id, at: $at) { ${FIELDS} } }`;
  const DISPOSE = `mutation($id: ID!, $a: ID!, $at: DateTime) { disposeComplaint(id: $id, agencyId: $a, at: $at) { ${FIELDS} } }`;
  const FOLLOW_UP = `mutation($id: ID!, $text: String!, $s: ComplaintStatus, $at: DateTime) { addComplaintFollowUp(complaintId: $id, text: $text, status: $s, at: $at) { ${FIELDS} } }`;
  const CHANGE = `mutation($id: ID!, $s: ComplaintStatus!, $note: String!, $at: DateTime) { changeComplaintStatus(id: $id, status: $s, note: $note, at: $at) { ${FIELDS} } }`;
  const ONE = `query($id: ID!) { Complaint(id: $id) { ${FIELDS} } }`;
  const verify = async (id: string, at?: string): Promise<Complaint> => (await gql(VERIFY, { id, at })).verifyComplaint;
  const dispose = async (id: string, agencyId: string, at?: string): Promise<Complaint> => (await gql(DISPOSE, { id, a: agencyId, at })).disposeComplaint;
  const followUp = async (id: string, text: string, s: string | null, at?: string, token = admin): Promise<Complaint> => (await gql(FOLLOW_UP, { id, text, s, at }, token)).addComplaintFollowUp;
  const change = async (id: string, s: string, note: string, at?: string): Promise<Complaint> => (await gql(CHANGE, { id, s, note, at })).changeComplaintStatus;
  const one = async (id: string, token = admin): Promise<Complaint> => (await gql(ONE, { id }, token)).Complaint;
  const refusal = (res: GraphQLResponse) => ({ code: errorCode(res), message: res.errors?.[0]?.message ?? "" });

  describe("the Complaint resource", () => {
    it("records, updates and lists complaints with the react-admin filters, refusing duplicates, future receipts and late receipt changes", async () => {
      const c = await create("2025-07-01T02:00:00Z", { tags: ["SERVICE_DELAY"] });
      const updated = (await gql(`mutation($id: ID!) { updateComplaint(id: $id, subject: "Antrean lama di loket", receivedAt: "2025-07-02T02:00:00Z") { subject receivedAt verifyDueDate tags } }`, { id: c.id })).updateComplaint;
      expect(updated).toEqual({ subject: "Antrean lama di loket", receivedAt: "2025-07-02T02:00:00.000Z", verifyDueDate: "2025-07-07", tags: ["SERVICE_DELAY"] });
      const dup = await app.gql(`mutation($t: String!) { createComplaint(trackingNumber: $t, channel: SMS, classification: ASPIRASI, category: "Uji", subject: "Lagi", text: "x", receivedAt: "2025-07-01T02:00:00Z") { id } }`, { t: c.trackingNumber }, admin);
      expect(errorCode(dup)).toBe("CONFLICT");
      const future = await app.gql(`mutation { createComplaint(trackingNumber: "UJI-FUTURE", channel: SMS, classification: ASPIRASI, category: "Uji", subject: "Nanti", text: "x", receivedAt: "${new Date(Date.now() + 86_400_000).toISOString()}") { id } }`, {}, admin);
      expect(Object.keys(future.errors?.[0]?.extensions?.fields ?? {})).toEqual(["receivedAt"]);
      expect(errorCode(await app.gql(`mutation { createComplaint(trackingNumber: "UJI-NOMARKET", channel: SMS, classification: ASPIRASI, category: "Uji", subject: "Pasar", text: "x", receivedAt: "2025-07-01T02:00:00Z", marketId: "999999") { id } }`, {}, admin))).toBe("BAD_USER_INPUT");

      const filter = { status: "RECEIVED", tag: "SERVICE_DELAY", q: "antrean lama", receivedAt_gte: "2025-07-02T00:00:00Z", receivedAt_lte: "2025-07-02T23:59:59Z" };
      const found = (await gql(`query($f: ComplaintFilter) { allComplaints(filter: $f, sortField: "receivedAt", sortOrder: "DESC") { id } _allComplaintsMeta(filter: $f) { count } }`, { f: filter }, officer));
      expect(found).toEqual({ allComplaints: [{ id: c.id }], _allComplaintsMeta: { count: 1 } });
      expect((await gql(`query($f: ComplaintFilter) { _allComplaintsMeta(filter: $f) { count } }`, { f: { ...filter, receivedAt_gte: "2025-07-02T02:00:01Z" } }, officer))._allComplaintsMeta.count).toBe(0);

      await verify(c.id, "2025-07-02T03:00:00Z");
      const moved = await app.gql(`mutation($id: ID!) { updateComplaint(id: $id, receivedAt: "2025-07-01T02:00:00Z") { id } }`, { id: c.id }, admin);
      expect(Object.keys(moved.errors?.[0]?.extensions?.fields ?? {})).toEqual(["receivedAt"]);
      expect(errorCode(await app.gql(`mutation($id: ID!) { updateComplaint(id: $id, subject: "x y z") { id } }`, { id: c.id }, officer))).toBe("FORBIDDEN");
    });
  });

  describe("SLA deadlines", () => {
    it("counts the verification deadline in working days from the Jakarta day of receipt, skipping a weekend", async () => {
      // Thursday 6 March 2025, 09:00 WIB: Friday 7, Monday 10, Tuesday 11.
      const c = await create("2025-03-06T02:00:00Z");
      expect(c).toMatchObject({ status: "RECEIVED", verifyDueDate: "2025-03-11", followUpDueDate: null, resolveDueDate: "2025-05-05", followUpSla: "NOT_APPLICABLE" });
      expect(c.verifyDueDate).toBe(plusWorkingDays("2025-03-06", 3));
      // 23:59:59 WIB on Thursday is still Thursday; a second later it is Friday, and the count starts a day later.
      expect((await create("2025-03-06T16:59:59Z")).verifyDueDate).toBe("2025-03-11");
      expect((await create("2025-03-06T17:00:00Z")).verifyDueDate).toBe("2025-03-12");
      // Received on Saturday: the first working day after is Monday.
      expect((await create("2025-03-08T03:00:00Z")).verifyDueDate).toBe("2025-03-12");
    });

    it("skips the configured holidays: received on Friday before Idul Fitri, verified by Friday 4 April; followed up across them too", async () => {
      const c = await create("2025-03-28T03:00:00Z");
      // Without holidays the third working day would be Wednesday 2 April.
      expect(plusWorkingDays("2025-03-28", 3, [])).toBe("2025-04-02");
      expect(c).toMatchObject({ verifyDueDate: "2025-04-04", resolveDueDate: plusDays("2025-03-28", 60) });
      expect(c.resolveDueDate).toBe("2025-05-27");
      await verify(c.id, "2025-03-28T04:00:00Z");
      // Disposed on Friday 28 March: Wednesday 2, Thursday 3, Friday 4, Monday 7, Tuesday 8 April.
      const disposed = await dispose(c.id, agency.DPMPTSP, "2025-03-28T05:00:00Z");
      expect(disposed.followUpDueDate).toBe(plusWorkingDays("2025-03-28", 5));
      expect(disposed.followUpDueDate).toBe("2025-04-08");
      expect(disposed).toMatchObject({ status: "DISPOSED", verificationSla: "MET", followUpSla: "OVERDUE", resolutionSla: "OVERDUE", overdue: true });
    });

    it("judges verification on time up to the end of the due day (23:59:59 WIB) and late from the next second", async () => {
      const onTime = await create("2025-03-06T02:00:00Z");
      const late = await create("2025-03-06T02:00:00Z");
      expect((await verify(onTime.id, "2025-03-11T16:59:59Z")).verificationSla).toBe("MET");
      expect((await verify(late.id, "2025-03-11T17:00:00Z")).verificationSla).toBe("LATE");
      // The follow-up deadline is measured from the disposition, the first entry after it settles it.
      await dispose(onTime.id, agency.DPMPTSP, "2025-03-12T02:00:00Z");
      const followed = await followUp(onTime.id, "Sedang diperiksa", "IN_PROGRESS", "2025-03-19T16:59:59Z");
      expect(followed).toMatchObject({ followUpDueDate: "2025-03-19", followUpSla: "MET", firstFollowUpAt: "2025-03-19T16:59:59.000Z", status: "IN_PROGRESS" });
      const resolved = await followUp(onTime.id, "Selesai", "RESOLVED", "2025-05-05T16:59:59Z");
      expect(resolved).toMatchObject({ resolutionSla: "MET", resolveDueDate: "2025-05-05", overdue: false });
      expect(resolved.followUps.map((f) => [f.statusFrom, f.statusTo, f.authorName])).toEqual([["DISPOSED", "IN_PROGRESS", "Administrator LAPERA+"], ["IN_PROGRESS", "RESOLVED", "Administrator LAPERA+"]]);
    });
  });

  describe("status transitions", () => {
    const snapshot = async (id: string) => JSON.stringify(await one(id));

    it("refuses illegal moves with BAD_USER_INPUT naming from and to, and writes nothing", async () => {
      const c = await create("2025-05-05T02:00:00Z");
      const before = await snapshot(c.id);
      const cases: Array<[string, Record<string, unknown>, RegExp]> = [
        [CHANGE, { id: c.id, s: "RESOLVED", note: "Langsung selesai" }, /from RECEIVED to RESOLVED/],
        [CHANGE, { id: c.id, s: "IN_PROGRESS", note: "x" }, /from RECEIVED to IN_PROGRESS/],
        [DISPOSE, { id: c.id, a: agency.DPMPTSP }, /from RECEIVED to DISPOSED/],
        [FOLLOW_UP, { id: c.id, text: "Tindak lanjut", s: "IN_PROGRESS" }, /not disposed/],
      ];
      for (const [query, variables, message] of cases) {
        const res = await app.gql(query, variables, admin);
        expect(refusal(res)).toEqual({ code: "BAD_USER_INPUT", message: expect.stringMatching(message) });
        expect(await snapshot(c.id)).toBe(before);
      }

      await verify(c.id, "2025-05-05T03:00:00Z");
      const verified = await snapshot(c.id);
      expect(refusal(await app.gql(VERIFY, { id: c.id }, admin))).toEqual({ code: "BAD_USER_INPUT", message: expect.stringMatching(/from VERIFIED to VERIFIED/) });
      expect(refusal(await app.gql(CHANGE, { id: c.id, s: "DISPOSED", note: "x" }, admin)).code).toBe("BAD_USER_INPUT");
      expect(await snapshot(c.id)).toBe(verified);

      await dispose(c.id, agency.DPMPTSP, "2025-05-05T04:00:00Z");
      await followUp(c.id, "Selesai ditangani", "RESOLVED", "2025-05-06T04:00:00Z");
      const resolved = await snapshot(c.id);
      for (const s of ["IN_PROGRESS", "DEFERRED", "DISPOSED", "NOT_OUR_AUTHORITY"]) {
        const res = await app.gql(CHANGE, { id: c.id, s, note: "Dibuka lagi" }, admin);
        expect(refusal(res)).toEqual({ code: "BAD_USER_INPUT", message: expect.stringContaining(`from RESOLVED to ${s}`) });
      }
      expect(await snapshot(c.id)).toBe(resolved);
      const archived = await change(c.id, "ARCHIVED", "Diarsipkan", "2025-05-07T04:00:00Z");
      expect(archived.status).toBe("ARCHIVED");
      const final = JSON.stringify(archived);
      expect(refusal(await app.gql(CHANGE, { id: c.id, s: "RESOLVED", note: "x" }, admin)).message).toMatch(/from ARCHIVED to RESOLVED.*nowhere/);
      expect(refusal(await app.gql(FOLLOW_UP, { id: c.id, text: "x" }, admin)).code).toBe("BAD_USER_INPUT");
      expect(await snapshot(c.id)).toBe(final);
    });

    it("refuses a step dated before the previous one or in the future, and never deletes a complaint", async () => {
      const c = await create("2025-05-12T02:00:00Z");
      expect(errorCode(await app.gql(VERIFY, { id: c.id, at: "2025-05-12T01:00:00Z" }, admin))).toBe("BAD_USER_INPUT");
      expect(errorCode(await app.gql(VERIFY, { id: c.id, at: new Date(Date.now() + 3_600_000).toISOString() }, admin))).toBe("BAD_USER_INPUT");
      expect(errorCode(await app.gql(`mutation($id: ID!) { deleteComplaint(id: $id) { id } }`, { id: c.id }, admin))).toBe("CONFLICT");
      expect((await one(c.id)).status).toBe("RECEIVED");
      // Screening a report out (not the regency's authority) is its verification.
      const out = await change(c.id, "NOT_OUR_AUTHORITY", "Kewenangan pusat", "2025-05-13T02:00:00Z");
      expect(out).toMatchObject({ status: "NOT_OUR_AUTHORITY", verifiedAt: "2025-05-13T02:00:00.000Z", verificationSla: "MET", resolutionSla: "NOT_APPLICABLE", overdue: false });
      expect((await gql(`{ complaintTransitions { from to } }`, {}, auditor)).complaintTransitions).toContainEqual({ from: "RECEIVED", to: ["VERIFIED", "NOT_OUR_AUTHORITY", "ARCHIVED"] });
    });
  });

  describe("who may do what", () => {
    let own: Complaint;
    let other: Complaint;

    beforeAll(async () => {
      own = await create("2025-06-02T02:00:00Z");
      other = await create("2025-06-02T03:00:00Z");
      for (const [c, a] of [[own, agency.DPMPTSP], [other, agency.DISDUKCAPIL]] as const) {
        await verify(c.id, "2025-06-02T04:00:00Z");
        await dispose(c.id, a, "2025-06-02T05:00:00Z");
      }
    });

    it("lets an agency editor read and work only complaints disposed to their own agency", async () => {
      const listed = (await gql(`{ allComplaints(perPage: 500) { id agencyId } _allComplaintsMeta { count } }`, {}, editor));
      expect(listed.allComplaints.length).toBeGreaterThan(0);
      expect(listed.allComplaints.every((c: { agencyId: string }) => c.agencyId === agency.DPMPTSP)).toBe(true);
      expect(listed._allComplaintsMeta.count).toBe(listed.allComplaints.length);
      expect(listed.allComplaints.map((c: { id: string }) => c.id)).toContain(own.id);
      expect(errorCode(await app.gql(ONE, { id: other.id }, editor))).toBe("FORBIDDEN");

      const before = JSON.stringify(await one(other.id));
      expect(errorCode(await app.gql(FOLLOW_UP, { id: other.id, text: "Bukan milik kami", s: "IN_PROGRESS" }, editor))).toBe("FORBIDDEN");
      expect(errorCode(await app.gql(CHANGE, { id: other.id, s: "IN_PROGRESS", note: "x" }, editor))).toBe("FORBIDDEN");
      expect(JSON.stringify(await one(other.id))).toBe(before);

      const answered = await followUp(own.id, "Berkas sedang diverifikasi ulang", "IN_PROGRESS", undefined, editor);
      expect(answered).toMatchObject({ status: "IN_PROGRESS", followUps: [{ statusTo: "IN_PROGRESS", authorName: "Pejabat Penghubung DPMPTSP" }] });
      // Editors set only the agency's statuses, at the time they act, and do not screen or dispose.
      expect(errorCode(await app.gql(CHANGE, { id: own.id, s: "ARCHIVED", note: "x" }, editor))).toBe("FORBIDDEN");
      expect(errorCode(await app.gql(FOLLOW_UP, { id: own.id, text: "x", at: "2025-06-03T00:00:00Z" }, editor))).toBe("FORBIDDEN");
      expect(errorCode(await app.gql(VERIFY, { id: own.id }, editor))).toBe("FORBIDDEN");
      expect(errorCode(await app.gql(DISPOSE, { id: own.id, a: agency.DPMPTSP }, editor))).toBe("FORBIDDEN");
      expect((await gql(CHANGE, { id: own.id, s: "DEFERRED", note: "Menunggu dokumen" }, editor)).changeComplaintStatus.status).toBe("DEFERRED");
      expect((await gql(CHANGE, { id: own.id, s: "RESOLVED", note: "Selesai" }, editor)).changeComplaintStatus.status).toBe("RESOLVED");
    });

    it("lets officers and auditors read every complaint but write none; anonymous callers and collectors get nothing", async () => {
      for (const token of [officer, auditor]) {
        expect((await one(other.id, token)).agencyId).toBe(agency.DISDUKCAPIL);
        expect(errorCode(await app.gql(VERIFY, { id: other.id }, token))).toBe("FORBIDDEN");
        expect(errorCode(await app.gql(FOLLOW_UP, { id: other.id, text: "x" }, token))).toBe("FORBIDDEN");
      }
      const queries = [`{ allComplaints { id } }`, `{ _allComplaintsMeta { count } }`, `{ Complaint(id: "${other.id}") { id } }`,
        `{ complaintPerformance(from: "2025-01-01", to: "2025-12-31") { received } }`, `mutation { verifyComplaint(id: "${other.id}") { id } }`,
        `mutation { addComplaintFollowUp(complaintId: "${other.id}", text: "x") { id } }`];
      for (const query of queries) {
        expect(errorCode(await app.gql(query, {}))).toBe("UNAUTHENTICATED");
        expect(errorCode(await app.gql(query, {}, collector))).toBe("FORBIDDEN");
      }
    });

    it("gives an agency editor their own agency's row of complaintPerformance only", async () => {
      const rows = (await gql(`{ complaintPerformance(from: "2025-06-01", to: "2025-06-30") { agencyId received } }`, {}, editor)).complaintPerformance;
      expect(rows).toEqual([{ agencyId: agency.DPMPTSP, received: 1 }]);
      const all = (await gql(`{ complaintPerformance(from: "2025-06-01", to: "2025-06-30") { agencyId received } }`, {}, auditor)).complaintPerformance;
      expect(all.map((r: { agencyId: string }) => r.agencyId).sort()).toEqual([agency.DPMPTSP, agency.DISDUKCAPIL].sort());
    });
  });

  describe("complaintPerformance", () => {
    /** A complaint's history as the test writes it; what the report must say follows from these instants alone. */
    type Scenario = { agency: "A" | "B" | null; received: string; verify?: string; dispose?: string; followUp?: string; followUpStatus?: string; resolve?: string; archive?: string };
    const scenarios: Scenario[] = [
      // A: answers and resolves on time.
      { agency: "A", received: "2025-01-06T02:00:00Z", verify: "2025-01-07T03:00:00Z", dispose: "2025-01-07T04:00:00Z", followUp: "2025-01-09T03:00:00Z", resolve: "2025-01-20T03:00:00Z" },
      { agency: "A", received: "2025-01-08T09:00:00Z", verify: "2025-01-09T03:00:00Z", dispose: "2025-01-09T04:00:00Z", followUp: "2025-01-10T03:00:00Z", resolve: "2025-02-14T03:00:00Z" },
      { agency: "A", received: "2025-01-15T02:00:00Z", verify: "2025-01-16T03:00:00Z", dispose: "2025-01-16T04:00:00Z", followUp: "2025-01-17T03:00:00Z", resolve: "2025-01-25T03:00:00Z", archive: "2025-02-01T03:00:00Z" },
      // 23:59 WIB on 31 January is inside the period; a minute later (1 February WIB) is outside.
      { agency: "A", received: "2025-01-31T16:59:00Z", verify: "2025-02-03T03:00:00Z", dispose: "2025-02-03T04:00:00Z", followUp: "2025-02-04T03:00:00Z", resolve: "2025-02-10T03:00:00Z" },
      { agency: "A", received: "2025-01-31T17:00:00Z", verify: "2025-02-03T03:00:00Z", dispose: "2025-02-03T04:00:00Z" },
      { agency: "A", received: "2024-12-31T16:59:00Z", verify: "2025-01-02T03:00:00Z", dispose: "2025-01-02T04:00:00Z" },
      // B: lags.
      { agency: "B", received: "2025-01-06T03:00:00Z", verify: "2025-01-10T03:00:00Z", dispose: "2025-01-10T04:00:00Z", followUp: "2025-01-24T03:00:00Z", resolve: "2025-03-20T03:00:00Z" },
      { agency: "B", received: "2025-01-13T03:00:00Z", verify: "2025-01-14T03:00:00Z", dispose: "2025-01-14T04:00:00Z" },
      { agency: "B", received: "2025-01-20T03:00:00Z", verify: "2025-01-21T03:00:00Z", dispose: "2025-01-21T04:00:00Z", followUp: "2025-01-23T03:00:00Z" },
      { agency: "B", received: "2025-01-22T03:00:00Z", verify: "2025-01-23T03:00:00Z", dispose: "2025-01-23T04:00:00Z", followUp: "2025-01-24T03:00:00Z", followUpStatus: "NOT_OUR_AUTHORITY" },
      { agency: "B", received: "2025-01-27T03:00:00Z", verify: "2025-01-28T03:00:00Z", dispose: "2025-01-28T04:00:00Z", followUp: "2025-02-10T03:00:00Z", followUpStatus: "DEFERRED" },
      // Verified but not disposed: no agency's figure.
      { agency: null, received: "2025-01-10T03:00:00Z", verify: "2025-01-10T05:00:00Z" },
    ];

    /** The test's own figures for agency `key` from the scenarios (deadlines by the test's calendar). */
    function expected(key: "A" | "B", now: Date) {
      const mine = scenarios.filter((s) => s.agency === key && s.dispose && jakartaDay(s.received) >= "2025-01-01" && jakartaDay(s.received) <= "2025-01-31");
      const closedWithout = (s: Scenario) => s.followUpStatus === "NOT_OUR_AUTHORITY";
      const followUpDue = (s: Scenario) => plusWorkingDays(jakartaDay(s.dispose!), 5);
      const resolveDue = (s: Scenario) => plusDays(jakartaDay(s.received), 60);
      const past = (day: string) => jakartaDay(now.toISOString()) > day;
      const overdue = (s: Scenario) => !closedWithout(s) && ((!s.followUp && past(followUpDue(s))) || (!s.resolve && past(resolveDue(s))));
      const resolvedDays = mine.filter((s) => s.resolve).map((s) => daysFromTo(s.received, s.resolve!)).sort((a, b) => a - b);
      const mid = Math.floor(resolvedDays.length / 2);
      return {
        received: mine.length,
        verifiedOnTime: mine.filter((s) => jakartaDay(s.verify!) <= plusWorkingDays(jakartaDay(s.received), 3)).length,
        followedUp: mine.filter((s) => s.followUp).length,
        followedUpOnTime: mine.filter((s) => s.followUp && jakartaDay(s.followUp) <= followUpDue(s)).length,
        resolved: mine.filter((s) => s.resolve).length,
        resolvedOnTime: mine.filter((s) => s.resolve && jakartaDay(s.resolve) <= resolveDue(s)).length,
        overdueNow: mine.filter(overdue).length,
        medianDaysToResolve: resolvedDays.length === 0 ? null : resolvedDays.length % 2 ? resolvedDays[mid] : (resolvedDays[mid - 1] + resolvedDays[mid]) / 2,
        followUpRate: mine.filter((s) => s.followUp).length / mine.length,
      };
    }

    it("equals the test's own computation per agency, lagging agencies first", async () => {
      const ids: Record<"A" | "B", string> = { A: "", B: "" };
      for (const key of ["A", "B"] as const) {
        const code = `UJI-${key}-${randomUUID().slice(0, 6)}`.toUpperCase();
        ids[key] = (await gql(`mutation($c: String!) { createAgency(code: $c, name: "Unit Uji Pengaduan", shortName: "Uji", kind: OTHER) { id } }`, { c: code })).createAgency.id;
      }
      for (const s of scenarios) {
        const c = await create(s.received);
        if (s.verify) await verify(c.id, s.verify);
        if (s.dispose && s.agency) await dispose(c.id, ids[s.agency], s.dispose);
        if (s.followUp) await followUp(c.id, "Tindak lanjut", s.followUpStatus ?? "IN_PROGRESS", s.followUp);
        if (s.resolve) await followUp(c.id, "Selesai", "RESOLVED", s.resolve);
        if (s.archive) await change(c.id, "ARCHIVED", "Arsip", s.archive);
      }
      const now = new Date();
      const rows = (await gql(`{ complaintPerformance(from: "2025-01-01", to: "2025-01-31") {
        agencyId agency { shortName } received verifiedOnTime followedUp followedUpOnTime resolved resolvedOnTime overdueNow medianDaysToResolve followUpRate } }`, {}, officer)).complaintPerformance;
      expect(rows.map((r: { agencyId: string }) => r.agencyId)).toEqual([ids.B, ids.A]);
      const [b, a] = rows.map(({ agencyId: _id, agency: _agency, ...figures }: Record<string, unknown>) => figures);
      expect(a).toEqual(expected("A", now));
      expect(b).toEqual(expected("B", now));
      // What those figures are, spelt out once.
      expect(a).toMatchObject({ received: 4, resolved: 4, overdueNow: 0, medianDaysToResolve: 12, followUpRate: 1 });
      expect(b).toMatchObject({ received: 5, verifiedOnTime: 4, followedUp: 4, followedUpOnTime: 2, resolved: 1, resolvedOnTime: 0, overdueNow: 3, medianDaysToResolve: 73, followUpRate: 0.8 });

      // The list's overdue filter agrees with the complaints' own overdue flags and with overdueNow.
      const listed = (await gql(`query($a: ID) { allComplaints(filter: { agencyId: $a, overdue: true }, perPage: 100) { id overdue receivedAt } }`, { a: ids.B }, auditor)).allComplaints;
      expect(listed.every((c: { overdue: boolean }) => c.overdue)).toBe(true);
      expect(listed).toHaveLength(3);
      const notOverdue = (await gql(`query($a: ID) { allComplaints(filter: { agencyId: $a, overdue: false }, perPage: 100) { overdue } }`, { a: ids.B }, auditor)).allComplaints;
      expect(notOverdue.map((c: { overdue: boolean }) => c.overdue)).toEqual([false, false]);
      expect(errorCode(await app.gql(`{ complaintPerformance(from: "2025-02-01", to: "2025-01-01") { received } }`, {}, officer))).toBe("BAD_USER_INPUT");
    });
  });

  describe("PUNGLI complaints", () => {
    it("link a market complaint tagged PUNGLI to that market's anomalies around its receipt, ABOVE_TARIFF first", async () => {
      const today = todayInJakarta();
      const markets = (await gql(`{ allMarkets(perPage: 50) { id code marketClass } }`, {}, officer)).allMarkets as Array<{ id: string; code: string; marketClass: string }>;
      const market = markets.find((m) => m.code === "KDG")!;
      const tariff = (await gql(`query($c: MarketClass) { allTariffs(filter: { stallKind: LAPAK, marketClass: $c }) { amount } }`, { c: market.marketClass }, officer)).allTariffs[0].amount;
      const collectorId = (await gql(`query($m: ID) { allCollectorAssignments(filter: { marketId: $m }) { collectorId } }`, { m: market.id }, officer)).allCollectorAssignments[0].collectorId;
      const stalls = (await gql(`query($m: ID) { allStalls(filter: { marketId: $m, kind: LAPAK }, perPage: 2) { id } }`, { m: market.id }, officer)).allStalls;
      const series = (await gql(`query($m: ID) { allTicketBooks(filter: { marketId: $m }, perPage: 1) { series } }`, { m: market.id }, officer)).allTicketBooks[0].series;
      const day = addDays(today, -1);
      await gql(`mutation($i: DailyReportInput!) { submitDailyReport(input: $i) { id } }`, {
        i: {
          clientId: randomUUID(), marketId: market.id, businessDate: day, collectorId, receipts: [
            { stallId: stalls[0].id, ticketNo: `${series} 000901`, amount: tariff - 500 },
            { stallId: stalls[1].id, ticketNo: `${series} 000902`, amount: tariff + 2000 },
          ],
        },
      }, officer);
      await gql(`mutation($f: LocalDate!, $t: LocalDate!, $m: [ID!]) { runAnomalyDetection(from: $f, to: $t, marketIds: $m) { id } }`, { f: day, t: day, m: [market.id] }, auditor);

      const RELATED = `query($id: ID!) { Complaint(id: $id) { relatedAnomalies { rule businessDate marketId } } }`;
      const receivedAt = new Date(Date.now() - 3_600_000).toISOString();
      const pungli = await create(receivedAt, { marketId: market.id, tags: ["PUNGLI", "FEES"] });
      expect(pungli.tags).toEqual(["FEES", "PUNGLI"]);
      const related = (await gql(RELATED, { id: pungli.id }, auditor)).Complaint.relatedAnomalies;
      expect(related[0].rule).toBe("ABOVE_TARIFF");
      expect(related.map((a: { rule: string }) => a.rule)).toContain("BELOW_TARIFF");
      expect(related.every((a: { marketId: string; businessDate: string }) => a.marketId === market.id && a.businessDate === day)).toBe(true);

      // Not tagged PUNGLI, or received more than 30 days from the findings: no link.
      const plain = await create(receivedAt, { marketId: market.id, tags: ["FACILITIES"] });
      expect((await gql(RELATED, { id: plain.id }, auditor)).Complaint.relatedAnomalies).toEqual([]);
      const old = await create(`${addDays(today, -33)}T03:00:00Z`, { marketId: market.id, tags: ["PUNGLI"] });
      expect((await gql(RELATED, { id: old.id }, auditor)).Complaint.relatedAnomalies).toEqual([]);

      const tagged = (await gql(`query($m: ID) { allComplaints(filter: { tag: PUNGLI, marketId: $m }) { id } }`, { m: market.id }, officer)).allComplaints;
      expect(tagged.map((c: { id: string }) => c.id).sort()).toEqual([pungli.id, old.id].sort());
    });

    it("come with the demo data: PUNGLI reports on Pasar Baru Cikarang, and lagging agencies first in the report", async () => {
      const pungli = (await gql(`{ allComplaints(filter: { tag: PUNGLI }, perPage: 100) { trackingNumber market { code } } }`, {}, auditor)).allComplaints
        .filter((c: { trackingNumber: string }) => c.trackingNumber.startsWith("DEMO-"));
      expect(pungli.length).toBeGreaterThanOrEqual(1);
      expect(pungli.every((c: { market: { code: string } }) => c.market.code === "PBC")).toBe(true);
      const today = todayInJakarta();
      const rows = (await gql(`query($f: LocalDate!, $t: LocalDate!) { complaintPerformance(from: $f, to: $t) { agency { code } overdueNow received } }`,
        { f: addDays(today, -130), t: today }, auditor)).complaintPerformance;
      expect(rows.length).toBeGreaterThanOrEqual(6);
      expect(rows.slice(0, 3).map((r: { agency: { code: string } }) => r.agency.code).sort()).toEqual(["DINKES", "DISDUKCAPIL", "TIRTA"]);
    });
  });
});
