import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Plan, PlanChecks } from "../../src/contract/plan";
import { listIssuedPlanResponsibilities } from "../../src/server/db/repos/plan.repo";
import { findUnitByCode } from "../../src/server/db/repos/unit.repo";
import { systemActor } from "../../src/server/services/context";
import { todayIso } from "../../src/server/services/unit.service";
import { createUser } from "../../src/server/services/user.service";
import { createTestServer, type TestClient, type TestServer } from "../helpers/http";

// The plan flow through HTTP, on PGlite or PostgreSQL (DATABASE_URL): cascade
// from the city plan, checks, issue, versions, diff, document, scope.

let server: TestServer;
let ward: TestClient;
let cityId: number;
let wardId: number;
let cityPlan: Plan;

beforeAll(async () => {
  server = await createTestServer();
  const db = server.database.db;
  cityId = (await findUnitByCode(db, "92", todayIso()))!.id;
  wardId = (await findUnitByCode(db, "31135", todayIso()))!.id;
  ward = await server.signIn("demo.ward");
  const list = await server.request(ward, "GET", `/api/plans?unitId=${cityId}`);
  expect(list.statusCode).toBe(200);
  const id = list.json().items.find((p: { title: string }) => p.title.endsWith("thành phố Cần Thơ năm 2024")).id;
  cityPlan = (await server.request(ward, "GET", `/api/plans/${id}`)).json();
});
afterAll(async () => server.close());

const codeOf = (plan: Plan, code: string) => plan.goals.flatMap((g) => g.indicators).find((i) => i.code === code)!;
const allIndicators = (plan: Plan) => plan.goals.flatMap((g) => g.indicators);

describe("national catalogue", () => {
  it("holds the 2021–2030 strategy with 6 goals and 19 indicators, unverified targets flagged", async () => {
    const list = await server.request(ward, "GET", "/api/catalogue/strategies");
    const strategy = (await server.request(ward, "GET", `/api/catalogue/strategies/${list.json().items[0].id}`)).json();
    expect(strategy.issuedBy.number).toBe("28/NQ-CP");
    expect(strategy.goals).toHaveLength(6);
    const indicators = strategy.goals.flatMap((g: { indicators: unknown[] }) => g.indicators);
    expect(indicators).toHaveLength(19);
    const srb = indicators.find((i: { code: string }) => i.code === "4.1");
    expect(srb.targets[0]).toMatchObject({ comparator: "<=", value: 111, unit: "per100", verified: false });
  });

  it("lets only an administrator confirm a target, audited", async () => {
    const strategy = (await server.request(ward, "GET", "/api/catalogue/strategies")).json().items[0];
    const tree = (await server.request(ward, "GET", `/api/catalogue/strategies/${strategy.id}`)).json();
    const target = tree.goals[3].indicators[0].targets[0];
    const body = { comparator: "<=", value: 111, unit: "per100", note: "đã đối chiếu NQ 28/NQ-CP" };
    expect((await server.request(ward, "POST", `/api/catalogue/targets/${target.id}/confirm`, body)).statusCode).toBe(
      403,
    );
    const admin = await server.signIn("demo.admin");
    const res = await server.request(admin, "POST", `/api/catalogue/targets/${target.id}/confirm`, body);
    expect(res.statusCode).toBe(200);
    expect(res.json().verified).toBe(true);
    const audit = await server.request(admin, "GET", `/api/audit?objectType=catalogue_target&objectId=${target.id}`);
    expect(audit.json().items.at(-1).action).toBe("catalogue.target.confirm");
  });
});

