import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { loadConfig } from "../../server/src/config";
import { openDatabase, type Database } from "../../server/src/database/database";
import { buildAppSchema } from "../../server/src/graphql/schema";
import { createHttpApp, type HttpApp } from "../../server/src/http/app";
import { createServices } from "../../server/src/services";
import { TEST_SECRET } from "../support/api-client";
import { createTestDatabase } from "../support/test-database";

/**
 * How the process serves the built back-office, on a stand-in build (the real one may not be built
 * when the API tests run): compressed, hashed assets cached for good, the page and the service
 * worker revalidated on every load so that a release is picked up at once; and GraphQL compressed.
 */
describe("the back-office's files", () => {
  const script = `export const screens = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `screen-${i}`))};\n`;
  let dist: string;
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  let db: Database;
  let http: HttpApp;
  let server: ReturnType<HttpApp["app"]["listen"]>;
  let base: string;

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), "lapera-admin-dist-"));
    mkdirSync(join(dist, "assets"));
    writeFileSync(join(dist, "index.html"), `<!doctype html><title>LAPERA+</title><script type="module" src="/admin/assets/index-abc123.js"></script>`);
    writeFileSync(join(dist, "assets", "index-abc123.js"), script);
    writeFileSync(join(dist, "sw.js"), `self.addEventListener("install", () => self.skipWaiting());\n`);
    testDb = await createTestDatabase();
    const config = {
      ...loadConfig({ JWT_SECRET: TEST_SECRET, SQLITE_PATH: testDb.sqlitePath }, []),
      databaseUrl: testDb.databaseUrl,
      adminDistPath: dist,
    };
    db = await openDatabase({ databaseUrl: testDb.databaseUrl, sqlitePath: testDb.sqlitePath });
    await db.migrate();
    http = await createHttpApp(config, await buildAppSchema(), createServices(db, config), pino({ level: "silent" }));
    server = http.app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await http.apollo.stop();
    await db.close();
    await testDb.drop();
    rmSync(dist, { recursive: true, force: true });
  });

  it("sends a hashed script gzip-compressed and cacheable for a year", async () => {
    const response = await fetch(`${base}/admin/assets/index-abc123.js`, { headers: { "accept-encoding": "gzip" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-encoding")).toBe("gzip");
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(await response.text()).toBe(script);
  });

  it("answers a missing asset with 404 instead of the page", async () => {
    const response = await fetch(`${base}/admin/assets/index-gone999.js`);
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).not.toMatch(/html/);
  });

  it("has the page and the service worker revalidated on every load", async () => {
    for (const path of ["/admin/", "/admin/sw.js"]) {
      const response = await fetch(`${base}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("cache-control")).toBe("public, max-age=0");
      await response.text();
    }
    const page = await fetch(`${base}/admin/#/setor`);
    expect(await page.text()).toContain("/admin/assets/index-abc123.js");
  });

  it("compresses a large GraphQL answer for a client that accepts gzip", async () => {
    const response = await fetch(`${base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", "accept-encoding": "gzip" },
      body: JSON.stringify({ query: "{ __schema { types { name description } } }" }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-encoding")).toBe("gzip");
    expect(((await response.json()) as { data: { __schema: { types: unknown[] } } }).data.__schema.types.length).toBeGreaterThan(100);
  });
});
