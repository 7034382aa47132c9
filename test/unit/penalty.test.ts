import { addMonths, dueDateOf, monthsLate, penaltyOf } from "../../server/src/modules/payments/penalty";

const RULE = { percentPerMonth: 1, maxMonths: 24 };

describe("SKRD late-payment interest", () => {
  it.each([
    ["2026-12-15", "2026-12-14", 0],
    ["2026-12-15", "2026-12-15", 0],
    ["2026-12-15", "2026-12-16", 1],
    ["2026-12-15", "2027-01-15", 1],
    ["2026-12-15", "2027-01-16", 2],
    ["2027-01-31", "2027-02-28", 1],
    ["2027-01-31", "2027-03-01", 2],
    ["2027-11-30", "2028-02-29", 3],
  ])("a bill due %s is, on %s, %i started months late", (due, asOf, months) => {
    expect(monthsLate(due, asOf)).toBe(months);
  });

  it("counts 1 % of the principal per started month, rounded down to whole rupiah", () => {
    expect(penaltyOf(150_001, "2026-12-15", "2026-12-16", RULE)).toEqual({ months: 1, penalty: 1_500 });
    expect(penaltyOf(150_000, "2026-12-15", "2027-02-16", RULE)).toEqual({ months: 3, penalty: 4_500 });
    expect(penaltyOf(150_000, "2026-12-15", "2026-12-15", RULE)).toEqual({ months: 0, penalty: 0 });
  });

  it("stops at the cap: 24 months at most", () => {
    expect(penaltyOf(100_000, "2026-12-15", "2028-12-15", RULE)).toEqual({ months: 24, penalty: 24_000 });
    expect(penaltyOf(100_000, "2026-12-15", "2028-12-16", RULE)).toEqual({ months: 24, penalty: 24_000 });
    expect(penaltyOf(100_000, "2026-12-15", "2035-01-01", RULE)).toEqual({ months: 24, penalty: 24_000 });
    expect(penaltyOf(100_000, "2026-12-15", "2028-11-16", RULE)).toEqual({ months: 24, penalty: 24_000 });
    expect(penaltyOf(100_000, "2026-12-15", "2028-11-15", RULE)).toEqual({ months: 23, penalty: 23_000 });
  });

  it("clamps month arithmetic to the month's length", () => {
    expect(addMonths("2027-01-31", 1)).toBe("2027-02-28");
    expect(addMonths("2028-01-31", 1)).toBe("2028-02-29");
    expect(addMonths("2026-11-30", 14)).toBe("2028-01-30");
    expect(dueDateOf("2026-12", 15)).toBe("2027-01-15");
    expect(dueDateOf("2027-01", 31)).toBe("2027-02-28");
  });
});
