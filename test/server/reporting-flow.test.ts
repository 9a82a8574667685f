import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findOpenAgencyByName } from "../../src/server/db/repos/agency.repo";
import { findUnitByCode } from "../../src/server/db/repos/unit.repo";
import { createTestServer, type TestClient, type TestServer } from "../helpers/http";
import { buildIssuedPlan } from "../helpers/reporting-builders";

// The round trip of one period: open a round, a ward and a department report,
// one validation error is met and fixed, the city planner approves both, and the
// city's (and the nation's) indicator is up to date at once.

let server: TestServer;
let planner: TestClient;
let ward: TestClient;
let health: TestClient;
let planId: number;
let roundId: number;
let wardKey: string;
let healthKey: string;
let cityId: number;
let rootId: number;

beforeAll(async () => {
  server = await createTestServer();
  const db = server.database.db;
  const built = await buildIssuedPlan(db, {
    indicators: { "3.4": [["Sở Y tế", "lead"]], "6.2": [["Sở Nội vụ", "lead"]] },
    periodFrom: 2026,
    periodTo: 2026,
  });
  planId = built.plan.id;
  cityId = built.plan.unitId;
  const wardUnit = await findUnitByCode(db, "31135", "2025-12-01");
  const agency = await findOpenAgencyByName(db, cityId, "Sở Y tế");
  wardKey = `unit-${wardUnit?.id}`;
  healthKey = `agency-${agency?.id}`;
  rootId = (await findUnitByCode(db, "VN", "2025-12-01"))?.id as number;
  planner = await server.signIn("demo.planner");
  ward = await server.signIn("demo.ward.reporter");
  health = await server.signIn("demo.reporter");
});
afterAll(async () => server.close());

