import { Field, ID, Int, ObjectType } from "type-graphql";
import { LocalDate, SafeInt } from "../../graphql/scalars";
import { StallKind, TariffBasis } from "../markets/market.enums";
import { DailyReport } from "./daily-report.entity";

// The field names and descriptions are a contract with the collector's phone, which keeps the sheet
// to work offline: change them only together with the front-end.

@ObjectType({ description: "A stall as the collector meets it on the day, with what one karcis costs there." })
export class CollectionSheetStall {
  @Field(() => ID) stallId: number;
  @Field() code: string;
  @Field(() => String, { nullable: true }) block: string | null;
  @Field(() => StallKind) kind: StallKind;
  @Field({ description: "A permit is valid on the day." }) occupied: boolean;
  @Field(() => String, { nullable: true, description: "Trader of the permit valid on the day." }) traderName: string | null;
  @Field(() => SafeInt, {
    nullable: true,
    description: "One karcis at the tariff valid on the day for the market's class and the stall's kind (per m² per day rounds half up per stall: (amount*area_dm2+50) div 100; per unit per day is the amount); null when no tariff applies or the tariff is monthly.",
  })
  amount: number | null;
  @Field(() => TariffBasis, { nullable: true }) basis: TariffBasis | null;
}

@ObjectType({ description: "A ticket book the collector still holds, and where selling goes on in it." })
export class CollectionSheetBook {
  @Field(() => ID) bookId: number;
  @Field() series: string;
  @Field(() => Int) firstNumber: number;
  @Field(() => Int) lastNumber: number;
  @Field(() => SafeInt) faceValue: number;
  @Field(() => Int, {
    nullable: true,
    description: "The number after the highest one reported from this book (receipts of this series with number between first and last, in any report including rejected ones — a sold ticket number is never reused), skipping numbers inside the book's ticket returns (ticket_return rows); firstNumber when nothing is reported; null when the book is used up.",
  })
  nextNumber: number | null;
  @Field(() => Int, { description: "How many numbers from nextNumber to lastNumber are still unsold and not returned (0 when used up)." })
  remaining: number;
}

@ObjectType({ description: "What a collector's phone needs to record a day's receipts at a market, also offline." })
export class CollectionSheet {
  @Field(() => ID) marketId: number;
  @Field(() => LocalDate) businessDate: string;
  @Field(() => ID) collectorId: number;
  @Field(() => [CollectionSheetStall], { description: "Active stalls of the market, ordered by code." })
  stalls: CollectionSheetStall[];
  @Field(() => [CollectionSheetBook], {
    description: "The collector's books at this market that are not returned (returnedAt null) and were issued on or before the day's end, in issue order (issuedAt, then id).",
  })
  books: CollectionSheetBook[];
  @Field(() => SafeInt, { description: "Rupiah in this collector's SUBMITTED (not rejected) reports for this market and day." })
  reportedTotal: number;
  @Field(() => Int) reportedReceipts: number;
  @Field(() => [DailyReport], {
    description: "This collector's SUBMITTED reports at this market not covered by a deposit that is not rejected, newest business date first.",
  })
  undepositedReports: DailyReport[];
}
