// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi as vitest } from "vitest";
import type { Me } from "../../src/contract/auth";
import type { Dashboard, DashboardIndicator, DashboardOptions } from "../../src/contract/dashboard";
import type { Unit } from "../../src/contract/unit";
import { Providers } from "../../src/web/app/providers";
import { AuthGate } from "../../src/web/features/auth/auth-gate";
import { reply } from "../helpers/web";

// The reports page ("Báo cáo") through the real auth gate, router and registry: the
// selection defaults to the user's unit, the readiness line comes from the round of
// the dashboard view the documents are written from, and every download link names
// the chosen unit, plan and period (public ones with public=true).

const base = { mustChangePassword: false, locale: "vi" as const, unitName: null, agencyName: null };
const PLANNER: Me = {
  ...base,
  id: 2,
  username: "demo.planner",
  displayName: "Lan",
  role: "planner",
  unitId: 10,
  agencyId: null,
};
const AGENCY_REPORTER: Me = {
  ...base,
  id: 3,
  username: "demo.reporter",
  displayName: "Hoa",
  role: "reporter",
  unitId: null,
  agencyId: 5,
};

const CITY: Unit = {
  id: 10,
  code: "92",
  name: "Cần Thơ",
  fullName: "Thành phố Cần Thơ",
  nameEn: null,
  type: "thanh_pho",
  level: "province",
  depth: 1,
  parentId: 1,
  validFrom: null,
  validTo: null,
  childCount: 32,
};

const OPTIONS: DashboardOptions = {
  unit: { id: 10, fullName: "Thành phố Cần Thơ", level: "province" },
  plans: [
    {
      id: 3,
      title: "Kế hoạch thực hiện bình đẳng giới năm 2026",
      unitName: "Thành phố Cần Thơ",
      number: "40",
      symbol: "KH-UBND",
      periods: [
        { id: "2026S1", label: "6 tháng đầu năm 2026" },
        { id: "2026", label: "Năm 2026" },
      ],
      defaultPeriod: "2026S1",
    },
  ],
};

function indicator(key: string, value: number | null): DashboardIndicator {
  return {
    key,
    indicatorId: 1,
    goalId: 1,
    code: key,
    text: "Chỉ tiêu",
    subject: null,
    unit: "%",
    kind: "ratio",
    sensitive: false,
    value,
    numerator: null,
    denominator: null,
    partial: false,
    reason: null,
    target: null,
    gap: null,
    status: value === null ? "no_data" : "on_track",
    explain: {
      method: null,
      baseline: null,
      baselineSource: null,
      latest: null,
      targetValue: null,
      targetYear: null,
      comparator: null,
      yearsElapsed: null,
      yearsToTarget: null,
      actualRate: null,
      requiredRate: null,
      ratio: null,
      thresholds: { onTrack: 0.95, atRisk: 0.5 },
      tolerance: null,
      reason: null,
    },
    projection: null,
    trend: [],
  };
}

const reporter = (n: number, state: string, timeliness: "on_time" | "overdue" | "not_submitted") => ({
  reporterKey: `unit-${100 + n}`,
  kind: "unit" as const,
  name: `Phường ${n}`,
  state,
  submittedAt: null,
  timeliness,
});

/** The city's view for a period: the 6-month round has 32 reporters, 27 approved; the annual has no round yet. */
function view(period: string): Dashboard {
  const isHalf = period.endsWith("S1");
  return {
    unit: { id: 10, code: "92", name: "Cần Thơ", fullName: "Thành phố Cần Thơ", level: "province" },
    plan: {
      id: 3,
      title: OPTIONS.plans[0]?.title ?? "",
      number: "40",
      symbol: "KH-UBND",
      unitId: 10,
      periodFrom: 2026,
      periodTo: 2026,
    },
    period,
    periodLabel: isHalf ? "6 tháng đầu năm 2026" : "Năm 2026",
    year: 2026,
    isNational: false,
    goals: [],
    indicators: [indicator("1.1", 48.7), indicator("1.2", null), indicator("2.1", 12)],
    lowerUnits: [],
    round: isHalf
      ? {
          roundId: 7,
          period,
          deadline: "2026-06-10",
          expected: 32,
          reported: 29,
          approved: 27,
          onTime: 25,
          late: 4,
          overdue: 3,
          completeness: 90.6,
          timeliness: 78.1,
          reporters: [
            ...Array.from({ length: 27 }, (_, i) => reporter(i + 1, "approved", "on_time")),
            reporter(28, "submitted", "on_time"),
            reporter(29, "submitted", "on_time"),
            reporter(30, "draft", "overdue"),
            reporter(31, "pending", "overdue"),
            reporter(32, "returned", "overdue"),
          ],
        }
      : null,
    actionMonth: null,
  };
}

