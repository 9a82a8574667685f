import { describe, expect, it } from "vitest";
import type { Target } from "../../src/core/plan";
import {
  blocksIssuing,
  type CheckIndicator,
  checkConflictingRoles,
  checkDeadline,
  checkDroppedReason,
  checkLeadCount,
  checkPlan,
  checkTargetYears,
  checkWeakerTargets,
  isWeaker,
  workingDaysBetween,
} from "../../src/core/plan-checks";

const t = (
  comparator: Target["comparator"],
  value: number | null,
  year = 2025,
  extra: Partial<Target> = {},
): Target => ({
  subject: null,
  comparator,
  value,
  unit: "%",
  year,
  ...extra,
});

function indicator(over: Partial<CheckIndicator> = {}): CheckIndicator {
  return {
    id: 1,
    code: "2.1",
    dropped: false,
    dropReason: null,
    hasUpper: true,
    targets: [],
    upperTargets: [],
    responsibilities: [{ agencyId: 10, agencyName: "Sở Nội vụ", role: "lead" }],
    ...over,
  };
}

describe("a local target weaker than the upper one", () => {
  it("Cần Thơ 2024 “≥ 60%” wage work against the national “≥ 50%” is stronger", () => {
    expect(isWeaker(t(">=", 60), t(">=", 50))).toBe(false);
  });

  it("warns and names both values when the local target is lower, by comparator direction", () => {
    const results = checkWeakerTargets(indicator({ targets: [t(">=", 45)], upperTargets: [t(">=", 50)] }));
    expect(results).toEqual([
      expect.objectContaining({
        code: "weaker_target",
        severity: "warning",
        message: expect.objectContaining({
          vi: "Chỉ tiêu 2.1: mục tiêu địa phương ≥ 45% (2025) thấp hơn mục tiêu cấp trên ≥ 50% (2025).",
        }),
      }),
    ]);
  });

  it("reads ≤ and < as “down is better”", () => {
    expect(isWeaker(t("<", 26), t("<", 30))).toBe(false);
    expect(isWeaker(t("<=", 1.8, 2025, { unit: "times" }), t("<=", 1.7, 2025, { unit: "times" }))).toBe(true);
    const [r] = checkWeakerTargets(
      indicator({
        code: "3.1",
        targets: [t("<=", 1.8, 2025, { unit: "times" })],
        upperTargets: [t("<=", 1.7, 2025, { unit: "times" })],
      }),
    );
    expect(r?.message.vi).toBe(
      "Chỉ tiêu 3.1: mục tiêu địa phương ≤ 1,8 lần (2025) cao hơn mục tiêu cấp trên ≤ 1,7 lần (2025).",
    );
  });

  it("compares “ở mức” by the upper direction: 109 against ≤ 111 is fine, 112 is not", () => {
    const srb = (v: number) => t("=", v, 2025, { unit: "per100" });
    const national = t("<=", 111, 2025, { unit: "per100" });
    expect(isWeaker(srb(109), national)).toBe(false);
    expect(isWeaker(srb(112), national)).toBe(true);
    const [r] = checkWeakerTargets(indicator({ code: "4.1", targets: [srb(112)], upperTargets: [national] }));
    expect(r?.message.vi).toBe(
      "Chỉ tiêu 4.1: mục tiêu địa phương ở mức 112/100 (2025) cao hơn mục tiêu cấp trên ≤ 111/100 (2025).",
    );
  });

  it("with no direction on either side only an equal value is fine", () => {
    expect(isWeaker(t("~", 60), t("~", 60))).toBe(false);
    expect(isWeaker(t("=", 55), t("~", 60))).toBe(true);
    expect(isWeaker(t(">=", 65), t("~", 60))).toBe(false);
  });

  it("compares only the same year and subject", () => {
    const local = [t(">=", 40, 2024), t(">=", 97, 2025, { subject: "người gây bạo lực" })];
    const upper = [t(">=", 50, 2025), t(">=", 50, 2025, { subject: "người gây bạo lực" })];
    expect(checkWeakerTargets(indicator({ targets: local, upperTargets: upper }))).toEqual([]);
  });

  it("does not compare targets whose units differ, and says so", () => {
    const [r] = checkWeakerTargets(
      indicator({ targets: [t(">=", 4, 2025, { unit: "count" })], upperTargets: [t(">=", 100, 2025)] }),
    );
    expect(r).toMatchObject({ code: "units_differ", severity: "info" });
  });

  it("ignores targets without a value", () => {
    expect(checkWeakerTargets(indicator({ targets: [t(">=", null)], upperTargets: [t(">=", 50)] }))).toEqual([]);
  });
});

