import { startTestApp, errorCode } from "../support/api-client";

describe("demo data at start-up", () => {
  it("fills a new embedded database, but a MySQL database only when asked", async () => {
    const app = await startTestApp({ seedDemo: false });
    try {
      const login = await app.gql(`mutation { login(username: "admin", password: "lapera-demo") { accessToken } }`);
      if (app.db.dialectName === "sqlite") expect(login.data?.login.accessToken).toEqual(expect.any(String));
      else expect(errorCode(login)).toBe("UNAUTHENTICATED");
    } finally {
      await app.close();
    }
  });

  it("seeds MySQL too when SEED_DEMO/--demo asks for it", async () => {
    const app = await startTestApp({ seedDemo: true });
    try {
      const token = await app.login("officer");
      const markets = await app.gql(`{ _allMarketsMeta { count } }`, {}, token);
      expect(markets.data!._allMarketsMeta.count).toBe(12);
    } finally {
      await app.close();
    }
  });
});
