import { badInput } from "../../common/errors";
import { isValidLocalDate } from "../../common/local-date";
import type { Database } from "../../database/database";
import { fromSqlDateTime, jakartaDayBounds, toInteger } from "../../database/sql-values";
import type { Actor } from "../auth/actor";
import { Complaint } from "./complaint.entity";
import { overdueCondition, overdueParameters } from "./complaint-overdue.sql";
import { complaintEditorAgency } from "./complaint-scope";
import { daysBetween, median } from "./complaint-sla";

const MAX_PERIOD_DAYS = 731;

export interface AgencyPerformanceFigures {
  agencyId: number;
  received: number;
  verifiedOnTime: number;
  followedUp: number;
  followedUpOnTime: number;
  resolved: number;
  resolvedOnTime: number;
  overdueNow: number;
  medianDaysToResolve: number | null;
  followUpRate: number;
}

/**
 * Lagging agencies first: more complaints overdue now first; then the smaller share followed up on
 * time (followedUpOnTime / received, compared exactly); then the lower agency id.
 */
export function laggingFirst(a: AgencyPerformanceFigures, b: AgencyPerformanceFigures): number {
  return b.overdueNow - a.overdueNow || a.followedUpOnTime * b.received - b.followedUpOnTime * a.received || a.agencyId - b.agencyId;
}

/** complaintPerformance: counted in SQL per agency; the median from one query's resolved rows. */
export class ComplaintPerformanceService {
  constructor(private readonly db: Database) {}

  async report(actor: Actor, from: string, to: string, now: Date = new Date()): Promise<AgencyPerformanceFigures[]> {
    if (!isValidLocalDate(from)) throw badInput({ from: "must be a date (YYYY-MM-DD)" });
    if (!isValidLocalDate(to)) throw badInput({ to: "must be a date (YYYY-MM-DD)" });
    if (to < from) throw badInput({ to: "must not be before from" });
    if ((Date.parse(to) - Date.parse(from)) / 86_400_000 >= MAX_PERIOD_DAYS) throw badInput({ to: `the period may span at most ${MAX_PERIOD_DAYS} days` });
    const [start, end] = jakartaDayBounds(from, to);
    const own = await complaintEditorAgency(this.db.manager, actor);
    const base = () => {
      const qb = this.db.manager.getRepository(Complaint).createQueryBuilder("e")
        .where("e.agencyId IS NOT NULL")
        .andWhere("e.receivedAt >= :start AND e.receivedAt < :end", { start, end });
      if (own !== null) qb.andWhere("e.agencyId = :own", { own });
      return qb;
    };
    const counted: Array<Record<string, unknown>> = await base()
      .select("e.agencyId", "agencyId")
      .addSelect("COUNT(*)", "received")
      .addSelect("SUM(CASE WHEN e.verifiedAt < e.verifyDueAt THEN 1 ELSE 0 END)", "verifiedOnTime")
      .addSelect("SUM(CASE WHEN e.firstFollowUpAt IS NOT NULL THEN 1 ELSE 0 END)", "followedUp")
      .addSelect("SUM(CASE WHEN e.firstFollowUpAt < e.followUpDueAt THEN 1 ELSE 0 END)", "followedUpOnTime")
      .addSelect("SUM(CASE WHEN e.resolvedAt IS NOT NULL THEN 1 ELSE 0 END)", "resolved")
      .addSelect("SUM(CASE WHEN e.resolvedAt < e.resolveDueAt THEN 1 ELSE 0 END)", "resolvedOnTime")
      .addSelect(`SUM(CASE WHEN ${overdueCondition("e")} THEN 1 ELSE 0 END)`, "overdueNow")
      .setParameters(overdueParameters(now))
      .groupBy("e.agencyId")
      .getRawMany();
    const resolvedRows: Array<Record<string, unknown>> = await base()
      .select("e.agencyId", "agencyId").addSelect("e.receivedAt", "receivedAt").addSelect("e.resolvedAt", "resolvedAt")
      .andWhere("e.resolvedAt IS NOT NULL")
      .getRawMany();
    const days = new Map<number, number[]>();
    for (const r of resolvedRows) {
      const id = Number(r.agencyId);
      days.set(id, [...(days.get(id) ?? []), daysBetween(fromSqlDateTime(r.receivedAt), fromSqlDateTime(r.resolvedAt))]);
    }
    return counted.map((r): AgencyPerformanceFigures => {
      const agencyId = Number(r.agencyId);
      const received = toInteger(r.received);
      const followedUp = toInteger(r.followedUp);
      return {
        agencyId, received, verifiedOnTime: toInteger(r.verifiedOnTime), followedUp, followedUpOnTime: toInteger(r.followedUpOnTime),
        resolved: toInteger(r.resolved), resolvedOnTime: toInteger(r.resolvedOnTime), overdueNow: toInteger(r.overdueNow),
        medianDaysToResolve: median(days.get(agencyId) ?? []), followUpRate: received === 0 ? 0 : followedUp / received,
      };
    }).sort(laggingFirst);
  }
}
