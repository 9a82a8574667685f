// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi as vitest } from "vitest";
import type { Me } from "../../src/contract/auth";
import type { Dashboard, DashboardOptions } from "../../src/contract/dashboard";
import type { ReportText } from "../../src/contract/report-text";
import type { Unit } from "../../src/contract/unit";
import { Providers } from "../../src/web/app/providers";
import { AuthGate } from "../../src/web/features/auth/auth-gate";
import { giveDocumentFonts, reply } from "../helpers/web";

// "Nội dung báo cáo" on the reports page, through the real auth gate and router: the
// saved text fills the fields with who saved it and when, Lưu sends every field with the
// optimistic lock, a colleague's save in between shows the conflict and keeps the typing
// until the saved version is reloaded, and a user who may not write gets read-only fields.

giveDocumentFonts();

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
const VIEWER: Me = {
  ...base,
  id: 4,
  username: "demo.viewer",
  displayName: "Tâm",
  role: "viewer",
  unitId: 10,
  agencyId: null,
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
      periods: [{ id: "2026S1", label: "6 tháng đầu năm 2026" }],
      defaultPeriod: "2026S1",
    },
  ],
};

const VIEW: Dashboard = {
  unit: { id: 10, code: "92", name: "Cần Thơ", fullName: "Thành phố Cần Thơ", level: "province" },
  plan: { id: 3, title: "Kế hoạch", number: "40", symbol: "KH-UBND", unitId: 10, periodFrom: 2026, periodTo: 2026 },
  period: "2026S1",
  periodLabel: "6 tháng đầu năm 2026",
  year: 2026,
  isNational: false,
  goals: [],
  indicators: [],
  lowerUnits: [],
  round: null,
  actionMonth: null,
};

function saved(patch: Partial<ReportText> = {}): ReportText {
  return {
    unitId: 10,
    planId: 3,
    period: "2026S1",
    number: "",
    recipient: "",
    recipients: "",
    signerPosition: "",
    signerName: "",
    activities: "Tổ chức 12 lớp tập huấn.",
    difficulties: "Thiếu cán bộ chuyên trách.",
    proposals: "",
    // 09:05 in Vietnam.
    updatedAt: "2026-06-10T02:05:00.000Z",
    updatedByName: "Nguyễn Thị Lan",
    canEdit: true,
    defaults: {
      recipient: "Bộ Nội vụ",
      recipients: "Bộ Nội vụ;\nLưu: VT.",
      signerPosition: "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH",
      signerName: "Trần Việt Trường",
    },
    ...patch,
  };
}

const NOT_FOUND = { error: { code: "NOT_FOUND", message: "Không có", messageEn: "None", requestId: "r", details: [] } };
const TEXT_PATH = "/api/reports/10/3/2026S1/text";

type Handler = (method: string, body: unknown) => Response;

function openAs(user: Me, text: Handler, { keepStorage = false } = {}) {
  if (!keepStorage) localStorage.clear();
  window.history.replaceState(null, "", "/reports?unitId=10&planId=3&period=2026S1");
  const fetch = vitest.fn(async (input: string, init?: RequestInit) => {
    const url = new URL(input, "http://localhost");
    if (url.pathname === "/api/auth/session") return reply(200, { user, csrfToken: "csrf" });
    if (url.pathname === "/api/units/10") return reply(200, { unit: CITY, ancestors: [] });
    if (url.pathname === "/api/dashboard/options") return reply(200, OPTIONS);
    if (url.pathname === "/api/dashboard") return reply(200, VIEW);
    if (url.pathname === TEXT_PATH) {
      return text(init?.method ?? "GET", init?.body ? JSON.parse(String(init.body)) : undefined);
    }
    return reply(404, NOT_FOUND);
  });
  vitest.stubGlobal("fetch", fetch);
  render(
    <Providers>
      <AuthGate />
    </Providers>,
  );
  return fetch;
}

const field = (name: string) => screen.getByRole("textbox", { name: new RegExp(`^${name}`) }) as HTMLInputElement;

