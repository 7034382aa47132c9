import { Field, InputType, Int, ObjectType, ID } from "type-graphql";
import { LocalDate, SafeInt } from "../../graphql/scalars";
import { BillStatus } from "./payment.enums";

@ObjectType({ description: "What one generateBills call did." })
export class BillRun {
  @Field({ description: "The month billed, YYYY-MM." }) period: string;
  @Field(() => LocalDate) dueDate: string;
  @Field(() => Int, { description: "Bills created by this run." }) created: number;
  @Field(() => Int, { description: "Bills of this month that already existed and were left as they were." }) existing: number;
  @Field(() => SafeInt, { description: "Sum of the principal of the bills created, in rupiah." }) createdPrincipal: number;
}

@InputType()
export class BillFilter {
  @Field({ nullable: true, description: "Matches bill number and payment code." }) q?: string;
  @Field(() => [ID], { nullable: true }) ids?: string[];
  @Field(() => ID, { nullable: true }) marketId?: string;
  @Field(() => ID, { nullable: true }) stallId?: string;
  @Field(() => ID, { nullable: true }) traderId?: string;
  @Field({ nullable: true }) period?: string;
  @Field({ nullable: true }) period_gte?: string;
  @Field({ nullable: true }) period_lte?: string;
  @Field(() => BillStatus, { nullable: true }) status?: BillStatus;
  @Field(() => LocalDate, { nullable: true }) dueDate_gte?: string;
  @Field(() => LocalDate, { nullable: true }) dueDate_lte?: string;
}
