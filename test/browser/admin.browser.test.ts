/**
 * The built back-office (admin/dist) in Debian's Chromium against a real server on a fresh SQLite
 * file with the demo seed. The steps share one page and run in order: sign-in failure, sign-in,
 * lists, filter, token refresh, a refused tariff, language switch, sign-out, workflow actions, then
 * the payments module as Bapenda (SKRD run, bank statement upload, reconciling again, reversal,
 * reconciliation report).
 *
 * The server, browser and shared helpers are in support/harness.ts. Screenshots go to
 * $TMPDIR/lapera-admin-*.png.
 */
import { readFileSync } from "node:fs";
import type ExcelJS from "exceljs";
import type { Locator } from "playwright-core";
import { loadWorkbook } from "../support/report-files";
import {
  OFFICER,
  SESSION_KEY,
  UI_TIMEOUT,
  columnTexts,
  eventually,
  graphql,
  graphqlErrors,
  jakartaToday,
  officerToken,
  page,
  pageErrors,
  screenshot,
  server,
  signInAs,
  signInFromHome,
  storedSession,
  tokenOf,
  useBrowserHarness,
  visible,
  type PageGlobals,
} from "./support/harness";

const CIBITUNG = "Pasar Induk Cibitung";
const CIKARANG = "Pasar Baru Cikarang";

useBrowserHarness("admin");

test("a wrong password shows an Indonesian error and keeps the user out", async () => {
  await page.goto(`${server.url}/admin/`);
  await visible(page.locator('input[name="username"]'));
  // The login page is Indonesian before anyone signs in.
  await visible(page.getByRole("button", { name: "Masuk" }));
  await page.locator('input[name="username"]').fill(OFFICER.username);
  await page.locator('input[name="password"]').fill("bukan-kata-sandinya");
  await page.getByRole("button", { name: "Masuk" }).click();

  await visible(page.locator(".RaNotification-error").getByText("Nama pengguna atau kata sandi salah"));
  await screenshot("01-wrong-password");
  expect(page.url()).toContain("#/login");
  expect(await storedSession()).toBeNull();
});

test("the officer signs in and sees the Indonesian back-office", async () => {
  await page.locator('input[name="username"]').fill(OFFICER.username);
  await page.locator('input[name="password"]').fill(OFFICER.password);
  await page.getByRole("button", { name: "Masuk" }).click();

  const dashboard = page.getByTestId("dashboard");
  await visible(dashboard);
  // The officer lands on revenue monitoring for this month, its figures the server's own.
  await visible(dashboard.getByTestId("kpi-potential"));
  const today = jakartaToday();
  const report = await graphql<{ revenueReport: Array<Record<"potential" | "target" | "deposited" | "paidOnline" | "leakage", number>> }>(
    `query($f: LocalDate!, $t: LocalDate!) { revenueReport(from: $f, to: $t, groupBy: MARKET) { potential target deposited paidOnline leakage } }`,
    { f: `${today.slice(0, 7)}-01`, t: today },
    await officerToken(),
  );
  const rows = report.data!.revenueReport;
  const sum = (pick: (r: (typeof rows)[number]) => number) => rows.reduce((s, r) => s + pick(r), 0);
  const kpi = async (id: string) => Number(await dashboard.getByTestId(`kpi-${id}`).getAttribute("data-value"));
  expect(await kpi("potential")).toBe(sum((r) => r.potential));
  expect(await kpi("target")).toBe(sum((r) => r.target));
  expect(await kpi("realised")).toBe(sum((r) => r.deposited + r.paidOnline));
  expect(await kpi("leakage")).toBe(sum((r) => r.leakage));
  expect(await dashboard.getByTestId("kpi-potential").innerText()).toMatch(/Rp\s?\d{1,3}(\.\d{3})*/);
  await visible(dashboard.getByTestId("market-leakage-row"));
  expect(await dashboard.getByTestId("market-leakage-row").count()).toBe(rows.length);
  // The charts arrive in their own chunk.
  await visible(dashboard.locator(".recharts-wrapper"));

  const menu = page.getByRole("menuitem");
  await visible(menu.filter({ hasText: /^Pasar$/ }));
  await visible(menu.filter({ hasText: /^Tarif retribusi$/ }));
  // Users are for administrators only.
  expect(await menu.filter({ hasText: /^Pengguna$/ }).count()).toBe(0);
  await screenshot("02-dashboard");

  const session = await storedSession();
  expect(session?.user.username).toBe("officer");
  expect(session?.user.role).toBe("OFFICER");
  expect(session?.accessToken).toBeTruthy();
  expect(session?.refreshToken).toBeTruthy();
});

