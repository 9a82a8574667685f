import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { type Executor, queryRows } from "../client";
import { planGoals, planIndicators, planResponsibilities, plans, planTargets } from "../schema/plan";

export type PlanRow = typeof plans.$inferSelect;
export type NewPlanRow = typeof plans.$inferInsert;
export type PlanGoalRow = typeof planGoals.$inferSelect;
export type PlanIndicatorRow = typeof planIndicators.$inferSelect;
export type PlanTargetRow = typeof planTargets.$inferSelect;
export type PlanResponsibilityRow = typeof planResponsibilities.$inferSelect;

export async function findPlan(db: Executor, id: number): Promise<PlanRow | undefined> {
  return (await db.select().from(plans).where(eq(plans.id, id)))[0];
}

/** Locks the plan row for the rest of the transaction, so two edits cannot interleave. */
export async function findPlanForUpdate(tx: Executor, id: number): Promise<PlanRow | undefined> {
  return (await tx.select().from(plans).where(eq(plans.id, id)).for("update"))[0];
}

export async function listPlansOfUnit(db: Executor, unitId: number): Promise<PlanRow[]> {
  return db
    .select()
    .from(plans)
    .where(eq(plans.unitId, unitId))
    .orderBy(desc(plans.periodTo), desc(plans.periodFrom), desc(plans.version), desc(plans.id));
}

export async function listIssuedPlansOfUnits(db: Executor, unitIds: readonly number[]): Promise<PlanRow[]> {
  if (unitIds.length === 0) return [];
  return db
    .select()
    .from(plans)
    .where(and(inArray(plans.unitId, [...unitIds]), eq(plans.status, "issued")))
    .orderBy(desc(plans.periodTo), desc(plans.id));
}

/** Every version of a plan: follows previous_version_id both ways from any member. */
export async function listVersionChain(db: Executor, id: number): Promise<PlanRow[]> {
  const ids = await queryRows<{ id: number }>(
    db,
    sql`WITH RECURSIVE up AS (
          SELECT id, previous_version_id FROM plans WHERE id = ${id}
          UNION SELECT p.id, p.previous_version_id FROM plans p JOIN up ON p.id = up.previous_version_id
        ), down AS (
          SELECT id FROM plans WHERE id = ${id}
          UNION SELECT p.id FROM plans p JOIN down ON p.previous_version_id = down.id
        )
        SELECT id FROM up UNION SELECT id FROM down`,
  );
  if (ids.length === 0) return [];
  return db
    .select()
    .from(plans)
    .where(
      inArray(
        plans.id,
        ids.map((r) => r.id),
      ),
    )
    .orderBy(asc(plans.version));
}

export async function insertPlan(tx: Executor, row: NewPlanRow): Promise<PlanRow> {
  return (await tx.insert(plans).values(row).returning())[0] as PlanRow;
}

export async function updatePlan(tx: Executor, id: number, patch: Partial<NewPlanRow>): Promise<PlanRow> {
  const rows = await tx
    .update(plans)
    .set({ ...patch, updatedAt: sql`now()` as unknown as string })
    .where(eq(plans.id, id))
    .returning();
  return rows[0] as PlanRow;
}

export async function deletePlan(tx: Executor, id: number): Promise<void> {
  await tx.delete(plans).where(eq(plans.id, id));
}

export async function listGoals(db: Executor, planId: number): Promise<PlanGoalRow[]> {
  return db.select().from(planGoals).where(eq(planGoals.planId, planId)).orderBy(asc(planGoals.number));
}

export async function insertGoal(tx: Executor, row: typeof planGoals.$inferInsert): Promise<PlanGoalRow> {
  return (await tx.insert(planGoals).values(row).returning())[0] as PlanGoalRow;
}

export async function updateGoal(tx: Executor, id: number, patch: Partial<typeof planGoals.$inferInsert>) {
  return (await tx.update(planGoals).set(patch).where(eq(planGoals.id, id)).returning())[0] as PlanGoalRow;
}

