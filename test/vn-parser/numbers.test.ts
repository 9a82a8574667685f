import { describe, expect, it } from "vitest";
import {
  type FoundDate,
  findDates,
  findYearRange,
  isoOf,
  parseVnNumber,
  toIsoDate,
  toMonthDay,
} from "../../src/vn-parser/numbers";

function firstDate(lower: string): FoundDate {
  const [d] = findDates(lower);
  if (!d) throw new Error(`no date found in "${lower}"`);
  return d;
}

describe("parseVnNumber", () => {
  it.each([
    ["1,4", 1.4],
    ["100.000", 100000],
    ["1.000", 1000],
    ["04", 4],
    ["35", 35],
    ["32,5", 32.5],
    ["1.5", 1.5],
  ])("%s → %d", (raw, value) => expect(parseVnNumber(raw)).toBe(value));
  it("rejects non-numbers", () => {
    expect(parseVnNumber("abc")).toBeNull();
    expect(parseVnNumber("")).toBeNull();
  });
});

describe("dates", () => {
  it("reads a spelled-out date, day first", () => {
    const d = firstDate("ngày 02 tháng 10 năm 2015 của thủ tướng");
    expect(isoOf(d)).toBe("2015-10-02");
  });
  it("reads a numeric date, day first", () => {
    const d = firstDate("ngày 25/5/2021 của ủy ban");
    expect(isoOf(d)).toBe("2021-05-25");
  });
  it("keeps the month when the day is blank", () => {
    const d = firstDate("ngày    tháng 6 năm 2021");
    expect(d.day).toBeNull();
    expect(isoOf(d)).toBe("2021-06");
  });
  it("does not read a decimal or a rate as a date", () => {
    expect(findDates("còn 1.4 lần")).toHaveLength(0);
    expect(findDates("giảm còn 1,4")).toHaveLength(0);
  });
  it("formats month-day and ISO", () => {
    expect(toMonthDay(5, 6)).toBe("06-05");
    expect(toMonthDay(31, 13)).toBeNull();
    expect(toIsoDate(null, 2, 2024)).toBe("2024-02");
  });
  it("reads a year range with any dash", () => {
    expect(findYearRange("giai đoạn 2021 – 2025")).toEqual([2021, 2025]);
    expect(findYearRange("giai đoạn 2021-2030")).toEqual([2021, 2030]);
  });
});
