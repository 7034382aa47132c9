/**
 * Platform benchmark (`npm run bench`; never part of `npm test`): SQL statements per GraphQL request
 * for nested lists at two page sizes (must not grow: no N+1), and request latencies.
 * Runs on SQLite, or on MySQL/MariaDB when DATABASE_URL is set.
 */
import { startTestApp, type TestApp } from "../support/api-client";
import { timed } from "./bench-support";

let statements = 0;

const LISTS: Array<{ name: string; query: (perPage: number) => string; small: number; large: number }> = [
  { name: "allMarkets + head { marketIds }", query: (n) => `{ allMarkets(perPage: ${n}) { id name head { username marketIds } } }`, small: 3, large: 12 },
  { name: "allStalls + market", query: (n) => `{ allStalls(perPage: ${n}) { id code area market { name } } }`, small: 10, large: 200 },
  { name: "allStallPermits + stall.market, trader", query: (n) => `{ allStallPermits(perPage: ${n}) { id stall { code market { code } } trader { name } } }`, small: 10, large: 200 },
  { name: "allTicketBooks + market, collector.marketIds", query: (n) => `{ allTicketBooks(perPage: ${n}) { id market { name } collector { username marketIds } } }`, small: 3, large: 36 },
];


describe("platform benchmark", () => {
  let app: TestApp;
  let token: string;
  beforeAll(async () => {
    app = await startTestApp({ onQuery: () => void statements++ });
    token = await app.login("officer");
  });
  afterAll(async () => app?.close());

  it("keeps SQL statements per request constant as pages grow, and reports latencies", async () => {
    const rows: string[] = [];
    const database = process.env.DATABASE_URL ? "mysql/mariadb" : "sqlite";
    rows.push(`database: ${database}`);
    rows.push("| request | statements (small page) | statements (large page) | median ms (large page, 20 runs) |");
    rows.push("|---|---|---|---|");
    for (const list of LISTS) {
      const count = async (perPage: number) => {
        statements = 0;
        const res = await app.gql(list.query(perPage), {}, token);
        if (res.errors) throw new Error(JSON.stringify(res.errors));
        return statements;
      };
      const small = await count(list.small);
      const large = await count(list.large);
      const ms = await timed(() => app.gql(list.query(list.large), {}, token), 20);
      rows.push(`| ${list.name} (${list.small} vs ${list.large} rows) | ${small} | ${large} | ${ms.toFixed(1)} |`);
      expect(large).toBe(small);
    }
    const loginMs = await timed(() => app.gql(`mutation { login(username: "auditor", password: "lapera-demo") { accessToken } }`), 5);
    rows.push(`| login (argon2id verify + token pair) | | | ${loginMs.toFixed(1)} |`);
    const countMs = await timed(() => app.gql(`{ _allStallsMeta(filter: { q: "A1" }) { count } }`, {}, token), 20);
    rows.push(`| _allStallsMeta with q over ~5 000 stalls | | | ${countMs.toFixed(1)} |`);
    console.log(rows.join("\n"));
  });
});
