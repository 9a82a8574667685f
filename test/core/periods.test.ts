import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  addWorkingDays,
  dataWindow,
  dayNumber,
  deadlineFor,
  formatPeriodId,
  fromDayNumber,
  isLate,
  leavesWorkingDaysAfterWindow,
  parsePeriod,
  periodLabel,
  periodsBetween,
  periodYear,
  previousPeriod,
  quartersOf,
  weekdayOf,
} from "../../src/core/periods";

describe("parse and format", () => {
  it("parses the four kinds and round-trips", () => {
    expect(parsePeriod("2024")).toEqual({ kind: "annual", year: 2024, index: 0 });
    expect(parsePeriod("2024S1")).toEqual({ kind: "semiannual", year: 2024, index: 1 });
    expect(parsePeriod("2024q3")).toEqual({ kind: "quarterly", year: 2024, index: 3 });
    expect(parsePeriod("2024C")).toEqual({ kind: "calendar", year: 2024, index: 0 });
    for (const id of ["2024", "2024S1", "2024Q1", "2024Q4", "2024C"]) expect(formatPeriodId(id)).toBe(id);
  });

  it("rejects anything else", () => {
    for (const bad of ["", "24", "2024S2", "2024Q0", "2024Q5", "2024-01", "1899", "abcd", "2024 Q1"]) {
      expect(parsePeriod(bad)).toBeNull();
    }
    expect(() => dataWindow("2024X")).toThrow(RangeError);
  });

  it("labels in Vietnamese and English", () => {
    expect(periodLabel("2024S1")).toBe("6 tháng đầu năm 2024");
    expect(periodLabel("2024")).toBe("Năm 2024");
    expect(periodLabel("2024Q3")).toBe("Quý III/2024");
    expect(periodLabel("2024Q4")).toBe("Quý IV/2024");
    expect(periodLabel("2024C")).toBe("Năm 2024 (năm dương lịch)");
    expect(periodLabel("2024Q3", "en")).toBe("Q3 2024");
    expect(periodYear("2031Q2")).toBe(2031);
  });
});

describe("NĐ 09/2019 data windows", () => {
  it.each([
    ["2024", "2023-12-15", "2024-12-14"],
    ["2024S1", "2023-12-15", "2024-06-14"],
    ["2024Q1", "2023-12-15", "2024-03-14"],
    ["2024Q2", "2024-03-15", "2024-06-14"],
    ["2024Q3", "2024-06-15", "2024-09-14"],
    ["2024Q4", "2024-09-15", "2024-12-14"],
    ["2024C", "2024-01-01", "2024-12-31"],
    ["2000", "1999-12-15", "2000-12-14"],
    ["2025Q1", "2024-12-15", "2025-03-14"],
  ])("%s covers %s … %s", (id, from, to) => {
    expect(dataWindow(id)).toEqual({ from, to });
  });

  it("quarters tile the annual window without gaps or overlaps, every year", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1901, max: 2998 }), (year) => {
        const annual = dataWindow(String(year));
        const qs = quartersOf(String(year)).map(dataWindow);
        expect(qs[0]?.from).toBe(annual.from);
        expect(qs[3]?.to).toBe(annual.to);
        for (let i = 1; i < 4; i++) expect(addDays(qs[i - 1]?.to as string, 1)).toBe(qs[i]?.from);
        expect(dataWindow(`${year}S1`).to).toBe(qs[1]?.to);
        expect(addDays(dataWindow(String(year - 1)).to, 1)).toBe(annual.from);
      }),
    );
  });

  it("the annual window is 366 days except when it spans 29 February (367)", () => {
    const length = (id: string) => dayNumber(dataWindow(id).to) - dayNumber(dataWindow(id).from) + 1;
    expect(length("2023")).toBe(365);
    expect(length("2024")).toBe(366); // 15/12/2023 … 14/12/2024 contains 29/2/2024
    expect(length("2100")).toBe(365); // 2100 is not a leap year
    expect(length("2000")).toBe(366);
    expect(length("2024C")).toBe(366);
  });
});

