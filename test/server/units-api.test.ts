import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestServer, type TestClient, type TestServer } from "../helpers/http";

let server: TestServer;
let viewer: TestClient;
beforeAll(async () => {
  server = await createTestServer();
  viewer = await server.signIn("demo.viewer");
});
afterAll(async () => server.close());

describe("units API", () => {
  it("finds Cần Thơ from 'can tho', with today's tree by default", async () => {
    const res = await server.request(viewer, "GET", "/api/units/search?q=can%20tho");
    const items = res.json().items;
    expect(items[0].fullName).toBe("Thành phố Cần Thơ");
    expect(items[0].validFrom).toBe("2025-07-01");
  });

  it("shows the pre-2025 structure on a date before the reform", async () => {
    const res = await server.request(viewer, "GET", "/api/units/search?q=ninh%20kieu&asOf=2025-06-30");
    const district = res.json().items.find((u: { level: string }) => u.level === "district");
    expect(district.fullName).toBe("Quận Ninh Kiều");
    expect(district.validTo).toBe("2025-07-01");
    const kids = (await server.request(viewer, "GET", `/api/units/${district.id}/children?asOf=2025-06-30`)).json();
    expect(kids.items.length).toBeGreaterThan(5);
    expect(kids.items.every((k: { level: string }) => k.level === "commune")).toBe(true);
  });

  it("places a search hit under its ancestors", async () => {
    const res = await server.request(viewer, "GET", "/api/units/search?q=phuong%20ninh%20kieu");
    const hit = res.json().items[0];
    expect(hit.fullName).toBe("Phường Ninh Kiều");
    expect(hit.path).toEqual(["Thành phố Cần Thơ"]);
  });

  it("shows a unit's earlier name under the same code (Đồng Nai, 2026)", async () => {
    const unit = (await server.request(viewer, "GET", "/api/units/code/75")).json();
    const res = (await server.request(viewer, "GET", `/api/units/${unit.id}`)).json();
    expect(res.unit.fullName).toBe("Thành phố Đồng Nai");
    expect(res.revisions).toEqual([
      expect.objectContaining({ fullName: "Tỉnh Đồng Nai", type: "tinh", validTo: "2026-04-30" }),
    ]);
    const before = (await server.request(viewer, "GET", `/api/units/${unit.id}?asOf=2026-01-01`)).json();
    expect(before.unit.fullName).toBe("Tỉnh Đồng Nai");
  });

  it("follows the crosswalk from an old commune to its new ward", async () => {
    const old = (await server.request(viewer, "GET", "/api/units/code/00004?asOf=2025-06-30")).json();
    const cw = (await server.request(viewer, "GET", `/api/units/${old.id}/crosswalk`)).json();
    expect(cw.items).toEqual([
      expect.objectContaining({
        relation: "whole",
        oldUnit: expect.objectContaining({ fullName: "Phường Trúc Bạch" }),
        newUnit: expect.objectContaining({ fullName: "Phường Ba Đình" }),
      }),
    ]);
  });

  it("records the reference-data load in the audit log", async () => {
    const admin = await server.signIn("demo.admin");
    const res = (await server.request(admin, "GET", "/api/audit?objectType=reference_data&objectId=units")).json();
    expect(res.items[0].action).toBe("load");
    expect(res.items[0].new.inserted).toBeGreaterThan(14000);
  });
});
