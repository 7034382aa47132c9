import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { GraphQLContext } from "../../graphql/context";
import { ResourceResolver } from "../../graphql/resource-resolver";
import { DateTime, LocalDate } from "../../graphql/scalars";
import { Anomaly } from "../anomalies/anomaly.entity";
import { Role } from "../auth/role";
import { Market } from "../markets/market.entity";
import { Agency } from "../public-services/agency.entity";
import { Complaint } from "./complaint.entity";
import { ComplaintFollowUp } from "./complaint-follow-up.entity";
import { ComplaintStatus, SlaState } from "./complaint.enums";
import { ComplaintFilter, ComplaintInput } from "./complaint.inputs";
import { dueDateOf, slaState } from "./complaint-sla";
import { CLOSED_STATUSES, COMPLAINT_TRANSITIONS } from "./complaint-transitions";
import { AgencyComplaintPerformance, ComplaintTransition } from "./complaint.types";

/** Agency editors read the complaints disposed to their agency (the service scopes them). */
const COMPLAINT_READERS = [Role.ADMIN, Role.OFFICER, Role.AUDITOR, Role.AGENCY_EDITOR];
const COMPLAINT_ADMINS = [Role.ADMIN];
/** Follow-ups and the agency's status moves; editors only on their agency's complaints. */
const FOLLOW_UP_WRITERS = [Role.ADMIN, Role.AGENCY_EDITOR];

// Omitted nullable arguments arrive as undefined; the services take null for "not given".
const closed = (c: Complaint) => CLOSED_STATUSES.includes(c.status);

