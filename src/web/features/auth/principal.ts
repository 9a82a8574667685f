import type { Me } from "../../../contract/auth";
import { type Action, canInOwnScope, type Principal } from "../../../core/access";

/**
 * The signed-in user as core's access rules see them. The session carries the user's unit id,
 * not its ancestors: enough for checks on the user's own unit or agency (core `canInOwnScope`
 * depends on nothing else), not for arbitrary targets above it.
 */
export function principalOfMe(me: Me): Principal {
  return { id: me.id, role: me.role, unitPath: me.unitId === null ? [] : [me.unitId], agencyId: me.agencyId };
}

/** Whether the user may do `action` at all (on their own unit or agency); the server still decides per object. */
export function canUse(me: Me, action: Action): boolean {
  return canInOwnScope(principalOfMe(me), action);
}
