import type { EntityManager, SelectQueryBuilder } from "typeorm";
import { badInput, conflict } from "../../common/errors";
import { addDays, isValidLocalDate, todayInJakarta } from "../../common/local-date";
import { ReadService, type ResourceSpec } from "../../common/read.service";
import type { Database } from "../../database/database";
import { isUniqueViolation } from "../../database/errors";
import { placeholders, sqlDateTime, toInteger } from "../../database/sql-values";
import type { Actor } from "../auth/actor";
import { Role } from "../auth/role";
import { User } from "../auth/user.entity";
import type { AuditService } from "../audit/audit.service";
import { restrictToMarkets } from "../markets/market-rules";
import { requireUser } from "../receipts/daily-report.service";
import { Anomaly } from "./anomaly.entity";
import { AnomalyResolution, AnomalySeverity, AnomalyStatus, DetectionTrigger } from "./anomaly.enums";
import { AnomalyEvent } from "./anomaly-event.entity";
import { DetectionRun } from "./detection-run.entity";
import { ANOMALY_RULES } from "./rules";
import type { AnomalyRule, Finding } from "./rules/rule";

const MAX_WINDOW_DAYS = 366;
const CHUNK = 400;

export type ThresholdOverrides = Record<string, Record<string, number>>;

export interface AnomalySummaryRow {
  marketId: number | null;
  rule: string;
  open: number;
  total: number;
  amountAtRisk: number;
  openAmountAtRisk: number;
}

export interface AnomalySeverityCount {
  severity: AnomalySeverity;
  total: number;
  open: number;
  openAmountAtRisk: number;
}

const fingerprintOf = (rule: string, f: Finding) => `${rule}|${f.subject}|${f.businessDate ?? ""}`;

/** Detection runs, the findings they keep, and the workflow that works them down. */
export class AnomalyService extends ReadService<Anomaly> {
  protected readonly spec: ResourceSpec<Anomaly> = {
    name: "Anomaly",
    entity: Anomaly,
    searchFields: ["summaryId", "summaryEn", "fingerprint"],
    filterFields: ["rule", "severity", "status", "marketId", "collectorId", "stallId", "businessDate", "assigneeId", "resolution", "amountAtRisk"],
    sortFields: {
      businessDate: "businessDate", severity: "severity", status: "status", rule: "rule", amountAtRisk: "amountAtRisk",
      detectedAt: "detectedAt", marketId: "marketId",
    },
  };

  constructor(
    db: Database,
    maxPageSize: number,
    private readonly audit: AuditService,
    private readonly overrides: ThresholdOverrides = {},
    private readonly holidays: readonly string[] = [],
  ) {
    super(db, maxPageSize);
  }

  private lane: Promise<unknown> = Promise.resolve();

  protected override async applyScope(qb: SelectQueryBuilder<Anomaly>, actor: Actor) {
    if (actor.user?.role === Role.COLLECTOR) qb.andWhere("1 = 0");
    else await restrictToMarkets(qb, actor, "e.marketId");
  }

  /** Each rule with the thresholds in force (defaults overridden by configuration). */
  rules(): Array<{ rule: AnomalyRule; thresholds: Record<string, number> }> {
    return ANOMALY_RULES.map((rule) => ({ rule, thresholds: { ...rule.thresholds, ...(this.overrides[rule.code] ?? {}) } }));
  }

  /**
   * Runs every rule over [from, to] and the markets (null: all): new findings are stored OPEN, known
   * ones refreshed (an auto-resolved one that is back is reopened), and open findings in that scope
   * that no rule finds any more are AUTO_RESOLVED. Runs of one process take turns, so a manual run
   * and an incremental one never store the same finding twice.
   */
  run(
    actor: Actor, from: string, to: string, marketIds: number[] | null, trigger = DetectionTrigger.MANUAL, now = new Date(),
    only: (rule: AnomalyRule) => boolean = () => true,
  ): Promise<DetectionRun> {
    if (!isValidLocalDate(from) || !isValidLocalDate(to)) throw badInput({ from: "from and to must be dates (YYYY-MM-DD)" });
    if (to < from) throw badInput({ to: "must not be before from" });
    if (addDays(from, MAX_WINDOW_DAYS - 1) < to) throw badInput({ to: `a run covers at most ${MAX_WINDOW_DAYS} days` });
    const result = this.lane.then(() => this.runNow(actor, from, to, marketIds, trigger, now, only));
    this.lane = result.catch(() => undefined);
    return result;
  }

