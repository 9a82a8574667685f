import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findOpenAgencyByName } from "../../src/server/db/repos/agency.repo";
import { listAuditFor } from "../../src/server/db/repos/audit.repo";
import { findUnitByCode } from "../../src/server/db/repos/unit.repo";
import { findUserByUsername } from "../../src/server/db/repos/user.repo";
import { systemActor } from "../../src/server/services/context";
import { todayIso } from "../../src/server/services/unit.service";
import { createUser, updateUserAccount } from "../../src/server/services/user.service";
import { createTestServer, type TestClient, type TestServer } from "../helpers/http";

// Accounts, managed in the app by an administrator (or, for its subtree, a planner): a new officer gets a one-time password to
// change at first sign-in; a locked account ends its sessions and cannot sign in; a lost password
// is replaced by a new one-time one. An administrator cannot lock or demote themselves, and the
// last active administrator stays one. Every change is audited without any password.

let server: TestServer;
let admin: TestClient;
let cityId: number;
let healthId: number;

beforeAll(async () => {
  server = await createTestServer();
  admin = await server.signIn("demo.admin");
  const db = server.database.db;
  cityId = (await findUnitByCode(db, "92", todayIso()))?.id as number;
  healthId = (await findOpenAgencyByName(db, cityId, "Sở Y tế"))?.id as number;
});
afterAll(async () => server.close());

const signInWith = (username: string, password: string) =>
  server.app.inject({ method: "POST", url: "/api/auth/sign-in", payload: { username, password } });

async function clientOf(username: string, password: string): Promise<TestClient> {
  const res = await signInWith(username, password);
  expect(res.statusCode, res.body).toBe(200);
  const cookie = res.cookies.find((c) => c.name === "bd_session");
  return { cookie: `bd_session=${cookie?.value}`, csrf: res.json().csrfToken };
}

