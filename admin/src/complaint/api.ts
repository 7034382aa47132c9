import { gql } from "@apollo/client";
import { apolloClient, graphQLErrorsOf } from "../providers/dataProvider";
import { complaintRefusal } from "./errors";

/**
 * The complaint workflow and the follow-up performance report (not react-admin CRUD), through the
 * same Apollo client as the data provider. A refusal becomes an Error whose message is in the UI
 * language where the server's problem is known.
 */

export type ComplaintStatus =
  | "RECEIVED"
  | "VERIFIED"
  | "DISPOSED"
  | "IN_PROGRESS"
  | "RESOLVED"
  | "DEFERRED"
  | "NOT_OUR_AUTHORITY"
  | "ARCHIVED";

/** The statuses an agency editor may set (complaint-transitions.ts on the server). */
export const EDITOR_STATUSES: readonly ComplaintStatus[] = ["IN_PROGRESS", "RESOLVED", "DEFERRED", "NOT_OUR_AUTHORITY"];

export interface AgencyPerformance {
  agencyId: string;
  agency: { id: string; code: string; shortName: string; name: string };
  received: number;
  verifiedOnTime: number;
  followedUp: number;
  followedUpOnTime: number;
  followUpRate: number;
  resolved: number;
  resolvedOnTime: number;
  overdueNow: number;
  medianDaysToResolve: number | null;
}

const FIELDS = "id status agencyId verifiedAt disposedAt firstFollowUpAt resolvedAt verificationSla followUpSla resolutionSla overdue";

const VERIFY = gql`mutation VerifyComplaint($id: ID!) { verifyComplaint(id: $id) { ${FIELDS} } }`;
const DISPOSE = gql`mutation DisposeComplaint($id: ID!, $agencyId: ID!) { disposeComplaint(id: $id, agencyId: $agencyId) { ${FIELDS} } }`;
const FOLLOW_UP = gql`
  mutation AddComplaintFollowUp($complaintId: ID!, $text: String!, $status: ComplaintStatus) {
    addComplaintFollowUp(complaintId: $complaintId, text: $text, status: $status) { ${FIELDS} }
  }
`;
const CHANGE_STATUS = gql`
  mutation ChangeComplaintStatus($id: ID!, $status: ComplaintStatus!, $note: String!) {
    changeComplaintStatus(id: $id, status: $status, note: $note) { ${FIELDS} }
  }
`;
const TRANSITIONS = gql`query ComplaintTransitions { complaintTransitions { from to } }`;
const PERFORMANCE = gql`
  query ComplaintPerformance($from: LocalDate!, $to: LocalDate!) {
    complaintPerformance(from: $from, to: $to) {
      agencyId received verifiedOnTime followedUp followedUpOnTime followUpRate resolved resolvedOnTime overdueNow medianDaysToResolve
      agency { id code shortName name }
    }
  }
`;

async function call<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const [first] = graphQLErrorsOf(error);
    if (!first) throw error;
    const raw = first.extensions?.fields;
    const fields: Record<string, string> =
      raw && typeof raw === "object" && !Array.isArray(raw)
        ? Object.fromEntries(Object.entries(raw as Record<string, unknown>).map(([k, v]) => [k, String(v ?? "")]))
        : {};
    throw new Error(complaintRefusal(first.extensions?.code, first.message, fields));
  }
}

export const verifyComplaint = (id: string) => call(() => apolloClient.mutate({ mutation: VERIFY, variables: { id } }));
export const disposeComplaint = (id: string, agencyId: string) => call(() => apolloClient.mutate({ mutation: DISPOSE, variables: { id, agencyId } }));
export const addComplaintFollowUp = (complaintId: string, text: string, status: ComplaintStatus | null) =>
  call(() => apolloClient.mutate({ mutation: FOLLOW_UP, variables: { complaintId, text, status } }));
export const changeComplaintStatus = (id: string, status: ComplaintStatus, note: string) =>
  call(() => apolloClient.mutate({ mutation: CHANGE_STATUS, variables: { id, status, note } }));

let transitions: Promise<Record<string, ComplaintStatus[]>> | null = null;

/** The allowed moves, asked once per page load (they change only with a server release). */
export function fetchComplaintTransitions(): Promise<Record<string, ComplaintStatus[]>> {
  transitions ??= call(async () => {
    const result = await apolloClient.query<{ complaintTransitions: Array<{ from: ComplaintStatus; to: ComplaintStatus[] }> }>({ query: TRANSITIONS });
    return Object.fromEntries(result.data.complaintTransitions.map((t) => [t.from, t.to]));
  }).catch((error: unknown) => {
    transitions = null;
    throw error;
  });
  return transitions;
}

export const fetchComplaintPerformance = (from: string, to: string) =>
  call(async () => {
    const result = await apolloClient.query<{ complaintPerformance: AgencyPerformance[] }>({ query: PERFORMANCE, variables: { from, to } });
    return result.data.complaintPerformance;
  });
