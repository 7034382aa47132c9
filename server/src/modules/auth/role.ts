import { registerEnumType } from "type-graphql";

export enum Role {
  ADMIN = "ADMIN",
  OFFICER = "OFFICER",
  MARKET_HEAD = "MARKET_HEAD",
  COLLECTOR = "COLLECTOR",
  TREASURER = "TREASURER",
  REVENUE_OFFICER = "REVENUE_OFFICER",
  AUDITOR = "AUDITOR",
  AGENCY_EDITOR = "AGENCY_EDITOR",
}

registerEnumType(Role, { name: "Role", description: "What a user may do; see DESIGN.md, Roles." });

/** Roles whose market data is limited to the markets they are assigned to. */
export const MARKET_SCOPED_ROLES: readonly Role[] = [Role.COLLECTOR, Role.MARKET_HEAD];

/** Everyone who works with market data (agency editors do not). */
export const MARKET_READERS: Role[] = [
  Role.ADMIN,
  Role.OFFICER,
  Role.MARKET_HEAD,
  Role.COLLECTOR,
  Role.TREASURER,
  Role.REVENUE_OFFICER,
  Role.AUDITOR,
];

/** Who reads the anomaly queue (collectors and agency editors do not). */
export const ANOMALY_READERS: Role[] = [Role.ADMIN, Role.OFFICER, Role.MARKET_HEAD, Role.AUDITOR, Role.TREASURER, Role.REVENUE_OFFICER];

/** Who keeps market master data. */
export const MASTER_DATA_WRITERS: Role[] = [Role.ADMIN, Role.OFFICER];
