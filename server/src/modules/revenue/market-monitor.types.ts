import { Field, ID, Int, ObjectType } from "type-graphql";
import { SafeInt } from "../../graphql/scalars";
import { StallKind } from "../markets/market.enums";

@ObjectType({ description: "A market's active stalls of one kind on a day: under a valid permit (occupied) or not (vacant)." })
export class StallOccupancy {
  @Field(() => StallKind) kind: StallKind;
  @Field(() => Int) stalls: number;
  @Field(() => Int) occupied: number;
  @Field(() => Int) vacant: number;
}

@ObjectType({ description: "What one collector brought in at a market over a period, from the daily reports that are not rejected." })
export class CollectorYield {
  @Field(() => ID) collectorId: number;
  @Field() collectorName: string;
  @Field(() => Int, { description: "Market days with a report." }) reports: number;
  @Field(() => Int) receipts: number;
  @Field(() => SafeInt) collected: number;
  @Field(() => SafeInt, { description: "collected / receipts, rounded to the rupiah; 0 without receipts." }) perTicket: number;
  @Field(() => Int, { description: "Reports of the period that were rejected (not counted above)." }) rejectedReports: number;
}
