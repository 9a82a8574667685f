import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Action,
  can,
  canAssignRole,
  canInOwnScope,
  canManageAccount,
  type Principal,
  ROLES,
} from "../../src/core/access";

// Tree used here: 1 nation → 10 Cần Thơ → 100 Phường Ninh Kiều; 1 → 20 Hà Nội.
const CITY = [1, 10];
const WARD = [1, 10, 100];
const HANOI = [1, 20];
const p = (role: Principal["role"], unitPath: number[], agencyId: number | null = null): Principal => ({
  id: 7,
  role,
  unitPath,
  agencyId,
});

describe("can", () => {
  it("lets an admin do everything", () => {
    for (const action of ["unit.load", "user.manage", "plan.issue", "data.approve"] as Action[]) {
      expect(can(p("admin", []), action, { unitPath: HANOI })).toBe(true);
    }
  });

  it("lets everyone signed in browse the official unit list", () => {
    expect(can(p("viewer", WARD), "unit.browse")).toBe(true);
  });

  it("scopes a planner to its subtree for writes, and lets it read the plans above", () => {
    const planner = p("planner", CITY);
    expect(can(planner, "plan.write", { unitPath: WARD })).toBe(true);
    expect(can(planner, "plan.write", { unitPath: CITY })).toBe(true);
    expect(can(planner, "plan.write", { unitPath: [1] })).toBe(false);
    expect(can(planner, "plan.read", { unitPath: [1] })).toBe(true);
    expect(can(planner, "plan.read", { unitPath: HANOI })).toBe(false);
    expect(can(planner, "agency.write", { unitPath: HANOI })).toBe(false);
    expect(can(planner, "user.manage")).toBe(false);
  });

  it("lets a planner manage the accounts of its subtree, below administrator, and nobody else", () => {
    const planner = p("planner", CITY);
    expect(can(planner, "user.manage", { unitPath: WARD })).toBe(true);
    expect(can(planner, "user.manage", { unitPath: CITY, agencyId: 5 })).toBe(true);
    expect(can(planner, "user.manage", { unitPath: HANOI })).toBe(false);
    expect(can(planner, "user.manage", { unitPath: [] })).toBe(false); // an administrator's account
    expect(can(p("planner", WARD), "user.manage", { unitPath: CITY })).toBe(false);
    expect(can(p("viewer", CITY), "user.manage", { unitPath: WARD })).toBe(false);
    expect(can(p("reporter", CITY, 5), "user.manage", { unitPath: CITY, agencyId: 5 })).toBe(false);
    expect(ROLES.filter((r) => canAssignRole(planner, r))).toEqual(["planner", "reporter", "viewer"]);
    expect(ROLES.filter((r) => canAssignRole(p("admin", []), r))).toEqual([...ROLES]);
    expect(ROLES.filter((r) => canAssignRole(p("viewer", CITY), r))).toEqual([]);
  });

  it("keeps a planner from managing its peers (another planner of its own unit)", () => {
    const planner = p("planner", CITY);
    expect(canManageAccount(planner, { unitPath: CITY }, "planner")).toBe(false);
    expect(canManageAccount(planner, { unitPath: CITY }, "reporter")).toBe(true);
    expect(canManageAccount(planner, { unitPath: WARD }, "planner")).toBe(true);
    expect(canManageAccount(planner, { unitPath: WARD }, "admin")).toBe(false);
    expect(canManageAccount(planner, { unitPath: HANOI }, "viewer")).toBe(false);
    expect(canManageAccount(p("admin", []), { unitPath: CITY }, "planner")).toBe(true);
  });

  it("lets a ward planner read its city's plan but not write it", () => {
    const ward = p("planner", WARD);
    expect(can(ward, "plan.read", { unitPath: CITY })).toBe(true);
    expect(can(ward, "plan.write", { unitPath: CITY })).toBe(false);
    expect(can(ward, "data.approve", { unitPath: CITY })).toBe(false);
  });

  it("keeps a viewer to reading its subtree", () => {
    const viewer = p("viewer", CITY);
    expect(can(viewer, "plan.read", { unitPath: WARD })).toBe(true);
    expect(can(viewer, "plan.write", { unitPath: WARD })).toBe(false);
    expect(can(viewer, "plan.read", { unitPath: HANOI })).toBe(false);
  });

  it("lets an agency reporter enter only its own agency's figures", () => {
    const reporter = p("reporter", CITY, 5);
    expect(can(reporter, "data.enter", { unitPath: CITY, agencyId: 5 })).toBe(true);
    expect(can(reporter, "data.enter", { unitPath: CITY, agencyId: 6 })).toBe(false);
    expect(can(reporter, "data.enter", { unitPath: CITY })).toBe(false);
    expect(can(reporter, "data.approve", { unitPath: CITY, agencyId: 5 })).toBe(false);
    expect(can(reporter, "agency.write", { unitPath: CITY, agencyId: 5 })).toBe(false);
  });

  it("lets a unit reporter enter the unit's own figures, not an agency's", () => {
    const reporter = p("reporter", WARD);
    expect(can(reporter, "data.enter", { unitPath: WARD })).toBe(true);
    expect(can(reporter, "data.enter", { unitPath: WARD, agencyId: 9 })).toBe(false);
    expect(can(reporter, "data.enter", { unitPath: CITY })).toBe(false);
  });

  it("refuses actions without a target to everyone but admins", () => {
    expect(can(p("planner", CITY), "plan.read", null)).toBe(false);
  });
});

