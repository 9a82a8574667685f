import { describe, expect, it } from "vitest";
import { CATALOGUE_DATA_ELEMENTS, CATALOGUE_FORMULAS } from "../../src/core/catalogue-formulas";
import { type ElementInfo, expectedReporters, parseReporterKey, timelinessOf } from "../../src/core/reporting";
import { validateEntry } from "../../src/core/reporting-validation";

const elements = new Map<string, ElementInfo>(CATALOGUE_DATA_ELEMENTS.map((d) => [d.code, d]));
const formulas = (code: string) => CATALOGUE_FORMULAS.filter((f) => f.indicator === code).map((f) => f.formula);
const indicator = (id: number, code: string, responsibilities: { agencyId: number; role: string }[]) => ({
  id,
  goalId: Number(code.split(".")[0]),
  dropped: false,
  formulas: formulas(code),
  responsibilities,
});

describe("expected reporters of a round", () => {
  const base = {
    planUnitId: 1,
    lowerUnitIds: [11, 12],
    elements,
    agencyUnits: new Map([
      [101, 1],
      [102, 1],
    ]),
  };

  it("asks the local government's figures of each lower unit and the rest of one agency", () => {
    const reporters = expectedReporters({
      ...base,
      period: "2024S1",
      indicators: [
        indicator(1, "6.2", [{ agencyId: 101, role: "lead" }]),
        indicator(2, "3.4", [
          { agencyId: 101, role: "lead" },
          { agencyId: 102, role: "report" },
        ]),
      ],
    });
    expect(reporters.map((r) => r.key)).toEqual(["agency-101", "agency-102", "unit-11", "unit-12"]);
    const cells = (key: string) =>
      reporters
        .find((r) => r.key === key)
        ?.cells.map((c) => c.element)
        .sort();
    expect(cells("agency-101")).toEqual([]); // lead of both, but 3.4 has a report agency: narrative only
    expect(cells("agency-102")).toEqual(["CSTGXH_BLG", "CSTGXH_CONGLAP"]);
    expect(cells("unit-11")).toEqual(["TC_PHOBIEN_CAMKET", "TC_TONGSO"]);
  });

  it("asks survey statistics only in annual rounds, for the calendar year, and quarters for 'every quarter'", () => {
    const input = {
      ...base,
      indicators: [
        indicator(1, "2.1", [{ agencyId: 102, role: "report" }]),
        indicator(2, "6.3", [{ agencyId: 101, role: "lead" }]),
      ],
    };
    const half = expectedReporters({ ...input, period: "2024S1" });
    expect(half.find((r) => r.key === "agency-102")?.cells).toEqual([]);
    expect(half.find((r) => r.key === "unit-11")?.cells.map((c) => c.period)).toEqual(["2024Q1", "2024Q2"]);
    const year = expectedReporters({ ...input, period: "2024" });
    expect(year.find((r) => r.key === "agency-102")?.cells.map((c) => `${c.element}/${c.period}`)).toEqual([
      "LD_COVIECLAM/2024C",
      "LD_LAMCONG/2024C",
    ]);
  });

  it("asks a commune plan's own figures of the commune itself", () => {
    const reporters = expectedReporters({
      ...base,
      lowerUnitIds: [],
      period: "2025",
      indicators: [indicator(1, "6.2", [{ agencyId: 101, role: "lead" }])],
    });
    expect(reporters.map((r) => r.key)).toEqual(["agency-101", "unit-1"]);
  });

  it("parses reporter keys strictly", () => {
    expect(parseReporterKey("agency-12")).toEqual({ kind: "agency", id: 12 });
    expect(parseReporterKey("unit-x")).toBeNull();
  });
});

describe("timeliness", () => {
  it("counts the deadline day as on time", () => {
    expect(timelinessOf("2024-12-10", "2024-12-10", "2025-01-01")).toBe("on_time");
    expect(timelinessOf("2024-12-11", "2024-12-10", "2025-01-01")).toBe("late");
    expect(timelinessOf(null, "2024-12-10", "2024-12-09")).toBe("not_submitted");
    expect(timelinessOf(null, "2024-12-10", "2024-12-11")).toBe("overdue");
  });
});

describe("form validation across periods", () => {
  const els = new Map([
    ["TC_TONGSO", { code: "TC_TONGSO", name: "Số tổ chức", options: ["total"], valueType: "count" as const }],
    [
      "TC_PHOBIEN_CAMKET",
      { code: "TC_PHOBIEN_CAMKET", name: "Số tổ chức được phổ biến", options: ["total"], valueType: "count" as const },
    ],
  ]);
  const f = formulas("6.2");
  const cell = (
    element: string,
    period: string,
    value: number,
    previous: number | null = null,
    comment: string | null = null,
  ) => ({
    element,
    option: "total",
    period,
    value,
    previous,
    comment,
  });

  it("checks each period on its own and lets a comment settle a large change", () => {
    const issues = validateEntry(
      [cell("TC_TONGSO", "2024Q1", 10), cell("TC_PHOBIEN_CAMKET", "2024Q1", 12), cell("TC_TONGSO", "2024Q2", 50, 20)],
      els,
      f,
    );
    expect(issues.map((i) => `${i.code}@${i.period}`)).toEqual(["part-exceeds-whole@2024Q1", "large-change@2024Q2"]);
    const explained = validateEntry([cell("TC_TONGSO", "2024Q2", 50, 20, "Sáp nhập thêm tổ chức")], els, f);
    expect(explained).toEqual([]);
  });
});
