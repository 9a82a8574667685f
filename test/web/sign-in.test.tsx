// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi as vitest } from "vitest";
import { Providers } from "../../src/web/app/providers";
import { SignInPage } from "../../src/web/features/auth/sign-in-page";
import { reply } from "../helpers/web";

const errorBody = (code: string, message: string, messageEn: string) => ({
  error: { code, message, messageEn, requestId: "req-1", details: [] },
});

describe("sign-in page", () => {
  afterEach(() => {
    cleanup();
    vitest.unstubAllGlobals();
  });

  it("shows the server's Vietnamese message on wrong credentials", async () => {
    localStorage.clear();
    const fetch = vitest.fn(async () =>
      reply(
        401,
        errorBody("BAD_CREDENTIALS", "Tên đăng nhập hoặc mật khẩu không đúng.", "Wrong user name or password."),
      ),
    );
    vitest.stubGlobal("fetch", fetch);
    render(
      <Providers>
        <SignInPage />
      </Providers>,
    );
    fireEvent.change(screen.getByLabelText(/Tên đăng nhập/), { target: { value: "demo.planner" } });
    fireEvent.change(screen.getByLabelText(/^Mật khẩu/), { target: { value: "sai" } });
    fireEvent.click(screen.getByRole("button", { name: "Đăng nhập" }));
    await waitFor(() => expect(screen.getByText("Tên đăng nhập hoặc mật khẩu không đúng.")).toBeTruthy());
    expect(fetch).toHaveBeenCalledWith("/api/auth/sign-in", expect.objectContaining({ method: "POST" }));
  });

  it("says how long to wait when rate-limited", async () => {
    localStorage.clear();
    vitest.stubGlobal(
      "fetch",
      vitest.fn(async () =>
        reply(429, errorBody("RATE_LIMITED", "Bạn đã thử quá nhiều lần.", "Too many attempts."), {
          "retry-after": "900",
        }),
      ),
    );
    render(
      <Providers>
        <SignInPage />
      </Providers>,
    );
    fireEvent.change(screen.getByLabelText(/Tên đăng nhập/), { target: { value: "a" } });
    fireEvent.change(screen.getByLabelText(/^Mật khẩu/), { target: { value: "b" } });
    fireEvent.click(screen.getByRole("button", { name: "Đăng nhập" }));
    await waitFor(() => expect(screen.getByText("Bạn có thể thử lại sau khoảng 15 phút.")).toBeTruthy());
  });
});