describe("demo city plan", () => {
  it("is issued, cascaded from the strategy, with a lead for every indicator and the real targets", async () => {
    expect(cityPlan.status).toBe("issued");
    expect(cityPlan.sourceKind).toBe("strategy");
    expect(allIndicators(cityPlan)).toHaveLength(19);
    const wage = codeOf(cityPlan, "2.1");
    expect(wage.targets[0]).toMatchObject({ comparator: ">=", value: 60, unit: "%", year: 2024 });
    // The strategy has no 2024 target: its 2025 milestone is shown, labelled, never interpolated.
    expect(wage.upperTargets[0]).toMatchObject({ value: 50, year: 2025, forYear: 2024, isNearestMilestone: true });
    for (const i of allIndicators(cityPlan)) {
      expect(cityPlan.responsibilities.filter((r) => r.indicatorId === i.id && r.role === "lead")).toHaveLength(1);
    }
  });

  it("has no blocking check; its real deadlines (10/6, 10/12) fall before the NĐ 09 windows close", async () => {
    const checks: PlanChecks = (await server.request(ward, "GET", `/api/plans/${cityPlan.id}/checks`)).json();
    expect(checks.blocksIssuing).toBe(false);
    const deadlines = checks.items.filter((c) => c.code === "deadline_too_early");
    expect(deadlines.map((c) => c.message)).toEqual([
      expect.stringContaining("6 tháng (10/06)"),
      expect.stringContaining("năm (10/12)"),
    ]);
  });

  it("lists who reports what for other features", async () => {
    const rows = await listIssuedPlanResponsibilities(server.database.db, cityPlan.id);
    expect(rows.find((r) => r.indicator_code === "4.1" && r.role === "lead")?.agency_name).toBe("Sở Y tế");
  });
});