  private async runNow(
    actor: Actor, from: string, to: string, marketIds: number[] | null, trigger: DetectionTrigger, now: Date, only: (rule: AnomalyRule) => boolean,
  ): Promise<DetectionRun> {
    const today = todayInJakarta(now);
    const startedAt = new Date();
    const counts = { found: 0, created: 0, reopened: 0, autoResolved: 0 };
    for (const { rule, thresholds } of this.rules()) {
      if ((rule.marketless && marketIds !== null) || !only(rule)) continue;
      const findings = await rule.detect({ em: this.db.manager, dialect: this.db.dialect, from, to, today, marketIds, thresholds, holidays: this.holidays });
      const keep = () => this.db.transaction((em) => this.keep(em, rule, findings, from, to, marketIds, now));
      // Another instance may have stored one of these findings a moment ago: read again and keep the rest.
      const result = await keep().catch((error: unknown) => {
        if (isUniqueViolation(error)) return keep();
        throw error;
      });
      counts.found += findings.length;
      counts.created += result.created;
      counts.reopened += result.reopened;
      counts.autoResolved += result.autoResolved;
    }
    return this.db.transaction(async (em) => {
      const run = await em.save(DetectionRun, em.create(DetectionRun, {
        trigger, from, to, marketIds, startedAt, finishedAt: new Date(), userId: actor.user?.id ?? null, ...counts,
      }));
      // A person's run is audited; the system's own runs are recorded by their DetectionRun row alone.
      if (actor.user) await this.audit.record(em, actor, "DETECT", "DetectionRun", run.id, null, run);
      return run;
    });
  }

  private async keep(em: EntityManager, rule: AnomalyRule, findings: Finding[], from: string, to: string, marketIds: number[] | null, now: Date) {
    const byFingerprint = new Map(findings.map((f) => [fingerprintOf(rule.code, f), f]));
    const known = new Map<string, Anomaly>();
    const fingerprints = [...byFingerprint.keys()];
    for (let i = 0; i < fingerprints.length; i += CHUNK) {
      const rows = await em.getRepository(Anomaly).createQueryBuilder("a").where("a.fingerprint IN (:...f)", { f: fingerprints.slice(i, i + CHUNK) }).getMany();
      for (const row of rows) known.set(row.fingerprint, row);
    }
    let created = 0;
    let reopened = 0;
    const events: Array<Partial<AnomalyEvent>> = [];
    const fresh: Array<Partial<Anomaly>> = [];
    const unchanged: number[] = [];
    for (const [fingerprint, f] of byFingerprint) {
      const existing = known.get(fingerprint);
      const figures = { amountAtRisk: f.amountAtRisk, summaryId: f.summaryId.slice(0, 500), summaryEn: f.summaryEn.slice(0, 500), evidence: f.evidence, lastSeenAt: now };
      if (!existing) {
        fresh.push({
          fingerprint, rule: rule.code, severity: rule.severity, status: AnomalyStatus.OPEN, marketId: f.marketId, collectorId: f.collectorId ?? null,
          stallId: f.stallId ?? null, businessDate: f.businessDate, detectedAt: now, assigneeId: null, resolution: null, resolutionNote: null,
          resolvedAt: null, ...figures,
        });
        continue;
      }
      if (existing.status === AnomalyStatus.AUTO_RESOLVED) {
        reopened++;
        await em.update(Anomaly, existing.id, { ...figures, status: AnomalyStatus.OPEN, resolvedAt: null } as never);
        events.push({ anomalyId: existing.id, at: now, userId: null, action: "REOPENED", fromStatus: existing.status, toStatus: AnomalyStatus.OPEN, note: null });
      } else if (
        existing.amountAtRisk !== figures.amountAtRisk || existing.summaryId !== figures.summaryId || existing.summaryEn !== figures.summaryEn
        || JSON.stringify(existing.evidence) !== JSON.stringify(figures.evidence)
      ) {
        // simple-json columns are typed as records TypeORM's update type cannot express.
        await em.update(Anomaly, existing.id, figures as never);
      } else {
        unchanged.push(existing.id);
      }
    }
    // Most findings of a re-run are as they were: one statement per chunk marks them seen.
    for (let i = 0; i < unchanged.length; i += CHUNK) {
      const chunk = unchanged.slice(i, i + CHUNK);
      await em.query(`UPDATE anomaly SET last_seen_at = ? WHERE id IN (${placeholders(chunk.length)})`, [sqlDateTime(now), ...chunk]);
    }
    for (let i = 0; i < fresh.length; i += CHUNK) {
      const chunk = fresh.slice(i, i + CHUNK);
      await em.insert(Anomaly, chunk as never);
      const ids = await em.getRepository(Anomaly).createQueryBuilder("a").select(["a.id"]).where("a.fingerprint IN (:...f)", { f: chunk.map((c) => c.fingerprint) }).getMany();
      for (const { id } of ids) events.push({ anomalyId: id, at: now, userId: null, action: "DETECTED", fromStatus: null, toStatus: AnomalyStatus.OPEN, note: null });
      created += chunk.length;
    }
    // Open findings of this rule in the run's scope that were not found again: their cause is gone.
    const params: unknown[] = [rule.code, AnomalyStatus.OPEN, AnomalyStatus.ACKNOWLEDGED, from, to];
    let scope = "";
    if (marketIds !== null) {
      scope = marketIds.length ? ` AND market_id IN (${placeholders(marketIds.length)})` : " AND 1 = 0";
      params.push(...marketIds);
    }
    const open: Array<{ id: number; fingerprint: string; status: AnomalyStatus }> = await em.query(
      `SELECT id, fingerprint, status FROM anomaly WHERE rule = ? AND status IN (?, ?) AND business_date BETWEEN ? AND ?${scope}`,
      params,
    );
    const gone = open.filter((a) => !byFingerprint.has(a.fingerprint));
    for (let i = 0; i < gone.length; i += CHUNK) {
      const chunk = gone.slice(i, i + CHUNK);
      await em.query(`UPDATE anomaly SET status = ?, resolved_at = ? WHERE id IN (${placeholders(chunk.length)})`,
        [AnomalyStatus.AUTO_RESOLVED, sqlDateTime(now), ...chunk.map((a) => a.id)]);
      for (const a of chunk) {
        events.push({ anomalyId: Number(a.id), at: now, userId: null, action: "AUTO_RESOLVED", fromStatus: a.status, toStatus: AnomalyStatus.AUTO_RESOLVED, note: null });
      }
    }
    for (let i = 0; i < events.length; i += CHUNK) await em.insert(AnomalyEvent, events.slice(i, i + CHUNK) as never);
    return { created, reopened, autoResolved: gone.length };
  }

