import { usePermissions } from "react-admin";
import type { Role } from "../providers/session";

/** Roles that work with market data (agency editors do not). */
export const MARKET_READERS: readonly Role[] = [
  "ADMIN",
  "OFFICER",
  "MARKET_HEAD",
  "COLLECTOR",
  "TREASURER",
  "REVENUE_OFFICER",
  "AUDITOR",
];
/** Roles that maintain master data (markets, stalls, traders, permits, tariffs, books, targets). */
export const MASTER_DATA_WRITERS: readonly Role[] = ["ADMIN", "OFFICER"];
/** Roles that may list users (the server decides; the admin only avoids offering what fails). */
export const USER_READERS: readonly Role[] = ["ADMIN"];

/** Roles the server lets reject a daily report, and verify or reject a deposit. */
export const REPORT_REJECTERS: readonly Role[] = ["ADMIN", "OFFICER", "MARKET_HEAD"];
export const DEPOSIT_VERIFIERS: readonly Role[] = ["ADMIN", "TREASURER"];

/** Payments module (mirrors the server's resolvers: collectors handle cash, not bills). */
export const BILL_READERS: readonly Role[] = ["ADMIN", "OFFICER", "MARKET_HEAD", "TREASURER", "REVENUE_OFFICER", "AUDITOR"];
export const BILL_ISSUERS: readonly Role[] = ["ADMIN", "OFFICER", "REVENUE_OFFICER"];
/** Bapenda records and reverses online payments. */
export const PAYMENT_KEEPERS: readonly Role[] = ["ADMIN", "REVENUE_OFFICER"];
/** The treasury account has no market: market heads and collectors do not see statements. */
export const STATEMENT_READERS: readonly Role[] = ["ADMIN", "OFFICER", "TREASURER", "REVENUE_OFFICER", "AUDITOR"];
export const STATEMENT_IMPORTERS: readonly Role[] = ["ADMIN", "TREASURER", "REVENUE_OFFICER"];

export const canReadMarketData = (role: unknown): boolean => MARKET_READERS.includes(role as Role);
/** Collector mode (`#/setor`) is the collectors' own: officers enter reports through the API on their behalf. */
export const canCollect = (role: unknown): boolean => role === "COLLECTOR";
export const canWriteMasterData = (role: unknown): boolean => MASTER_DATA_WRITERS.includes(role as Role);
export const canReadUsers = (role: unknown): boolean => USER_READERS.includes(role as Role);
export const canReadBills = (role: unknown): boolean => BILL_READERS.includes(role as Role);
export const canReadStatements = (role: unknown): boolean => STATEMENT_READERS.includes(role as Role);

export function useRole(): Role | undefined {
  const { permissions } = usePermissions<Role | undefined>();
  return permissions;
}

export const useCanWrite = (): boolean => canWriteMasterData(useRole());
export const useCanReadUsers = (): boolean => canReadUsers(useRole());

export const useCanRejectReports = (): boolean => REPORT_REJECTERS.includes(useRole() as Role);
export const useCanVerifyDeposits = (): boolean => DEPOSIT_VERIFIERS.includes(useRole() as Role);

export const useCanIssueBills = (): boolean => BILL_ISSUERS.includes(useRole() as Role);
export const useCanKeepPayments = (): boolean => PAYMENT_KEEPERS.includes(useRole() as Role);
export const useCanImportStatements = (): boolean => STATEMENT_IMPORTERS.includes(useRole() as Role);

/** Anomaly queue (mirrors anomaly.resolvers.ts): collectors and agency editors see none. */
export const ANOMALY_READERS: readonly Role[] = ["ADMIN", "OFFICER", "MARKET_HEAD", "AUDITOR", "TREASURER", "REVENUE_OFFICER"];
/** Who may run detection, and who may acknowledge, assign and resolve findings (the same three). */
export const ANOMALY_DETECTORS: readonly Role[] = ["ADMIN", "OFFICER", "AUDITOR"];
export const ANOMALY_WORKERS: readonly Role[] = ["ADMIN", "OFFICER", "AUDITOR"];

