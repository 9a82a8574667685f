import { randomUUID } from "node:crypto";
import type { Db } from "../../src/server/db/client";
import { findOpenAgencyByName } from "../../src/server/db/repos/agency.repo";
import {
  listCatalogueIndicators,
  listCatalogueTargetsOf,
  listStrategies,
} from "../../src/server/db/repos/catalogue.repo";
import { listIndicators, listPlansOfUnit } from "../../src/server/db/repos/plan.repo";
import {
  findRoundByPeriod,
  findSubmission,
  insertEvidence,
  insertImportJob,
} from "../../src/server/db/repos/reporting.repo";
import { findUnitByCode } from "../../src/server/db/repos/unit.repo";
import { findUserByUsername, insertUser } from "../../src/server/db/repos/user.repo";
import { todayIso } from "../../src/server/services/unit.service";

// One request per route, against demo objects of Thành phố Cần Thơ. The access
// test walks the route table with these; a new route without a fixture fails it.
// Add your feature's ids to FixtureIds/prepareFixtureIds and its routes below.

export interface Fixture {
  url: string;
  body?: unknown;
  /** "scoped": a planner of another province gets 403. "any-user": every signed-in user may call it. "admin": admins only. */
  scope: "scoped" | "any-user" | "admin";
}

export interface FixtureIds {
  cityId: number;
  agencyId: number;
  /** The demo city plan (issued) and one of its goals, indicators; a catalogue strategy and target. */
  planId: number;
  goalId: number;
  indicatorId: number;
  strategyId: number;
  catalogueTargetId: number;
  /** Reporting: the demo's latest city round (2024), Sở Y tế's form in it, an import job and an evidence file. */
  reporting: ReportingFixtureIds;
  /** A user only the fixtures use (edited and given a new password by the user routes). */
  userId: number;
}

export async function prepareFixtureIds(db: Db): Promise<FixtureIds> {
  const city = await findUnitByCode(db, "92", todayIso());
  const agency = city && (await findOpenAgencyByName(db, city.id, "Sở Y tế"));
  if (!city || !agency) throw new Error("demo data missing");
  const plan = (await listPlansOfUnit(db, city.id))[0];
  const strategy = (await listStrategies(db))[0];
  if (!plan || !strategy) throw new Error("demo plan or catalogue missing");
  const indicator = (await listIndicators(db, plan.id))[0]!;
  const catalogueIndicator = (await listCatalogueIndicators(db, strategy.id))[0]!;
  const target = (await listCatalogueTargetsOf(db, [catalogueIndicator.id]))[0]!;
  return {
    cityId: city.id,
    agencyId: agency.id,
    planId: plan.id,
    goalId: indicator.goalId,
    indicatorId: indicator.id,
    strategyId: strategy.id,
    catalogueTargetId: target.id,
    reporting: await prepareReportingIds(db, city.id, agency.id),
    userId: await fixtureUser(db, city.id),
  };
}

async function fixtureUser(db: Db, unitId: number): Promise<number> {
  const existing = await findUserByUsername(db, "fixture.viewer");
  if (existing) return existing.id;
  const row = await insertUser(db, {
    username: "fixture.viewer",
    displayName: "Người xem (thử)",
    passwordHash: "unused",
    role: "viewer",
    unitId,
  });
  return row.id;
}

