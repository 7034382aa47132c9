/**
 * Browser session: the tokens and user returned by `login` / `refreshToken`, kept in localStorage,
 * and the one place that talks to /graphql outside Apollo (login, refresh, logout).
 *
 * Access tokens live 15 minutes. Whatever request first meets `UNAUTHENTICATED` calls
 * `refreshSession()`; concurrent callers share the same in-flight refresh so that a rotated refresh
 * token is never presented twice (the server revokes the whole token family on reuse).
 */

export const GRAPHQL_PATH = "/graphql";

export type Role =
  | "ADMIN"
  | "OFFICER"
  | "MARKET_HEAD"
  | "COLLECTOR"
  | "TREASURER"
  | "REVENUE_OFFICER"
  | "AUDITOR"
  | "AGENCY_EDITOR";

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  marketIds: string[];
}

export interface Session {
  accessToken: string;
  refreshToken: string;
  user: SessionUser;
}

export interface GraphQLErrorShape {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: { code?: string; fields?: unknown; [key: string]: unknown };
}

/** An error returned in a GraphQL response body, with its `extensions.code`. */
export class GraphQLRequestError extends Error {
  readonly code: string | undefined;
  readonly errors: GraphQLErrorShape[];
  constructor(errors: GraphQLErrorShape[]) {
    super(errors[0]?.message ?? "GraphQL error");
    this.name = "GraphQLRequestError";
    this.errors = errors;
    this.code = errors[0]?.extensions?.code;
  }
}

const STORAGE_KEY = "lapera.session";

const AUTH_PAYLOAD_FIELDS = "accessToken refreshToken user { id username displayName role marketIds }";

type Listener = (session: Session | null) => void;
const listeners = new Set<Listener>();

export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function isSession(value: unknown): value is Session {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  const user = v.user as Record<string, unknown> | undefined;
  return (
    typeof v.accessToken === "string" &&
    typeof v.refreshToken === "string" &&
    typeof user === "object" &&
    user !== null &&
    (typeof user.id === "string" || typeof user.id === "number") &&
    typeof user.role === "string"
  );
}

export function getSession(): Session | null {
  try {
    const raw = window.localStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    return isSession(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

export function setSession(session: Session | null): void {
  if (session) {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(session));
  } else {
    window.localStorage.removeItem(STORAGE_KEY);
  }
  for (const listener of listeners) listener(session);
}

export function getAccessToken(): string | null {
  return getSession()?.accessToken ?? null;
}

export function errorCodes(errors: ReadonlyArray<GraphQLErrorShape> | undefined): string[] {
  return (errors ?? []).map((e) => e.extensions?.code).filter((c): c is string => typeof c === "string");
}

export function isUnauthenticated(errors: ReadonlyArray<GraphQLErrorShape> | undefined): boolean {
  return errorCodes(errors).includes("UNAUTHENTICATED");
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: GraphQLErrorShape[];
}

/** A plain GraphQL call without Apollo (used for the auth operations). */
export async function rawGraphQL<T>(
  query: string,
  variables: Record<string, unknown>,
  accessToken?: string | null,
): Promise<T> {
  const headers: Record<string, string> = {
    "content-type": "application/json",
    accept: "application/graphql-response+json, application/json",
  };
  if (accessToken) headers.authorization = `Bearer ${accessToken}`;
  return postGraphQL<T>(fetch, query, variables, headers);
}

/**
 * A GraphQL call with the session's token, refreshed when it has expired (for pages that work
 * outside Apollo, such as the collector's offline outbox). A failed connection rejects with the
 * `fetch` error; an answer with errors with a {@link GraphQLRequestError}.
 */
export function authenticatedGraphQL<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  return postGraphQL<T>(authenticatedFetch, query, variables, {
    "content-type": "application/json",
    accept: "application/graphql-response+json, application/json",
  });
}

/** Thrown when the server answered without a GraphQL body (a proxy's 502, say): try again later. */
export class HttpStatusError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
    this.name = "HttpStatusError";
  }
}

