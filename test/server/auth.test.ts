import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../../src/server/services/context";
import { createUser } from "../../src/server/services/user.service";
import { createTestServer, type TestServer } from "../helpers/http";

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer();
});
afterAll(async () => server.close());

describe("sign-in and sessions", () => {
  it("sets an HttpOnly SameSite=Strict cookie and returns the CSRF token", async () => {
    const res = await server.app.inject({
      method: "POST",
      url: "/api/auth/sign-in",
      payload: { username: "demo.viewer", password: "binhdang-demo" },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === "bd_session");
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Strict");
    expect(res.json().csrfToken.length).toBeGreaterThan(20);
    expect(res.json().user.role).toBe("viewer");
  });

  it("sends security headers", async () => {
    const res = await server.app.inject({ method: "GET", url: "/api/health" });
    expect(res.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(res.headers["x-frame-options"]).toBe("DENY");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["x-request-id"]).toBeTruthy();
  });

  it("refuses a wrong password with a Vietnamese message, then rate-limits", async () => {
    const attempt = () =>
      server.app.inject({
        method: "POST",
        url: "/api/auth/sign-in",
        remoteAddress: "10.9.9.9",
        payload: { username: "demo.ward", password: "not-the-password" },
      });
    const first = await attempt();
    expect(first.statusCode).toBe(401);
    expect(first.json().error.message).toBe("Tên đăng nhập hoặc mật khẩu không đúng.");
    const codes: number[] = [];
    for (let i = 0; i < 8; i++) codes.push((await attempt()).statusCode);
    expect(codes.at(-1)).toBe(429);
    // Even the right password is refused while the limit holds.
    const right = await server.app.inject({
      method: "POST",
      url: "/api/auth/sign-in",
      remoteAddress: "10.9.9.9",
      payload: { username: "demo.ward", password: "binhdang-demo" },
    });
    expect(right.statusCode).toBe(429);
    expect(right.json().error.message).toMatch(/thử lại sau/);
  });

  it("signs out everywhere: every session of the user ends", async () => {
    const a = await server.signIn("demo.reporter");
    const b = await server.signIn("demo.reporter");
    expect((await server.request(b, "GET", "/api/auth/session")).statusCode).toBe(200);
    expect((await server.request(a, "POST", "/api/auth/sign-out-everywhere")).statusCode).toBe(200);
    expect((await server.request(b, "GET", "/api/auth/session")).statusCode).toBe(401);
    expect((await server.request(a, "GET", "/api/auth/session")).statusCode).toBe(401);
  });

  it("makes a user with a one-time password change it before anything else", async () => {
    await createUser(server.database.db, systemActor(), {
      username: "fresh.admin",
      displayName: "Fresh",
      role: "admin",
      password: "one-time-pass-1",
      mustChangePassword: true,
    });
    const c = await server.signIn("fresh.admin", "one-time-pass-1");
    const blocked = await server.request(c, "GET", "/api/units/root");
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe("PASSWORD_CHANGE_REQUIRED");
    const changed = await server.request(c, "POST", "/api/auth/password", {
      currentPassword: "one-time-pass-1",
      newPassword: "a-better-password-2",
    });
    expect(changed.statusCode).toBe(200);
    expect((await server.request(c, "GET", "/api/units/root")).statusCode).toBe(200);
  });

  it("publishes the OpenAPI document with the routes", async () => {
    const res = await server.app.inject({ method: "GET", url: "/api/openapi.json" });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/agencies", "/api/units/search"]));
  });
});
