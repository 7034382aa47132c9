import { createHmac, randomUUID } from "node:crypto";
import { addDays, todayInJakarta } from "../../server/src/common/local-date";
import type { Database } from "../../server/src/database/database";
import { RevenueSummaryService } from "../../server/src/modules/revenue/revenue-summary.service";
import { errorCode, startTestApp, type TestApp } from "../support/api-client";
import { openRawDatabase } from "../support/revenue-oracle";

const QRIS_SECRET = "qris-webhook-secret-for-tests-0123";
const PAYMENT_FIELDS = "id channel externalRef paymentCode amount paidAt matchStatus revenueDate source reversed reversedAt reversalReason bill { id status paidAt } market { id }";
const RECORD = `mutation($i: PaymentInput!) { recordPayment(input: $i) { ${PAYMENT_FIELDS} } }`;
const REVERSE = `mutation($id: ID!, $r: String!) { reversePayment(id: $id, reason: $r) { ${PAYMENT_FIELDS} } }`;

type Bill = { id: string; paymentCode: string; principal: number; amountDue: number; dueDate: string; period: string; market: { id: string } };

describe("online payments", () => {
  let app: TestApp;
  let raw: Database;
  let bapenda: string;
  let officer: string;
  let head: string;
  let bills: Bill[];
  const today = todayInJakarta();
  const thisMonth = today.slice(0, 7);

  beforeAll(async () => {
    app = await startTestApp({ webhookSecrets: { QRIS: QRIS_SECRET } });
    raw = await openRawDatabase(app);
    [bapenda, officer, head] = await Promise.all([app.login("bapenda"), app.login("officer"), app.login("kepala.cikarang")]);
    await app.gql(`mutation { generateBills(period: "${thisMonth}") { created } }`, {}, bapenda);
    bills = (await app.gql(`{ allBills(filter: { period: "${thisMonth}" }, perPage: 60, sortField: "billNumber") { id paymentCode principal amountDue dueDate period market { id } } }`, {}, bapenda)).data!.allBills;
    expect(bills.length).toBeGreaterThanOrEqual(40);
  });
  afterAll(async () => {
    await raw?.close();
    await app?.close();
  });

  let nextBill = 0;
  const freshBill = () => bills[nextBill++];
  const ref = () => `RRN${randomUUID().replace(/-/g, "").slice(0, 12)}`;
  const notice = (bill: Bill, extra: Record<string, unknown> = {}) => ({
    channel: "QRIS", externalRef: ref(), paymentCode: bill.paymentCode, amount: bill.amountDue, paidAt: new Date().toISOString(),
    payerName: "Siti Rahayu", issuer: "Bank BJB", ...extra,
  });
  const record = async (input: Record<string, unknown>, token = bapenda) => app.gql(RECORD, { i: input }, token);
  const count = async (table: string) => Number((await raw.manager.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
  const paidOnlineOf = async (marketId: string, day: string) =>
    Number((await raw.manager.query("SELECT paid_online FROM daily_market_summary WHERE market_id = ? AND business_date = ?", [Number(marketId), day]))[0]?.paid_online ?? 0);

  describe("recordPayment", () => {
    it("matches a payment of the amount due: the bill becomes PAID and the amount counts as paidOnline for the bill's market", async () => {
      const bill = freshBill();
      const before = await paidOnlineOf(bill.market.id, today);
      const res = await record(notice(bill, { rawNotification: { rrn: "x", merchant: { nmid: "ID1234" } } }));
      expect(res.errors).toBeUndefined();
      const p = res.data!.recordPayment;
      expect(p).toMatchObject({ matchStatus: "MATCHED", revenueDate: today, source: "API", reversed: false, market: { id: bill.market.id } });
      expect(p.bill).toMatchObject({ id: bill.id, status: "PAID" });
      expect(await paidOnlineOf(bill.market.id, today)).toBe(before + bill.amountDue);
      const stored = (await app.gql(`query($id: ID!) { Payment(id: $id) { rawNotification payerName issuer } }`, { id: p.id }, bapenda)).data!.Payment;
      expect(stored).toEqual({ rawNotification: { rrn: "x", merchant: { nmid: "ID1234" } }, payerName: "Siti Rahayu", issuer: "Bank BJB" });
    });

    it("keeps a second payment of a paid bill, flagged BILL_ALREADY_PAID, without counting it", async () => {
      const bill = freshBill();
      await record(notice(bill));
      const before = await paidOnlineOf(bill.market.id, today);
      const second = (await record(notice(bill, { channel: "VIRTUAL_ACCOUNT" }))).data!.recordPayment;
      expect(second.matchStatus).toBe("BILL_ALREADY_PAID");
      expect(second.revenueDate).toBeNull();
      expect(await paidOnlineOf(bill.market.id, today)).toBe(before);
      const listed = (await app.gql(`query($b: ID) { allPayments(filter: { billId: $b }) { id matchStatus } }`, { b: bill.id }, bapenda)).data!.allPayments;
      expect(listed.map((x: { matchStatus: string }) => x.matchStatus).sort()).toEqual(["BILL_ALREADY_PAID", "MATCHED"]);
    });

    it("flags AMOUNT_MISMATCH and UNKNOWN_CODE and leaves the bill unpaid", async () => {
      const bill = freshBill();
      const short = (await record(notice(bill, { amount: bill.amountDue - 1 }))).data!.recordPayment;
      expect(short).toMatchObject({ matchStatus: "AMOUNT_MISMATCH", bill: { status: "UNPAID" }, revenueDate: null });
      const unknown = (await record(notice(bill, { paymentCode: "99999999999999" }))).data!.recordPayment;
      expect(unknown).toMatchObject({ matchStatus: "UNKNOWN_CODE", bill: null, market: null });
    });

    it("charges interest from the day after the due date: principal settles on the due date, principal + 1 % the day after", async () => {
      const previous = addDays(`${thisMonth}-01`, -1).slice(0, 7);
      const older = addDays(`${previous}-01`, -1).slice(0, 7);
      await app.gql(`mutation { generateBills(period: "${older}") { created } }`, {}, bapenda);
      const [onTime, late] = (await app.gql(`{ allBills(filter: { period: "${older}" }, perPage: 2, sortField: "billNumber") { id paymentCode principal amountDue dueDate period market { id } } }`, {}, bapenda)).data!.allBills as Bill[];
      expect(addDays(late.dueDate, 1) <= today).toBe(true); // a bill of two months back is always overdue
      const dueNoon = `${onTime.dueDate}T12:00:00+07:00`;
      expect((await record(notice(onTime, { amount: onTime.principal, paidAt: dueNoon }))).data!.recordPayment.matchStatus).toBe("MATCHED");
      const dayAfter = `${addDays(late.dueDate, 1)}T08:00:00+07:00`;
      expect((await record(notice(late, { amount: late.principal, paidAt: dayAfter }))).data!.recordPayment.matchStatus).toBe("AMOUNT_MISMATCH");
      const withInterest = late.principal + Math.floor(late.principal / 100);
      const paid = (await record(notice(late, { amount: withInterest, paidAt: dayAfter }))).data!.recordPayment;
      expect(paid.matchStatus).toBe("MATCHED");
      // Paid after its month: it counts on the billed month's last day.
      expect(paid.revenueDate).toBe(addDays(`${previous}-01`, -1));
      const bill = (await app.gql(`query($id: ID!) { Bill(id: $id) { status penalty amountDue monthsLate } }`, { id: late.id }, bapenda)).data!.Bill;
      expect(bill).toEqual({ status: "PAID", penalty: Math.floor(late.principal / 100), amountDue: withInterest, monthsLate: 1 });
    });

    it("returns the stored payment for a replay, also for 10 concurrent replays, and stores it once", async () => {
      const bill = freshBill();
      const input = notice(bill);
      const first = (await record(input)).data!.recordPayment;
      const replays = await Promise.all(Array.from({ length: 10 }, () => record(input)));
      expect(replays.map((r) => r.data?.recordPayment.id)).toEqual(Array(10).fill(first.id));
      const parallel = notice(freshBill());
      const racing = await Promise.all(Array.from({ length: 10 }, () => record(parallel)));
      expect(new Set(racing.map((r) => r.data?.recordPayment.id)).size).toBe(1);
      const stored = await raw.manager.query("SELECT COUNT(*) AS n FROM payment WHERE external_ref IN (?, ?)", [input.externalRef, parallel.externalRef]);
      expect(Number(stored[0].n)).toBe(2);
    });

    it("refuses the same reference with another amount or code as CONFLICT and stores nothing", async () => {
      const bill = freshBill();
      const input = notice(bill);
      await record(input);
      const before = await count("payment");
      expect(errorCode(await record({ ...input, amount: input.amount + 500 }))).toBe("CONFLICT");
      expect(errorCode(await record({ ...input, paymentCode: bills[0].paymentCode }))).toBe("CONFLICT");
      expect(await count("payment")).toBe(before);
      // The same reference on another channel is another payment.
      expect((await record({ ...input, channel: "TELLER" })).data!.recordPayment.matchStatus).toBe("BILL_ALREADY_PAID");
    });

    it("refuses bad input with the fields at fault and writes nothing", async () => {
      const before = await count("payment");
      const res = await record({
        channel: "QRIS", externalRef: "bad ref with spaces", paymentCode: "12", amount: 0,
        paidAt: new Date(Date.now() + 3600_000).toISOString(), payerName: "x".repeat(121),
      });
      expect(errorCode(res)).toBe("BAD_USER_INPUT");
      expect(Object.keys(res.errors![0].extensions!.fields!).sort()).toEqual(["amount", "externalRef", "paidAt", "payerName", "paymentCode"]);
      expect(await count("payment")).toBe(before);
    });

    it("lets only Bapenda record and reverse, and scopes a market head to the payments of his markets", async () => {
      expect(errorCode(await record(notice(bills[0]), officer))).toBe("FORBIDDEN");
      expect(errorCode(await app.gql(REVERSE, { id: "1", r: "coba" }, officer))).toBe("FORBIDDEN");
      const collector = await app.login("pemungut.cikarang");
      expect(errorCode(await app.gql(`{ allPayments { id } }`, {}, collector))).toBe("FORBIDDEN");
      const cikarang = (await app.gql(`{ allMarkets(filter: { q: "Cikarang" }) { id code } }`, {}, officer)).data!.allMarkets.find((m: { code: string }) => m.code === "PBC").id;
      const [pbcBill] = (await app.gql(`query($m: ID) { allBills(filter: { marketId: $m, status: UNPAID }, perPage: 1) { id paymentCode principal amountDue dueDate period market { id } } }`, { m: cikarang }, bapenda)).data!.allBills;
      await record(notice(pbcBill));
      const all = (await app.gql(`{ allPayments(perPage: 500) { id market { id } } }`, {}, officer)).data!.allPayments;
      const own = (await app.gql(`{ allPayments(perPage: 500) { id market { id } } }`, {}, head)).data!.allPayments;
      expect(own.length).toBeGreaterThan(0);
      expect(all.length).toBeGreaterThan(own.length);
      expect(own.length).toBe(all.filter((p: { market: { id: string } | null }) => p.market?.id === cikarang).length);
      expect(own.every((p: { market: { id: string } }) => p.market.id === cikarang)).toBe(true);
    });
  });

  describe("reversePayment", () => {
    it("restores the bill, takes the amount back out of paidOnline, keeps the payment and refuses a second reversal", async () => {
      const bill = freshBill();
      const p = (await record(notice(bill))).data!.recordPayment;
      const before = await paidOnlineOf(bill.market.id, today);
      const rev = await app.gql(REVERSE, { id: p.id, r: "Transaksi dibatalkan bank" }, bapenda);
      expect(rev.errors).toBeUndefined();
      expect(rev.data!.reversePayment).toMatchObject({ reversed: true, reversalReason: "Transaksi dibatalkan bank", matchStatus: "MATCHED", bill: { status: "UNPAID", paidAt: null } });
      expect(await paidOnlineOf(bill.market.id, today)).toBe(before - bill.amountDue);
      expect(errorCode(await app.gql(REVERSE, { id: p.id, r: "lagi" }, bapenda))).toBe("CONFLICT");
      expect(errorCode(await app.gql(REVERSE, { id: p.id, r: "" }, bapenda))).toBe("BAD_USER_INPUT");
      // The bill can be paid again.
      expect((await record(notice(bill))).data!.recordPayment.matchStatus).toBe("MATCHED");
      expect(await new RevenueSummaryService(raw).differences()).toEqual([]);
    });
  });

  describe("POST /webhooks/payments/:channel", () => {
    const post = (channel: string, body: string, headers: Record<string, string>) =>
      fetch(`${app.url}/webhooks/payments/${channel}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
    const sign = (body: string, secret = QRIS_SECRET) => createHmac("sha256", secret).update(body).digest("hex");
    const signed = (body: string, at = Date.now()) => ({ "x-signature": sign(body), "x-timestamp": String(Math.floor(at / 1000)) });

    it("stores a signed notification (201), answers a replay with the same payment (200), also concurrently", async () => {
      const body = JSON.stringify({ ...notice(freshBill()), channel: undefined, terminal: "A01" });
      const first = await post("qris", body, signed(body));
      expect(first.status).toBe(201);
      const created = (await first.json()) as { id: string };
      expect(created).toMatchObject({ matchStatus: "MATCHED", replayed: false });
      const replays = await Promise.all(Array.from({ length: 8 }, () => post("qris", body, signed(body))));
      expect(replays.map((r) => r.status)).toEqual(Array(8).fill(200));
      expect(new Set(await Promise.all(replays.map(async (r) => ((await r.json()) as { id: string }).id)))).toEqual(new Set([created.id]));
      const stored = (await app.gql(`query($id: ID!) { Payment(id: $id) { channel source rawNotification } }`, { id: created.id }, bapenda)).data!.Payment;
      expect(stored).toMatchObject({ channel: "QRIS", source: "WEBHOOK", rawNotification: { terminal: "A01" } });
    });

    it("refuses a wrong signature or a stale timestamp with 401 and writes nothing", async () => {
      const body = JSON.stringify(notice(freshBill()));
      const before = await count("payment");
      expect((await post("qris", body, { ...signed(body), "x-signature": sign(body, "another-secret-of-some-length") })).status).toBe(401);
      expect((await post("qris", body, { "x-timestamp": String(Math.floor(Date.now() / 1000)) })).status).toBe(401);
      expect((await post("qris", `${body} `, signed(body))).status).toBe(401);
      expect((await post("qris", body, signed(body, Date.now() - 6 * 60_000))).status).toBe(401);
      expect((await post("qris", body, signed(body, Date.now() + 6 * 60_000))).status).toBe(401);
      expect((await post("qris", body, { "x-signature": sign(body) })).status).toBe(401);
      expect(await count("payment")).toBe(before);
      // Within the window, either way, is fine.
      expect((await post("qris", body, signed(body, Date.now() - 4 * 60_000))).status).toBe(201);
    });

    it("answers 400 with the reason for a body that is not a payment, 409 for a conflicting replay, 404 for a channel without webhook", async () => {
      const notJson = "{ not json";
      expect((await post("qris", notJson, signed(notJson))).status).toBe(400);
      const bad = JSON.stringify({ externalRef: "R1", paymentCode: "1", amount: "lots", paidAt: "yesterday" });
      const res = await post("qris", bad, signed(bad));
      expect(res.status).toBe(400);
      expect(Object.keys(((await res.json()) as { fields: object }).fields).sort()).toEqual(["amount", "paidAt", "paymentCode"]);
      const input = notice(freshBill());
      const body = JSON.stringify(input);
      expect((await post("qris", body, signed(body))).status).toBe(201);
      const changed = JSON.stringify({ ...input, amount: input.amount + 1 });
      expect((await post("qris", changed, signed(changed))).status).toBe(409);
      expect((await post("teller", body, signed(body))).status).toBe(404);
      expect((await post("bitcoin", body, signed(body))).status).toBe(404);
    });
  });

  describe("bank statements", () => {
    const IMPORT = `mutation($a: String!, $f: String!, $c: String!, $m: StatementColumnsInput) {
      importBankStatement(accountNo: $a, fileName: $f, csv: $c, columns: $m) {
        id status lineCount linesImported creditTotal debitTotal firstValueDate lastValueDate matchedCount matchedAmount unmatchedCount unmatchedAmount
      }
    }`;
    const rupiah = (n: number) => `${n.toLocaleString("id-ID")},00`;
    const dmy = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

    async function verifiedDeposit(): Promise<{ id: string; stsNumber: string; bankReference: string; amount: number }> {
      const collector = await app.login("pemungut.cikarang");
      const market = (await app.gql(`{ allMarkets(filter: { q: "Baru Cikarang" }) { id } }`, {}, officer)).data!.allMarkets[0].id;
      const stall = (await app.gql(`query($m: ID) { allStalls(filter: { marketId: $m, kind: LAPAK }, perPage: 1) { id } }`, { m: market }, officer)).data!.allStalls[0].id;
      const report = await app.gql(`mutation($i: DailyReportInput!) { submitDailyReport(input: $i) { id total } }`, {
        i: { clientId: randomUUID(), marketId: market, businessDate: today, receipts: [{ stallId: stall, ticketNo: `PBC-A ${Math.floor(Math.random() * 9000) + 1000}`, amount: 3000 }] },
      }, collector);
      if (report.errors) throw new Error(JSON.stringify(report.errors));
      const sts = `STS/${randomUUID().slice(0, 8)}`;
      const bankReference = `NTB${randomUUID().replace(/-/g, "").slice(0, 10)}`;
      const d = (await app.gql(`mutation($i: DepositInput!) { recordDeposit(input: $i) { id } }`, {
        i: { clientId: randomUUID(), reportIds: [report.data!.submitDailyReport.id], amount: 3000, depositedAt: new Date().toISOString(), stsNumber: sts, bankReference },
      }, collector)).data!.recordDeposit;
      await app.gql(`mutation($id: ID!) { verifyDeposit(id: $id, approve: true) { id } }`, { id: d.id }, await app.login("bendahara"));
      return { id: d.id, stsNumber: sts, bankReference, amount: 3000 };
    }

    it("reconciles credit lines with payments and verified deposits by reference, amount and value date within a day", async () => {
      const paid = await Promise.all([freshBill(), freshBill(), freshBill()].map(async (b) => (await record(notice(b, { channel: "VIRTUAL_ACCOUNT" }))).data!.recordPayment));
      const deposit = await verifiedDeposit();
      const yesterday = addDays(today, -1);
      const lines = [
        "Tanggal;Keterangan;Referensi;Kredit;Debit;Saldo",
        `${dmy(yesterday)};VA BAPENDA ${paid[0].paymentCode};${paid[0].externalRef};${rupiah(paid[0].amount)};;${rupiah(10_000_000)}`, // a day off: matched
        `${dmy(today)};VA BAPENDA;${paid[1].externalRef};${rupiah(paid[1].amount + 1)};;`, // amount differs: exception
        `${dmy(addDays(today, -3))};VA BAPENDA;${paid[2].externalRef};${rupiah(paid[2].amount)};;`, // three days off: exception
        `${dmy(today)};SETORAN PASAR;${deposit.bankReference};${rupiah(deposit.amount)};;`,
        `${dmy(today)};JASA GIRO;;${rupiah(12_500)};;`,
        `${dmy(today)};BIAYA ADM;;;${rupiah(5_000)};`,
      ];
      const csv = lines.join("\r\n");
      const res = await app.gql(IMPORT, { a: "0001234567890", f: "rekening-koran.csv", c: csv }, bapenda);
      expect(res.errors).toBeUndefined();
      const statement = res.data!.importBankStatement;
      const unmatched = paid[1].amount + 1 + paid[2].amount + 12_500;
      expect(statement).toMatchObject({
        status: "COMPLETED", lineCount: 6, linesImported: 6, debitTotal: 5_000, firstValueDate: addDays(today, -3), lastValueDate: today,
        matchedCount: 2, matchedAmount: paid[0].amount + deposit.amount, unmatchedCount: 3, unmatchedAmount: unmatched,
      });
      const stored = (await app.gql(`query($s: ID) { allStatementLines(filter: { statementId: $s }, sortField: "lineNo") { lineNo matchStatus payment { id } deposit { id } } }`, { s: statement.id }, bapenda)).data!.allStatementLines;
      expect(stored).toEqual([
        { lineNo: 2, matchStatus: "MATCHED", payment: { id: paid[0].id }, deposit: null },
        { lineNo: 3, matchStatus: "UNMATCHED", payment: null, deposit: null },
        { lineNo: 4, matchStatus: "UNMATCHED", payment: null, deposit: null },
        { lineNo: 5, matchStatus: "MATCHED", payment: null, deposit: { id: deposit.id } },
        { lineNo: 6, matchStatus: "UNMATCHED", payment: null, deposit: null },
        { lineNo: 7, matchStatus: "NOT_APPLICABLE", payment: null, deposit: null },
      ]);

      // Importing the same file again returns the stored statement and stores nothing new.
      const lineCount = await count("statement_line");
      const again = (await app.gql(IMPORT, { a: "0001234567890", f: "lagi.csv", c: csv }, bapenda)).data!.importBankStatement;
      expect(again.id).toBe(statement.id);
      expect(await count("statement_line")).toBe(lineCount);

      // The report: the statement side from the lines, the payment side from payments found on a statement or not.
      const report = (await app.gql(`query($f: LocalDate!, $t: LocalDate!) { reconciliationReport(from: $f, to: $t) {
        statementLines { matchedCount matchedAmount unmatchedCount unmatchedAmount } payments { matchedCount matchedAmount unmatchedCount unmatchedAmount }
        deposits { matchedCount matchedAmount unmatchedCount unmatchedAmount } } }`, { f: addDays(today, -3), t: today }, bapenda)).data!.reconciliationReport;
      const rows: Array<Record<string, unknown>> = await raw.manager.query("SELECT amount, paid_at, reversed_at, id FROM payment");
      const linked = new Set((await raw.manager.query("SELECT payment_id FROM statement_line WHERE payment_id IS NOT NULL")).map((r: { payment_id: number }) => Number(r.payment_id)));
      const inRange = rows.filter((p) => p.reversed_at === null && todayInJakarta(p.paid_at instanceof Date ? p.paid_at : new Date(`${String(p.paid_at).replace(" ", "T")}Z`)) >= addDays(today, -3));
      const matchedPayments = inRange.filter((p) => linked.has(Number(p.id)));
      expect(report.payments).toEqual({
        matchedCount: matchedPayments.length, matchedAmount: matchedPayments.reduce((s, p) => s + Number(p.amount), 0),
        unmatchedCount: inRange.length - matchedPayments.length, unmatchedAmount: inRange.filter((p) => !linked.has(Number(p.id))).reduce((s, p) => s + Number(p.amount), 0),
      });
      expect(report.statementLines).toEqual({ matchedCount: 2, matchedAmount: paid[0].amount + deposit.amount, unmatchedCount: 3, unmatchedAmount: unmatched });
      expect(report.deposits.matchedCount).toBe(1);
      expect(report.deposits.matchedAmount).toBe(deposit.amount);
    });

    it("refuses a file with bad lines as a whole, naming each line, and stores nothing", async () => {
      const [statements, lines] = [await count("bank_statement"), await count("statement_line")];
      const csv = [
        "Value Date,Description,Reference,Credit,Debit,Balance",
        `${today},OK,R-1,150000,,`,
        "31/02/2026,BAD DATE,R-2,150000,,",
        `${today},SEN,R-3,"1.250.000,50",,`,
        `${today},BOTH,R-4,1000,1000,`,
        `${today},OK,R-5,"1.250.000,00",,`,
      ].join("\n");
      const res = await app.gql(IMPORT, { a: "0001234567890", f: "rusak.csv", c: csv }, bapenda);
      expect(errorCode(res)).toBe("BAD_USER_INPUT");
      expect(Object.keys(res.errors![0].extensions!.fields!).sort()).toEqual(["csv.line.3", "csv.line.4", "csv.line.5"]);
      expect(res.errors![0].message).toMatch(/3 line\(s\)/);
      expect([await count("bank_statement"), await count("statement_line")]).toEqual([statements, lines]);
      const noHeader = await app.gql(IMPORT, { a: "0001234567890", f: "x.csv", c: "a,b,c\n1,2,3" }, bapenda);
      expect(errorCode(noHeader)).toBe("BAD_USER_INPUT");
      expect(res.errors![0].extensions!.fields!["csv.line.4"]).toMatch(/whole rupiah/);
    });

    it("reads a bank's own headers through a column mapping, and tries unmatched lines again once the payment arrives", async () => {
      const bill = freshBill();
      const input = notice(bill, { channel: "TELLER" });
      const csv = [`Tgl Transaksi|Uraian Transaksi|No Ref|Mutasi Kredit|Mutasi Debet`.replace(/\|/g, ";"),
        `${dmy(today)};SETORAN TELLER;${input.externalRef};${rupiah(input.amount)};0`].join("\n");
      const columns = { valueDate: "Tgl Transaksi", description: "Uraian Transaksi", reference: "No Ref", credit: "Mutasi Kredit", debit: "Mutasi Debet" };
      const statement = (await app.gql(IMPORT, { a: "0001234567890", f: "bank-lain.csv", c: csv, m: columns }, bapenda)).data!.importBankStatement;
      expect(statement).toMatchObject({ lineCount: 1, matchedCount: 0, unmatchedCount: 1 });
      await record(input);
      const after = (await app.gql(`mutation($id: ID!) { reconcileBankStatement(id: $id) { matchedCount unmatchedCount } }`, { id: statement.id }, bapenda)).data!.reconcileBankStatement;
      expect(after).toEqual({ matchedCount: 1, unmatchedCount: 0 });
    });

    it("is for the treasury and Bapenda: a market head may neither import nor read statements", async () => {
      expect(errorCode(await app.gql(IMPORT, { a: "0001234567890", f: "x.csv", c: "x" }, head))).toBe("FORBIDDEN");
      expect(errorCode(await app.gql(`{ allBankStatements { id } }`, {}, head))).toBe("FORBIDDEN");
      expect(errorCode(await app.gql(IMPORT, { a: "12", f: "", c: " " }, bapenda))).toBe("BAD_USER_INPUT");
    });
  });
});
