import { Field, Float, ID, ObjectType, registerEnumType } from "type-graphql";
import { SafeInt } from "../../graphql/scalars";

export enum RevenueGrouping {
  MARKET = "MARKET",
  DAY = "DAY",
  MONTH = "MONTH",
}
registerEnumType(RevenueGrouping, {
  name: "RevenueGrouping",
  description: "MARKET: one row per market for the whole range; DAY/MONTH: one row per market per day/month.",
});

@ObjectType({ description: "Revenue and leakage of one market for one period, in rupiah.", simpleResolvers: true })
export class RevenueRow {
  @Field(() => ID) marketId: string;
  @Field() marketName: string;
  @Field(() => String, { nullable: true, description: "YYYY-MM-DD, YYYY-MM, or null when grouped by market." })
  period: string | null;
  @Field(() => SafeInt, { description: "What occupied stalls owe at tariff (potensi)." }) potential: number;
  @Field(() => SafeInt, { description: "The market's yearly target spread evenly over the days of the year." }) target: number;
  @Field(() => SafeInt, { description: "Receipts of reports that are not rejected." }) collected: number;
  @Field(() => SafeInt, { description: "Settled online payments." }) paidOnline: number;
  @Field(() => SafeInt, { description: "Verified deposits, on the business days of the reports they cover." }) deposited: number;
  @Field(() => SafeInt, { description: "collected - deposited." }) undeposited: number;
  @Field(() => SafeInt, { description: "max(potential - collected - paidOnline, 0)." }) uncollected: number;
  @Field(() => SafeInt, { description: "max(potential - deposited - paidOnline, 0): potential that did not reach the treasury." })
  leakage: number;
  @Field(() => Float, { description: "leakage / potential; 0 when there is no potential." }) leakageRate: number;
}
