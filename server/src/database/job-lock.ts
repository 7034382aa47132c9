import type { Database } from "./database";
import { isUniqueViolation } from "./errors";
import { JobLock } from "./job-lock.entity";

/**
 * Leases on background jobs so that, with several instances behind a load balancer, one of them
 * runs a job and the others skip it. A lease expires, so a crashed holder does not block the job
 * for ever; a completed run records its key, so an instance whose clock is a little late does not
 * run the same night again.
 */
export class JobLocks {
  constructor(private readonly db: Database) {}

  /** Takes the lease on `name` for `key` unless another holder has it or `key` was already done. */
  async tryAcquire(name: string, key: string, holder: string, leaseMs: number, now = new Date()): Promise<boolean> {
    try {
      await this.db.manager.insert(JobLock, { name, holder: null, lockedUntil: null, lastRunKey: null, lastRunAt: null });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    // One conditional UPDATE: the database decides between instances racing for the lease.
    const result = await this.db.manager.createQueryBuilder().update(JobLock)
      .set({ holder, lockedUntil: new Date(now.getTime() + leaseMs) })
      .where("name = :name", { name })
      .andWhere("(locked_until IS NULL OR locked_until < :now)", { now })
      .andWhere("(last_run_key IS NULL OR last_run_key <> :key)", { key })
      .execute();
    return result.affected === 1;
  }

  /** Gives the lease back; `completedKey` records a finished run, null leaves the key to retry. */
  async release(name: string, holder: string, completedKey: string | null, now = new Date()): Promise<void> {
    await this.db.manager.createQueryBuilder().update(JobLock)
      .set(completedKey === null ? { holder: null, lockedUntil: null } : { holder: null, lockedUntil: null, lastRunKey: completedKey, lastRunAt: now })
      .where("name = :name AND holder = :holder", { name, holder })
      .execute();
  }
}
