/** What the benchmarks share: the raw driver the API is measured against, and median timing. */
import BetterSqlite3 from "better-sqlite3";
import { createConnection, type Connection } from "mysql2/promise";
import type { TestApp } from "../support/api-client";

/** The raw driver, without TypeORM: what the API is measured against. */
export interface Raw {
  query(sql: string, params?: unknown[]): Promise<Array<Record<string, unknown>>>;
  insert(table: string, columns: string[], rows: unknown[][]): Promise<void>;
  transaction(work: () => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

export async function rawDriver(app: TestApp): Promise<Raw> {
  if (app.db.databaseUrl) {
    const conn: Connection = await createConnection({ uri: app.db.databaseUrl.replace(/^mariadb:/, "mysql:"), dateStrings: true, supportBigNumbers: true });
    return {
      query: async (sql, params) => (await conn.query(sql, params))[0] as Array<Record<string, unknown>>,
      insert: async (table, columns, rows) => {
        for (let i = 0; i < rows.length; i += 5000) await conn.query(`INSERT INTO ${table} (${columns.join(", ")}) VALUES ?`, [rows.slice(i, i + 5000)]);
      },
      transaction: async (work) => {
        await conn.beginTransaction();
        await work();
        await conn.commit();
      },
      close: () => conn.end(),
    };
  }
  const db = new BetterSqlite3(app.db.sqlitePath);
  db.pragma("journal_mode = WAL");
  db.pragma("busy_timeout = 10000");
  const statementsByShape = new Map<string, BetterSqlite3.Statement>();
  return {
    query: async (sql, params = []) => {
      const stmt = db.prepare(sql);
      if (stmt.reader) return stmt.all(...params) as Array<Record<string, unknown>>;
      stmt.run(...params);
      return [];
    },
    insert: async (table, columns, rows) => {
      const chunk = 500;
      for (let i = 0; i < rows.length; i += chunk) {
        const part = rows.slice(i, i + chunk);
        const key = `${table}|${part.length}`;
        let stmt = statementsByShape.get(key);
        if (!stmt) {
          stmt = db.prepare(`INSERT INTO ${table} (${columns.join(", ")}) VALUES ${part.map(() => `(${columns.map(() => "?").join(", ")})`).join(", ")}`);
          statementsByShape.set(key, stmt);
        }
        stmt.run(...part.flat());
      }
    },
    transaction: async (work) => {
      db.exec("BEGIN IMMEDIATE");
      await work();
      db.exec("COMMIT");
    },
    close: async () => void db.close(),
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export async function timed(fn: () => Promise<unknown>, runs: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(times);
}

