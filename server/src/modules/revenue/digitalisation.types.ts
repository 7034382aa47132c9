import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { SafeInt } from "../../graphql/scalars";

@ObjectType({
  description:
    "How far one market's revenue went digital in one month (Smart Traditional Market): digital channels are QRIS, virtual account and autodebit; cash is the collectors' verified deposits; teller and EDC payments are neither.",
  simpleResolvers: true,
})
export class MarketDigitalisation {
  @Field(() => ID) marketId: string;
  @Field() marketName: string;
  @Field({ description: "YYYY-MM." }) period: string;
  @Field(() => SafeInt, { description: "deposited + paidOnline, as revenueReport." }) realised: number;
  @Field(() => SafeInt, { description: "Verified cash deposits (revenueReport's deposited)." }) cash: number;
  @Field(() => SafeInt, { description: "Matched, unreversed payments by QRIS, virtual account or autodebit." }) digital: number;
  @Field(() => SafeInt, { description: "Matched, unreversed payments at a bank teller or EDC terminal." }) otherNonCash: number;
  @Field(() => Float, { description: "digital / realised; 0 without realised revenue." }) digitalShare: number;
  @Field(() => Int, { description: "Digital payments counted in `digital`." }) digitalPayments: number;
  @Field(() => Int, { description: "Traders who paid at all: a karcis on their stall (non-rejected report) or a matched payment." }) payers: number;
  @Field(() => Int, { description: "Traders who paid digitally at least once." }) digitalPayers: number;
  @Field(() => Float, { description: "digitalPayers / payers; 0 without payers." }) digitalPayerShare: number;
}