export const FIXTURES: Record<string, (ids: FixtureIds) => Fixture> = {
  "GET /api/auth/session": () => ({ url: "/api/auth/session", scope: "any-user" }),
  "POST /api/auth/sign-out": () => ({ url: "/api/auth/sign-out", scope: "any-user" }),
  "POST /api/auth/sign-out-everywhere": () => ({ url: "/api/auth/sign-out-everywhere", scope: "any-user" }),
  "POST /api/auth/password": () => ({
    url: "/api/auth/password",
    body: { currentPassword: "wrong-password", newPassword: "another-password-1" },
    scope: "any-user",
  }),
  "GET /api/units/root": () => ({ url: "/api/units/root", scope: "any-user" }),
  "GET /api/units/search": () => ({ url: "/api/units/search?q=can%20tho", scope: "any-user" }),
  "GET /api/units/code/:code": () => ({ url: "/api/units/code/92", scope: "any-user" }),
  "GET /api/units/:id": ({ cityId }) => ({ url: `/api/units/${cityId}`, scope: "any-user" }),
  "GET /api/units/:id/children": ({ cityId }) => ({ url: `/api/units/${cityId}/children`, scope: "any-user" }),
  "GET /api/units/:id/crosswalk": ({ cityId }) => ({ url: `/api/units/${cityId}/crosswalk`, scope: "any-user" }),
  "GET /api/agencies": ({ cityId }) => ({ url: `/api/agencies?unitId=${cityId}`, scope: "scoped" }),
  "GET /api/agencies/:id": ({ agencyId }) => ({ url: `/api/agencies/${agencyId}`, scope: "scoped" }),
  "POST /api/agencies": ({ cityId }) => ({
    url: "/api/agencies",
    body: { unitId: cityId, name: "Ban Dân tộc", type: "ban" },
    scope: "scoped",
  }),
  "PATCH /api/agencies/:id": ({ agencyId }) => ({
    url: `/api/agencies/${agencyId}`,
    body: { name: "Sở Y tế (đổi tên)" },
    scope: "scoped",
  }),
  "POST /api/agencies/:id/close": ({ agencyId }) => ({
    url: `/api/agencies/${agencyId}/close`,
    body: { closedOn: "2026-12-31" },
    scope: "scoped",
  }),
  "DELETE /api/agencies/:id": ({ agencyId }) => ({ url: `/api/agencies/${agencyId}`, scope: "scoped" }),
  "GET /api/audit": ({ agencyId }) => ({ url: `/api/audit?objectType=agency&objectId=${agencyId}`, scope: "scoped" }),
  // A planner manages the accounts of its subtree: the list asks for a unit.
  "GET /api/users": ({ cityId }) => ({ url: `/api/users?unitId=${cityId}`, scope: "scoped" }),
  "POST /api/users": ({ cityId }) => ({
    url: "/api/users",
    body: { username: "x.user", displayName: "X", role: "viewer", unitId: cityId, password: "long-enough-pass" },
    scope: "scoped",
  }),
  "PATCH /api/users/:id": ({ userId }) => ({
    url: `/api/users/${userId}`,
    body: { displayName: "Người xem (đổi tên)" },
    scope: "scoped",
  }),
  "POST /api/users/:id/reset-password": ({ userId }) => ({
    url: `/api/users/${userId}/reset-password`,
    scope: "scoped",
  }),
  // plans and the national catalogue
  "GET /api/catalogue/strategies": () => ({ url: "/api/catalogue/strategies", scope: "any-user" }),
  "GET /api/catalogue/strategies/:id": ({ strategyId }) => ({
    url: `/api/catalogue/strategies/${strategyId}`,
    scope: "any-user",
  }),
  "POST /api/catalogue/targets/:id/confirm": ({ catalogueTargetId }) => ({
    url: `/api/catalogue/targets/${catalogueTargetId}/confirm`,
    body: { comparator: ">=", value: 60, unit: "%" },
    scope: "admin",
  }),
  "GET /api/plans": ({ cityId }) => ({ url: `/api/plans?unitId=${cityId}`, scope: "scoped" }),
  "GET /api/plans/sources": ({ cityId }) => ({ url: `/api/plans/sources?unitId=${cityId}`, scope: "scoped" }),
  "POST /api/plans/create-from": ({ cityId, strategyId }) => ({
    url: "/api/plans/create-from",
    body: { source: "strategy", sourceId: strategyId, unitId: cityId, periodFrom: 2026, periodTo: 2026 },
    scope: "scoped",
  }),
  "GET /api/plans/:id": ({ planId }) => ({ url: `/api/plans/${planId}`, scope: "scoped" }),
  "PATCH /api/plans/:id": ({ planId }) => ({
    url: `/api/plans/${planId}`,
    body: { title: "Đổi tên" },
    scope: "scoped",
  }),
  "DELETE /api/plans/:id": ({ planId }) => ({ url: `/api/plans/${planId}`, scope: "scoped" }),
  "POST /api/plans/:id/goals": ({ planId }) => ({
    url: `/api/plans/${planId}/goals`,
    body: { title: "Mục tiêu địa phương" },
    scope: "scoped",
  }),
  "PATCH /api/plans/:id/goals/:goalId": ({ planId, goalId }) => ({
    url: `/api/plans/${planId}/goals/${goalId}`,
    body: { title: "Mục tiêu" },
    scope: "scoped",
  }),
  "POST /api/plans/:id/indicators": ({ planId, goalId }) => ({
    url: `/api/plans/${planId}/indicators`,
    body: { goalId, text: "Chỉ tiêu địa phương" },
    scope: "scoped",
  }),
  "PATCH /api/plans/:id/indicators/:indicatorId": ({ planId, indicatorId }) => ({
    url: `/api/plans/${planId}/indicators/${indicatorId}`,
    body: { text: "Chỉ tiêu" },
    scope: "scoped",
  }),
  "DELETE /api/plans/:id/indicators/:indicatorId": ({ planId, indicatorId }) => ({
    url: `/api/plans/${planId}/indicators/${indicatorId}`,
    scope: "scoped",
  }),
  "PUT /api/plans/:id/indicators/:indicatorId/targets": ({ planId, indicatorId }) => ({
    url: `/api/plans/${planId}/indicators/${indicatorId}/targets`,
    body: { targets: [] },
    scope: "scoped",
  }),
  "PUT /api/plans/:id/responsibilities": ({ planId }) => ({
    url: `/api/plans/${planId}/responsibilities`,
    body: { items: [] },
    scope: "scoped",
  }),
  "GET /api/plans/:id/checks": ({ planId }) => ({ url: `/api/plans/${planId}/checks`, scope: "scoped" }),
  "POST /api/plans/:id/issue": ({ planId }) => ({
    url: `/api/plans/${planId}/issue`,
    body: { number: "99", issuedOn: "2026-01-05" },
    scope: "scoped",
  }),
  "POST /api/plans/:id/new-version": ({ planId }) => ({ url: `/api/plans/${planId}/new-version`, scope: "scoped" }),
  "GET /api/plans/:id/versions": ({ planId }) => ({ url: `/api/plans/${planId}/versions`, scope: "scoped" }),
  "GET /api/plans/:id/diff": ({ planId }) => ({ url: `/api/plans/${planId}/diff`, scope: "scoped" }),
  "GET /api/plans/:id/document.docx": ({ planId }) => ({ url: `/api/plans/${planId}/document.docx`, scope: "scoped" }),
};

