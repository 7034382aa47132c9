import { gql } from "@apollo/client";
import { apolloClient, graphQLErrorsOf } from "../providers/dataProvider";
import { trendGrouping, type DashboardPeriod } from "./period";

export interface RevenueTotal {
  period: string | null;
  markets: number;
  potential: number;
  target: number;
  collected: number;
  paidOnline: number;
  deposited: number;
  realised: number;
  leakage: number;
  leakageRate: number;
}

export interface MarketRevenue {
  marketId: string;
  marketName: string;
  potential: number;
  realised: number;
  leakage: number;
  leakageRate: number;
}

export interface SeverityCount {
  severity: "CRITICAL" | "HIGH" | "MEDIUM" | "LOW";
  open: number;
  openAmountAtRisk: number;
}

export interface DashboardData {
  total: RevenueTotal | null;
  trend: RevenueTotal[];
  markets: MarketRevenue[];
  severities: SeverityCount[];
  pendingDeposits: number;
}

/** The fields of a RevenueTotal the monitoring pages read. */
export const TOTAL_FIELDS = "period markets potential target collected paidOnline deposited realised leakage leakageRate";

/** Everything the dashboard shows, in one request: the server adds up; the page only draws. */
const DASHBOARD = gql`
  query Dashboard($from: LocalDate!, $to: LocalDate!, $trendBy: RevenueGrouping!) {
    total: revenueTotals(from: $from, to: $to, groupBy: MARKET) { ${TOTAL_FIELDS} }
    trend: revenueTotals(from: $from, to: $to, groupBy: $trendBy) { ${TOTAL_FIELDS} }
    markets: revenueReport(from: $from, to: $to, groupBy: MARKET) { marketId marketName potential deposited paidOnline leakage leakageRate }
    severities: anomalySeverityCounts(from: $from, to: $to) { severity open openAmountAtRisk }
    pendingDeposits: _allDepositsMeta(filter: { status: PENDING }) { count }
  }
`;

interface DashboardResult {
  total: RevenueTotal[];
  trend: RevenueTotal[];
  markets: Array<Omit<MarketRevenue, "realised"> & { deposited: number; paidOnline: number }>;
  severities: SeverityCount[];
  pendingDeposits: { count: number };
}

/** The server's message, for the page's error banner. */
export class DashboardError extends Error {
  constructor(message: string, readonly code: string | undefined) {
    super(message);
    this.name = "DashboardError";
  }
}

export async function fetchDashboard(period: DashboardPeriod): Promise<DashboardData> {
  try {
    const { data } = await apolloClient.query<DashboardResult>({
      query: DASHBOARD,
      variables: { from: period.from, to: period.to, trendBy: trendGrouping(period) },
      // Figures move with every report and verification: always ask the server.
      fetchPolicy: "network-only",
    });
    return {
      total: data.total[0] ?? null,
      trend: data.trend,
      markets: data.markets
        .map(({ deposited, paidOnline, ...m }) => ({ ...m, realised: deposited + paidOnline }))
        .sort((a, b) => b.leakage - a.leakage || a.marketName.localeCompare(b.marketName)),
      severities: data.severities,
      pendingDeposits: data.pendingDeposits.count,
    };
  } catch (error) {
    const [first] = graphQLErrorsOf(error);
    if (!first) throw error;
    throw new DashboardError(first.message, first.extensions?.code);
  }
}
