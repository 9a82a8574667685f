// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi as vitest } from "vitest";
import type { Session } from "../../src/contract/auth";
import type { Form } from "../../src/contract/data-value";
import { Providers } from "../../src/web/app/providers";
import { FormEditor } from "../../src/web/features/reporting/form-editor";
import { parseFigure, showFigure } from "../../src/web/features/reporting/labels";
import { SubmissionLine, submissionLine } from "../../src/web/features/reporting/submission-line";
import { translate } from "../../src/web/i18n/i18n";
import { reply } from "../helpers/web";

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
  submittedBy: null,
  decidedAt: null,
  decidedBy: null,
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

const SESSION: Session = {
  user: {
    id: 9,
    username: "demo.ward.reporter",
    displayName: "Trần Văn Minh",
    role: "reporter",
    unitId: 7,
    agencyId: null,
    mustChangePassword: false,
    locale: "vi",
    unitName: "Phường Ninh Kiều",
    agencyName: null,
  },
  csrfToken: "t",
};

/** A stubbed server: the signed-in ward reporter's session, and `answer` for everything else. */
function stubServer(answer: (url: string, init?: RequestInit) => Response) {
  const fetch = vitest.fn(async (url: string, init?: RequestInit) =>
    String(url).endsWith("/api/auth/session") ? reply(200, SESSION) : answer(url, init),
  );
  vitest.stubGlobal("fetch", fetch);
  return fetch;
}

