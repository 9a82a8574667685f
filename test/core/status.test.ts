import { describe, expect, it } from "vitest";
import {
  assessProgress,
  linearTrend,
  meetsTarget,
  pickTarget,
  type StatusComparator,
  type StatusTarget,
} from "../../src/core/status";

const t = (
  comparator: StatusComparator,
  value: number | null,
  year = 2025,
  extra: Partial<StatusTarget> = {},
): StatusTarget => ({
  comparator,
  value,
  year,
  ...extra,
});

/** One target, baseline point in 2020 and the value of the assessed year. */
function assess(target: StatusTarget, baseline: number, value: number | null, year = 2023) {
  return assessProgress({
    targets: [target],
    series: [
      { year: 2020, value: baseline },
      { year, value },
    ],
    year,
  });
}

describe("meetsTarget", () => {
  it.each([
    [">=", 60, 60, true],
    [">=", 60, 59.99, false],
    [">", 60, 60, false],
    [">", 60, 60.01, true],
    ["<=", 1.4, 1.4, true],
    ["<=", 1.4, 1.41, false],
    ["<", 42, 42, false],
    ["<", 42, 41.9, true],
    ["=", 100, 100, true],
    ["=", 100, 99.9, false],
    ["~", 60, 58.9, true], // ±max(2% of 60 = 1,2; 1 point)
    ["~", 60, 61.2, true],
    ["~", 60, 58.7, false],
    ["~", 1.4, 1.43, false], // not %: ±2% = 0,028
    ["~", 1.4, 1.42, true],
  ] as const)("%s %d with %d → %s", (comparator, target, value, expected) => {
    expect(
      meetsTarget(value, t(comparator, target, 2030, { unit: comparator === "~" && target === 60 ? "%" : "times" })),
    ).toBe(expected);
  });
});

describe("pickTarget", () => {
  const targets = [t(">=", 60, 2025), t(">=", 75, 2030), t(">=", null, 2027)];
  it("prefers the exact year, then the next milestone, then the last", () => {
    expect(pickTarget(targets, 2025)).toEqual({ target: targets[0], targetSource: "exact" });
    expect(pickTarget(targets, 2027)).toEqual({ target: targets[1], targetSource: "nearest-milestone" });
    expect(pickTarget(targets, 2022)).toEqual({ target: targets[0], targetSource: "nearest-milestone" });
    expect(pickTarget(targets, 2031)).toEqual({ target: targets[1], targetSource: "nearest-milestone" });
    expect(pickTarget([t(">=", null)], 2025)).toBeNull();
  });
});

