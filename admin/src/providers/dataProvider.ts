import { ApolloClient, HttpLink, InMemoryCache, gql, type DocumentNode } from "@apollo/client";
import buildGraphQLProvider, {
  buildGqlQuery,
  buildQueryFactory,
  buildVariables,
  getResponseParser,
} from "ra-data-graphql-simple";
import { GET_MANY, HttpError, type DataProvider } from "react-admin";
import { complianceConflict, complianceProblem, isComplianceResource } from "../compliance/errors";
import { GRAPHQL_PATH, authenticatedFetch, type GraphQLErrorShape } from "./session";

/**
 * react-admin resources map 1:1 to GraphQL types following the ra-data-graphql-simple grammar
 * (`Market(id)`, `allMarkets(...)`, `_allMarketsMeta(...)`, `createMarket(...)`,
 * `updateMarket(id, ...)`, `deleteMarket(id)`). The schema is introspected on the first call; the
 * server allows introspection anonymously.
 */
export const apolloClient = new ApolloClient({
  link: new HttpLink({ uri: GRAPHQL_PATH, fetch: authenticatedFetch, credentials: "same-origin" }),
  cache: new InMemoryCache(),
  defaultOptions: {
    query: { fetchPolicy: "network-only", errorPolicy: "none" },
    watchQuery: { fetchPolicy: "network-only" },
    mutate: { errorPolicy: "none" },
  },
});

type Introspection = Parameters<typeof buildVariables>[0];
type VariablesArgs = Parameters<ReturnType<typeof buildVariables>>;

/**
 * `getMany` (references shown in a list) sends only `filter: { ids }`; the server would then apply
 * its default page size (25) and silently drop references beyond it. Ask for all of them.
 */
const buildVariablesWithPaging =
  (introspection: Introspection) =>
  (...[resource, fetchType, params, queryType]: VariablesArgs) => {
    const variables = buildVariables(introspection)(resource, fetchType, params, queryType);
    if (fetchType === GET_MANY && Array.isArray(params?.ids)) {
      return { ...variables, page: 0, perPage: Math.max(1, params.ids.length) };
    }
    return variables;
  };

const baseDataProvider: DataProvider = buildGraphQLProvider({
  client: apolloClient,
  buildQuery: buildQueryFactory(buildVariablesWithPaging, buildGqlQuery, getResponseParser),
});

/**
 * The GraphQL errors of a failed call: ra-data-graphql wraps Apollo's error in an HttpError
 * (`body`), the custom methods below get Apollo's error itself.
 */
export function graphQLErrorsOf(error: unknown): GraphQLErrorShape[] {
  const e = error as { graphQLErrors?: GraphQLErrorShape[]; body?: { graphQLErrors?: GraphQLErrorShape[] } } | null;
  if (Array.isArray(e?.body?.graphQLErrors)) return e.body.graphQLErrors;
  return Array.isArray(e?.graphQLErrors) ? e.graphQLErrors : [];
}

/** A query asked of the server every time; a GraphQL refusal becomes an Error with the server's message. */
export async function queryFresh<T>(query: DocumentNode, variables: Record<string, unknown>): Promise<T> {
  try {
    return (await apolloClient.query<T>({ query, variables, fetchPolicy: "network-only" })).data;
  } catch (error) {
    const [first] = graphQLErrorsOf(error);
    if (!first) throw error;
    throw new Error(first.message);
  }
}

/**
 * `extensions.fields` maps each offending field path (e.g. `validTo`, `receipts.3.amount`) to what
 * is wrong with it; a plain list of paths is accepted too.
 */
function fieldProblems(raw: unknown, fallback: string): Record<string, string> {
  const problems: Record<string, string> = {};
  if (Array.isArray(raw)) {
    for (const p of raw) {
      const path = Array.isArray(p) ? p.join(".") : typeof p === "string" ? p : "";
      if (path) problems[path] = fallback;
    }
  } else if (typeof raw === "object" && raw !== null) {
    for (const [path, problem] of Object.entries(raw as Record<string, unknown>)) {
      problems[path] = typeof problem === "string" && problem ? problem : fallback;
    }
  } else if (typeof raw === "string" && raw) {
    problems[raw] = fallback;
  }
  return problems;
}

