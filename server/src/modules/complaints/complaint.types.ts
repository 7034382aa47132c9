import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { Agency } from "../public-services/agency.entity";
import { ComplaintStatus } from "./complaint.enums";

@ObjectType({ description: "The statuses a complaint may move to from one status." })
export class ComplaintTransition {
  @Field(() => ComplaintStatus) from: ComplaintStatus;
  @Field(() => [ComplaintStatus]) to: ComplaintStatus[];
}

@ObjectType({ description: "One agency's handling of the complaints disposed to it that were received in the period." })
export class AgencyComplaintPerformance {
  @Field(() => ID) agencyId: number;
  @Field(() => Agency) agency: Agency;
  @Field(() => Int, { description: "Complaints received in the period and disposed to the agency." }) received: number;
  @Field(() => Int, { description: "Of those, verified (screened) by the end of their verification due day." }) verifiedOnTime: number;
  @Field(() => Int, { description: "With a follow-up entry after disposition." }) followedUp: number;
  @Field(() => Int, { description: "Whose first follow-up came by the end of its due day." }) followedUpOnTime: number;
  @Field(() => Int, { description: "Resolved (at any time)." }) resolved: number;
  @Field(() => Int, { description: "Resolved by the end of their resolution due day." }) resolvedOnTime: number;
  @Field(() => Int, { description: "With some deadline passed and its step not done, now." }) overdueNow: number;
  @Field(() => Float, { nullable: true, description: "Median of the calendar days (Asia/Jakarta) from receipt to resolution over the resolved ones; null when none is." })
  medianDaysToResolve: number | null;
  @Field(() => Float, { description: "followedUp / received (0 to 1)." }) followUpRate: number;
}
