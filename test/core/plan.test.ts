import { describe, expect, it } from "vitest";
import {
  formatViNumber,
  indicatorReferences,
  indicatorSentence,
  prefillTargets,
  type Target,
  upperReferences,
} from "../../src/core/plan";
import { type DiffPlanSnapshot, diffPlans } from "../../src/core/plan-diff";

const national: Target[] = [
  { subject: null, comparator: ">=", value: 50, unit: "%", year: 2025 },
  { subject: null, comparator: "~", value: 60, unit: "%", year: 2030 },
];

describe("Vietnamese numbers and sentences", () => {
  it("writes decimals with a comma and thousands with a dot", () => {
    expect(formatViNumber(1.4)).toBe("1,4");
    expect(formatViNumber(100000)).toBe("100.000");
  });

  it("writes an indicator with its targets", () => {
    expect(
      indicatorSentence(
        "Tỷ lệ lao động nữ làm công hưởng lương",
        "quantitative",
        [{ ...national[0]!, value: 60 }],
        false,
      ),
    ).toBe("Tỷ lệ lao động nữ làm công hưởng lương: phấn đấu đạt từ 60% trở lên.");
    const care: Target = { subject: null, comparator: "<=", value: 1.4, unit: "times", year: 2024 };
    expect(indicatorSentence("Số giờ …", "quantitative", [care], true)).toBe(
      "Số giờ …: giảm còn 1,4 lần vào năm 2024.",
    );
    const teen: Target = { subject: null, comparator: "<=", value: 12, unit: "per1000", year: 2024, baseline: 15 };
    expect(indicatorSentence("Tỷ suất sinh", "quantitative", [teen], false)).toBe(
      "Tỷ suất sinh: giảm từ 15/1.000 xuống còn 12/1.000.",
    );
  });

  it("cites indicators per goal", () => {
    expect(
      indicatorReferences([
        { goalNumber: 5, indicatorNumber: 2 },
        { goalNumber: 5, indicatorNumber: 1 },
        { goalNumber: 6, indicatorNumber: 3 },
      ]),
    ).toBe("Chỉ tiêu 1, 2 của Mục tiêu 5; Chỉ tiêu 3 của Mục tiêu 6");
  });
});

describe("cascade of targets", () => {
  it("shows the nearest milestone, labelled, for a year without an upper target", () => {
    const refs = upperReferences(national, 2024, 2025);
    expect(refs).toEqual([
      expect.objectContaining({ forYear: 2024, year: 2025, value: 50, isNearestMilestone: true }),
      expect.objectContaining({ forYear: 2025, year: 2025, value: 50, isNearestMilestone: false }),
    ]);
  });

  it("prefills the upper targets of the covered years and never invents a value", () => {
    expect(prefillTargets(national, 2021, 2025)).toEqual([national[0]]);
    expect(prefillTargets(national, 2024, 2024)).toEqual([
      { subject: null, comparator: ">=", value: null, unit: "%", year: 2024, baseline: null },
    ]);
  });
});

describe("differences between versions", () => {
  const base: DiffPlanSnapshot = {
    fields: { "Trích yếu": "Kế hoạch 2025", "Số, ký hiệu": "7/KH-UBND" },
    sections: { "Nơi nhận": ["Lưu: VT."] },
    goals: [{ number: 2, title: "Kinh tế" }],
    indicators: [
      {
        code: "2.1",
        text: "Lao động nữ",
        kind: "quantitative",
        dropped: false,
        dropReason: null,
        targets: [{ subject: null, comparator: ">=", value: 45, unit: "%", year: 2025 }],
      },
    ],
    responsibilities: [{ indicatorCode: "2.1", agencyName: "Phòng VHXH", role: "chủ trì" }],
  };

  it("lists changed fields, targets, indicators and responsibilities", () => {
    const next: DiffPlanSnapshot = {
      ...base,
      fields: { ...base.fields, "Số, ký hiệu": "/KH-UBND" },
      indicators: [
        { ...base.indicators[0]!, targets: [{ subject: null, comparator: ">=", value: 50, unit: "%", year: 2025 }] },
        {
          code: "2.4",
          text: "Chỉ tiêu địa phương",
          kind: "quantitative",
          dropped: false,
          dropReason: null,
          targets: [],
        },
      ],
      responsibilities: [{ indicatorCode: "2.1", agencyName: "Công an", role: "chủ trì" }],
    };
    const changes = diffPlans(base, next);
    expect(changes).toContainEqual(expect.objectContaining({ area: "field", label: "Số, ký hiệu", kind: "changed" }));
    expect(changes).toContainEqual(
      expect.objectContaining({ area: "target", kind: "changed", before: "≥ 45% (2025)", after: "≥ 50% (2025)" }),
    );
    expect(changes).toContainEqual(
      expect.objectContaining({ area: "indicator", kind: "added", label: "Chỉ tiêu 2.4" }),
    );
    expect(changes.filter((c) => c.area === "responsibility").map((c) => c.kind)).toEqual(["removed", "added"]);
    expect(diffPlans(base, base)).toEqual([]);
  });
});
