import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { reportTexts } from "../schema/report-text";
import { users } from "../schema/user";

export type ReportTextRow = typeof reportTexts.$inferSelect;
export type NewReportTextRow = typeof reportTexts.$inferInsert;
export type ReportTextKey = Pick<ReportTextRow, "unitId" | "planId" | "period">;

const byKey = (k: ReportTextKey) =>
  and(eq(reportTexts.unitId, k.unitId), eq(reportTexts.planId, k.planId), eq(reportTexts.period, k.period));

/** The saved text with the display name of whoever saved it last. */
export async function findReportText(
  db: Executor,
  key: ReportTextKey,
): Promise<(ReportTextRow & { updatedByName: string | null }) | undefined> {
  const rows = await db
    .select({ text: reportTexts, updatedByName: users.displayName })
    .from(reportTexts)
    .leftJoin(users, eq(users.id, reportTexts.updatedBy))
    .where(byKey(key));
  const row = rows[0];
  return row ? { ...row.text, updatedByName: row.updatedByName } : undefined;
}

/** Locks the row (when there is one) for the rest of the transaction. */
export async function findReportTextForUpdate(tx: Executor, key: ReportTextKey): Promise<ReportTextRow | undefined> {
  const rows = await tx.select().from(reportTexts).where(byKey(key)).for("update");
  return rows[0];
}

/** Inserts the first version; undefined when someone else inserted it in the meantime. */
export async function insertReportText(tx: Executor, row: NewReportTextRow): Promise<ReportTextRow | undefined> {
  const rows = await tx.insert(reportTexts).values(row).onConflictDoNothing().returning();
  return rows[0];
}

export async function updateReportText(tx: Executor, row: NewReportTextRow): Promise<ReportTextRow> {
  const { unitId, planId, period, ...patch } = row;
  const rows = await tx
    .update(reportTexts)
    .set({ ...patch, updatedAt: sql`now()` as unknown as string })
    .where(byKey({ unitId, planId, period }))
    .returning();
  return rows[0] as ReportTextRow;
}
