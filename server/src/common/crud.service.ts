import type { ClassType } from "type-graphql";
import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from "typeorm";
import type { Database } from "../database/database";
import { isForeignKeyViolation, isUniqueViolation } from "../database/errors";
import type { Actor } from "../modules/auth/actor";
import type { AuditService } from "../modules/audit/audit.service";
import { badInput, conflict, forbidden, notFound } from "./errors";
import { parseId } from "./ids";
import { assertValid } from "./validation";

export interface ListParams {
  page?: number | null;
  perPage?: number | null;
  sortField?: string | null;
  sortOrder?: string | null;
  filter?: object | null;
}

export interface ResourceSpec<T extends object> {
  /** The GraphQL type name, used in messages and the audit log. */
  name: string;
  entity: ClassType<T>;
  /** Columns that the free-text filter `q` searches. */
  searchFields: ReadonlyArray<keyof T & string>;
  /** Properties usable as equality filters and, with `_gte`/`_lte`, as ranges. */
  filterFields: ReadonlyArray<keyof T & string>;
  /** GraphQL field name -> entity property to sort by. */
  sortFields: Readonly<Record<string, keyof T & string>>;
  /** What the unique constraints cover, for the CONFLICT message. */
  uniqueDescription?: string;
  /** What to do instead of deleting when history depends on the row. */
  deleteAdvice?: string;
}

export const DEFAULT_PAGE_SIZE = 25;
const ALIAS = "e";

/** Escapes LIKE wildcards with '!', an escape character both SQLite and MySQL accept verbatim. */
function likePattern(text: string): string {
  return `%${text.replace(/[!%_]/g, (c) => `!${c}`)}%`;
}

/**
 * List, count, get, create, update and delete for one resource, following ra-data-graphql-simple's
 * conventions, with validation, actor scoping, constraint mapping and the audit trail in one place.
 * Subclasses say how input maps to the entity and add their cross-row rules.
 */
export abstract class CrudService<T extends ObjectLiteral & { id: number }, TInput extends object> {
  protected abstract readonly spec: ResourceSpec<T>;
  protected abstract readonly inputClass: ClassType<TInput>;

  constructor(
    protected readonly db: Database,
    protected readonly audit: AuditService,
    protected readonly maxPageSize: number,
  ) {}

  /** The input that would recreate `entity`; an update is this with the patch laid over it. */
  protected abstract toInput(entity: T): TInput;

  /** Copies validated input onto the entity (parsing ids, converting units). */
  protected abstract applyInput(entity: T, input: TInput): void;

  /** Rules that involve other rows (overlaps, references); run inside the write transaction. */
  protected async checkRules(_em: EntityManager, _entity: T, _actor: Actor, _existing: T | null): Promise<void> {}

  /** Narrows a query to the rows a scoped actor may see. Unscoped by default. */
  protected async applyScope(_qb: SelectQueryBuilder<T>, _actor: Actor): Promise<void> {}

  /** Refuses writes outside the actor's scope. */
  protected async assertMayWrite(_actor: Actor, _entity: T): Promise<void> {}

  protected query(em: EntityManager = this.db.manager): SelectQueryBuilder<T> {
    return em.getRepository(this.spec.entity).createQueryBuilder(ALIAS);
  }

  protected async scopedQuery(actor: Actor, filter: object | null | undefined): Promise<SelectQueryBuilder<T>> {
    const qb = this.query();
    await this.applyScope(qb, actor);
    this.applyFilter(qb, filter ?? {});
    return qb;
  }

  private applyFilter(qb: SelectQueryBuilder<T>, filter: object): void {
    let n = 0;
    const param = () => `f${n++}`;
    for (const [key, value] of Object.entries(filter)) {
      if (value === undefined || value === null) continue;
      if (key === "q") {
        const text = String(value).trim();
        if (!text || this.spec.searchFields.length === 0) continue;
        const p = param();
        const clauses = this.spec.searchFields.map((field) => `${ALIAS}.${field} LIKE :${p} ESCAPE '!'`);
        qb.andWhere(`(${clauses.join(" OR ")})`, { [p]: likePattern(text) });
        continue;
      }
      if (key === "ids") {
        const ids = (value as Array<string | number>).map((id) => parseId(id, "filter.ids"));
        const p = param();
        if (ids.length === 0) qb.andWhere("1 = 0");
        else qb.andWhere(`${ALIAS}.id IN (:...${p})`, { [p]: ids });
        continue;
      }
      const range = /^(.+)_(gte|lte)$/.exec(key);
      const field = (range ? range[1] : key) as keyof T & string;
      if (!this.spec.filterFields.includes(field)) throw badInput({ [`filter.${key}`]: "is not a filter of this list" });
      const operator = range ? (range[2] === "gte" ? ">=" : "<=") : "=";
      const p = param();
      const typed = field.endsWith("Id") ? parseId(value as string, `filter.${key}`) : value;
      qb.andWhere(`${ALIAS}.${field} ${operator} :${p}`, { [p]: typed });
    }
  }

  async list(actor: Actor, params: ListParams): Promise<T[]> {
    const perPage = params.perPage ?? DEFAULT_PAGE_SIZE;
    const page = params.page ?? 0;
    if (!Number.isInteger(perPage) || perPage < 1 || perPage > this.maxPageSize) {
      throw badInput({ perPage: `must be between 1 and ${this.maxPageSize}` });
    }
    if (!Number.isInteger(page) || page < 0) throw badInput({ page: "must be 0 or more (pages count from 0)" });
    const sortField = params.sortField ?? "id";
    const sortProperty = sortField === "id" ? "id" : this.spec.sortFields[sortField];
    if (!sortProperty) throw badInput({ sortField: `cannot sort by "${sortField}"` });
    const order = (params.sortOrder ?? "ASC").toUpperCase();
    if (order !== "ASC" && order !== "DESC") throw badInput({ sortOrder: "must be ASC or DESC" });

    const qb = await this.scopedQuery(actor, params.filter);
    qb.orderBy(`${ALIAS}.${sortProperty}`, order);
    if (sortProperty !== "id") qb.addOrderBy(`${ALIAS}.id`, order);
    return qb
      .offset(page * perPage)
      .limit(perPage)
      .getMany();
  }

  async count(actor: Actor, filter: object | null | undefined): Promise<number> {
    return (await this.scopedQuery(actor, filter)).getCount();
  }

  async getById(actor: Actor, rawId: string | number): Promise<T> {
    const id = parseId(rawId);
    const qb = this.query();
    await this.applyScope(qb, actor);
    const found = await qb.andWhere(`${ALIAS}.id = :id`, { id }).getOne();
    if (found) return found;
    const exists = await this.query().where(`${ALIAS}.id = :id`, { id }).getExists();
    throw exists ? forbidden(`This ${this.spec.name} is outside your assigned markets`) : notFound(this.spec.name, id);
  }

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
