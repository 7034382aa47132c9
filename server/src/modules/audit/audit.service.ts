import type { EntityManager } from "typeorm";
import type { Actor } from "../auth/actor";
import { AuditEntry } from "./audit-entry.entity";

export type AuditAction = "CREATE" | "UPDATE" | "DELETE" | "LOGIN" | "LOGOUT" | "PASSWORD_CHANGE" | "SUBMIT" | "REJECT" | "RECORD" | "VERIFY" | "GENERATE" | "REVERSE" | "IMPORT" | "RECONCILE" | "DETECT" | "PUBLISH";

const SECRET_KEYS = new Set(["passwordHash", "tokenHash", "password"]);

/** A plain, secret-free copy of an entity for the audit trail. */
export function auditSnapshot(value: object | null | undefined): Record<string, unknown> | null {
  if (!value) return null;
  const snapshot: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (SECRET_KEYS.has(key) || (typeof field === "object" && field !== null && !(field instanceof Date))) continue;
    snapshot[key] = field;
  }
  return snapshot;
}

export class AuditService {
  /** Written with the caller's entity manager, so the entry commits or rolls back with the change. */
  async record(
    em: EntityManager,
    actor: Actor,
    action: AuditAction,
    entity: string,
    entityId: string | number,
    before: object | null,
    after: object | null,
  ): Promise<void> {
    const entry: Partial<AuditEntry> = {
      at: new Date(),
      userId: actor.user?.id ?? null,
      action,
      entity,
      entityId: String(entityId),
      before: auditSnapshot(before),
      after: auditSnapshot(after),
      requestId: actor.requestId.slice(0, 64),
    };
    // TypeORM's insert type cannot express JSON columns holding arbitrary records.
    await em.getRepository(AuditEntry).insert(entry as never);
  }
}
