import type { EntityManager } from "typeorm";
import { AppError, badInput, forbidden, notFound, unauthenticated } from "../../common/errors";
import { parseId } from "../../common/ids";
import type { ReadService } from "../../common/read.service";
import type { Database } from "../../database/database";
import type { Actor } from "../auth/actor";
import { Role } from "../auth/role";
import type { AuditService } from "../audit/audit.service";
import type { Agency } from "../public-services/agency.entity";
import { Complaint } from "./complaint.entity";
import { ComplaintFollowUp } from "./complaint-follow-up.entity";
import { ComplaintStatus } from "./complaint.enums";
import { assertComplaintInScope, wholeSeconds } from "./complaint-scope";
import { endOfJakartaDay, followUpDueDate, type ComplaintSlaRules } from "./complaint-sla";
import { assertTransition, EDITOR_STATUSES } from "./complaint-transitions";

const MAX_TEXT = 2000;

/** What one step does to the locked complaint; returns the follow-up entry's text to record, if any. */
type StepChange = (c: Complaint, when: Date, em: EntityManager) => Promise<{ entryText: string | null; statusFrom: ComplaintStatus | null }>;

/**
 * The complaint workflow: verification, disposition to an agency, follow-up entries and status moves
 * along COMPLAINT_TRANSITIONS. Each step runs in one transaction on the locked complaint and writes
 * nothing when any rule refuses it.
 */
export class ComplaintWorkflowService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditService,
    private readonly rules: ComplaintSlaRules,
    private readonly agencies: ReadService<Agency>,
  ) {}

  /** RECEIVED -> VERIFIED (the administrator screened it and it is a matter for the regency). */
  verify(actor: Actor, rawId: string, at: Date | null): Promise<Complaint> {
    return this.step(actor, rawId, at, "VERIFY", async (c, when) => {
      assertTransition(c.status, ComplaintStatus.VERIFIED);
      this.setStatus(c, ComplaintStatus.VERIFIED, when);
      return { entryText: null, statusFrom: null };
    });
  }

  /** VERIFIED -> DISPOSED to an agency; the agency's follow-up deadline starts now. */
  async dispose(actor: Actor, rawId: string, rawAgencyId: string, at: Date | null): Promise<Complaint> {
    const agencyId = parseId(rawAgencyId, "agencyId");
    const agency = await this.agencies.getById(actor, agencyId).catch((error: unknown) => {
      if (error instanceof AppError && error.extensions.code === "NOT_FOUND") throw badInput({ agencyId: "does not exist" });
      throw error;
    });
    if (!agency.active) throw badInput({ agencyId: `${agency.shortName} is not active` });
    return this.step(actor, rawId, at, "UPDATE", async (c, when) => {
      assertTransition(c.status, ComplaintStatus.DISPOSED);
      this.setStatus(c, ComplaintStatus.DISPOSED, when);
      c.agencyId = agencyId;
      c.disposedAt = when;
      c.followUpDueAt = endOfJakartaDay(followUpDueDate(when, this.rules));
      return { entryText: null, statusFrom: null };
    });
  }

  /**
   * A follow-up entry (tindak lanjut) on a disposed complaint, optionally moving its status. The first
   * one after disposition is what the follow-up deadline measures.
   */
  addFollowUp(actor: Actor, rawId: string, text: string, status: ComplaintStatus | null, at: Date | null): Promise<Complaint> {
    const body = this.text(text, "text");
    return this.step(actor, rawId, at, "UPDATE", async (c, when) => {
      if (c.disposedAt === null) throw badInput({ complaintId: `is ${c.status}, not disposed to an agency yet; follow-ups come after disposition` });
      if (c.status === ComplaintStatus.ARCHIVED) throw badInput({ complaintId: "is ARCHIVED; an archived complaint takes no more follow-ups" });
      const from = c.status;
      if (status !== null) this.move(actor, c, status, when);
      return { entryText: body, statusFrom: status === null ? null : from };
    });
  }

  /** Moves the status along an allowed transition with a note saying why (recorded as a follow-up entry). */
  changeStatus(actor: Actor, rawId: string, status: ComplaintStatus, note: string, at: Date | null): Promise<Complaint> {
    const body = this.text(note, "note");
    return this.step(actor, rawId, at, "UPDATE", async (c, when) => {
      const from = c.status;
      this.move(actor, c, status, when);
      return { entryText: body, statusFrom: from };
    });
  }

  private text(value: string, field: string): string {
    const trimmed = value.trim();
    if (!trimmed) throw badInput({ [field]: "must not be empty" });
    if (trimmed.length > MAX_TEXT) throw badInput({ [field]: `must be at most ${MAX_TEXT} characters` });
    return trimmed;
  }

  private move(actor: Actor, c: Complaint, to: ComplaintStatus, when: Date): void {
    if (actor.user?.role === Role.AGENCY_EDITOR && !EDITOR_STATUSES.includes(to)) {
      throw forbidden(`An agency editor may set only ${EDITOR_STATUSES.join(", ")}, not ${to}`);
    }
    assertTransition(c.status, to);
    if (to === ComplaintStatus.DISPOSED) throw badInput({ status: "use disposeComplaint, which names the agency" });
    this.setStatus(c, to, when);
  }

  private setStatus(c: Complaint, to: ComplaintStatus, when: Date): void {
    // Leaving RECEIVED in any direction is the administrator's screening: the verification step.
    if (c.status === ComplaintStatus.RECEIVED) c.verifiedAt = when;
    if (to === ComplaintStatus.RESOLVED) c.resolvedAt = when;
    c.status = to;
  }

  /** When a step happened: now, or (administrators transcribing SP4N-LAPOR!) an earlier instant. */
  private instantOf(actor: Actor, at: Date | null): Date {
    const now = wholeSeconds(new Date());
    if (at === null || at === undefined) return now;
    if (actor.user?.role !== Role.ADMIN) throw forbidden("Only an administrator records a step with an earlier time (at)");
    const when = wholeSeconds(at);
    if (when > now) throw badInput({ at: "must not be in the future" });
    return when;
  }

  private async step(actor: Actor, rawId: string, at: Date | null, action: "VERIFY" | "UPDATE", change: StepChange): Promise<Complaint> {
    const user = actor.user;
    if (!user) throw unauthenticated();
    const id = parseId(rawId);
    const when = this.instantOf(actor, at);
    return this.db.transaction(async (em) => {
      const qb = em.getRepository(Complaint).createQueryBuilder("c").where("c.id = :id", { id });
      const c = await (this.db.dialect === "sqlite" ? qb : qb.setLock("pessimistic_write")).getOne();
      if (!c) throw notFound("Complaint", id);
      await assertComplaintInScope(em, actor, c);
      if (when < c.lastActionAt) throw badInput({ at: `must not be before the complaint's last step (${c.lastActionAt.toISOString()})` });
      const before = { ...c };
      const { entryText, statusFrom } = await change(c, when, em);
      if (entryText !== null) {
        await em.insert(ComplaintFollowUp, { complaintId: c.id, authorId: user.id, text: entryText, statusFrom, statusTo: statusFrom === null ? null : c.status, createdAt: when });
        if (c.disposedAt !== null && c.firstFollowUpAt === null) c.firstFollowUpAt = when;
      }
      c.lastActionAt = when;
      c.updatedAt = new Date();
      const saved = await em.save(Complaint, c);
      await this.audit.record(em, actor, action, "Complaint", c.id, before, saved);
      return saved;
    });
  }
}