describe("lead agency", () => {
  it("blocks an indicator without a lead", () => {
    const [r] = checkLeadCount(indicator({ responsibilities: [{ agencyId: 1, agencyName: "A", role: "support" }] }));
    expect(r).toMatchObject({ code: "lead_count", severity: "error" });
    expect(r?.message.vi).toBe("Chỉ tiêu 2.1: chưa có cơ quan chủ trì.");
  });

  it("blocks two leads", () => {
    const two = [
      { agencyId: 1, agencyName: "A", role: "lead" as const },
      { agencyId: 2, agencyName: "B", role: "lead" as const },
    ];
    expect(checkLeadCount(indicator({ responsibilities: two }))[0]?.message.vi).toMatch(/có 2 cơ quan chủ trì/);
  });

  it("accepts exactly one lead with supporters", () => {
    const ok = [
      { agencyId: 1, agencyName: "A", role: "lead" as const },
      { agencyId: 2, agencyName: "B", role: "support" as const },
    ];
    expect(checkLeadCount(indicator({ responsibilities: ok }))).toEqual([]);
  });
});

describe("conflicting roles", () => {
  it("blocks one agency given two roles on one indicator", () => {
    const rs = [
      { agencyId: 1, agencyName: "Sở Y tế", role: "lead" as const },
      { agencyId: 1, agencyName: "Sở Y tế", role: "support" as const },
    ];
    const [r] = checkConflictingRoles(indicator({ responsibilities: rs }));
    expect(r).toMatchObject({ code: "conflicting_roles", severity: "error", agencyId: 1 });
    expect(r?.message.vi).toBe("Chỉ tiêu 2.1: Sở Y tế được giao nhiều vai trò mâu thuẫn (chủ trì, phối hợp).");
  });
});

describe("target year outside the period", () => {
  it("blocks a 2030 target in a 2024 plan", () => {
    const [r] = checkTargetYears(indicator({ targets: [t(">=", 60, 2030)] }), 2024, 2024);
    expect(r).toMatchObject({ code: "year_outside_period", severity: "error" });
    expect(r?.message.vi).toBe("Chỉ tiêu 2.1: năm mục tiêu 2030 nằm ngoài thời kỳ của kế hoạch (2024).");
    expect(checkTargetYears(indicator({ targets: [t(">=", 60, 2025)] }), 2021, 2025)).toEqual([]);
  });
});

describe("dropped upper indicator", () => {
  it("warns without a reason, accepts it with one, ignores local indicators", () => {
    expect(checkDroppedReason(indicator({ code: "3.4", dropped: true }))[0]).toMatchObject({
      code: "dropped_without_reason",
      severity: "warning",
    });
    expect(checkDroppedReason(indicator({ dropped: true, dropReason: "Không có cơ sở trợ giúp xã hội" }))).toEqual([]);
    expect(checkDroppedReason(indicator({ dropped: true, hasUpper: false }))).toEqual([]);
  });
});

describe("report deadlines and the NĐ 09/2019 data windows", () => {
  it("counts working days after the window closes, skipping weekends", () => {
    // 14/6/2025 is a Saturday: 15/6 Sunday, 16/6 Monday.
    expect(workingDaysBetween("2025-06-14", "2025-06-15")).toBe(0);
    expect(workingDaysBetween("2025-06-14", "2025-06-16")).toBe(1);
    expect(workingDaysBetween("2024-12-14", "2024-12-10")).toBe(0);
  });

  it("warns when the deadline falls before the window closes (Cần Thơ 2024: 10/6 and 10/12)", () => {
    const [r] = checkDeadline({ kind: "semiannual", due: "06-10" }, 2024, 2024);
    expect(r).toMatchObject({ code: "deadline_too_early", severity: "warning" });
    expect(r?.message.vi).toContain("Hạn gửi báo cáo 6 tháng (10/06)");
    expect(checkDeadline({ kind: "annual", due: "12-10" }, 2024, 2024)).toHaveLength(1);
  });

  it("accepts one working day after the window (15/12/2025 is a Monday) and names the years that fail", () => {
    expect(checkDeadline({ kind: "annual", due: "12-15" }, 2025, 2025)).toEqual([]);
    // 14/12/2024 is a Saturday, 15/12 a Sunday: no working day.
    const [r] = checkDeadline({ kind: "annual", due: "12-15" }, 2024, 2025);
    expect(r?.message.vi).toContain("(năm 2024)");
  });

  it("checks each quarter of a quarterly report", () => {
    expect(checkDeadline({ kind: "quarterly", due: "03-20" }, 2025, 2025)).toEqual([]);
    expect(checkDeadline({ kind: "quarterly", due: "03-14" }, 2025, 2025)).toHaveLength(1);
  });
});

describe("the whole plan", () => {
  it("blocks issuing on errors only, and skips dropped indicators", () => {
    const results = checkPlan({
      periodFrom: 2025,
      periodTo: 2025,
      reporting: [{ kind: "semiannual", due: "06-20" }],
      indicators: [
        indicator({ targets: [t(">=", 45)], upperTargets: [t(">=", 50)] }),
        indicator({ id: 2, code: "3.4", dropped: true, dropReason: "x", responsibilities: [] }),
      ],
    });
    expect(results.map((r) => r.code)).toEqual(["weaker_target"]);
    expect(blocksIssuing(results)).toBe(false);
    expect(blocksIssuing(checkLeadCount(indicator({ responsibilities: [] })))).toBe(true);
  });
});