describe("report text section", () => {
  afterEach(() => {
    cleanup();
    vitest.unstubAllGlobals();
  });

  it("shows the saved text and who saved it, and saves every field with the optimistic lock", async () => {
    const puts: unknown[] = [];
    const fetch = openAs(PLANNER, (method, body) => {
      if (method === "GET") return reply(200, saved());
      puts.push(body);
      const sent = body as Partial<ReportText>;
      return reply(200, saved({ ...sent, updatedAt: "2026-06-11T07:30:00.000Z", updatedByName: "Lan" }));
    });
    const section = await screen.findByTestId("report-text", {}, { timeout: 10_000 });
    expect(within(section).getByRole("heading", { name: "Nội dung báo cáo" })).toBeTruthy();
    await waitFor(() => expect(field("Khó khăn, vướng mắc").value).toBe("Thiếu cán bộ chuyên trách."));
    expect(field("Kết quả thực hiện / hoạt động đã triển khai").value).toBe("Tổ chức 12 lớp tập huấn.");
    expect(field("Kính gửi").placeholder).toBe("Bộ Nội vụ");
    expect(field("Nơi nhận").placeholder).toBe("Bộ Nội vụ;\nLưu: VT.");
    expect(screen.getByTestId("report-text-saved").textContent).toBe("Đã lưu lúc 09:05 10/06/2026 bởi Nguyễn Thị Lan");

    const saveButton = within(section).getByRole("button", { name: "Lưu" }) as HTMLButtonElement;
    expect(saveButton.disabled).toBe(true);
    fireEvent.change(field("Số văn bản"), { target: { value: "125" } });
    fireEvent.change(field("Đề xuất, kiến nghị"), { target: { value: "Bổ sung kinh phí." } });
    expect(screen.getByTestId("report-text-saved").textContent).toContain("Có thay đổi chưa lưu");
    fireEvent.click(saveButton);

    await waitFor(() =>
      expect(screen.getByTestId("report-text-saved").textContent).toBe("Đã lưu lúc 14:30 11/06/2026 bởi Lan"),
    );
    expect(puts).toEqual([
      {
        number: "125",
        recipient: "",
        recipients: "",
        signerPosition: "",
        signerName: "",
        activities: "Tổ chức 12 lớp tập huấn.",
        difficulties: "Thiếu cán bộ chuyên trách.",
        proposals: "Bổ sung kinh phí.",
        expectedUpdatedAt: "2026-06-10T02:05:00.000Z",
      },
    ]);
    const put = fetch.mock.calls.find(([, init]) => init?.method === "PUT");
    expect(put?.[1]?.headers).toMatchObject({ "x-csrf-token": "csrf" });
    expect(field("Số văn bản").value).toBe("125");
    // The Word download prints what was saved.
    expect(screen.getByRole("link", { name: "Tải báo cáo (Word)" }).getAttribute("href")).toBe(
      "/api/reports/10/3/2026S1.docx",
    );
  });

  it("keeps unsaved text in this browser through a reload, warns if saved since, and forgets it once saved", async () => {
    const kept = () => Object.keys(localStorage).filter((k) => k.startsWith("binhdang:report-text:"));
    const put = vitest.fn((body: unknown) =>
      reply(200, saved({ ...(body as Partial<ReportText>), updatedAt: "2026-06-12T01:00:00.000Z" })),
    );
    const handler: Handler = (method, body) => (method === "GET" ? reply(200, saved()) : put(body));
    openAs(PLANNER, handler);
    await waitFor(() => expect(field("Khó khăn, vướng mắc").value).toBe("Thiếu cán bộ chuyên trách."));
    fireEvent.change(field("Đề xuất, kiến nghị"), { target: { value: "Tăng biên chế cán bộ." } });
    await waitFor(() => expect(kept()).toEqual(["binhdang:report-text:2:10:3:2026S1"]));
    cleanup(); // the browser is closed before Lưu

    openAs(PLANNER, handler, { keepStorage: true });
    const notice = await screen.findByTestId("report-text-restored", {}, { timeout: 10_000 });
    expect(notice.textContent).toContain("chưa được lưu lên máy chủ");
    expect(notice.textContent).not.toContain("đã được lưu lại sau");
    expect(field("Đề xuất, kiến nghị").value).toBe("Tăng biên chế cán bộ.");
    expect(field("Khó khăn, vướng mắc").value).toBe("Thiếu cán bộ chuyên trách.");
    cleanup();

    // A colleague saved meanwhile: the kept text comes back with a warning.
    openAs(PLANNER, () => reply(200, saved({ updatedAt: "2026-06-11T08:00:00.000Z" })), { keepStorage: true });
    const warned = await screen.findByTestId("report-text-restored", {}, { timeout: 10_000 });
    expect(warned.textContent).toContain("Nội dung đã được lưu lại sau thời điểm đó");
    cleanup();

    openAs(PLANNER, handler, { keepStorage: true });
    await screen.findByTestId("report-text-restored", {}, { timeout: 10_000 });
    fireEvent.click(within(screen.getByTestId("report-text")).getByRole("button", { name: "Lưu" }));
    await waitFor(() => expect(put).toHaveBeenCalledTimes(1));
    expect(put.mock.calls[0]?.[0]).toMatchObject({ proposals: "Tăng biên chế cán bộ." });
    await waitFor(() => expect(kept()).toEqual([]));
    expect(screen.queryByTestId("report-text-restored")).toBeNull();
  });

  it("says when a colleague saved in between, keeps the typing, and reloads on request", async () => {
    let version = saved();
    openAs(PLANNER, (method) => {
      if (method === "GET") return reply(200, version);
      version = saved({
        proposals: "Kiến nghị của đồng nghiệp.",
        updatedAt: "2026-06-10T03:00:00.000Z",
        updatedByName: "Hoa",
      });
      return reply(409, {
        error: {
          code: "CONFLICT",
          message: "Nội dung báo cáo vừa được người khác lưu. Hãy tải lại để xem thay đổi trước khi sửa tiếp.",
          messageEn: "Someone else saved this report's text.",
          requestId: "r9",
          details: [],
        },
      });
    });
    const section = await screen.findByTestId("report-text", {}, { timeout: 10_000 });
    await waitFor(() => expect(field("Đề xuất, kiến nghị")).toBeTruthy());
    fireEvent.change(field("Đề xuất, kiến nghị"), { target: { value: "Kiến nghị của tôi." } });
    fireEvent.click(screen.getByRole("button", { name: "Lưu" }));

    const alert = await within(section).findByRole("alert");
    expect(alert.textContent).toContain("vừa được người khác lưu");
    expect(field("Đề xuất, kiến nghị").value).toBe("Kiến nghị của tôi.");

    fireEvent.click(within(alert).getByRole("button", { name: "Tải lại bản đã lưu" }));
    await waitFor(() => expect(field("Đề xuất, kiến nghị").value).toBe("Kiến nghị của đồng nghiệp."));
    expect(within(section).queryByRole("alert")).toBeNull();
    expect(screen.getByTestId("report-text-saved").textContent).toBe("Đã lưu lúc 10:00 10/06/2026 bởi Hoa");
  });

  it("is read-only for a user who may not write", async () => {
    const fetch = openAs(VIEWER, () => reply(200, saved({ canEdit: false })));
    const section = await screen.findByTestId("report-text", {}, { timeout: 10_000 });
    await waitFor(() => expect(field("Khó khăn, vướng mắc").value).toBe("Thiếu cán bộ chuyên trách."));
    expect(field("Khó khăn, vướng mắc").readOnly).toBe(true);
    expect(field("Số văn bản").readOnly).toBe(true);
    expect(within(section).queryByRole("button", { name: "Lưu" })).toBeNull();
    expect(section.textContent).toContain("Bạn chỉ được xem nội dung này");
    expect(fetch.mock.calls.some(([, init]) => init?.method === "PUT")).toBe(false);
  });
});