describe("an administrator manages accounts", () => {
  let newId: number;
  let oneTime: string;

  it("adds a department reporter with a one-time password, shown once and never audited", async () => {
    const res = await server.request(admin, "POST", "/api/users", {
      username: "syt.nguyen",
      displayName: "Nguyễn Văn An — Sở Y tế",
      role: "reporter",
      agencyId: healthId,
    });
    expect(res.statusCode, res.body).toBe(200);
    const created = res.json();
    expect(created).toMatchObject({
      username: "syt.nguyen",
      role: "reporter",
      agencyId: healthId,
      agencyName: "Sở Y tế",
      unitName: "Thành phố Cần Thơ",
      agencyUnitId: cityId,
      mustChangePassword: true,
      isActive: true,
    });
    expect(created.oneTimePassword).toMatch(/^[\w-]{16}$/);
    newId = created.id;
    oneTime = created.oneTimePassword;
    const audit = await listAuditFor(server.database.db, "user", String(newId));
    expect(JSON.stringify(audit)).not.toContain(oneTime);
    expect(JSON.stringify(audit)).not.toContain("passwordHash");
    const list = (await server.request(admin, "GET", "/api/users")).json();
    expect(list.items.find((u: { id: number }) => u.id === newId)).not.toHaveProperty("oneTimePassword");
  });

  it("the new officer must change the one-time password before anything else", async () => {
    const officer = await clientOf("syt.nguyen", oneTime);
    expect((await server.request(officer, "GET", "/api/units/root")).statusCode).toBe(403);
    const changed = await server.request(officer, "POST", "/api/auth/password", {
      currentPassword: oneTime,
      newPassword: "mat-khau-cua-an-2026",
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await server.request(officer, "GET", "/api/units/root")).statusCode).toBe(200);
  });

  it("locks an account: its sessions end and it cannot sign in; unlocking lets it back", async () => {
    const officer = await clientOf("syt.nguyen", "mat-khau-cua-an-2026");
    const locked = await server.request(admin, "PATCH", `/api/users/${newId}`, { isActive: false });
    expect(locked.statusCode, locked.body).toBe(200);
    expect(locked.json().isActive).toBe(false);
    expect((await server.request(officer, "GET", "/api/units/root")).statusCode).toBe(401);
    expect((await signInWith("syt.nguyen", "mat-khau-cua-an-2026")).statusCode).toBe(401);
    await server.request(admin, "PATCH", `/api/users/${newId}`, { isActive: true });
    expect((await signInWith("syt.nguyen", "mat-khau-cua-an-2026")).statusCode).toBe(200);
    const audit = await listAuditFor(server.database.db, "user", String(newId));
    expect(audit.filter((a) => a.action === "update")).toHaveLength(2);
  });

  it("moves an officer to another unit as a planner; the old sessions end", async () => {
    const officer = await clientOf("syt.nguyen", "mat-khau-cua-an-2026");
    const ward = await findUnitByCode(server.database.db, "31135", todayIso());
    const res = await server.request(admin, "PATCH", `/api/users/${newId}`, {
      role: "planner",
      agencyId: null,
      unitId: ward?.id,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ role: "planner", agencyId: null, unitId: ward?.id, agencyName: null });
    expect((await server.request(officer, "GET", "/api/units/root")).statusCode).toBe(401);
  });

  it("refuses a planner bound to an agency, and an unknown unit, writing nothing", async () => {
    const before = await listAuditFor(server.database.db, "user", String(newId));
    const agencyPlanner = await server.request(admin, "PATCH", `/api/users/${newId}`, { agencyId: healthId });
    expect(agencyPlanner.statusCode).toBe(400);
    expect(agencyPlanner.json().error.message).toBe("Chỉ người báo cáo mới gắn với một cơ quan.");
    const nowhere = await server.request(admin, "PATCH", `/api/users/${newId}`, { unitId: 99_999_999 });
    expect(nowhere.statusCode).toBe(400);
    expect(await listAuditFor(server.database.db, "user", String(newId))).toHaveLength(before.length);
  });

  it("gives a new one-time password: the old one stops working and sessions end", async () => {
    const officer = await clientOf("syt.nguyen", "mat-khau-cua-an-2026");
    const res = await server.request(admin, "POST", `/api/users/${newId}/reset-password`);
    expect(res.statusCode, res.body).toBe(200);
    const fresh = res.json().oneTimePassword as string;
    expect((await server.request(officer, "GET", "/api/units/root")).statusCode).toBe(401);
    expect((await signInWith("syt.nguyen", "mat-khau-cua-an-2026")).statusCode).toBe(401);
    const again = await clientOf("syt.nguyen", fresh);
    expect((await server.request(again, "GET", "/api/auth/session")).json().user.mustChangePassword).toBe(true);
    const audit = await listAuditFor(server.database.db, "user", String(newId));
    expect(audit.filter((a) => a.action === "reset_password")).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(fresh);
  });

  it("does not let an administrator lock, demote or reset themselves", async () => {
    const me = await findUserByUsername(server.database.db, "demo.admin");
    for (const body of [{ isActive: false }, { role: "viewer", unitId: cityId }]) {
      const res = await server.request(admin, "PATCH", `/api/users/${me?.id}`, body);
      expect(res.statusCode).toBe(409);
    }
    const reset = await server.request(admin, "POST", `/api/users/${me?.id}/reset-password`);
    expect(reset.statusCode).toBe(409);
  });

  it("keeps the last active administrator", async () => {
    const db = server.database.db;
    const actor = systemActor();
    const admins = (await server.request(admin, "GET", "/api/users"))
      .json()
      .items.filter((u: { role: string; isActive: boolean }) => u.role === "admin" && u.isActive);
    for (const a of admins.slice(1)) await updateUserAccount(db, actor, a.id, { isActive: false });
    await expect(updateUserAccount(db, actor, admins[0].id, { isActive: false })).rejects.toThrow();
    await expect(updateUserAccount(db, actor, admins[0].id, { role: "viewer", unitId: cityId })).rejects.toThrow();
  });

  it("lets a planner manage the accounts of its own subtree, never an administrator's", async () => {
    const db = server.database.db;
    const planner = await server.signIn("demo.planner");
    const ward = await findUnitByCode(db, "31135", todayIso());
    const hanoi = await findUnitByCode(db, "01", todayIso());
    const adminRow = await findUserByUsername(db, "demo.admin");
    const reporterRow = await findUserByUsername(db, "demo.reporter");
    // The list of the city's subtree, not everyone's.
    expect((await server.request(planner, "GET", "/api/users")).statusCode).toBe(403);
    const mine = (await server.request(planner, "GET", `/api/users?unitId=${cityId}`)).json().items;
    const names = mine.map((u: { username: string }) => u.username);
    expect(names).toEqual(expect.arrayContaining(["demo.reporter", "demo.ward.reporter", "demo.viewer"]));
    expect(names).not.toContain("demo.admin");
    expect((await server.request(planner, "GET", `/api/users?unitId=${hanoi?.id}`)).statusCode).toBe(403);
    // A ward viewer: yes. An administrator, or someone in Hà Nội: no.
    const viewer = await server.request(planner, "POST", "/api/users", {
      username: "ninhkieu.xem",
      displayName: "Người xem phường",
      role: "viewer",
      unitId: ward?.id,
    });
    expect(viewer.statusCode, viewer.body).toBe(200);
    for (const body of [
      { username: "x.admin", displayName: "X", role: "admin" },
      { username: "x.hanoi", displayName: "X", role: "viewer", unitId: hanoi?.id },
    ]) {
      expect((await server.request(planner, "POST", "/api/users", body)).statusCode).toBe(403);
    }
    expect((await server.request(planner, "POST", `/api/users/${adminRow?.id}/reset-password`)).statusCode).toBe(403);
    const promote = await server.request(planner, "PATCH", `/api/users/${viewer.json().id}`, { role: "admin" });
    expect(promote.statusCode).toBe(403);
    const away = await server.request(planner, "PATCH", `/api/users/${viewer.json().id}`, { unitId: hanoi?.id });
    expect(away.statusCode).toBe(403);
    // A ward planner manages the ward's accounts, not the city's departments.
    const wardPlanner = await server.signIn("demo.ward");
    expect((await server.request(wardPlanner, "POST", `/api/users/${reporterRow?.id}/reset-password`)).statusCode).toBe(
      403,
    );
    expect(
      (await server.request(wardPlanner, "PATCH", `/api/users/${viewer.json().id}`, { isActive: false })).statusCode,
    ).toBe(200);
    // Nor a colleague: another planner of the city.
    const colleague = await createUser(db, systemActor(), {
      username: "cantho.kehoach2",
      displayName: "Cán bộ kế hoạch thứ hai",
      role: "planner",
      unitId: cityId,
    });
    expect((await server.request(planner, "POST", `/api/users/${colleague.id}/reset-password`)).statusCode).toBe(403);
    // Reporters and viewers manage no accounts.
    for (const username of ["demo.reporter", "demo.viewer"]) {
      const client = await server.signIn(username);
      expect((await server.request(client, "GET", `/api/users?unitId=${cityId}`)).statusCode).toBe(403);
    }
  });
});
