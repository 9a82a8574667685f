import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/server/db/client";
import { findOpenAgencyByName } from "../../src/server/db/repos/agency.repo";
import { findUnitByCode } from "../../src/server/db/repos/unit.repo";
import { createTestServer, type TestClient, type TestServer } from "../helpers/http";
import { buildIssuedPlan } from "../helpers/reporting-builders";

// DHIS2 dataValueSets: a round exported from one database and imported into a
// fresh one exports identically (JSON and CSV); imports are all or nothing and
// never overwrite an approved value.

const INDICATORS = {
  "3.4": [["Sở Y tế", "lead"]],
  "6.2": [["Sở Nội vụ", "lead"]],
  "6.3": [["Sở Nội vụ", "lead"]],
} as const;

interface Side {
  server: TestServer;
  admin: TestClient;
  planId: number;
  roundId: number;
  wardKey: string;
  healthKey: string;
}

async function side(): Promise<Side> {
  const server = await createTestServer();
  const db = server.database.db;
  const built = await buildIssuedPlan(db, {
    indicators: INDICATORS as unknown as Record<string, [string, "lead"][]>,
    title: "Kế hoạch thử trao đổi DHIS2",
    periodFrom: 2026,
    periodTo: 2026,
  });
  const admin = await server.signIn("demo.admin");
  const round = await server.request(admin, "POST", `/api/plans/${built.plan.id}/rounds`, { period: "2026" });
  const ward = await findUnitByCode(db, "31135", "2025-12-01");
  const health = await findOpenAgencyByName(db, built.plan.unitId, "Sở Y tế");
  return {
    server,
    admin,
    planId: built.plan.id,
    roundId: round.json().id,
    wardKey: `unit-${ward?.id}`,
    healthKey: `agency-${health?.id}`,
  };
}

let a: Side;
let b: Side;
beforeAll(async () => {
  a = await side();
  b = await side();
});
afterAll(async () => {
  await a?.server.close();
  await b?.server.close();
});

const exportJson = (s: Side) => s.server.request(s.admin, "GET", `/api/dataValueSets?dataSet=${s.planId}&period=2026`);

