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

/**
 * The application's handle on its database. Writes go through `transaction`, which on SQLite queues
 * them: better-sqlite3 has one connection, and two interleaved BEGINs on it would fail.
 */
export class Database {
  private sqliteQueue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly dataSource: DataSource,
    readonly dialect: Dialect,
  ) {}

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  async transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    if (this.dialect === "sqlite") {
      const run = this.sqliteQueue.then(() => this.dataSource.transaction(work));
      this.sqliteQueue = run.catch(() => undefined);
      return run;
    }
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.dataSource.transaction(work);
      } catch (error) {
        if (attempt >= 5 || !isRetryableConflict(error)) throw error;
      }
    }
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
