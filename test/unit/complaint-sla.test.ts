import { ConfigError, loadConfig } from "../../server/src/config";
import { SlaState } from "../../server/src/modules/complaints/complaint.enums";
import {
  daysBetween, dueDateOf, endOfJakartaDay, followUpDueDate, median, resolveDueDate, slaState, verifyDueDate, type ComplaintSlaRules,
} from "../../server/src/modules/complaints/complaint-sla";
import { canMove, COMPLAINT_TRANSITIONS } from "../../server/src/modules/complaints/complaint-transitions";
import { ComplaintStatus } from "../../server/src/modules/complaints/complaint.enums";

const rules: ComplaintSlaRules = { verifyWorkingDays: 3, followUpWorkingDays: 5, resolveDays: 60, holidays: new Set(["2025-03-31", "2025-04-01"]) };

describe("complaint deadlines", () => {
  it("count working days from the Jakarta day of the instant, across weekends and holidays", () => {
    expect(verifyDueDate(new Date("2025-03-06T16:59:59Z"), rules)).toBe("2025-03-11"); // Thursday 23:59 WIB
    expect(verifyDueDate(new Date("2025-03-06T17:00:00Z"), rules)).toBe("2025-03-12"); // Friday 00:00 WIB
    expect(verifyDueDate(new Date("2025-03-28T03:00:00Z"), rules)).toBe("2025-04-04");
    expect(verifyDueDate(new Date("2025-03-28T03:00:00Z"), { ...rules, holidays: new Set() })).toBe("2025-04-02");
    expect(followUpDueDate(new Date("2025-03-28T05:00:00Z"), rules)).toBe("2025-04-08");
    expect(resolveDueDate(new Date("2025-03-28T03:00:00Z"), rules)).toBe("2025-05-27");
  });

  it("end a due day at midnight WIB: on time up to 23:59:59, late from 00:00", () => {
    const dueAt = endOfJakartaDay("2025-03-11");
    expect(dueAt.toISOString()).toBe("2025-03-11T17:00:00.000Z");
    expect(dueDateOf(dueAt)).toBe("2025-03-11");
    const now = new Date("2026-01-01T00:00:00Z");
    expect(slaState(dueAt, new Date("2025-03-11T16:59:59Z"), false, now)).toBe(SlaState.MET);
    expect(slaState(dueAt, new Date("2025-03-11T17:00:00Z"), false, now)).toBe(SlaState.LATE);
    expect(slaState(dueAt, null, false, new Date("2025-03-11T16:59:59Z"))).toBe(SlaState.PENDING);
    expect(slaState(dueAt, null, false, new Date("2025-03-11T17:00:00Z"))).toBe(SlaState.OVERDUE);
    expect(slaState(dueAt, null, true, now)).toBe(SlaState.NOT_APPLICABLE);
    expect(slaState(null, null, false, now)).toBe(SlaState.NOT_APPLICABLE);
  });

  it("measure days to resolve in Jakarta calendar days, and take the median", () => {
    expect(daysBetween(new Date("2025-01-31T16:59:00Z"), new Date("2025-02-10T03:00:00Z"))).toBe(10);
    expect(daysBetween(new Date("2025-01-31T17:00:00Z"), new Date("2025-02-10T03:00:00Z"))).toBe(9);
    expect(median([])).toBeNull();
    expect(median([37, 10, 14, 10])).toBe(12);
    expect(median([5, 1, 3])).toBe(3);
  });

  it("allow only the table's transitions, and nothing out of ARCHIVED", () => {
    expect(canMove(ComplaintStatus.RECEIVED, ComplaintStatus.VERIFIED)).toBe(true);
    expect(canMove(ComplaintStatus.RECEIVED, ComplaintStatus.RESOLVED)).toBe(false);
    expect(canMove(ComplaintStatus.RESOLVED, ComplaintStatus.IN_PROGRESS)).toBe(false);
    expect(COMPLAINT_TRANSITIONS[ComplaintStatus.ARCHIVED]).toEqual([]);
    for (const status of Object.values(ComplaintStatus)) expect(COMPLAINT_TRANSITIONS[status]).toBeDefined();
  });

  it("are configurable, validated like the other settings", () => {
    const env = { JWT_SECRET: "x".repeat(40), SQLITE_PATH: "/tmp/lapera-config-test/db.sqlite" };
    expect(loadConfig(env)).toMatchObject({ complaintVerifyWorkingDays: 3, complaintFollowUpWorkingDays: 5, complaintResolveDays: 60 });
    expect(loadConfig({ ...env, COMPLAINT_VERIFY_WORKING_DAYS: "2", COMPLAINT_FOLLOW_UP_WORKING_DAYS: "10", COMPLAINT_RESOLVE_DAYS: "30" }))
      .toMatchObject({ complaintVerifyWorkingDays: 2, complaintFollowUpWorkingDays: 10, complaintResolveDays: 30 });
    expect(() => loadConfig({ ...env, COMPLAINT_RESOLVE_DAYS: "0" })).toThrow(ConfigError);
    expect(() => loadConfig({ ...env, COMPLAINT_FOLLOW_UP_WORKING_DAYS: "five" })).toThrow(/COMPLAINT_FOLLOW_UP_WORKING_DAYS/);
  });
});