describe("previous periods and ranges", () => {
  it("steps back across year boundaries", () => {
    expect(previousPeriod("2024Q1")).toBe("2023Q4");
    expect(previousPeriod("2024Q3")).toBe("2024Q2");
    expect(previousPeriod("2024S1")).toBe("2023S1");
    expect(previousPeriod("2024")).toBe("2023");
    expect(previousPeriod("2024C")).toBe("2023C");
  });

  it("lists periods between years", () => {
    expect(periodsBetween(2021, 2023, "annual")).toEqual(["2021", "2022", "2023"]);
    expect(periodsBetween(2024, 2024, "quarterly")).toEqual(["2024Q1", "2024Q2", "2024Q3", "2024Q4"]);
    expect(periodsBetween(2024, 2025, "semiannual")).toEqual(["2024S1", "2025S1"]);
    expect(periodsBetween(2024, 2025, "calendar")).toEqual(["2024C", "2025C"]);
    expect(periodsBetween(2025, 2024, "annual")).toEqual([]);
  });
});

describe("dates", () => {
  it("day numbers round-trip and know the weekday", () => {
    expect(dayNumber("1970-01-01")).toBe(0);
    expect(weekdayOf("2025-07-01")).toBe(2); // Tuesday
    expect(weekdayOf("2024-02-29")).toBe(4); // Thursday
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 400_000 }), (n) => {
        expect(dayNumber(fromDayNumber(n))).toBe(n);
      }),
    );
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2023-02-28", 1)).toBe("2023-03-01");
    expect(addDays("2024-12-31", 1)).toBe("2025-01-01");
  });

  it("adds working days skipping weekends and holidays", () => {
    expect(addWorkingDays("2024-06-14", 1)).toBe("2024-06-17"); // Fri → Mon
    expect(addWorkingDays("2024-06-15", 1)).toBe("2024-06-17"); // Sat → Mon
    expect(addWorkingDays("2024-06-17", 5)).toBe("2024-06-24");
    expect(addWorkingDays("2024-06-17", -1)).toBe("2024-06-14");
    expect(addWorkingDays("2024-06-17", 0)).toBe("2024-06-17");
    expect(addWorkingDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addWorkingDays("2023-02-28", 1)).toBe("2023-03-01");
    expect(addWorkingDays("2024-04-29", 1, { holidays: new Set(["2024-04-30", "2024-05-01"]) })).toBe("2024-05-02");
  });
});

describe("deadlines", () => {
  it("resolves MM-DD to the occurrence nearest to the window end", () => {
    expect(deadlineFor("2024S1", "06-10")).toBe("2024-06-10");
    expect(deadlineFor("2024", "12-10")).toBe("2024-12-10");
    expect(deadlineFor("2024", "12-15")).toBe("2024-12-15");
    expect(deadlineFor("2024", "01-15")).toBe("2025-01-15");
    expect(deadlineFor("2024Q1", "03-20")).toBe("2024-03-20");
    expect(deadlineFor("2024C", "01-31")).toBe("2025-01-31");
    expect(deadlineFor("2024", "02-29")).toBe("2025-02-28"); // 2025 is a common year
    expect(deadlineFor("2027", "02-29")).toBe("2028-02-29");
    expect(deadlineFor("2023C", "02-29")).toBe("2024-02-29");
    expect(deadlineFor("2023S1", "02-29")).toBe("2023-02-28");
    expect(deadlineFor("2024", "13-01")).toBeNull();
    expect(deadlineFor("2024", "02-30")).toBeNull();
    expect(deadlineFor("2024", "x")).toBeNull();
  });

  it("is late only after the deadline day", () => {
    expect(isLate("2024-12-10", "2024-12-10")).toBe(false);
    expect(isLate("2024-12-11", "2024-12-10")).toBe(true);
    expect(isLate("2024-12-09T23:00:00Z", "2024-12-10")).toBe(false);
  });

  it("checks the deadline leaves a working day after the window closes", () => {
    // 14/6/2024 is a Friday: the next working day is Monday 17/6.
    expect(leavesWorkingDaysAfterWindow("2024S1", "2024-06-17")).toBe(true);
    expect(leavesWorkingDaysAfterWindow("2024S1", "2024-06-15")).toBe(false);
    expect(leavesWorkingDaysAfterWindow("2024", deadlineFor("2024", "12-10") as string)).toBe(false);
    expect(leavesWorkingDaysAfterWindow("2024", "2024-12-16")).toBe(true); // 14/12/2024 is a Saturday
  });
});
