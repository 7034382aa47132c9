import type { SheetBook } from "./collection-sheet";

export interface UsedTicket {
  series: string;
  number: number;
}

/** As printed on the karcis and as the server reads it: "PBC-A 000123". */
export const formatTicket = (series: string, number: number): string => `${series} ${String(number).padStart(6, "0")}`;

/**
 * The karcis to hand out next: the sheet's next number of the first book not used up, moved past
 * any number this device already used (a draft or a report the server has not yet counted).
 */
export function nextTicket(books: readonly SheetBook[], used: readonly UsedTicket[]): { book: SheetBook; number: number } | null {
  for (const book of books) {
    if (book.nextNumber === null) continue;
    let number = book.nextNumber;
    for (const t of used) {
      if (t.series === book.series && t.number >= book.firstNumber && t.number <= book.lastNumber && t.number >= number) number = t.number + 1;
    }
    if (number <= book.lastNumber) return { book, number };
  }
  return null;
}

/** The collector's book a number belongs to, or null when it is in none of them. */
export const bookOf = (books: readonly SheetBook[], series: string, number: number): SheetBook | null =>
  books.find((b) => b.series === series && number >= b.firstNumber && number <= b.lastNumber) ?? null;
