import { gql } from "@apollo/client";
import { queryFresh } from "../providers/dataProvider";
import { TOTAL_FIELDS, type RevenueTotal } from "../dashboard/dashboard-api";
import { trendGrouping, type DashboardPeriod } from "../dashboard/period";

export interface StallOccupancy {
  kind: string;
  stalls: number;
  occupied: number;
  vacant: number;
}

export interface CollectorYield {
  collectorId: string;
  collectorName: string;
  reports: number;
  receipts: number;
  collected: number;
  perTicket: number;
  rejectedReports: number;
}

export interface RecentReport {
  id: string;
  businessDate: string;
  status: string;
  receiptCount: number;
  total: number;
  collector: { displayName: string };
}

export interface RecentDeposit {
  id: string;
  stsNumber: string;
  depositedAt: string;
  amount: number;
  reportsTotal: number;
  status: string;
}

export interface OpenFinding {
  id: string;
  rule: string;
  severity: string;
  businessDate: string | null;
  amountAtRisk: number;
  summaryId: string;
  summaryEn: string;
}

export interface MarketMonitorData {
  total: RevenueTotal | null;
  trend: RevenueTotal[];
  occupancy: StallOccupancy[];
  yields: CollectorYield[];
  reports: RecentReport[];
  deposits: RecentDeposit[];
  findings: OpenFinding[];
}

const RECENT = 8;

/** The market page's figures in one request: totals and trend, stalls, collectors, latest reports, deposits and open findings. */
const MARKET_MONITOR = gql`
  query MarketMonitor($marketId: ID!, $marketIds: [ID!], $from: LocalDate!, $to: LocalDate!, $trendBy: RevenueGrouping!, $recent: Int!) {
    total: revenueTotals(from: $from, to: $to, groupBy: MARKET, marketIds: $marketIds) { ${TOTAL_FIELDS} }
    trend: revenueTotals(from: $from, to: $to, groupBy: $trendBy, marketIds: $marketIds) { ${TOTAL_FIELDS} }
    occupancy: stallOccupancy(marketId: $marketId) { kind stalls occupied vacant }
    yields: collectorYields(marketId: $marketId, from: $from, to: $to) { collectorId collectorName reports receipts collected perTicket rejectedReports }
    reports: allDailyReports(filter: { marketId: $marketId }, sortField: "businessDate", sortOrder: "DESC", perPage: $recent) {
      id businessDate status receiptCount total collector { displayName }
    }
    deposits: allDeposits(filter: { marketId: $marketId }, sortField: "depositedAt", sortOrder: "DESC", perPage: $recent) {
      id stsNumber depositedAt amount reportsTotal status
    }
    findings: allAnomalies(filter: { marketId: $marketId, status: OPEN }, sortField: "amountAtRisk", sortOrder: "DESC", perPage: $recent) {
      id rule severity businessDate amountAtRisk summaryId summaryEn
    }
  }
`;

type Result = Omit<MarketMonitorData, "total"> & { total: RevenueTotal[] };

export async function fetchMarketMonitor(marketId: string, period: DashboardPeriod): Promise<MarketMonitorData> {
  const data = await queryFresh<Result>(MARKET_MONITOR, {
    marketId, marketIds: [marketId], from: period.from, to: period.to, trendBy: trendGrouping(period), recent: RECENT,
  });
  return { ...data, total: data.total[0] ?? null };
}
