import { addDays, isValidLocalDate, localDateOf } from "../../server/src/common/local-date";
import { isActiveOn, periodsOverlap } from "../../server/src/common/periods";

describe("validity periods", () => {
  it("overlap when they share at least one day, open ends running forever", () => {
    expect(periodsOverlap({ validFrom: "2024-01-01", validTo: "2024-01-31" }, { validFrom: "2024-01-31", validTo: null })).toBe(true);
    expect(periodsOverlap({ validFrom: "2024-01-01", validTo: "2024-01-30" }, { validFrom: "2024-01-31", validTo: null })).toBe(false);
    expect(periodsOverlap({ validFrom: "2024-01-01", validTo: null }, { validFrom: "2030-01-01", validTo: "2030-01-01" })).toBe(true);
  });

  it("are active on their first and last day", () => {
    const p = { validFrom: "2024-02-01", validTo: "2024-02-29" };
    expect([isActiveOn(p, "2024-01-31"), isActiveOn(p, "2024-02-01"), isActiveOn(p, "2024-02-29"), isActiveOn(p, "2024-03-01")]).toEqual([false, true, true, false]);
  });
});

describe("business dates in Asia/Jakarta", () => {
  it("roll over at midnight Jakarta time, not UTC", () => {
    expect(localDateOf(new Date("2024-03-31T16:59:59Z"))).toBe("2024-03-31");
    expect(localDateOf(new Date("2024-03-31T17:00:00Z"))).toBe("2024-04-01");
  });

  it("validate calendar days and add days across month ends", () => {
    expect(isValidLocalDate("2024-02-29")).toBe(true);
    expect(isValidLocalDate("2023-02-29")).toBe(false);
    expect(addDays("2024-02-28", 2)).toBe("2024-03-01");
  });
});
