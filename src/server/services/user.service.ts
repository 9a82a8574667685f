import { randomBytes } from "node:crypto";
import type { CreateUserInput } from "../../contract/user";
import { AppError } from "../../core/errors";
import type { Db } from "../db/client";
import { findAgency } from "../db/repos/agency.repo";
import { insertAudit } from "../db/repos/audit.repo";
import { findUnitPath } from "../db/repos/unit.repo";
import { countUsers, findUserByUsername, insertUser, listUsers, type UserRow } from "../db/repos/user.repo";
import { assertCan } from "./access.service";
import { hashPassword } from "./auth.service";
import { type Actor, auditActor } from "./context";

export async function listAllUsers(db: Db, actor: Actor): Promise<UserRow[]> {
  assertCan(actor, "user.manage");
  return listUsers(db);
}

/** Creates a user; the password hash never reaches the audit log. */
export async function createUser(
  db: Db,
  actor: Actor,
  input: CreateUserInput & { mustChangePassword?: boolean },
): Promise<UserRow> {
  assertCan(actor, "user.manage");
  const unitId = input.unitId ?? null;
  const agencyId = input.agencyId ?? null;
  await checkScope(db, input.role, unitId, agencyId);
  return db.transaction(async (tx) => {
    if (await findUserByUsername(tx, input.username)) {
      throw new AppError("CONFLICT", {
        userMessage: {
          vi: `Tên đăng nhập “${input.username}” đã tồn tại.`,
          en: `User name “${input.username}” is taken.`,
        },
      });
    }
    const row = await insertUser(tx, {
      username: input.username,
      displayName: input.displayName,
      passwordHash: await hashPassword(input.password),
      role: input.role,
      unitId,
      agencyId,
      mustChangePassword: input.mustChangePassword ?? false,
    });
    const { passwordHash: _omit, ...visible } = row;
    await insertAudit(tx, {
      ...auditActor(actor),
      action: "create",
      objectType: "user",
      objectId: row.id,
      old: null,
      new: visible,
    });
    return row;
  });
}

async function checkScope(db: Db, role: string, unitId: number | null, agencyId: number | null): Promise<void> {
  const bad = (vi: string, en: string) => new AppError("VALIDATION", { userMessage: { vi, en } });
  if (role === "admin") return;
  if (agencyId !== null) {
    if (role !== "reporter")
      throw bad("Chỉ người báo cáo mới gắn với một cơ quan.", "Only reporters belong to an agency.");
    if (!(await findAgency(db, agencyId))) throw bad("Không tìm thấy cơ quan.", "Agency not found.");
    return;
  }
  if (unitId === null) throw bad("Cần chọn đơn vị hành chính cho người dùng.", "Choose the user's unit.");
  if ((await findUnitPath(db, unitId)) === undefined) throw bad("Không tìm thấy đơn vị.", "Unit not found.");
}

/**
 * On the first start of an empty database: an administrator with a one-time
 * password, returned once for printing and never stored in clear.
 */
export async function bootstrapAdmin(db: Db, actor: Actor): Promise<{ username: string; password: string } | null> {
  if ((await countUsers(db)) > 0) return null;
  const password = randomBytes(12).toString("base64url");
  await createUser(db, actor, {
    username: "admin",
    displayName: "Quản trị hệ thống",
    role: "admin",
    password,
    mustChangePassword: true,
  });
  return { username: "admin", password };
}
