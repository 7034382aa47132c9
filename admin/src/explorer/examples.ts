/** Saved example queries for auditors and officers: each one answers a question they ask of the data. */
export interface ExampleQuery {
  /** Message key of its title. */
  id: string;
  query: string;
  variables?: Record<string, unknown>;
}

export function exampleQueries(today: string): ExampleQuery[] {
  const monthStart = `${today.slice(0, 7)}-01`;
  const yearStart = `${today.slice(0, 4)}-01-01`;
  return [
    {
      id: "severity_counts",
      query: `# Open findings per severity over a period
query OpenFindings($from: LocalDate!, $to: LocalDate!) {
  anomalySeverityCounts(from: $from, to: $to) {
    severity
    open
    openAmountAtRisk
  }
}`,
      variables: { from: yearStart, to: today },
    },
    {
      id: "largest_findings",
      query: `# The open findings with the most money at risk, with their evidence
query LargestFindings {
  allAnomalies(filter: { status: OPEN }, sortField: "amountAtRisk", sortOrder: "DESC", perPage: 20) {
    id
    rule
    severity
    businessDate
    amountAtRisk
    summaryEn
    evidence
    market { name }
  }
}`,
    },
    {
      id: "leakage_by_market",
      query: `# Potential, what reached the treasury and leakage per market this month
query LeakageByMarket($from: LocalDate!, $to: LocalDate!) {
  revenueReport(from: $from, to: $to, groupBy: MARKET) {
    marketName
    potential
    target
    collected
    deposited
    paidOnline
    leakage
    leakageRate
  }
}`,
      variables: { from: monthStart, to: today },
    },
    {
      id: "pending_deposits",
      query: `# Deposits still awaiting the treasurer's verification, oldest first
query PendingDeposits {
  allDeposits(filter: { status: PENDING }, sortField: "depositedAt", sortOrder: "ASC", perPage: 50) {
    stsNumber
    depositedAt
    amount
    reportsTotal
    market { name }
    collector { displayName }
  }
  _allDepositsMeta(filter: { status: PENDING }) { count }
}`,
    },
    {
      id: "unmatched_payments",
      query: `# Online payments whose payment code matches no bill
query UnmatchedPayments {
  allPayments(filter: { matchStatus: UNKNOWN_CODE }, sortField: "paidAt", sortOrder: "DESC", perPage: 50) {
    channel
    externalRef
    amount
    paidAt
    payerName
  }
}`,
    },
    {
      id: "complaint_performance",
      query: `# SP4N-LAPOR! follow-up per agency this year, lagging agencies first
query ComplaintPerformance($from: LocalDate!, $to: LocalDate!) {
  complaintPerformance(from: $from, to: $to) {
    agencyId
    received
    verifiedOnTime
    followedUpOnTime
    overdueNow
    medianDaysToResolve
    followUpRate
  }
}`,
      variables: { from: yearStart, to: today },
    },
  ];
}
