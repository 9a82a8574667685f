// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi as vitest } from "vitest";
import type { Plan } from "../../src/contract/plan";
import { Providers } from "../../src/web/app/providers";
import { BasisSection, ReportingSection, TasksSection } from "../../src/web/features/plans/plan-text-sections";
import { giveDocumentFonts, reply } from "../helpers/web";

// The plan's text sections show and take dates the way officials write them (dd/mm/yyyy, and dd/mm
// for a day of every year), store them as the API's yyyy-mm-dd / MM-DD, refuse impossible days, and
// save a section's rows with the optimistic lock.

giveDocumentFonts();

const PLAN: Plan = {
  id: 7,
  unitId: 10,
  unitName: "Thành phố Cần Thơ",
  issuerAgencyId: null,
  status: "draft",
  version: 1,
  previousVersionId: null,
  number: null,
  symbol: "KH-UBND",
  title: "Kế hoạch thực hiện bình đẳng giới năm 2026",
  periodFrom: 2026,
  periodTo: 2026,
  issuedOn: null,
  updatedAt: "2026-03-01T02:00:00.000Z",
  sourceKind: null,
  sourceStrategyId: null,
  sourcePlanId: null,
  sourceLabel: null,
  place: "Cần Thơ",
  sections: {
    issuerLines: ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ CẦN THƠ"],
    legalBasis: [
      {
        type: "Nghị quyết",
        number: "28/NQ-CP",
        date: "2021-03-03",
        issuer: "Chính phủ",
        title: "Chiến lược quốc gia về bình đẳng giới",
        planId: null,
      },
    ],
    purposes: [],
    requirements: [],
    generalObjective: "",
    tasks: [{ goalNumber: null, text: "Tuyên truyền", agencyIds: [], due: null }],
    models: [],
    budget: [],
    agencyDuties: [],
    reporting: [{ kind: "annual", due: "12-10", to: "Sở Nội vụ" }],
    actionMonth: { from: "11-15", to: "12-15" },
    recipients: [],
    signer: { positionLines: [], name: "" },
  },
  goals: [],
  responsibilities: [],
  agencies: [],
  issuedAt: null,
  createdAt: "2026-03-01T02:00:00.000Z",
};

function stubSave() {
  const fetch = vitest.fn(async (_url: string, init?: RequestInit) =>
    reply(200, { ...PLAN, ...JSON.parse(String(init?.body ?? "{}")), updatedAt: "2026-03-02T02:00:00.000Z" }),
  );
  vitest.stubGlobal("fetch", fetch);
  return () => {
    const patch = fetch.mock.calls.find(([, init]) => init?.method === "PATCH");
    expect(String(patch?.[0])).toMatch(/\/api\/plans\/7$/);
    return JSON.parse(String(patch?.[1]?.body));
  };
}

describe("plan text sections", () => {
  afterEach(() => {
    cleanup();
    vitest.unstubAllGlobals();
  });

  it("shows report deadlines and the Action Month as dd/mm and saves them as MM-DD", async () => {
    const sent = stubSave();
    render(
      <Providers>
        <ReportingSection plan={PLAN} readOnly={false} />
      </Providers>,
    );
    const due = screen.getByLabelText("Hạn gửi (ngày/tháng)") as HTMLInputElement;
    expect(due.value).toBe("10/12");
    const [from, to] = screen.getAllByLabelText(/Tháng hành động/) as HTMLInputElement[];
    expect([from?.value, to?.value]).toEqual(["15/11", "15/12"]);

    fireEvent.change(due, { target: { value: "31/11" } });
    fireEvent.blur(due);
    expect(screen.getByText("Ngày không hợp lệ (dd/mm).")).toBeTruthy();

    fireEvent.change(due, { target: { value: "20/12" } });
    fireEvent.blur(due);
    fireEvent.change(to as HTMLInputElement, { target: { value: "5/1" } });
    fireEvent.blur(to as HTMLInputElement);
    fireEvent.click(screen.getByRole("button", { name: "Thêm" }));
    fireEvent.click(screen.getByRole("button", { name: "Lưu" }));
    await waitFor(() => expect(screen.getByText("Đã lưu")).toBeTruthy());
    expect(sent()).toEqual({
      sections: {
        reporting: [
          { kind: "annual", due: "12-20", to: "Sở Nội vụ" },
          { kind: "annual", due: "12-20", to: "" },
        ],
        actionMonth: { from: "11-15", to: "01-05" },
      },
      expectedUpdatedAt: PLAN.updatedAt,
    });
  });

  it("shows a legal basis date as dd/mm/yyyy, saves it as yyyy-mm-dd and clears it to null", async () => {
    const sent = stubSave();
    render(
      <Providers>
        <BasisSection plan={PLAN} readOnly={false} />
      </Providers>,
    );
    const date = screen.getByLabelText("Ngày ban hành") as HTMLInputElement;
    expect(date.value).toBe("03/03/2021");
    fireEvent.change(date, { target: { value: "" } });
    fireEvent.blur(date);
    fireEvent.change(screen.getByLabelText("Cơ quan ban hành"), { target: { value: "Thủ tướng Chính phủ" } });
    fireEvent.click(screen.getByRole("button", { name: "Lưu" }));
    await waitFor(() => expect(screen.getByText("Đã lưu")).toBeTruthy());
    expect(sent().sections.legalBasis).toEqual([
      { ...PLAN.sections.legalBasis[0], date: null, issuer: "Thủ tướng Chính phủ" },
    ]);
  });

  it("takes a task's due date as dd/mm/yyyy and removes a row with ×", async () => {
    const sent = stubSave();
    render(
      <Providers>
        <TasksSection plan={PLAN} readOnly={false} />
      </Providers>,
    );
    const due = screen.getByLabelText("Thời hạn") as HTMLInputElement;
    fireEvent.change(due, { target: { value: "30/06/2026" } });
    fireEvent.blur(due);
    fireEvent.click(screen.getByRole("button", { name: "Thêm" }));
    expect(screen.getAllByLabelText("Thời hạn")).toHaveLength(2);
    fireEvent.click(screen.getAllByRole("button", { name: "Xóa" })[1] as HTMLElement);
    fireEvent.click(screen.getByRole("button", { name: "Lưu" }));
    await waitFor(() => expect(screen.getByText("Đã lưu")).toBeTruthy());
    expect(sent().sections.tasks).toEqual([
      { goalNumber: null, text: "Tuyên truyền", agencyIds: [], due: "2026-06-30" },
    ]);
  });

  it("is read-only without Save, Add or remove buttons", () => {
    stubSave();
    render(
      <Providers>
        <ReportingSection plan={PLAN} readOnly />
      </Providers>,
    );
    expect((screen.getByLabelText("Hạn gửi (ngày/tháng)") as HTMLInputElement).readOnly).toBe(true);
    expect(screen.queryByRole("button", { name: "Lưu" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Thêm" })).toBeNull();
  });
});
