import { and, asc, eq, getTableColumns, inArray, sql } from "drizzle-orm";
import type { RoundCounts } from "../../../core/reporting";
import { type Executor, queryRows } from "../client";
import { agencies } from "../schema/agency";
import { plans } from "../schema/plan";
import { evidenceFiles, importJobs, reportingRounds, submissions } from "../schema/reporting";
import { units } from "../schema/unit";
import type { PlanRow } from "./plan.repo";

export type RoundRow = typeof reportingRounds.$inferSelect;
export type SubmissionRow = typeof submissions.$inferSelect;
export type NewSubmissionRow = typeof submissions.$inferInsert;
export type EvidenceRow = Omit<typeof evidenceFiles.$inferSelect, "content">;
export type ImportJobRow = typeof importJobs.$inferSelect;

export async function insertRound(tx: Executor, row: typeof reportingRounds.$inferInsert): Promise<RoundRow> {
  return (await tx.insert(reportingRounds).values(row).returning())[0] as RoundRow;
}

export async function findRound(db: Executor, id: number): Promise<RoundRow | undefined> {
  return (await db.select().from(reportingRounds).where(eq(reportingRounds.id, id)))[0];
}

export async function findRoundByPeriod(db: Executor, planId: number, period: string): Promise<RoundRow | undefined> {
  return (
    await db
      .select()
      .from(reportingRounds)
      .where(and(eq(reportingRounds.planId, planId), eq(reportingRounds.period, period)))
  )[0];
}

export async function listRoundsOfPlan(db: Executor, planId: number): Promise<RoundRow[]> {
  return db
    .select()
    .from(reportingRounds)
    .where(eq(reportingRounds.planId, planId))
    .orderBy(asc(reportingRounds.windowTo), asc(reportingRounds.id));
}

export async function insertSubmissions(tx: Executor, rows: NewSubmissionRow[]): Promise<void> {
  if (rows.length > 0) await tx.insert(submissions).values(rows);
}

export async function listSubmissionsOfRound(db: Executor, roundId: number): Promise<SubmissionRow[]> {
  return db.select().from(submissions).where(eq(submissions.roundId, roundId)).orderBy(asc(submissions.reporterKey));
}

export async function findSubmission(
  db: Executor,
  roundId: number,
  reporterKey: string,
): Promise<SubmissionRow | undefined> {
  return (
    await db
      .select()
      .from(submissions)
      .where(and(eq(submissions.roundId, roundId), eq(submissions.reporterKey, reporterKey)))
  )[0];
}

/** Locks the submission for the rest of the transaction: entry, approval and reopening cannot interleave. */
export interface SubmissionInRound {
  round: RoundRow;
  plan: PlanRow;
  submission: SubmissionRow;
  /** Materialised path of the reporter's unit (its ancestors, for access checks). */
  unitPath: string;
  /** The reporting agency's name, or the reporting unit's full name (as `reporterNames`). */
  reporterName: string;
}

/**
 * A submission with its round, plan, unit path and reporter's name in one round trip
 * (a form's every save and submit starts here); `forUpdate` locks the submission row only.
 */
export async function findSubmissionInRound(
  db: Executor,
  roundId: number,
  reporterKey: string,
  forUpdate: boolean,
): Promise<SubmissionInRound | undefined> {
  const query = db
    .select({
      round: reportingRounds,
      plan: plans,
      submission: submissions,
      unitPath: units.path,
      reporterName: sql<string>`coalesce(${agencies.name}, ${units.fullName})`,
    })
    .from(submissions)
    .innerJoin(reportingRounds, eq(reportingRounds.id, submissions.roundId))
    .innerJoin(plans, eq(plans.id, reportingRounds.planId))
    .innerJoin(units, eq(units.id, submissions.unitId))
    .leftJoin(agencies, eq(agencies.id, submissions.agencyId))
    .where(and(eq(submissions.roundId, roundId), eq(submissions.reporterKey, reporterKey)));
  return (forUpdate ? await query.for("update", { of: submissions }) : await query)[0];
}

export async function findSubmissionForUpdate(
  tx: Executor,
  roundId: number,
  reporterKey: string,
): Promise<SubmissionRow | undefined> {
  return (
    await tx
      .select()
      .from(submissions)
      .where(and(eq(submissions.roundId, roundId), eq(submissions.reporterKey, reporterKey)))
      .for("update")
  )[0];
}

export async function findSubmissionById(db: Executor, id: number): Promise<SubmissionRow | undefined> {
  return (await db.select().from(submissions).where(eq(submissions.id, id)))[0];
}

export async function updateSubmission(
  tx: Executor,
  id: number,
  patch: Partial<typeof submissions.$inferInsert>,
): Promise<SubmissionRow> {
  return (
    await tx
      .update(submissions)
      .set({ ...patch, updatedAt: sql`now()` as unknown as string })
      .where(eq(submissions.id, id))
      .returning()
  )[0] as SubmissionRow;
}

export async function insertEvidence(tx: Executor, row: typeof evidenceFiles.$inferInsert): Promise<EvidenceRow> {
  const { content: _content, ...columns } = getTableColumns(evidenceFiles);
  return (await tx.insert(evidenceFiles).values(row).returning(columns))[0] as EvidenceRow;
}

export async function listEvidence(db: Executor, submissionIds: readonly number[]): Promise<EvidenceRow[]> {
  if (submissionIds.length === 0) return [];
  const { content: _content, ...columns } = getTableColumns(evidenceFiles);
  return db
    .select(columns)
    .from(evidenceFiles)
    .where(inArray(evidenceFiles.submissionId, [...submissionIds]))
    .orderBy(asc(evidenceFiles.id));
}

