import type { AddressInfo } from "node:net";
import { pino } from "pino";
import { loadConfig } from "../../server/src/config";
import { openDatabase } from "../../server/src/database/database";
import { buildAppSchema } from "../../server/src/graphql/schema";
import { createHttpApp } from "../../server/src/http/app";
import { createServices } from "../../server/src/services";
import { TEST_SECRET } from "../support/api-client";
import { createTestDatabase } from "../support/test-database";

describe("GET /healthz", () => {
  it("answers 200 while the database answers and 503 once it does not", async () => {
    const testDb = await createTestDatabase();
    const config = { ...loadConfig({ JWT_SECRET: TEST_SECRET, SQLITE_PATH: testDb.sqlitePath }, []), databaseUrl: testDb.databaseUrl };
    const db = await openDatabase({ databaseUrl: testDb.databaseUrl, sqlitePath: testDb.sqlitePath });
    await db.migrate();
    const { app, apollo } = await createHttpApp(config, await buildAppSchema(), createServices(db, config), pino({ level: "silent" }));
    const server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/healthz`;
    try {
      const up = await fetch(url);
      expect([up.status, await up.json()]).toEqual([200, { status: "ok" }]);
      await db.close();
      const down = await fetch(url);
      expect(down.status).toBe(503);
      expect(await down.json()).toEqual({ status: "unavailable" });
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await apollo.stop();
      await db.close();
      await testDb.drop();
    }
  });
});