/**
 * A refusal in the UI language, for the resources of a screen set loaded on demand (venues,
 * complaints): given the code, the server's message and its field problems, the message and problems
 * to show (translated where known, the server's words otherwise).
 */
export type RefusalTranslator = (
  code: string,
  message: string,
  problems: Record<string, string>,
) => { message: string; problems: Record<string, string> };

const refusalTranslators = new Map<string, RefusalTranslator>();

/** Called by a lazily loaded screen set when its chunk is evaluated. */
export function registerRefusalTranslator(resources: readonly string[], translator: RefusalTranslator): void {
  for (const resource of resources) refusalTranslators.set(resource, translator);
}

/**
 * A `BAD_USER_INPUT` (or `CONFLICT`) naming the offending fields becomes a react-admin validation
 * error: the form marks those inputs and the notification shows the server's message.
 */
function translateError(error: unknown, resource?: unknown): unknown {
  const errors = graphQLErrorsOf(error);
  const first = errors[0];
  if (!first) return error;
  const code = first.extensions?.code;
  let problems = fieldProblems(first.extensions?.fields, first.message);
  let serverError = first.message;
  // Compliance forms: known problems in the UI language, the server's own words otherwise.
  if (isComplianceResource(resource) && (code === "BAD_USER_INPUT" || code === "CONFLICT")) {
    if (code === "CONFLICT" && Object.keys(problems).length === 0) problems = complianceConflict(String(resource));
    else problems = Object.fromEntries(Object.entries(problems).map(([field, problem]) => [field, complianceProblem(field, problem)]));
    const translated = Object.values(problems).every((p) => p.startsWith("app.") || p.startsWith("@@react-admin@@"));
    if (translated) serverError = "app.compliance.server.refused";
  }
  const translator = typeof resource === "string" ? refusalTranslators.get(resource) : undefined;
  if (translator && (code === "BAD_USER_INPUT" || code === "CONFLICT" || code === "FORBIDDEN")) {
    const translated = translator(code, first.message, problems);
    problems = translated.problems;
    serverError = translated.message;
    if (Object.keys(problems).length === 0) return new HttpError(serverError, code === "FORBIDDEN" ? 403 : code === "CONFLICT" ? 409 : 400, { graphQLErrors: errors });
  }
  if ((code === "BAD_USER_INPUT" || code === "CONFLICT") && Object.keys(problems).length > 0) {
    const formErrors: Record<string, unknown> = { ...problems, root: { serverError } };
    return new HttpError(serverError, code === "CONFLICT" ? 409 : 400, { errors: formErrors, graphQLErrors: errors });
  }
  return error;
}

/** CRUD methods take the resource first; the workflow methods below do not. */
const withErrors =
  <Args extends unknown[], R>(method: (...args: Args) => Promise<R>) =>
  async (...args: Args): Promise<R> => {
    try {
      return await method(...args);
    } catch (error) {
      throw translateError(error, args[0]);
    }
  };

const REJECT_REPORT = gql`
  mutation RejectDailyReport($id: ID!, $reason: String!) {
    rejectDailyReport(id: $id, reason: $reason) { id status rejectionReason rejectedAt }
  }
`;
const VERIFY_DEPOSIT = gql`
  mutation VerifyDeposit($id: ID!, $approve: Boolean!, $note: String) {
    verifyDeposit(id: $id, approve: $approve, note: $note) { id status verificationNote verifiedAt }
  }
`;

const GENERATE_BILLS = gql`
  mutation GenerateBills($period: String!) {
    generateBills(period: $period) { period dueDate created existing createdPrincipal }
  }
`;
const REVERSE_PAYMENT = gql`
  mutation ReversePayment($id: ID!, $reason: String!) {
    reversePayment(id: $id, reason: $reason) { id reversed reversedAt reversalReason }
  }
`;
const STATEMENT_FIELDS = `id accountNo fileName fileDigest status lineCount linesImported matchedCount matchedAmount unmatchedCount unmatchedAmount`;
const IMPORT_STATEMENT = gql`
  mutation ImportBankStatement($accountNo: String!, $fileName: String!, $csv: String!) {
    importBankStatement(accountNo: $accountNo, fileName: $fileName, csv: $csv) { ${STATEMENT_FIELDS} }
  }
`;
const RECONCILE_STATEMENT = gql`
  mutation ReconcileBankStatement($id: ID!) {
    reconcileBankStatement(id: $id) { ${STATEMENT_FIELDS} }
  }
`;
const SIDE_FIELDS = "matchedCount matchedAmount unmatchedCount unmatchedAmount";
const RECONCILIATION_REPORT = gql`
  query ReconciliationReport($from: LocalDate!, $to: LocalDate!) {
    reconciliationReport(from: $from, to: $to) {
      from to statementLines { ${SIDE_FIELDS} } payments { ${SIDE_FIELDS} } deposits { ${SIDE_FIELDS} }
    }
  }
`;

