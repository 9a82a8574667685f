import { createHash, randomBytes } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import type { Principal, Role } from "../../core/access";
import { AppError } from "../../core/errors";
import { clearFailures, type FailureLog, recordFailure, retryAfterMs } from "../../core/throttle";
import { parseUnitPath } from "../../core/units";
import type { Db } from "../db/client";
import { insertAudit } from "../db/repos/audit.repo";
import {
  deleteSession,
  deleteSessionsOfUser,
  findSessionUser,
  findUserById,
  findUserByUsername,
  insertSession,
  type SessionUser,
  updateUser,
} from "../db/repos/user.repo";
import type { Actor } from "./context";

// argon2id with the OWASP-recommended minimums (19 MiB, 2 passes).
const ARGON = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;
const THROTTLE = { maxFailures: 8, windowMs: 15 * 60_000 };
// A fixed hash to verify against when the user does not exist, so timing does not reveal user names.
let dummyHash: Promise<string> | null = null;

export function hashPassword(password: string): Promise<string> {
  return hash(password, { ...ARGON, algorithm: 2 });
}

export interface AuthServiceOptions {
  db: Db;
  sessionTtlHours: number;
  /** Injected for tests; defaults to the wall clock. */
  now?: () => number;
}

export interface SignedIn {
  token: string;
  csrfToken: string;
  user: SessionUser;
}

export function createAuthService(options: AuthServiceOptions) {
  const { db, sessionTtlHours } = options;
  const now = options.now ?? Date.now;
  const failures: FailureLog = new Map();

  async function signIn(input: {
    username: string;
    password: string;
    ip: string;
    userAgent: string | null;
  }): Promise<SignedIn> {
    const keys = [`ip:${input.ip}`, `user:${input.username.toLowerCase()}`];
    const wait = retryAfterMs(failures, keys, now(), THROTTLE);
    if (wait > 0) {
      throw new AppError("RATE_LIMITED", {
        userMessage: {
          vi: `Bạn đã nhập sai quá nhiều lần. Vui lòng thử lại sau ${Math.ceil(wait / 60_000)} phút.`,
          en: `Too many failed attempts. Try again in ${Math.ceil(wait / 60_000)} minutes.`,
        },
      });
    }
    const user = await findUserByUsername(db, input.username.toLowerCase());
    dummyHash ??= hashPassword(randomBytes(16).toString("hex"));
    const ok = await verify(user?.passwordHash ?? (await dummyHash), input.password).catch(() => false);
    if (!user || !ok || !user.isActive) {
      recordFailure(failures, keys, now());
      throw new AppError("BAD_CREDENTIALS");
    }
    clearFailures(failures, keys);
    const token = randomBytes(32).toString("base64url");
    const csrfToken = randomBytes(24).toString("base64url");
    const expiresAt = new Date(now() + sessionTtlHours * 3_600_000).toISOString();
    await db.transaction(async (tx) => {
      await insertSession(tx, {
        id: sessionId(token),
        userId: user.id,
        csrfToken,
        expiresAt,
        ip: input.ip,
        userAgent: input.userAgent,
      });
      await insertAudit(tx, {
        actorId: user.id,
        actorName: user.displayName,
        action: "sign_in",
        objectType: "user",
        objectId: user.id,
        old: null,
        new: { ip: input.ip },
        requestId: null,
      });
    });
    const sessionUser = await findSessionUser(db, sessionId(token));
    if (!sessionUser) throw new AppError("INTERNAL", { logMessage: "session vanished right after sign-in" });
    return { token, csrfToken, user: sessionUser };
  }

  async function resolve(token: string): Promise<SessionUser | undefined> {
    return findSessionUser(db, sessionId(token));
  }

  async function signOut(token: string): Promise<void> {
    await deleteSession(db, sessionId(token));
  }

  /** Ends every session of the user, on every device. */
  async function signOutEverywhere(actor: Actor): Promise<number> {
    return db.transaction(async (tx) => {
      const n = await deleteSessionsOfUser(tx, actor.principal.id);
      await insertAudit(tx, {
        actorId: actor.principal.id,
        actorName: actor.displayName,
        action: "sign_out_everywhere",
        objectType: "user",
        objectId: actor.principal.id,
        old: null,
        new: { sessionsEnded: n },
        requestId: actor.requestId,
      });
      return n;
    });
  }

  async function changePassword(actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
    const user = await findUserById(db, actor.principal.id);
    if (!user || !(await verify(user.passwordHash, currentPassword).catch(() => false))) {
      throw new AppError("BAD_CREDENTIALS", {
        userMessage: { vi: "Mật khẩu hiện tại không đúng.", en: "The current password is wrong." },
      });
    }
    if (newPassword === currentPassword) {
      throw new AppError("VALIDATION", {
        userMessage: {
          vi: "Mật khẩu mới phải khác mật khẩu cũ.",
          en: "The new password must differ from the old one.",
        },
      });
    }
    const passwordHash = await hashPassword(newPassword);
    await db.transaction(async (tx) => {
      await updateUser(tx, user.id, { passwordHash, mustChangePassword: false });
      await insertAudit(tx, {
        actorId: user.id,
        actorName: user.displayName,
        action: "change_password",
        objectType: "user",
        objectId: user.id,
        old: null,
        new: null,
        requestId: actor.requestId,
      });
    });
  }

  return { signIn, resolve, signOut, signOutEverywhere, changePassword };
}

export type AuthService = ReturnType<typeof createAuthService>;

export function sessionId(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function principalOf(s: SessionUser): Principal {
  const path = s.unitPath ?? s.agencyUnitPath;
  return {
    id: s.user.id,
    role: s.user.role as Role,
    unitPath: path ? parseUnitPath(path) : [],
    agencyId: s.user.agencyId,
  };
}
