import type { ClassType } from "type-graphql";
import type { EntityManager, ObjectLiteral } from "typeorm";
import type { Database } from "../database/database";
import { isForeignKeyViolation, isUniqueViolation } from "../database/errors";
import type { Actor } from "../modules/auth/actor";
import type { AuditService } from "../modules/audit/audit.service";
import { conflict } from "./errors";
import { ReadService } from "./read.service";
import { assertValid } from "./validation";

export { DEFAULT_PAGE_SIZE, type ListParams, type ResourceSpec } from "./read.service";

/**
 * Create, update and delete on top of ReadService, with validation, constraint mapping and the audit
 * trail in one place. Subclasses say how input maps to the entity and add their cross-row rules.
 */
export abstract class CrudService<T extends ObjectLiteral & { id: number }, TInput extends object> extends ReadService<T> {
  protected abstract readonly inputClass: ClassType<TInput>;

  constructor(
    db: Database,
    protected readonly audit: AuditService,
    maxPageSize: number,
  ) {
    super(db, maxPageSize);
  }

  /** The input that would recreate `entity`; an update is this with the patch laid over it. */
  protected abstract toInput(entity: T): TInput;

  /** Copies validated input onto the entity (parsing ids, converting units). */
  protected abstract applyInput(entity: T, input: TInput): void;

  /** Rules that involve other rows (overlaps, references); run inside the write transaction. */
  protected async checkRules(_em: EntityManager, _entity: T, _actor: Actor, _existing: T | null): Promise<void> {}

  /** Keeps derived data (the revenue summary) in step, inside the write transaction. */
  protected async afterWrite(_em: EntityManager, _before: T | null, _after: T | null): Promise<void> {}

  /** Refuses writes outside the actor's scope. */
  protected async assertMayWrite(_actor: Actor, _entity: T): Promise<void> {}

  private async validated(raw: Partial<TInput>): Promise<TInput> {
    const input = Object.assign(new this.inputClass(), raw);
    await assertValid(input);
    return input;
  }

  private stamp(entity: T, isNew: boolean): void {
    const metadata = this.db.dataSource.getMetadata(this.spec.entity);
    const now = new Date();
    if (isNew && metadata.findColumnWithPropertyName("createdAt")) (entity as ObjectLiteral).createdAt = now;
    if (metadata.findColumnWithPropertyName("updatedAt")) (entity as ObjectLiteral).updatedAt = now;
  }

  private translateWriteError(error: unknown): unknown {
    if (isUniqueViolation(error)) {
      return conflict(`A ${this.spec.name} with the same ${this.spec.uniqueDescription ?? "key"} already exists`);
    }
    return error;
  }

  async create(actor: Actor, raw: Partial<TInput>): Promise<T> {
    const input = await this.validated(raw);
    const entity = this.db.manager.create(this.spec.entity);
    this.applyInput(entity, input);
    this.stamp(entity, true);
    await this.assertMayWrite(actor, entity);
    try {
      return await this.db.transaction(async (em) => {
        await this.checkRules(em, entity, actor, null);
        const saved = await em.save(this.spec.entity, entity);
        await this.afterWrite(em, null, saved);
        await this.audit.record(em, actor, "CREATE", this.spec.name, saved.id, null, saved);
        return saved;
      });
    } catch (error) {
      throw this.translateWriteError(error);
    }
  }

  async update(actor: Actor, rawId: string | number, patch: Partial<TInput>): Promise<T> {
    const existing = await this.getById(actor, rawId);
    await this.assertMayWrite(actor, existing);
    const definedPatch = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    const input = await this.validated({ ...this.toInput(existing), ...definedPatch });
    const entity = this.db.manager.create(this.spec.entity, { ...existing });
    this.applyInput(entity, input);
    this.stamp(entity, false);
    await this.assertMayWrite(actor, entity);
    try {
      return await this.db.transaction(async (em) => {
        await this.checkRules(em, entity, actor, existing);
        const saved = await em.save(this.spec.entity, entity);
        await this.afterWrite(em, existing, saved);
        await this.audit.record(em, actor, "UPDATE", this.spec.name, saved.id, existing, saved);
        return saved;
      });
    } catch (error) {
      throw this.translateWriteError(error);
    }
  }

  /** Deletes a row no history depends on; otherwise CONFLICT with advice to deactivate. */
  async remove(actor: Actor, rawId: string | number): Promise<T> {
    const existing = await this.getById(actor, rawId);
    await this.assertMayWrite(actor, existing);
    try {
      await this.db.transaction(async (em) => {
        await em.delete(this.spec.entity, existing.id);
        await this.afterWrite(em, existing, null);
        await this.audit.record(em, actor, "DELETE", this.spec.name, existing.id, existing, null);
      });
    } catch (error) {
      if (isForeignKeyViolation(error)) {
        const advice = this.spec.deleteAdvice ? `; ${this.spec.deleteAdvice}` : "";
        throw conflict(`${this.spec.name} ${existing.id} cannot be deleted because other records depend on it${advice}`);
      }
      throw error;
    }
    return existing;
  }
}
