// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi as vitest } from "vitest";
import type { Form } from "../../src/contract/data-value";
import { Providers } from "../../src/web/app/providers";
import { FormEditor } from "../../src/web/features/reporting/form-editor";
import { parseFigure, showFigure } from "../../src/web/features/reporting/labels";

describe("Vietnamese figures", () => {
  it("reads decimal commas and thousands dots", () => {
    expect(parseFigure("1,4")).toBe(1.4);
    expect(parseFigure("1.250.000")).toBe(1_250_000);
    expect(parseFigure("1.234,5")).toBe(1234.5);
    expect(parseFigure(" 12 ")).toBe(12);
    expect(parseFigure("1.4")).toBe(1.4);
    expect(parseFigure("")).toBeNull();
    expect(parseFigure("12a")).toBeNaN();
  });

  it("shows stored figures the Vietnamese way, every decimal kept", () => {
    expect(showFigure(1.4)).toBe("1,4");
    expect(showFigure(1_250_000)).toBe("1.250.000");
    expect(showFigure(0.125)).toBe("0,125");
    expect(showFigure(null)).toBe("");
  });
});

const cell = (option: "nu" | "nam" | "total", value: number | null) => ({
  option,
  label: option,
  value,
  previous: 5,
  comment: null,
  lockedBy: null,
});

const FORM: Form = {
  round: {
    id: 2,
    planId: 1,
    period: "2024",
    periodLabel: "Năm 2024",
    windowFrom: "2023-12-15",
    windowTo: "2024-12-14",
    deadline: "2024-12-10",
    treeDate: "2024-12-14",
    openedAt: "2024-12-01T00:00:00Z",
    expected: 2,
    submitted: 0,
    approved: 0,
  },
  reporter: { key: "unit-7", kind: "unit", name: "Phường Ninh Kiều", unitId: 7, agencyId: null },
  state: "draft",
  editable: true,
  updatedAt: "2024-12-02T00:00:00.000Z",
  submittedAt: null,
  decisionComment: null,
  indicators: [{ id: 17, code: "6.2", text: "Tổ chức được phổ biến" }],
  goals: [],
  rows: [
    {
      element: "TC_TONGSO",
      name: "Số tổ chức",
      valueType: "count",
      period: "2024",
      periodLabel: "Năm 2024",
      previousPeriod: "2023",
      indicatorIds: [17],
      cells: [cell("total", 20)],
    },
  ],
  issues: [],
  evidence: [],
};

function reply(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
}

describe("form editor", () => {
  afterEach(() => {
    cleanup();
    vitest.unstubAllGlobals();
  });

  it("refuses a negative count on the spot, before any request", async () => {
    localStorage.clear();
    const fetch = vitest.fn(async (_url: string, _init?: RequestInit) => reply(200, FORM));
    vitest.stubGlobal("fetch", fetch);
    render(
      <Providers>
        <FormEditor form={FORM} />
      </Providers>,
    );
    const input = screen.getByTestId("cell-TC_TONGSO-total-2024") as HTMLInputElement;
    expect(input.value).toBe("20");
    fireEvent.change(input, { target: { value: "-3" } });
    await waitFor(() => expect(screen.getByText(/không được âm/)).toBeTruthy());
    expect((screen.getByRole("button", { name: "Lưu nháp" }) as HTMLButtonElement).disabled).toBe(true);
    expect(fetch.mock.calls.some(([, init]) => init?.method === "PUT" || init?.method === "POST")).toBe(false);
  });

  it("keeps what was typed and names the cell when the server refuses the save", async () => {
    localStorage.clear();
    const fetch = vitest.fn(async (_url: string, init?: RequestInit) =>
      init?.method === "PUT"
        ? reply(400, {
            error: {
              code: "VALIDATION",
              message: "Có số liệu không hợp lệ; chưa lưu gì.",
              messageEn: "Some values are not valid; nothing was saved.",
              requestId: "r1",
              details: [{ path: "values.0", message: "Số tổ chức quá lớn.", messageEn: "Too large." }],
            },
          })
        : reply(200, FORM),
    );
    vitest.stubGlobal("fetch", fetch);
    render(
      <Providers>
        <FormEditor form={FORM} />
      </Providers>,
    );
    const input = screen.getByTestId("cell-TC_TONGSO-total-2024") as HTMLInputElement;
    fireEvent.change(input, { target: { value: "1.200" } });
    fireEvent.click(screen.getByRole("button", { name: "Lưu nháp" }));
    await waitFor(() => expect(screen.getByText("Số tổ chức quá lớn.")).toBeTruthy());
    expect(input.value).toBe("1.200");
    const put = fetch.mock.calls.find(([, init]) => init?.method === "PUT");
    const body = JSON.parse(String(put?.[1]?.body));
    expect(body.values).toEqual([{ element: "TC_TONGSO", period: "2024", option: "total", value: 1200 }]);
    expect(body.expectedUpdatedAt).toBe(FORM.updatedAt);
  });
});
