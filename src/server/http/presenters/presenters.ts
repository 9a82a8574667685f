import type { Agency } from "../../../contract/agency";
import type { AuditEntry } from "../../../contract/audit";
import type { Me } from "../../../contract/auth";
import type { Unit } from "../../../contract/unit";
import type { User } from "../../../contract/user";
import type { Role } from "../../../core/access";
import type { AgencyType } from "../../../core/agencies";
import type { UnitLevel, UnitType } from "../../../core/units";
import type { AgencyRow } from "../../db/repos/agency.repo";
import type { UnitRow } from "../../db/repos/unit.repo";
import type { SessionUser, UserView } from "../../db/repos/user.repo";

/** PostgreSQL text timestamps ("2026-11-23 09:00:00.1+00") as ISO 8601 UTC. */
export function isoTimestamp(value: string): string {
  return new Date(value).toISOString();
}

export function presentUnit(row: UnitRow): Unit {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    fullName: row.full_name,
    nameEn: row.name_en,
    type: row.type as UnitType,
    level: row.level as UnitLevel,
    depth: row.depth,
    parentId: row.parent_id,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    childCount: row.child_count,
  };
}

export function presentAgency(row: AgencyRow): Agency {
  return {
    id: row.id,
    unitId: row.unitId,
    name: row.name,
    shortName: row.shortName,
    type: row.type as AgencyType,
    closedOn: row.closedOn,
    createdAt: isoTimestamp(row.createdAt),
    updatedAt: isoTimestamp(row.updatedAt),
  };
}

export function presentMe(s: SessionUser): Me {
  return {
    id: s.user.id,
    username: s.user.username,
    displayName: s.user.displayName,
    role: s.user.role as Role,
    unitId: s.user.unitId,
    unitName: s.unitName,
    agencyId: s.user.agencyId,
    agencyName: s.agencyName,
    mustChangePassword: s.user.mustChangePassword,
    locale: s.user.locale === "en" ? "en" : "vi",
  };
}

export function presentUser(row: UserView): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role as Role,
    unitId: row.unitId,
    agencyId: row.agencyId,
    isActive: row.isActive,
    unitName: row.unitName,
    agencyName: row.agencyName,
    agencyUnitId: row.agencyUnitId,
    mustChangePassword: row.mustChangePassword,
  };
}

export function presentAudit(row: {
  id: number;
  at: string;
  actorId: number | null;
  actorName: string | null;
  action: string;
  objectType: string;
  objectId: string;
  old: unknown;
  new: unknown;
  requestId: string | null;
}): AuditEntry {
  return { ...row, at: isoTimestamp(row.at), old: row.old ?? null, new: row.new ?? null };
}
