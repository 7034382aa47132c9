import { addWorkingDays, isWorkingDay } from "../../server/src/common/working-days";

describe("working days", () => {
  it("skip weekends: Friday + 1 is Monday, Thursday + 1 is Friday", () => {
    expect(addWorkingDays("2026-11-19", 1)).toBe("2026-11-20");
    expect(addWorkingDays("2026-11-20", 1)).toBe("2026-11-23");
    expect(addWorkingDays("2026-11-21", 1)).toBe("2026-11-23");
    expect(addWorkingDays("2026-11-20", 3)).toBe("2026-11-25");
  });

  it("skip holidays: with Christmas and cuti bersama off, 24 December + 1 is 28 December", () => {
    const holidays = new Set(["2026-12-25", "2026-12-24"]);
    expect(isWorkingDay("2026-12-25", holidays)).toBe(false);
    expect(addWorkingDays("2026-12-23", 1, holidays)).toBe("2026-12-28");
    expect(addWorkingDays("2026-12-23", 1)).toBe("2026-12-24");
  });
});
