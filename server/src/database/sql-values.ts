import type { Dialect } from "./database";

/** A UTC instant as both databases store a `datetime` (TypeORM writes the same format). */
export function sqlDateTime(instant: Date): string {
  return instant.toISOString().replace("T", " ").replace("Z", "");
}

/** Integer division: SQLite's `/` on integers truncates, MySQL's `/` yields a decimal. */
export function integerDivide(dialect: Dialect, dividend: string, divisor: string): string {
  return dialect === "sqlite" ? `(${dividend}) / (${divisor})` : `(${dividend}) DIV (${divisor})`;
}

/**
 * `INSERT ... ON CONFLICT DO UPDATE` in each dialect. `updates` maps a column to an expression over
 * `existing(column)` and `incoming(column)`.
 */
export function upsertClause(
  dialect: Dialect,
  conflictColumns: string[],
  updates: Record<string, (existing: string, incoming: string) => string>,
): string {
  const sets = Object.entries(updates).map(([column, expr]) =>
    dialect === "sqlite"
      ? `${column} = ${expr(`${column}`, `excluded.${column}`)}`
      : `${column} = ${expr(`${column}`, `VALUES(${column})`)}`,
  );
  return dialect === "sqlite"
    ? `ON CONFLICT (${conflictColumns.join(", ")}) DO UPDATE SET ${sets.join(", ")}`
    : `ON DUPLICATE KEY UPDATE ${sets.join(", ")}`;
}

/** Placeholders for an IN list. */
export function placeholders(count: number): string {
  return Array.from({ length: count }, () => "?").join(", ");
}

/** SUM() is a decimal string on MySQL and may be null over no rows. */
export function toInteger(value: unknown): number {
  if (value === null || value === undefined) return 0;
  const n = typeof value === "number" ? value : Number(value);
  if (!Number.isSafeInteger(n)) throw new Error(`Expected an integer from SQL, got ${String(value)}`);
  return n;
}

/** A `datetime` read by a raw query: mysql2 gives a Date (timezone 'Z'), better-sqlite3 the stored UTC text. */
export function fromSqlDateTime(value: unknown): Date {
  return value instanceof Date ? value : new Date(`${String(value).replace(" ", "T")}Z`);
}

/** The UTC bounds [start, end) of Asia/Jakarta days from..to, for filtering `datetime` columns. */
export function jakartaDayBounds(from: string, to: string): [string, string] {
  const start = new Date(`${from}T00:00:00+07:00`);
  const end = new Date(Date.parse(`${to}T00:00:00+07:00`) + 86_400_000);
  return [sqlDateTime(start), sqlDateTime(end)];
}
