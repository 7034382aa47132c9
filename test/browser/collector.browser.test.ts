/**
 * Collector mode on a phone: Pasar Baru Cikarang's collector fills in a report online and one with
 * the network cut (kept on the device, sent when the network returns), each stored exactly once,
 * then records the deposit of both. The steps share one page and run in order.
 */
import {
  context,
  eventually,
  graphql,
  jakartaToday,
  officerToken,
  page,
  pageErrors,
  screenshot,
  server,
  signInAs,
  tokenOf,
  useBrowserHarness,
  visible,
} from "./support/harness";

useBrowserHarness("collector");

const COLLECTOR = { username: "pemungut.cikarang", password: "lapera-demo" };
const CIKARANG = "Pasar Baru Cikarang";

interface Sheet {
  marketId: string;
  reportedTotal: number;
  reportedReceipts: number;
  stalls: Array<{ stallId: string; code: string; occupied: boolean; amount: number | null }>;
  books: Array<{ series: string; firstNumber: number; nextNumber: number | null }>;
}

async function sheetOfCikarang(day = jakartaToday()): Promise<Sheet> {
  const token = await tokenOf(COLLECTOR);
  const markets = await graphql<{ allMarkets: Array<{ id: string; name: string }> }>(`{ allMarkets(perPage: 50) { id name } }`, {}, token);
  const market = markets.data!.allMarkets.find((m) => m.name === CIKARANG)!;
  const result = await graphql<{ collectionSheet: Sheet }>(
    `query($m: ID!, $d: LocalDate!) { collectionSheet(marketId: $m, businessDate: $d) {
       marketId reportedTotal reportedReceipts stalls { stallId code occupied amount } books { series firstNumber nextNumber } } }`,
    { m: market.id, d: day },
    token,
  );
  if (!result.data) throw new Error(`collectionSheet failed: ${JSON.stringify(result.errors)}`);
  return result.data.collectionSheet;
}

interface StoredReport {
  id: string;
  clientId: string;
  total: number;
  receiptCount: number;
  receipts: Array<{ ticketNo: string; amount: number; stall: { code: string } }>;
}

/** Every report the server holds with this clientId (there must be exactly one). */
async function reportsWithClientId(clientId: string): Promise<StoredReport[]> {
  const result = await graphql<{ allDailyReports: StoredReport[] }>(
    `query($q: String!) { allDailyReports(filter: { q: $q }) { id clientId total receiptCount receipts { ticketNo amount stall { code } } } }`,
    { q: clientId },
    await officerToken(),
  );
  return result.data!.allDailyReports.filter((r) => r.clientId === clientId);
}

const ticketOf = (series: string, n: number) => `${series} ${String(n).padStart(6, "0")}`;

/** Picks the stall by typing its code, as a collector does, and adds the karcis. */
async function addReceipt(code: string) {
  await page.getByTestId("collector-stall").fill(code);
  await visible(page.getByRole("option").first());
  await page.getByTestId("collector-stall").press("Enter");
  expect(await page.getByTestId("collector-stall").inputValue()).toBe(code);
  await page.getByTestId("collector-add").click();
  await eventually(() => page.getByTestId("collector-stall").inputValue(), (v) => v === "");
}

const entry = (status: string) => page.locator(`[data-testid="collector-outbox-entry"][data-status="${status}"]`);

let sheet: Sheet;
const currentBook = () => sheet.books.find((b) => b.nextNumber !== null)!;
let picked: Sheet["stalls"];
const sent: string[] = [];