  /** Acknowledge, assign or resolve: one audited step of the workflow. */
  async act(
    actor: Actor,
    rawId: string,
    change: { action: "ACKNOWLEDGED" | "ASSIGNED" | "RESOLVED"; assigneeId?: number | null; resolution?: AnomalyResolution; note?: string | null },
    now = new Date(),
  ): Promise<Anomaly> {
    const user = requireUser(actor);
    const note = change.note?.trim() || null;
    if (note !== null && note.length > 1000) throw badInput({ note: "must be at most 1000 characters" });
    if (change.action === "RESOLVED" && (note === null || note.length < 3)) throw badInput({ note: "must say how it was resolved" });
    const visible = await this.getById(actor, rawId);
    return this.db.transaction(async (em) => {
      const anomaly = await em.findOneByOrFail(Anomaly, { id: visible.id });
      const before = { ...anomaly };
      if (anomaly.status === AnomalyStatus.RESOLVED || anomaly.status === AnomalyStatus.AUTO_RESOLVED) {
        throw conflict(`Anomaly ${anomaly.id} is already ${anomaly.status}`);
      }
      if (change.action === "ASSIGNED") {
        if (change.assigneeId !== null && change.assigneeId !== undefined) {
          const assignee = await em.findOneBy(User, { id: change.assigneeId });
          if (!assignee || !assignee.active || [Role.COLLECTOR, Role.AGENCY_EDITOR].includes(assignee.role)) {
            throw badInput({ assigneeId: "must be an active user who works anomalies (officer, market head, auditor, treasurer, Bapenda, admin)" });
          }
        }
        anomaly.assigneeId = change.assigneeId ?? null;
        if (anomaly.status === AnomalyStatus.OPEN) anomaly.status = AnomalyStatus.ACKNOWLEDGED;
      } else if (change.action === "ACKNOWLEDGED") {
        if (anomaly.status !== AnomalyStatus.OPEN) throw conflict(`Anomaly ${anomaly.id} is already ${anomaly.status}`);
        anomaly.status = AnomalyStatus.ACKNOWLEDGED;
      } else {
        if (!change.resolution) throw badInput({ resolution: "is required" });
        Object.assign(anomaly, { status: AnomalyStatus.RESOLVED, resolution: change.resolution, resolutionNote: note, resolvedAt: now });
      }
      await em.update(Anomaly, anomaly.id, {
        status: anomaly.status, assigneeId: anomaly.assigneeId, resolution: anomaly.resolution, resolutionNote: anomaly.resolutionNote, resolvedAt: anomaly.resolvedAt,
      });
      await em.insert(AnomalyEvent, { anomalyId: anomaly.id, at: now, userId: user.id, action: change.action, fromStatus: before.status, toStatus: anomaly.status, note });
      await this.audit.record(em, actor, "UPDATE", "Anomaly", anomaly.id, before, anomaly);
      return anomaly;
    });
  }

