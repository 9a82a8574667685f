// @vitest-environment happy-dom
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import type { Dashboard, DashboardIndicator } from "../../src/contract/dashboard";
import { Providers } from "../../src/web/app/providers";
import { IndicatorTable } from "../../src/web/features/dashboard/indicator-table";

// The dashboard's indicator table: a share of units (qualitative 5.1, "% of units"
// 1.1) reads as a percentage with the units behind it; a ratio of sums keeps its
// plain numerator / denominator. Vietnamese number formatting throughout.

const explain: DashboardIndicator["explain"] = {
  method: null,
  baseline: null,
  baselineSource: null,
  latest: { year: 2024, value: 100 },
  targetValue: 100,
  targetYear: 2025,
  comparator: "=",
  yearsElapsed: null,
  yearsToTarget: null,
  actualRate: null,
  requiredRate: null,
  ratio: null,
  thresholds: { onTrack: 0.95, atRisk: 0.5 },
  tolerance: 0,
  reason: null,
};

function indicator(over: Partial<DashboardIndicator>): DashboardIndicator {
  return {
    key: "1-0",
    indicatorId: 1,
    goalId: 1,
    code: "1.1",
    text: "Chỉ tiêu",
    subject: null,
    unit: "%",
    kind: "ratio",
    sensitive: false,
    value: null,
    numerator: null,
    denominator: null,
    partial: false,
    reason: null,
    target: null,
    gap: null,
    status: "no_data",
    explain,
    projection: null,
    trend: [],
    ...over,
  };
}

const VIEW: Dashboard = {
  unit: { id: 9, code: "92", name: "Cần Thơ", fullName: "Thành phố Cần Thơ", level: "tinh" },
  plan: { id: 3, title: "Kế hoạch 2024", number: null, symbol: "KH-UBND", unitId: 9, periodFrom: 2024, periodTo: 2024 },
  period: "2024",
  periodLabel: "Năm 2024",
  year: 2024,
  isNational: false,
  goals: [],
  indicators: [
    indicator({
      key: "12-0",
      code: "5.1",
      text: "Nội dung về giới, bình đẳng giới được đưa vào chương trình giảng dạy",
      kind: "qualitative",
      value: 100,
      numerator: 1,
      denominator: 1,
      gap: 0,
      status: "achieved",
      target: {
        comparator: "=",
        value: 100,
        unit: "%",
        year: 2025,
        source: "nearest-milestone",
        origin: "upper",
        text: "ở mức 100% (2025)",
      },
    }),
    indicator({
      key: "2-0",
      code: "2.1",
      text: "Tỷ lệ lao động nữ làm công hưởng lương",
      value: 51.234,
      numerator: 5100,
      denominator: 9954.3,
    }),
    indicator({ key: "1-0", code: "1.1", kind: "countOfUnits", value: 62.5, numerator: 5, denominator: 8 }),
  ],
  lowerUnits: [],
  round: null,
  actionMonth: null,
};

describe("dashboard indicator table", () => {
  afterEach(cleanup);

  it("shows a qualitative indicator as the % of units that have done it, target on the same scale", () => {
    render(
      <Providers>
        <IndicatorTable view={VIEW} selected={null} onSelect={() => {}} />
      </Providers>,
    );
    const row = within(screen.getByTestId("indicator-row-12-0"));
    expect(row.getByText("100%")).toBeTruthy();
    expect(row.queryByText("1%")).toBeNull();
    expect(screen.getByTestId("fraction-12-0").textContent).toBe("1 / 1 đơn vị");
    expect(row.getByText("ở mức 100% (2025)")).toBeTruthy();
    expect(row.getByText("Đạt")).toBeTruthy();
    // "% of units" reads the same way; a ratio of sums keeps a plain fraction, decimal commas.
    expect(within(screen.getByTestId("indicator-row-1-0")).getByText("62,5%")).toBeTruthy();
    expect(screen.getByTestId("fraction-1-0").textContent).toBe("5 / 8 đơn vị");
    expect(within(screen.getByTestId("indicator-row-2-0")).getByText("51,23%")).toBeTruthy();
    expect(screen.getByTestId("fraction-2-0").textContent).toBe("5.100 / 9.954,3");
  });
});
