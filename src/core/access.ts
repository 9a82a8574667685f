// Who may do what. Every route asks `can` before acting; SQL only fetches the
// facts (the target's ancestor ids, its agency), this function decides.
//
// Scope: a planner, reporter or viewer is bound to one unit (or one agency,
// which lies in a unit). They see that unit's subtree. Planners also read the
// units above them, because a lower plan is written from the upper plan.
// Accounts: an administrator manages every one; a planner those in its subtree
// (the province's officers set up their communes' accounts), never an administrator.

export const ROLES = ["admin", "planner", "reporter", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export type Action =
  | "unit.browse"
  | "unit.read"
  | "unit.load"
  | "agency.read"
  | "agency.write"
  | "user.read"
  | "user.manage"
  | "audit.read"
  | "catalogue.read"
  | "catalogue.manage"
  | "plan.read"
  | "plan.write"
  | "plan.issue"
  | "data.read"
  | "data.enter"
  | "data.approve";

export interface Principal {
  id: number;
  role: Role;
  /** Ancestor ids of the user's unit, root first, the unit last; [] for a global admin. */
  unitPath: readonly number[];
  /** Set for a reporter of one agency. */
  agencyId: number | null;
}

export interface AccessTarget {
  /** Ancestor ids of the unit the object belongs to, root first, the unit last. */
  unitPath: readonly number[];
  /** The agency the object belongs to, when it belongs to one. */
  agencyId?: number | null;
}

const READ_ACTIONS: ReadonlySet<Action> = new Set(["unit.read", "agency.read", "plan.read", "data.read"]);

function unitOf(principal: Principal): number | undefined {
  return principal.unitPath[principal.unitPath.length - 1];
}

function inSubtree(principal: Principal, target: AccessTarget): boolean {
  const own = unitOf(principal);
  return own !== undefined && target.unitPath.includes(own);
}

/** True when the target lies on the path from the root down to the principal's unit. */
function isAncestorOfOwnUnit(principal: Principal, target: AccessTarget): boolean {
  const targetUnit = target.unitPath[target.unitPath.length - 1];
  return targetUnit !== undefined && principal.unitPath.includes(targetUnit);
}

export function can(principal: Principal, action: Action, target: AccessTarget | null = null): boolean {
  if (principal.role === "admin") return true;
  // The official unit list is public reference data: every signed-in user browses it.
  if (action === "unit.browse") return true;
  // So is the national catalogue of strategies, goals and indicators.
  if (action === "catalogue.read") return true;
  if (action === "unit.load" || action === "catalogue.manage") return false;
  if (target === null) return false;

  const inScope = inSubtree(principal, target);
  switch (principal.role) {
    case "planner":
      if (READ_ACTIONS.has(action)) return inScope || isAncestorOfOwnUnit(principal, target);
      return inScope;
    case "viewer":
      return READ_ACTIONS.has(action) && inScope;
    case "reporter":
      return canReport(principal, action, target, inScope);
  }
}

function canReport(principal: Principal, action: Action, target: AccessTarget, inScope: boolean): boolean {
  const ownAgency = principal.agencyId !== null && target.agencyId === principal.agencyId;
  if (action === "data.enter") {
    if (principal.agencyId !== null) return ownAgency;
    return inScope && (target.agencyId ?? null) === null;
  }
  if (READ_ACTIONS.has(action)) {
    if (principal.agencyId !== null) return ownAgency || isAncestorOfOwnUnit(principal, target);
    return inScope || isAncestorOfOwnUnit(principal, target);
  }
  return false;
}

/** The roles a principal may give an account: an administrator any; a planner those below administrator. */
export function canAssignRole(principal: Principal, role: Role): boolean {
  return principal.role === "admin" || (principal.role === "planner" && role !== "admin");
}

/**
 * Whether the principal may manage an account of `role` placed at `place` (create it there, edit, lock,
 * give a new password): `user.manage` there and a role it may give; and not a planner's own peers
 * (another planner of the same unit), so no one takes over a colleague's account with a new password.
 */
export function canManageAccount(principal: Principal, place: AccessTarget, role: Role): boolean {
  if (!can(principal, "user.manage", place) || !canAssignRole(principal, role)) return false;
  if (principal.role === "admin") return true;
  return !(role === "planner" && place.unitPath[place.unitPath.length - 1] === unitOf(principal));
}

/**
 * Whether the principal may do `action` somewhere: on its own unit (or own agency). For an
 * action that needs a target, this is the most a principal can hold, so a screen whose work
 * is that action is useless to whoever fails it (the web hides its nav entry). Which objects
 * are allowed is still `can`'s call, per object.
 */
export function canInOwnScope(principal: Principal, action: Action): boolean {
  return can(principal, action, { unitPath: principal.unitPath, agencyId: principal.agencyId });
}
