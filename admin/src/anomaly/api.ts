import { gql } from "@apollo/client";
import { apolloClient } from "../providers/dataProvider";

/**
 * The anomaly workflow and detection calls (not react-admin CRUD), through the same Apollo client
 * as the data provider: bearer token, transparent refresh, errors with the server's message.
 */

/** What one `runAnomalyDetection` call did. */
export interface DetectionRunResult {
  id: string;
  from: string;
  to: string;
  found: number;
  created: number;
  reopened: number;
  autoResolved: number;
}

export interface AnomalyRuleInfo {
  code: string;
  description: string;
  severity: string;
}

const ANOMALY_FIELDS = "id status assigneeId resolution resolutionNote resolvedAt";

const RUN_DETECTION = gql`
  mutation RunAnomalyDetection($from: LocalDate!, $to: LocalDate!, $marketIds: [ID!]) {
    runAnomalyDetection(from: $from, to: $to, marketIds: $marketIds) { id from to found created reopened autoResolved }
  }
`;
const ACKNOWLEDGE = gql`
  mutation AcknowledgeAnomaly($id: ID!, $note: String) {
    acknowledgeAnomaly(id: $id, note: $note) { ${ANOMALY_FIELDS} }
  }
`;
const ASSIGN = gql`
  mutation AssignAnomaly($id: ID!, $assigneeId: ID) {
    assignAnomaly(id: $id, assigneeId: $assigneeId) { ${ANOMALY_FIELDS} }
  }
`;
const RESOLVE = gql`
  mutation ResolveAnomaly($id: ID!, $resolution: AnomalyResolution!, $note: String!) {
    resolveAnomaly(id: $id, resolution: $resolution, note: $note) { ${ANOMALY_FIELDS} }
  }
`;
const RULES = gql`
  query AnomalyRules {
    rules { code description severity }
  }
`;

export async function runAnomalyDetection(from: string, to: string, marketIds: string[] | null): Promise<DetectionRunResult> {
  const result = await apolloClient.mutate<{ runAnomalyDetection: DetectionRunResult }>({
    mutation: RUN_DETECTION,
    variables: { from, to, marketIds: marketIds && marketIds.length > 0 ? marketIds : null },
  });
  return result.data!.runAnomalyDetection;
}

export const acknowledgeAnomaly = (id: string, note: string | null) =>
  apolloClient.mutate({ mutation: ACKNOWLEDGE, variables: { id, note: note || null } });

export const assignAnomaly = (id: string, assigneeId: string | null) =>
  apolloClient.mutate({ mutation: ASSIGN, variables: { id, assigneeId } });

export const resolveAnomaly = (id: string, resolution: string, note: string) =>
  apolloClient.mutate({ mutation: RESOLVE, variables: { id, resolution, note } });

let rulesRequest: Promise<AnomalyRuleInfo[]> | null = null;

/** The rules in force, asked once per page load (they change only with a server release). */
export function fetchAnomalyRules(): Promise<AnomalyRuleInfo[]> {
  rulesRequest ??= apolloClient
    .query<{ rules: AnomalyRuleInfo[] }>({ query: RULES })
    .then((result) => result.data.rules)
    .catch((error: unknown) => {
      rulesRequest = null;
      throw error;
    });
  return rulesRequest;
}