export async function listIndicators(db: Executor, planId: number): Promise<PlanIndicatorRow[]> {
  return db
    .select()
    .from(planIndicators)
    .where(eq(planIndicators.planId, planId))
    .orderBy(asc(planIndicators.goalId), asc(planIndicators.number));
}

export async function listIndicatorsByIds(db: Executor, ids: readonly number[]): Promise<PlanIndicatorRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(planIndicators)
    .where(inArray(planIndicators.id, [...ids]));
}

export async function insertIndicator(
  tx: Executor,
  row: typeof planIndicators.$inferInsert,
): Promise<PlanIndicatorRow> {
  return (await tx.insert(planIndicators).values(row).returning())[0] as PlanIndicatorRow;
}

export async function updateIndicator(
  tx: Executor,
  id: number,
  patch: Partial<typeof planIndicators.$inferInsert>,
): Promise<PlanIndicatorRow> {
  return (
    await tx.update(planIndicators).set(patch).where(eq(planIndicators.id, id)).returning()
  )[0] as PlanIndicatorRow;
}

export async function deleteIndicator(tx: Executor, id: number): Promise<void> {
  await tx.delete(planIndicators).where(eq(planIndicators.id, id));
}

export async function listTargetsOfPlans(db: Executor, planIds: readonly number[]): Promise<PlanTargetRow[]> {
  if (planIds.length === 0) return [];
  return db
    .select()
    .from(planTargets)
    .where(inArray(planTargets.planId, [...planIds]))
    .orderBy(asc(planTargets.indicatorId), asc(planTargets.position));
}

export async function replaceTargets(
  tx: Executor,
  planId: number,
  indicatorId: number,
  rows: Omit<typeof planTargets.$inferInsert, "planId" | "indicatorId" | "position">[],
): Promise<void> {
  await tx.delete(planTargets).where(eq(planTargets.indicatorId, indicatorId));
  if (rows.length === 0) return;
  await tx.insert(planTargets).values(rows.map((r, position) => ({ ...r, planId, indicatorId, position })));
}

export async function listResponsibilities(db: Executor, planId: number): Promise<PlanResponsibilityRow[]> {
  return db
    .select()
    .from(planResponsibilities)
    .where(eq(planResponsibilities.planId, planId))
    .orderBy(asc(planResponsibilities.indicatorId), asc(planResponsibilities.agencyId));
}

export async function replaceResponsibilities(
  tx: Executor,
  planId: number,
  rows: { indicatorId: number; agencyId: number; role: string }[],
): Promise<void> {
  await tx.delete(planResponsibilities).where(eq(planResponsibilities.planId, planId));
  if (rows.length === 0) return;
  await tx.insert(planResponsibilities).values(rows.map((r) => ({ ...r, planId })));
}

/** A responsibility of an issued plan, with what a collection form or a report needs to show. */
export interface IssuedResponsibility {
  plan_id: number;
  indicator_id: number;
  indicator_code: string;
  indicator_text: string;
  catalogue_indicator_id: number | null;
  agency_id: number;
  agency_name: string;
  role: string;
}

/**
 * Who reports what under an issued plan: one row per agency × indicator × role,
 * dropped indicators left out. Data collection and reports join on these ids.
 */
export async function listIssuedPlanResponsibilities(db: Executor, planId: number): Promise<IssuedResponsibility[]> {
  return queryRows<IssuedResponsibility>(
    db,
    sql`SELECT r.plan_id, r.indicator_id, (g.number || '.' || i.number) AS indicator_code, i.text AS indicator_text,
               i.catalogue_indicator_id, r.agency_id, a.name AS agency_name, r.role
        FROM plan_responsibilities r
        JOIN plans p ON p.id = r.plan_id AND p.status = 'issued'
        JOIN plan_indicators i ON i.id = r.indicator_id AND NOT i.dropped
        JOIN plan_goals g ON g.id = i.goal_id
        JOIN agencies a ON a.id = r.agency_id
        WHERE r.plan_id = ${planId}
        ORDER BY g.number, i.number, a.name, r.role`,
  );
}
