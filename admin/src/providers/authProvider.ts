import type { AuthProvider, UserIdentity } from "react-admin";
import {
  GraphQLRequestError,
  errorCodes,
  getSession,
  login,
  logout,
  type GraphQLErrorShape,
  type Role,
} from "./session";

/** Collect the GraphQL errors carried by whatever react-admin hands to `checkError`. */
function graphQLErrorsOf(error: unknown): GraphQLErrorShape[] {
  if (typeof error !== "object" || error === null) return [];
  const e = error as {
    graphQLErrors?: GraphQLErrorShape[];
    errors?: GraphQLErrorShape[];
    body?: unknown;
    networkError?: { result?: { errors?: GraphQLErrorShape[] } };
  };
  const found: GraphQLErrorShape[] = [];
  if (Array.isArray(e.graphQLErrors)) found.push(...e.graphQLErrors);
  if (Array.isArray(e.errors)) found.push(...e.errors);
  if (Array.isArray(e.networkError?.result?.errors)) found.push(...e.networkError.result.errors);
  if (e.body && e.body !== error) found.push(...graphQLErrorsOf(e.body));
  return found;
}

export const authProvider: AuthProvider = {
  async login(params: { username?: string; password?: string }) {
    const username = (params.username ?? "").trim();
    const password = params.password ?? "";
    try {
      await login(username, password);
    } catch (error) {
      // The server's messages are English; the login page speaks the user's language.
      if (error instanceof GraphQLRequestError) {
        if (error.code === "RATE_LIMITED") throw new Error("app.auth.rate_limited");
        if (error.code === "UNAUTHENTICATED" || error.code === "BAD_USER_INPUT" || error.code === "FORBIDDEN") {
          throw new Error("app.auth.invalid_credentials");
        }
        throw new Error("ra.auth.sign_in_error");
      }
      throw new Error("ra.notification.http_error");
    }
  },

  async logout() {
    await logout();
  },

  async checkAuth() {
    if (!getSession()) throw new Error("ra.auth.auth_check_error");
  },

  async checkError(error: unknown) {
    const codes = errorCodes(graphQLErrorsOf(error));
    const status = (error as { status?: number } | null)?.status;
    if (!codes.includes("UNAUTHENTICATED") && status !== 401) return;
    // The data provider's fetch has already refreshed the tokens once and replayed the request
    // (session.ts); still unauthenticated means the session is over: react-admin logs out.
    throw new Error("ra.notification.logged_out");
  },

  async getIdentity(): Promise<UserIdentity> {
    const session = getSession();
    if (!session) throw new Error("ra.auth.auth_check_error");
    const { user } = session;
    return { id: user.id, fullName: user.displayName || user.username, username: user.username, role: user.role };
  },

  async getPermissions(): Promise<Role | undefined> {
    return getSession()?.user.role;
  },
};
