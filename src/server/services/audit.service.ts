import type { AccessTarget } from "../../core/access";
import type { Db, Executor } from "../db/client";
import { findAgency } from "../db/repos/agency.repo";
import { listAuditFor } from "../db/repos/audit.repo";
import { assertCan, unitTarget } from "./access.service";
import type { Actor } from "./context";

/**
 * How to find the scope of an audited object, per object type. Each feature
 * adds its own resolver; a type without one is readable by administrators only.
 */
export type AuditTargetResolver = (db: Executor, objectId: string) => Promise<AccessTarget | null>;

const resolvers = new Map<string, AuditTargetResolver>([
  [
    "agency",
    async (db, id) => {
      const agency = await findAgency(db, Number(id));
      return agency ? unitTarget(db, agency.unitId, agency.id) : null;
    },
  ],
  ["unit", async (db, id) => (Number.isInteger(Number(id)) ? unitTarget(db, Number(id)) : null)],
]);

export function registerAuditResolver(objectType: string, resolver: AuditTargetResolver): void {
  resolvers.set(objectType, resolver);
}

export async function readAudit(db: Db, actor: Actor, objectType: string, objectId: string) {
  const resolver = resolvers.get(objectType);
  const isOwnUser = objectType === "user" && objectId === String(actor.principal.id);
  if (!isOwnUser) {
    // An object that no longer exists (a deleted draft) has no scope left: administrators only.
    const target = resolver ? await resolver(db, objectId).catch(() => null) : null;
    assertCan(actor, "audit.read", target);
  }
  return listAuditFor(db, objectType, objectId);
}
