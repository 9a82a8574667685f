import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findUnitByCode } from "../../src/server/db/repos/unit.repo";
import { systemActor } from "../../src/server/services/context";
import { todayIso } from "../../src/server/services/unit.service";
import { createUser } from "../../src/server/services/user.service";
import { createTestServer, type TestClient, type TestServer } from "../helpers/http";
import { FIXTURES, type FixtureIds, prepareFixtureIds } from "../helpers/route-fixtures";

// Walks the whole route table: every non-public route refuses a request
// without a session (401), and every scoped route refuses a user of another
// province (403). A route added without a fixture here fails the test, so no
// route escapes the walk.

let server: TestServer;
let outsider: TestClient;
let ids: FixtureIds;

beforeAll(async () => {
  server = await createTestServer();
  const db = server.database.db;
  ids = await prepareFixtureIds(db);
  const hanoi = await findUnitByCode(db, "01", todayIso());
  if (!hanoi) throw new Error("units missing");
  await createUser(db, systemActor(), {
    username: "hanoi.planner",
    displayName: "Planner of Hà Nội",
    role: "planner",
    unitId: hanoi.id,
    password: "hanoi-password-1",
  });
  outsider = await server.signIn("hanoi.planner", "hanoi-password-1");
});
afterAll(async () => server.close());

const key = (r: { method: string; url: string }) => `${r.method} ${r.url}`;

describe("route table", () => {
  it("has a fixture for every non-public route", () => {
    const routes = server.app.routeTable.filter((r) => r.access !== "public").map(key);
    const missing = routes.filter((r) => !FIXTURES[r]);
    expect(missing).toEqual([]);
  });

  it("refuses every non-public route without a session (401)", async () => {
    for (const route of server.app.routeTable.filter((r) => r.access !== "public")) {
      const make = FIXTURES[key(route)];
      if (!make) continue;
      const f = make(ids);
      const res = await server.request(null, route.method as "GET", f.url, f.body);
      expect([key(route), res.statusCode]).toEqual([key(route), 401]);
      expect(res.json().error.message).toMatch(/đăng nhập/);
    }
  });

  it("refuses every scoped route to a planner of another province (403)", async () => {
    for (const route of server.app.routeTable.filter((r) => r.access !== "public")) {
      const make = FIXTURES[key(route)];
      if (!make) continue;
      const f = make(ids);
      if (f.scope === "any-user") continue;
      const res = await server.request(outsider, route.method as "GET", f.url, f.body);
      expect([key(route), res.statusCode]).toEqual([key(route), 403]);
    }
  });

  it("lets the same requests through for an in-scope planner (not 401/403)", async () => {
    const planner = await server.signIn("demo.planner");
    for (const route of server.app.routeTable.filter((r) => r.access !== "public" && r.method === "GET")) {
      const make = FIXTURES[key(route)];
      if (!make) continue;
      const f = make(ids);
      if (f.scope === "admin") continue;
      const res = await server.request(planner, "GET", f.url);
      expect([key(route), res.statusCode]).toEqual([key(route), 200]);
    }
  });
});
