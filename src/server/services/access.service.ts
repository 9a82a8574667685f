import { type AccessTarget, type Action, can } from "../../core/access";
import { AppError } from "../../core/errors";
import { parseUnitPath } from "../../core/units";
import type { Executor } from "../db/client";
import { findUnitPath } from "../db/repos/unit.repo";
import type { Actor } from "./context";

/** Throws FORBIDDEN unless `can` allows; services call this before any read or write of scoped data. */
export function assertCan(actor: Actor, action: Action, target: AccessTarget | null = null): void {
  if (!can(actor.principal, action, target)) throw new AppError("FORBIDDEN");
}

/** The access target of a unit: its ancestor ids from the stored path. */
export async function unitTarget(db: Executor, unitId: number, agencyId: number | null = null): Promise<AccessTarget> {
  const path = await findUnitPath(db, unitId);
  if (path === undefined) {
    throw new AppError("NOT_FOUND", {
      userMessage: { vi: "Không tìm thấy đơn vị hành chính.", en: "Administrative unit not found." },
    });
  }
  return { unitPath: parseUnitPath(path), agencyId };
}
