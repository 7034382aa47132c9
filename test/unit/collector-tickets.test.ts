import type { SheetBook } from "../../admin/src/collector/collection-sheet";
import { bookOf, formatTicket, nextTicket } from "../../admin/src/collector/tickets";

const book = (series: string, first: number, last: number, next: number | null): SheetBook => ({
  bookId: `${series}-${first}`, series, firstNumber: first, lastNumber: last, faceValue: 2000, nextNumber: next,
  remaining: next === null ? 0 : last - next + 1,
});

describe("the next karcis on a collector's phone", () => {
  const books = [book("PBC-A", 1, 1000, null), book("PBC-A", 1001, 2000, 1990), book("PBC-A", 2001, 3000, 2001)];

  it("is the sheet's next number of the first book not used up", () => {
    expect(nextTicket(books, [])).toEqual({ book: books[1], number: 1990 });
  });

  it("moves past numbers this device used that the server has not counted yet", () => {
    expect(nextTicket(books, [{ series: "PBC-A", number: 1990 }, { series: "PBC-A", number: 1994 }])!.number).toBe(1995);
  });

  it("ignores numbers below the sheet's, of another series, or of another book", () => {
    const used = [{ series: "PBC-A", number: 1500 }, { series: "PIC-A", number: 1999 }, { series: "PBC-A", number: 2500 }];
    expect(nextTicket(books, used)!.number).toBe(1990);
  });

  it("goes on in the next book when the current one is used up on the device", () => {
    expect(nextTicket(books, [{ series: "PBC-A", number: 2000 }])).toEqual({ book: books[2], number: 2001 });
  });

  it("is none when every book is used up", () => {
    expect(nextTicket([book("PBC-A", 1, 10, 10)], [{ series: "PBC-A", number: 10 }])).toBeNull();
  });

  it("finds the book a typed number belongs to, and prints it as the server reads it", () => {
    expect(bookOf(books, "PBC-A", 2345)).toBe(books[2]);
    expect(bookOf(books, "PBC-A", 3001)).toBeNull();
    expect(formatTicket("PBC-A", 1990)).toBe("PBC-A 001990");
  });
});
