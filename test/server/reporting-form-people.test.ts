import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Form } from "../../src/contract/data-value";
import type { MyFormItem } from "../../src/contract/reporting";
import { findUnitByCode } from "../../src/server/db/repos/unit.repo";
import { findUserByUsername } from "../../src/server/db/repos/user.repo";
import { createTestServer, type TestClient, type TestServer } from "../helpers/http";
import { buildIssuedPlan } from "../helpers/reporting-builders";

// Who submitted a form and when, who returned or approved it and when: shown on the form
// and (the decision's time) in the reporter's list of forms.

let server: TestServer;
let planner: TestClient;
let ward: TestClient;
let roundId: number;
let wardKey: string;
let wardName: string;
let plannerName: string;

const values = [
  { element: "TC_TONGSO", period: "2026", option: "total", value: 40 },
  { element: "TC_PHOBIEN_CAMKET", period: "2026", option: "total", value: 36 },
];

/** The form as the reporter's browser reads it. */
async function namedForm(): Promise<Form> {
  const res = await server.request(ward, "GET", `/api/rounds/${roundId}/forms/${wardKey}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** The form's row in the reporter's list of forms. */
async function myForm(): Promise<MyFormItem | undefined> {
  const res = await server.request(ward, "GET", "/api/forms/mine");
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as MyFormItem[]).find((f) => f.roundId === roundId && f.reporterKey === wardKey);
}

beforeAll(async () => {
  server = await createTestServer();
  const db = server.database.db;
  const built = await buildIssuedPlan(db, {
    indicators: { "6.2": [["Sở Nội vụ", "lead"]] },
    periodFrom: 2026,
    periodTo: 2026,
  });
  wardKey = `unit-${(await findUnitByCode(db, "31135", "2025-12-01"))?.id}`;
  wardName = (await findUserByUsername(db, "demo.ward.reporter"))?.displayName as string;
  plannerName = (await findUserByUsername(db, "demo.planner"))?.displayName as string;
  planner = await server.signIn("demo.planner");
  ward = await server.signIn("demo.ward.reporter");
  const round = await server.request(planner, "POST", `/api/plans/${built.plan.id}/rounds`, { period: "2026" });
  expect(round.statusCode, round.body).toBe(200);
  roundId = round.json().id;
});
afterAll(async () => server.close());

describe("who submitted and decided a form", () => {
  it("has no one before the first submission", async () => {
    expect([wardName, plannerName]).toEqual([
      expect.stringMatching(/^Phạm Thị Thu/),
      expect.stringMatching(/^Nguyễn Thị Lan/),
    ]);
    const form = await namedForm();
    expect(form).toMatchObject({ submittedAt: null, submittedBy: null, decidedAt: null, decidedBy: null });
  });

  it("names the reporter who submitted, with the time", async () => {
    const before = Date.now();
    const res = await server.request(ward, "POST", `/api/rounds/${roundId}/forms/${wardKey}/submit`, { values });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ state: "submitted", submittedBy: wardName, decidedAt: null, decidedBy: null });
    const form = await namedForm();
    expect(form.submittedBy).toBe(wardName);
    expect(Date.parse(form.submittedAt as string)).toBeGreaterThanOrEqual(before - 1000);
    expect(form.decidedAt).toBeNull();
  });

  it("names the planner who returned it, with the comment and the day in the reporter's list", async () => {
    const res = await server.request(planner, "POST", `/api/rounds/${roundId}/forms/${wardKey}/return`, {
      comment: "Số tổ chức chưa khớp với sổ theo dõi",
    });
    expect(res.statusCode, res.body).toBe(200);
    const viaHttp = (await server.request(ward, "GET", `/api/rounds/${roundId}/forms/${wardKey}`)).json();
    expect(viaHttp).toMatchObject({ state: "returned", decisionComment: "Số tổ chức chưa khớp với sổ theo dõi" });
    expect(viaHttp.decidedAt).toEqual(expect.any(String));
    const form = await namedForm();
    expect(form).toMatchObject({ submittedBy: wardName, decidedBy: plannerName, decidedAt: viaHttp.decidedAt });
    expect(Date.parse(String(form.decidedAt))).toBeGreaterThanOrEqual(Date.parse(String(form.submittedAt)));
    expect((await myForm())?.decidedAt).toBe(form.decidedAt);
  });

  it("drops the old return once resubmitted, then names the approver", async () => {
    const again = await server.request(ward, "POST", `/api/rounds/${roundId}/forms/${wardKey}/submit`, {});
    expect(again.statusCode, again.body).toBe(200);
    const waiting = await namedForm();
    expect(waiting).toMatchObject({ state: "submitted", submittedBy: wardName, decidedAt: null, decidedBy: null });
    expect(waiting.decisionComment).toBeNull();
    expect((await myForm())?.decidedAt).toBeNull();

    const approve = await server.request(planner, "POST", `/api/rounds/${roundId}/forms/${wardKey}/approve`, {});
    expect(approve.statusCode, approve.body).toBe(200);
    const form = await namedForm();
    expect(form).toMatchObject({ state: "approved", submittedBy: wardName, decidedBy: plannerName });
    expect(form.decidedAt).toBe(approve.json().decidedAt);
    expect((await myForm())?.decidedAt).toBe(form.decidedAt);
  });
});