const NOT_FOUND = { error: { code: "NOT_FOUND", message: "Không có", messageEn: "None", requestId: "r", details: [] } };

type Route = (url: URL) => Response | null;

/** Signs `user` in at `path`; `route` answers the page's requests, anything else is a 404. */
function openAs(user: Me, path: string, route: Route) {
  localStorage.clear();
  window.history.replaceState(null, "", path);
  const fetch = vitest.fn(async (input: string) => {
    const url = new URL(input, "http://localhost");
    if (url.pathname === "/api/auth/session") return reply(200, { user, csrfToken: "csrf" });
    return route(url) ?? reply(404, NOT_FOUND);
  });
  vitest.stubGlobal("fetch", fetch);
  render(
    <Providers>
      <AuthGate />
    </Providers>,
  );
  return fetch;
}

/** The city, its options, and its dashboard view per period. */
const cityRoutes: Route = (url) => {
  if (url.pathname === "/api/units/10") return reply(200, { unit: CITY, ancestors: [] });
  if (url.pathname === "/api/dashboard/options") return reply(200, OPTIONS);
  if (url.pathname === "/api/dashboard") return reply(200, view(url.searchParams.get("period") ?? ""));
  return null;
};

const href = (name: string) => screen.getByRole("link", { name }).getAttribute("href");

