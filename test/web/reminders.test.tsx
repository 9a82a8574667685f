// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi as vitest } from "vitest";
import { dueStatus } from "../../src/core/reporting";
import { Providers } from "../../src/web/app/providers";
import { RemindButton, reminderResultText } from "../../src/web/features/reporting/remind-panel";
import { DueText, dueText, ReminderNote, reminderLine } from "../../src/web/features/reporting/reminder-line";
import { translate } from "../../src/web/i18n/i18n";
import { reply } from "../helpers/web";

const vi = (key: Parameters<typeof translate>[1], values?: Record<string, string | number>) =>
  translate("vi", key, values);
const en = (key: Parameters<typeof translate>[1], values?: Record<string, string | number>) =>
  translate("en", key, values);

describe("time left on a form", () => {
  it("reads as Vietnamese officers say it, with dates dd/mm/yyyy", () => {
    const deadline = "2026-06-10";
    expect(dueText(dueStatus(deadline, "2026-06-07"), deadline, vi)).toBe("Còn 3 ngày (hạn 10/06/2026)");
    expect(dueText(dueStatus(deadline, "2026-06-09"), deadline, vi)).toBe("Còn 1 ngày (hạn 10/06/2026)");
    expect(dueText(dueStatus(deadline, "2026-06-10"), deadline, vi)).toBe("Hạn hôm nay");
    expect(dueText(dueStatus(deadline, "2026-06-12"), deadline, vi)).toBe("Quá hạn 2 ngày");
  });

  it("reads in English too", () => {
    const deadline = "2026-06-10";
    expect(dueText(dueStatus(deadline, "2026-06-07"), deadline, en)).toBe("3 days left (due 10/06/2026)");
    expect(dueText(dueStatus(deadline, "2026-06-11"), deadline, en)).toBe("1 day overdue");
  });

  it("shows an overdue form with its deadline", () => {
    localStorage.clear();
    render(
      <Providers>
        <DueText due={{ status: "overdue", days: 2 }} deadline="2026-06-10" testId="due" />
      </Providers>,
    );
    expect(screen.getByTestId("due").textContent).toBe("Quá hạn 2 ngày");
    expect(screen.getByText("Hạn nộp 10/06/2026")).toBeTruthy();
  });
});

describe("a reminder from the level above", () => {
  afterEach(() => {
    cleanup();
    vitest.unstubAllGlobals();
  });
  // 02:00 UTC is 09:00 in Vietnam.
  const reminder = { sentAt: "2026-06-08T02:00:00.000Z", sentBy: "Nguyễn Thị Lan", message: "Đề nghị gửi trước hạn." };

  it("says when, in Vietnam time", () => {
    expect(reminderLine(reminder, vi)).toBe("Cấp trên đã nhắc lúc 09:00 ngày 08/06/2026");
    expect(reminderLine(reminder, en)).toBe("Reminded by the level above at 09:00 on 08/06/2026");
  });

  it("says when the system itself reminded (no sender)", () => {
    const automatic = { ...reminder, sentBy: null };
    expect(reminderLine(automatic, vi)).toBe("Hệ thống đã tự động nhắc lúc 09:00 ngày 08/06/2026");
    expect(reminderLine(automatic, en)).toBe("Automatic reminder at 09:00 on 08/06/2026");
  });

  it("shows the note under the line", () => {
    localStorage.clear();
    render(
      <Providers>
        <ReminderNote reminder={reminder} testId="note" />
      </Providers>,
    );
    expect(screen.getByTestId("note").textContent).toBe(
      "Cấp trên đã nhắc lúc 09:00 ngày 08/06/2026Lời nhắn: Đề nghị gửi trước hạn.",
    );
  });

  it("summarises a reminder sent to all, naming who was skipped", () => {
    const result = {
      sent: [{ reporterKey: "unit-1", name: "Phường An Hòa", sentAt: reminder.sentAt }],
      skipped: [
        { reporterKey: "agency-2", name: "Sở Y tế", lastSentAt: reminder.sentAt, nextAt: "2026-06-09T02:00:00.000Z" },
      ],
    };
    expect(reminderResultText(result, vi)).toBe("Đã nhắc 1 nơi. Bỏ qua 1 nơi đã được nhắc trong 24 giờ qua: Sở Y tế.");
  });

  it("sends the note to every reporter not yet in and reports the result", async () => {
    localStorage.clear();
    const fetch = vitest.fn(async (_url: string, _init?: RequestInit) =>
      reply(200, { sent: [{ reporterKey: "unit-1", name: "Phường An Hòa", sentAt: reminder.sentAt }], skipped: [] }),
    );
    vitest.stubGlobal("fetch", fetch);
    render(
      <Providers>
        <RemindButton roundId={4} openCount={3} />
      </Providers>,
    );
    fireEvent.click(screen.getByTestId("remind-all"));
    await waitFor(() => expect(screen.getByText(/Sẽ nhắc 3 nơi chưa gửi báo cáo/)).toBeTruthy());
    fireEvent.change(screen.getByLabelText("Lời nhắn (không bắt buộc)"), { target: { value: " Gửi sớm nhé " } });
    fireEvent.click(screen.getByRole("button", { name: "Gửi lời nhắc" }));
    await waitFor(() => expect(screen.getByTestId("remind-result").textContent).toBe("Đã nhắc 1 nơi."));
    const post = fetch.mock.calls.find(([, init]) => init?.method === "POST");
    expect(String(post?.[0])).toMatch(/\/api\/rounds\/4\/reminders$/);
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({ message: "Gửi sớm nhé" });
  });

  it("shows the server's refusal of a second reminder within 24 hours", async () => {
    localStorage.clear();
    const refusal = "Sở Y tế đã được nhắc lúc 09:00 ngày 08/06/2026. Mỗi nơi chỉ được nhắc một lần trong 24 giờ.";
    const fetch = vitest.fn(async (_url: string, _init?: RequestInit) =>
      reply(409, {
        error: { code: "CONFLICT", message: refusal, messageEn: "Throttled", requestId: "r1", details: [] },
      }),
    );
    vitest.stubGlobal("fetch", fetch);
    render(
      <Providers>
        <RemindButton roundId={4} reporter={{ key: "agency-2", name: "Sở Y tế" }} />
      </Providers>,
    );
    fireEvent.click(screen.getByRole("button", { name: "Nhắc Sở Y tế" }));
    await waitFor(() => expect(screen.getByRole("button", { name: "Gửi lời nhắc" })).toBeTruthy());
    fireEvent.click(screen.getByRole("button", { name: "Gửi lời nhắc" }));
    await waitFor(() => expect(screen.getByText(refusal)).toBeTruthy());
    const post = fetch.mock.calls.find(([, init]) => init?.method === "POST");
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({ reporterKey: "agency-2" });
  });
});