// A record so that a new Action fails to compile here until it is listed.
const ACTION_SET: Record<Action, true> = {
  "unit.browse": true,
  "unit.read": true,
  "unit.load": true,
  "agency.read": true,
  "agency.write": true,
  "user.read": true,
  "user.manage": true,
  "audit.read": true,
  "catalogue.read": true,
  "catalogue.manage": true,
  "plan.read": true,
  "plan.write": true,
  "plan.issue": true,
  "data.read": true,
  "data.enter": true,
  "data.approve": true,
};
const ACTIONS = Object.keys(ACTION_SET) as Action[];

// Small trees so generated principals and targets often meet.
const arbPath = fc.array(fc.integer({ min: 1, max: 4 }), { maxLength: 3 });
const arbPrincipal = fc.record({
  id: fc.constant(7),
  role: fc.constantFrom(...ROLES),
  unitPath: arbPath,
  agencyId: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }),
});
const arbTarget = fc.record({ unitPath: arbPath, agencyId: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }) });

describe("canInOwnScope", () => {
  it("is what the roles may do on their own unit", () => {
    const allowed = (principal: Principal) => ACTIONS.filter((a) => canInOwnScope(principal, a));
    expect(allowed(p("viewer", CITY))).toEqual([
      "unit.browse",
      "unit.read",
      "agency.read",
      "catalogue.read",
      "plan.read",
      "data.read",
    ]);
    expect(allowed(p("reporter", CITY, 5))).toEqual([...allowed(p("viewer", CITY)), "data.enter"]);
    expect(allowed(p("reporter", WARD))).toEqual([...allowed(p("viewer", CITY)), "data.enter"]);
    expect(allowed(p("planner", CITY))).toEqual(ACTIONS.filter((a) => !["unit.load", "catalogue.manage"].includes(a)));
    expect(allowed(p("admin", []))).toEqual(ACTIONS);
  });

  it("holds whenever `can` allows the action on any target", () => {
    fc.assert(
      fc.property(arbPrincipal, fc.constantFrom(...ACTIONS), arbTarget, (principal, action, target) => {
        if (can(principal, action, target)) expect(canInOwnScope(principal, action)).toBe(true);
      }),
    );
  });

  it("needs only the principal's own unit, not its ancestors (the web knows just the unit id)", () => {
    fc.assert(
      fc.property(arbPrincipal, fc.constantFrom(...ACTIONS), (principal, action) => {
        const own = principal.unitPath.slice(-1);
        expect(canInOwnScope({ ...principal, unitPath: own }, action)).toBe(canInOwnScope(principal, action));
      }),
    );
  });
});
