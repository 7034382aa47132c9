import { startServer, type RunningServer, type StartOptions } from "../../server/src/main";
import { createTestDatabase, type TestDatabase } from "./test-database";

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string; fields?: Record<string, string>; [k: string]: unknown } }>;
}

export interface TestApp {
  url: string;
  db: TestDatabase;
  server: RunningServer;
  /** Posts a GraphQL request, optionally as a signed-in user's token. */
  // Tests read deep into arbitrary response shapes; `any` keeps them short where the shape is asserted anyway.
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  login(username: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

export const TEST_SECRET = "test-secret-that-is-long-enough-for-hs256-signing";

/** A real server on a fresh database (SQLite file, or a new MySQL schema when DATABASE_URL is set). */
export async function startTestApp(overrides: StartOptions = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const server = await startServer({
    port: 0,
    host: "127.0.0.1",
    databaseUrl: db.databaseUrl,
    sqlitePath: db.sqlitePath,
    seedDemo: true,
    // Three months of demo reports cost seconds per file; the tests that need history ask for it.
    demoHistoryDays: 0,
    // Background re-checks after each write would compete with a test's own work and its explicit
    // runs; anomaly-jobs.test.ts turns them on to test them.
    anomalyIncrementalDelayMs: 600_000,
    jwtSecret: TEST_SECRET,
    // TEST_LOG_LEVEL=error shows what the server logged, e.g. the cause of an INTERNAL_SERVER_ERROR.
    logLevel: (process.env.TEST_LOG_LEVEL as StartOptions["logLevel"]) ?? "silent",
    ...overrides,
  });
  const gql: TestApp["gql"] = async (query, variables, token, headers = {}) => {
    const response = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResponse<never>;
  };
  return {
    url: server.url,
    db,
    server,
    gql,
    async login(username, password = "lapera-demo") {
      const result = await gql<{ login: { accessToken: string } }>(
        `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken } }`,
        { u: username, p: password },
      );
      if (!result.data?.login) throw new Error(`login as ${username} failed: ${JSON.stringify(result.errors)}`);
      return result.data.login.accessToken;
    },
    async close() {
      await server.close();
      await db.drop();
    },
  };
}

export function errorCode(result: GraphQLResponse): string | undefined {
  return result.errors?.[0]?.extensions?.code;
}
