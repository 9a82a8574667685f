import { and, asc, eq, gt, inArray, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { agencies } from "../schema/agency";
import { units } from "../schema/unit";
import { sessions, users } from "../schema/user";

export type UserRow = typeof users.$inferSelect;
export type NewUserRow = typeof users.$inferInsert;

export async function findUserByUsername(db: Executor, username: string): Promise<UserRow | undefined> {
  const rows = await db.select().from(users).where(eq(users.username, username));
  return rows[0];
}

export async function findUserById(db: Executor, id: number): Promise<UserRow | undefined> {
  const rows = await db.select().from(users).where(eq(users.id, id));
  return rows[0];
}

/** Display names of users, in one query whatever the number of ids (none for an empty list). */
export async function userNamesOf(db: Executor, ids: readonly number[]): Promise<Map<number, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function listUsers(db: Executor): Promise<UserRow[]> {
  return db.select().from(users).orderBy(asc(users.username));
}

/** A user with the name of its unit (an agency reporter: the agency's unit) and of its agency. */
export type UserView = UserRow & { unitName: string | null; agencyName: string | null; agencyUnitId: number | null };

function usersWithNames(db: Executor) {
  return db
    .select({
      user: users,
      unitName: sql<
        string | null
      >`coalesce(${units.fullName}, (SELECT au.full_name FROM units au WHERE au.id = ${agencies.unitId}))`,
      agencyName: agencies.name,
      agencyUnitId: agencies.unitId,
    })
    .from(users)
    .leftJoin(units, eq(units.id, users.unitId))
    .leftJoin(agencies, eq(agencies.id, users.agencyId));
}

export async function listUserViews(db: Executor): Promise<UserView[]> {
  const rows = await usersWithNames(db).orderBy(asc(users.username));
  return rows.map((r) => ({ ...r.user, unitName: r.unitName, agencyName: r.agencyName, agencyUnitId: r.agencyUnitId }));
}

/** Users whose unit, or whose agency's unit, lies in the subtree at `path` ("/1/97/"). */
export async function listUserViewsInSubtree(db: Executor, path: string): Promise<UserView[]> {
  const place = sql`coalesce(${units.path}, (SELECT au.path FROM units au WHERE au.id = ${agencies.unitId}))`;
  const rows = await usersWithNames(db)
    .where(sql`${place} LIKE ${`${path}%`}`)
    .orderBy(asc(users.username));
  return rows.map((r) => ({ ...r.user, unitName: r.unitName, agencyName: r.agencyName, agencyUnitId: r.agencyUnitId }));
}

export async function findUserView(db: Executor, id: number): Promise<UserView | undefined> {
  const [r] = await usersWithNames(db).where(eq(users.id, id));
  return r && { ...r.user, unitName: r.unitName, agencyName: r.agencyName, agencyUnitId: r.agencyUnitId };
}

/** Active administrators other than `exceptId`. */
export async function countOtherActiveAdmins(db: Executor, exceptId: number): Promise<number> {
  const rows = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(and(eq(users.role, "admin"), eq(users.isActive, true), sql`${users.id} <> ${exceptId}`));
  return rows[0]?.n ?? 0;
}

export async function countUsers(db: Executor): Promise<number> {
  const rows = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  return rows[0]?.n ?? 0;
}

export async function insertUser(tx: Executor, row: NewUserRow): Promise<UserRow> {
  const rows = await tx.insert(users).values(row).returning();
  return rows[0] as UserRow;
}

export async function updateUser(tx: Executor, id: number, patch: Partial<NewUserRow>): Promise<UserRow> {
  const rows = await tx.update(users).set(patch).where(eq(users.id, id)).returning();
  return rows[0] as UserRow;
}

export interface SessionUser {
  user: UserRow;
  csrfToken: string;
  unitPath: string | null;
  unitName: string | null;
  agencyName: string | null;
  agencyUnitPath: string | null;
}

/** The live session and its user with the facts access rules need (unit path, agency). */
export async function findSessionUser(db: Executor, sessionId: string): Promise<SessionUser | undefined> {
  const agencyUnit = sql`(SELECT au.path FROM units au WHERE au.id = ${agencies.unitId})`;
  const rows = await db
    .select({
      user: users,
      csrfToken: sessions.csrfToken,
      unitPath: units.path,
      unitName: units.fullName,
      agencyName: agencies.name,
      agencyUnitPath: sql<string | null>`${agencyUnit}`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(units, eq(units.id, users.unitId))
    .leftJoin(agencies, eq(agencies.id, users.agencyId))
    .where(and(eq(sessions.id, sessionId), gt(sessions.expiresAt, sql`now()`), eq(users.isActive, true)));
  return rows[0];
}

export async function insertSession(tx: Executor, row: typeof sessions.$inferInsert): Promise<void> {
  await tx.insert(sessions).values(row);
}

export async function deleteSession(tx: Executor, id: string): Promise<void> {
  await tx.delete(sessions).where(eq(sessions.id, id));
}

export async function deleteSessionsOfUser(tx: Executor, userId: number): Promise<number> {
  const rows = await tx.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.id });
  return rows.length;
}
