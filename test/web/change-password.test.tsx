// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi as vitest } from "vitest";
import { Providers } from "../../src/web/app/providers";
import { ChangePasswordPage } from "../../src/web/features/auth/change-password-page";

describe("forced change-password screen", () => {
  afterEach(() => {
    cleanup();
    vitest.unstubAllGlobals();
  });

  function fill(current: string, next: string, repeat: string) {
    fireEvent.change(screen.getByLabelText(/^Mật khẩu hiện tại/), { target: { value: current } });
    fireEvent.change(screen.getByLabelText(/^Mật khẩu mới/), { target: { value: next } });
    fireEvent.change(screen.getByLabelText(/^Nhập lại mật khẩu mới/), { target: { value: repeat } });
    fireEvent.click(screen.getByRole("button", { name: "Đổi mật khẩu" }));
  }

  it("checks length and repetition before asking the server", () => {
    const fetch = vitest.fn();
    vitest.stubGlobal("fetch", fetch);
    localStorage.clear();
    render(
      <Providers>
        <ChangePasswordPage />
      </Providers>,
    );
    fill("old", "short", "short");
    expect(screen.getByText("Mật khẩu mới cần ít nhất 10 ký tự.")).toBeTruthy();
    fill("old", "a-long-password-1", "a-long-password-2");
    expect(screen.getByText("Hai mật khẩu mới không khớp.")).toBeTruthy();
    expect(fetch).not.toHaveBeenCalled();
  });

  it("sends the change and then re-reads the session", async () => {
    const fetch = vitest.fn(async (url: string) =>
      url === "/api/auth/password"
        ? new Response(JSON.stringify({ ok: true }), { status: 200 })
        : new Response(
            JSON.stringify({
              error: { code: "UNAUTHENTICATED", message: "", messageEn: "", requestId: "", details: [] },
            }),
            { status: 401 },
          ),
    );
    vitest.stubGlobal("fetch", fetch);
    render(
      <Providers>
        <ChangePasswordPage />
      </Providers>,
    );
    fill("old-password", "a-long-password-1", "a-long-password-1");
    await waitFor(() =>
      expect(fetch).toHaveBeenCalledWith("/api/auth/password", expect.objectContaining({ method: "POST" })),
    );
  });
});
