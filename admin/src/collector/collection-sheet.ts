/** The collection sheet of `collectionSheet`: what the phone needs to fill in a day offline. */
export interface SheetStall {
  stallId: string;
  code: string;
  block: string | null;
  kind: string;
  occupied: boolean;
  traderName: string | null;
  /** One karcis at the day's tariff; null for monthly or missing tariffs. */
  amount: number | null;
}

export interface SheetBook {
  bookId: string;
  series: string;
  firstNumber: number;
  lastNumber: number;
  faceValue: number;
  nextNumber: number | null;
  remaining: number;
}

export interface UndepositedReport {
  id: string;
  businessDate: string;
  total: number;
  receiptCount: number;
}

export interface CollectionSheet {
  marketId: string;
  businessDate: string;
  market: { name: string };
  reportedTotal: number;
  reportedReceipts: number;
  stalls: SheetStall[];
  books: SheetBook[];
  undepositedReports: UndepositedReport[];
}
