import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestServer, type TestClient, type TestServer } from "../helpers/http";
import { type FixtureIds, prepareFixtureIds } from "../helpers/route-fixtures";

let server: TestServer;
let planner: TestClient;
let ids: FixtureIds;
beforeAll(async () => {
  server = await createTestServer();
  ids = await prepareFixtureIds(server.database.db);
  planner = await server.signIn("demo.planner");
});
afterAll(async () => server.close());

describe("agencies", () => {
  it("creates, renames and closes an agency, each step in its history", async () => {
    const created = await server.request(planner, "POST", "/api/agencies", {
      unitId: ids.cityId,
      name: "Ban Dân tộc thành phố",
      type: "ban",
    });
    expect(created.statusCode).toBe(200);
    const agency = created.json();
    const renamed = await server.request(planner, "PATCH", `/api/agencies/${agency.id}`, {
      name: "Sở Dân tộc và Tôn giáo",
      type: "so",
      expectedUpdatedAt: agency.updatedAt,
    });
    expect(renamed.statusCode).toBe(200);
    // A second edit based on the stale version is refused, not silently applied.
    const stale = await server.request(planner, "PATCH", `/api/agencies/${agency.id}`, {
      name: "Tên khác",
      expectedUpdatedAt: agency.updatedAt,
    });
    expect(stale.statusCode).toBe(409);
    const closed = await server.request(planner, "POST", `/api/agencies/${agency.id}/close`, {
      closedOn: "2026-12-31",
    });
    expect(closed.json().closedOn).toBe("2026-12-31");
    const history = (await server.request(planner, "GET", `/api/audit?objectType=agency&objectId=${agency.id}`)).json();
    expect(history.items.map((e: { action: string }) => e.action)).toEqual(["create", "update", "close"]);
    expect(history.items[1].old.name).toBe("Ban Dân tộc thành phố");
    expect(history.items[1].new.name).toBe("Sở Dân tộc và Tôn giáo");
    expect(history.items[1].actorName).toContain("Nguyễn Thị Lan");
    const open = (await server.request(planner, "GET", `/api/agencies?unitId=${ids.cityId}`)).json();
    expect(open.items.some((a: { id: number }) => a.id === agency.id)).toBe(false);
    const all = (await server.request(planner, "GET", `/api/agencies?unitId=${ids.cityId}&includeClosed=true`)).json();
    expect(all.items.some((a: { id: number }) => a.id === agency.id)).toBe(true);
  });

  it("never deletes an agency something refers to", async () => {
    // Sở Y tế has a demo reporter account pointing at it.
    const res = await server.request(planner, "DELETE", `/api/agencies/${ids.agencyId}`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain("đóng cơ quan");
  });

  it("deletes an agency created by mistake, and keeps the deletion in the audit", async () => {
    const made = (
      await server.request(planner, "POST", "/api/agencies", { unitId: ids.cityId, name: "Nhầm", type: "khac" })
    ).json();
    expect((await server.request(planner, "DELETE", `/api/agencies/${made.id}`)).statusCode).toBe(200);
    const admin = await server.signIn("demo.admin");
    const history = (await server.request(admin, "GET", `/api/audit?objectType=agency&objectId=${made.id}`)).json();
    expect(history.items.map((e: { action: string }) => e.action)).toEqual(["create", "delete"]);
  });

  it("lets a viewer read but not write", async () => {
    const viewer = await server.signIn("demo.viewer");
    expect((await server.request(viewer, "GET", `/api/agencies?unitId=${ids.cityId}`)).statusCode).toBe(200);
    const res = await server.request(viewer, "POST", "/api/agencies", { unitId: ids.cityId, name: "Sở X", type: "so" });
    expect(res.statusCode).toBe(403);
  });
});
