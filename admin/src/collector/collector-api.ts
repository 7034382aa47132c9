import { GraphQLRequestError, authenticatedGraphQL } from "../providers/session";
import type { CollectionSheet } from "./collection-sheet";

export type { CollectionSheet, SheetBook, SheetStall } from "./collection-sheet";

export interface MarketChoice {
  id: string;
  name: string;
}

export interface DailyReportInput {
  clientId: string;
  marketId: string;
  businessDate: string;
  receipts: Array<{ stallId: string; ticketNo: string; amount: number; collectedAt: string | null }>;
}

export interface DepositInput {
  clientId: string;
  reportIds: string[];
  amount: number;
  depositedAt: string;
  stsNumber: string;
  bankReference: string | null;
}

const SHEET = `
  query CollectionSheet($marketId: ID!, $businessDate: LocalDate!) {
    collectionSheet(marketId: $marketId, businessDate: $businessDate) {
      marketId businessDate market { name } reportedTotal reportedReceipts
      stalls { stallId code block kind occupied traderName amount }
      books { bookId series firstNumber lastNumber faceValue nextNumber remaining }
      undepositedReports { id businessDate total receiptCount }
    }
  }
`;

const MARKETS = `
  query CollectorMarkets($ids: [ID!]) {
    allMarkets(filter: { ids: $ids }, perPage: 100, sortField: "name", sortOrder: "ASC") { id name }
  }
`;

const SUBMIT = `
  mutation SubmitDailyReport($input: DailyReportInput!) {
    submitDailyReport(input: $input) { id }
  }
`;

const DEPOSIT = `
  mutation RecordDeposit($input: DepositInput!) {
    recordDeposit(input: $input) { id }
  }
`;

export async function fetchSheet(marketId: string, businessDate: string): Promise<CollectionSheet> {
  const data = await authenticatedGraphQL<{ collectionSheet: CollectionSheet }>(SHEET, { marketId, businessDate });
  return data.collectionSheet;
}

export async function fetchMarkets(ids: readonly string[]): Promise<MarketChoice[]> {
  if (ids.length === 0) return [];
  const data = await authenticatedGraphQL<{ allMarkets: MarketChoice[] }>(MARKETS, { ids });
  return data.allMarkets;
}

export async function sendReport(input: DailyReportInput): Promise<string> {
  return (await authenticatedGraphQL<{ submitDailyReport: { id: string } }>(SUBMIT, { input })).submitDailyReport.id;
}

export async function sendDeposit(input: DepositInput): Promise<string> {
  return (await authenticatedGraphQL<{ recordDeposit: { id: string } }>(DEPOSIT, { input })).recordDeposit.id;
}

/** The server read the request and said no: sending it again would get the same answer. */
const REFUSALS = ["BAD_USER_INPUT", "CONFLICT", "FORBIDDEN", "NOT_FOUND"];

export type SendFailure =
  | { kind: "offline" }
  | { kind: "signed-out" }
  | { kind: "refused"; code: string; message: string; fields: Record<string, string> };

/**
 * What a failed call means for the outbox: no connection (or a server error) keeps the entry for
 * later; a refusal is shown to the collector; a lost session waits for them to sign in again.
 */
export function classifyFailure(error: unknown): SendFailure {
  if (error instanceof GraphQLRequestError) {
    const code = error.code ?? "";
    if (code === "UNAUTHENTICATED") return { kind: "signed-out" };
    if (REFUSALS.includes(code)) {
      const raw = error.errors[0]?.extensions?.fields;
      const fields: Record<string, string> = {};
      if (raw && typeof raw === "object" && !Array.isArray(raw)) {
        for (const [path, problem] of Object.entries(raw as Record<string, unknown>)) fields[path] = String(problem);
      }
      return { kind: "refused", code, message: error.message, fields };
    }
    return { kind: "offline" };
  }
  // fetch failing (TypeError), a proxy's error page (HttpStatusError): the request may not have
  // arrived; the same clientId makes sending it again safe.
  return { kind: "offline" };
}
