import { loadConfig } from "../../server/src/config";
import { monthsStartingIn } from "../../server/src/modules/anomalies/rules/monthly";
import { msUntilNext } from "../../server/src/modules/anomalies/nightly-detection";

describe("detection schedule", () => {
  it("waits for the next 02:00 in Jakarta, today's if it is still ahead, else tomorrow's", () => {
    // 18:30 UTC is 01:30 in Jakarta: half an hour to go.
    expect(msUntilNext("02:00", new Date("2026-11-23T18:30:00Z"))).toBe(30 * 60_000);
    // 19:00 UTC is 02:00 sharp: the run just started, the next is a day away.
    expect(msUntilNext("02:00", new Date("2026-11-23T19:00:00Z"))).toBe(24 * 3600_000);
    // 10:00 UTC is 17:00 in Jakarta: nine hours to go, across the Jakarta date line.
    expect(msUntilNext("02:00", new Date("2026-11-23T10:00:00Z"))).toBe(9 * 3600_000);
  });

  it("judges the months whose first day lies in the window, and none of a window inside one month", () => {
    expect(monthsStartingIn("2026-09-15", "2026-11-23")).toEqual([
      { first: "2026-10-01", last: "2026-10-31" },
      { first: "2026-11-01", last: "2026-11-30" },
    ]);
    expect(monthsStartingIn("2026-12-01", "2027-01-01")).toEqual([
      { first: "2026-12-01", last: "2026-12-31" },
      { first: "2027-01-01", last: "2027-01-31" },
    ]);
    expect(monthsStartingIn("2026-02-02", "2026-02-28")).toEqual([]);
    expect(monthsStartingIn("2028-02-01", "2028-02-01")).toEqual([{ first: "2028-02-01", last: "2028-02-29" }]);
  });

  it("reads the nightly time and the incremental delay, and refuses a time that is not HH:MM", () => {
    expect(loadConfig({}, [])).toMatchObject({ anomalyNightlyAt: "02:00", anomalyNightlyDays: 90, anomalyIncrementalDelayMs: 2000 });
    expect(loadConfig({ ANOMALY_NIGHTLY_AT: "off" }, []).anomalyNightlyAt).toBeNull();
    expect(loadConfig({ ANOMALY_NIGHTLY_AT: "23:45", ANOMALY_NIGHTLY_DAYS: "366" }, [])).toMatchObject({ anomalyNightlyAt: "23:45", anomalyNightlyDays: 366 });
    expect(() => loadConfig({ ANOMALY_NIGHTLY_AT: "24:00" }, [])).toThrow(/ANOMALY_NIGHTLY_AT/);
    expect(() => loadConfig({ ANOMALY_NIGHTLY_DAYS: "400" }, [])).toThrow(/ANOMALY_NIGHTLY_DAYS/);
  });
});
