/**
 * What every browser suite shares: a real server on a fresh SQLite file with the demo seed, the
 * built back-office (admin/dist) in Debian's Chromium, and the helpers that wait on the page and
 * say what it showed when a step gives up. A suite calls `useBrowserHarness("name")` once at its
 * top; `page` and `server` are then live for its tests.
 *
 * Needs /usr/bin/chromium (apt-get install chromium) and a built admin (`npm run build -w admin`;
 * built here when admin/dist is missing). Screenshots go to $TMPDIR/lapera-<suite>-*.png.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from "playwright-core";
import { startServer } from "../../../server/src/main";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ROOT = resolve(__dirname, "../../..");
const ADMIN_DIST = join(ROOT, "admin", "dist", "index.html");
export const SESSION_KEY = "lapera.session";
export const UI_TIMEOUT = 15_000;
export const OFFICER = { username: "officer", password: "lapera-demo" };

type Server = Awaited<ReturnType<typeof startServer>>;

export interface StoredSession {
  accessToken: string;
  refreshToken: string;
  user: { id: string; username: string; displayName: string; role: string };
}

export let server: Server;
export let context: BrowserContext;
export let page: Page;
let browser: Browser;
let dataDir: string;
let suiteName = "admin";
/** Uncaught errors of the page: a step that expects none checks it is empty. */
export const pageErrors: string[] = [];
/** The last GraphQL errors the page received: a failed step reports them with what the page showed. */
export const graphqlErrors: string[] = [];

export async function graphql<T>(query: string, variables: Record<string, unknown> = {}, token?: string) {
  const response = await fetch(`${server.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: T; errors?: Array<{ message: string; extensions?: { code?: string } }> };
}

/** A user's access token straight from the API (the page keeps its own session). */
export async function tokenOf(user: { username: string; password: string }): Promise<string> {
  const result = await graphql<{ login: { accessToken: string } }>(
    `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken } }`,
    { u: user.username, p: user.password },
  );
  if (!result.data) throw new Error(`login of ${user.username} failed: ${JSON.stringify(result.errors)}`);
  return result.data.login.accessToken;
}

export const officerToken = () => tokenOf(OFFICER);

export const screenshot = (name: string) =>
  page.screenshot({ path: join(tmpdir(), `lapera-${suiteName}-${name}.png`), fullPage: true });

/** Where the page is and what it shows, for the message of a step that failed waiting on it. */
export async function describePage(): Promise<string> {
  const text = await page
    .locator("body")
    .innerText({ timeout: 2_000 })
    .catch((error: Error) => `(page text unreadable: ${error.message})`);
  return [
    `page: ${page.url()}`,
    `graphql errors: ${graphqlErrors.slice(-5).join(" | ") || "none"}`,
    `page errors: ${pageErrors.slice(-5).join(" | ") || "none"}`,
    `page text: ${text.replace(/\s+/g, " ").slice(0, 1500)}`,
  ].join("\n");
}

export async function visible(locator: Locator, timeout = UI_TIMEOUT): Promise<void> {
  try {
    await locator.first().waitFor({ state: "visible", timeout });
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${await describePage()}`);
  }
}

/** The page's localStorage (typed here: the test project compiles without the DOM library). */
export interface PageGlobals {
  localStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void };
}

export const storedSession = () =>
  page.evaluate((key) => {
    const raw = (globalThis as unknown as PageGlobals).localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as StoredSession) : null;
  }, SESSION_KEY);

/** Poll `read` until `accept` holds or the UI timeout passes; returns the last value read. */
export async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean, timeout = UI_TIMEOUT): Promise<T> {
  const deadline = Date.now() + timeout;
  let value = await read();
  while (!accept(value) && Date.now() < deadline) {
    await page.waitForTimeout(200);
    value = await read();
  }
  // The caller's assertion fails on the value; this says what the page showed at that moment.
  if (!accept(value)) console.warn(`gave up waiting, last value ${JSON.stringify(value)}\n${await describePage()}`);
  return value;
}

/** Text of the visible data rows of the list's given column (`DataTable` adds `column-<source>`). */
export const columnTexts = (source: string) => page.locator(`tbody td.column-${source}`).allInnerTexts();

/** Today as an Asia/Jakarta calendar day, the way the server counts business dates. */
export const jakartaToday = () =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());

/** Signs out whoever is signed in (from the page's user menu), then signs `user` in. */
export async function signInAs(user: { username: string; password: string }) {
  if ((await storedSession()) !== null) {
    await page.getByRole("button", { name: "Profil" }).click();
    await page.getByRole("menuitem", { name: "Keluar" }).click();
    await page.waitForURL(/#\/login/);
  }
  await page.locator('input[name="username"]').fill(user.username);
  await page.locator('input[name="password"]').fill(user.password);
  await page.getByRole("button", { name: "Masuk" }).click();
  await visible(page.getByTestId("dashboard"));
  const session = await eventually(storedSession, (s) => s?.user.username === user.username);
  expect(session?.user.username).toBe(user.username);
  return session!.accessToken;
}

/**
 * Signs in as `user` from the home page: signing out elsewhere brings the next user back to the
 * page left, where signInAs would wait for the dashboard in vain.
 */
export async function signInFromHome(user: { username: string; password: string }): Promise<string> {
  await page.goto(`${server.url}/admin/#/`);
  const session = await storedSession();
  if (session?.user.username === user.username) {
    await visible(page.getByTestId("dashboard"));
    return session.accessToken;
  }
  return signInAs(user);
}

/** Set by test/browser/failure-environment.js when a test's body fails. */
const failedTestName = () => (globalThis as { __lastFailedTest?: string }).__lastFailedTest;

/**
 * Registers the suite's hooks: start the server and the browser before its tests, save a
 * screenshot and describe the page when a test fails, close everything after.
 */
export function useBrowserHarness(name: string): void {
  suiteName = name;
  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
    if (!existsSync(ADMIN_DIST)) {
      execFileSync("npm", ["run", "build", "-w", "admin"], { cwd: ROOT, stdio: "inherit" });
    }
    dataDir = mkdtempSync(join(tmpdir(), `lapera-browser-${name}-`));
    server = await startServer({
      port: 0,
      databaseUrl: undefined,
      sqlitePath: join(dataDir, "lapera.sqlite"),
      seedDemo: true,
      logLevel: "silent",
    });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: "id-ID" });
    page = await context.newPage();
    page.on("pageerror", (error) => pageErrors.push(error.message));
    page.on("response", (response) => {
      if (!response.url().endsWith("/graphql")) return;
      void response
        .json()
        .then((body: { errors?: Array<{ message: string; extensions?: { code?: string } }> }) => {
          for (const e of body.errors ?? []) graphqlErrors.push(`${e.extensions?.code ?? "?"}: ${e.message}`);
        })
        .catch(() => undefined);
    });
  }, 120_000);

  afterEach(async () => {
    const testName = expect.getState().currentTestName ?? "";
    if (!page || !failedTestName() || !testName.endsWith(failedTestName()!)) return;
    const file = `failed-${testName.replace(/[^a-z0-9]+/gi, "-").slice(0, 80)}`;
    await screenshot(file).catch(() => undefined);
    console.warn(`screenshot of the failed step: ${join(tmpdir(), `lapera-${suiteName}-${file}.png`)}\n${await describePage()}`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });
}