/** What one `generateBills` call did. */
export interface BillRun {
  period: string;
  dueDate: string;
  created: number;
  existing: number;
  createdPrincipal: number;
}

export interface StatementSummary {
  id: string;
  accountNo: string;
  fileName: string;
  fileDigest: string;
  status: "IMPORTING" | "COMPLETED";
  lineCount: number;
  linesImported: number;
  matchedCount: number;
  matchedAmount: number;
  unmatchedCount: number;
  unmatchedAmount: number;
}

export interface ReconciliationSide {
  matchedCount: number;
  matchedAmount: number;
  unmatchedCount: number;
  unmatchedAmount: number;
}

export interface ReconciliationReport {
  from: string;
  to: string;
  statementLines: ReconciliationSide;
  payments: ReconciliationSide;
  deposits: ReconciliationSide;
}

/** The workflow mutations and reports that are not react-admin CRUD. */
export interface WorkflowMethods {
  rejectDailyReport(id: string, reason: string): Promise<unknown>;
  verifyDeposit(id: string, approve: boolean, note: string | null): Promise<unknown>;
  generateBills(period: string): Promise<BillRun>;
  reversePayment(id: string, reason: string): Promise<unknown>;
  importBankStatement(accountNo: string, fileName: string, csv: string): Promise<StatementSummary>;
  reconcileBankStatement(id: string): Promise<StatementSummary>;
  reconciliationReport(from: string, to: string): Promise<ReconciliationReport>;
}

export const dataProvider: DataProvider & WorkflowMethods = {
  ...baseDataProvider,
  getList: withErrors(baseDataProvider.getList),
  getOne: withErrors(baseDataProvider.getOne),
  getMany: withErrors(baseDataProvider.getMany),
  getManyReference: withErrors(baseDataProvider.getManyReference),
  create: withErrors(baseDataProvider.create),
  update: withErrors(baseDataProvider.update),
  updateMany: withErrors(baseDataProvider.updateMany),
  delete: withErrors(baseDataProvider.delete),
  deleteMany: withErrors(baseDataProvider.deleteMany),
  rejectDailyReport: withErrors((id: string, reason: string) => apolloClient.mutate({ mutation: REJECT_REPORT, variables: { id, reason } })),
  verifyDeposit: withErrors((id: string, approve: boolean, note: string | null) =>
    apolloClient.mutate({ mutation: VERIFY_DEPOSIT, variables: { id, approve, note } }),
  ),
  generateBills: withErrors(async (period: string) => {
    const result = await apolloClient.mutate<{ generateBills: BillRun }>({ mutation: GENERATE_BILLS, variables: { period } });
    return result.data!.generateBills;
  }),
  reversePayment: withErrors((id: string, reason: string) =>
    apolloClient.mutate({ mutation: REVERSE_PAYMENT, variables: { id, reason } }),
  ),
  importBankStatement: withErrors(async (accountNo: string, fileName: string, csv: string) => {
    const result = await apolloClient.mutate<{ importBankStatement: StatementSummary }>({
      mutation: IMPORT_STATEMENT,
      variables: { accountNo, fileName, csv },
    });
    return result.data!.importBankStatement;
  }),
  reconcileBankStatement: withErrors(async (id: string) => {
    const result = await apolloClient.mutate<{ reconcileBankStatement: StatementSummary }>({ mutation: RECONCILE_STATEMENT, variables: { id } });
    return result.data!.reconcileBankStatement;
  }),
  reconciliationReport: withErrors(async (from: string, to: string) => {
    const result = await apolloClient.query<{ reconciliationReport: ReconciliationReport }>({
      query: RECONCILIATION_REPORT,
      variables: { from, to },
    });
    return result.data.reconciliationReport;
  }),
};