describe("a reporting round", () => {
  it("opens from the plan's regime with its expected reporters", async () => {
    const res = await server.request(planner, "POST", `/api/plans/${planId}/rounds`, { period: "2026" });
    expect(res.statusCode, res.body).toBe(200);
    const round = res.json();
    roundId = round.id;
    expect(round).toMatchObject({ windowFrom: "2025-12-15", windowTo: "2026-12-14", deadline: "2026-12-10" });
    const again = await server.request(planner, "POST", `/api/plans/${planId}/rounds`, { period: "2026" });
    expect(again.statusCode).toBe(409);
    const status = (await server.request(planner, "GET", `/api/rounds/${roundId}/status`)).json();
    const keys = status.reporters.map((r: { reporterKey: string }) => r.reporterKey);
    expect(keys).toContain(wardKey);
    expect(keys).toContain(healthKey);
    expect(status.agencies.expected).toBe(2);
    expect(status.lowerUnits.expected).toBeGreaterThan(50);
    // The answer to opening already counts the reporters it froze.
    expect(round).toMatchObject({ expected: status.reporters.length, submitted: 0, approved: 0 });
    expect(status.round).toMatchObject({ expected: status.reporters.length });
  });

  it("lists each reporter's forms", async () => {
    const mine = (await server.request(health, "GET", "/api/forms/mine")).json();
    // Open forms come by urgency (the demo's overdue 2024 form first), so look the round up.
    const item = mine.items.find((f: { roundId: number }) => f.roundId === roundId);
    expect(item).toMatchObject({ roundId, reporterKey: healthKey, state: "pending", period: "2026" });
    const wardForms = (await server.request(ward, "GET", "/api/forms/mine")).json();
    expect(wardForms.items.some((f: { reporterKey: string }) => f.reporterKey === wardKey)).toBe(true);
  });

  it("gives each reporter exactly its figures", async () => {
    const form = (await server.request(ward, "GET", `/api/rounds/${roundId}/forms/${wardKey}`)).json();
    expect(form.rows.map((r: { element: string }) => r.element).sort()).toEqual(["TC_PHOBIEN_CAMKET", "TC_TONGSO"]);
    const dept = (await server.request(health, "GET", `/api/rounds/${roundId}/forms/${healthKey}`)).json();
    expect(dept.rows.map((r: { element: string }) => r.element).sort()).toEqual(["CSTGXH_BLG", "CSTGXH_CONGLAP"]);
    // Another reporter's form is not theirs to fill.
    const foreign = await server.request(ward, "PUT", `/api/rounds/${roundId}/forms/${healthKey}`, {
      values: [{ element: "CSTGXH_BLG", period: "2026", option: "total", value: 1 }],
    });
    expect(foreign.statusCode).toBe(403);
  });

  it("catches a numerator above its denominator, then submits once fixed", async () => {
    const bad = await server.request(ward, "POST", `/api/rounds/${roundId}/forms/${wardKey}/submit`, {
      values: [
        { element: "TC_TONGSO", period: "2026", option: "total", value: 40 },
        { element: "TC_PHOBIEN_CAMKET", period: "2026", option: "total", value: 45 },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].message).toMatch(/không được lớn hơn/);
    // Refused, yet what the reporter typed is kept as a draft.
    const kept = (await server.request(ward, "GET", `/api/rounds/${roundId}/forms/${wardKey}`)).json();
    expect(kept.state).toBe("draft");
    const cell = (code: string) => kept.rows.find((r: { element: string }) => r.element === code)?.cells[0]?.value;
    expect([cell("TC_TONGSO"), cell("TC_PHOBIEN_CAMKET")]).toEqual([40, 45]);
    const negative = await server.request(ward, "PUT", `/api/rounds/${roundId}/forms/${wardKey}`, {
      values: [{ element: "TC_TONGSO", period: "2026", option: "total", value: -1 }],
    });
    expect(negative.statusCode).toBe(400);
    const ok = await server.request(ward, "POST", `/api/rounds/${roundId}/forms/${wardKey}/submit`, {
      values: [{ element: "TC_PHOBIEN_CAMKET", period: "2026", option: "total", value: 36 }],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().state).toBe("submitted");
    const dept = await server.request(health, "POST", `/api/rounds/${roundId}/forms/${healthKey}/submit`, {
      values: [
        { element: "CSTGXH_CONGLAP", period: "2026", option: "total", value: 4 },
        { element: "CSTGXH_BLG", period: "2026", option: "total", value: 3 },
      ],
    });
    expect(dept.statusCode, dept.body).toBe(200);
  });

  it("lets only the level above approve, then the city and nation figures include it at once", async () => {
    expect((await server.request(ward, "POST", `/api/rounds/${roundId}/forms/${wardKey}/approve`, {})).statusCode).toBe(
      403,
    );
    for (const key of [wardKey, healthKey]) {
      const res = await server.request(planner, "POST", `/api/rounds/${roundId}/forms/${key}/approve`, {});
      expect(res.statusCode, res.body).toBe(200);
    }
    const city = (
      await server.request(planner, "GET", `/api/units/${cityId}/indicators?planId=${planId}&period=2026`)
    ).json();
    const v62 = city.items.find((i: { text: string }) => i.text.includes("Tổ chức"));
    expect(v62.value).toBeCloseTo((36 / 40) * 100, 6);
    const v34 = city.items.find((i: { text: string }) => i.text.includes("trợ giúp xã hội"));
    expect(v34.value).toBeCloseTo(75, 6);
    const admin = await server.signIn("demo.admin");
    const nation = (
      await server.request(admin, "GET", `/api/units/${rootId}/indicators?planId=${planId}&period=2026`)
    ).json();
    expect(nation.components.TC_TONGSO.total).toBe(40);
  });

  it("locks approved values and audits a reopening", async () => {
    const locked = await server.request(ward, "PUT", `/api/rounds/${roundId}/forms/${wardKey}`, {
      values: [{ element: "TC_TONGSO", period: "2026", option: "total", value: 41 }],
    });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error.message).toMatch(/đã được duyệt/);
    const noComment = await server.request(planner, "POST", `/api/rounds/${roundId}/forms/${wardKey}/reopen`, {});
    expect(noComment.statusCode).toBe(400);
    const reopened = await server.request(planner, "POST", `/api/rounds/${roundId}/forms/${wardKey}/reopen`, {
      comment: "Phường đề nghị sửa số tổ chức",
    });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json().state).toBe("returned");
    const audit = (
      await server.request(planner, "GET", `/api/audit?objectType=submission&objectId=${roundId}:${wardKey}`)
    ).json();
    expect(audit.items.map((a: { action: string }) => a.action)).toEqual([
      "save-values:form",
      "save-values:form",
      "submit",
      "approve",
      "reopen",
    ]);
    const city = (
      await server.request(planner, "GET", `/api/units/${cityId}/indicators?planId=${planId}&period=2026`)
    ).json();
    expect(city.components.TC_TONGSO).toBeUndefined();
  });

  it("reports completeness and timeliness", async () => {
    const status = (await server.request(planner, "GET", `/api/rounds/${roundId}/status`)).json();
    expect(status.agencies).toMatchObject({ expected: 2, reported: 1, approved: 1 });
    const dept = status.reporters.find((r: { reporterKey: string }) => r.reporterKey === healthKey);
    // Submitted today; the 2026 annual report is due 10/12/2026.
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    expect(dept.timeliness).toBe(today > "2026-12-10" ? "late" : "on_time");
    expect(status.lowerUnits.returned).toBe(1);
  });
});
