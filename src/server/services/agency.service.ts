import type { CloseAgencyInput, CreateAgencyInput, UpdateAgencyInput } from "../../contract/agency";
import { AppError } from "../../core/errors";
import type { Db } from "../db/client";
import {
  type AgencyRow,
  countAgencyReferences,
  deleteAgency,
  findAgency,
  findOpenAgencyByName,
  insertAgency,
  listAgenciesOfUnit,
  updateAgency,
} from "../db/repos/agency.repo";
import { insertAudit } from "../db/repos/audit.repo";
import { findUnitById } from "../db/repos/unit.repo";
import { assertCan, unitTarget } from "./access.service";
import { type Actor, auditActor } from "./context";

const today = () => new Date().toISOString().slice(0, 10);

export async function listAgencies(db: Db, actor: Actor, unitId: number, includeClosed: boolean): Promise<AgencyRow[]> {
  assertCan(actor, "agency.read", await unitTarget(db, unitId));
  return listAgenciesOfUnit(db, unitId, includeClosed);
}

export async function getAgency(db: Db, actor: Actor, id: number): Promise<AgencyRow> {
  const agency = await requireAgency(db, id);
  assertCan(actor, "agency.read", await unitTarget(db, agency.unitId, agency.id));
  return agency;
}

export async function createAgency(db: Db, actor: Actor, input: CreateAgencyInput): Promise<AgencyRow> {
  assertCan(actor, "agency.write", await unitTarget(db, input.unitId));
  const unit = await findUnitById(db, input.unitId, today());
  if (!unit || unit.valid_to !== null) {
    throw new AppError("VALIDATION", {
      userMessage: { vi: "Đơn vị hành chính đã hết hiệu lực.", en: "The administrative unit no longer exists." },
    });
  }
  return db.transaction(async (tx) => {
    if (await findOpenAgencyByName(tx, input.unitId, input.name)) throw duplicateName(input.name);
    const row = await insertAgency(tx, {
      unitId: input.unitId,
      name: input.name,
      shortName: input.shortName ?? null,
      type: input.type,
    });
    await insertAudit(tx, {
      ...auditActor(actor),
      action: "create",
      objectType: "agency",
      objectId: row.id,
      old: null,
      new: row,
    });
    return row;
  });
}

export async function renameOrRetypeAgency(
  db: Db,
  actor: Actor,
  id: number,
  input: UpdateAgencyInput,
): Promise<AgencyRow> {
  return db.transaction(async (tx) => {
    const before = await requireAgency(tx, id);
    assertCan(actor, "agency.write", await unitTarget(tx, before.unitId, before.id));
    if (input.expectedUpdatedAt && !sameInstant(input.expectedUpdatedAt, before.updatedAt)) throw staleEdit();
    if (before.closedOn !== null) throw closed();
    if (input.name && input.name.toLowerCase() !== before.name.toLowerCase()) {
      if (await findOpenAgencyByName(tx, before.unitId, input.name)) throw duplicateName(input.name);
    }
    const after = await updateAgency(tx, id, {
      name: input.name ?? before.name,
      shortName: input.shortName === undefined ? before.shortName : input.shortName,
      type: input.type ?? before.type,
    });
    await insertAudit(tx, {
      ...auditActor(actor),
      action: "update",
      objectType: "agency",
      objectId: id,
      old: before,
      new: after,
    });
    return after;
  });
}

export async function closeAgency(db: Db, actor: Actor, id: number, input: CloseAgencyInput): Promise<AgencyRow> {
  return db.transaction(async (tx) => {
    const before = await requireAgency(tx, id);
    assertCan(actor, "agency.write", await unitTarget(tx, before.unitId, before.id));
    if (before.closedOn !== null) throw closed();
    const after = await updateAgency(tx, id, { closedOn: input.closedOn });
    await insertAudit(tx, {
      ...auditActor(actor),
      action: "close",
      objectType: "agency",
      objectId: id,
      old: before,
      new: after,
    });
    return after;
  });
}

/** Only an agency nothing refers to may be deleted (a mistake just made); otherwise close it. */
export async function removeAgency(db: Db, actor: Actor, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await requireAgency(tx, id);
    assertCan(actor, "agency.write", await unitTarget(tx, before.unitId, before.id));
    if ((await countAgencyReferences(tx, id)) > 0) {
      throw new AppError("CONFLICT", {
        userMessage: {
          vi: "Cơ quan đã có dữ liệu liên quan nên không thể xóa; hãy đóng cơ quan với ngày kết thúc.",
          en: "The agency is referenced and cannot be deleted; close it with an end date instead.",
        },
      });
    }
    await deleteAgency(tx, id);
    await insertAudit(tx, {
      ...auditActor(actor),
      action: "delete",
      objectType: "agency",
      objectId: id,
      old: before,
      new: null,
    });
  });
}

async function requireAgency(db: Parameters<typeof findAgency>[0], id: number): Promise<AgencyRow> {
  const agency = await findAgency(db, id);
  if (!agency)
    throw new AppError("NOT_FOUND", { userMessage: { vi: "Không tìm thấy cơ quan.", en: "Agency not found." } });
  return agency;
}

function sameInstant(a: string, b: string): boolean {
  return new Date(a).getTime() === new Date(b).getTime();
}

function duplicateName(name: string): AppError {
  return new AppError("CONFLICT", {
    userMessage: { vi: `Đơn vị đã có cơ quan tên “${name}”.`, en: `The unit already has an agency named “${name}”.` },
  });
}

function staleEdit(): AppError {
  return new AppError("CONFLICT", {
    userMessage: {
      vi: "Cơ quan vừa được người khác sửa. Hãy tải lại để xem thay đổi trước khi sửa tiếp.",
      en: "Someone else changed this agency. Reload to see their change first.",
    },
  });
}

function closed(): AppError {
  return new AppError("INVALID_STATE", {
    userMessage: { vi: "Cơ quan đã đóng, không thể sửa.", en: "The agency is closed and cannot be changed." },
  });
}