describe("form editor", () => {
  afterEach(() => {
    cleanup();
    vitest.unstubAllGlobals();
  });

  it("refuses a negative count on the spot, before any request", async () => {
    localStorage.clear();
    const fetch = stubServer(() => reply(200, FORM));
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
    const fetch = stubServer((_url, init) =>
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

  const keptDrafts = () => Object.keys(localStorage).filter((k) => k.includes("form-draft"));
  const renderForm = (form: Form) =>
    render(
      <Providers>
        <FormEditor form={form} />
      </Providers>,
    );

  it("keeps typing on this computer through a reload, then forgets it once saved", async () => {
    localStorage.clear();
    const saved = {
      ...FORM,
      updatedAt: "2024-12-03T00:00:00.000Z",
      rows: [{ ...(FORM.rows[0] as Form["rows"][number]), cells: [cell("total", 35)] }],
    };
    const fetch = stubServer((_url, init) => reply(200, init?.method === "PUT" ? saved : FORM));
    renderForm(FORM);
    fireEvent.change(screen.getByTestId("cell-TC_TONGSO-total-2024"), { target: { value: "35" } });
    await waitFor(() => expect(keptDrafts()).toEqual(["binhdang:form-draft:9:2:unit-7"]));
    cleanup(); // the tab is closed, or the power goes
    renderForm(FORM);
    expect((await screen.findByTestId("draft-restored")).textContent).toContain("chưa được lưu lên máy chủ");
    expect(screen.getByTestId("draft-restored").textContent).not.toContain("đã được lưu lại sau");
    expect((screen.getByTestId("cell-TC_TONGSO-total-2024") as HTMLInputElement).value).toBe("35");
    fireEvent.click(screen.getByRole("button", { name: "Lưu nháp" }));
    await waitFor(() => expect(fetch.mock.calls.some(([, init]) => init?.method === "PUT")).toBe(true));
    await waitFor(() => expect(keptDrafts()).toEqual([]));
    cleanup();
    renderForm(saved);
    await waitFor(() => expect(fetch.mock.calls.filter(([url]) => String(url).endsWith("/session"))).toHaveLength(3));
    expect(screen.queryByTestId("draft-restored")).toBeNull();
  });

  it("warns when the form was saved since, and can discard what was kept", async () => {
    localStorage.clear();
    stubServer(() => reply(200, FORM));
    renderForm(FORM);
    fireEvent.change(screen.getByTestId("cell-TC_TONGSO-total-2024"), { target: { value: "41" } });
    await waitFor(() => expect(keptDrafts()).toHaveLength(1));
    cleanup();
    renderForm({ ...FORM, updatedAt: "2024-12-05T00:00:00.000Z" });
    expect((await screen.findByTestId("draft-restored")).textContent).toContain(
      "Biểu mẫu đã được lưu lại sau thời điểm đó",
    );
    fireEvent.click(screen.getByRole("button", { name: "Bỏ số liệu chưa lưu" }));
    expect((screen.getByTestId("cell-TC_TONGSO-total-2024") as HTMLInputElement).value).toBe("20");
    expect(screen.queryByTestId("draft-restored")).toBeNull();
    await waitFor(() => expect(keptDrafts()).toEqual([]));
  });

  it("restores nothing into a form that can no longer be edited", async () => {
    localStorage.clear();
    stubServer(() => reply(200, FORM));
    renderForm(FORM);
    fireEvent.change(screen.getByTestId("cell-TC_TONGSO-total-2024"), { target: { value: "41" } });
    await waitFor(() => expect(keptDrafts()).toHaveLength(1));
    cleanup();
    renderForm({ ...FORM, state: "submitted", editable: false });
    await waitFor(() => expect(keptDrafts()).toEqual([]));
    expect(screen.queryByTestId("draft-restored")).toBeNull();
  });
});

describe("who submitted and decided a form", () => {
  afterEach(cleanup);
  const vi = (key: Parameters<typeof translate>[1], values?: Record<string, string | number>) =>
    translate("vi", key, values);
  const en = (key: Parameters<typeof translate>[1], values?: Record<string, string | number>) =>
    translate("en", key, values);
  // 07:05 UTC is 14:05 in Vietnam; 17:30 UTC on the 11th is already the 12th there.
  const approved: Form = {
    ...FORM,
    state: "approved",
    editable: false,
    submittedAt: "2026-06-10T07:05:00.000Z",
    submittedBy: "Phạm Thị Thu",
    decidedAt: "2026-06-11T17:30:00.000Z",
    decidedBy: "Nguyễn Thị Lan",
  };

  it("says nothing before the first submission", () => {
    expect(submissionLine(FORM, vi)).toBeNull();
  });

  it("names the submitter and the approver with Vietnam times, in both languages", () => {
    expect(submissionLine(approved, vi)).toBe(
      "Đã gửi lúc 14:05 ngày 10/06/2026 bởi Phạm Thị Thu · Đã duyệt lúc 00:30 ngày 12/06/2026 bởi Nguyễn Thị Lan",
    );
    expect(submissionLine(approved, en)).toBe(
      "Submitted at 14:05 on 10/06/2026 by Phạm Thị Thu · Approved at 00:30 on 12/06/2026 by Nguyễn Thị Lan",
    );
  });

  it("shows a return, and the times alone when the names are not known", () => {
    const returned: Form = { ...approved, state: "returned", submittedBy: null, decidedBy: null };
    expect(submissionLine(returned, vi)).toBe(
      "Đã gửi lúc 14:05 ngày 10/06/2026 · Đã trả lại lúc 00:30 ngày 12/06/2026",
    );
  });

  it("does not show an old decision once the form is submitted again", () => {
    const resubmitted: Form = { ...approved, state: "submitted", submittedBy: "Phạm Thị Thu" };
    expect(submissionLine(resubmitted, vi)).toBe("Đã gửi lúc 14:05 ngày 10/06/2026 bởi Phạm Thị Thu");
  });

  it("renders the line in the form header", () => {
    localStorage.clear();
    render(
      <Providers>
        <SubmissionLine form={approved} />
      </Providers>,
    );
    expect(screen.getByTestId("form-people").textContent).toMatch(
      /^Đã gửi lúc 14:05 ngày 10\/06\/2026 bởi Phạm Thị Thu · /,
    );
  });
});
