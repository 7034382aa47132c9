/** Recognises constraint violations of both drivers without leaking their messages. */
interface DriverError {
  code?: string;
  message?: string;
  errno?: number;
  driverError?: DriverError;
}

function driverError(error: unknown): DriverError {
  const e = (error ?? {}) as DriverError;
  return e.driverError ?? e;
}

export function isUniqueViolation(error: unknown): boolean {
  const e = driverError(error);
  return e.code === "ER_DUP_ENTRY" || e.code === "SQLITE_CONSTRAINT_UNIQUE" || e.code === "SQLITE_CONSTRAINT_PRIMARYKEY";
}

export function isForeignKeyViolation(error: unknown): boolean {
  const e = driverError(error);
  return (
    e.code === "ER_ROW_IS_REFERENCED_2" ||
    e.code === "ER_ROW_IS_REFERENCED" ||
    e.code === "ER_NO_REFERENCED_ROW_2" ||
    e.code === "SQLITE_CONSTRAINT_FOREIGNKEY" ||
    // SQLite reports ON DELETE RESTRICT through its trigger machinery.
    (e.code === "SQLITE_CONSTRAINT_TRIGGER" && /FOREIGN KEY/i.test(e.message ?? ""))
  );
}

/** A transaction that lost a lock race and may simply be retried. */
export function isRetryableConflict(error: unknown): boolean {
  const e = driverError(error);
  return e.code === "ER_LOCK_DEADLOCK" || e.code === "ER_LOCK_WAIT_TIMEOUT" || e.code === "SQLITE_BUSY";
}