// --- reporting rounds, data entry, Excel, dataValueSets ------------------------------

export interface ReportingFixtureIds {
  planId: number;
  roundId: number;
  healthKey: string;
  wardKey: string;
  jobId: string;
  evidenceId: number;
}

async function prepareReportingIds(db: Db, cityId: number, healthAgencyId: number): Promise<ReportingFixtureIds> {
  const plan = (await listPlansOfUnit(db, cityId)).find((p) => p.periodFrom === 2024 && p.status === "issued");
  const round = plan && (await findRoundByPeriod(db, plan.id, "2024"));
  const ward = await findUnitByCode(db, "31135", todayIso());
  const planner = await findUserByUsername(db, "demo.planner");
  if (!plan || !round || !ward || !planner) throw new Error("demo reporting data missing");
  const healthKey = `agency-${healthAgencyId}`;
  const submission = await findSubmission(db, round.id, healthKey);
  if (!submission) throw new Error("demo: Sở Y tế is not expected in the 2024 round");
  const jobId = randomUUID();
  await insertImportJob(db, {
    id: jobId,
    roundId: round.id,
    actorId: planner.id,
    fileName: "bieu-mau.xlsx",
    fileSize: 1,
    status: "done",
  });
  const evidence = await insertEvidence(db, {
    submissionId: submission.id,
    name: "minh-chung.pdf",
    mime: "application/pdf",
    size: 9,
    sha256: "0",
    content: Buffer.from("%PDF-1.4\n"),
  });
  return { planId: plan.id, roundId: round.id, healthKey, wardKey: `unit-${ward.id}`, jobId, evidenceId: evidence.id };
}

