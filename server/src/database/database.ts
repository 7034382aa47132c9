import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { createConnection } from "mysql2/promise";
import { DataSource, type DataSourceOptions, type EntityManager, type Logger } from "typeorm";
import { ENTITIES } from "./entities";
import { MIGRATIONS } from "./migrations";
import { isRetryableConflict } from "./errors";

export type Dialect = "sqlite" | "mysql" | "mariadb";

export interface DatabaseOptions {
  databaseUrl?: string;
  sqlitePath: string;
  logging?: boolean;
  /** Called with every SQL statement; benchmarks count statements per request with it. */
  onQuery?: (sql: string) => void;
}

function statementObserver(onQuery: (sql: string) => void): Logger {
  return {
    logQuery: (sql) => onQuery(sql),
    logQueryError: () => undefined,
    logQuerySlow: () => undefined,
    logSchemaBuild: () => undefined,
    logMigration: () => undefined,
    log: () => undefined,
  };
}

interface QueuedWork {
  work: (em: EntityManager) => Promise<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/** A MySQL transaction that lost a lock race runs again, up to this many times in all. */
const MAX_ATTEMPTS = 8;
/** The first retry waits up to 2x this (ms), each further one twice as long at most. */
const RETRY_BASE_MS = 5;

/** How many queued SQLite transactions may share one commit. */
const MAX_GROUP_COMMIT = 64;

/**
 * The application's handle on its database. Writes go through `transaction`. On SQLite they are
 * queued (better-sqlite3 has one connection, and two interleaved BEGINs on it would fail) and those
 * waiting together share one commit, each inside a savepoint of its own: a commit costs more than a
 * report's rows, so this group commit keeps concurrent submissions fast, while a unit that fails
 * still leaves nothing behind and no caller hears of success before its commit.
 */
export class Database {
  private readonly queued: QueuedWork[] = [];
  private draining = false;

  constructor(
    readonly dataSource: DataSource,
    readonly dialect: Dialect,
  ) {}

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  async transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    if (this.dialect === "sqlite") {
      return new Promise<T>((resolve, reject) => {
        this.queued.push({ work, resolve: resolve as (value: unknown) => void, reject });
        void this.drain();
      });
    }
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.dataSource.transaction(work);
      } catch (error) {
        if (attempt >= MAX_ATTEMPTS || !isRetryableConflict(error)) throw error;
        // Transactions that collided and retry at once collide again (upserts into the same summary
        // rows do, under load): each waits a random, growing while first.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * RETRY_BASE_MS * 2 ** attempt));
      }
    }
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      while (this.queued.length) {
        // One turn of the event loop lets requests that have already arrived queue their work too.
        await new Promise((resolve) => setImmediate(resolve));
        const group = this.queued.splice(0, MAX_GROUP_COMMIT);
        await this.commitGroup(group);
      }
    } finally {
      this.draining = false;
    }
  }

  private async commitGroup(group: QueuedWork[]): Promise<void> {
    if (group.length === 1) {
      const [only] = group;
      await this.dataSource.transaction(only.work).then(only.resolve, only.reject);
      return;
    }
    const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
    try {
      await this.dataSource.transaction(async (em) => {
        for (const unit of group) {
          await em.query("SAVEPOINT unit");
          try {
            outcomes.push({ ok: true, value: await unit.work(em) });
            await em.query("RELEASE unit");
          } catch (error) {
            await em.query("ROLLBACK TO unit");
            await em.query("RELEASE unit");
            outcomes.push({ ok: false, error });
          }
        }
      });
    } catch (error) {
      for (const unit of group) unit.reject(error);
      return;
    }
    group.forEach((unit, i) => {
      const outcome = outcomes[i];
      if (outcome.ok) unit.resolve(outcome.value);
      else unit.reject(outcome.error);
    });
  }

  async ping(): Promise<boolean> {
    try {
      await this.dataSource.query("SELECT 1");
      return true;
    } catch {
      return false;
    }
  }

  async migrate(): Promise<void> {
    await this.dataSource.runMigrations({ transaction: "each" });
  }

  async close(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/** MySQL and MariaDB differ in details TypeORM cares about (JSON, RETURNING); ask the server which it is. */
async function detectMysqlFlavour(url: string): Promise<"mysql" | "mariadb"> {
  const connection = await createConnection(url);
  try {
    const [rows] = await connection.query("SELECT VERSION() AS version");
    const version = String((rows as Array<{ version: string }>)[0]?.version ?? "");
    return /mariadb/i.test(version) ? "mariadb" : "mysql";
  } finally {
    await connection.end();
  }
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    // Failed queries surface as errors that the GraphQL layer logs with the request id.
    logging: options.logging ? (["query", "error"] as Array<"query" | "error">) : false,
    ...(options.onQuery ? { logging: ["query"] as Array<"query">, logger: statementObserver(options.onQuery) } : {}),
  };
  let dataSourceOptions: DataSourceOptions;
  let dialect: Dialect;
  if (options.databaseUrl) {
    const url = options.databaseUrl.replace(/^mariadb:/, "mysql:");
    dialect = await detectMysqlFlavour(url);
    dataSourceOptions = {
      ...common,
      type: dialect,
      url,
      timezone: "Z",
      charset: "utf8mb4_unicode_ci",
      supportBigNumbers: true,
      bigNumberStrings: true,
      dateStrings: ["DATE"],
      extra: { connectionLimit: 10 },
    };
  } else {
    mkdirSync(dirname(options.sqlitePath), { recursive: true });
    dialect = "sqlite";
    dataSourceOptions = {
      ...common,
      type: "better-sqlite3",
      database: options.sqlitePath,
      enableWAL: true,
    };
  }
  const dataSource = new DataSource(dataSourceOptions);
  await dataSource.initialize();
  return new Database(dataSource, dialect);
}