export async function findEvidenceContent(
  db: Executor,
  id: number,
): Promise<(EvidenceRow & { content: Buffer }) | undefined> {
  return (await db.select().from(evidenceFiles).where(eq(evidenceFiles.id, id)))[0];
}

export async function insertImportJob(tx: Executor, row: typeof importJobs.$inferInsert): Promise<ImportJobRow> {
  return (await tx.insert(importJobs).values(row).returning())[0] as ImportJobRow;
}

export async function updateImportJob(
  tx: Executor,
  id: string,
  patch: Partial<typeof importJobs.$inferInsert>,
): Promise<void> {
  await tx.update(importJobs).set(patch).where(eq(importJobs.id, id));
}

/**
 * Marks queued or running import jobs as failed with `result`: every one (`createdBefore` null) or those
 * created before a time. Returns how many.
 */
export async function failUnfinishedImportJobs(
  tx: Executor,
  createdBefore: string | null,
  result: unknown,
  id?: string,
): Promise<number> {
  const rows = await tx
    .update(importJobs)
    .set({ status: "failed", finishedAt: sql`now()`, result })
    .where(
      and(
        inArray(importJobs.status, ["queued", "running"]),
        createdBefore === null ? undefined : sql`${importJobs.createdAt} < ${createdBefore}`,
        id === undefined ? undefined : eq(importJobs.id, id),
      ),
    )
    .returning({ id: importJobs.id });
  return rows.length;
}

export async function findImportJob(db: Executor, id: string): Promise<ImportJobRow | undefined> {
  return (await db.select().from(importJobs).where(eq(importJobs.id, id)))[0];
}

/** Children of a unit valid on a day (the lower units expected to report). */
export async function listLowerUnitIds(db: Executor, unitId: number, day: string): Promise<number[]> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`SELECT id FROM units WHERE parent_id = ${unitId}
          AND (valid_from IS NULL OR valid_from <= ${day}::date) AND (valid_to IS NULL OR valid_to > ${day}::date)
        ORDER BY id`,
  );
  return rows.map((r) => r.id);
}

/** Display names of reporters: agencies by name, lower units by full name. */
export async function reporterNamesOf(
  db: Executor,
  agencyIds: readonly number[],
  unitIds: readonly number[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const ids = (list: readonly number[]) =>
    sql.join(
      list.map((id) => sql`${id}`),
      sql`, `,
    );
  if (agencyIds.length > 0) {
    const rows = await queryRows<{ id: number; name: string }>(
      db,
      sql`SELECT id, name FROM agencies WHERE id IN (${ids(agencyIds)})`,
    );
    for (const r of rows) out.set(`agency-${r.id}`, r.name);
  }
  if (unitIds.length > 0) {
    const rows = await queryRows<{ id: number; name: string }>(
      db,
      sql`SELECT id, full_name AS name FROM units WHERE id IN (${ids(unitIds)})`,
    );
    for (const r of rows) out.set(`unit-${r.id}`, r.name);
  }
  return out;
}

export async function findUnitValidFrom(db: Executor, unitId: number): Promise<string | null> {
  const rows = await queryRows<{ valid_from: string | null }>(
    db,
    sql`SELECT to_char(valid_from, 'YYYY-MM-DD') AS valid_from FROM units WHERE id = ${unitId}`,
  );
  return rows[0]?.valid_from ?? null;
}

export interface MyFormRow {
  round_id: number;
  plan_id: number;
  plan_title: string;
  period: string;
  deadline: string;
  reporter_key: string;
  state: string;
  submitted_at: string | null;
  decided_at: string | null;
  decision_comment: string | null;
}

/** The forms a reporter fills: its agency's, or its unit's own (not an agency's), newest round first. */
export async function listFormsOf(db: Executor, who: { agencyId: number } | { unitId: number }): Promise<MyFormRow[]> {
  const where =
    "agencyId" in who ? sql`s.agency_id = ${who.agencyId}` : sql`s.agency_id IS NULL AND s.unit_id = ${who.unitId}`;
  return queryRows<MyFormRow>(
    db,
    sql`SELECT r.id AS round_id, p.id AS plan_id, p.title AS plan_title, r.period, to_char(r.deadline, 'YYYY-MM-DD') AS deadline,
               s.reporter_key, s.state, s.submitted_at::text AS submitted_at,
               s.decided_at::text AS decided_at, s.decision_comment
        FROM submissions s JOIN reporting_rounds r ON r.id = s.round_id JOIN plans p ON p.id = r.plan_id
        WHERE ${where}
        ORDER BY r.window_to DESC, r.id DESC
        LIMIT 200`,
  );
}

/** A round's expected / submitted / approved counts, counted by the database (one row, as `countRoundStates`). */
export async function countSubmissionsOfRound(db: Executor, roundId: number): Promise<RoundCounts> {
  const rows = await queryRows<RoundCounts>(
    db,
    sql`SELECT count(*)::int AS expected,
          (count(*) FILTER (WHERE state IN ('submitted', 'approved')))::int AS submitted,
          (count(*) FILTER (WHERE state = 'approved'))::int AS approved
        FROM submissions WHERE round_id = ${roundId}`,
  );
  return rows[0] ?? { expected: 0, submitted: 0, approved: 0 };
}
