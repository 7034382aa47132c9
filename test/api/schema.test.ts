import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { buildAppSchema, printSortedSchema } from "../../server/src/graphql/schema";

describe("schema/schema.graphql", () => {
  it("matches the schema built from the code (run `npm run schema` after changing the API)", async () => {
    const checkedIn = readFileSync(resolve(__dirname, "../../schema/schema.graphql"), "utf8");
    expect(printSortedSchema(await buildAppSchema())).toBe(checkedIn);
  });

  it("keeps the contract names clients rely on", async () => {
    const sdl = printSortedSchema(await buildAppSchema());
    for (const name of ["Market", "Stall", "Trader", "StallPermit", "Tariff", "CollectorAssignment", "TicketBook", "RevenueTarget", "User"]) {
      for (const op of [`${name}(id: ID!)`, `all${name}s(`, `_all${name}sMeta(`, `create${name}(`, `update${name}(`, `delete${name}(id: ID!)`]) {
        expect(sdl).toContain(op);
      }
    }
    for (const name of ["DailyReport", "Receipt", "Deposit"]) {
      for (const op of [`${name}(id: ID!)`, `all${name}s(`, `_all${name}sMeta(`]) expect(sdl).toContain(op);
    }
    expect(sdl).toContain("submitDailyReport(input: DailyReportInput!): DailyReport!");
    expect(sdl).toContain("rejectDailyReport(id: ID!, reason: String!): DailyReport!");
    expect(sdl).toContain("recordDeposit(input: DepositInput!): Deposit!");
    expect(sdl).toContain("verifyDeposit(approve: Boolean!, id: ID!, note: String): Deposit!");
    expect(sdl).toContain("revenueReport(from: LocalDate!, groupBy: RevenueGrouping!, marketIds: [ID!], to: LocalDate!): [RevenueRow!]!");
    expect(sdl).toMatch(/enum RevenueGrouping \{\s+DAY\s+MARKET\s+MONTH\s+\}/);
    for (const field of ["potential: SafeInt!", "target: SafeInt!", "collected: SafeInt!", "paidOnline: SafeInt!", "deposited: SafeInt!",
      "undeposited: SafeInt!", "uncollected: SafeInt!", "leakage: SafeInt!", "leakageRate: Float!", "period: String", "marketName: String!"]) {
      expect(sdl).toContain(field);
    }
    expect(sdl).toContain("login(password: String!, username: String!): AuthPayload!");
    expect(sdl).toContain("refreshToken(token: String!): AuthPayload!");
    expect(sdl).toContain("logout(refreshToken: String!): Boolean!");
    expect(sdl).toMatch(/enum Role \{\s+ADMIN\s+AGENCY_EDITOR\s+AUDITOR\s+COLLECTOR\s+MARKET_HEAD\s+OFFICER\s+REVENUE_OFFICER\s+TREASURER\s+\}/);
  });
});