const form = (r: ReportingFixtureIds, suffix = "") => `/api/rounds/${r.roundId}/forms/${r.healthKey}${suffix}`;

Object.assign(FIXTURES, {
  "GET /api/data-elements": () => ({ url: "/api/data-elements", scope: "any-user" }),
  "GET /api/forms/mine": () => ({ url: "/api/forms/mine", scope: "any-user" }),
  "GET /api/plan-indicators/:id/formula": ({ indicatorId }) => ({
    url: `/api/plan-indicators/${indicatorId}/formula`,
    scope: "scoped",
  }),
  "PUT /api/plan-indicators/:id/formula": ({ indicatorId }) => ({
    url: `/api/plan-indicators/${indicatorId}/formula`,
    body: {
      formulas: [
        {
          unit: "%",
          formula: { kind: "ratio", numerator: "#{TC_PHOBIEN_CAMKET}", denominator: "#{TC_TONGSO}", scale: 100 },
        },
      ],
    },
    scope: "scoped",
  }),
  "GET /api/units/:id/indicators": ({ cityId, reporting }) => ({
    url: `/api/units/${cityId}/indicators?planId=${reporting.planId}&period=2024`,
    scope: "scoped",
  }),
  "POST /api/plans/:id/rounds": ({ reporting }) => ({
    url: `/api/plans/${reporting.planId}/rounds`,
    body: { period: "2024S1" },
    scope: "scoped",
  }),
  "GET /api/plans/:id/rounds": ({ reporting }) => ({ url: `/api/plans/${reporting.planId}/rounds`, scope: "scoped" }),
  "GET /api/rounds/:id/status": ({ reporting }) => ({
    url: `/api/rounds/${reporting.roundId}/status`,
    scope: "scoped",
  }),
  "GET /api/rounds/:id/forms/:reporterKey": ({ reporting }) => ({ url: form(reporting), scope: "scoped" }),
  "PUT /api/rounds/:id/forms/:reporterKey": ({ reporting }) => ({
    url: form(reporting),
    body: { values: [] },
    scope: "scoped",
  }),
  "POST /api/rounds/:id/forms/:reporterKey/submit": ({ reporting }) => ({
    url: form(reporting, "/submit"),
    body: { values: [] },
    scope: "scoped",
  }),
  "POST /api/rounds/:id/forms/:reporterKey/approve": ({ reporting }) => ({
    url: form(reporting, "/approve"),
    body: {},
    scope: "scoped",
  }),
  "POST /api/rounds/:id/forms/:reporterKey/return": ({ reporting }) => ({
    url: form(reporting, "/return"),
    body: { comment: "Bổ sung" },
    scope: "scoped",
  }),
  "POST /api/rounds/:id/forms/:reporterKey/reopen": ({ reporting }) => ({
    url: form(reporting, "/reopen"),
    body: { comment: "Sửa" },
    scope: "scoped",
  }),
  "POST /api/rounds/:id/reminders": ({ reporting }) => ({
    url: `/api/rounds/${reporting.roundId}/reminders`,
    body: { reporterKey: reporting.healthKey },
    scope: "scoped",
  }),
  "GET /api/rounds/:id/forms/:reporterKey/reminders": ({ reporting }) => ({
    url: form(reporting, "/reminders"),
    scope: "scoped",
  }),
  "GET /api/rounds/:id/forms/:reporterKey/template.xlsx": ({ reporting }) => ({
    url: form(reporting, "/template.xlsx"),
    scope: "scoped",
  }),
  "GET /api/rounds/:id/template.xlsx": ({ reporting }) => ({
    url: `/api/rounds/${reporting.roundId}/template.xlsx`,
    scope: "scoped",
  }),
  "POST /api/rounds/:id/imports": ({ reporting }) => ({
    url: `/api/rounds/${reporting.roundId}/imports`,
    body: {},
    scope: "scoped",
  }),
  // Jobs are private to whoever started them: anyone else gets 404, which hides that they exist.
  "GET /api/imports/:jobId": ({ reporting }) => ({ url: `/api/imports/${reporting.jobId}`, scope: "any-user" }),
  "POST /api/rounds/:id/forms/:reporterKey/evidence": ({ reporting }) => ({
    url: form(reporting, "/evidence"),
    body: {},
    scope: "scoped",
  }),
  "GET /api/evidence/:id": ({ reporting }) => ({ url: `/api/evidence/${reporting.evidenceId}`, scope: "scoped" }),
  "GET /api/dataValueSets": ({ reporting }) => ({
    url: `/api/dataValueSets?dataSet=${reporting.planId}&period=2024`,
    scope: "scoped",
  }),
  "POST /api/dataValueSets": ({ reporting }) => ({
    url: "/api/dataValueSets",
    body: {
      dataSet: String(reporting.planId),
      period: "2024",
      dataValues: [{ dataElement: "TC_TONGSO", categoryOptionCombo: "total", value: "30", orgUnit: "31135" }],
    },
    scope: "scoped",
  }),
} satisfies Record<string, (ids: FixtureIds) => Fixture>);