describe("assessProgress: increasing targets (≥, >)", () => {
  // Required CAGR 40 → 60 over 2020–2025 is 8,45%/year.
  it.each([
    [">=", 60, "achieved"],
    [">=", 51, "on_track"], // actual 8,44%/y → CR ≈ 1,0
    [">=", 46, "at_risk"], // 4,77%/y → CR ≈ 0,56
    [">=", 41, "off_track"], // 0,83%/y → CR ≈ 0,10
    [">=", 38, "off_track"], // moving away
    [">", 60, "on_track"], // equal is not "more than"; CR > 1
    [">", 60.5, "achieved"],
  ] as const)("%s 60: value %d → %s", (comparator, value, status) => {
    const result = assess(t(comparator, 60), 40, value);
    expect(result.status).toBe(status);
    expect(result.targetSource).toBe("nearest-milestone"); // assessed in 2023, target of 2025
  });

  it("explains the inputs", () => {
    const result = assess(t(">=", 60), 40, 46);
    expect(result.explain).toMatchObject({
      method: "growth-rate",
      baseline: { year: 2020, value: 40 },
      baselineSource: "series",
      latest: { year: 2023, value: 46 },
      targetValue: 60,
      targetYear: 2025,
      yearsElapsed: 3,
      yearsToTarget: 5,
      thresholds: { onTrack: 0.95, atRisk: 0.5 },
    });
    expect(result.explain.requiredRate).toBeCloseTo(1.5 ** (1 / 5) - 1, 10);
    expect(result.explain.actualRate).toBeCloseTo(1.15 ** (1 / 3) - 1, 10);
    expect(result.explain.ratio).toBeCloseTo((1.15 ** (1 / 3) - 1) / (1.5 ** (1 / 5) - 1), 10);
    expect(result.gap).toBe(14);
    expect(assess(t(">=", 60), 40, 38).explain.reason).toBe("wrong-direction");
  });

  it("applies the thresholds inclusively (linear method when a value is 0)", () => {
    // Baseline 0 → linear: required 10/year; 4 years elapsed.
    const at = (value: number) =>
      assessProgress({
        targets: [t(">=", 50)],
        series: [
          { year: 2020, value: 0 },
          { year: 2024, value },
        ],
        year: 2024,
      });
    expect(at(38).status).toBe("on_track"); // 9,5/y → CR 0,95
    expect(at(37.9).status).toBe("at_risk");
    expect(at(20).status).toBe("at_risk"); // CR 0,5
    expect(at(19.9).status).toBe("off_track");
    expect(at(20).explain.method).toBe("linear");
    const custom = assessProgress({
      targets: [t(">=", 50)],
      series: [
        { year: 2020, value: 0 },
        { year: 2024, value: 30 },
      ],
      year: 2024,
      thresholds: { onTrack: 0.6, atRisk: 0.2 },
    });
    expect(custom.status).toBe("on_track");
  });
});

describe("assessProgress: decreasing targets (≤, <)", () => {
  // 3.1: 2,0 lần in 2020 → ≤ 1,7 by 2025.
  it.each([
    ["<=", 1.7, "achieved"],
    ["<=", 1.82, "on_track"],
    ["<=", 1.9, "at_risk"],
    ["<=", 1.97, "off_track"],
    ["<=", 2.1, "off_track"],
    ["<", 1.7, "on_track"],
    ["<", 1.69, "achieved"],
  ] as const)("%s 1,7: value %d → %s", (comparator, value, status) => {
    expect(assess(t(comparator, 1.7), 2.0, value).status).toBe(status);
  });
});

describe("assessProgress: '=' and '~'", () => {
  it("'=' is exact by default, or within a given tolerance", () => {
    expect(assess(t("=", 100), 50, 100).status).toBe("achieved");
    expect(assess(t("=", 100), 50, 99.5).status).toBe("on_track");
    const tolerant = assessProgress({
      targets: [t("=", 100)],
      series: [
        { year: 2020, value: 50 },
        { year: 2023, value: 99.5 },
      ],
      year: 2023,
      tolerance: { relative: 0.01, absolute: 0 },
    });
    expect(tolerant.status).toBe("achieved");
    expect(tolerant.explain.tolerance).toBe(1);
  });

  it("'~' moves towards the target from either side", () => {
    const up = t("~", 60, 2025, { unit: "%" });
    expect(assess(up, 40, 59).status).toBe("achieved");
    expect(assess(up, 40, 51).status).toBe("on_track");
    expect(assess(up, 40, 41).status).toBe("off_track");
    const down = t("~", 60, 2025, { unit: "%" });
    expect(assess(down, 80, 67).status).toBe("on_track");
    expect(assess(down, 80, 68).status).toBe("at_risk"); // CR ≈ 0,94
    expect(assess(down, 80, 85).status).toBe("off_track");
  });

  it("'~' overshooting the target is at risk, and a baseline on target that drifts is off track", () => {
    const result = assess(t("~", 60, 2025, { unit: "%" }), 40, 70);
    expect(result.status).toBe("at_risk");
    expect(result.explain.reason).toBe("overshoot");
    const drift = assess(t("~", 60, 2025, { unit: "%" }), 60, 65);
    expect(drift.status).toBe("off_track");
    expect(drift.explain.reason).toBe("wrong-direction");
  });
});

