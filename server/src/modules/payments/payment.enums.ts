import { registerEnumType } from "type-graphql";

export enum BillStatus {
  UNPAID = "UNPAID",
  PAID = "PAID",
  CANCELLED = "CANCELLED",
}

registerEnumType(BillStatus, { name: "BillStatus", description: "SKRD state: a paid bill stays paid unless its payment is reversed." });