test("the market list shows the seeded markets", async () => {
  await page.getByRole("menuitem").filter({ hasText: /^Pasar$/ }).click();
  await page.waitForURL(/#\/Market/);
  await visible(page.locator("tbody td.column-name").getByText(CIBITUNG, { exact: true }));
  // Indonesian column headers.
  await visible(page.locator("thead").getByText("Nama pasar"));
  await visible(page.locator("thead").getByText("Kecamatan"));
  expect(await columnTexts("name")).toContain("Pasar Baru Cikarang");
  await screenshot("03-markets");
});

test("a market's page opens on its monitoring: this month's figures as revenueTotals gives them, stalls by kind, collectors, reports and deposits", async () => {
  // Pasar Baru Cikarang: 500 lapak on daily tickets, so collectors, reports and deposits every day.
  await page.locator("tbody td.column-name").getByText(CIKARANG, { exact: true }).click();
  await page.waitForURL(/#\/Market\/\d+\/show/);
  const marketId = /#\/Market\/(\d+)\/show/.exec(page.url())![1]!;
  const monitor = page.getByTestId("market-monitor");
  await visible(monitor.getByTestId("kpi-potential"));
  const today = jakartaToday();
  const totals = await graphql<{ revenueTotals: Array<Record<"potential" | "realised" | "leakage" | "collected", number>> }>(
    `query($f: LocalDate!, $t: LocalDate!, $m: [ID!]) { revenueTotals(from: $f, to: $t, groupBy: MARKET, marketIds: $m) { potential realised leakage collected } }`,
    { f: `${today.slice(0, 7)}-01`, t: today, m: [marketId] },
    await officerToken(),
  );
  const [total] = totals.data!.revenueTotals;
  for (const [id, value] of [["potential", total!.potential], ["realised", total!.realised], ["leakage", total!.leakage], ["collected", total!.collected]] as const) {
    expect(Number(await monitor.getByTestId(`kpi-${id}`).getAttribute("data-value"))).toBe(value);
  }
  const lapak = monitor.getByTestId("occupancy-row").filter({ hasText: "Lapak" });
  await visible(lapak);
  const [, stalls, occupied, vacant] = (await lapak.locator("td").allInnerTexts()).map((t) => Number(t.replace(/\./g, "")));
  expect(stalls).toBe(500);
  expect(occupied! + vacant!).toBe(stalls);
  await visible(monitor.getByTestId("collector-row"));
  await visible(monitor.getByTestId("report-row"));
  await visible(monitor.getByTestId("deposit-row"));
  await visible(monitor.locator(".recharts-wrapper"));
  await screenshot("03b-market-monitoring");
  // The master data is the second tab.
  await page.getByRole("tab", { name: "Data pasar" }).click();
  await visible(page.getByText("Kelas pasar", { exact: false }));
  expect(pageErrors).toEqual([]);
});

test("the stall list filters by market", async () => {
  await page.getByRole("menuitem").filter({ hasText: /^Tempat usaha$/ }).click();
  await page.waitForURL(/#\/Stall/);
  await visible(page.locator("tbody td.column-code"));
  await visible(page.locator("tbody td.column-marketId a"));

  const marketFilter = page.getByRole("combobox", { name: "Pasar" });
  await marketFilter.click();
  await marketFilter.fill("Cibitung");
  await page.getByRole("option", { name: CIBITUNG }).click();

  await page.waitForURL(/marketId/);
  const markets = await eventually(
    () => columnTexts("marketId"),
    (texts) => texts.length > 0 && texts.every((t) => t.trim() === CIBITUNG),
  );
  expect(markets.length).toBeGreaterThan(0);
  expect(new Set(markets.map((m) => m.trim()))).toEqual(new Set([CIBITUNG]));
  await screenshot("04-stalls-filtered");
});

test("an expired or invalid access token is refreshed transparently", async () => {
  const before = await storedSession();
  expect(before).not.toBeNull();
  await page.evaluate(
    ([key, session]) =>
      (globalThis as unknown as PageGlobals).localStorage.setItem(
        key,
        JSON.stringify({ ...session, accessToken: "invalid.access.token" }),
      ),
    [SESSION_KEY, before] as const,
  );
  // A full reload: nothing cached in memory, the first requests carry the bad token.
  await page.goto(`${server.url}/admin/#/Market`);
  await page.reload();
  await visible(page.locator("tbody td.column-name").getByText(CIBITUNG, { exact: true }));

  const after = await storedSession();
  expect(after?.accessToken).toBeTruthy();
  expect(after?.accessToken).not.toBe("invalid.access.token");
  expect(after?.refreshToken).not.toBe(before?.refreshToken);
  expect(page.url()).not.toContain("#/login");
});

test("an overlapping tariff is refused with an error notification", async () => {
  const token = await officerToken();
  const existing = await graphql<{
    allTariffs: Array<{ stallKind: string; marketClass: string; basis: string; validFrom: string; validTo: string | null }>;
    _allTariffsMeta: { count: number };
  }>(
    `{ allTariffs(perPage: 100) { stallKind marketClass basis validFrom validTo } _allTariffsMeta { count } }`,
    {},
    token,
  );
  const tariff = existing.data?.allTariffs[0];
  if (!tariff) throw new Error(`the demo seed has no tariff: ${JSON.stringify(existing.errors)}`);
  const countBefore = existing.data!._allTariffsMeta.count;

  // The list shows amounts as rupiah, Indonesian style (Rp 150.000).
  await page.goto(`${server.url}/admin/#/Tariff`);
  await visible(page.locator("tbody td.column-amount"));
  const amounts = await columnTexts("amount");
  expect(amounts.length).toBeGreaterThan(0);
  for (const amount of amounts) expect(amount.trim()).toMatch(/^Rp\s?\d{1,3}(\.\d{3})*$/);

  await page.goto(`${server.url}/admin/#/Tariff/create`);
  const pick = async (label: string, option: string) => {
    await page.getByRole("combobox", { name: label }).click();
    await page.getByRole("option", { name: option, exact: true }).click();
  };
  const kindLabels: Record<string, string> = {
    KIOS: "Kios",
    LOS: "Los",
    PELATARAN: "Pelataran",
    LAPAK: "Lapak",
    OTHER: "Lainnya",
  };
  const basisLabels: Record<string, string> = {
    PER_M2_PER_DAY: "Per m² per hari",
    PER_UNIT_PER_DAY: "Per unit per hari",
    PER_UNIT_PER_MONTH: "Per unit per bulan",
  };
  await pick("Jenis tempat", kindLabels[tariff.stallKind]!);
  await pick("Kelas pasar", `Kelas ${tariff.marketClass}`);
  await pick("Dasar perhitungan", basisLabels[tariff.basis]!);
  await page.getByLabel("Besaran (Rp)").fill("2500");
  // Same start date as an existing tariff for the same kind, class and basis: the periods overlap.
  await page.getByLabel("Berlaku mulai").fill(tariff.validFrom);
  await page.getByLabel("Dasar hukum").fill("Uji tumpang tindih (browser test)");
  await page.getByRole("button", { name: "Simpan" }).click();

  const error = page.locator(".RaNotification-error");
  await visible(error);
  const message = (await error.first().innerText()).trim();
  await screenshot("05-tariff-overlap");
  expect(message.length).toBeGreaterThan(0);
  expect(message).not.toContain("Data ditambahkan");
  expect(message).not.toBe("Formulir tidak valid. Periksa kembali isian yang salah");
  expect(page.url()).toContain("#/Tariff/create");

  const after = await graphql<{ _allTariffsMeta: { count: number } }>(`{ _allTariffsMeta { count } }`, {}, token);
  expect(after.data?._allTariffsMeta.count).toBe(countBefore);
});

test("an officer rejects a daily report with a reason; it stays visible as rejected", async () => {
  const token = await officerToken();
  const reports = await graphql<{ allDailyReports: Array<{ id: string; deposit: { id: string } | null }> }>(
    `{ allDailyReports(filter: { status: SUBMITTED }, sortField: "businessDate", sortOrder: "DESC", perPage: 50) { id deposit { id } } }`,
    {},
    token,
  );
  const target = reports.data!.allDailyReports.find((r) => r.deposit === null);
  expect(target).toBeDefined();
  await page.goto(`${server.url}/admin/#/DailyReport/${target!.id}/show`);
  // The receipts of the report are listed on its page.
  await visible(page.getByText("Karcis", { exact: true }));
  await visible(page.locator("tbody td.column-ticketNo"));
  await page.getByRole("button", { name: "Tolak laporan" }).first().click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Alasan penolakan").fill("Nomor karcis tidak sesuai buku karcis");
  await dialog.getByRole("button", { name: "Tolak laporan" }).click();
  await visible(page.getByText("Laporan ditolak"));
  await visible(page.getByText("Nomor karcis tidak sesuai buku karcis"));
  // People are named, not numbered, although an officer may not read users themselves.
  await visible(page.getByText("Petugas Dinas Perdagangan", { exact: true }).nth(1));
  await screenshot("06a-report-rejected");
  const stored = await graphql<{ DailyReport: { status: string; rejectionReason: string } }>(
    `query($id: ID!) { DailyReport(id: $id) { status rejectionReason } }`,
    { id: target!.id },
    token,
  );
  expect(stored.data!.DailyReport).toEqual({ status: "REJECTED", rejectionReason: "Nomor karcis tidak sesuai buku karcis" });
});

test("switching to English translates the UI", async () => {
  await page.goto(`${server.url}/admin/#/Market`);
  await visible(page.locator("tbody td.column-name").getByText(CIBITUNG, { exact: true }));
  await page.getByRole("button", { name: "Bahasa Indonesia" }).click();
  await page.getByRole("menuitem", { name: "English" }).click();

  const menu = page.getByRole("menuitem");
  await visible(menu.filter({ hasText: /^Markets$/ }));
  await visible(menu.filter({ hasText: /^Tariffs$/ }));
  await visible(page.locator("thead").getByText("Market name"));
  expect(await menu.filter({ hasText: /^Pasar$/ }).count()).toBe(0);
  expect(await page.locator("thead").getByText("Nama pasar").count()).toBe(0);
  await screenshot("06-english");
});

test("logging out returns to the login page and revokes the refresh token", async () => {
  const session = await storedSession();
  expect(session).not.toBeNull();
  await page.getByRole("button", { name: "Profile" }).click();
  await page.getByRole("menuitem", { name: "Logout" }).click();

  await page.waitForURL(/#\/login/);
  await visible(page.getByRole("button", { name: "Sign in" }));
  expect(await storedSession()).toBeNull();
  await screenshot("07-logged-out");

  const refresh = await graphql<unknown>(
    `mutation($t: String!) { refreshToken(token: $t) { accessToken } }`,
    { t: session!.refreshToken },
  );
  expect(refresh.data ?? null).toBeNull();
  expect(refresh.errors?.length).toBeGreaterThan(0);

  // Back to a protected page: still signed out.
  await page.goto(`${server.url}/admin/#/Market`);
  await page.waitForURL(/#\/login/);
  expect(pageErrors).toEqual([]);
});

/** The deposit the treasurer verifies, and the officer's realised figure over the window before it. */
const verification = { amount: 0, realisedBefore: 0 };
/** The last 60 days: a pending deposit covers recent reports, whatever the day of the month. */
const verificationWindow = () => {
  const to = jakartaToday();
  const from = new Date(Date.parse(`${to}T00:00:00Z`) - 60 * 86_400_000).toISOString().slice(0, 10);
  return { from, to };
};
async function realisedOverWindow(): Promise<number> {
  const { from, to } = verificationWindow();
  const totals = await graphql<{ revenueTotals: Array<{ realised: number }> }>(
    `query($f: LocalDate!, $t: LocalDate!) { revenueTotals(from: $f, to: $t, groupBy: MARKET) { realised } }`,
    { f: from, t: to },
    await officerToken(),
  );
  return totals.data!.revenueTotals[0]!.realised;
}

test("the treasurer verifies a pending deposit from its page", async () => {
  await page.locator('input[name="username"]').fill("bendahara");
  await page.locator('input[name="password"]').fill("lapera-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  const session = await eventually(storedSession, (s) => s !== null);
  const token = session!.accessToken;
  const pending = await graphql<{ allDeposits: Array<{ id: string; amount: number }> }>(`{ allDeposits(filter: { status: PENDING }, perPage: 1) { id amount } }`, {}, token);
  const id = pending.data!.allDeposits[0]?.id;
  expect(id).toBeDefined();
  verification.amount = pending.data!.allDeposits[0]!.amount;
  verification.realisedBefore = await realisedOverWindow();

  await page.goto(`${server.url}/admin/#/Deposit/${id}/show`);
  await visible(page.getByText("Awaiting verification"));
  await page.getByRole("button", { name: "Verify deposit" }).first().click();
  await page.getByRole("dialog").getByRole("button", { name: "Verify deposit" }).click();
  await visible(page.getByText("Deposit verified"));
  await visible(page.locator(".RaSimpleShowLayout-stack").getByText("Verified", { exact: true }));
  await screenshot("08-deposit-verified");
  const stored = await graphql<{ Deposit: { status: string; verifiedBy: { username: string } } }>(
    `query($id: ID!) { Deposit(id: $id) { status verifiedBy { username } } }`,
    { id },
    token,
  );
  expect(stored.data!.Deposit).toEqual({ status: "VERIFIED", verifiedBy: { username: "bendahara" } });
  expect(pageErrors).toEqual([]);
});

test("after the treasurer's verification the officer's dashboard shows realised up by the deposit's amount", async () => {
  // Still in English from the treasurer's session.
  await page.getByRole("button", { name: "Profile" }).click();
  await page.getByRole("menuitem", { name: "Logout" }).click();
  await page.waitForURL(/#\/login/);
  await page.locator('input[name="username"]').fill(OFFICER.username);
  await page.locator('input[name="password"]').fill(OFFICER.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  const dashboard = page.getByTestId("dashboard");
  await visible(dashboard.getByTestId("kpi-realised"));
  await dashboard.getByTestId("period-custom").click();
  await dashboard.getByTestId("period-from").fill(verificationWindow().from);
  await dashboard.getByTestId("period-to").fill(verificationWindow().to);
  await visible(dashboard.getByTestId("period-range").getByText(`${verificationWindow().from} – ${verificationWindow().to}`));
  const expected = verification.realisedBefore + verification.amount;
  const shown = await eventually(
    async () => Number(await dashboard.getByTestId("kpi-realised").getAttribute("data-value")),
    (value) => value === expected,
  );
  expect(verification.amount).toBeGreaterThan(0);
  expect(shown).toBe(expected);
  await screenshot("08b-dashboard-after-verification");
  expect(pageErrors).toEqual([]);
});

// ---------------------------------------------------------------------------------------------
// Payments module, as Bapenda (REVENUE_OFFICER). The tests make their own bills, payments and
// statement through the API and the UI rather than relying on the demo seed's payments.

const BAPENDA = { username: "bapenda", password: "lapera-demo" };

/** This month as an Asia/Jakarta month, the way the server counts business dates. */
const jakartaMonth = () => jakartaToday().slice(0, 7);
/** 2026-11-20 -> 20/11/2026, as the bank prints value dates. */
const bankDate = (day: string) => day.split("-").reverse().join("/");
/** 150000 -> 150.000,00, as the bank prints amounts. */
const bankAmount = (n: number) => `${String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".")},00`;
/** 150000 -> "Rp 150.000" (the UI formats rupiah the Indonesian way; the space may be a no-break one). */
const rupiahPattern = (n: number) => new RegExp(`Rp\\s?${String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "\\.")}(?!\\d)`);

interface BillRow {
  id: string;
  paymentCode: string;
  amountDue: number;
}

const payments = {
  stamp: Date.now().toString(36).toUpperCase(),
  bills: [] as BillRow[],
  /** Paid by QRIS today and found on the statement at import. */
  onTime: { id: "", externalRef: "" },
  /** On the statement before its notification arrives: unmatched until reconciled again. */
  late: { externalRef: "", amount: 0 },
  statementId: "",
};

async function bapendaToken(): Promise<string> {
  const session = await storedSession();
  if (session?.user.username !== BAPENDA.username) throw new Error(`expected bapenda signed in, got ${session?.user.username}`);
  return session.accessToken;
}

async function recordQrisPayment(token: string, bill: BillRow, externalRef: string) {
  const result = await graphql<{ recordPayment: { id: string; matchStatus: string } }>(
    `mutation($input: PaymentInput!) { recordPayment(input: $input) { id matchStatus } }`,
    {
      input: {
        channel: "QRIS",
        externalRef,
        paymentCode: bill.paymentCode,
        amount: bill.amountDue,
        paidAt: new Date().toISOString(),
        payerName: "Ibu Sari (uji browser)",
        issuer: "Bank BJB",
        rawNotification: { rrn: externalRef, amount: bill.amountDue, merchant: "PEMKAB BEKASI RETRIBUSI PASAR", status: "SUCCESS" },
      },
    },
    token,
  );
  if (!result.data) throw new Error(`recordPayment failed: ${JSON.stringify(result.errors)}`);
  expect(result.data.recordPayment.matchStatus).toBe("MATCHED");
  return result.data.recordPayment;
}

test("Bapenda signs in and issues this month's SKRD from the bill list", async () => {
  // The officer is still signed in, in English.
  await page.getByRole("button", { name: "Profile" }).click();
  await page.getByRole("menuitem", { name: "Logout" }).click();
  await page.waitForURL(/#\/login/);
  await page.locator('input[name="username"]').fill(BAPENDA.username);
  await page.locator('input[name="password"]').fill(BAPENDA.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await visible(page.getByTestId("dashboard"));
  await page.getByRole("button", { name: "English" }).click();
  await page.getByRole("menuitem", { name: "Bahasa Indonesia" }).click();

  const menu = page.getByRole("menuitem");
  await visible(menu.filter({ hasText: /^SKRD$/ }));
  await visible(menu.filter({ hasText: /^Pembayaran$/ }));
  await visible(menu.filter({ hasText: /^Rekening koran$/ }));
  await visible(menu.filter({ hasText: /^Rekonsiliasi$/ }));

  await menu.filter({ hasText: /^SKRD$/ }).click();
  await page.waitForURL(/#\/Bill/);
  await page.getByRole("button", { name: "Terbitkan SKRD" }).click();
  const dialog = page.getByRole("dialog");
  const period = jakartaMonth();
  // The month defaults to the current one.
  expect(await dialog.getByTestId("bill-period").inputValue()).toBe(period);
  await dialog.getByRole("button", { name: "Terbitkan SKRD" }).click();

  // Created now or by the demo seed already: either way the month's bills are counted.
  const notice = page.getByText(new RegExp(`^SKRD ${period}: \\d+ baru diterbitkan \\(pokok Rp\\s?[\\d.]+\\), \\d+ sudah ada$`));
  await visible(notice);
  await page.waitForURL(new RegExp(`period.*${period}`));
  const periods = await eventually(
    () => columnTexts("period"),
    (texts) => texts.length > 0 && texts.every((t) => t.trim() === period),
  );
  expect(periods.length).toBeGreaterThan(0);
  for (const amount of await columnTexts("amountDue")) expect(amount.trim()).toMatch(/^Rp\s?\d{1,3}(\.\d{3})*$/);
  await screenshot("09-bills-generated");

  const token = await bapendaToken();
  const bills = await graphql<{ allBills: BillRow[] }>(
    `query($p: String!) { allBills(filter: { period: $p, status: UNPAID }, sortField: "billNumber", sortOrder: "DESC", perPage: 2) { id paymentCode amountDue } }`,
    { p: period },
    token,
  );
  expect(bills.data?.allBills.length).toBe(2);
  payments.bills = bills.data!.allBills;
});

test("Bapenda uploads a bank statement: a bad file names its lines, a good one shows matched and unmatched credits", async () => {
  const token = await bapendaToken();
  const [onTimeBill, lateBill] = payments.bills;
  const onTimeRef = `RRN${payments.stamp}A`;
  payments.onTime = { id: (await recordQrisPayment(token, onTimeBill!, onTimeRef)).id, externalRef: onTimeRef };
  payments.late = { externalRef: `RRN${payments.stamp}B`, amount: lateBill!.amountDue };

  const day = bankDate(jakartaToday());
  const header = "Tanggal;Keterangan;Referensi;Kredit;Debit;Saldo";
  const bad = [header, `31/02/2026;QRIS SETTLEMENT;RRNX1;150.000,00;;1.150.000,00`, `${day};QRIS SETTLEMENT;RRNX2;150.000,50;;1.300.000,50`].join("\n");
  const good = [
    header,
    `${day};QRIS SETTLEMENT ${onTimeRef};${onTimeRef};${bankAmount(onTimeBill!.amountDue)};;${bankAmount(10_000_000 + onTimeBill!.amountDue)}`,
    `${day};QRIS SETTLEMENT ${payments.late.externalRef};${payments.late.externalRef};${bankAmount(payments.late.amount)};;${bankAmount(10_000_000 + onTimeBill!.amountDue + payments.late.amount)}`,
    `${day};BIAYA ADMINISTRASI;;;5.000,00;${bankAmount(10_000_000 + onTimeBill!.amountDue + payments.late.amount - 5_000)}`,
  ].join("\n");

  await page.getByRole("menuitem").filter({ hasText: /^Rekening koran$/ }).click();
  await page.waitForURL(/#\/BankStatement/);
  await page.getByRole("link", { name: "Impor rekening koran" }).click();
  await page.waitForURL(/#\/BankStatement\/create/);
  await page.getByLabel("Nomor rekening").fill("0012345678901");
  const fileInput = page.locator('input[type="file"]');
  await fileInput.setInputFiles({ name: `rekening-koran-salah-${payments.stamp}.csv`, mimeType: "text/csv", buffer: Buffer.from(bad) });
  await visible(page.getByText(`rekening-koran-salah-${payments.stamp}.csv`));
  await page.getByRole("button", { name: "Impor", exact: true }).click();

  // The server's message names the unreadable lines (the header is line 1); nothing is stored.
  const problem = page.getByTestId("import-problem");
  await visible(problem);
  const message = await problem.innerText();
  expect(message).toContain("line 2");
  expect(message).toContain("line 3");
  await visible(page.locator(".RaNotification-error").getByText("Rekening koran tidak diimpor"));
  expect(page.url()).toContain("#/BankStatement/create");
  await screenshot("10-statement-refused");

  const goodName = `rekening-koran-${payments.stamp}.csv`;
  await fileInput.setInputFiles({ name: goodName, mimeType: "text/csv", buffer: Buffer.from(good) });
  await visible(page.getByText(goodName));
  await page.getByRole("button", { name: "Impor", exact: true }).click();

  await page.waitForURL(/#\/BankStatement\/\d+\/show/, { timeout: UI_TIMEOUT });
  payments.statementId = /#\/BankStatement\/(\d+)\/show/.exec(page.url())![1]!;
  await visible(page.getByText("Rekening koran diimpor: 3 baris, 1 kredit cocok, 1 tidak cocok"));
  const field = (source: string) => page.locator(`.ra-field-${source}`).first();
  await visible(field("fileName").getByText(goodName));
  expect((await field("matchedCount").innerText()).trim()).toMatch(/Kredit cocok\s+1$/);
  expect((await field("unmatchedCount").innerText()).trim()).toMatch(/Kredit tidak cocok\s+1$/);
  expect(await field("matchedAmount").innerText()).toMatch(rupiahPattern(onTimeBill!.amountDue));
  expect(await field("unmatchedAmount").innerText()).toMatch(rupiahPattern(payments.late.amount));

  // The lines: the matched credit links to its payment; the filter shows the exception alone.
  await visible(page.getByRole("link", { name: `QRIS ${onTimeRef}` }));
  expect(await columnTexts("lineNo")).toEqual(["2", "3", "4"]);
  await page.getByTestId("lines-UNMATCHED").click();
  const unmatched = await eventually(() => columnTexts("reference"), (texts) => texts.length === 1);
  expect(unmatched.map((t) => t.trim())).toEqual([payments.late.externalRef]);
  await screenshot("11-statement-imported");

  const stored = await graphql<{ BankStatement: { status: string; matchedCount: number; unmatchedCount: number; importedBy: { displayName: string } } }>(
    `query($id: ID!) { BankStatement(id: $id) { status matchedCount unmatchedCount importedBy { displayName } } }`,
    { id: payments.statementId },
    token,
  );
  expect(stored.data!.BankStatement).toEqual({ status: "COMPLETED", matchedCount: 1, unmatchedCount: 1, importedBy: { displayName: "Petugas Bapenda" } });
});

test("a late notification is matched by reconciling again, and Bapenda reverses a payment with a reason", async () => {
  const token = await bapendaToken();
  await recordQrisPayment(token, payments.bills[1]!, payments.late.externalRef);

  await page.goto(`${server.url}/admin/#/BankStatement/${payments.statementId}/show`);
  await page.getByRole("button", { name: "Rekonsiliasi ulang" }).click();
  await visible(page.getByText("Rekonsiliasi selesai: 1 baris baru cocok; 2 cocok, 0 tidak cocok"));
  await visible(page.locator(".ra-field-unmatchedCount").getByText("0", { exact: true }));
  // The lines were left showing the unmatched ones: none is left.
  await visible(page.getByTestId("lines-UNMATCHED").getByText("Tidak cocok (0)"));
  await page.getByRole("button", { name: "Semua" }).click();
  await visible(page.getByRole("link", { name: `QRIS ${payments.late.externalRef}` }));

  // From the statement line to the payment's page: the channel's notification is shown as JSON.
  await page.getByRole("link", { name: `QRIS ${payments.onTime.externalRef}` }).click();
  await page.waitForURL(new RegExp(`#/Payment/${payments.onTime.id}/show`));
  const raw = page.getByTestId("raw-notification");
  await visible(raw);
  expect(JSON.parse(await raw.innerText())).toMatchObject({ rrn: payments.onTime.externalRef, status: "SUCCESS" });
  await visible(page.locator(".ra-field-billId a"));

  await page.getByRole("button", { name: "Batalkan pembayaran" }).first().click();
  const dialog = page.getByRole("dialog");
  const confirm = dialog.getByRole("button", { name: "Batalkan pembayaran" });
  // A reason is required.
  expect(await confirm.isDisabled()).toBe(true);
  await dialog.getByLabel("Alasan pembatalan").fill("Pembayaran ganda, dana dikembalikan ke pembayar");
  await confirm.click();
  await visible(page.getByText("Pembayaran dibatalkan"));
  await visible(page.getByTestId("payment-reversed"));
  await visible(page.getByText("Pembayaran ganda, dana dikembalikan ke pembayar"));
  // People are named although Bapenda may not read users.
  await visible(page.locator(".ra-field-reversedBy\\.displayName").getByText("Petugas Bapenda"));
  expect(await page.getByRole("button", { name: "Batalkan pembayaran" }).count()).toBe(0);
  await screenshot("12-payment-reversed");

  const stored = await graphql<{ Payment: { reversed: boolean; reversalReason: string; bill: { status: string } } }>(
    `query($id: ID!) { Payment(id: $id) { reversed reversalReason bill { status } } }`,
    { id: payments.onTime.id },
    token,
  );
  expect(stored.data!.Payment).toEqual({
    reversed: true,
    reversalReason: "Pembayaran ganda, dana dikembalikan ke pembayar",
    bill: { status: "UNPAID" },
  });

  // The payment list marks it reversed.
  await page.goto(`${server.url}/admin/#/Payment?filter=${encodeURIComponent(JSON.stringify({ q: payments.onTime.externalRef }))}`);
  await visible(page.locator("tbody td.column-externalRef").getByText(payments.onTime.externalRef));
  await visible(page.locator("tbody td.column-matchStatus").getByTestId("payment-reversed"));
  expect(await page.locator("tbody tr").count()).toBe(1);
  expect(pageErrors).toEqual([]);
});

test("the reconciliation report shows the three sides for a date range", async () => {
  const token = await bapendaToken();
  const today = jakartaToday();
  await page.getByRole("menuitem").filter({ hasText: /^Rekonsiliasi$/ }).click();
  await page.waitForURL(/#\/reconciliation/);
  await visible(page.getByTestId("reconciliation-report"));
  await page.getByLabel("Dari tanggal").fill(today);
  await page.getByLabel("Sampai tanggal").fill(today);

  const expected = await graphql<{
    reconciliationReport: Record<"statementLines" | "payments" | "deposits", { matchedCount: number; unmatchedCount: number }>;
  }>(
    `query($d: LocalDate!) { reconciliationReport(from: $d, to: $d) {
      statementLines { matchedCount unmatchedCount } payments { matchedCount unmatchedCount } deposits { matchedCount unmatchedCount } } }`,
    { d: today },
    token,
  );
  const report = expected.data!.reconciliationReport;
  // Today's lines include this suite's two matched credits; the reversed payment no longer counts.
  expect(report.statementLines.matchedCount).toBeGreaterThanOrEqual(2);
  for (const side of ["statementLines", "payments", "deposits"] as const) {
    const cells = page.getByTestId(`reconciliation-${side}`).locator("td");
    const texts = await eventually(
      () => cells.allInnerTexts(),
      (t) => t[0] === String(report[side].matchedCount) && t[2] === String(report[side].unmatchedCount),
    );
    expect([texts[0], texts[2]]).toEqual([String(report[side].matchedCount), String(report[side].unmatchedCount)]);
  }
  await visible(page.getByTestId("reconciliation-statementLines").getByText("Mutasi kredit rekening koran"));
  await screenshot("13-reconciliation");
  expect(pageErrors).toEqual([]);
});

// ---------------------------------------------------------------------------------------------
// Anomaly queue, as the auditor. The demo seed runs no detection, so the auditor starts a run from
// the queue first; Pasar Babelan (BBL) deposits short on about a third of its days.

const AUDITOR = { username: "auditor", password: "lapera-demo" };
const BABELAN = "Pasar Babelan";
/** A detection run over 90 demo days takes a few seconds, longer while other tests load the machine. */
const DETECTION_TIMEOUT = 90_000;

test("the auditor runs detection from the anomaly queue and filters it by rule and market", async () => {
  await signInAs(AUDITOR);
  await page.getByRole("menuitem").filter({ hasText: /^Antrean anomali$/ }).click();
  await page.waitForURL(/#\/Anomaly/);

  await page.getByRole("button", { name: "Jalankan deteksi" }).click();
  const dialog = page.getByRole("dialog");
  // The last 90 days up to today by default.
  expect(await dialog.getByTestId("run-to").inputValue()).toBe(jakartaToday());
  await dialog.getByRole("button", { name: "Jalankan", exact: true }).click();
  const result = dialog.getByTestId("detection-result");
  await visible(result, DETECTION_TIMEOUT);
  const counts = /selesai: (\d+) temuan \((\d+) baru, (\d+) dibuka kembali\), (\d+) selesai otomatis/.exec(await result.innerText());
  expect(counts).not.toBeNull();
  expect(Number(counts![1])).toBeGreaterThan(0);
  await screenshot("14-detection-run");
  await dialog.getByRole("button", { name: "Tutup" }).click();

  await page.getByRole("combobox", { name: "Aturan" }).click();
  await page.getByRole("option", { name: "Kurang setor", exact: true }).click();
  await page.waitForURL(/DEPOSIT_SHORTFALL/);
  const marketFilter = page.getByRole("combobox", { name: "Pasar" });
  await marketFilter.click();
  await marketFilter.fill("Babelan");
  await page.getByRole("option", { name: BABELAN }).click();
  await page.waitForURL(/marketId/);

  const markets = await eventually(
    () => columnTexts("marketId"),
    (texts) => texts.length > 0 && texts.every((t) => t.trim() === BABELAN),
  );
  expect(new Set(markets.map((m) => m.trim()))).toEqual(new Set([BABELAN]));
  expect(new Set((await columnTexts("rule")).map((t) => t.trim()))).toEqual(new Set(["Kurang setor"]));
  // Severity as a chip, the amount at risk in rupiah.
  expect(new Set((await columnTexts("severity")).map((t) => t.trim()))).toEqual(new Set(["Tinggi"]));
  for (const amount of await columnTexts("amountAtRisk")) expect(amount.trim()).toMatch(/^Rp\s?\d{1,3}(\.\d{3})*$/);
  await screenshot("15-anomaly-queue");

  // As many rows as the API counts (up to the first page of 10).
  const token = (await storedSession())!.accessToken;
  const expected = await graphql<{ _allAnomaliesMeta: { count: number } }>(
    `{ _allAnomaliesMeta(filter: { rule: "DEPOSIT_SHORTFALL", marketId: "4" }) { count } }`,
    {},
    token,
  );
  expect(expected.data!._allAnomaliesMeta.count).toBeGreaterThan(0);
  expect(markets.length).toBe(Math.min(expected.data!._allAnomaliesMeta.count, 10));
});

test("the auditor opens a finding, reads its explanation and evidence, acknowledges it and resolves it with a note", async () => {
  const token = (await storedSession())!.accessToken;
  await page.locator("tbody tr").first().click();
  await page.waitForURL(/#\/Anomaly\/\d+\/show/);
  const id = /#\/Anomaly\/(\d+)\/show/.exec(page.url())![1]!;

  const stored = await graphql<{ Anomaly: { rule: string; summaryId: string; evidence: { depositId: number } } }>(
    `query($id: ID!) { Anomaly(id: $id) { rule summaryId evidence } }`,
    { id },
    token,
  );
  expect(stored.data!.Anomaly.rule).toBe("DEPOSIT_SHORTFALL");
  const depositId = String(stored.data!.Anomaly.evidence.depositId);
  // The explanation in the UI's language (Indonesian).
  await visible(page.getByTestId("anomaly-explanation"));
  expect((await page.getByTestId("anomaly-explanation").innerText()).trim()).toBe(stored.data!.Anomaly.summaryId);
  const status = page.locator(".RaSimpleShowLayout-stack").getByTestId("anomaly-status");
  expect((await status.innerText()).trim()).toBe("Terbuka");

  // The evidence names the deposit and links to its page.
  const evidence = page.getByTestId("anomaly-evidence");
  const depositLink = evidence.getByRole("link", { name: `Setoran #${depositId}` });
  await visible(depositLink);
  expect(await depositLink.getAttribute("href")).toContain(`#/Deposit/${depositId}/show`);
  await visible(evidence.getByText(/^Rp\s?\d{1,3}(\.\d{3})*$/));
  await screenshot("16-anomaly-show");
  await depositLink.click();
  await page.waitForURL(new RegExp(`#/Deposit/${depositId}/show`));
  await visible(page.locator(".ra-field-stsNumber"));
  await page.goBack();
  await page.waitForURL(new RegExp(`#/Anomaly/${id}/show`));

  await page.getByRole("button", { name: "Tandai sedang diperiksa" }).first().click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Catatan").fill("Diperiksa bersama bendahara penerimaan");
  await dialog.getByRole("button", { name: "Tandai sedang diperiksa" }).click();
  await visible(page.getByText("Anomali ditandai sedang diperiksa"));
  await eventually(() => status.innerText(), (text) => text.trim() === "Sedang diperiksa");
  expect((await status.innerText()).trim()).toBe("Sedang diperiksa");
  const history = page.getByTestId("anomaly-history");
  await visible(history.getByText("Diperiksa bersama bendahara penerimaan"));
  // The step is attributed to the auditor by name.
  await visible(history.getByText("Auditor Inspektorat"));
  expect(await page.getByRole("button", { name: "Tandai sedang diperiksa" }).count()).toBe(0);

  await page.getByRole("button", { name: "Selesaikan" }).first().click();
  const confirm = dialog.getByRole("button", { name: "Selesaikan" });
  // A resolution and a note are both required.
  expect(await confirm.isDisabled()).toBe(true);
  await dialog.getByRole("combobox", { name: "Hasil pemeriksaan" }).click();
  await page.getByRole("option", { name: "Kebocoran terbukti" }).click();
  expect(await confirm.isDisabled()).toBe(true);
  const note = "Setoran kurang dikonfirmasi pemungut; selisih disetor susulan";
  await dialog.getByLabel("Catatan penyelesaian").fill(note);
  await confirm.click();
  await visible(page.getByText("Anomali diselesaikan"));
  await eventually(() => status.innerText(), (text) => text.trim() === "Selesai");
  expect((await status.innerText()).trim()).toBe("Selesai");
  await visible(page.locator(".ra-field-resolutionNote").getByText(note));
  await visible(page.locator(".ra-field-resolution").getByText("Kebocoran terbukti"));
  // A resolved finding offers no more actions.
  expect(await page.getByRole("button", { name: "Selesaikan" }).count()).toBe(0);
  await screenshot("17-anomaly-resolved");

  const after = await graphql<{ Anomaly: { status: string; resolution: string; resolutionNote: string; history: Array<{ action: string }> } }>(
    `query($id: ID!) { Anomaly(id: $id) { status resolution resolutionNote history { action } } }`,
    { id },
    token,
  );
  expect(after.data!.Anomaly).toEqual({
    status: "RESOLVED",
    resolution: "CONFIRMED_LEAKAGE",
    resolutionNote: note,
    history: [{ action: "DETECTED" }, { action: "ACKNOWLEDGED" }, { action: "RESOLVED" }],
  });
  expect(pageErrors).toEqual([]);
});

test("the auditor runs a saved example in the bundled API explorer with their own token and reads the answer", async () => {
  await page.getByRole("menuitem").filter({ hasText: /^Penjelajah API$/ }).click();
  await page.waitForURL(/#\/explorer/);
  const explorer = page.getByTestId("explorer");
  await visible(explorer.locator(".graphiql-container"), 30_000);
  await explorer.getByTestId("example-severity_counts").click();
  await visible(explorer.locator(".graphiql-query-editor").getByText("anomalySeverityCounts"));
  await explorer.locator(".graphiql-execute-button").click();
  const response = explorer.locator(".result-window");
  await visible(response.getByText("CRITICAL", { exact: false }));
  // The answer is the auditor's: the same figures the API gives them directly.
  const text = await response.innerText();
  const token = await (async () => {
    const result = await graphql<{ login: { accessToken: string } }>(
      `mutation { login(username: "auditor", password: "lapera-demo") { accessToken } }`,
    );
    return result.data!.login.accessToken;
  })();
  const today = jakartaToday();
  const direct = await graphql<{ anomalySeverityCounts: Array<{ severity: string; open: number }> }>(
    `query($f: LocalDate!, $t: LocalDate!) { anomalySeverityCounts(from: $f, to: $t) { severity open } }`,
    { f: `${today.slice(0, 4)}-01-01`, t: today },
    token,
  );
  for (const row of direct.data!.anomalySeverityCounts) expect(text).toContain(`"open": ${row.open}`);
  await screenshot("17b-api-explorer");
  // Every script and style came from the back-office itself (or is inline): no CDN.
  const foreign = await page.evaluate(() =>
    Array.from((globalThis as unknown as { document: { querySelectorAll(s: string): Array<{ src?: string; href?: string }> } }).document.querySelectorAll("script[src], link[href]"))
      .map((e) => e.src ?? e.href ?? "")
      .filter((url) => /^https?:/.test(url) && !url.startsWith((globalThis as unknown as { location: { origin: string } }).location.origin)),
  );
  expect(foreign).toEqual([]);
  expect(pageErrors).toEqual([]);
});

test("a treasurer reads the queue without workflow buttons; a collector has no anomaly queue", async () => {
  await signInAs({ username: "bendahara", password: "lapera-demo" });
  await page.getByRole("menuitem").filter({ hasText: /^Antrean anomali$/ }).click();
  await visible(page.locator("tbody td.column-rule"));
  expect(await page.getByRole("button", { name: "Jalankan deteksi" }).count()).toBe(0);
  await page.locator("tbody tr").first().click();
  await visible(page.getByTestId("anomaly-explanation"));
  expect(await page.getByRole("button", { name: "Selesaikan" }).count()).toBe(0);
  expect(await page.getByRole("button", { name: "Tugaskan" }).count()).toBe(0);

  await signInAs({ username: "pemungut.cikarang", password: "lapera-demo" });
  const menu = page.getByRole("menuitem");
  await visible(menu.filter({ hasText: /^Laporan harian$/ }));
  expect(await menu.filter({ hasText: /^Antrean anomali$/ }).count()).toBe(0);
  await screenshot("18-collector-menu");
  expect(pageErrors).toEqual([]);
});

// ---------------------------------------------------------------------------------------------
// Public-service inventory. In the demo seed, DPMPTSP's "Persetujuan Bangunan Gedung (PBG)" has a
// published version 1 that leaves the number of staff and the performance evaluation empty (12/14).

const AGENCY_EDITOR = { username: "editor.dpmptsp", password: "lapera-demo" };
const COLLECTOR = { username: "pemungut.cikarang", password: "lapera-demo" };
const PBG = "Persetujuan Bangunan Gedung (PBG)";
const NEW_REQUIREMENT = "Surat kuasa bermeterai bila permohonan dikuasakan";
const NEW_DECREE = { number: "800/Kep.215-DPMPTSP/2026 (uji browser)", date: "2026-11-20" };

interface ServiceVersions {
  id: string;
  standard: { version: number; decreeNumber: string | null; staffCount: number | null; requirements: string[]; filledComponents: number } | null;
  draft: { version: number; staffCount: number | null } | null;
  standards: Array<{ version: number; publishedAt: string | null; supersededAt: string | null }>;
}

const SERVICE_VERSIONS = `id standard { version decreeNumber staffCount requirements filledComponents } draft { version staffCount }
  standards { version publishedAt supersededAt }`;

async function pbgAsSeen(token: string): Promise<ServiceVersions> {
  const result = await graphql<{ allPublicServices: ServiceVersions[] }>(
    `query($q: String!) { allPublicServices(filter: { q: $q }) { ${SERVICE_VERSIONS} } }`,
    { q: "Persetujuan Bangunan Gedung" },
    token,
  );
  const service = result.data?.allPublicServices[0];
  if (!service) throw new Error(`PBG not found: ${JSON.stringify(result.errors)}`);
  return service;
}

const inventoryMenu = [/^Layanan publik$/, /^Instansi$/, /^Kelengkapan standar$/];

test("the agency editor sees DPMPTSP's services only, and the collector none", async () => {
  if (!page.url().includes("/admin/")) await page.goto(`${server.url}/admin/`);
  if ((await storedSession())?.user.username !== COLLECTOR.username) await signInAs(COLLECTOR);
  const menu = page.getByRole("menuitem");
  await visible(menu.filter({ hasText: /^Laporan harian$/ }));
  for (const entry of inventoryMenu) expect(await menu.filter({ hasText: entry }).count()).toBe(0);

  const token = await signInAs(AGENCY_EDITOR);
  for (const entry of inventoryMenu) await visible(menu.filter({ hasText: entry }));
  // Nothing about markets for an agency editor.
  expect(await menu.filter({ hasText: /^Pasar$/ }).count()).toBe(0);
  expect(await menu.filter({ hasText: /^Antrean anomali$/ }).count()).toBe(0);

  // The API scopes the editor's list; an officer sees every agency's services.
  const own = await graphql<{ allPublicServices: Array<{ name: string; agency: { code: string } }> }>(
    `{ allPublicServices(perPage: 100, sortField: "name", sortOrder: "ASC") { name agency { code } } }`,
    {},
    token,
  );
  const ownServices = own.data!.allPublicServices;
  expect(ownServices.map((s) => s.name)).toContain(PBG);
  expect(new Set(ownServices.map((s) => s.agency.code))).toEqual(new Set(["DPMPTSP"]));
  const all = await graphql<{ _allPublicServicesMeta: { count: number } }>(`{ _allPublicServicesMeta { count } }`, {}, await officerToken());
  expect(all.data!._allPublicServicesMeta.count).toBeGreaterThan(ownServices.length);

  await menu.filter({ hasText: /^Layanan publik$/ }).click();
  await page.waitForURL(/#\/PublicService/);
  const names = await eventually(
    () => columnTexts("name"),
    (texts) => texts.length === ownServices.length,
  );
  expect(names.map((n) => n.trim())).toEqual(ownServices.map((s) => s.name));
  const agencies = await eventually(
    () => columnTexts("agencyId"),
    (texts) => texts.length > 0 && texts.every((t) => t.trim() === "DPMPTSP"),
  );
  expect(new Set(agencies.map((a) => a.trim()))).toEqual(new Set(["DPMPTSP"]));
  // The completeness of the version in force, as n/14.
  const pbgRow = page.locator("tbody tr", { hasText: PBG });
  expect((await pbgRow.locator("td.column-completeness").innerText()).trim()).toBe("12/14");
  await screenshot("19-editor-services");
  expect(pageErrors).toEqual([]);
});

test("the agency editor completes the PBG standard, is told the decree is missing, and publishes version 2", async () => {
  const token = (await storedSession())!.accessToken;
  const before = await pbgAsSeen(token);
  expect(before.standard?.version).toBe(1);
  expect(before.standard?.staffCount ?? null).toBeNull();
  expect(before.draft).toBeNull();
  const firstDecree = before.standard!.decreeNumber!;
  const requirements = before.standard!.requirements;

  await page.locator("tbody tr", { hasText: PBG }).click();
  await page.waitForURL(new RegExp(`#/PublicService/${before.id}/show`));
  // The version in force, component by component, in Indonesian.
  const inForce = page.getByTestId("standard-in-force");
  await visible(inForce);
  expect(await inForce.getAttribute("data-version")).toBe("1");
  expect(await inForce.getByTestId("component-fee").innerText()).toMatch(rupiahPattern(2_500_000));
  expect(await inForce.getByTestId("component-completionTime").innerText()).toContain("28 hari kerja");
  const staff = inForce.getByTestId("component-staffCount");
  expect(await staff.innerText()).toContain("11. Jumlah pelaksana");
  expect(await staff.innerText()).toContain("Belum diisi");
  // Free services read "Gratis" (checked on the NIB service of the same agency below via the API).

  await page.getByRole("link", { name: "Ubah standar pelayanan" }).click();
  await page.waitForURL(new RegExp(`#/PublicService/${before.id}/standard`));
  await visible(page.getByTestId("standard-editor"));
  // Starting from the version in force: its decree is not carried over (a new version needs a new SK).
  expect(await page.getByTestId("editor-basis").innerText()).toContain("draf versi 2");
  expect(await page.getByLabel("Nomor SK").inputValue()).toBe("");

  await page.getByLabel("Jumlah pelaksana").fill("5");
  await visible(page.getByTestId("draft-completeness").getByText("13/14"));
  // A requirement added at the end and moved up one place.
  const lines = page.getByTestId("lines-requirements");
  await lines.locator(".button-add-requirements").click();
  const added = page.locator(`input[name="requirements.${requirements.length}"]`);
  await added.fill(NEW_REQUIREMENT);
  await lines.locator(`.button-reorder-requirements-${requirements.length}`).getByRole("button", { name: "Pindah ke atas" }).click();
  expect(await page.locator(`input[name="requirements.${requirements.length - 1}"]`).inputValue()).toBe(NEW_REQUIREMENT);

  // Publishing without the decree: the draft is saved, the API refuses, the fields say why.
  await page.getByRole("button", { name: "Terbitkan" }).click();
  const problems = page.getByTestId("standard-errors");
  await visible(problems);
  expect(await problems.innerText()).toContain("Nomor SK wajib diisi sebelum standar pelayanan diterbitkan");
  expect(await problems.innerText()).toContain("Tanggal SK wajib diisi sebelum standar pelayanan diterbitkan");
  await visible(page.locator(".RaNotification-error").getByText("Standar pelayanan belum dapat diterbitkan", { exact: false }));
  await visible(page.locator(".ra-input-decreeNumber").getByText("Nomor SK wajib diisi sebelum standar pelayanan diterbitkan"));
  expect(page.url()).toContain("/standard");
  await visible(page.getByTestId("editor-basis").getByText("Anda mengubah draf versi 2", { exact: false }));
  await screenshot("20-standard-decree-missing");
  const refused = await pbgAsSeen(token);
  expect(refused.standard?.version).toBe(1);
  expect(refused.draft).toEqual({ version: 2, staffCount: 5 });

  await page.getByLabel("Nomor SK").fill(NEW_DECREE.number);
  await page.getByLabel("Tanggal SK").fill(NEW_DECREE.date);
  await page.getByRole("button", { name: "Terbitkan" }).click();
  await page.waitForURL(new RegExp(`#/PublicService/${before.id}/show`));
  await visible(page.getByText("Standar pelayanan versi 2 diterbitkan"));
  await eventually(() => inForce.getAttribute("data-version"), (v) => v === "2");
  expect(await inForce.getAttribute("data-version")).toBe("2");
  expect(await inForce.getByTestId("component-staffCount").innerText()).toContain("5 orang");
  expect(await inForce.getByTestId("decree").innerText()).toContain(NEW_DECREE.number);
  expect(await page.getByTestId("standard-draft").count()).toBe(0);
  // Version 2 in force, version 1 superseded in the history.
  const history = page.getByTestId("standard-history");
  await visible(history);
  expect(await history.getByTestId("history-version-2").getAttribute("data-status")).toBe("IN_FORCE");
  expect(await history.getByTestId("history-version-2").innerText()).toContain("Berlaku");
  expect(await history.getByTestId("history-version-1").getAttribute("data-status")).toBe("SUPERSEDED");
  expect(await history.getByTestId("history-version-1").innerText()).toContain("Digantikan");
  expect(await history.getByTestId("history-version-1").innerText()).toContain(firstDecree);
  await screenshot("21-standard-published");

  const after = await pbgAsSeen(token);
  expect(after.standard).toEqual({
    version: 2,
    decreeNumber: NEW_DECREE.number,
    staffCount: 5,
    requirements: [...requirements.slice(0, -1), NEW_REQUIREMENT, requirements[requirements.length - 1]],
    filledComponents: 13,
  });
  expect(after.draft).toBeNull();
  expect(after.standards.map((s) => [s.version, s.publishedAt !== null, s.supersededAt !== null])).toEqual([
    [2, true, false],
    [1, true, true],
  ]);
  expect(pageErrors).toEqual([]);
});

test("an officer reads services, standards and completeness without edit buttons", async () => {
  const token = await signInAs(OFFICER);
  const menu = page.getByRole("menuitem");
  await menu.filter({ hasText: /^Layanan publik$/ }).click();
  await page.waitForURL(/#\/PublicService/);
  const count = (await graphql<{ _allPublicServicesMeta: { count: number } }>(`{ _allPublicServicesMeta { count } }`, {}, token)).data!
    ._allPublicServicesMeta.count;
  const names = await eventually(() => columnTexts("name"), (texts) => texts.length === Math.min(count, 25));
  expect(names.length).toBe(Math.min(count, 25));
  expect(await page.getByRole("link", { name: "Tambah" }).count()).toBe(0);

  // A free service reads "Gratis".
  await page.locator("tbody tr", { hasText: "Penerbitan KTP Elektronik (KTP-el)" }).click();
  await visible(page.getByTestId("standard-in-force").getByTestId("component-fee").getByText("Gratis"));

  await page.goBack();
  await page.locator("tbody tr", { hasText: PBG }).click();
  const inForce = page.getByTestId("standard-in-force");
  await visible(inForce);
  await eventually(() => inForce.getAttribute("data-version"), (v) => v === "2");
  expect(await inForce.getAttribute("data-version")).toBe("2");
  await visible(page.getByTestId("history-version-1"));
  expect(await page.getByRole("link", { name: "Ubah standar pelayanan" }).count()).toBe(0);
  expect(await page.getByRole("link", { name: "Ubah", exact: true }).count()).toBe(0);
  await screenshot("22-officer-service");

  // Completeness per agency, lowest first.
  await menu.filter({ hasText: /^Kelengkapan standar$/ }).click();
  const table = page.getByTestId("standard-completeness");
  await visible(table.locator("tbody tr"));
  const expected = await graphql<{ standardCompleteness: Array<{ percent: number; agency: { code: string }; filledComponents: number; possibleComponents: number }> }>(
    `{ standardCompleteness { percent filledComponents possibleComponents agency { code } } }`,
    {},
    token,
  );
  const rows = expected.data!.standardCompleteness;
  const lowest = Math.min(...rows.map((r) => r.percent));
  const first = table.locator("tbody tr").first();
  const firstCode = ((await first.getAttribute("data-testid")) ?? "").replace(/^completeness-/, "");
  expect(rows.find((r) => r.agency.code === firstCode)?.percent).toBe(lowest);
  expect(await table.locator("tbody tr").count()).toBe(rows.length);
  const dpmptsp = rows.find((r) => r.agency.code === "DPMPTSP")!;
  expect(await table.getByTestId("completeness-DPMPTSP").innerText()).toContain(`${dpmptsp.filledComponents}/${dpmptsp.possibleComponents}`);
  await screenshot("23-standard-completeness");

  // Agencies: read only for an officer.
  await menu.filter({ hasText: /^Instansi$/ }).click();
  await visible(page.locator("tbody td.column-code").getByText("DPMPTSP", { exact: true }));
  expect(await page.getByRole("link", { name: "Tambah" }).count()).toBe(0);
  expect(pageErrors).toEqual([]);
});

// ---------------------------------------------------------------------------------------------
// Ombudsman compliance. The demo seed holds the real figures: the seven units assessed in 2022
// (published average 73,02, C), the published averages of 2023 (83,22) and 2024 (87,88), and the
// 2025 target of 90,00. Only the administrator writes; the officer reads.

const ADMIN = { username: "admin", password: "lapera-demo" };

interface ComplianceSummaryRow {
  average: number | null;
  category: string | null;
  zone: string | null;
  change: number | null;
  target: number | null;
  gap: number | null;
  units: Array<{ score: number; category: string | null; zone: string; agency: { code: string; shortName: string } }>;
}

async function complianceSummaryOf(year: number, token: string): Promise<ComplianceSummaryRow> {
  const result = await graphql<{ complianceSummary: ComplianceSummaryRow }>(
    `query($year: Int!) { complianceSummary(year: $year) { average category zone change target gap
      units { score category zone agency { code shortName } } } }`,
    { year },
    token,
  );
  if (!result.data) throw new Error(`complianceSummary(${year}) failed: ${JSON.stringify(result.errors)}`);
  return result.data.complianceSummary;
}

/** A score as the Indonesian UI writes it: two decimals after a comma. */
const scoreText = (n: number) => n.toFixed(2).replace(".", ",");
const ZONE_LABELS: Record<string, string> = { HIJAU: "Zona hijau", KUNING: "Zona kuning", MERAH: "Zona merah" };

test("the officer opens Kepatuhan Ombudsman on 2022: the published 73,02 in category C, yellow zone, and the seven units as the API ranks them, read only", async () => {
  if (!page.url().includes("/admin/")) await page.goto(`${server.url}/admin/`);
  const session = await storedSession();
  const token = session?.user.username === OFFICER.username ? session.accessToken : await signInAs(OFFICER);
  const menu = page.getByRole("menuitem");
  await menu.filter({ hasText: /^Kepatuhan Ombudsman$/ }).click();
  await page.waitForURL(/#\/ComplianceSummary/);

  // Opens on the latest year with assessments: 2022 in the demo data.
  const average = page.getByTestId("compliance-average-value");
  await visible(average);
  expect((await page.getByRole("combobox", { name: "Tahun" }).innerText()).trim()).toBe("2022");
  expect((await average.innerText()).trim()).toBe("73,02");
  const band = page.getByTestId("compliance-category");
  expect((await band.getByTestId("category-chip").innerText()).trim()).toBe("C");
  expect((await band.getByTestId("zone-chip").innerText()).trim()).toBe("Zona kuning");
  expect(await page.getByTestId("compliance-target").innerText()).toContain("Belum ditetapkan");
  expect(await page.getByTestId("compliance-change").innerText()).toContain("Tidak ada nilai tahun sebelumnya");

  // The units in the API's order (highest first), scores with a decimal comma, chips from the server's bands.
  const expected = await complianceSummaryOf(2022, token);
  expect(expected.average).toBe(73.02);
  expect(expected.units).toHaveLength(7);
  const rows = page.locator('[data-testid^="compliance-unit-"]');
  await eventually(() => rows.count(), (n) => n === 7);
  expect(await rows.count()).toBe(7);
  // The unit is the row header (th): its short name, then its full name.
  const units = await page.locator("tbody th.column-agency").allInnerTexts();
  expect(units.map((t) => t.split("\n")[0]!.trim())).toEqual(expected.units.map((u) => u.agency.shortName));
  expect((await columnTexts("score")).map((t) => t.trim())).toEqual(expected.units.map((u) => scoreText(u.score)));
  expect((await columnTexts("category")).map((t) => t.trim())).toEqual(expected.units.map((u) => u.category));
  expect((await columnTexts("zone")).map((t) => t.trim())).toEqual(expected.units.map((u) => ZONE_LABELS[u.zone]));
  const dpmptsp = page.getByTestId("compliance-unit-DPMPTSP");
  expect((await dpmptsp.locator("td.column-score").innerText()).trim()).toBe("82,70");
  expect((await dpmptsp.getByTestId("category-chip").innerText()).trim()).toBe("B");
  await screenshot("24-compliance-2022");

  // Another year: 2023 has the published 83,22 (B, green), 10,20 up on 2022, and no unit scores.
  await page.getByRole("combobox", { name: "Tahun" }).click();
  await page.getByRole("option", { name: "2023", exact: true }).click();
  await page.waitForURL(/year=2023/);
  await eventually(() => average.innerText(), (t) => t.trim() === "83,22");
  expect((await average.innerText()).trim()).toBe("83,22");
  expect((await band.getByTestId("category-chip").innerText()).trim()).toBe("B");
  expect((await band.getByTestId("zone-chip").innerText()).trim()).toBe("Zona hijau");
  expect((await page.getByTestId("compliance-change-value").innerText()).trim()).toBe("+10,20");
  expect(await rows.count()).toBe(0);

  // The officer reads the assessments but may not record one.
  await menu.filter({ hasText: /^Penilaian kepatuhan$/ }).click();
  await page.waitForURL(/#\/ComplianceAssessment/);
  await visible(page.locator("tbody td.column-score"));
  expect(await page.getByRole("link", { name: "Tambah" }).count()).toBe(0);
  expect(pageErrors).toEqual([]);
});

test("the admin records an assessment: 101 and three decimals are refused in Indonesian, a future year by the server, 88,01 is saved as category A", async () => {
  const token = await signInAs(ADMIN);
  const countFor2025 = async () =>
    (await graphql<{ _allComplianceAssessmentsMeta: { count: number } }>(`{ _allComplianceAssessmentsMeta(filter: { year: 2025 }) { count } }`, {}, token))
      .data!._allComplianceAssessmentsMeta.count;
  expect(await countFor2025()).toBe(0);

  await page.getByRole("menuitem").filter({ hasText: /^Penilaian kepatuhan$/ }).click();
  await page.waitForURL(/#\/ComplianceAssessment/);
  await page.getByRole("link", { name: "Tambah" }).click();
  await page.waitForURL(/#\/ComplianceAssessment\/create/);
  const agency = page.getByRole("combobox", { name: "Instansi" });
  await agency.click();
  await agency.fill("DPMPTSP");
  // The choices are searched on the server: wait until the list holds only the match, then pick it.
  await eventually(() => page.getByRole("option").allInnerTexts(), (texts) => texts.length === 1 && texts[0]!.startsWith("DPMPTSP"));
  await page.getByRole("option", { name: /^DPMPTSP/ }).click();
  expect(await agency.inputValue()).toMatch(/^DPMPTSP/);
  await page.getByLabel("Tahun").fill("2025");
  const score = page.locator('input[name="score"]');
  const save = page.getByRole("button", { name: "Simpan" });

  // Refused in the browser before anything is sent.
  await score.fill("101");
  await save.click();
  await visible(page.locator(".ra-input-score").getByText("Nilai harus antara 0 dan 100"));
  await score.fill("88,015");
  await save.click();
  await visible(page.locator(".ra-input-score").getByText("Paling banyak dua angka desimal, mis. 73,02"));
  expect(page.url()).toContain("#/ComplianceAssessment/create");
  expect(await countFor2025()).toBe(0);

  // A year that has not begun passes the form; the server refuses it and the field says why, in Indonesian.
  const currentYear = Number(jakartaToday().slice(0, 4));
  await score.fill("88,01");
  await page.getByLabel("Tahun").fill(String(currentYear + 1));
  await save.click();
  await visible(page.locator(".ra-input-year").getByText(`Tahun tidak boleh melewati tahun berjalan (${currentYear})`));
  await visible(page.locator(".RaNotification-error").getByText("Tidak disimpan: server menolak isian yang ditandai"));
  expect(graphqlErrors.some((e) => e.startsWith("BAD_USER_INPUT") && e.includes("current year"))).toBe(true);
  await screenshot("25-compliance-refused");

  // 88,01 in 2025: the server puts it in category A (from 88,01) and the green zone.
  await page.getByLabel("Tahun").fill("2025");
  await save.click();
  await page.waitForURL(/#\/ComplianceAssessment\/\d+\/show/);
  const id = /#\/ComplianceAssessment\/(\d+)\/show/.exec(page.url())![1]!;
  await visible(page.locator(".ra-field-category").getByTestId("category-chip"));
  const stored = await graphql<{ ComplianceAssessment: { year: number; score: number; category: string; zone: string; agency: { code: string } } }>(
    `query($id: ID!) { ComplianceAssessment(id: $id) { year score category zone agency { code } } }`,
    { id },
    token,
  );
  expect(stored.data!.ComplianceAssessment).toEqual({ year: 2025, score: 88.01, category: "A", zone: "HIJAU", agency: { code: "DPMPTSP" } });
  expect((await page.locator(".ra-field-score").innerText()).trim()).toContain("88,01");
  expect((await page.locator(".ra-field-category").getByTestId("category-chip").innerText()).trim()).toBe("A");
  expect((await page.locator(".ra-field-zone").getByTestId("zone-chip").innerText()).trim()).toBe("Zona hijau");
  expect(await countFor2025()).toBe(1);
  await screenshot("26-compliance-recorded");

  // The year's summary now has a figure, so the gap to the 2025 target (90,00) shows.
  await page.getByRole("link", { name: "Ringkasan tahunan" }).click();
  await page.waitForURL(/#\/ComplianceSummary\?year=2025/);
  const summary = await complianceSummaryOf(2025, token);
  expect(summary).toMatchObject({ average: 88.01, category: "A", target: 90, gap: 1.99 });
  await eventually(() => page.getByTestId("compliance-average-value").innerText(), (t) => t.trim() === "88,01");
  expect((await page.getByTestId("compliance-target-value").innerText()).trim()).toBe("90,00");
  expect((await page.getByTestId("compliance-gap").innerText()).trim()).toBe("Kurang 1,99 dari target");
  expect((await page.getByTestId("compliance-change-value").innerText()).trim()).toBe(`+${scoreText(summary.change!)}`);
  expect(await page.locator('[data-testid^="compliance-unit-"]').count()).toBe(1);
  await screenshot("27-compliance-2025");
  expect(pageErrors).toEqual([]);
});

// ---------------------------------------------------------------------------------------------
// Venues and SP4N-LAPOR! complaints (issue 7, item 4 and 7). The demo seed has the MPP at Lotte
// Grosir Cikarang with one counter for each of its 17 tenants and January 2026's 4 620 visitors
// (the real figure), and 60 synthetic complaints where Disdukcapil, Tirta Bhagasasi and Dinas
// Kesehatan lag. The tests sign in as they need; a complaint they record is their own.

const MPP = "Mal Pelayanan Publik Kabupaten Bekasi";

/** The texts of a table's cells of one column (`td.column-<source>`), trimmed. */
const cellsOf = async (table: Locator, source: string) =>
  (await table.locator(`tbody td.column-${source}`).allInnerTexts()).map((t) => t.trim());

test("the officer opens the MPP's page and sees its 17 tenants' counters and January 2026's 4.620 visitors, read only", async () => {
  const token = await signInFromHome(OFFICER);
  const venues = await graphql<{ allServiceVenues: Array<{ id: string; name: string }> }>(
    `{ allServiceVenues(filter: { kind: MPP }) { id name } }`,
    {},
    token,
  );
  const mpp = venues.data!.allServiceVenues.find((v) => v.name === MPP)!;
  const counters = await graphql<{ allVenueCounters: Array<{ counterNumber: number; agency: { shortName: string } }> }>(
    `query($v: ID!) { allVenueCounters(filter: { venueId: $v }, sortField: "counterNumber", sortOrder: "ASC", perPage: 100) { counterNumber agency { shortName } } }`,
    { v: mpp.id },
    token,
  );
  const expected = counters.data!.allVenueCounters;
  expect(expected).toHaveLength(17);

  await page.getByRole("menuitem").filter({ hasText: /^Tempat pelayanan$/ }).click();
  await page.waitForURL(/#\/ServiceVenue/);
  await page.locator("tbody tr", { hasText: MPP }).click();
  await page.waitForURL(new RegExp(`#/ServiceVenue/${mpp.id}/show`));

  const table = page.getByTestId("venue-counters");
  await visible(table.locator("tbody tr"));
  await eventually(() => table.locator("tbody tr").count(), (n) => n === 17);
  expect(await table.locator("tbody tr").count()).toBe(17);
  expect(await cellsOf(table, "agencyId")).toEqual(expected.map((c) => c.agency.shortName));
  expect(await cellsOf(table, "counterNumber")).toEqual(expected.map((c) => String(c.counterNumber)));

  // The visitors per month, latest first; January 2026 is the real count.
  const visits = page.getByTestId("venue-visits");
  const january = visits.locator("tbody tr", { hasText: "Januari 2026" });
  await visible(january);
  expect((await january.locator("td.column-visitors").innerText()).trim()).toBe("4.620");
  expect((await january.locator("td.column-synthetic").innerText()).trim()).toBe("Data riil");
  const months = await cellsOf(visits, "month");
  expect(months.indexOf("Februari 2026")).toBeLessThan(months.indexOf("Januari 2026"));

  // Facilities with their condition chips (good, needs repair, missing all occur at the MPP).
  const conditions = await page.getByTestId("venue-facilities").locator("td.column-condition [data-value]").evaluateAll((chips) =>
    chips.map((c) => (c as unknown as { getAttribute(name: string): string | null }).getAttribute("data-value")),
  );
  expect(new Set(conditions)).toEqual(new Set(["GOOD", "NEEDS_REPAIR", "MISSING"]));
  expect(await page.getByRole("link", { name: "Ubah", exact: true }).count()).toBe(0);
  await screenshot("28-venue-mpp");
  expect(pageErrors).toEqual([]);
});

const complaint = { id: "", trackingNumber: `UJI-${Date.now().toString(36).toUpperCase()}` };

/** A local "YYYY-MM-DDTHH:mm" an hour ago (the browser runs on this machine, in its time zone). */
const anHourAgo = () => {
  const d = new Date(Date.now() - 3_600_000);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
};

interface ComplaintState {
  status: string;
  agency: { shortName: string } | null;
  verificationSla: string;
  followUpSla: string;
  resolutionSla: string;
  followUps: Array<{ authorName: string; statusFrom: string | null; statusTo: string | null }>;
}

async function complaintAsAdmin(): Promise<ComplaintState> {
  const result = await graphql<{ Complaint: ComplaintState }>(
    `query($id: ID!) { Complaint(id: $id) { status agency { shortName } verificationSla followUpSla resolutionSla followUps { authorName statusFrom statusTo } } }`,
    { id: complaint.id },
    await tokenOf(ADMIN),
  );
  if (!result.data) throw new Error(`Complaint ${complaint.id}: ${JSON.stringify(result.errors)}`);
  return result.data.Complaint;
}

const statusChip = () => page.locator(".ra-field-status [data-value]").first();

test("the admin records a complaint from SP4N-LAPOR!, verifies it and disposes it to DPMPTSP", async () => {
  await signInFromHome(ADMIN);
  await page.getByRole("menuitem").filter({ hasText: /^Pengaduan$/ }).click();
  await page.waitForURL(/#\/Complaint/);
  await visible(page.locator("tbody td.column-trackingNumber"));
  await page.getByRole("link", { name: "Tambah" }).click();
  await page.waitForURL(/#\/Complaint\/create/);
  const input = (name: string) => page.locator(`form [name="${name}"]`);
  await visible(input("trackingNumber"));
  await input("trackingNumber").fill(complaint.trackingNumber);
  await input("receivedAt").fill(anHourAgo());
  await input("category").fill("Perizinan");
  await input("subject").fill("Loket NIB di MPP tutup sebelum jam layanan (uji browser)");
  await input("text").fill("Pada hari kerja loket DPMPTSP di MPP sudah tutup pukul 13.00. Mohon ditindaklanjuti.");
  await page.getByRole("button", { name: "Simpan" }).click();
  await page.waitForURL(/#\/Complaint\/\d+\/show/);
  complaint.id = /#\/Complaint\/(\d+)\/show/.exec(page.url())![1]!;
  await visible(statusChip());
  expect(await statusChip().getAttribute("data-value")).toBe("RECEIVED");
  expect((await statusChip().innerText()).trim()).toBe("Diterima");
  // Not disposed yet: no follow-up, and nothing to follow up.
  expect(await page.getByRole("button", { name: "Tambah tindak lanjut" }).count()).toBe(0);

  await page.getByRole("button", { name: "Verifikasi" }).click();
  await visible(page.getByText("Pengaduan terverifikasi"));
  await eventually(() => statusChip().getAttribute("data-value"), (v) => v === "VERIFIED");
  expect((await statusChip().innerText()).trim()).toBe("Terverifikasi");
  expect(await page.getByTestId("complaint-sla").getByTestId("sla-verification").getAttribute("data-value")).toBe("MET");

  await page.getByRole("button", { name: "Disposisi" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("combobox", { name: "Instansi tujuan" }).click();
  await page.getByRole("option", { name: /^DPMPTSP/ }).click();
  await dialog.getByRole("button", { name: "Disposisi" }).click();
  await visible(page.getByText("Pengaduan didisposisikan"));
  await eventually(() => statusChip().getAttribute("data-value"), (v) => v === "DISPOSED");
  expect((await page.locator(".ra-field-agency\\.shortName").innerText()).trim()).toContain("DPMPTSP");
  // The follow-up clock runs; archiving is not a move from DISPOSED, so it is not offered.
  expect(await page.getByTestId("complaint-sla").getByTestId("sla-follow-up").getAttribute("data-value")).toBe("PENDING");
  expect(await page.getByRole("button", { name: "Arsipkan" }).count()).toBe(0);
  await screenshot("29-complaint-disposed");

  const stored = await complaintAsAdmin();
  expect(stored).toMatchObject({ status: "DISPOSED", agency: { shortName: "DPMPTSP" }, verificationSla: "MET", followUpSla: "PENDING" });
  expect(pageErrors).toEqual([]);
});

test("DPMPTSP's editor follows the complaint up to IN_PROGRESS and sees the SLA chips; a move the transitions forbid is not offered, and one that became illegal is refused in Indonesian", async () => {
  await signInFromHome(AGENCY_EDITOR);
  await page.getByRole("menuitem").filter({ hasText: /^Pengaduan$/ }).click();
  await page.waitForURL(/#\/Complaint/);
  const row = page.locator("tbody tr", { hasText: complaint.trackingNumber });
  await visible(row);
  // The list: status and the three service levels as chips, with due dates.
  expect(await row.locator("td.column-status [data-value]").getAttribute("data-value")).toBe("DISPOSED");
  expect(await row.getByTestId("sla-follow-up").getAttribute("data-value")).toBe("PENDING");
  expect(await row.locator("td.column-followUpSla").innerText()).toContain("tenggat");
  await row.click();
  await page.waitForURL(new RegExp(`#/Complaint/${complaint.id}/show`));
  // An editor neither verifies, disposes, archives nor edits.
  await visible(page.getByRole("button", { name: "Tambah tindak lanjut" }));
  for (const name of ["Verifikasi", "Disposisi", "Arsipkan"]) expect(await page.getByRole("button", { name, exact: true }).count()).toBe(0);
  expect(await page.getByRole("link", { name: "Ubah", exact: true }).count()).toBe(0);

  await page.getByRole("button", { name: "Tambah tindak lanjut" }).click();
  let dialog = page.getByRole("dialog");
  await dialog.getByRole("combobox", { name: "Ubah status menjadi" }).click();
  // From DISPOSED an editor may go to IN_PROGRESS, DEFERRED, RESOLVED or NOT_OUR_AUTHORITY.
  expect((await page.getByRole("option").allInnerTexts()).map((t) => t.trim()).sort()).toEqual(
    ["Bukan kewenangan", "Ditunda", "Sedang ditindaklanjuti", "Selesai", "Tanpa perubahan status"].sort(),
  );
  await page.getByRole("option", { name: "Sedang ditindaklanjuti" }).click();
  await dialog.getByLabel("Tindak lanjut", { exact: true }).fill("Jadwal loket diperiksa bersama pengelola MPP; petugas ditegur.");
  await dialog.getByRole("button", { name: "Tambah tindak lanjut" }).click();
  await visible(page.getByText("Tindak lanjut dicatat"));
  await eventually(() => statusChip().getAttribute("data-value"), (v) => v === "IN_PROGRESS");
  expect((await statusChip().innerText()).trim()).toBe("Sedang ditindaklanjuti");

  // The SLA chips: verified and followed up on time, resolution running; the same as the API says.
  const stored = await complaintAsAdmin();
  expect(stored).toMatchObject({ status: "IN_PROGRESS", verificationSla: "MET", followUpSla: "MET", resolutionSla: "PENDING" });
  const sla = page.getByTestId("complaint-sla");
  await eventually(() => sla.getByTestId("sla-follow-up").getAttribute("data-value"), (v) => v === "MET");
  expect(await sla.getByTestId("sla-verification").getAttribute("data-value")).toBe(stored.verificationSla);
  expect(await sla.getByTestId("sla-follow-up").getAttribute("data-value")).toBe(stored.followUpSla);
  expect(await sla.getByTestId("sla-resolution").getAttribute("data-value")).toBe(stored.resolutionSla);
  expect((await sla.getByTestId("sla-follow-up").innerText()).trim()).toBe("Tepat waktu");
  expect((await sla.getByTestId("sla-resolution").innerText()).trim()).toBe("Berjalan");
  // The timeline: who, and the status change the entry carried.
  const entry = page.getByTestId("complaint-timeline").getByTestId("follow-up").last();
  expect(await entry.getAttribute("data-status")).toBe("IN_PROGRESS");
  expect(await entry.innerText()).toContain("Didisposisikan → Sedang ditindaklanjuti");
  expect(await entry.innerText()).toContain(stored.followUps.at(-1)!.authorName);
  await screenshot("30-complaint-in-progress");

  // From IN_PROGRESS only RESOLVED and DEFERRED are allowed: NOT_OUR_AUTHORITY is no longer offered.
  await page.getByRole("button", { name: "Tambah tindak lanjut" }).click();
  dialog = page.getByRole("dialog");
  await dialog.getByRole("combobox", { name: "Ubah status menjadi" }).click();
  expect((await page.getByRole("option").allInnerTexts()).map((t) => t.trim()).sort()).toEqual(["Ditunda", "Selesai", "Tanpa perubahan status"].sort());
  // Meanwhile the administrator resolves it: DEFERRED, chosen on the open dialog, is now illegal.
  const resolved = await graphql<{ changeComplaintStatus: { status: string } }>(
    `mutation($id: ID!) { changeComplaintStatus(id: $id, status: RESOLVED, note: "Diselesaikan admin (uji browser)") { status } }`,
    { id: complaint.id },
    await tokenOf(ADMIN),
  );
  expect(resolved.data?.changeComplaintStatus.status).toBe("RESOLVED");
  await page.getByRole("option", { name: "Ditunda" }).click();
  await dialog.getByLabel("Tindak lanjut", { exact: true }).fill("Ditunda menunggu jadwal baru.");
  await dialog.getByRole("button", { name: "Tambah tindak lanjut" }).click();
  await visible(page.locator(".RaNotification-error").getByText("Status pengaduan tidak dapat dipindah dari Selesai ke Ditunda"));
  expect(graphqlErrors.some((e) => e.startsWith("BAD_USER_INPUT") && e.includes("cannot move from RESOLVED to DEFERRED"))).toBe(true);
  await screenshot("31-complaint-refused");
  await dialog.getByRole("button", { name: "Batal" }).click();
  expect((await complaintAsAdmin()).status).toBe("RESOLVED");
  expect(pageErrors).toEqual([]);
});

test("the performance page lists the lagging agencies first with the figures of complaintPerformance for this year", async () => {
  const token = await signInFromHome(OFFICER);
  const today = jakartaToday();
  const from = `${today.slice(0, 4)}-01-01`;
  const result = await graphql<{
    complaintPerformance: Array<{
      agency: { code: string; shortName: string };
      received: number;
      verifiedOnTime: number;
      followedUpOnTime: number;
      followUpRate: number;
      resolved: number;
      overdueNow: number;
      medianDaysToResolve: number | null;
    }>;
  }>(
    `query($from: LocalDate!, $to: LocalDate!) { complaintPerformance(from: $from, to: $to) {
      agency { code shortName } received verifiedOnTime followedUpOnTime followUpRate resolved overdueNow medianDaysToResolve } }`,
    { from, to: today },
    token,
  );
  const expected = result.data!.complaintPerformance;
  expect(expected.length).toBeGreaterThan(3);
  // The demo's laggards have complaints overdue now; the API puts them first.
  expect(["DISDUKCAPIL", "TIRTA", "DINKES"]).toContain(expected[0]!.agency.code);
  expect(expected[0]!.overdueNow).toBe(Math.max(...expected.map((r) => r.overdueNow)));

  await page.getByRole("menuitem").filter({ hasText: /^Kinerja tindak lanjut pengaduan$/ }).click();
  await page.waitForURL(/#\/ComplaintPerformance/);
  expect(await page.getByTestId("performance-from").inputValue()).toBe(from);
  expect(await page.getByTestId("performance-to").inputValue()).toBe(today);
  const table = page.getByTestId("performance-table");
  await visible(table.locator("tbody tr"));
  expect(await table.locator("tbody tr").count()).toBe(expected.length);
  const agencies = (await table.locator("tbody th.column-agency").allInnerTexts()).map((t) => t.trim());
  expect(agencies).toEqual(expected.map((r) => r.agency.shortName));
  const values = (source: string) =>
    table.locator(`tbody td.column-${source}`).evaluateAll((cells) =>
      cells.map((c) => (c as unknown as { getAttribute(name: string): string | null }).getAttribute("data-value")),
    );
  for (const field of ["received", "verifiedOnTime", "followedUpOnTime", "resolved", "overdueNow"] as const) {
    expect((await values(field)).map(Number)).toEqual(expected.map((r) => r[field]));
    expect(await cellsOf(table, field)).toEqual(expected.map((r) => new Intl.NumberFormat("id-ID").format(r[field])));
  }
  expect((await values("followUpRate")).map(Number)).toEqual(expected.map((r) => r.followUpRate));
  expect(await cellsOf(table, "followUpRate")).toEqual(
    expected.map((r) => new Intl.NumberFormat("id-ID", { style: "percent", maximumFractionDigits: 1 }).format(r.followUpRate)),
  );
  expect(await values("medianDaysToResolve")).toEqual(expected.map((r) => (r.medianDaysToResolve === null ? "" : String(r.medianDaysToResolve))));
  // Overdue complaints stand out.
  const highlighted = await table.locator("tbody td.column-overdueNow").evaluateAll((cells) =>
    cells.map((c) => (c as unknown as { getAttribute(name: string): string | null }).getAttribute("data-highlight")),
  );
  expect(highlighted).toEqual(expected.map((r) => (r.overdueNow > 0 ? "true" : "false")));
  await screenshot("32-complaint-performance");
  expect(pageErrors).toEqual([]);
});

test("on a 360 px wide phone the officer's dashboard fits the screen and the menu opens from its button", async () => {
  await signInAs(OFFICER);
  await page.setViewportSize({ width: 360, height: 740 });
  try {
    await page.reload();
    const dashboard = page.getByTestId("dashboard");
    await visible(dashboard.getByTestId("kpi-leakage"));
    await visible(dashboard.locator(".recharts-wrapper"));
    // Nothing wider than the screen: tables scroll inside their card, the figures wrap.
    const overflow = await page.evaluate(() => {
      interface Box { getBoundingClientRect(): { right: number }; tagName: string; className: unknown; getAttribute(n: string): string | null; children: ArrayLike<Box> }
      const doc = (globalThis as unknown as { document: { documentElement: Box & { scrollWidth: number; clientWidth: number }; querySelectorAll(s: string): ArrayLike<Box> } }).document;
      const width = doc.documentElement.clientWidth;
      // The innermost elements sticking out name the culprit.
      const wide = Array.from(doc.querySelectorAll("body *"))
        .filter((e) => e.getBoundingClientRect().right > width + 1 && !Array.from(e.children).some((c) => c.getBoundingClientRect().right > width + 1))
        .slice(0, 5)
        .map((e) => `${e.tagName}.${String(e.className).slice(0, 60)}[${e.getAttribute("data-testid") ?? ""}]`);
      return { scroll: doc.documentElement.scrollWidth, client: width, wide };
    });
    if (overflow.scroll > overflow.client) throw new Error(`the page is ${overflow.scroll} px wide on a ${overflow.client} px screen: ${overflow.wide.join(", ")}`);
    await screenshot("40-phone-dashboard");
    await page.getByRole("button", { name: "Buka menu" }).click();
    await visible(page.getByRole("menuitem").filter({ hasText: /^Pasar$/ }));
    await page.getByRole("menuitem").filter({ hasText: /^Pasar$/ }).click();
    await page.waitForURL(/#\/Market/);
    await visible(page.getByText(CIBITUNG, { exact: true }));
    expect(pageErrors).toEqual([]);
  } finally {
    await page.setViewportSize({ width: 1400, height: 900 });
  }
});

test("each role signs in to its own menu: users for administrators, no master data for collectors, no market data for agency editors", async () => {
  const menus: Array<[string, string[], string[]]> = [
    ["admin", ["Pengguna", "Pasar", "Antrean anomali", "Penjelajah API", "Pengaduan"], []],
    ["officer", ["Pasar", "Tarif retribusi", "Antrean anomali", "Penjelajah API", "Layanan publik"], ["Pengguna"]],
    ["kepala.cikarang", ["Laporan harian", "Antrean anomali", "SKRD"], ["Pengguna", "Penjelajah API", "Rekening koran"]],
    ["pemungut.cikarang", ["Laporan harian", "Setoran"], ["Pasar", "Tarif retribusi", "Tempat usaha", "Antrean anomali", "SKRD", "Pengguna", "Penjelajah API"]],
    ["bendahara", ["Setoran", "Rekening koran"], ["Pengguna", "Penjelajah API"]],
    ["bapenda", ["SKRD", "Pembayaran", "Penjelajah API"], ["Pengguna"]],
    ["auditor", ["Antrean anomali", "Penjelajah API", "Pasar"], ["Pengguna"]],
    ["editor.dpmptsp", ["Layanan publik", "Pengaduan"], ["Pasar", "Laporan harian", "Antrean anomali", "Penjelajah API", "Pengguna"]],
  ];
  for (const [username, present, absent] of menus) {
    // From the home page: signing in again returns to where the last user was.
    await page.goto(`${server.url}/admin/#/`);
    await signInAs({ username, password: "lapera-demo" });
    const items = page.getByRole("menuitem");
    await visible(items.filter({ hasText: new RegExp(`^${present[0]}$`) }));
    const texts = (await items.allInnerTexts()).map((t) => t.trim());
    expect({ username, missing: present.filter((p) => !texts.includes(p)), unexpected: absent.filter((a) => texts.includes(a)) }).toEqual({
      username,
      missing: [],
      unexpected: [],
    });
  }
  expect(pageErrors).toEqual([]);
});

test("the officer creates a market, finds it on its page, and renames it", async () => {
  await page.goto(`${server.url}/admin/#/`);
  await signInAs(OFFICER);
  await page.goto(`${server.url}/admin/#/Market/create`);
  const stamp = Date.now().toString(36).toUpperCase().slice(-5);
  await visible(page.locator('input[name="code"]'));
  await page.locator('input[name="code"]').fill(`T${stamp}`);
  await page.locator('input[name="name"]').fill(`Pasar Uji ${stamp}`);
  await page.locator('input[name="district"]').fill("Cikarang Pusat");
  await page.locator('textarea[name="address"]').first().fill("Jl. Uji No. 1, Cikarang Pusat");
  await page.locator('input[name="uptdName"]').fill("UPTD Pasar Uji");
  await page.getByRole("combobox", { name: "Kelas pasar" }).click();
  await page.getByRole("option", { name: "Kelas III", exact: true }).click();
  const status = page.getByRole("combobox", { name: "Status" });
  if ((await status.innerText()).trim() !== "Aktif") {
    await status.click();
    await page.getByRole("option", { name: "Aktif", exact: true }).click();
  }
  await page.getByRole("button", { name: "Simpan" }).click();
  await page.waitForURL(/#\/Market\/\d+\/show/);
  const id = /#\/Market\/(\d+)\/show/.exec(page.url())![1]!;
  // A new market has no stalls yet: its monitoring shows zeros, not an error.
  await visible(page.getByTestId("market-monitor").getByTestId("kpi-potential"));
  expect(await page.getByTestId("market-monitor").getByTestId("kpi-potential").getAttribute("data-value")).toBe("0");

  await page.goto(`${server.url}/admin/#/Market/${id}`);
  await visible(page.locator('input[name="name"]'));
  await page.locator('input[name="name"]').fill(`Pasar Uji ${stamp} Baru`);
  await page.getByRole("button", { name: "Simpan" }).click();
  await page.waitForURL(new RegExp(`#/Market/${id}/show`));
  await page.getByRole("tab", { name: "Data pasar" }).click();
  await visible(page.getByText(`Pasar Uji ${stamp} Baru`, { exact: true }));

  const stored = await graphql<{ Market: { code: string; name: string; marketClass: string; status: string } }>(
    `query($id: ID!) { Market(id: $id) { code name marketClass status } }`,
    { id },
    await officerToken(),
  );
  expect(stored.data!.Market).toEqual({ code: `T${stamp}`, name: `Pasar Uji ${stamp} Baru`, marketClass: "III", status: "ACTIVE" });
  expect(pageErrors).toEqual([]);
});

test("the admin records a facility and a month of visitors at the MPP, then corrects both", async () => {
  const token = await signInFromHome(ADMIN);
  const stamp = `uji-${Date.now().toString(36)}`;
  const pickVenue = async () => {
    await page.getByRole("combobox", { name: "Tempat pelayanan" }).fill("Mal Pelayanan");
    await page.getByRole("option", { name: MPP }).click();
  };
  const choose = async (label: string, option: string) => {
    await page.getByRole("combobox", { name: label }).click();
    await page.getByRole("option", { name: option, exact: true }).click();
  };

  await page.goto(`${server.url}/admin/#/Facility/create`);
  await visible(page.getByRole("combobox", { name: "Tempat pelayanan" }));
  await pickVenue();
  await choose("Jenis sarana", "Ruang laktasi");
  await choose("Kondisi", "Perlu perbaikan");
  await page.locator('textarea[name="note"]').first().fill(`Pendingin ruangan rusak (${stamp})`);
  await page.getByRole("button", { name: "Simpan" }).click();
  await page.waitForURL(/#\/Facility$/);
  const facilityOf = async () =>
    (await graphql<{ allFacilities: Array<{ id: string; kind: string; condition: string; venue: { name: string } }> }>(
      `query($q: String!) { allFacilities(filter: { q: $q }) { id kind condition venue { name } } }`,
      { q: stamp },
      token,
    )).data!.allFacilities;
  const [facility] = await facilityOf();
  expect(facility).toMatchObject({ kind: "LACTATION_ROOM", condition: "NEEDS_REPAIR", venue: { name: MPP } });
  await page.goto(`${server.url}/admin/#/Facility/${facility!.id}`);
  await visible(page.getByRole("combobox", { name: "Kondisi" }));
  await choose("Kondisi", "Baik");
  await page.getByRole("button", { name: "Simpan" }).click();
  await page.waitForURL(/#\/Facility$/);
  expect((await eventually(facilityOf, (rows) => rows[0]?.condition === "GOOD"))[0]!.condition).toBe("GOOD");

  // A month long before the demo's visits, so that it is free.
  await page.goto(`${server.url}/admin/#/VenueVisits/create`);
  await visible(page.getByRole("combobox", { name: "Tempat pelayanan" }));
  await pickVenue();
  await page.locator('input[name="month"]').fill("2019-07");
  await page.locator('input[name="visitors"]').fill("3210");
  await page.locator('textarea[name="note"]').first().fill(`Buku tamu (${stamp})`);
  await page.getByRole("button", { name: "Simpan" }).click();
  await page.waitForURL(/#\/VenueVisits$/);
  const visitsOf = async () =>
    (await graphql<{ allVenueVisits: Array<{ id: string; visitors: number; synthetic: boolean; venue: { name: string } }> }>(
      `{ allVenueVisits(filter: { month: "2019-07" }) { id visitors synthetic venue { name } } }`,
      {},
      token,
    )).data!.allVenueVisits;
  const [visits] = await visitsOf();
  expect(visits).toMatchObject({ visitors: 3210, synthetic: false, venue: { name: MPP } });
  await page.goto(`${server.url}/admin/#/VenueVisits/${visits!.id}`);
  await visible(page.locator('input[name="visitors"]'));
  await page.locator('input[name="visitors"]').fill("3250");
  await page.getByRole("button", { name: "Simpan" }).click();
  await page.waitForURL(/#\/VenueVisits$/);
  expect((await eventually(visitsOf, (rows) => rows[0]?.visitors === 3250))[0]!.visitors).toBe(3250);
  expect(pageErrors).toEqual([]);
});

test("the auditor reads every resource without a create or edit button, and a row opens no form", async () => {
  await signInFromHome(AUDITOR);
  for (const resource of ["Market", "Stall", "Tariff", "TicketBook", "PublicService", "Agency", "ServiceVenue", "VenueCounter", "Facility", "VenueVisits", "ComplianceAssessment", "Complaint"]) {
    await page.goto(`${server.url}/admin/#/${resource}`);
    await visible(page.locator("tbody tr").first());
    expect({ resource, create: await page.getByRole("link", { name: "Tambah" }).count() }).toEqual({ resource, create: 0 });
    expect({ resource, edit: await page.getByRole("link", { name: "Ubah" }).count() }).toEqual({ resource, edit: 0 });
  }
  // A market's own page: master data to read, nothing to change.
  await page.goto(`${server.url}/admin/#/Market`);
  await page.locator("tbody td.column-name").getByText(CIKARANG, { exact: true }).click();
  await page.waitForURL(/#\/Market\/\d+\/show/);
  await page.getByRole("tab", { name: "Data pasar" }).click();
  await visible(page.getByText("Kelas pasar", { exact: false }));
  expect(await page.getByRole("link", { name: "Ubah" }).count()).toBe(0);
  // Facilities and visits open nothing on a click.
  await page.goto(`${server.url}/admin/#/Facility`);
  await visible(page.locator("tbody tr").first());
  await page.locator("tbody tr").first().click();
  await page.waitForTimeout(300);
  expect(page.url()).toMatch(/#\/Facility$/);
  expect(pageErrors).toEqual([]);
});

test("the officer downloads this month's realisation report from the dashboard: a spreadsheet whose totals are the dashboard's", async () => {
  await signInFromHome(OFFICER);
  const dashboard = page.getByTestId("dashboard");
  await visible(dashboard.getByTestId("kpi-realised"));
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    dashboard.getByTestId("download-monthly-realisation").getByRole("button", { name: "Excel" }).click(),
  ]);
  const month = jakartaToday().slice(0, 7);
  expect(download.suggestedFilename()).toBe(`laporan-realisasi-${month}.xlsx`);
  const workbook = await loadWorkbook(readFileSync((await download.path())!));
  const sheet = workbook.worksheets[0]!;
  let totals: ExcelJS.Row | undefined;
  sheet.eachRow((row) => {
    if (row.getCell(1).value === "JUMLAH") totals = row;
  });
  expect(totals).toBeDefined();
  // Columns: market, annual target, potential, cash, online, realised this month, ...
  expect(totals!.getCell(3).value).toBe(Number(await dashboard.getByTestId("kpi-potential").getAttribute("data-value")));
  expect(totals!.getCell(6).value).toBe(Number(await dashboard.getByTestId("kpi-realised").getAttribute("data-value")));
  expect(totals!.getCell(9).value).toBe(Number(await dashboard.getByTestId("kpi-leakage").getAttribute("data-value")));
  expect(pageErrors).toEqual([]);
});

test("the dashboard's digitalisation panel lists each market's digital share of this month as marketDigitalisation gives it", async () => {
  await signInFromHome(OFFICER);
  const panel = page.getByTestId("digitalisation");
  await visible(panel.getByTestId("digitalisation-row"));
  const today = jakartaToday();
  const result = await graphql<{ marketDigitalisation: Array<{ marketName: string; digitalShare: number }> }>(
    `query($f: LocalDate!, $t: LocalDate!) { marketDigitalisation(from: $f, to: $t) { marketName digitalShare } }`,
    { f: `${today.slice(0, 7)}-01`, t: today },
    await officerToken(),
  );
  const expected = [...result.data!.marketDigitalisation].sort((a, b) => b.digitalShare - a.digitalShare);
  const rows = panel.getByTestId("digitalisation-row");
  expect(await rows.count()).toBe(expected.length);
  const shown = await Promise.all(expected.map(async (_, i) => [
    (await rows.nth(i).locator("td").first().innerText()).trim(),
    Number(await rows.nth(i).locator("[data-value]").getAttribute("data-value")),
  ]));
  expect(shown.map(([, share]) => share)).toEqual(expected.map((r) => r.digitalShare));
  expect(new Set(shown.map(([name]) => name))).toEqual(new Set(expected.map((r) => r.marketName)));
  await screenshot("40-digitalisation");
  expect(pageErrors).toEqual([]);
});

test("the innovation register lists the regency's five innovations; a service page shows how it is delivered; the admin adds an outreach mode", async () => {
  const token = await signInFromHome(ADMIN);
  await page.goto(`${server.url}/admin/#/Innovation`);
  await visible(page.locator("tbody td.column-name").first());
  const names = await columnTexts("name");
  for (const name of ["Laporan Retribusi Pasar", "Layanan Pembayaran Online", "Smart Traditional Market", "Sitepak", "Botram"]) expect(names).toContain(name);
  expect(await page.locator("tbody tr").count()).toBe(5);

  // Kartu Keluarga: Sitepak delivers it by post, Botram brings it to residents.
  const services = await graphql<{ allPublicServices: Array<{ id: string; name: string; deliveryModes: Array<{ mode: string }> }> }>(
    `{ allPublicServices(filter: { q: "Kartu Keluarga" }) { id name deliveryModes { mode } } }`, {}, token,
  );
  const kk = services.data!.allPublicServices.find((s) => s.name === "Penerbitan Kartu Keluarga")!;
  await page.goto(`${server.url}/admin/#/PublicService/${kk.id}/show`);
  await visible(page.getByTestId("delivery-modes").locator('[data-mode="POSTAL_DELIVERY"]'));
  await visible(page.getByTestId("delivery-modes").locator('[data-mode="OUTREACH"]'));
  expect(await page.getByTestId("delivery-mode").count()).toBe(kk.deliveryModes.length);

  // NIB gets an outreach mode through the editor.
  const nib = (await graphql<{ allPublicServices: Array<{ id: string; deliveryModes: Array<{ mode: string }> }> }>(
    `{ allPublicServices(filter: { q: "Nomor Induk Berusaha" }) { id deliveryModes { mode } } }`, {}, token,
  )).data!.allPublicServices[0]!;
  await page.goto(`${server.url}/admin/#/PublicService/${nib.id}/delivery`);
  await visible(page.getByTestId("delivery-editor"));
  await page.getByRole("button", { name: "Tambah" }).last().click();
  const rows = page.locator(".RaSimpleFormIterator-line");
  const row = rows.last();
  await row.getByRole("combobox").first().click();
  await page.getByRole("option", { name: "Jemput bola", exact: true }).click();
  await row.locator('input[name$=".places"]').fill("kawasan industri Jababeka");
  await row.locator('input[name$=".frequency"]').fill("setiap Rabu");
  await page.getByRole("button", { name: "Simpan" }).click();
  await page.waitForURL(new RegExp(`#/PublicService/${nib.id}/show`));
  await visible(page.getByTestId("delivery-modes").locator('[data-mode="OUTREACH"]'));
  const after = await graphql<{ PublicService: { deliveryModes: Array<{ mode: string; places: string | null; frequency: string | null }> } }>(
    `query($id: ID!) { PublicService(id: $id) { deliveryModes { mode places frequency } } }`, { id: nib.id }, token,
  );
  expect(after.data!.PublicService.deliveryModes).toHaveLength(nib.deliveryModes.length + 1);
  expect(after.data!.PublicService.deliveryModes.at(-1)).toEqual({ mode: "OUTREACH", places: "kawasan industri Jababeka", frequency: "setiap Rabu" });
  expect(pageErrors).toEqual([]);
});
