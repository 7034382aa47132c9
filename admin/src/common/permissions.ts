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

export const canReadMarketData = (role: unknown): boolean => MARKET_READERS.includes(role as Role);
export const canWriteMasterData = (role: unknown): boolean => MASTER_DATA_WRITERS.includes(role as Role);
export const canReadUsers = (role: unknown): boolean => USER_READERS.includes(role as Role);

export function useRole(): Role | undefined {
  const { permissions } = usePermissions<Role | undefined>();
  return permissions;
}

export const useCanWrite = (): boolean => canWriteMasterData(useRole());
export const useCanReadUsers = (): boolean => canReadUsers(useRole());

export const useCanRejectReports = (): boolean => REPORT_REJECTERS.includes(useRole() as Role);
export const useCanVerifyDeposits = (): boolean => DEPOSIT_VERIFIERS.includes(useRole() as Role);
