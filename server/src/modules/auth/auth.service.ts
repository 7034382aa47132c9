import { IsNull, type EntityManager } from "typeorm";
import type { Database } from "../../database/database";
import { badInput, unauthenticated } from "../../common/errors";
import type { AuditService } from "../audit/audit.service";
import type { Actor, AuthUser } from "./actor";
import type { LoginLimiter } from "./login-limiter";
import { verifyPassword } from "./password.service";
import { RefreshToken } from "./refresh-token.entity";
import { hashToken, type TokenService } from "./token.service";
import { User } from "./user.entity";

export interface Session {
  accessToken: string;
  refreshToken: string;
  user: User;
}

const INVALID_LOGIN = "Wrong username or password";

function authUser(user: User): AuthUser {
  return { id: user.id, username: user.username, displayName: user.displayName, role: user.role };
}

export class AuthService {
  constructor(
    private readonly db: Database,
    private readonly tokens: TokenService,
    private readonly limiter: LoginLimiter,
    private readonly audit: AuditService,
  ) {}

  async login(actor: Actor, username: string, password: string): Promise<Session> {
    const name = username.trim().toLowerCase();
    if (!name || !password) throw badInput({ ...(name ? {} : { username: "is required" }), ...(password ? {} : { password: "is required" }) });
    await this.limiter.assertAllowed(this.db.manager, name, actor.ip);
    const user = await this.db.manager.findOneBy(User, { username: name });
    const ok = user !== null && user.active && (await verifyPassword(user.passwordHash, password));
    return this.db.transaction(async (em) => {
      await this.limiter.record(em, name, actor.ip, ok);
      if (!ok || !user) return null;
      await this.audit.record(em, { ...actor, user: authUser(user) }, "LOGIN", "User", user.id, null, null);
      return this.session(em, user);
    }).then((session) => {
      if (!session) throw unauthenticated(INVALID_LOGIN);
      return session;
    });
  }

  private async session(em: EntityManager, user: User, family?: string): Promise<Session> {
    const refreshToken = await this.tokens.issueRefreshToken(em, user.id, family);
    return { accessToken: await this.tokens.issueAccessToken(authUser(user)), refreshToken, user };
  }

  /**
   * Rotates a refresh token. A token that was already used is a sign of theft: the whole family is
   * revoked, so both the thief and the owner must sign in again.
   */
  async refresh(token: string): Promise<Session> {
    const outcome = await this.db.transaction(async (em) => {
      const stored = await em.findOneBy(RefreshToken, { tokenHash: hashToken(token) });
      if (!stored) return null;
      const now = new Date();
      if (stored.revokedAt) {
        await em.update(RefreshToken, { family: stored.family, revokedAt: IsNull() }, { revokedAt: now });
        return "reused" as const;
      }
      if (stored.expiresAt <= now) return null;
      const user = await em.findOneBy(User, { id: stored.userId });
      if (!user || !user.active) return null;
      await em.update(RefreshToken, { id: stored.id }, { revokedAt: now });
      return this.session(em, user, stored.family);
    });
    if (!outcome || outcome === "reused") throw unauthenticated("The session has ended; sign in again");
    return outcome;
  }

  async logout(actor: Actor, token: string): Promise<boolean> {
    return this.db.transaction(async (em) => {
      const stored = await em.findOneBy(RefreshToken, { tokenHash: hashToken(token) });
      if (!stored || (actor.user && stored.userId !== actor.user.id)) return false;
      await em.update(RefreshToken, { family: stored.family, revokedAt: IsNull() }, { revokedAt: new Date() });
      await this.audit.record(em, actor, "LOGOUT", "User", stored.userId, null, null);
      return true;
    });
  }

  /** Resolves a bearer token to a current, active user (a deactivated user's tokens stop working). */
  async authenticate(accessToken: string): Promise<AuthUser | null> {
    const claims = await this.tokens.verifyAccessToken(accessToken);
    if (!claims) return null;
    const user = await this.db.manager.findOneBy(User, { id: claims.id });
    return user && user.active ? authUser(user) : null;
  }
}