describe("dataValueSets", () => {
  it("exports a round, imports it into a fresh database, exports it again identically", async () => {
    expect(a.planId).toBe(b.planId);
    const ward = await a.server.request(a.admin, "PUT", `/api/rounds/${a.roundId}/forms/${a.wardKey}`, {
      values: [
        { element: "TC_TONGSO", period: "2026", option: "total", value: 42 },
        { element: "TC_PHOBIEN_CAMKET", period: "2026", option: "total", value: 39, comment: "Có cả chi bộ khu vực" },
        ...["2026Q1", "2026Q2", "2026Q3", "2026Q4"].map((period, i) => ({
          element: "TIN_BAI_BDG",
          period,
          option: "total" as const,
          value: 3 + i,
        })),
      ],
    });
    expect(ward.statusCode, ward.body).toBe(200);
    const dept = await a.server.request(a.admin, "PUT", `/api/rounds/${a.roundId}/forms/${a.healthKey}`, {
      values: [
        { element: "CSTGXH_CONGLAP", period: "2026", option: "total", value: 5 },
        { element: "CSTGXH_BLG", period: "2026", option: "total", value: 2.5 - 0.5 },
      ],
    });
    expect(dept.statusCode, dept.body).toBe(200);
    const first = (await exportJson(a)).json();
    expect(first.dataValues).toHaveLength(8);
    expect(first.dataValues).toContainEqual({
      dataElement: "TC_PHOBIEN_CAMKET",
      categoryOptionCombo: "total",
      value: "39",
      period: "2026",
      orgUnit: "31135",
      comment: "Có cả chi bộ khu vực",
    });
    const summary = await b.server.request(b.admin, "POST", "/api/dataValueSets", first);
    expect(summary.json()).toMatchObject({ status: "SUCCESS", importCount: { imported: 8, updated: 0, ignored: 0 } });
    const again = (await exportJson(b)).json();
    expect(again).toEqual(first);

    const csv = await a.server.request(a.admin, "GET", `/api/dataValueSets?dataSet=${a.planId}&period=2026&format=csv`);
    expect(csv.headers["content-type"]).toContain("text/csv");
    const csvB = await b.server.request(
      b.admin,
      "GET",
      `/api/dataValueSets?dataSet=${b.planId}&period=2026&format=csv`,
    );
    expect(csvB.body).toBe(csv.body);
    // Importing the same CSV again changes nothing: every row is "ignored".
    const reimport = await b.server.app.inject({
      method: "POST",
      url: `/api/dataValueSets?dataSet=${b.planId}&period=2026`,
      headers: { cookie: b.admin.cookie, "x-csrf-token": b.admin.csrf, "content-type": "text/csv" },
      payload: csv.body,
    });
    expect(reimport.json()).toMatchObject({ status: "SUCCESS", importCount: { imported: 0, updated: 0, ignored: 8 } });
  });

  it("reports every bad row and writes nothing", async () => {
    const before = await queryRows<{ n: number }>(
      b.server.database.db,
      sql`SELECT count(*)::int AS n FROM data_values`,
    );
    const res = await b.server.request(b.admin, "POST", "/api/dataValueSets", {
      dataSet: String(b.planId),
      period: "2026",
      dataValues: [
        { dataElement: "TC_TONGSO", categoryOptionCombo: "total", value: "50", orgUnit: "31135" },
        { dataElement: "TC_TONGSO", categoryOptionCombo: "nu", value: "5", orgUnit: "31135" },
        { dataElement: "TC_TONGSO", categoryOptionCombo: "total", value: "-3", orgUnit: "31299" },
        { dataElement: "TC_TONGSO", categoryOptionCombo: "total", value: "1", orgUnit: "99999" },
      ],
    });
    const body = res.json();
    expect(body.status).toBe("ERROR");
    expect(body.conflicts.map((c: { row: number }) => c.row)).toEqual([2, 3, 4]);
    expect(body.conflicts[1].message).toMatch(/không được âm/);
    const after = await queryRows<{ n: number }>(b.server.database.db, sql`SELECT count(*)::int AS n FROM data_values`);
    expect(after).toEqual(before);
    const unchanged = (await exportJson(b)).json();
    expect(unchanged.dataValues.find((v: { dataElement: string }) => v.dataElement === "TC_TONGSO").value).toBe("42");
  });

  it("never overwrites an approved value", async () => {
    const submit = await b.server.request(b.admin, "POST", `/api/rounds/${b.roundId}/forms/${b.wardKey}/submit`, {});
    expect(submit.statusCode, submit.body).toBe(200);
    await b.server.request(b.admin, "POST", `/api/rounds/${b.roundId}/forms/${b.wardKey}/approve`, {});
    const res = await b.server.request(b.admin, "POST", "/api/dataValueSets", {
      dataSet: String(b.planId),
      period: "2026",
      dataValues: [{ dataElement: "TC_TONGSO", categoryOptionCombo: "total", value: "1", orgUnit: "31135" }],
    });
    expect(res.json().status).toBe("ERROR");
    expect(res.json().conflicts[0].message).toMatch(/đã duyệt; không ghi đè/);
    const still = (await exportJson(b)).json();
    expect(still.dataValues.find((v: { dataElement: string }) => v.dataElement === "TC_TONGSO").value).toBe("42");
  });

  it("is described in the OpenAPI document", async () => {
    const doc = (await a.server.request(null, "GET", "/api/openapi.json")).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/api/dataValueSets",
        "/api/rounds/{id}/forms/{reporterKey}",
        "/api/rounds/{id}/status",
        "/api/units/{id}/indicators",
        "/api/rounds/{id}/imports",
      ]),
    );
    expect(doc.paths["/api/dataValueSets"].post.summary).toMatch(/DHIS2/);
  });
});
