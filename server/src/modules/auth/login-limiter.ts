import { MoreThanOrEqual, type EntityManager } from "typeorm";
import { rateLimited } from "../../common/errors";
import { LoginAttempt } from "./login-attempt.entity";

export interface LoginLimits {
  maxFailuresPerUsername: number;
  maxFailuresPerIp: number;
  windowSeconds: number;
}

/** Counts recent failed logins in the database, so the limit holds across every API instance. */
export class LoginLimiter {
  constructor(private readonly limits: LoginLimits) {}

  async assertAllowed(em: EntityManager, username: string, ip: string): Promise<void> {
    const since = new Date(Date.now() - this.limits.windowSeconds * 1000);
    const repo = em.getRepository(LoginAttempt);
    const [byUser, byIp] = await Promise.all([
      repo.count({ where: { username, success: false, at: MoreThanOrEqual(since) } }),
      repo.count({ where: { ip, success: false, at: MoreThanOrEqual(since) } }),
    ]);
    if (byUser >= this.limits.maxFailuresPerUsername || byIp >= this.limits.maxFailuresPerIp) {
      throw rateLimited("Too many failed sign-in attempts; try again later", this.limits.windowSeconds);
    }
  }

  async record(em: EntityManager, username: string, ip: string, success: boolean): Promise<void> {
    await em.insert(LoginAttempt, { username: username.slice(0, 64), ip: ip.slice(0, 64), at: new Date(), success });
  }
}
