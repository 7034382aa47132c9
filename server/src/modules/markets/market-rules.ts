import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { badInput, forbidden } from "../../common/errors";
import type { Period } from "../../common/periods";
import type { Actor } from "../auth/actor";
import { User } from "../auth/user.entity";
import type { Role } from "../auth/role";

/** Limits a list to the actor's markets through an SQL expression yielding a market id. */
export async function restrictToMarkets<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  actor: Actor,
  marketIdSql: string,
): Promise<void> {
  const scope = await actor.marketScope();
  if (scope === null) return;
  if (scope.length === 0) qb.andWhere("1 = 0");
  else qb.andWhere(`${marketIdSql} IN (:...scopeMarketIds)`, { scopeMarketIds: scope });
}

/**
 * Locks the rows a uniqueness-over-time check reads (and, through InnoDB's next-key locks on the
 * index, the gap a concurrent insert would need), so two writers cannot both pass the check.
 * SQLite writers are already serialised by Database.transaction.
 */
export function lockedForCheck<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, dialect: string): SelectQueryBuilder<T> {
  return dialect === "sqlite" ? qb : qb.setLock("pessimistic_write");
}

export function assertPeriodOrder(period: Period): void {
  if (period.validTo !== null && period.validTo < period.validFrom) {
    throw badInput({ validTo: "must be on or after validFrom" });
  }
}

export async function assertExists(em: EntityManager, entity: Function, id: number | null, field: string): Promise<void> {
  if (id === null) return;
  if (!(await em.existsBy(entity as new () => ObjectLiteral, { id }))) throw badInput({ [field]: "does not exist" });
}

export async function assertUserHasRole(em: EntityManager, userId: number | null, role: Role, field: string): Promise<void> {
  if (userId === null) return;
  const user = await em.findOneBy(User, { id: userId });
  if (!user) throw badInput({ [field]: "does not exist" });
  if (user.role !== role) throw badInput({ [field]: `must be a user with role ${role}` });
}

/**
 * A collector acts at a market only on days they are assigned to it. The assignment is looked up
 * first because it almost always exists; only a refusal pays for telling an unknown market (the
 * caller's mistake) from one the collector does not work at.
 */
export async function assertCollectorAssigned(em: EntityManager, collectorId: number, marketId: number, day: string): Promise<void> {
  const rows: unknown[] = await em.query(
    `SELECT 1 FROM collector_assignment WHERE collector_id = ? AND market_id = ? AND valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?)`,
    [collectorId, marketId, day, day],
  );
  if (rows.length > 0) return;
  const market: unknown[] = await em.query("SELECT 1 FROM market WHERE id = ?", [marketId]);
  if (market.length === 0) throw badInput({ marketId: "does not exist" });
  throw forbidden(`Collector ${collectorId} is not assigned to market ${marketId} on ${day}`);
}

/**
 * Another row with the same key (e.g. the same stall) whose inclusive validity period shares a day
 * with `row`'s; null ends are open. Read with a lock so two writers cannot both find none.
 */
export async function findOverlappingPeriod<T extends ObjectLiteral & Period & { id?: number }>(
  em: EntityManager,
  entity: new () => T,
  dialect: string,
  row: T,
  sameKey: { sql: string; params: Record<string, unknown> },
): Promise<T | null> {
  const qb = lockedForCheck(em.getRepository(entity).createQueryBuilder("o"), dialect)
    .where(sameKey.sql, sameKey.params)
    .andWhere("(o.validTo IS NULL OR o.validTo >= :ovFrom)", { ovFrom: row.validFrom });
  if (row.validTo !== null) qb.andWhere("o.validFrom <= :ovTo", { ovTo: row.validTo });
  if (row.id) qb.andWhere("o.id <> :selfId", { selfId: row.id });
  return qb.getOne();
}