describe("reports page", () => {
  afterEach(() => {
    cleanup();
    vitest.unstubAllGlobals();
  });

  it("defaults to the planner's unit and plan, says what is missing, and links the documents", async () => {
    const fetch = openAs(PLANNER, "/reports", cityRoutes);
    expect(await screen.findByRole("heading", { name: "Báo cáo 6 tháng và năm" }, { timeout: 10_000 })).toBeTruthy();

    // The selection: the planner's city, its issued plan, the period with the latest round.
    await waitFor(() =>
      expect((screen.getByRole("combobox", { name: "Kế hoạch" }) as HTMLInputElement).value).toBe(
        "40/KH-UBND — Kế hoạch thực hiện bình đẳng giới năm 2026",
      ),
    );
    expect((screen.getByRole("combobox", { name: "Kỳ báo cáo" }) as HTMLInputElement).value).toBe(
      "6 tháng đầu năm 2026",
    );
    expect(screen.getByRole("combobox", { name: "Đơn vị báo cáo" })).toBeTruthy();

    // Readiness of the 6-month round.
    const readiness = await screen.findByTestId("report-readiness");
    expect(within(readiness).getByText("Thành phố Cần Thơ — 6 tháng đầu năm 2026")).toBeTruthy();
    expect(within(readiness).getByText(/từ ngày 15\/12\/2025 đến ngày 14\/06\/2026/)).toBeTruthy();
    expect(within(readiness).getByText("Hạn gửi báo cáo: 10/06/2026")).toBeTruthy();
    expect(within(readiness).getByTestId("report-counts").textContent).toBe(
      "Phải báo cáo: 32 · Đã gửi: 29 · Đã duyệt: 27",
    );
    const incomplete = within(readiness).getByTestId("report-incomplete");
    expect(incomplete.textContent).toContain("Còn 5/32 nơi báo cáo chưa được duyệt");
    expect(incomplete.textContent).toContain("2 nơi đã gửi, đang chờ duyệt.");
    const waiting = within(incomplete)
      .getAllByRole("listitem")
      .map((li) => li.textContent);
    expect(waiting).toEqual([
      "Phường 28: Đã gửi",
      "Phường 29: Đã gửi",
      "Phường 30: Nhápquá hạn",
      "Phường 31: Chưa nhậpquá hạn",
      "Phường 32: Bị trả lạiquá hạn",
    ]);
    expect(within(readiness).getByTestId("report-indicators").textContent).toContain("2/3 chỉ tiêu đã có số liệu.");
    expect(within(readiness).getByRole("link", { name: "Xem chi tiết tình hình báo cáo" }).getAttribute("href")).toBe(
      "/reporting/plans/3?round=7",
    );

    // Downloads for unit 10, plan 3, 2026S1; the public ones suppress small GBV counts.
    expect(href("Tải báo cáo (Word)")).toBe("/api/reports/10/3/2026S1.docx");
    expect(href("Tải phụ lục số liệu (Excel)")).toBe("/api/reports/10/3/2026S1.xlsx");
    expect(href("Bảng chỉ tiêu (CSV)")).toBe(
      "/api/dashboard?unitId=10&planId=3&period=2026S1&format=csv&table=indicators",
    );
    expect(href("Đơn vị cấp dưới (CSV)")).toBe(
      "/api/dashboard?unitId=10&planId=3&period=2026S1&format=csv&table=lowerUnits",
    );
    expect(href("Tình hình báo cáo (CSV)")).toBe(
      "/api/dashboard?unitId=10&planId=3&period=2026S1&format=csv&table=reporters",
    );
    expect(href("Tải báo cáo công khai (Word)")).toBe("/api/reports/10/3/2026S1.docx?public=true");
    expect(href("Tải phụ lục công khai (Excel)")).toBe("/api/reports/10/3/2026S1.xlsx?public=true");
    expect(href("Bảng chỉ tiêu, bản công khai (CSV)")).toBe(
      "/api/dashboard?unitId=10&planId=3&period=2026S1&format=csv&table=indicators&public=true",
    );
    expect(screen.getByTestId("report-downloads-public").textContent).toContain("được thay bằng “x”");

    // Choose the annual period: its options are the plan's, and it has no round yet.
    fireEvent.click(screen.getByRole("combobox", { name: "Kỳ báo cáo" }));
    // Mantine keeps the listbox mounted; happy-dom runs no CSS transition, so it stays "hidden".
    const periods = screen.getByRole("listbox", { name: "Kỳ báo cáo", hidden: true });
    const options = within(periods).getAllByRole("option", { hidden: true });
    expect(options.map((o) => o.textContent)).toEqual(["6 tháng đầu năm 2026", "Năm 2026"]);
    fireEvent.click(within(periods).getByRole("option", { name: "Năm 2026", hidden: true }));
    expect(await screen.findByTestId("report-no-round", {}, { timeout: 5_000 })).toBeTruthy();
    expect(screen.getByRole("link", { name: "Mở kỳ báo cáo của kế hoạch" }).getAttribute("href")).toBe(
      "/reporting/plans/3",
    );
    expect(href("Tải báo cáo (Word)")).toBe("/api/reports/10/3/2026.docx");
    expect(href("Tải phụ lục công khai (Excel)")).toBe("/api/reports/10/3/2026.xlsx?public=true");
    expect(fetch.mock.calls.some(([u]) => String(u) === "/api/dashboard?unitId=10&planId=3&period=2026")).toBe(true);
  });

  it("reads an agency reporter's unit from the agency and says when no plan applies", async () => {
    const fetch = openAs(AGENCY_REPORTER, "/reports", (url) => {
      if (url.pathname === "/api/agencies/5") return reply(200, { id: 5, unitId: 10, name: "Sở Y tế" });
      if (url.pathname === "/api/units/10") return reply(200, { unit: CITY, ancestors: [] });
      if (url.pathname === "/api/dashboard/options") return reply(200, { unit: OPTIONS.unit, plans: [] });
      return null;
    });
    const empty = await screen.findByTestId("reports-no-plans", {}, { timeout: 10_000 });
    expect(empty.textContent).toContain("Chưa có kế hoạch đã ban hành áp dụng cho Thành phố Cần Thơ");
    expect(fetch.mock.calls.some(([u]) => String(u) === "/api/dashboard/options?unitId=10")).toBe(true);
    expect(screen.queryByRole("link", { name: "Tải báo cáo (Word)" })).toBeNull();
  });

  it("opens the annual report from a link typed by hand (?period=2026)", async () => {
    openAs(PLANNER, "/reports?unitId=10&planId=3&period=2026", cityRoutes);
    const readiness = await screen.findByTestId("report-readiness", {}, { timeout: 10_000 });
    expect(within(readiness).getByText("Thành phố Cần Thơ — Năm 2026")).toBeTruthy();
    expect(within(readiness).getByText(/từ ngày 15\/12\/2025 đến ngày 14\/12\/2026/)).toBeTruthy();
    expect(within(readiness).getByTestId("report-no-round").textContent).toContain("Kế hoạch chưa mở kỳ báo cáo này");
    expect(href("Tải báo cáo (Word)")).toBe("/api/reports/10/3/2026.docx");
  });

  it("shows the server's refusal instead of readiness and downloads", async () => {
    openAs(PLANNER, "/reports?unitId=10&planId=3&period=2026S1", (url) =>
      url.pathname === "/api/dashboard"
        ? reply(403, {
            error: {
              code: "FORBIDDEN",
              message: "Bạn không có quyền xem số liệu này.",
              messageEn: "Forbidden",
              requestId: "r2",
              details: [],
            },
          })
        : cityRoutes(url),
    );
    expect(await screen.findByText("Bạn không có quyền xem số liệu này.", {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.queryByTestId("report-readiness")).toBeNull();
    expect(screen.queryByRole("link", { name: "Tải báo cáo (Word)" })).toBeNull();
  });
});
