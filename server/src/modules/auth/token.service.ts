import { createHash, randomBytes, randomUUID } from "node:crypto";
import { SignJWT, jwtVerify } from "jose";
import type { EntityManager } from "typeorm";
import { RefreshToken } from "./refresh-token.entity";
import { Role } from "./role";
import type { AuthUser } from "./actor";

const ALGORITHM = "HS256";
const ISSUER = "lapera-plus";

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export class TokenService {
  private readonly key: Uint8Array;

  constructor(
    secret: string,
    private readonly accessTtlSeconds: number,
    private readonly refreshTtlDays: number,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  async issueAccessToken(user: AuthUser): Promise<string> {
    return new SignJWT({ role: user.role, username: user.username, name: user.displayName })
      .setProtectedHeader({ alg: ALGORITHM })
      .setSubject(String(user.id))
      .setIssuer(ISSUER)
      .setIssuedAt()
      .setExpirationTime(`${this.accessTtlSeconds}s`)
      .sign(this.key);
  }

  /** The algorithm is pinned: a token signed any other way (or `none`) is refused. */
  async verifyAccessToken(token: string): Promise<AuthUser | null> {
    try {
      const { payload } = await jwtVerify(token, this.key, { algorithms: [ALGORITHM], issuer: ISSUER });
      const role = payload.role as Role;
      if (!payload.sub || !Object.values(Role).includes(role)) return null;
      return { id: Number(payload.sub), role, username: String(payload.username), displayName: String(payload.name) };
    } catch {
      return null;
    }
  }

  async issueRefreshToken(em: EntityManager, userId: number, family: string = randomUUID()): Promise<string> {
    const token = randomBytes(32).toString("base64url");
    const now = new Date();
    await em.insert(RefreshToken, {
      tokenHash: hashToken(token),
      family,
      userId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + this.refreshTtlDays * 86_400_000),
      revokedAt: null,
    });
    return token;
  }
}