test("the collector opens collector mode on a phone: the day's sheet of Pasar Baru Cikarang with the book's next number", async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${server.url}/admin/`);
  await visible(page.locator('input[name="username"]'));
  await signInAs(COLLECTOR);
  await page.getByTestId("open-collector-mode").click();
  await page.waitForURL(/#\/setor/);
  await visible(page.getByTestId("collector-receipts"));
  await visible(page.getByText(CIKARANG));
  sheet = await sheetOfCikarang();
  picked = sheet.stalls.filter((s) => s.occupied && s.amount !== null).slice(0, 4);
  expect(picked).toHaveLength(4);
  // The demo collector has used up the first books; the number comes from the first one not used up.
  const book = currentBook();
  expect(await page.getByTestId("collector-ticket").inputValue()).toBe(String(book.nextNumber));
  // The page fits the phone.
  const overflow = await page.evaluate(() => {
    const d = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document;
    return d.documentElement.scrollWidth - d.documentElement.clientWidth;
  });
  expect(overflow).toBeLessThanOrEqual(0);
  await screenshot("01-collector-mode");
});

test("a report sent online: amounts from the tariff, tickets numbered on from the book, the running total, stored once", async () => {
  const book = currentBook();
  await addReceipt(picked[0]!.code);
  // The ticket number moved on by one; the stall's tariff was the amount.
  expect(await page.getByTestId("collector-ticket").inputValue()).toBe(String(book.nextNumber! + 1));
  await addReceipt(picked[1]!.code);
  const total = picked[0]!.amount! + picked[1]!.amount!;
  const running = await page.getByTestId("collector-running-total").getAttribute("data-total");
  expect(Number(running)).toBe(total);

  // What was typed is kept on the device: a reload finds the draft as it was.
  await page.reload();
  await visible(page.getByTestId("collector-draft"));
  expect(Number(await page.getByTestId("collector-running-total").getAttribute("data-total"))).toBe(total);

  await page.getByTestId("collector-submit").click();
  await page.getByTestId("collector-tab-outbox").click();
  await visible(entry("accepted"));
  const clientId = (await entry("accepted").first().getAttribute("data-client-id"))!;
  sent.push(clientId);
  const stored = await reportsWithClientId(clientId);
  expect(stored).toHaveLength(1);
  expect(stored[0]!.total).toBe(total);
  expect(stored[0]!.receipts.map((r) => [r.ticketNo, r.stall.code, r.amount])).toEqual([
    [ticketOf(book.series, book.nextNumber!), picked[0]!.code, picked[0]!.amount],
    [ticketOf(book.series, book.nextNumber! + 1), picked[1]!.code, picked[1]!.amount],
  ]);
  // The server's day total includes it.
  const after = await sheetOfCikarang();
  expect(after.reportedTotal).toBe(sheet.reportedTotal + total);
  expect(after.books.find((b) => b.series === book.series && b.nextNumber !== null)!.nextNumber).toBe(book.nextNumber! + 2);
  await screenshot("02-sent-online");
});

test("a report made with the network cut waits on the device and is sent once when the network returns", async () => {
  await page.getByTestId("collector-tab-receipts").click();
  await visible(page.getByTestId("collector-receipts"));
  const { series, nextNumber } = currentBook();
  const first = nextNumber! + 2;
  await eventually(() => page.getByTestId("collector-ticket").inputValue(), (v) => v === String(first));

  await context.setOffline(true);
  expect(await eventually(() => page.getByTestId("collector-connection").getAttribute("data-connection"), (c) => c === "offline")).toBe("offline");
  await addReceipt(picked[2]!.code);
  await addReceipt(picked[3]!.code);
  await page.getByTestId("collector-submit").click();
  await page.getByTestId("collector-tab-outbox").click();
  await visible(entry("pending"));
  await visible(page.getByTestId("collector-pending"));
  const clientId = (await entry("pending").first().getAttribute("data-client-id"))!;
  expect(await reportsWithClientId(clientId)).toHaveLength(0);
  // A retry without a network changes nothing: it stays waiting.
  await page.getByRole("button", { name: "Kirim sekarang" }).click();
  await page.waitForTimeout(500);
  expect(await entry("pending").count()).toBe(1);
  await screenshot("03-waiting-offline");

  await context.setOffline(false);
  await visible(page.locator(`[data-client-id="${clientId}"][data-status="accepted"]`));
  expect(await entry("pending").count()).toBe(0);
  sent.push(clientId);
  const stored = await reportsWithClientId(clientId);
  expect(stored).toHaveLength(1);
  expect(stored[0]!.total).toBe(picked[2]!.amount! + picked[3]!.amount!);
  expect(stored[0]!.receipts.map((r) => r.ticketNo)).toEqual([ticketOf(series, first), ticketOf(series, first + 1)]);
  // Both reports exactly once: the collector's day grew by the four karcis and no more.
  const after = await sheetOfCikarang();
  expect(after.reportedReceipts).toBe(sheet.reportedReceipts + 4);
  expect(after.reportedTotal).toBe(sheet.reportedTotal + picked.reduce((s, p) => s + p.amount!, 0));
  await screenshot("04-sent-after-reconnect");
});

test("the collector records the deposit of the two reports; it waits for the treasurer", async () => {
  await page.getByTestId("collector-tab-deposit").click();
  await visible(page.getByTestId("deposit-sts"));
  const ids = await Promise.all(sent.map(async (c) => (await reportsWithClientId(c))[0]!.id));
  // Only the two new reports: everything else the demo collected is deposited already, or left out here.
  for (const box of await page.getByTestId("collector-deposit").getByRole("checkbox").all()) {
    const id = await box.getAttribute("data-report-id");
    if ((await box.isChecked()) !== ids.includes(id!)) await box.click();
  }
  const total = picked.reduce((s, p) => s + p.amount!, 0);
  expect(Number(await page.getByTestId("deposit-amount").inputValue())).toBe(total);
  await page.getByTestId("deposit-sts").fill("STS/PBC/UJI-001");
  await page.getByTestId("deposit-submit").click();
  await page.getByTestId("collector-tab-outbox").click();
  const deposit = page.locator('[data-testid="collector-outbox-entry"][data-kind="deposit"][data-status="accepted"]');
  await visible(deposit);
  const depositId = (await deposit.first().getAttribute("data-server-id"))!;
  const stored = await graphql<{ Deposit: { amount: number; status: string; stsNumber: string; reports: Array<{ id: string }> } }>(
    `query($id: ID!) { Deposit(id: $id) { amount status stsNumber reports { id } } }`,
    { id: depositId },
    await officerToken(),
  );
  expect(stored.data!.Deposit).toMatchObject({ amount: total, status: "PENDING", stsNumber: "STS/PBC/UJI-001" });
  expect(stored.data!.Deposit.reports.map((r) => r.id).sort()).toEqual([...ids].sort());
  expect(pageErrors).toEqual([]);
  await screenshot("05-deposit");
});

test("a report the server refuses (a day beyond the reporting window) stays on the device with the reason, to correct or discard", async () => {
  const day = new Date(`${jakartaToday()}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 20);
  const old = day.toISOString().slice(0, 10);
  await page.getByTestId("collector-tab-receipts").click();
  await page.getByTestId("collector-date").fill(old);
  await visible(page.getByTestId("collector-receipts"));
  const stall = sheet.stalls.filter((s) => s.occupied && s.amount !== null)[5]!;
  // The books in hand that day are used up by now: the collector types the number on the karcis.
  const [book] = (await sheetOfCikarang(old)).books;
  await page.getByTestId("collector-ticket").fill(String(book!.firstNumber));
  await addReceipt(stall.code);
  await page.getByTestId("collector-submit").click();
  await page.getByTestId("collector-tab-outbox").click();
  const refused = entry("refused");
  await visible(refused);
  await visible(refused.getByText("batas hari laporan sudah lewat", { exact: false }));
  const clientId = (await refused.first().getAttribute("data-client-id"))!;
  expect(await reportsWithClientId(clientId)).toHaveLength(0);
  await screenshot("06-refused");

  // "Perbaiki" puts the karcis back into that day's draft, nothing lost.
  await refused.getByRole("button", { name: "Perbaiki" }).click();
  expect(await eventually(() => entry("refused").count(), (n) => n === 0)).toBe(0);
  await page.getByTestId("collector-tab-receipts").click();
  await visible(page.getByTestId("collector-draft"));
  expect(Number(await page.getByTestId("collector-running-total").getAttribute("data-total"))).toBe(stall.amount);

  // Sent again it is refused again; "Buang" removes it from the device after asking.
  await page.getByTestId("collector-submit").click();
  await page.getByTestId("collector-tab-outbox").click();
  await visible(entry("refused"));
  await entry("refused").getByRole("button", { name: "Buang" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Konfirmasi" }).click();
  expect(await eventually(() => entry("refused").count(), (n) => n === 0)).toBe(0);
  await page.getByTestId("collector-date").fill(jakartaToday());
});

