import { randomUUID } from "node:crypto";
import { addDays, todayInJakarta } from "../../server/src/common/local-date";
import { targetShare, yearSlices } from "../../server/src/modules/revenue/target-spread";
import { errorCode, startTestApp, type TestApp } from "../support/api-client";

const RUN = `mutation($f: LocalDate!, $t: LocalDate!, $m: [ID!]) { runAnomalyDetection(from: $f, to: $t, marketIds: $m) { id found created reopened autoResolved } }`;
const LIST = `query($f: AnomalyFilter) { allAnomalies(filter: $f, perPage: 500, sortField: "businessDate") {
  id rule severity status businessDate amountAtRisk summaryId summaryEn evidence market { id code } collector { id } history { action toStatus note }
} }`;

type Anomaly = { id: string; rule: string; status: string; businessDate: string; amountAtRisk: number; summaryId: string; summaryEn: string; evidence: Record<string, unknown>; market: { id: string; code: string } | null; collector: { id: string } | null; history: Array<{ action: string; toStatus: string; note: string | null }> };

describe("anomaly detection", () => {
  let app: TestApp;
  let officer: string;
  let auditor: string;
  let bapenda: string;
  let markets: Array<{ id: string; code: string }>;
  const today = todayInJakarta();
  const from = addDays(today, -120);

  beforeAll(async () => {
    app = await startTestApp();
    [officer, auditor, bapenda] = await Promise.all([app.login("officer"), app.login("auditor"), app.login("bapenda")]);
    markets = (await app.gql(`{ allMarkets(perPage: 50) { id code } }`, {}, officer)).data!.allMarkets;
  });
  afterAll(() => app?.close());

  const gql = async (query: string, variables: Record<string, unknown> = {}, token = officer) => {
    const res = await app.gql(query, variables, token);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!;
  };
  const marketId = (code: string) => markets.find((m) => m.code === code)!.id;
  const run = async (marketIds: string[] | null = null, token = auditor) => (await gql(RUN, { f: from, t: today, m: marketIds }, token)).runAnomalyDetection;
  const findings = async (rule: string, status?: string): Promise<Anomaly[]> => (await gql(LIST, { f: { rule, ...(status ? { status } : {}) } }, auditor)).allAnomalies;

  async function submit(code: string, day: string, tickets: number[], amount: number | number[] = 3000, stallIds?: string[]): Promise<{ id: string; total: number }> {
    const m = marketId(code);
    const collector = (await gql(`query($m: ID) { allCollectorAssignments(filter: { marketId: $m }) { collectorId } }`, { m })).allCollectorAssignments[0].collectorId;
    const stalls = (await gql(`query($m: ID) { allStalls(filter: { marketId: $m, kind: LAPAK }, perPage: 20) { id } }`, { m })).allStalls;
    const series = (await gql(`query($m: ID) { allTicketBooks(filter: { marketId: $m }, perPage: 1) { series } }`, { m })).allTicketBooks[0].series;
    return (await gql(`mutation($i: DailyReportInput!) { submitDailyReport(input: $i) { id total } }`, {
      i: {
        clientId: randomUUID(), marketId: m, businessDate: day, collectorId: collector,
        receipts: tickets.map((t, i) => ({
          stallId: stallIds?.[i] ?? stalls[i].id, ticketNo: `${series} ${String(t).padStart(6, "0")}`, amount: Array.isArray(amount) ? amount[i] : amount,
        })),
      },
    })).submitDailyReport;
  }

  it("lists its rules with their thresholds, and refuses collectors", async () => {
    const rules = (await gql(`{ rules { code severity description thresholds { name value } } }`, {}, auditor)).rules;
    expect(rules.map((r: { code: string }) => r.code)).toEqual(expect.arrayContaining(["TICKET_DUPLICATE", "LATE_SUBMISSION", "DEPOSIT_SHORTFALL", "BILL_OVERDUE"]));
    expect(rules.find((r: { code: string }) => r.code === "LATE_SUBMISSION").thresholds).toEqual([{ name: "maxDays", value: 2 }]);
    const collector = await app.login("pemungut.cikarang");
    expect(errorCode(await app.gql(`{ allAnomalies { id } }`, {}, collector))).toBe("FORBIDDEN");
    expect(errorCode(await app.gql(RUN, { f: from, t: today }, collector))).toBe("FORBIDDEN");
    expect(errorCode(await app.gql(RUN, { f: today, t: from }, auditor))).toBe("BAD_USER_INPUT");
  });

  it("finds a reused ticket but not distinct ones, explains it, and auto-resolves it once the second report is rejected", async () => {
    await submit("PBC", addDays(today, -1), [900001, 900002]);
    const second = await submit("PBC", today, [900002, 900003], 3500);
    await submit("TMB", today, [800001, 800002]); // near miss: distinct numbers
    await run();
    const [dup] = await findings("TICKET_DUPLICATE");
    expect(dup).toMatchObject({ status: "OPEN", businessDate: today, amountAtRisk: 3500, market: { code: "PBC" } });
    expect(dup.summaryEn).toMatch(/reported 2 times/);
    expect(dup.summaryId).toMatch(/dilaporkan 2 kali/);
    expect((dup.evidence.receipts as unknown[]).length).toBe(2);
    expect((await findings("TICKET_DUPLICATE")).length).toBe(1);

    const again = await run();
    expect(again.created).toBe(0);
    expect((await findings("TICKET_DUPLICATE")).length).toBe(1);

    await gql(`mutation($id: ID!) { rejectDailyReport(id: $id, reason: "Karcis dipakai ulang") { id } }`, { id: second.id });
    const after = await run();
    expect(after.autoResolved).toBeGreaterThanOrEqual(1);
    const [resolved] = await findings("TICKET_DUPLICATE");
    expect(resolved.status).toBe("AUTO_RESOLVED");
    expect(resolved.history.map((h) => h.action)).toEqual(["DETECTED", "AUTO_RESOLVED"]);
  });

  it("compares receipts with the day's tariff: below and above are found per collector and day, the exact tariff is not", async () => {
    const market = (await gql(`{ allMarkets(perPage: 50) { id code marketClass } }`)).allMarkets.find((m: { code: string }) => m.code === "KDG");
    const tariff = (await gql(`query($c: MarketClass) { allTariffs(filter: { stallKind: LAPAK, marketClass: $c }) { amount } }`, { c: market.marketClass })).allTariffs[0].amount;
    await submit("KDG", addDays(today, -1), [500001, 500002, 500003], [tariff - 500, tariff + 1000, tariff]);
    await run([market.id]);
    const below = (await findings("BELOW_TARIFF")).filter((a) => a.market?.code === "KDG");
    const above = (await findings("ABOVE_TARIFF")).filter((a) => a.market?.code === "KDG");
    expect(below).toHaveLength(1);
    expect(below[0]).toMatchObject({ businessDate: addDays(today, -1), amountAtRisk: 500 });
    expect((below[0].evidence.receipts as Array<{ expected: number; amount: number }>)).toEqual([expect.objectContaining({ expected: tariff, amount: tariff - 500 })]);
    expect(above).toHaveLength(1);
    expect(above[0]).toMatchObject({ amountAtRisk: 1000, severity: "HIGH" });
  });

  it("finds tickets outside the collector's books and receipts for vacant stalls, not those inside a book for an occupied stall", async () => {
    const m = marketId("KDG");
    const books = (await gql(`query($m: ID) { allTicketBooks(filter: { marketId: $m }, perPage: 100) { lastNumber } }`, { m })).allTicketBooks;
    const book = { lastNumber: Math.max(...books.map((b: { lastNumber: number }) => b.lastNumber)) };
    let vacant: string | undefined;
    let occupied: string | undefined;
    for (const stall of (await gql(`query($m: ID) { allStalls(filter: { marketId: $m, kind: LAPAK }, perPage: 80) { id } }`, { m })).allStalls) {
      const permits = (await gql(`query($s: ID) { _allStallPermitsMeta(filter: { stallId: $s }) { count } }`, { s: stall.id }))._allStallPermitsMeta.count;
      if (permits === 0) vacant ??= stall.id;
      else occupied ??= stall.id;
      if (vacant && occupied) break;
    }
    expect(vacant && occupied).toBeTruthy();
    const day = addDays(today, -4);
    await submit("KDG", day, [book.lastNumber, book.lastNumber + 1], 2000, [occupied!, vacant!]);
    await run([m]);
    const outside = (await findings("TICKET_OUTSIDE_BOOK")).filter((a) => a.market?.code === "KDG" && a.businessDate === day);
    expect(outside).toHaveLength(1);
    expect((outside[0].evidence.receipts as unknown[]).length).toBe(1);
    const empty = (await findings("VACANT_STALL_RECEIPT")).filter((a) => a.market?.code === "KDG" && a.businessDate === day);
    expect(empty).toHaveLength(1);
    expect(empty[0].evidence.receipts).toEqual([expect.objectContaining({ stallId: Number(vacant) })]);
  });

  it("finds tickets skipped in a book, not those handed back unsold", async () => {
    const m = marketId("KDG");
    const book = (await gql(`query($m: ID) { allTicketBooks(filter: { marketId: $m }, sortField: "firstNumber", perPage: 1) { id firstNumber faceValue } }`, { m })).allTicketBooks[0];
    const f = book.firstNumber + 200;
    const day = addDays(today, -6);
    await submit("KDG", day, [f, f + 1, f + 3]);
    await gql(`mutation($b: ID!, $a: Int!, $z: Int!) { returnUnusedTickets(bookId: $b, firstNumber: $a, lastNumber: $z) { id } }`, { b: book.id, a: f + 4, z: f + 5 });
    expect(errorCode(await app.gql(`mutation($b: ID!, $a: Int!, $z: Int!) { returnUnusedTickets(bookId: $b, firstNumber: $a, lastNumber: $z) { id } }`, { b: book.id, a: f + 3, z: f + 3 }, officer))).toBe("CONFLICT");
    await submit("KDG", addDays(today, -5), [f + 6]);
    await run([m]);
    const gaps = ((await gql(LIST, { f: { rule: "TICKET_SERIAL_GAP", marketId: m } }, auditor)).allAnomalies as Anomaly[]).filter((a) => (a.evidence.bookId as number) === Number(book.id));
    expect(gaps).toHaveLength(1);
    expect(gaps[0]).toMatchObject({ businessDate: day, amountAtRisk: book.faceValue, evidence: expect.objectContaining({ missing: [f + 2] }) });
  });

  it("finds market days with occupied daily stalls and no report, not the days reported", async () => {
    const all = (await gql(LIST, { f: { rule: "MISSING_REPORT", marketId: marketId("KDG"), businessDate_gte: addDays(today, -10) } }, auditor)).allAnomalies as Anomaly[];
    const kdg = all.filter((a) => a.status === "OPEN").map((a) => a.businessDate);
    // Found by the first run, before the report of that day came in: closed by the next run.
    expect(all.find((a) => a.businessDate === addDays(today, -1))?.status).toBe("AUTO_RESOLVED");
    expect(kdg).toContain(addDays(today, -2));
    expect(kdg).not.toContain(addDays(today, -1));
    expect(kdg).not.toContain(addDays(today, -4));
    expect(kdg).not.toContain(today);
  });

  it("finds takings deposited after the next working day, not those deposited on the last allowed day", async () => {
    let thursday = addDays(today, -14);
    while (new Date(`${thursday}T00:00:00Z`).getUTCDay() !== 4) thursday = addDays(thursday, -1);
    const onTime = await submit("TMB", thursday, [400001]);
    const late = await submit("TMB", thursday, [400002]);
    const deposit = (id: string, total: number, day: string) => gql(`mutation($i: DepositInput!) { recordDeposit(input: $i) { id } }`, {
      i: { clientId: randomUUID(), reportIds: [id], amount: total, depositedAt: `${day}T15:00:00+07:00`, stsNumber: `STS/${randomUUID().slice(0, 6)}` },
    });
    await deposit(onTime.id, onTime.total, addDays(thursday, 1)); // Friday: the last allowed day
    await deposit(late.id, late.total, addDays(thursday, 4)); // Monday
    await run([marketId("TMB")]);
    const found = (await findings("DEPOSIT_LATE")).filter((a) => a.market?.code === "TMB" && a.businessDate === thursday);
    expect(found.map((a) => a.evidence.reportId)).toEqual([Number(late.id)]);
    expect(found[0]).toMatchObject({ amountAtRisk: late.total, evidence: expect.objectContaining({ deadline: addDays(thursday, 1) }) });
  });

  it("finds takings far below the same weekday's median of the last eight weeks, not an ordinary dip", async () => {
    let day = addDays(today, -3);
    const weeks = Array.from({ length: 10 }, (_, k) => addDays(day, -7 * (9 - k)));
    // Eight ordinary weeks of 9-11 receipts, then a dip to 9 (not found) and a drop to 3 (found).
    const counts = [10, 11, 10, 9, 10, 11, 10, 10, 9, 3];
    let ticket = 300000;
    for (const [i, week] of weeks.entries()) await submit("LMA", week, Array.from({ length: counts[i] }, () => ++ticket), 3000);
    day = weeks[9];
    await run([marketId("LMA")]);
    const drops = ((await gql(LIST, { f: { rule: "COLLECTION_DROP", marketId: marketId("LMA") } }, auditor)).allAnomalies as Anomaly[]);
    expect(drops.map((a) => a.businessDate)).toEqual([day]);
    expect(drops[0]).toMatchObject({ amountAtRisk: 30000 - 9000, evidence: expect.objectContaining({ median: 30000, weeks: 8 }) });
  });

  it("finds occupied stalls without a receipt on seven market days in a row, not stalls that paid in between", async () => {
    // The ten weekly LMA market days of the previous test: the first nine stalls paid nearly every week.
    const first = addDays(addDays(today, -3), -63);
    const m = marketId("LMA");
    const paying = (await gql(`query($m: ID) { allStalls(filter: { marketId: $m, kind: LAPAK }, perPage: 20) { id } }`, { m })).allStalls.slice(0, 9).map((x: { id: string }) => Number(x.id));
    await run([m]);
    const found = (await gql(LIST, { f: { rule: "OCCUPIED_STALL_UNCOLLECTED", marketId: m } }, auditor)).allAnomalies as Anomaly[];
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((a) => !paying.includes(a.evidence.stallId as number))).toBe(true);
    expect(found.some((a) => a.businessDate === first && a.evidence.marketDays === 10)).toBe(true);
  });

  it("finds a report submitted more than two days late, not one two days late", async () => {
    const late = await submit("BBL", addDays(today, -3), [700001]);
    const onTime = await submit("BBL", addDays(today, -2), [700002]);
    await run([marketId("BBL")]);
    const found = await findings("LATE_SUBMISSION");
    expect(found.map((a) => a.evidence.reportId)).toContain(Number(late.id));
    expect(found.map((a) => a.evidence.reportId)).not.toContain(Number(onTime.id));
  });

  it("finds a deposit short of its reports, not an exact one", async () => {
    const a = await submit("STU", today, [600001, 600002]);
    const b = await submit("STU", today, [600003]);
    const deposit = (ids: string[], amount: number) => gql(`mutation($i: DepositInput!) { recordDeposit(input: $i) { id } }`, {
      i: { clientId: randomUUID(), reportIds: ids, amount, depositedAt: new Date().toISOString(), stsNumber: `STS/${randomUUID().slice(0, 6)}` },
    });
    const short = (await deposit([a.id], a.total - 1000)).recordDeposit;
    const exact = (await deposit([b.id], b.total)).recordDeposit;
    await run([marketId("STU")]);
    const found = await findings("DEPOSIT_SHORTFALL");
    expect(found.find((x) => x.evidence.depositId === Number(short.id))).toMatchObject({ amountAtRisk: 1000, market: { code: "STU" } });
    expect(found.find((x) => x.evidence.depositId === Number(exact.id))).toBeUndefined();
  });

  const lastMonthStart = () => {
    const y = Number(today.slice(0, 4));
    const m = Number(today.slice(5, 7));
    return m === 1 ? `${y - 1}-12-01` : `${y}-${String(m - 1).padStart(2, "0")}-01`;
  };
  const kiosIds = async (code: string) =>
    (await gql(`query($m: ID) { allStalls(filter: { marketId: $m, kind: KIOS }, perPage: 20, sortField: "id") { id } }`, { m: marketId(code) })).allStalls.map((s: { id: string }) => s.id);

  it("finds round deposits that follow the daily target while the takings vary, not deposits that follow the takings", async () => {
    // PIC has no daily receipts in the demo: its collector's month is built here, deposits the next day.
    const month = lastMonthStart();
    const stalls = await kiosIds("PIC");
    const target = (await gql(`query($m: ID, $y: Int) { allRevenueTargets(filter: { marketId: $m, year: $y }) { amount } }`,
      { m: marketId("PIC"), y: Number(month.slice(0, 4)) })).allRevenueTargets[0].amount as number;
    const daily = (day: string) => targetShare(target, yearSlices(day, day)[0]);
    const receiptsPerDay = [8, 12, 9, 14, 10, 13];
    let ticket = 200000;
    const deposits: Array<{ amount: number; total: number }> = [];
    for (const [k, count] of receiptsPerDay.entries()) {
      const day = addDays(month, 2 + k);
      const perReceipt = Math.ceil(daily(day) / 7 / 1000) * 1000; // 7 receipts already cover the day's target
      const report = await submit("PIC", day, Array.from({ length: count }, () => ++ticket), perReceipt, stalls.slice(0, count));
      const amount = Math.round(daily(day) / 1000) * 1000;
      await gql(`mutation($i: DepositInput!) { recordDeposit(input: $i) { id } }`, {
        i: { clientId: randomUUID(), reportIds: [report.id], amount, depositedAt: `${addDays(day, 1)}T10:00:00+07:00`, stsNumber: `STS/PIC/${day}` },
      });
      deposits.push({ amount, total: report.total });
    }
    await run();
    const found = (await findings("DEPOSIT_MATCHES_TARGET")).filter((a) => a.status === "OPEN");
    // The demo's collectors deposit what they collected (BBL sometimes less, as a share of it): none of them is found.
    expect(found.map((a) => [a.market?.code, a.businessDate])).toEqual([["PIC", month]]);
    const reported = deposits.reduce((s, d) => s + d.total, 0);
    const deposited = deposits.reduce((s, d) => s + d.amount, 0);
    expect(found[0]).toMatchObject({ amountAtRisk: reported - deposited, evidence: expect.objectContaining({ matching: 6, reported, deposited }) });
    expect(found[0].summaryEn).toContain("round sums equal to the daily target share");
  });

  it("finds a collector yielding far less per ticket than the market's other collectors, not one a little below them", async () => {
    // PTC (kios only) has no daily receipts in the demo: three new collectors share it for a month.
    const month = lastMonthStart();
    const m = marketId("PTC");
    const stalls = await kiosIds("PTC");
    const collectors: string[] = [];
    for (const name of ["a", "b", "c"]) {
      const user = (await gql(`mutation($u: String!) { createUser(username: $u, displayName: $u, role: COLLECTOR, password: "rahasia-pemungut-1") { id } }`,
        { u: `pemungut.ptc.${name}` }, await app.login("admin"))).createUser;
      await gql(`mutation($c: ID!, $m: ID!, $f: LocalDate!) { createCollectorAssignment(collectorId: $c, marketId: $m, validFrom: $f) { id } }`, { c: user.id, m, f: month });
      collectors.push(user.id);
    }
    const series = (await gql(`query($m: ID) { allTicketBooks(filter: { marketId: $m }, perPage: 1) { series } }`, { m })).allTicketBooks[0].series;
    let ticket = 100000;
    // Seven stalls a day on five days (35 tickets each): 3 000, 2 200 (73 %: a little below) and 1 500 (50 %) a ticket.
    for (const [i, amount] of [3000, 2200, 1500].entries()) {
      for (let k = 0; k < 5; k++) {
        await gql(`mutation($i: DailyReportInput!) { submitDailyReport(input: $i) { id } }`, {
          i: {
            clientId: randomUUID(), marketId: m, businessDate: addDays(month, 3 + k), collectorId: collectors[i],
            receipts: stalls.slice(0, 7).map((stallId: string) => ({ stallId, ticketNo: `${series} ${String(++ticket).padStart(6, "0")}`, amount })),
          },
        });
      }
    }
    await run([m]);
    const found = ((await gql(LIST, { f: { rule: "COLLECTOR_OUTLIER", marketId: m } }, auditor)).allAnomalies as Anomaly[]);
    expect(found.map((a) => [a.collector?.id, a.businessDate])).toEqual([[collectors[2], month]]);
    // Peers' median 2 600 a ticket: (2 600 - 1 500) x 35 tickets.
    expect(found[0]).toMatchObject({ amountAtRisk: 1100 * 35, evidence: expect.objectContaining({ perTicket: 1500, peersPerTicket: 2600, receipts: 35 }) });
  });

  it("finds unmatched, duplicate and mismatched payments and an overdue bill, and closes them when reversed or paid", async () => {
    const month = (k: number) => addDays(`${today.slice(0, 7)}-01`, -28 * k).slice(0, 7);
    await gql(`mutation($p: String!) { generateBills(period: $p) { created } }`, { p: month(0) }, bapenda);
    await gql(`mutation($p: String!) { generateBills(period: $p) { created } }`, { p: month(3) }, bapenda);
    const bills = (await gql(`query($p: String) { allBills(filter: { period: $p }, perPage: 3, sortField: "billNumber") { id paymentCode amountDue dueDate } }`, { p: month(0) }, bapenda)).allBills;
    const pay = async (code: string, amount: number) => (await gql(`mutation($i: PaymentInput!) { recordPayment(input: $i) { id matchStatus } }`, {
      i: { channel: "QRIS", externalRef: `RRN${randomUUID().slice(0, 8)}`, paymentCode: code, amount, paidAt: new Date().toISOString() },
    }, bapenda)).recordPayment;
    await pay(bills[0].paymentCode, bills[0].amountDue);
    const duplicate = await pay(bills[0].paymentCode, bills[0].amountDue);
    const mismatch = await pay(bills[1].paymentCode, bills[1].amountDue - 2000);
    const unknown = await pay("11112222333344", 50000);
    await run();
    expect((await findings("PAYMENT_DUPLICATE")).map((a) => a.evidence.paymentId)).toEqual([Number(duplicate.id)]);
    expect((await findings("PAYMENT_AMOUNT_MISMATCH"))[0]).toMatchObject({ amountAtRisk: 2000 });
    expect((await findings("PAYMENT_UNMATCHED"))[0]).toMatchObject({ market: null, amountAtRisk: 50000 });
    expect(Number(mismatch.id)).toBeGreaterThan(0);
    const overdue = await findings("BILL_OVERDUE");
    expect(overdue.length).toBeGreaterThan(10);
    expect(overdue.every((a) => a.businessDate <= addDays(today, -31))).toBe(true);

    await gql(`mutation($id: ID!) { reversePayment(id: $id, reason: "Dana dikembalikan") { id } }`, { id: unknown.id }, bapenda);
    const old = (await gql(`query($p: String) { allBills(filter: { period: $p, status: UNPAID }, perPage: 1, sortField: "billNumber") { id paymentCode amountDue } }`, { p: month(3) }, bapenda)).allBills[0];
    await pay(old.paymentCode, old.amountDue);
    await run();
    expect((await findings("PAYMENT_UNMATCHED"))[0].status).toBe("AUTO_RESOLVED");
    expect((await findings("BILL_OVERDUE")).find((a) => a.evidence.billId === Number(old.id))!.status).toBe("AUTO_RESOLVED");
  });

  it("finds unexplained statement credits in runs over all markets, and runs over some markets leave them open", async () => {
    const csv = `Tanggal;Keterangan;Referensi;Kredit;Debit\n${today.split("-").reverse().join("/")};TRANSFER TANPA KETERANGAN;XX123;1.000.000,00;`;
    await gql(`mutation($c: String!) { importBankStatement(accountNo: "0001021234567", fileName: "a.csv", csv: $c) { id } }`, { c: csv }, bapenda);
    // The import's own background re-check covers every market, and may find it first.
    await run();
    const found = await findings("STATEMENT_LINE_UNMATCHED");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ amountAtRisk: 1_000_000, market: null, status: "OPEN" });
    await run([marketId("PBC")]);
    expect((await findings("STATEMENT_LINE_UNMATCHED"))[0]).toMatchObject({ id: found[0].id, status: "OPEN" });
  });

  it("lets auditors acknowledge, assign and resolve with a note, keeps the history, and scopes market heads", async () => {
    const [open] = await findings("DEPOSIT_SHORTFALL", "OPEN");
    const officerId = (await gql(`{ me { id } }`, {}, officer)).me.id;
    await gql(`mutation($id: ID!) { acknowledgeAnomaly(id: $id, note: "Diperiksa") { status } }`, { id: open.id }, auditor);
    await gql(`mutation($id: ID!, $u: ID) { assignAnomaly(id: $id, assigneeId: $u) { status assignee { id } } }`, { id: open.id, u: officerId }, auditor);
    const collectorId = (await gql(`{ me { id } }`, {}, await app.login("pemungut.cikarang"))).me.id;
    expect(errorCode(await app.gql(`mutation($id: ID!, $u: ID) { assignAnomaly(id: $id, assigneeId: $u) { id } }`, { id: open.id, u: collectorId }, auditor))).toBe("BAD_USER_INPUT");
    expect(errorCode(await app.gql(`mutation($id: ID!) { resolveAnomaly(id: $id, resolution: CONFIRMED_LEAKAGE, note: "") { id } }`, { id: open.id }, auditor))).toBe("BAD_USER_INPUT");
    const resolved = (await gql(`mutation($id: ID!) { resolveAnomaly(id: $id, resolution: CONFIRMED_LEAKAGE, note: "Kekurangan setor dikembalikan pemungut") { status resolution resolutionNote history { action toStatus } } }`, { id: open.id }, auditor)).resolveAnomaly;
    expect(resolved).toMatchObject({ status: "RESOLVED", resolution: "CONFIRMED_LEAKAGE" });
    expect(resolved.history.map((h: { action: string }) => h.action)).toEqual(["DETECTED", "ACKNOWLEDGED", "ASSIGNED", "RESOLVED"]);
    expect(errorCode(await app.gql(`mutation($id: ID!) { acknowledgeAnomaly(id: $id) { id } }`, { id: open.id }, auditor))).toBe("CONFLICT");
    expect(errorCode(await app.gql(`mutation($id: ID!) { acknowledgeAnomaly(id: $id) { id } }`, { id: open.id }, await app.login("bendahara")))).toBe("FORBIDDEN");
    // A human resolution survives a re-run.
    await run();
    expect((await gql(`query($id: ID!) { Anomaly(id: $id) { status } }`, { id: open.id }, auditor)).Anomaly.status).toBe("RESOLVED");

    const head = await app.login("kepala.cikarang");
    const own = (await gql(LIST, {}, head)).allAnomalies as Anomaly[];
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((a) => a.market?.code === "PBC")).toBe(true);
    const summary = (await gql(`query($f: LocalDate!, $t: LocalDate!) { anomalySummary(from: $f, to: $t) { marketId rule total open amountAtRisk } }`, { f: from, t: today }, head)).anomalySummary;
    expect(summary.every((r: { marketId: string }) => r.marketId === marketId("PBC"))).toBe(true);
    const all = (await gql(`query($f: LocalDate!, $t: LocalDate!) { anomalySummary(from: $f, to: $t) { marketId rule total open amountAtRisk } }`, { f: from, t: today }, auditor)).anomalySummary;
    const counted = (await gql(`query($f: LocalDate!, $t: LocalDate!) { _allAnomaliesMeta(filter: { businessDate_gte: $f, businessDate_lte: $t }) { count } }`, { f: from, t: today }, auditor))._allAnomaliesMeta.count;
    expect(all.reduce((s: number, r: { total: number }) => s + r.total, 0)).toBe(counted);
    const payments = all.filter((r: { rule: string }) => r.rule === "PAYMENT_AMOUNT_MISMATCH");
    expect(payments.reduce((s: number, r: { amountAtRisk: number }) => s + r.amountAtRisk, 0)).toBe(2000);
  });
});