export const canReadAnomalies = (role: unknown): boolean => ANOMALY_READERS.includes(role as Role);
export const useCanRunDetection = (): boolean => ANOMALY_DETECTORS.includes(useRole() as Role);
export const useCanWorkAnomalies = (): boolean => ANOMALY_WORKERS.includes(useRole() as Role);

/** Public-service inventory (mirrors public-service.resolvers.ts): collectors and market heads see none. */
export const INVENTORY_READERS: readonly Role[] = ["ADMIN", "OFFICER", "AUDITOR", "AGENCY_EDITOR", "TREASURER", "REVENUE_OFFICER"];
/** Agencies are kept by administrators. */
export const AGENCY_WRITERS: readonly Role[] = ["ADMIN"];
/** Services and their standards: administrators, and agency editors for their own agency (the server scopes it). */
export const SERVICE_WRITERS: readonly Role[] = ["ADMIN", "AGENCY_EDITOR"];

export const canReadInventory = (role: unknown): boolean => INVENTORY_READERS.includes(role as Role);
export const canWriteAgencies = (role: unknown): boolean => AGENCY_WRITERS.includes(role as Role);
export const canWriteServices = (role: unknown): boolean => SERVICE_WRITERS.includes(role as Role);
export const useCanWriteAgencies = (): boolean => canWriteAgencies(useRole());
export const useCanWriteServices = (): boolean => canWriteServices(useRole());

/**
 * Ombudsman compliance (mirrors compliance.resolvers.ts): those who work with public services read
 * it; only administrators type in the Ombudsman's scores, targets and published averages (an agency
 * editor must not change their own agency's score). The API also lets the treasurer and Bapenda
 * read; the back-office does not offer them the screens.
 */
export const COMPLIANCE_READERS: readonly Role[] = ["ADMIN", "OFFICER", "AUDITOR", "AGENCY_EDITOR"];
export const COMPLIANCE_WRITERS: readonly Role[] = ["ADMIN"];

export const canReadCompliance = (role: unknown): boolean => COMPLIANCE_READERS.includes(role as Role);
export const canWriteCompliance = (role: unknown): boolean => COMPLIANCE_WRITERS.includes(role as Role);
export const useCanWriteCompliance = (): boolean => canWriteCompliance(useRole());

/**
 * Venues (mirrors venue.resolvers.ts): those who read the inventory read venues, counters,
 * facilities and visits; administrators write venues, facilities and visits; agency editors write
 * their own agency's counters (the server refuses the others with FORBIDDEN).
 */
export const VENUE_WRITERS: readonly Role[] = ["ADMIN"];
export const COUNTER_WRITERS: readonly Role[] = ["ADMIN", "AGENCY_EDITOR"];
export const canWriteVenues = (role: unknown): boolean => VENUE_WRITERS.includes(role as Role);
export const canWriteCounters = (role: unknown): boolean => COUNTER_WRITERS.includes(role as Role);
export const useCanWriteVenues = (): boolean => canWriteVenues(useRole());

/**
 * SP4N-LAPOR! complaints (mirrors complaint.resolvers.ts): administrators record, verify, dispose
 * and archive; agency editors read and follow up the complaints disposed to their agency; officers
 * and auditors read all. The performance report is for the same four roles (an editor: own row).
 */
export const COMPLAINT_READERS: readonly Role[] = ["ADMIN", "OFFICER", "AUDITOR", "AGENCY_EDITOR"];
export const COMPLAINT_ADMINS: readonly Role[] = ["ADMIN"];
export const FOLLOW_UP_WRITERS: readonly Role[] = ["ADMIN", "AGENCY_EDITOR"];
export const canReadComplaints = (role: unknown): boolean => COMPLAINT_READERS.includes(role as Role);
export const canAdministerComplaints = (role: unknown): boolean => COMPLAINT_ADMINS.includes(role as Role);

/** The API explorer: auditors query anomalies through GraphQL; officers, Bapenda and administrators too. */
const EXPLORER_USERS: readonly Role[] = ["AUDITOR", "OFFICER", "REVENUE_OFFICER", "ADMIN"];
export const canUseExplorer = (role: unknown): boolean => EXPLORER_USERS.includes(role as Role);
