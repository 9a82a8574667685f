import { describe, expect, it } from "vitest";
import { formatDateVi, formatNumberVi, formatPercentVi } from "../../src/core/format";
import type { Formula } from "../../src/core/formula";
import { type EntryDataElement, validateEntry } from "../../src/core/validation";

describe("formatNumberVi", () => {
  it.each([
    [1.4, undefined, "1,4"],
    [1234.5, undefined, "1.234,5"],
    [100000, undefined, "100.000"],
    [1234567.891, 2, "1.234.567,89"],
    [0, undefined, "0"],
    [-1234.5, 1, "-1.234,5"],
    [-0.0001, 2, "0,00"],
    [2.5, 0, "3"],
    [12.3456, undefined, "12,35"],
    [12.1, 2, "12,10"],
    [Number.NaN, undefined, "—"],
    [Number.POSITIVE_INFINITY, 1, "—"],
  ])("%d (%s decimals) → %s", (n, d, expected) => {
    expect(formatNumberVi(n, d)).toBe(expected);
  });

  it("formats percentages and dates", () => {
    expect(formatPercentVi(12.5)).toBe("12,5%");
    expect(formatDateVi("2015-10-02")).toBe("02/10/2015");
  });
});

const elements: EntryDataElement[] = [
  { code: "LD_LAMCONG", name: "Lao động làm công hưởng lương", valueType: "count" },
  { code: "LD_COVIECLAM", name: "Lao động có việc làm", valueType: "count" },
  { code: "GIO", name: "Số giờ", valueType: "hours" },
  { code: "TL", name: "Tỷ lệ", valueType: "percent" },
  { code: "XONG", name: "Đã thực hiện", valueType: "flag" },
];
const wage: Formula = {
  kind: "ratio",
  numerator: "#{LD_LAMCONG.nu}",
  denominator: "#{LD_COVIECLAM.nu}",
  scale: 100,
  partOf: [{ part: "LD_LAMCONG", whole: "LD_COVIECLAM" }],
};

describe("validateEntry", () => {
  it("accepts a clean form", () => {
    const issues = validateEntry({
      dataElements: elements,
      formulas: [wage],
      values: [
        { dataElement: "LD_LAMCONG", option: "nu", value: 40 },
        { dataElement: "LD_COVIECLAM", option: "nu", value: 80 },
        { dataElement: "GIO", option: "nu", value: 12.5 },
        { dataElement: "TL", option: "total", value: 100 },
        { dataElement: "XONG", option: "total", value: 1 },
      ],
    });
    expect(issues).toEqual([]);
  });

  it("rejects bad values by type, with Vietnamese numbers", () => {
    const issues = validateEntry({
      dataElements: elements,
      values: [
        { dataElement: "LD_LAMCONG", option: "nu", value: 1.4 },
        { dataElement: "LD_COVIECLAM", option: "nam", value: -3 },
        { dataElement: "GIO", option: "nu", value: Number.NaN },
        { dataElement: "TL", option: "total", value: 100.5 },
        { dataElement: "XONG", option: "total", value: 2 },
      ],
    });
    expect(issues.map((i) => [i.dataElement, i.option, i.severity, i.code])).toEqual([
      ["LD_LAMCONG", "nu", "error", "not-integer"],
      ["LD_COVIECLAM", "nam", "error", "negative"],
      ["GIO", "nu", "error", "not-a-number"],
      ["TL", "total", "error", "out-of-range"],
      ["XONG", "total", "error", "not-a-flag"],
    ]);
    expect(issues[0]?.message.vi).toBe('"Lao động làm công hưởng lương" (nữ) là số đếm, phải là số nguyên (1,4).');
    expect(issues[3]?.message.vi).toContain("(100,5)");
  });

  it("checks part ≤ whole option by option", () => {
    const issues = validateEntry({
      dataElements: elements,
      formulas: [wage],
      values: [
        { dataElement: "LD_LAMCONG", option: "nu", value: 1500 },
        { dataElement: "LD_COVIECLAM", option: "nu", value: 1200 },
        { dataElement: "LD_LAMCONG", option: "nam", value: 10 },
        { dataElement: "LD_COVIECLAM", option: "nam", value: 20 },
      ],
    });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      dataElement: "LD_LAMCONG",
      option: "nu",
      severity: "error",
      code: "part-exceeds-whole",
    });
    expect(issues[0]?.message.vi).toBe(
      '"Lao động làm công hưởng lương" (nữ) (1.500) không được lớn hơn "Lao động có việc làm" (nữ) (1.200).',
    );
    const single = validateEntry({
      dataElements: elements,
      formulas: [{ ...wage, partOf: [{ part: "LD_LAMCONG.nu", whole: "LD_COVIECLAM" }] }],
      values: [
        { dataElement: "LD_LAMCONG", option: "nu", value: 25 },
        { dataElement: "LD_COVIECLAM", option: "nu", value: 10 },
        { dataElement: "LD_COVIECLAM", option: "nam", value: 10 },
      ],
    });
    expect(single.map((i) => i.code)).toEqual(["part-exceeds-whole"]);
  });

  it("checks nữ + nam = tổng", () => {
    const issues = validateEntry({
      dataElements: elements,
      values: [
        { dataElement: "LD_COVIECLAM", option: "nu", value: 10 },
        { dataElement: "LD_COVIECLAM", option: "nam", value: 12 },
        { dataElement: "LD_COVIECLAM", option: "total", value: 23 },
      ],
    });
    expect(issues.map((i) => i.code)).toEqual(["total-mismatch"]);
  });

  it("warns on a jump from the previous period, with a floor", () => {
    const previous = [
      { dataElement: "LD_COVIECLAM", option: "nu", value: 1000 },
      { dataElement: "LD_COVIECLAM", option: "nam", value: 4 },
      { dataElement: "LD_LAMCONG", option: "nu", value: 0 },
      { dataElement: "GIO", option: "nu", value: 100 },
    ];
    const issues = validateEntry({
      dataElements: elements,
      previous,
      values: [
        { dataElement: "LD_COVIECLAM", option: "nu", value: 1600 }, // +60%: warning
        { dataElement: "LD_COVIECLAM", option: "nam", value: 9 }, // +125% but only 5: no warning
        { dataElement: "LD_LAMCONG", option: "nu", value: 50 }, // from 0 by 50: warning
        { dataElement: "GIO", option: "nu", value: 140 }, // +40%: no warning
      ],
    });
    expect(issues.map((i) => [i.dataElement, i.option, i.severity, i.code])).toEqual([
      ["LD_COVIECLAM", "nu", "warning", "large-change"],
      ["LD_LAMCONG", "nu", "warning", "large-change"],
    ]);
    expect(issues[0]?.message.vi).toBe(
      '"Lao động có việc làm" (nữ) thay đổi nhiều so với kỳ trước: 1.000 → 1.600 (60,0%). Vui lòng kiểm tra lại hoặc ghi chú giải thích.',
    );
    const strict = validateEntry({
      dataElements: elements,
      previous,
      jump: { relative: 0.3, absolute: 1 },
      values: [{ dataElement: "GIO", option: "nu", value: 140 }],
    });
    expect(strict.map((i) => i.code)).toEqual(["large-change"]);
  });
});
