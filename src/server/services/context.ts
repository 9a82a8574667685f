import type { Principal } from "../../core/access";

/** Who is acting and under which request: every write records both in the audit log. */
export interface Actor {
  principal: Principal;
  displayName: string;
  requestId: string | null;
}

/** The actor for work the system does itself (first start, CLI loads). */
export function systemActor(label = "hệ thống"): Actor {
  return { principal: { id: 0, role: "admin", unitPath: [], agencyId: null }, displayName: label, requestId: null };
}

export function auditActor(actor: Actor): { actorId: number | null; actorName: string; requestId: string | null } {
  return {
    actorId: actor.principal.id === 0 ? null : actor.principal.id,
    actorName: actor.displayName,
    requestId: actor.requestId,
  };
}