describe("ward plan cascaded from the city plan", () => {
  let plan: Plan;

  it("offers the city plan as a source and prefills linked indicators and the city targets", async () => {
    const sources = (await server.request(ward, "GET", `/api/plans/sources?unitId=${wardId}`)).json();
    expect(sources.plans.map((p: { id: number }) => p.id)).toContain(cityPlan.id);
    const res = await server.request(ward, "POST", "/api/plans/create-from", {
      source: "plan",
      sourceId: cityPlan.id,
      unitId: wardId,
      periodFrom: 2024,
      periodTo: 2025,
    });
    expect(res.statusCode).toBe(200);
    plan = res.json();
    expect(plan.status).toBe("draft");
    expect(plan.number).toBeNull();
    const wage = codeOf(plan, "2.1");
    expect(wage.upperIndicatorId).toBe(codeOf(cityPlan, "2.1").id);
    expect(wage.targets.find((t) => t.year === 2024)).toMatchObject({ comparator: ">=", value: 60 });
    // No city target for 2025: a row to fill, and the 2024 value shown as the nearest milestone.
    expect(wage.targets.find((t) => t.year === 2025)?.value).toBeNull();
    expect(wage.upperTargets.find((t) => t.forYear === 2025)).toMatchObject({ year: 2024, isNearestMilestone: true });
    expect(plan.sections.legalBasis.at(-1)).toMatchObject({ planId: cityPlan.id, number: "20/KH-UBND" });
    expect(plan.sections.reporting.map((r) => r.due)).toEqual(["06-10", "12-10"]);
  });

  it("warns when a local target is weaker, naming both values", async () => {
    const wage = codeOf(plan, "2.1");
    const res = await server.request(ward, "PUT", `/api/plans/${plan.id}/indicators/${wage.id}/targets`, {
      expectedUpdatedAt: plan.updatedAt,
      targets: [
        { comparator: ">=", value: 45, unit: "%", year: 2024 },
        { comparator: ">=", value: 62, unit: "%", year: 2025 },
      ],
    });
    expect(res.statusCode).toBe(200);
    plan = res.json();
    const checks: PlanChecks = (await server.request(ward, "GET", `/api/plans/${plan.id}/checks`)).json();
    expect(checks.items.map((c) => c.message)).toContain(
      "Chỉ tiêu 2.1: mục tiêu địa phương ≥ 45% (2024) thấp hơn mục tiêu cấp trên ≥ 60% (2024).",
    );
  });

  it("refuses a stale edit (optimistic lock)", async () => {
    const res = await server.request(ward, "PATCH", `/api/plans/${plan.id}`, {
      expectedUpdatedAt: "2020-01-01T00:00:00.000Z",
      title: "Tên khác",
    });
    expect(res.statusCode).toBe(409);
  });

  it("refuses to issue while an indicator has no lead, then issues once fixed", async () => {
    const agencies = plan.agencies;
    const lead = agencies.find((a) => a.name === "Phòng Văn hóa - Xã hội")!;
    const indicators = allIndicators(plan);
    const items = indicators.slice(1).map((i) => ({ indicatorId: i.id, agencyId: lead.id, role: "lead" }));
    plan = (await server.request(ward, "PUT", `/api/plans/${plan.id}/responsibilities`, { items })).json();
    const refused = await server.request(ward, "POST", `/api/plans/${plan.id}/issue`, {
      number: "7",
      issuedOn: "2025-08-20",
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toMatch(/Chưa thể ban hành/);
    expect(refused.json().error.details[0].message).toBe("Chỉ tiêu 1.1: chưa có cơ quan chủ trì.");

    const all = indicators.map((i) => ({ indicatorId: i.id, agencyId: lead.id, role: "lead" }));
    plan = (await server.request(ward, "PUT", `/api/plans/${plan.id}/responsibilities`, { items: all })).json();
    for (const i of allIndicators(plan)) {
      if (i.targets.some((t) => t.value === null)) {
        const targets = i.targets.map((t) => ({ ...t, value: t.value ?? 1 }));
        plan = (
          await server.request(ward, "PUT", `/api/plans/${plan.id}/indicators/${i.id}/targets`, { targets })
        ).json();
      }
    }
    const issued = await server.request(ward, "POST", `/api/plans/${plan.id}/issue`, {
      number: "7",
      issuedOn: "2025-08-20",
    });
    expect(issued.statusCode).toBe(200);
    plan = issued.json();
    expect(plan).toMatchObject({ status: "issued", number: "7" });
  });

  it("freezes an issued plan with a Vietnamese message", async () => {
    const res = await server.request(ward, "PATCH", `/api/plans/${plan.id}`, { title: "Sửa sau khi ban hành" });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toMatch(/đã ban hành nên không thể sửa/);
  });

  it("makes a new version, shows the differences, and supersedes the old one on issue", async () => {
    const v2: Plan = (await server.request(ward, "POST", `/api/plans/${plan.id}/new-version`)).json();
    expect(v2).toMatchObject({ status: "draft", version: 2, previousVersionId: plan.id, number: null });
    const wage = codeOf(v2, "2.1");
    const targets = wage.targets.map((t) => (t.year === 2024 ? { ...t, value: 61 } : t));
    await server.request(ward, "PUT", `/api/plans/${v2.id}/indicators/${wage.id}/targets`, { targets });
    const diff = (await server.request(ward, "GET", `/api/plans/${v2.id}/diff`)).json();
    expect(diff.changes).toContainEqual(
      expect.objectContaining({ kind: "changed", area: "target", before: "≥ 45% (2024)", after: "≥ 61% (2024)" }),
    );
    const issued = await server.request(ward, "POST", `/api/plans/${v2.id}/issue`, {
      number: "9",
      issuedOn: "2025-09-01",
    });
    expect(issued.statusCode).toBe(200);
    const old = (await server.request(ward, "GET", `/api/plans/${plan.id}`)).json();
    expect(old.status).toBe("superseded");
    const versions = (await server.request(ward, "GET", `/api/plans/${v2.id}/versions`)).json();
    expect(versions.items.map((p: { version: number }) => p.version)).toEqual([1, 2]);
  });

  it("downloads the official document and shows the plan's audit history", async () => {
    const res = await server.request(ward, "GET", `/api/plans/${plan.id}/document.docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("wordprocessingml");
    expect(res.rawPayload.subarray(0, 2).toString()).toBe("PK");
    const audit = (await server.request(ward, "GET", `/api/audit?objectType=plan&objectId=${plan.id}`)).json();
    const actions = audit.items.map((a: { action: string }) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining(["plan.create", "plan.targets.set", "plan.issue", "plan.supersede"]),
    );
  });

  it("drops an upper indicator only with a reason (warning otherwise)", async () => {
    const draft: Plan = (
      await server.request(ward, "POST", "/api/plans/create-from", {
        source: "plan",
        sourceId: cityPlan.id,
        unitId: wardId,
        periodFrom: 2025,
        periodTo: 2025,
      })
    ).json();
    const facility = codeOf(draft, "3.4");
    await server.request(ward, "PATCH", `/api/plans/${draft.id}/indicators/${facility.id}`, { dropped: true });
    const checks: PlanChecks = (await server.request(ward, "GET", `/api/plans/${draft.id}/checks`)).json();
    expect(checks.items.map((c) => c.message)).toContain("Chỉ tiêu 3.4 của cấp trên bị bỏ mà không nêu lý do.");
    expect((await server.request(ward, "DELETE", `/api/plans/${draft.id}/indicators/${facility.id}`)).statusCode).toBe(
      409,
    );
    expect((await server.request(ward, "DELETE", `/api/plans/${draft.id}`)).statusCode).toBe(200);
  });
});

describe("a plan issued by an agency", () => {
  it("heads the document with the agency under its people's committee", async () => {
    const planner = await server.signIn("demo.planner");
    const agencies = (await server.request(planner, "GET", `/api/agencies?unitId=${cityId}`)).json().items;
    const home = agencies.find((a: { name: string }) => a.name === "Sở Nội vụ");
    const strategy = (await server.request(planner, "GET", "/api/catalogue/strategies")).json().items[0];
    const res = await server.request(planner, "POST", "/api/plans/create-from", {
      source: "strategy",
      sourceId: strategy.id,
      unitId: cityId,
      periodFrom: 2026,
      periodTo: 2030,
      issuerAgencyId: home.id,
    });
    expect(res.statusCode).toBe(200);
    const plan: Plan = res.json();
    expect(plan.sections.issuerLines).toEqual(["UBND THÀNH PHỐ CẦN THƠ", "SỞ NỘI VỤ"]);
    expect(plan.symbol).toBe("KH-SNV");
    // 2030 targets of the strategy fall inside 2026–2030: copied as they are.
    expect(codeOf(plan, "1.1").targets).toEqual([expect.objectContaining({ comparator: ">=", value: 75, year: 2030 })]);
    const doc = await server.request(planner, "GET", `/api/plans/${plan.id}/document.docx`);
    expect(doc.statusCode).toBe(200);

    const wardAgency = (await server.request(ward, "GET", `/api/agencies?unitId=${wardId}`)).json().items[0];
    const wrong = await server.request(planner, "POST", "/api/plans/create-from", {
      source: "strategy",
      sourceId: strategy.id,
      unitId: cityId,
      periodFrom: 2026,
      periodTo: 2026,
      issuerAgencyId: wardAgency.id,
    });
    expect(wrong.statusCode).toBe(400);
  });
});

describe("scope", () => {
  it("refuses a planner of another province on every plan route", async () => {
    const hanoi = await findUnitByCode(server.database.db, "01", todayIso());
    await createUser(server.database.db, systemActor(), {
      username: "hanoi.plans",
      displayName: "Planner Hà Nội",
      role: "planner",
      unitId: hanoi!.id,
      password: "hanoi-password-1",
    });
    const outsider = await server.signIn("hanoi.plans", "hanoi-password-1");
    const id = cityPlan.id;
    const indicator = allIndicators(cityPlan)[0]!;
    const calls: [string, string, unknown?][] = [
      ["GET", `/api/plans?unitId=${cityId}`],
      ["GET", `/api/plans/sources?unitId=${wardId}`],
      ["GET", `/api/plans/${id}`],
      ["GET", `/api/plans/${id}/checks`],
      ["GET", `/api/plans/${id}/versions`],
      ["GET", `/api/plans/${id}/diff`],
      ["GET", `/api/plans/${id}/document.docx`],
      [
        "POST",
        "/api/plans/create-from",
        { source: "plan", sourceId: id, unitId: cityId, periodFrom: 2025, periodTo: 2025 },
      ],
      ["PATCH", `/api/plans/${id}`, { title: "x" }],
      ["PUT", `/api/plans/${id}/indicators/${indicator.id}/targets`, { targets: [] }],
      ["PUT", `/api/plans/${id}/responsibilities`, { items: [] }],
      ["POST", `/api/plans/${id}/issue`, { number: "1", issuedOn: "2025-01-01" }],
      ["POST", `/api/plans/${id}/new-version`],
      ["GET", `/api/audit?objectType=plan&objectId=${id}`],
    ];
    for (const [method, url, body] of calls) {
      const res = await server.request(outsider, method as "GET", url, body);
      expect([method, url, res.statusCode]).toEqual([method, url, 403]);
    }
    // Creating a Hà Nội plan from Cần Thơ's plan is refused too: it cannot read it.
    const res = await server.request(outsider, "POST", "/api/plans/create-from", {
      source: "plan",
      sourceId: id,
      unitId: hanoi!.id,
      periodFrom: 2025,
      periodTo: 2025,
    });
    expect(res.statusCode).toBe(403);
  });

  it("publishes the plan routes in the OpenAPI document", async () => {
    const doc = (await server.request(null, "GET", "/api/openapi.json")).json();
    for (const path of [
      "/api/plans",
      "/api/plans/create-from",
      "/api/plans/{id}/checks",
      "/api/plans/{id}/issue",
      "/api/plans/{id}/document.docx",
      "/api/catalogue/strategies",
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
  });
});