describe("assessProgress: baselines, milestones and missing data", () => {
  it("uses the target's own baseline ('giảm từ 15 xuống 12')", () => {
    const target = t("<=", 12, 2030, { baseline: 15, baselineYear: 2020 });
    const result = assessProgress({
      targets: [target],
      series: [
        { year: 2022, value: 14.9 },
        { year: 2024, value: 14 },
      ],
      year: 2024,
    });
    expect(result.explain.baselineSource).toBe("target");
    expect(result.explain.baseline).toEqual({ year: 2020, value: 15 });
    expect(result.explain.ratio).toBeCloseTo(((14 / 15) ** (1 / 4) - 1) / (0.8 ** (1 / 10) - 1), 10);
    expect(result.status).toBe("at_risk");
    // A baseline already meeting a "≤" target that is no longer met: off track.
    const met = t("<=", 12, 2030, { baseline: 11, baselineYear: 2020 });
    expect(assessProgress({ targets: [met], series: [{ year: 2024, value: 13 }], year: 2024 }).status).toBe(
      "off_track",
    );
  });

  it("labels the target source and is off track once the target year has passed", () => {
    const targets = [t(">=", 60, 2025), t(">=", 75, 2030)];
    const series = [
      { year: 2021, value: 50 },
      { year: 2025, value: 58 },
      { year: 2026, value: 59 },
    ];
    expect(assessProgress({ targets, series, year: 2025 })).toMatchObject({
      status: "off_track",
      targetSource: "exact",
      explain: { reason: "target-year-passed" },
    });
    const later = assessProgress({ targets, series, year: 2026 });
    expect(later.targetSource).toBe("nearest-milestone");
    expect(later.target?.year).toBe(2030);
    expect(later.explain.baseline).toEqual({ year: 2021, value: 50 });
  });

  it("returns no_data with a reason", () => {
    expect(assess(t(">=", 60), 40, null).explain.reason).toBe("no-value");
    expect(assess(t(">=", 60), 40, null).status).toBe("no_data");
    expect(assessProgress({ targets: [], series: [{ year: 2023, value: 1 }], year: 2023 }).explain.reason).toBe(
      "no-target",
    );
    const single = assessProgress({ targets: [t(">=", 60)], series: [{ year: 2023, value: 50 }], year: 2023 });
    expect(single).toMatchObject({ status: "no_data", value: 50, gap: 10, explain: { reason: "no-baseline" } });
    // Later values are ignored when assessing an earlier year.
    const past = assessProgress({
      targets: [t(">=", 60)],
      series: [
        { year: 2020, value: 40 },
        { year: 2022, value: 45 },
        { year: 2024, value: 90 },
      ],
      year: 2022,
    });
    expect(past.value).toBe(45);
    expect(past.projection?.value).toBeCloseTo(52.5);
  });
});

describe("projection", () => {
  it("fits a least-squares line and projects to the target year", () => {
    expect(
      linearTrend([
        { year: 2020, value: 40 },
        { year: 2021, value: 42 },
        { year: 2022, value: 44 },
      ]),
    ).toMatchObject({
      slope: 2,
      points: 3,
    });
    expect(linearTrend([{ year: 2020, value: 40 }])).toBeNull();
    expect(
      linearTrend([
        { year: 2020, value: 40 },
        { year: 2020, value: 41 },
      ]),
    ).toBeNull();
    const result = assessProgress({
      targets: [t(">=", 60)],
      series: [
        { year: 2020, value: 40 },
        { year: 2021, value: 43 },
        { year: 2022, value: 44 },
        { year: 2023, value: 49 },
      ],
      year: 2023,
    });
    expect(result.projection?.slope).toBeCloseTo(2.8);
    expect(result.projection?.value).toBeCloseTo(44 + 2.8 * 3.5);
    expect(result.projection?.meetsTarget).toBe(false);
  });
});