  /** Per market and rule: findings dated in [from, to], open ones, and the amounts at risk. */
  async summary(actor: Actor, from: string, to: string, marketIds: number[] | null): Promise<AnomalySummaryRow[]> {
    if (to < from) throw badInput({ to: "must not be before from" });
    const qb = this.query().select("e.marketId", "marketId").addSelect("e.rule", "rule")
      .addSelect("COUNT(*)", "total")
      .addSelect(`SUM(CASE WHEN e.status IN ('OPEN', 'ACKNOWLEDGED') THEN 1 ELSE 0 END)`, "open")
      .addSelect("SUM(e.amountAtRisk)", "amount")
      .addSelect(`SUM(CASE WHEN e.status IN ('OPEN', 'ACKNOWLEDGED') THEN e.amountAtRisk ELSE 0 END)`, "openAmount")
      .where("e.businessDate BETWEEN :from AND :to", { from, to })
      .groupBy("e.marketId").addGroupBy("e.rule").orderBy("e.marketId").addOrderBy("e.rule");
    await this.applyScope(qb, actor);
    if (marketIds) qb.andWhere(marketIds.length ? "e.marketId IN (:...m)" : "1 = 0", { m: marketIds });
    const rows: Array<Record<string, unknown>> = await qb.getRawMany();
    return rows.map((r) => ({
      marketId: r.marketId === null ? null : Number(r.marketId), rule: String(r.rule), total: toInteger(r.total), open: toInteger(r.open),
      amountAtRisk: toInteger(r.amount), openAmountAtRisk: toInteger(r.openAmount),
    }));
  }

  /** Per severity, most severe first and every one listed (zero when none): findings dated from..to, scoped like the list. */
  async severityCounts(actor: Actor, from: string, to: string, marketIds: number[] | null): Promise<AnomalySeverityCount[]> {
    if (to < from) throw badInput({ to: "must not be before from" });
    const qb = this.query().select("e.severity", "severity")
      .addSelect("COUNT(*)", "total")
      .addSelect(`SUM(CASE WHEN e.status IN ('OPEN', 'ACKNOWLEDGED') THEN 1 ELSE 0 END)`, "open")
      .addSelect(`SUM(CASE WHEN e.status IN ('OPEN', 'ACKNOWLEDGED') THEN e.amountAtRisk ELSE 0 END)`, "openAmount")
      .where("e.businessDate BETWEEN :from AND :to", { from, to })
      .groupBy("e.severity");
    await this.applyScope(qb, actor);
    if (marketIds) qb.andWhere(marketIds.length ? "e.marketId IN (:...m)" : "1 = 0", { m: marketIds });
    const rows = new Map((await qb.getRawMany<Record<string, unknown>>()).map((r) => [String(r.severity), r]));
    return [...Object.values(AnomalySeverity)].reverse().map((severity) => {
      const r = rows.get(severity);
      return { severity, total: toInteger(r?.total ?? 0), open: toInteger(r?.open ?? 0), openAmountAtRisk: toInteger(r?.openAmount ?? 0) };
    });
  }

  async eventsOf(ids: readonly number[]): Promise<Map<number, AnomalyEvent[]>> {
    const rows = await this.db.manager.getRepository(AnomalyEvent).createQueryBuilder("v").where("v.anomalyId IN (:...ids)", { ids: [...ids] })
      .orderBy("v.at").addOrderBy("v.id").getMany();
    const out = new Map<number, AnomalyEvent[]>(ids.map((id) => [id, []]));
    for (const e of rows) out.get(e.anomalyId)?.push(e);
    return out;
  }
}
