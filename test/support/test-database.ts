import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createConnection } from "mysql2/promise";

/**
 * Each test file gets a database of its own: a temporary SQLite file by default, or, when
 * DATABASE_URL names a MySQL/MariaDB server, a fresh schema on that server (dropped afterwards).
 */
export interface TestDatabase {
  databaseUrl?: string;
  sqlitePath: string;
  dialectName: "sqlite" | "mysql";
  drop(): Promise<void>;
}

export function mysqlServerUrl(): string | undefined {
  const url = process.env.DATABASE_URL?.trim();
  return url ? url : undefined;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), "lapera-test-"));
  const sqlitePath = join(dir, "test.sqlite");
  const serverUrl = mysqlServerUrl();
  if (!serverUrl) {
    return { sqlitePath, dialectName: "sqlite", drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `lapera_t_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = await createConnection(serverUrl.replace(/^mariadb:/, "mysql:"));
  try {
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    databaseUrl: url.toString(),
    sqlitePath,
    dialectName: "mysql",
    drop: async () => {
      const conn = await createConnection(serverUrl.replace(/^mariadb:/, "mysql:"));
      try {
        await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      } finally {
        await conn.end();
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
