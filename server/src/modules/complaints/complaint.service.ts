import type { EntityManager, SelectQueryBuilder } from "typeorm";
import { CrudService, type ResourceSpec } from "../../common/crud.service";
import { AppError, badInput, conflict, notFound } from "../../common/errors";
import { parseId } from "../../common/ids";
import type { ReadService } from "../../common/read.service";
import type { Database } from "../../database/database";
import { sqlDateTime } from "../../database/sql-values";
import type { Anomaly } from "../anomalies/anomaly.entity";
import type { AnomalyService } from "../anomalies/anomaly.service";
import type { Actor } from "../auth/actor";
import type { AuditService } from "../audit/audit.service";
import type { Market } from "../markets/market.entity";
import { addDays, localDateOf } from "../../common/local-date";
import { Complaint } from "./complaint.entity";
import { ComplaintFollowUp } from "./complaint-follow-up.entity";
import { ComplaintStatus, ComplaintTag } from "./complaint.enums";
import { ComplaintFilter, ComplaintInput } from "./complaint.inputs";
import { overdueCondition, overdueParameters } from "./complaint-overdue.sql";
import { assertComplaintInScope, complaintEditorAgency, wholeSeconds } from "./complaint-scope";
import { endOfJakartaDay, resolveDueDate, verifyDueDate, type ComplaintSlaRules } from "./complaint-sla";
import { tagCondition, tagParameters } from "./complaint-tags.transformer";

/** Days either side of a PUNGLI complaint's receipt in which its market's anomalies are related. */
export const RELATED_ANOMALY_WINDOW_DAYS = 30;
const RELATED_ANOMALY_LIMIT = 100;

/** What the complaint resource needs from other modules, through their services. */
export interface ComplaintNeighbours {
  markets: ReadService<Market>;
  anomalies: AnomalyService;
}

/** The complaints resource: records, lists with their filters, and an agency editor's scope. */
export class ComplaintService extends CrudService<Complaint, ComplaintInput> {
  protected readonly inputClass = ComplaintInput;
  protected readonly spec: ResourceSpec<Complaint> = {
    name: "Complaint",
    entity: Complaint,
    searchFields: ["trackingNumber", "subject", "category"],
    filterFields: ["status", "agencyId", "marketId", "channel", "classification", "category", "trackingNumber"],
    sortFields: {
      receivedAt: "receivedAt", status: "status", trackingNumber: "trackingNumber", agencyId: "agencyId", marketId: "marketId",
      channel: "channel", classification: "classification", category: "category",
    },
    uniqueDescription: "trackingNumber",
  };

  constructor(
    db: Database,
    audit: AuditService,
    maxPageSize: number,
    private readonly rules: ComplaintSlaRules,
    private readonly neighbours: ComplaintNeighbours,
  ) {
    super(db, audit, maxPageSize);
  }

  protected override async applyScope(qb: SelectQueryBuilder<Complaint>, actor: Actor): Promise<void> {
    const own = await complaintEditorAgency(this.db.manager, actor);
    if (own !== null) qb.andWhere("e.agencyId = :editorAgency", { editorAgency: own });
  }

  /** The filters that are not plain column equality: tag, overdue and the receipt range. */
  protected override async scopedQuery(actor: Actor, filter: object | null | undefined): Promise<SelectQueryBuilder<Complaint>> {
    const { tag, overdue, receivedAt_gte: from, receivedAt_lte: to, ...plain } = (filter ?? {}) as ComplaintFilter;
    const qb = await super.scopedQuery(actor, plain);
    if (tag) qb.andWhere(tagCondition("e.tags", "tagFilter"), tagParameters("tagFilter", tag));
    if (overdue !== undefined && overdue !== null) {
      qb.andWhere(overdue ? overdueCondition("e") : `NOT ${overdueCondition("e")}`, overdueParameters(new Date()));
    }
    if (from) qb.andWhere("e.receivedAt >= :receivedFrom", { receivedFrom: sqlDateTime(from) });
    if (to) qb.andWhere("e.receivedAt <= :receivedTo", { receivedTo: sqlDateTime(to) });
    return qb;
  }

  override async getById(actor: Actor, rawId: string | number): Promise<Complaint> {
    const id = parseId(rawId);
    const found = await this.db.manager.findOneBy(Complaint, { id });
    if (!found) throw notFound("Complaint", id);
    await assertComplaintInScope(this.db.manager, actor, found);
    return found;
  }

