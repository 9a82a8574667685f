import { randomBytes } from "node:crypto";
import type { CreateUserInput, UpdateUserInput } from "../../contract/user";
import { type AccessTarget, canManageAccount, type Role } from "../../core/access";
import { AppError } from "../../core/errors";
import { parseUnitPath } from "../../core/units";
import type { Db, Executor } from "../db/client";
import { findAgency } from "../db/repos/agency.repo";
import { insertAudit } from "../db/repos/audit.repo";
import { findUnitPath } from "../db/repos/unit.repo";
import {
  countOtherActiveAdmins,
  countUsers,
  deleteSessionsOfUser,
  findUserById,
  findUserByUsername,
  findUserView,
  insertUser,
  listUserViews,
  listUserViewsInSubtree,
  type UserRow,
  type UserView,
  updateUser,
} from "../db/repos/user.repo";
import { assertCan, unitTarget } from "./access.service";
import { hashPassword } from "./auth.service";
import { type Actor, auditActor } from "./context";

/** Every account (administrators), or those of a unit's subtree (whoever may manage them there). */
export async function listAllUsers(db: Db, actor: Actor, unitId?: number): Promise<UserView[]> {
  if (unitId === undefined) {
    assertCan(actor, "user.manage");
    return listUserViews(db);
  }
  const path = await findUnitPath(db, unitId);
  if (path === undefined) throw new AppError("NOT_FOUND");
  assertCan(actor, "user.manage", { unitPath: parseUnitPath(path) });
  return listUserViewsInSubtree(db, path);
}

/** Where an account belongs, for `can`: its unit, or its agency's unit; nowhere for an administrator. */
async function placeOf(db: Executor, unitId: number | null, agencyId: number | null): Promise<AccessTarget> {
  if (agencyId !== null) {
    const agency = await findAgency(db, agencyId);
    return agency ? unitTarget(db, agency.unitId, agencyId) : { unitPath: [] };
  }
  return unitId === null ? { unitPath: [] } : unitTarget(db, unitId);
}

/** The actor may manage an account at `place` with `role` (core `canManageAccount`). */
function assertMayManage(actor: Actor, place: AccessTarget, role: string): void {
  if (!canManageAccount(actor.principal, place, role as Role)) throw new AppError("FORBIDDEN");
}

export type CreatedUserRow = UserRow & { oneTimePassword: string | null };

/**
 * Creates a user; the password hash never reaches the audit log. Without a password the server makes
 * a one-time one (returned once) that must be changed at the first sign-in.
 */
export async function createUser(
  db: Db,
  actor: Actor,
  input: CreateUserInput & { mustChangePassword?: boolean },
): Promise<CreatedUserRow> {
  const unitId = input.unitId ?? null;
  const agencyId = input.agencyId ?? null;
  await checkScope(db, input.role, unitId, agencyId);
  assertMayManage(actor, input.role === "admin" ? { unitPath: [] } : await placeOf(db, unitId, agencyId), input.role);
  const oneTimePassword = input.password === undefined ? newOneTimePassword() : null;
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
      passwordHash: await hashPassword(input.password ?? (oneTimePassword as string)),
      role: input.role,
      unitId,
      agencyId,
      mustChangePassword: oneTimePassword !== null || (input.mustChangePassword ?? false),
    });
    await insertAudit(tx, {
      ...auditActor(actor),
      action: "create",
      objectType: "user",
      objectId: row.id,
      old: null,
      new: visible(row),
    });
    return { ...row, oneTimePassword };
  });
}

/**
 * Changes a user's name, role, unit or agency, or locks / unlocks the account. A change of role or
 * place, or a lock, ends the user's open sessions. An administrator cannot lock or demote
 * themselves, and the last active administrator stays one.
 */
