import { Role, MARKET_SCOPED_ROLES } from "./role";

export interface AuthUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
}

/** Who is asking, as services see it: no HTTP, no GraphQL. */
export interface Actor {
  user: AuthUser | null;
  requestId: string;
  ip: string;
  /** The markets a scoped user (collector, market head) is limited to; null means every market. */
  marketScope(): Promise<number[] | null>;
}

export function isMarketScoped(user: AuthUser | null): boolean {
  return user !== null && MARKET_SCOPED_ROLES.includes(user.role);
}

/** For seeding and command-line work: acts as the system, unscoped. */
export function systemActor(requestId = "system"): Actor {
  return { user: null, requestId, ip: "127.0.0.1", marketScope: async () => null };
}