// dashboard and reports (the demo city's 2024 plan and round)
Object.assign(FIXTURES, {
  "GET /api/dashboard": ({ cityId, reporting }) => ({
    url: `/api/dashboard?unitId=${cityId}&planId=${reporting.planId}&period=2024`,
    scope: "scoped",
  }),
  "GET /api/dashboard/options": ({ cityId }) => ({ url: `/api/dashboard/options?unitId=${cityId}`, scope: "scoped" }),
  "GET /api/dashboard/provinces.geojson": () => ({ url: "/api/dashboard/provinces.geojson", scope: "any-user" }),
  "GET /api/reports/:unitId/:planId/:period.docx": ({ cityId, reporting }) => ({
    url: `/api/reports/${cityId}/${reporting.planId}/2024.docx`,
    scope: "scoped",
  }),
  "GET /api/reports/:unitId/:planId/:period.xlsx": ({ cityId, reporting }) => ({
    url: `/api/reports/${cityId}/${reporting.planId}/2024.xlsx`,
    scope: "scoped",
  }),
} satisfies Record<string, (ids: FixtureIds) => Fixture>);

// importing a plan document (the upload is refused before the file is read, so an empty body will do)
Object.assign(FIXTURES, {
  "POST /api/plan-imports": ({ cityId }) => ({ url: `/api/plan-imports?unitId=${cityId}`, body: {}, scope: "scoped" }),
  "POST /api/plan-imports/save": ({ cityId }) => ({
    url: "/api/plan-imports/save",
    body: {
      unitId: cityId,
      extract: {
        document: {
          kind: "plan",
          number: null,
          symbol: null,
          place: null,
          date: null,
          title: "Kế hoạch nhập thử",
          periodFrom: 2026,
          periodTo: 2026,
          signer: null,
        },
        legalBasis: [],
        goals: [],
        assignments: [],
        reporting: [],
        actionMonth: null,
      },
      links: {},
      agencies: {},
    },
    scope: "scoped",
  }),
} satisfies Record<string, (ids: FixtureIds) => Fixture>);

// the written parts of a report (the demo city's 2024 report)
Object.assign(FIXTURES, {
  "GET /api/reports/:unitId/:planId/:period/text": ({ cityId, reporting }) => ({
    url: `/api/reports/${cityId}/${reporting.planId}/2024/text`,
    scope: "scoped",
  }),
  "PUT /api/reports/:unitId/:planId/:period/text": ({ cityId, reporting }) => ({
    url: `/api/reports/${cityId}/${reporting.planId}/2024/text`,
    body: { number: "12", difficulties: "Thiếu cán bộ." },
    scope: "scoped",
  }),
} satisfies Record<string, (ids: FixtureIds) => Fixture>);
