import { describe, expect, it } from "vitest";
import { nextReminderAt, planReminders, vietnamDateTime } from "../../src/core/reminder";
import { daysUntil, dueStatus, sortByUrgency } from "../../src/core/reporting";

describe("time left before a deadline", () => {
  it("counts calendar days, across months and years", () => {
    expect(daysUntil("2026-06-10", "2026-06-07")).toBe(3);
    expect(daysUntil("2026-06-10", "2026-06-10")).toBe(0);
    expect(daysUntil("2026-06-10", "2026-06-12")).toBe(-2);
    expect(daysUntil("2026-03-01", "2026-02-28")).toBe(1);
    expect(daysUntil("2024-03-01", "2024-02-28")).toBe(2);
    expect(daysUntil("2027-01-05", "2026-12-30")).toBe(6);
  });

  it("says upcoming, today or overdue with the days", () => {
    expect(dueStatus("2026-06-10", "2026-06-07")).toEqual({ status: "upcoming", days: 3 });
    expect(dueStatus("2026-06-10", "2026-06-09")).toEqual({ status: "upcoming", days: 1 });
    expect(dueStatus("2026-06-10", "2026-06-10")).toEqual({ status: "today", days: 0 });
    expect(dueStatus("2026-06-10", "2026-06-12")).toEqual({ status: "overdue", days: 2 });
  });

  it("puts open forms first, the earliest deadline first, then the rest in their order", () => {
    const forms = [
      { id: 1, state: "approved", deadline: "2026-06-01" },
      { id: 2, state: "pending", deadline: "2026-12-10" },
      { id: 3, state: "submitted", deadline: "2025-12-10" },
      { id: 4, state: "returned", deadline: "2026-06-10" },
      { id: 5, state: "draft", deadline: "2026-06-05" },
      { id: 6, state: "pending", deadline: "2026-06-10" },
    ];
    expect(sortByUrgency(forms).map((f) => f.id)).toEqual([5, 4, 6, 2, 1, 3]);
  });
});

describe("reminders", () => {
  const now = "2026-06-08T02:00:00.000Z";

  it("allows one reminder per reporter every 24 hours", () => {
    expect(nextReminderAt(null, now)).toBeNull();
    expect(nextReminderAt("2026-06-07T02:00:00.000Z", now)).toBeNull();
    expect(nextReminderAt("2026-06-07T02:00:01.000Z", now)).toBe("2026-06-08T02:00:01.000Z");
  });

  it("reminds every reporter not yet in, skipping those reminded in the last day", () => {
    const plan = planReminders(
      [
        { reporterKey: "agency-1", state: "pending", lastSentAt: null },
        { reporterKey: "agency-2", state: "submitted", lastSentAt: null },
        { reporterKey: "unit-3", state: "returned", lastSentAt: "2026-06-06T00:00:00.000Z" },
        { reporterKey: "unit-4", state: "draft", lastSentAt: "2026-06-07T09:00:00.000Z" },
        { reporterKey: "unit-5", state: "approved", lastSentAt: null },
      ],
      now,
      null,
    );
    expect(plan).toEqual({
      send: ["agency-1", "unit-3"],
      throttled: [
        { reporterKey: "unit-4", lastSentAt: "2026-06-07T09:00:00.000Z", nextAt: "2026-06-08T09:00:00.000Z" },
      ],
      alreadyIn: [],
    });
  });

  it("reminds one reporter only, and says when it has already reported", () => {
    const candidates = [
      { reporterKey: "agency-1", state: "pending", lastSentAt: null },
      { reporterKey: "agency-2", state: "submitted", lastSentAt: null },
    ];
    expect(planReminders(candidates, now, "agency-1")).toEqual({ send: ["agency-1"], throttled: [], alreadyIn: [] });
    expect(planReminders(candidates, now, "agency-2")).toEqual({ send: [], throttled: [], alreadyIn: ["agency-2"] });
  });

  it("shows times in Vietnam (UTC+7)", () => {
    expect(vietnamDateTime("2026-06-08T02:00:00.000Z")).toEqual({ date: "08/06/2026", time: "09:00" });
    expect(vietnamDateTime("2026-06-09T17:30:00.000Z")).toEqual({ date: "10/06/2026", time: "00:30" });
  });
});