test("with no network at all, collector mode still opens from the device, and what is sent from it arrives once the network returns", async () => {
  // The service worker has kept the app; the sheet of today is on the device from the steps above.
  await eventually(
    () => page.evaluate(async () => {
      const nav = (globalThis as unknown as { navigator: { serviceWorker: { ready: Promise<unknown>; controller: unknown } } }).navigator;
      await nav.serviceWorker.ready;
      return nav.serviceWorker.controller !== null;
    }),
    (controlled) => controlled,
  );
  await context.setOffline(true);
  await page.reload();
  await visible(page.getByTestId("collector-receipts"));
  await visible(page.getByText("Data lapak tersimpan di perangkat sejak", { exact: false }));
  expect(await eventually(() => page.getByTestId("collector-connection").getAttribute("data-connection"), (c) => c === "offline")).toBe("offline");
  const stall = sheet.stalls.filter((s) => s.occupied && s.amount !== null)[4]!;
  await addReceipt(stall.code);
  await page.getByTestId("collector-submit").click();
  await page.getByTestId("collector-tab-outbox").click();
  await visible(entry("pending"));
  const clientId = (await entry("pending").first().getAttribute("data-client-id"))!;
  await screenshot("07-opened-offline");

  await context.setOffline(false);
  await visible(page.locator(`[data-client-id="${clientId}"][data-status="accepted"]`));
  const stored = await reportsWithClientId(clientId);
  expect(stored).toHaveLength(1);
  expect(stored[0]!.receipts.map((r) => [r.stall.code, r.amount])).toEqual([[stall.code, stall.amount]]);
  expect(pageErrors).toEqual([]);
});