@Resolver(() => Complaint)
export class ComplaintResolver extends ResourceResolver({
  name: "Complaint", type: Complaint, filter: ComplaintFilter, input: ComplaintInput,
  readRoles: COMPLAINT_READERS, writeRoles: COMPLAINT_ADMINS, service: (c) => c.services.complaints,
}) {
  @Authorized(...COMPLAINT_ADMINS)
  @Mutation(() => Complaint, { description: "RECEIVED -> VERIFIED. `at`: when it happened, for an administrator transcribing SP4N-LAPOR! (default now)." })
  verifyComplaint(@Arg("id", () => ID) id: string, @Arg("at", () => DateTime, { nullable: true }) at: Date | null, @Ctx() c: GraphQLContext) {
    return c.services.complaintWorkflow.verify(c.actor, id, at ?? null);
  }

  @Authorized(...COMPLAINT_ADMINS)
  @Mutation(() => Complaint, { description: "VERIFIED -> DISPOSED to an active agency; the follow-up deadline starts." })
  disposeComplaint(
    @Arg("id", () => ID) id: string,
    @Arg("agencyId", () => ID) agencyId: string,
    @Arg("at", () => DateTime, { nullable: true }) at: Date | null,
    @Ctx() c: GraphQLContext,
  ) {
    return c.services.complaintWorkflow.dispose(c.actor, id, agencyId, at ?? null);
  }

  @Authorized(...FOLLOW_UP_WRITERS)
  @Mutation(() => Complaint, { description: "A follow-up entry on a disposed complaint, optionally moving its status (an agency editor: IN_PROGRESS, RESOLVED, DEFERRED or NOT_OUR_AUTHORITY, on their agency's complaints)." })
  addComplaintFollowUp(
    @Arg("complaintId", () => ID) complaintId: string,
    @Arg("text") text: string,
    @Arg("status", () => ComplaintStatus, { nullable: true }) status: ComplaintStatus | null,
    @Arg("at", () => DateTime, { nullable: true, description: "Administrators only." }) at: Date | null,
    @Ctx() c: GraphQLContext,
  ) {
    return c.services.complaintWorkflow.addFollowUp(c.actor, complaintId, text, status ?? null, at ?? null);
  }

  @Authorized(...FOLLOW_UP_WRITERS)
  @Mutation(() => Complaint, { description: "Moves the status along complaintTransitions with a note (kept as a follow-up entry); a wrong move is BAD_USER_INPUT. Disposition is disposeComplaint." })
  changeComplaintStatus(
    @Arg("id", () => ID) id: string,
    @Arg("status", () => ComplaintStatus) status: ComplaintStatus,
    @Arg("note") note: string,
    @Arg("at", () => DateTime, { nullable: true, description: "Administrators only." }) at: Date | null,
    @Ctx() c: GraphQLContext,
  ) {
    return c.services.complaintWorkflow.changeStatus(c.actor, id, status, note, at ?? null);
  }

  @Authorized(...COMPLAINT_READERS)
  @Query(() => [ComplaintTransition], { description: "The allowed status moves." })
  complaintTransitions(): ComplaintTransition[] {
    return Object.entries(COMPLAINT_TRANSITIONS).map(([from, to]) => ({ from: from as ComplaintStatus, to: [...to] }));
  }

  @Authorized(Role.ADMIN, Role.OFFICER, Role.AUDITOR, Role.AGENCY_EDITOR)
  @Query(() => [AgencyComplaintPerformance], {
    description: "Per agency, the complaints received from..to (Asia/Jakarta days) and disposed to it: received, verified on time, followed up (on time), resolved (on time), overdue now, median days to resolve, follow-up rate. Lagging agencies first: more overdueNow first, then the lower share followedUpOnTime / received, then the lower agency id. An agency editor gets their own agency's row only.",
  })
  async complaintPerformance(@Arg("from", () => LocalDate) from: string, @Arg("to", () => LocalDate) to: string, @Ctx() c: GraphQLContext): Promise<AgencyComplaintPerformance[]> {
    const rows = await c.services.complaintPerformance.report(c.actor, from, to);
    return Promise.all(rows.map(async (r) => ({ ...r, agency: await c.loaders.agency.load(r.agencyId) })));
  }

  @FieldResolver(() => Agency, { nullable: true })
  agency(@Root() complaint: Complaint, @Ctx() { loaders }: GraphQLContext) {
    return complaint.agencyId === null ? null : loaders.agency.load(complaint.agencyId);
  }

  @FieldResolver(() => Market, { nullable: true })
  market(@Root() complaint: Complaint, @Ctx() { loaders }: GraphQLContext) {
    return complaint.marketId === null ? null : loaders.market.load(complaint.marketId);
  }

  @FieldResolver(() => [ComplaintFollowUp], { description: "Oldest first." })
  followUps(@Root() complaint: Complaint, @Ctx() { loaders }: GraphQLContext) {
    return loaders.complaintFollowUps.load(complaint.id);
  }

  @FieldResolver(() => LocalDate, { description: "Verify by the end of this day: the Nth working day (COMPLAINT_VERIFY_WORKING_DAYS) after the day of receipt." })
  verifyDueDate(@Root() complaint: Complaint): string {
    return dueDateOf(complaint.verifyDueAt);
  }

  @FieldResolver(() => SlaState)
  verificationSla(@Root() complaint: Complaint): SlaState {
    return slaState(complaint.verifyDueAt, complaint.verifiedAt, closed(complaint), new Date());
  }

  @FieldResolver(() => LocalDate, { nullable: true, description: "First follow-up by the end of this day: the Nth working day (COMPLAINT_FOLLOW_UP_WORKING_DAYS) after the day of disposition; null before disposition." })
  followUpDueDate(@Root() complaint: Complaint): string | null {
    return complaint.followUpDueAt === null ? null : dueDateOf(complaint.followUpDueAt);
  }

  @FieldResolver(() => SlaState)
  followUpSla(@Root() complaint: Complaint): SlaState {
    return slaState(complaint.followUpDueAt, complaint.firstFollowUpAt, closed(complaint), new Date());
  }

  @FieldResolver(() => LocalDate, { description: "Resolve by the end of this day: COMPLAINT_RESOLVE_DAYS calendar days after the day of receipt." })
  resolveDueDate(@Root() complaint: Complaint): string {
    return dueDateOf(complaint.resolveDueAt);
  }

  @FieldResolver(() => SlaState)
  resolutionSla(@Root() complaint: Complaint): SlaState {
    return slaState(complaint.resolveDueAt, complaint.resolvedAt, closed(complaint), new Date());
  }

  @FieldResolver(() => Boolean, { description: "Some deadline has passed with its step not done (one of the three SLA states is OVERDUE)." })
  overdue(@Root() complaint: Complaint): boolean {
    const now = new Date();
    const states = [
      slaState(complaint.verifyDueAt, complaint.verifiedAt, closed(complaint), now),
      slaState(complaint.followUpDueAt, complaint.firstFollowUpAt, closed(complaint), now),
      slaState(complaint.resolveDueAt, complaint.resolvedAt, closed(complaint), now),
    ];
    return states.includes(SlaState.OVERDUE);
  }

  @FieldResolver(() => [Anomaly], { description: "For a PUNGLI complaint about a market: the market's anomalies dated within 30 days of the day of receipt, ABOVE_TARIFF first, then the latest; as the caller may see them (agency editors see none). Empty otherwise." })
  relatedAnomalies(@Root() complaint: Complaint, @Ctx() c: GraphQLContext) {
    return c.services.complaints.relatedAnomalies(c.actor, complaint);
  }
}

@Resolver(() => ComplaintFollowUp)
export class ComplaintFollowUpResolver {
  @FieldResolver(() => String, { description: "The author's display name." })
  async authorName(@Root() entry: ComplaintFollowUp, @Ctx() { loaders }: GraphQLContext): Promise<string> {
    return (await loaders.user.load(entry.authorId)).displayName;
  }
}

export const COMPLAINT_RESOLVERS = [ComplaintResolver, ComplaintFollowUpResolver] as const;