  protected toInput(c: Complaint): ComplaintInput {
    return Object.assign(new ComplaintInput(), {
      trackingNumber: c.trackingNumber, channel: c.channel, classification: c.classification, category: c.category, subject: c.subject, text: c.text,
      receivedAt: c.receivedAt, marketId: c.marketId === null ? null : String(c.marketId), tags: c.tags,
    });
  }

  protected applyInput(c: Complaint, input: ComplaintInput): void {
    const receivedAt = wholeSeconds(input.receivedAt);
    const isNew = c.id === undefined;
    const receiptMoved = isNew || c.receivedAt.getTime() !== receivedAt.getTime();
    Object.assign(c, {
      trackingNumber: input.trackingNumber.trim(), channel: input.channel, classification: input.classification, category: input.category.trim(),
      subject: input.subject.trim(), text: input.text.trim(), marketId: input.marketId ? Number(input.marketId) : null, tags: input.tags ?? [],
    });
    if (isNew) {
      Object.assign(c, {
        status: ComplaintStatus.RECEIVED, agencyId: null, verifiedAt: null, disposedAt: null, firstFollowUpAt: null, resolvedAt: null, followUpDueAt: null,
      });
    }
    if (receiptMoved) {
      // Deadlines are fixed when their step starts; only a new receipt time moves them.
      c.receivedAt = receivedAt;
      c.lastActionAt = receivedAt;
      c.verifyDueAt = endOfJakartaDay(verifyDueDate(receivedAt, this.rules));
      c.resolveDueAt = endOfJakartaDay(resolveDueDate(receivedAt, this.rules));
    }
  }

  protected override async checkRules(_em: EntityManager, c: Complaint, actor: Actor, existing: Complaint | null): Promise<void> {
    if (c.receivedAt.getTime() > Date.now()) throw badInput({ receivedAt: "must not be in the future" });
    if (existing && existing.receivedAt.getTime() !== c.receivedAt.getTime() && existing.status !== ComplaintStatus.RECEIVED) {
      throw badInput({ receivedAt: `can change only while the complaint is RECEIVED (it is ${existing.status})` });
    }
    if (c.marketId !== null) {
      try {
        await this.neighbours.markets.getById(actor, c.marketId);
      } catch (error) {
        if (error instanceof AppError && error.extensions.code === "NOT_FOUND") throw badInput({ marketId: "does not exist" });
        throw error;
      }
    }
  }

  /** Complaints are records of what the public reported: they are archived, never deleted. */
  override async remove(_actor: Actor, rawId: string | number): Promise<Complaint> {
    throw conflict(`Complaint ${parseId(rawId)} cannot be deleted: complaints are kept; archive it instead (changeComplaintStatus to ARCHIVED)`);
  }

  /** Each complaint's follow-up entries, oldest first, in one query (the followUps loader). */
  async followUpsOf(ids: readonly number[]): Promise<Map<number, ComplaintFollowUp[]>> {
    const rows = await this.db.manager.getRepository(ComplaintFollowUp).createQueryBuilder("f").where("f.complaintId IN (:...ids)", { ids: [...ids] })
      .orderBy("f.createdAt").addOrderBy("f.id").getMany();
    const out = new Map<number, ComplaintFollowUp[]>(ids.map((id) => [id, []]));
    for (const f of rows) out.get(f.complaintId)?.push(f);
    return out;
  }

  /**
   * A PUNGLI complaint about a market: that market's anomalies dated within RELATED_ANOMALY_WINDOW_DAYS
   * of the day of receipt, ABOVE_TARIFF (possible illegal levy) first, then the latest first; scoped
   * as the anomaly list is for the actor. Other complaints have none.
   */
  async relatedAnomalies(actor: Actor, c: Complaint): Promise<Anomaly[]> {
    if (c.marketId === null || !c.tags.includes(ComplaintTag.PUNGLI)) return [];
    const day = localDateOf(c.receivedAt);
    const window = { marketId: String(c.marketId), businessDate_gte: addDays(day, -RELATED_ANOMALY_WINDOW_DAYS), businessDate_lte: addDays(day, RELATED_ANOMALY_WINDOW_DAYS) };
    const page = { perPage: Math.min(RELATED_ANOMALY_LIMIT, this.maxPageSize), sortField: "businessDate", sortOrder: "DESC" };
    const aboveTariff = await this.neighbours.anomalies.list(actor, { ...page, filter: { ...window, rule: "ABOVE_TARIFF" } });
    const all = await this.neighbours.anomalies.list(actor, { ...page, filter: window });
    return [...aboveTariff, ...all.filter((a) => a.rule !== "ABOVE_TARIFF")].slice(0, RELATED_ANOMALY_LIMIT);
  }
}