async function postGraphQL<T>(
  fetchImpl: typeof fetch,
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string>,
): Promise<T> {
  const response = await fetchImpl(GRAPHQL_PATH, {
    method: "POST",
    headers,
    body: JSON.stringify({ query, variables }),
    credentials: "same-origin",
  });
  let body: GraphQLResponse<T>;
  try {
    body = (await response.json()) as GraphQLResponse<T>;
  } catch {
    throw new HttpStatusError(response.status);
  }
  if (body.errors && body.errors.length > 0) throw new GraphQLRequestError(body.errors);
  if (!body.data) throw new HttpStatusError(response.status);
  return body.data;
}

export async function login(username: string, password: string): Promise<Session> {
  const data = await rawGraphQL<{ login: Session }>(
    `mutation Login($username: String!, $password: String!) { login(username: $username, password: $password) { ${AUTH_PAYLOAD_FIELDS} } }`,
    { username, password },
  );
  setSession(data.login);
  return data.login;
}

let refreshInFlight: Promise<Session | null> | null = null;

/**
 * Exchange the stored refresh token for a new pair. Resolves to the new session, or to null (and
 * clears the session) when the refresh token is refused. Concurrent callers share one request.
 */
export function refreshSession(): Promise<Session | null> {
  if (refreshInFlight) return refreshInFlight;
  const current = getSession();
  if (!current) return Promise.resolve(null);
  refreshInFlight = (async () => {
    try {
      const data = await rawGraphQL<{ refreshToken: Session }>(
        `mutation RefreshToken($token: String!) { refreshToken(token: $token) { ${AUTH_PAYLOAD_FIELDS} } }`,
        { token: current.refreshToken },
      );
      setSession(data.refreshToken);
      return data.refreshToken;
    } catch (error) {
      // Another tab may have rotated the tokens in the meantime: use theirs.
      const latest = getSession();
      if (latest && latest.refreshToken !== current.refreshToken) return latest;
      if (error instanceof GraphQLRequestError) {
        setSession(null);
        return null;
      }
      // Network failure: keep the session, the caller sees the failure.
      throw error;
    } finally {
      refreshInFlight = null;
    }
  })();
  return refreshInFlight;
}

export async function logout(): Promise<void> {
  const current = getSession();
  setSession(null);
  if (!current) return;
  try {
    await rawGraphQL<{ logout: boolean }>(
      `mutation Logout($refreshToken: String!) { logout(refreshToken: $refreshToken) }`,
      { refreshToken: current.refreshToken },
      current.accessToken,
    );
  } catch {
    // The local session is gone either way; an already revoked or expired token is fine.
  }
}

/**
 * `fetch` for Apollo's HttpLink: adds the bearer token, and when the answer says
 * `UNAUTHENTICATED`, refreshes once and replays the request with the new token.
 */
export const authenticatedFetch: typeof fetch = async (input, init) => {
  const send = (token: string | null) => {
    const headers = new Headers(init?.headers);
    if (token) headers.set("authorization", `Bearer ${token}`);
    else headers.delete("authorization");
    return fetch(input, { ...init, headers });
  };
  const usedToken = getAccessToken();
  const response = await send(usedToken);
  if (!usedToken || !(await responseIsUnauthenticated(response))) return response;

  // Another request (or tab) may already have refreshed.
  const stored = getAccessToken();
  if (stored && stored !== usedToken) return send(stored);
  const refreshed = await refreshSession();
  if (!refreshed) return response;
  return send(refreshed.accessToken);
};

async function responseIsUnauthenticated(response: Response): Promise<boolean> {
  if (response.status === 401) return true;
  const type = response.headers.get("content-type") ?? "";
  if (!type.includes("json")) return false;
  try {
    const body = (await response.clone().json()) as GraphQLResponse<unknown>;
    return isUnauthenticated(body.errors);
  } catch {
    return false;
  }
}
