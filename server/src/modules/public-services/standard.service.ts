import type { EntityManager } from "typeorm";
import { assertValid } from "../../common/validation";
import { badInput, conflict } from "../../common/errors";
import type { Database } from "../../database/database";
import type { Actor } from "../auth/actor";
import type { AuditService } from "../audit/audit.service";
import { lockedForCheck } from "../markets/market-rules";
import { requireUser } from "../receipts/daily-report.service";
import { refreshSearchText } from "./search-text";
import { filledComponents } from "./completeness";
import { assertMayEditAgency } from "./editor-scope";
import type { PublicServiceService } from "./public-service.service";
import { ServiceStandardInput } from "./public-service.inputs";
import { ServiceStandard } from "./service-standard.entity";

/**
 * Versions of a service's standard. Saving edits the open draft (or opens one from the current
 * version); publishing turns the draft into the current version and supersedes the previous one,
 * which stays readable. A published version is never changed.
 */
export class StandardService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditService,
    private readonly services: PublicServiceService,
  ) {}

  async saveDraft(actor: Actor, rawServiceId: string, raw: ServiceStandardInput, now = new Date()): Promise<ServiceStandard> {
    const user = requireUser(actor);
    const input = Object.assign(new ServiceStandardInput(), raw);
    await assertValid(input);
    if ((input.completionTime == null) !== (input.completionUnit == null)) {
      throw badInput({ completionUnit: "completionTime and completionUnit are given together" });
    }
    const service = await this.services.getById(actor, rawServiceId);
    await assertMayEditAgency(this.db.manager, actor, service.agencyId);
    return this.db.transaction(async (em) => {
      const latest = await this.latest(em, service.id);
      const fields = {
        requirements: clean(input.requirements), procedure: clean(input.procedure), completionTime: input.completionTime ?? null,
        completionUnit: input.completionUnit ?? null, fee: input.fee ?? null, feeNote: text(input.feeNote), product: text(input.product),
        complaintChannel: text(input.complaintChannel), legalBasis: text(input.legalBasis), facilities: text(input.facilities),
        staffCompetence: text(input.staffCompetence), internalSupervision: text(input.internalSupervision), staffCount: input.staffCount ?? null,
        serviceGuarantee: text(input.serviceGuarantee), securityGuarantee: text(input.securityGuarantee),
        performanceEvaluation: text(input.performanceEvaluation), decreeNumber: text(input.decreeNumber), decreeDate: input.decreeDate ?? null,
      };
      const filled = filledComponents(fields);
      if (latest && latest.publishedAt === null) {
        await em.update(ServiceStandard, latest.id, { ...fields, filledComponents: filled });
        const saved = await em.findOneByOrFail(ServiceStandard, { id: latest.id });
        await this.audit.record(em, actor, "UPDATE", "ServiceStandard", saved.id, latest, saved);
        return saved;
      }
      const saved = await em.save(ServiceStandard, em.create(ServiceStandard, {
        serviceId: service.id, version: (latest?.version ?? 0) + 1, ...fields, filledComponents: filled, createdAt: now, createdById: user.id,
        publishedAt: null, publishedById: null, supersededAt: null,
      }));
      await this.audit.record(em, actor, "CREATE", "ServiceStandard", saved.id, null, saved);
      return saved;
    });
  }

  /** Publishes the open draft; it needs the decree that set it. */
  async publish(actor: Actor, rawServiceId: string, now = new Date()): Promise<ServiceStandard> {
    const user = requireUser(actor);
    const service = await this.services.getById(actor, rawServiceId);
    await assertMayEditAgency(this.db.manager, actor, service.agencyId);
    return this.db.transaction(async (em) => {
      const draft = await this.latest(em, service.id);
      if (!draft || draft.publishedAt !== null) throw conflict(`PublicService ${service.id} has no draft standard to publish`);
      const missing: Record<string, string> = {};
      if (!draft.decreeNumber) missing.decreeNumber = "is required to publish: a standard is set by decree (SK)";
      if (!draft.decreeDate) missing.decreeDate = "is required to publish";
      if (draft.requirements.length === 0) missing.requirements = "must list at least one requirement to publish";
      if (Object.keys(missing).length) throw badInput(missing);
      await em.createQueryBuilder().update(ServiceStandard).set({ supersededAt: now })
        .where("serviceId = :id AND publishedAt IS NOT NULL AND supersededAt IS NULL", { id: service.id }).execute();
      await em.update(ServiceStandard, draft.id, { publishedAt: now, publishedById: user.id });
      const published = await em.findOneByOrFail(ServiceStandard, { id: draft.id });
      await refreshSearchText(em, { serviceId: service.id });
      await this.audit.record(em, actor, "PUBLISH", "ServiceStandard", draft.id, draft, published);
      return published;
    });
  }

  /** Every version of each service, newest first. */
  async versionsOf(serviceIds: readonly number[]): Promise<Map<number, ServiceStandard[]>> {
    const rows = await this.db.manager.getRepository(ServiceStandard).createQueryBuilder("st")
      .where("st.serviceId IN (:...ids)", { ids: [...serviceIds] }).orderBy("st.version", "DESC").getMany();
    const out = new Map<number, ServiceStandard[]>(serviceIds.map((id) => [id, []]));
    for (const row of rows) out.get(row.serviceId)?.push(row);
    return out;
  }

  private latest(em: EntityManager, serviceId: number): Promise<ServiceStandard | null> {
    // Locked on MySQL so that two editors saving at once do not both open version n + 1.
    return lockedForCheck(em.getRepository(ServiceStandard).createQueryBuilder("st"), this.db.dialect)
      .where("st.serviceId = :id", { id: serviceId }).orderBy("st.version", "DESC").getOne();
  }
}

const text = (value: string | null | undefined) => value?.trim() || null;
const clean = (items: string[] | undefined) => (items ?? []).map((i) => i.trim()).filter(Boolean);
