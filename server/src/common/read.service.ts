import type { ClassType } from "type-graphql";
import type { ObjectLiteral, SelectQueryBuilder, EntityManager } from "typeorm";
import type { Database } from "../database/database";
import type { Actor } from "../modules/auth/actor";
import { badInput, forbidden, notFound } from "./errors";
import { parseId } from "./ids";

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
 * List, count and get for one resource, following ra-data-graphql-simple's conventions, with
 * filters, sorting, pages and the actor's scope in one place.
 */
export abstract class ReadService<T extends ObjectLiteral & { id: number }> {
  protected abstract readonly spec: ResourceSpec<T>;

  constructor(
    protected readonly db: Database,
    protected readonly maxPageSize: number,
  ) {}

  /** Narrows a query to the rows a scoped actor may see. Unscoped by default. */
  protected async applyScope(_qb: SelectQueryBuilder<T>, _actor: Actor): Promise<void> {}

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

}
