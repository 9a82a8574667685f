import type { Db } from "../../src/server/db/client";
import { findOpenAgencyByName } from "../../src/server/db/repos/agency.repo";
import { findUnitByCode } from "../../src/server/db/repos/unit.repo";
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
}

export async function prepareFixtureIds(db: Db): Promise<FixtureIds> {
  const city = await findUnitByCode(db, "92", todayIso());
  const agency = city && (await findOpenAgencyByName(db, city.id, "Sở Y tế"));
  if (!city || !agency) throw new Error("demo data missing");
  return { cityId: city.id, agencyId: agency.id };
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
  "GET /api/users": () => ({ url: "/api/users", scope: "admin" }),
  "POST /api/users": () => ({
    url: "/api/users",
    body: { username: "x.user", displayName: "X", role: "viewer", unitId: 1, password: "long-enough-pass" },
    scope: "admin",
  }),
};
