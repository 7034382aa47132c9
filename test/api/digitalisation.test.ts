import { randomUUID } from "node:crypto";
import { todayInJakarta } from "../../server/src/common/local-date";
import { startTestApp, errorCode, type TestApp } from "../support/api-client";

type Bill = { id: string; paymentCode: string; amountDue: number; market: { id: string; code: string }; trader: { id: string } };
interface Digitalisation {
  marketId: string; period: string; realised: number; cash: number; digital: number; otherNonCash: number; digitalShare: number;
  digitalPayments: number; payers: number; digitalPayers: number; digitalPayerShare: number;
}

const FIELDS = "marketId period realised cash digital otherNonCash digitalShare digitalPayments payers digitalPayers digitalPayerShare";
const QUERY = `query($f: LocalDate!, $t: LocalDate!, $m: [ID!]) { marketDigitalisation(from: $f, to: $t, marketIds: $m) { ${FIELDS} } }`;

/**
 * A month at Pasar Baru Cikarang with every way of paying: bills paid by QRIS, virtual account,
 * autodebit and at a bank teller, one QRIS payment reversed, and a collector's karcis deposited in
 * cash and verified. The expected figures are worked out here from what the test itself recorded.
 */
describe("market digitalisation", () => {
  let app: TestApp;
  let bapenda: string;
  let officer: string;
  let collector: string;
  let head: string;
  const today = todayInJakarta();
  const month = today.slice(0, 7);
  const expected = { digital: 0, otherNonCash: 0, cash: 0, digitalPayments: 0, digitalTraders: new Set<string>(), cashTraders: new Set<string>(), otherTraders: new Set<string>() };
  let pbc: string;
  let bbl: string;

  beforeAll(async () => {
    app = await startTestApp();
    [bapenda, officer, collector, head] = await Promise.all([app.login("bapenda"), app.login("officer"), app.login("pemungut.cikarang"), app.login("kepala.cikarang")]);
    await app.gql(`mutation { generateBills(period: "${month}") { created } }`, {}, bapenda);
    const bills = (await app.gql<{ allBills: Bill[] }>(
      `{ allBills(filter: { period: "${month}" }, perPage: 500, sortField: "billNumber") { id paymentCode amountDue market { id code } trader { id } } }`, {}, bapenda,
    )).data!.allBills;
    const ofMarket = (code: string) => bills.filter((b) => b.market.code === code);
    pbc = ofMarket("PBC")[0]!.market.id;
    bbl = ofMarket("BBL")[0]!.market.id;
    const pay = async (bill: Bill, channel: string) => {
      const result = await app.gql<{ recordPayment: { id: string; matchStatus: string } }>(
        `mutation($i: PaymentInput!) { recordPayment(input: $i) { id matchStatus } }`,
        { i: { channel, externalRef: `REF${randomUUID().replace(/-/g, "").slice(0, 12)}`, paymentCode: bill.paymentCode, amount: bill.amountDue, paidAt: new Date().toISOString() } },
        bapenda,
      );
      expect(result.data?.recordPayment.matchStatus).toBe("MATCHED");
      return result.data!.recordPayment.id;
    };
    const [qris, va, autodebit, teller, reversed] = ofMarket("PBC");
    for (const [bill, channel] of [[qris!, "QRIS"], [va!, "VIRTUAL_ACCOUNT"], [autodebit!, "AUTODEBIT"]] as const) {
      await pay(bill, channel);
      expected.digital += bill.amountDue;
      expected.digitalPayments++;
      expected.digitalTraders.add(bill.trader.id);
    }
    await pay(teller!, "TELLER");
    expected.otherNonCash += teller!.amountDue;
    expected.otherTraders.add(teller!.trader.id);
    const undone = await pay(reversed!, "QRIS");
    await app.gql(`mutation($id: ID!) { reversePayment(id: $id, reason: "Dana dikembalikan ke pembayar") { id } }`, { id: undone }, bapenda);
    // Another market's payment stays in its own row.
    await pay(ofMarket("BBL")[0]!, "QRIS");

    // Cash: three karcis at Pasar Baru Cikarang, deposited and verified.
    const sheet = (await app.gql<{ collectionSheet: { stalls: Array<{ stallId: string; occupied: boolean; amount: number | null }>; books: Array<{ series: string; nextNumber: number | null }> } }>(
      `query($m: ID!, $d: LocalDate!) { collectionSheet(marketId: $m, businessDate: $d) { stalls { stallId occupied amount } books { series nextNumber } } }`,
      { m: pbc, d: today }, collector,
    )).data!.collectionSheet;
    const stalls = sheet.stalls.filter((s) => s.occupied && s.amount !== null).slice(0, 3);
    const book = sheet.books.find((b) => b.nextNumber !== null)!;
    const report = await app.gql<{ submitDailyReport: { id: string; total: number } }>(
      `mutation($i: DailyReportInput!) { submitDailyReport(input: $i) { id total } }`,
      { i: { clientId: randomUUID(), marketId: pbc, businessDate: today, receipts: stalls.map((s, i) => ({ stallId: s.stallId, ticketNo: `${book.series} ${book.nextNumber! + i}`, amount: s.amount })) } },
      collector,
    );
    const { id: reportId, total } = report.data!.submitDailyReport;
    for (const s of stalls) {
      const permits = await app.gql<{ allStallPermits: Array<{ traderId: string }> }>(`query($s: ID!) { allStallPermits(filter: { stallId: $s }) { traderId } }`, { s: s.stallId }, officer);
      expected.cashTraders.add(permits.data!.allStallPermits[0]!.traderId);
    }
    const deposit = await app.gql<{ recordDeposit: { id: string } }>(
      `mutation($i: DepositInput!) { recordDeposit(input: $i) { id } }`,
      { i: { clientId: randomUUID(), reportIds: [reportId], amount: total, depositedAt: new Date().toISOString(), stsNumber: "STS/PBC/DIGI-1" } },
      collector,
    );
    const verified = await app.gql(`mutation($id: ID!) { verifyDeposit(id: $id, approve: true) { id status } }`, { id: deposit.data!.recordDeposit.id }, await app.login("bendahara"));
    expect(verified.errors).toBeUndefined();
    expected.cash = total;
  });
  afterAll(() => app.close());

  it("gives Pasar Baru Cikarang's month as the test's own computation from its payments and karcis", async () => {
    const result = await app.gql<{ marketDigitalisation: Digitalisation[] }>(QUERY, { f: `${month}-01`, t: today, m: [pbc] }, officer);
    expect(result.errors).toBeUndefined();
    const realised = expected.cash + expected.digital + expected.otherNonCash;
    const payers = new Set([...expected.digitalTraders, ...expected.cashTraders, ...expected.otherTraders]).size;
    expect(result.data!.marketDigitalisation).toEqual([{
      marketId: pbc, period: month, realised, cash: expected.cash, digital: expected.digital, otherNonCash: expected.otherNonCash,
      digitalShare: expected.digital / realised, digitalPayments: expected.digitalPayments, payers,
      digitalPayers: expected.digitalTraders.size, digitalPayerShare: expected.digitalTraders.size / payers,
    }]);
  });

  it("agrees with revenueReport on realised and cash for every market, one row per market and month", async () => {
    const [digitalisation, revenue] = await Promise.all([
      app.gql<{ marketDigitalisation: Digitalisation[] }>(QUERY, { f: `${month}-01`, t: today }, officer),
      app.gql<{ revenueReport: Array<{ marketId: string; period: string; deposited: number; paidOnline: number }> }>(
        `query($f: LocalDate!, $t: LocalDate!) { revenueReport(from: $f, to: $t, groupBy: MONTH) { marketId period deposited paidOnline } }`,
        { f: `${month}-01`, t: today }, officer,
      ),
    ]);
    const rows = digitalisation.data!.marketDigitalisation;
    expect(rows.map((r) => [r.marketId, r.period, r.realised, r.cash])).toEqual(
      revenue.data!.revenueReport.map((r) => [r.marketId, r.period, r.deposited + r.paidOnline, r.deposited]),
    );
    const babelan = rows.find((r) => r.marketId === bbl)!;
    expect(babelan).toMatchObject({ digitalPayments: 1, digitalPayers: 1, digitalShare: 1, cash: 0 });
  });

  it("is scoped like revenueReport: a collector and a market head see their markets only", async () => {
    const asCollector = await app.gql<{ marketDigitalisation: Digitalisation[] }>(QUERY, { f: `${month}-01`, t: today }, collector);
    const collectorMarkets = await app.gql<{ me: { marketIds: string[] } }>(`{ me { marketIds } }`, {}, collector);
    expect(asCollector.data!.marketDigitalisation.map((r) => r.marketId).sort()).toEqual([...collectorMarkets.data!.me.marketIds].sort());
    const asHead = await app.gql<{ marketDigitalisation: Digitalisation[] }>(QUERY, { f: `${month}-01`, t: today }, head);
    expect(asHead.data!.marketDigitalisation.map((r) => r.marketId)).toContain(pbc);
    expect(asHead.data!.marketDigitalisation.map((r) => r.marketId)).not.toContain(bbl);
    expect(errorCode(await app.gql(QUERY, { f: `${month}-01`, t: today, m: [bbl] }, head))).toBe("FORBIDDEN");
    expect(errorCode(await app.gql(QUERY, { f: `${month}-01`, t: today }))).toBe("UNAUTHENTICATED");
    expect(errorCode(await app.gql(QUERY, { f: `${month}-01`, t: today }, await app.login("editor.dpmptsp")))).toBe("FORBIDDEN");
  });
});
