import { gql } from "@apollo/client";
import { apolloClient, graphQLErrorsOf } from "../providers/dataProvider";

/**
 * The standard's domain operations (not react-admin CRUD), through the data provider's Apollo
 * client: bearer token, transparent refresh, errors with the server's `extensions`.
 */

/** The 14 components of a standard (PermenPAN-RB 15/2014), in the order the regulation lists them. */
export const COMPONENTS = [
  "requirements",
  "procedure",
  "completionTime",
  "fee",
  "product",
  "complaintChannel",
  "legalBasis",
  "facilities",
  "staffCompetence",
  "internalSupervision",
  "staffCount",
  "serviceGuarantee",
  "securityGuarantee",
  "performanceEvaluation",
] as const;
export type Component = (typeof COMPONENTS)[number];
export const COMPONENT_COUNT = COMPONENTS.length;

/** What `ServiceStandardInput` takes: the components and the decree. */
export interface StandardInput {
  requirements: string[];
  procedure: string[];
  completionTime: number | null;
  completionUnit: string | null;
  fee: number | null;
  feeNote: string | null;
  product: string | null;
  complaintChannel: string | null;
  legalBasis: string | null;
  facilities: string | null;
  staffCompetence: string | null;
  internalSupervision: string | null;
  staffCount: number | null;
  serviceGuarantee: string | null;
  securityGuarantee: string | null;
  performanceEvaluation: string | null;
  decreeNumber: string | null;
  decreeDate: string | null;
}

export const INPUT_KEYS: ReadonlyArray<keyof StandardInput> = [
  "requirements", "procedure", "completionTime", "completionUnit", "fee", "feeNote", "product", "complaintChannel", "legalBasis",
  "facilities", "staffCompetence", "internalSupervision", "staffCount", "serviceGuarantee", "securityGuarantee", "performanceEvaluation",
  "decreeNumber", "decreeDate",
];

/** A version of a standard as the API returns it. */
export interface Standard extends StandardInput {
  id: string;
  serviceId: string;
  version: number;
  filledComponents: number;
  createdAt: string;
  publishedAt: string | null;
  supersededAt: string | null;
}

export const STANDARD_FIELDS = [
  "id", "serviceId", "version", ...INPUT_KEYS, "filledComponents", "createdAt", "publishedAt", "supersededAt",
] as const;
const STANDARD_SELECTION = STANDARD_FIELDS.join(" ");

export interface AgencyCompleteness {
  agencyId: string;
  agency: { id: string; code: string; name: string; shortName: string; active: boolean };
  services: number;
  publishedServices: number;
  filledComponents: number;
  possibleComponents: number;
  percent: number;
}

const SAVE = gql`
  mutation SaveServiceStandard($serviceId: ID!, $input: ServiceStandardInput!) {
    saveServiceStandard(serviceId: $serviceId, input: $input) { ${STANDARD_SELECTION} }
  }
`;
const PUBLISH = gql`
  mutation PublishServiceStandard($serviceId: ID!) {
    publishServiceStandard(serviceId: $serviceId) { ${STANDARD_SELECTION} }
  }
`;
const COMPLETENESS = gql`
  query StandardCompleteness($agencyIds: [ID!]) {
    standardCompleteness(agencyIds: $agencyIds) {
      agencyId services publishedServices filledComponents possibleComponents percent
      agency { id code name shortName active }
    }
  }
`;
const MY_AGENCY = gql`
  query MyAgency {
    me { id agencyId }
  }
`;

/** A refused call: the server's code and, for BAD_USER_INPUT, what is wrong with which field. */
export class StandardError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly fields: Record<string, string>,
  ) {
    super(message);
    this.name = "StandardError";
  }
}

function fieldsOf(raw: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (Array.isArray(raw)) {
    for (const p of raw) if (typeof p === "string") out[p] = "";
  } else if (raw && typeof raw === "object") {
    for (const [path, problem] of Object.entries(raw as Record<string, unknown>)) out[path] = typeof problem === "string" ? problem : "";
  }
  return out;
}

async function call<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const [first] = graphQLErrorsOf(error);
    if (!first) throw error;
    throw new StandardError(first.message, first.extensions?.code, fieldsOf(first.extensions?.fields));
  }
}

export const saveServiceStandard = (serviceId: string, input: StandardInput) =>
  call(async () => {
    const result = await apolloClient.mutate<{ saveServiceStandard: Standard }>({ mutation: SAVE, variables: { serviceId, input } });
    return result.data!.saveServiceStandard;
  });

export const publishServiceStandard = (serviceId: string) =>
  call(async () => {
    const result = await apolloClient.mutate<{ publishServiceStandard: Standard }>({ mutation: PUBLISH, variables: { serviceId } });
    return result.data!.publishServiceStandard;
  });

export const fetchStandardCompleteness = (agencyIds: string[] | null = null) =>
  call(async () => {
    const result = await apolloClient.query<{ standardCompleteness: AgencyCompleteness[] }>({ query: COMPLETENESS, variables: { agencyIds } });
    return result.data.standardCompleteness;
  });

/** The agency the signed-in agency editor works for (null for other roles or an unlinked editor). */
export const fetchMyAgencyId = () =>
  call(async () => {
    const result = await apolloClient.query<{ me: { id: string; agencyId: string | null } }>({ query: MY_AGENCY });
    return result.data.me.agencyId ?? null;
  });
