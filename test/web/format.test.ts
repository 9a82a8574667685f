// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import {
  formatDate,
  formatDateTime,
  formatDayMonth,
  formatLastValidDay,
  formatNumber,
  parseDayMonth,
  parseDisplayDate,
  splitDateTime,
  todayInVietnam,
} from "../../src/web/i18n/format";

describe("web format helpers", () => {
  it("shows ISO dates as dd/mm/yyyy", () => {
    expect(formatDate("2025-06-30")).toBe("30/06/2025");
    expect(formatDate(null)).toBe("");
  });

  it("shows timestamps in Vietnam time (UTC+7), from ISO or PostgreSQL text", () => {
    expect(formatDateTime("2026-11-23T16:40:45.686Z")).toBe("23/11/2026 23:40");
    expect(formatDateTime("2026-11-23 17:05:00.1+00")).toBe("24/11/2026 00:05");
  });

  it("splits a timestamp into its Vietnam day and time", () => {
    expect(splitDateTime("2026-06-10T07:05:00.000Z")).toEqual({ date: "10/06/2026", time: "14:05" });
    expect(splitDateTime("2026-11-23 17:05:00.1+00")).toEqual({ date: "24/11/2026", time: "00:05" });
    expect(splitDateTime("not a time")).toBeNull();
  });

  it("formats numbers the Vietnamese way in Vietnamese", () => {
    expect(formatNumber(1234.5, "vi")).toBe("1.234,5");
    expect(formatNumber(3321, "vi")).toBe("3.321");
    expect(formatNumber(1234.5, "en")).toBe("1,234.5");
  });

  it("shows the last valid day of a unit (validTo is exclusive)", () => {
    expect(formatLastValidDay("2025-07-01")).toBe("30/06/2025");
    expect(formatLastValidDay(null)).toBe("");
  });

  it("parses dd/mm/yyyy and refuses impossible days", () => {
    expect(parseDisplayDate("30/06/2025")).toBe("2025-06-30");
    expect(parseDisplayDate("1/7/2025")).toBe("2025-07-01");
    expect(parseDisplayDate("31/02/2025")).toBeNull();
    expect(parseDisplayDate("2025-06-30")).toBeNull();
  });

  it("shows and parses a day of every year (MM-DD) as dd/mm", () => {
    expect(formatDayMonth("12-20")).toBe("20/12");
    expect(parseDayMonth("20/12")).toBe("12-20");
    expect(parseDayMonth(" 5/6 ")).toBe("06-05");
    expect(parseDayMonth("29/02")).toBe("02-29");
    expect(parseDayMonth("31/04")).toBeNull();
    expect(parseDayMonth("12-20")).toBeNull();
    expect(parseDayMonth("20/12/2026")).toBeNull();
  });

  it("knows that 23:30 UTC is already tomorrow in Vietnam", () => {
    expect(todayInVietnam(new Date("2025-06-30T17:30:00Z"))).toBe("2025-07-01");
  });
});
