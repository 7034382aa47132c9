import { sqlDateTime } from "../../database/sql-values";
import { CLOSED_STATUSES } from "./complaint-transitions";

/**
 * SQL over a complaint aliased `alias` that is true when some deadline has passed with its step not
 * done and the complaint not closed: the same rule as slaState(...) === OVERDUE in complaint-sla.ts.
 * Binds :overdueNow and :closedStatuses.
 */
export function overdueCondition(alias: string): string {
  const open = `${alias}.status NOT IN (:...closedStatuses)`;
  return `(${open} AND (
    (${alias}.verifiedAt IS NULL AND ${alias}.verifyDueAt <= :overdueNow)
    OR (${alias}.followUpDueAt IS NOT NULL AND ${alias}.firstFollowUpAt IS NULL AND ${alias}.followUpDueAt <= :overdueNow)
    OR (${alias}.resolvedAt IS NULL AND ${alias}.resolveDueAt <= :overdueNow)))`;
}

export function overdueParameters(now: Date): Record<string, unknown> {
  return { overdueNow: sqlDateTime(now), closedStatuses: [...CLOSED_STATUSES] };
}
