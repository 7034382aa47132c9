import { startTestApp, errorCode, type TestApp } from "../support/api-client";
import { openDatabase } from "../../server/src/database/database";
import { User } from "../../server/src/modules/auth/user.entity";

const LOGIN = `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken refreshToken user { id username displayName role marketIds } } }`;
const REFRESH = `mutation($t: String!) { refreshToken(token: $t) { accessToken refreshToken user { username } } }`;
const ME = `{ me { id username displayName role marketIds } }`;

describe("authentication", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ accessTokenTtlSeconds: 2, loginMaxFailuresPerUsername: 5, loginMaxFailuresPerIp: 1000 });
  });
  afterAll(async () => app?.close());

  it("signs in every demo user and reports role and markets through me", async () => {
    const res = await app.gql(LOGIN, { u: "pemungut.cikarang", p: "lapera-demo" });
    expect(res.errors).toBeUndefined();
    const { accessToken, user } = res.data!.login;
    expect(user).toMatchObject({ username: "pemungut.cikarang", role: "COLLECTOR" });
    const markets = await app.gql(`{ allMarkets(perPage: 50) { id code } }`, {}, accessToken);
    expect(markets.data!.allMarkets.map((m: { code: string }) => m.code).sort()).toEqual(["PBC", "PIC"]);
    const me = await app.gql(ME, {}, accessToken);
    expect(me.data!.me.marketIds.sort()).toEqual(markets.data!.allMarkets.map((m: { id: string }) => m.id).sort());
    for (const username of ["admin", "officer", "kepala.cikarang", "pemungut.tambun", "bendahara", "bapenda", "auditor", "editor.dpmptsp"]) {
      expect((await app.gql(LOGIN, { u: username, p: "lapera-demo" })).data?.login.user.username).toBe(username);
    }
  });

  it("refuses a wrong password with UNAUTHENTICATED and no token", async () => {
    const res = await app.gql(LOGIN, { u: "auditor", p: "wrong-password" });
    expect(errorCode(res)).toBe("UNAUTHENTICATED");
    expect(res.data).toBeNull();
  });

  it("rejects anonymous requests to protected operations with UNAUTHENTICATED", async () => {
    expect(errorCode(await app.gql(ME))).toBe("UNAUTHENTICATED");
    expect(errorCode(await app.gql(`{ allMarkets { id } }`))).toBe("UNAUTHENTICATED");
    expect(errorCode(await app.gql(ME, {}, "not-a-token"))).toBe("UNAUTHENTICATED");
  });

  it("expires access tokens after their lifetime", async () => {
    const token = await app.login("officer");
    expect((await app.gql(ME, {}, token)).data?.me.username).toBe("officer");
    await new Promise((r) => setTimeout(r, 3100));
    expect(errorCode(await app.gql(ME, {}, token))).toBe("UNAUTHENTICATED");
  });

  it("rotates refresh tokens and revokes the family when a used token is replayed", async () => {
    const first = (await app.gql(LOGIN, { u: "officer", p: "lapera-demo" })).data!.login;
    const second = await app.gql(REFRESH, { t: first.refreshToken });
    expect(second.data!.refreshToken.user.username).toBe("officer");
    const newRefresh = second.data!.refreshToken.refreshToken;
    expect(newRefresh).not.toBe(first.refreshToken);
    expect((await app.gql(ME, {}, second.data!.refreshToken.accessToken)).data?.me.username).toBe("officer");
    // Replaying the used token ends the whole session, including the successor.
    expect(errorCode(await app.gql(REFRESH, { t: first.refreshToken }))).toBe("UNAUTHENTICATED");
    expect(errorCode(await app.gql(REFRESH, { t: newRefresh }))).toBe("UNAUTHENTICATED");
  });

  it("logs out by revoking the refresh token", async () => {
    const session = (await app.gql(LOGIN, { u: "bendahara", p: "lapera-demo" })).data!.login;
    const out = await app.gql(`mutation($t: String!) { logout(refreshToken: $t) }`, { t: session.refreshToken }, session.accessToken);
    expect(out.data!.logout).toBe(true);
    expect(errorCode(await app.gql(REFRESH, { t: session.refreshToken }))).toBe("UNAUTHENTICATED");
  });

  it("rate-limits repeated bad logins for a username, even with the right password afterwards", async () => {
    const codes: Array<string | undefined> = [];
    for (let i = 0; i < 6; i++) codes.push(errorCode(await app.gql(LOGIN, { u: "bapenda", p: `bad-${i}` })));
    expect(codes.slice(0, 5)).toEqual(Array(5).fill("UNAUTHENTICATED"));
    expect(codes[5]).toBe("RATE_LIMITED");
    expect(errorCode(await app.gql(LOGIN, { u: "bapenda", p: "lapera-demo" }))).toBe("RATE_LIMITED");
  });

  it("stores passwords as argon2id PHC strings with the configured parameters", async () => {
    const db = await openDatabase({ databaseUrl: app.db.databaseUrl, sqlitePath: app.db.sqlitePath });
    try {
      const user = await db.manager.findOneByOrFail(User, { username: "admin" });
      expect(user.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/);
      expect(user.passwordHash).not.toContain("lapera-demo");
    } finally {
      await db.close();
    }
  });
});

describe("rate limit per IP", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ loginMaxFailuresPerUsername: 100, loginMaxFailuresPerIp: 4 });
  });
  afterAll(async () => app?.close());

  it("limits a burst of bad logins across usernames from one address", async () => {
    for (const u of ["x1", "x2", "x3", "x4"]) expect(errorCode(await app.gql(LOGIN, { u, p: "nope" }))).toBe("UNAUTHENTICATED");
    expect(errorCode(await app.gql(LOGIN, { u: "officer", p: "lapera-demo" }))).toBe("RATE_LIMITED");
  });
});
