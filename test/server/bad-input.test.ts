import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/server/db/client";
import { createTestServer, type TestClient, type TestServer } from "../helpers/http";
import { type FixtureIds, prepareFixtureIds } from "../helpers/route-fixtures";

// Bad input gets a 4xx with a Vietnamese message (English second) and writes
// nothing: the row counts and the audit log are the same before and after.

let server: TestServer;
let planner: TestClient;
let ids: FixtureIds;

async function snapshot(): Promise<Record<string, number>> {
  const rows = await queryRows<{ agencies: number; audit: number; users: number }>(
    server.database.db,
    sql`SELECT (SELECT count(*)::int FROM agencies) AS agencies, (SELECT count(*)::int FROM audit_log) AS audit,
               (SELECT count(*)::int FROM users) AS users`,
  );
  return rows[0] as Record<string, number>;
}

beforeAll(async () => {
  server = await createTestServer();
  ids = await prepareFixtureIds(server.database.db);
  planner = await server.signIn("demo.planner");
});
afterAll(async () => server.close());

const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;

async function expectRefused(
  status: number,
  request: () => ReturnType<TestServer["request"]> | ReturnType<TestServer["app"]["inject"]>,
) {
  const before = await snapshot();
  const res = await request();
  expect(res.statusCode).toBe(status);
  const body = res.json();
  expect(body.error.message).toMatch(VIETNAMESE);
  expect(body.error.messageEn.length).toBeGreaterThan(0);
  expect(body.error.requestId).toBeTruthy();
  expect(await snapshot()).toEqual(before);
  return body;
}

describe("bad input writes nothing", () => {
  it("malformed JSON → 400 BAD_JSON", async () => {
    const body = await expectRefused(400, () =>
      server.app.inject({
        method: "POST",
        url: "/api/agencies",
        headers: { cookie: planner.cookie, "x-csrf-token": planner.csrf, "content-type": "application/json" },
        payload: '{"unitId": 1, "name": "Sở',
      }),
    );
    expect(body.error.code).toBe("BAD_JSON");
  });

  it("a wrong type → 400 VALIDATION naming the field", async () => {
    const body = await expectRefused(400, () =>
      server.request(planner, "POST", "/api/agencies", { unitId: ids.cityId, name: 42, type: "so" }),
    );
    expect(body.error.code).toBe("VALIDATION");
    expect(JSON.stringify(body.error.details)).toContain("name");
  });

  it("an unknown agency type → 400", async () => {
    await expectRefused(400, () =>
      server.request(planner, "POST", "/api/agencies", { unitId: ids.cityId, name: "Sở Mới", type: "bo" }),
    );
  });

  it("an unknown unit → 404 with a Vietnamese message", async () => {
    const body = await expectRefused(404, () =>
      server.request(planner, "POST", "/api/agencies", { unitId: 9_999_999, name: "Sở Mới", type: "so" }),
    );
    expect(body.error.message).toContain("đơn vị hành chính");
    const byCode = await server.request(planner, "GET", "/api/units/code/99999");
    expect(byCode.statusCode).toBe(404);
    expect(byCode.json().error.message).toContain("99999");
  });

  it("an oversized body → 413", async () => {
    const body = await expectRefused(413, () =>
      server.request(planner, "POST", "/api/agencies", {
        unitId: ids.cityId,
        name: "x".repeat(2_000_000),
        type: "so",
      }),
    );
    expect(body.error.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("a duplicate agency name → 409 and nothing written", async () => {
    await expectRefused(409, () =>
      server.request(planner, "POST", "/api/agencies", { unitId: ids.cityId, name: "sở y tế", type: "so" }),
    );
  });

  it("a state change without the CSRF token → 403", async () => {
    const body = await expectRefused(403, () =>
      server.request({ ...planner, csrf: "forged" }, "PATCH", `/api/agencies/${ids.agencyId}`, { name: "Khác" }),
    );
    expect(body.error.code).toBe("CSRF");
  });

  it("a cross-site sign-in attempt → 403", async () => {
    await expectRefused(403, () =>
      server.app.inject({
        method: "POST",
        url: "/api/auth/sign-in",
        headers: { origin: "https://evil.example", host: "localhost" },
        payload: { username: "demo.planner", password: "binhdang-demo" },
      }),
    );
  });
});
