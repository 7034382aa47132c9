import { lexicographicSortSchema, printSchema, type GraphQLSchema } from "graphql";
import { buildSchema } from "type-graphql";
import { AuthResolver } from "../modules/auth/auth.resolver";
import { UserResolver } from "../modules/auth/user.resolver";
import { ANOMALY_RESOLVERS } from "../modules/anomalies/anomaly.resolvers";
import { MARKET_RESOLVERS } from "../modules/markets/market.resolvers";
import { PAYMENT_RESOLVERS } from "../modules/payments/payment.resolvers";
import { RECEIPT_RESOLVERS } from "../modules/receipts/receipt.resolvers";
import { ReportResolver } from "../modules/reports/report.resolver";
import { PUBLIC_SERVICE_RESOLVERS } from "../modules/public-services/public-service.resolvers";
import { VENUE_RESOLVERS } from "../modules/public-services/venue.resolvers";
import { INNOVATION_RESOLVERS } from "../modules/public-services/innovation.resolvers";
import { DELIVERY_MODE_RESOLVERS } from "../modules/public-services/delivery-mode.resolvers";
import { COMPLIANCE_RESOLVERS } from "../modules/compliance/compliance.resolvers";
import { COMPLAINT_RESOLVERS } from "../modules/complaints/complaint.resolvers";
import { RevenueResolver } from "../modules/revenue/revenue.resolver";
import { authChecker } from "./auth-checker";

export async function buildAppSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [AuthResolver, UserResolver, ...MARKET_RESOLVERS, ...RECEIPT_RESOLVERS, RevenueResolver, ...PAYMENT_RESOLVERS, ...ANOMALY_RESOLVERS, ...PUBLIC_SERVICE_RESOLVERS, ...VENUE_RESOLVERS, ...INNOVATION_RESOLVERS, ...DELIVERY_MODE_RESOLVERS, ...COMPLIANCE_RESOLVERS, ...COMPLAINT_RESOLVERS, ReportResolver],
    authChecker,
    authMode: "error",
    validate: { forbidUnknownValues: false },
  });
}

/** The SDL checked in as schema/schema.graphql: sorted, so that diffs show real changes only. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
