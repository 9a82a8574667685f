// @vitest-environment happy-dom
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi as vitest } from "vitest";
import type { Me } from "../../src/contract/auth";
import { Providers } from "../../src/web/app/providers";
import { AuthGate } from "../../src/web/features/auth/auth-gate";
import { reply } from "../helpers/web";

// The demo accounts' shapes: the city is unit 10, a ward under it 100, Sở Y tế agency 5.
const base = { mustChangePassword: false, locale: "vi" as const, unitName: null, agencyName: null };
const USERS = {
  admin: { ...base, id: 1, username: "demo.admin", displayName: "Admin", role: "admin", unitId: null, agencyId: null },
  planner: {
    ...base,
    id: 2,
    username: "demo.planner",
    displayName: "Lan",
    role: "planner",
    unitId: 10,
    agencyId: null,
  },
  reporter: {
    ...base,
    id: 3,
    username: "demo.reporter",
    displayName: "Hoa",
    role: "reporter",
    unitId: null,
    agencyId: 5,
  },
  wardReporter: {
    ...base,
    id: 4,
    username: "demo.ward.reporter",
    displayName: "Thu",
    role: "reporter",
    unitId: 100,
    agencyId: null,
  },
  viewer: { ...base, id: 5, username: "demo.viewer", displayName: "Tâm", role: "viewer", unitId: 10, agencyId: null },
} satisfies Record<string, Me>;

const EVERY_ENTRY = [
  "Đơn vị hành chính",
  "Cơ quan",
  "Kế hoạch",
  "Nhập từ văn bản",
  "Danh mục quốc gia",
  "Báo cáo số liệu",
  "Báo cáo",
  "Tổng hợp",
  "Người dùng",
];
const WITHOUT_IMPORT = EVERY_ENTRY.filter((name) => name !== "Nhập từ văn bản" && name !== "Người dùng");

/** Signs `user` in through the real auth gate and router, at `path`; every other request is a 404. */
function openAs(user: Me, path: string) {
  localStorage.clear();
  window.history.replaceState(null, "", path);
  vitest.stubGlobal(
    "fetch",
    vitest.fn(async (url: string) =>
      url.startsWith("/api/auth/session")
        ? reply(200, { user, csrfToken: "csrf" })
        : reply(404, {
            error: { code: "NOT_FOUND", message: "Không có", messageEn: "None", requestId: "r", details: [] },
          }),
    ),
  );
  render(
    <Providers>
      <AuthGate />
    </Providers>,
  );
}

async function navEntries(): Promise<string[]> {
  const nav = await screen.findByRole("navigation", { name: "Điều hướng chính" }, { timeout: 10_000 });
  return within(nav)
    .getAllByRole("link")
    .map((link) => link.textContent ?? "");
}

describe("left navigation by role", () => {
  afterEach(() => {
    cleanup();
    vitest.unstubAllGlobals();
  });

  it.each([
    ["admin", USERS.admin, EVERY_ENTRY],
    ["planner", USERS.planner, EVERY_ENTRY],
    ["agency reporter", USERS.reporter, WITHOUT_IMPORT],
    ["ward reporter", USERS.wardReporter, WITHOUT_IMPORT],
    ["viewer", USERS.viewer, WITHOUT_IMPORT],
  ])("shows a %s only the screens it may use", async (_, user, expected) => {
    openAs(user, "/reports");
    expect(await navEntries()).toEqual(expected);
  });

  it("tells a viewer who opens the plan import URL that it is not allowed, instead of the page", async () => {
    openAs(USERS.viewer, "/plan-import");
    expect(await screen.findByText("Bạn không có quyền xem trang này.", {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.queryByRole("heading", { name: "Nhập kế hoạch từ văn bản" })).toBeNull();
  });

  it("opens the plan import page for a planner", async () => {
    openAs(USERS.planner, "/plan-import");
    expect(await screen.findByRole("heading", { name: "Nhập kế hoạch từ văn bản" }, { timeout: 10_000 })).toBeTruthy();
    expect(screen.queryByText("Bạn không có quyền xem trang này.")).toBeNull();
  });
});
