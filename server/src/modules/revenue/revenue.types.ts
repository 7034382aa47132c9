import { Field, Float, ID, Int, ObjectType, registerEnumType } from "type-graphql";
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

@ObjectType({
  description:
    "The markets' figures added up for one period, in rupiah. Leakage and uncollected are the sums of each market's (a surplus in one market does not hide leakage in another).",
  simpleResolvers: true,
})
export class RevenueTotal {
  @Field(() => String, { nullable: true, description: "YYYY-MM-DD, YYYY-MM, or null for the whole range (groupBy MARKET)." })
  period: string | null;
  @Field(() => Int, { description: "How many markets are added up." }) markets: number;
  @Field(() => SafeInt) potential: number;
  @Field(() => SafeInt) target: number;
  @Field(() => SafeInt) collected: number;
  @Field(() => SafeInt) paidOnline: number;
  @Field(() => SafeInt) deposited: number;
  @Field(() => SafeInt, { description: "deposited + paidOnline: what reached the treasury (realisasi)." }) realised: number;
  @Field(() => SafeInt) undeposited: number;
  @Field(() => SafeInt) uncollected: number;
  @Field(() => SafeInt) leakage: number;
  @Field(() => Float, { description: "leakage / potential; 0 when there is no potential." }) leakageRate: number;
}