export async function updateUserAccount(db: Db, actor: Actor, id: number, input: UpdateUserInput): Promise<UserView> {
  return db.transaction(async (tx) => {
    const before = await findUserById(tx, id);
    if (!before) throw userNotFound();
    assertMayManage(actor, await placeOf(tx, before.unitId, before.agencyId), before.role);
    const role = input.role ?? before.role;
    const agencyId = input.agencyId !== undefined ? input.agencyId : before.agencyId;
    const unitId = agencyId !== null ? null : input.unitId !== undefined ? input.unitId : before.unitId;
    await checkScope(tx, role, unitId, agencyId);
    // …and where it goes, with the role it gets.
    assertMayManage(actor, role === "admin" ? { unitPath: [] } : await placeOf(tx, unitId, agencyId), role);
    const locks = input.isActive === false && before.isActive;
    const demotes = before.role === "admin" && role !== "admin";
    if ((locks || demotes) && id === actor.principal.id) {
      throw new AppError("INVALID_STATE", {
        userMessage: {
          vi: "Bạn không thể tự khóa tài khoản hoặc bỏ quyền quản trị của chính mình.",
          en: "You cannot lock your own account or remove your own administrator role.",
        },
      });
    }
    if ((locks || demotes) && before.role === "admin" && (await countOtherActiveAdmins(tx, id)) === 0) {
      throw new AppError("INVALID_STATE", {
        userMessage: {
          vi: "Đây là quản trị viên cuối cùng đang hoạt động; hãy thêm một quản trị viên khác trước.",
          en: "This is the last active administrator; add another administrator first.",
        },
      });
    }
    const after = await updateUser(tx, id, {
      displayName: input.displayName ?? before.displayName,
      role,
      unitId,
      agencyId,
      isActive: input.isActive ?? before.isActive,
    });
    const moved = role !== before.role || unitId !== before.unitId || agencyId !== before.agencyId;
    if (moved || !after.isActive) await deleteSessionsOfUser(tx, id);
    await insertAudit(tx, {
      ...auditActor(actor),
      action: "update",
      objectType: "user",
      objectId: id,
      old: visible(before),
      new: visible(after),
    });
    return (await findUserView(tx, id)) as UserView;
  });
}

/**
 * A new one-time password for a user who lost theirs: returned once, to be changed at the next
 * sign-in; the user's open sessions end. Audited without the password.
 */
export async function resetUserPassword(db: Db, actor: Actor, id: number): Promise<string> {
  const target = await findUserById(db, id);
  if (!target) throw userNotFound();
  assertMayManage(actor, await placeOf(db, target.unitId, target.agencyId), target.role);
  if (id === actor.principal.id) {
    throw new AppError("INVALID_STATE", {
      userMessage: {
        vi: "Hãy đổi mật khẩu của chính bạn trong trình đơn tài khoản.",
        en: "Change your own password from the account menu.",
      },
    });
  }
  const password = newOneTimePassword();
  const hash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const before = await findUserById(tx, id);
    if (!before) throw userNotFound();
    await updateUser(tx, id, { passwordHash: hash, mustChangePassword: true });
    const ended = await deleteSessionsOfUser(tx, id);
    await insertAudit(tx, {
      ...auditActor(actor),
      action: "reset_password",
      objectType: "user",
      objectId: id,
      old: null,
      new: { mustChangePassword: true, sessionsEnded: ended },
    });
  });
  return password;
}

function newOneTimePassword(): string {
  return randomBytes(12).toString("base64url");
}

function userNotFound(): AppError {
  return new AppError("NOT_FOUND", { userMessage: { vi: "Không tìm thấy người dùng.", en: "User not found." } });
}

/** A user row as the audit log keeps it: never the password hash. */
function visible(row: UserRow): Omit<UserRow, "passwordHash"> {
  const { passwordHash: _omit, ...rest } = row;
  return rest;
}

async function checkScope(db: Executor, role: string, unitId: number | null, agencyId: number | null): Promise<void> {
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
  const created = await createUser(db, actor, { username: "admin", displayName: "Quản trị hệ thống", role: "admin" });
  return { username: "admin", password: created.oneTimePassword as string };
}
