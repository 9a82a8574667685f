import { describe, expect, it } from "vitest";
import {
  autoReminderDeadlines,
  autoReminderMessage,
  nextReminderAt,
  planReminders,
  vietnamDateTime,
} from "../../src/core/reminder";
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

describe("automatic reminders", () => {
  it("pick the rounds due in 3 days, today, yesterday and a week ago (Vietnam's day)", () => {
    // 01:30 UTC on 10/06 is 08:30 in Vietnam.
    expect(autoReminderDeadlines(new Date("2026-06-10T01:30:00Z"))).toEqual([
      "2026-06-13",
      "2026-06-10",
      "2026-06-09",
      "2026-06-03",
    ]);
    // 23:30 UTC on 09/06 is already 06:30 on 10/06 in Vietnam: before office hours.
    expect(autoReminderDeadlines(new Date("2026-06-09T23:30:00Z"))).toEqual([]);
    // 00:00 UTC = 07:00 in Vietnam (first hour); 10:59 UTC = 17:59 (last); 11:00 UTC = 18:00 (none).
    expect(autoReminderDeadlines(new Date("2026-06-10T00:00:00Z"))).toHaveLength(4);
    expect(autoReminderDeadlines(new Date("2026-06-10T10:59:00Z"))).toHaveLength(4);
    expect(autoReminderDeadlines(new Date("2026-06-10T11:00:00Z"))).toEqual([]);
  });

  it("say how long is left, or how late, in the reporter's words", () => {
    const now = new Date("2026-06-10T01:30:00Z");
    expect(autoReminderMessage("2026-06-13", now)).toBe("Nhắc tự động: còn 3 ngày đến hạn gửi báo cáo (13/06/2026).");
    expect(autoReminderMessage("2026-06-10", now)).toBe("Nhắc tự động: hôm nay (10/06/2026) là hạn gửi báo cáo.");
    expect(autoReminderMessage("2026-06-03", now)).toBe("Nhắc tự động: báo cáo đã quá hạn 7 ngày (hạn 03/06/2026).");
  });
});
