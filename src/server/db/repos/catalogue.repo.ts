import { asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "../client";
import { catalogueGoals, catalogueIndicators, catalogueStrategies, catalogueTargets } from "../schema/catalogue";

export type StrategyRow = typeof catalogueStrategies.$inferSelect;
export type CatalogueGoalRow = typeof catalogueGoals.$inferSelect;
export type CatalogueIndicatorRow = typeof catalogueIndicators.$inferSelect;
export type CatalogueTargetRow = typeof catalogueTargets.$inferSelect;

export async function listStrategies(db: Executor): Promise<StrategyRow[]> {
  return db.select().from(catalogueStrategies).orderBy(asc(catalogueStrategies.periodFrom));
}

export async function findStrategy(db: Executor, id: number): Promise<StrategyRow | undefined> {
  return (await db.select().from(catalogueStrategies).where(eq(catalogueStrategies.id, id)))[0];
}

export async function findStrategyByCode(db: Executor, code: string): Promise<StrategyRow | undefined> {
  return (await db.select().from(catalogueStrategies).where(eq(catalogueStrategies.code, code)))[0];
}

export async function listCatalogueGoals(db: Executor, strategyId: number): Promise<CatalogueGoalRow[]> {
  return db
    .select()
    .from(catalogueGoals)
    .where(eq(catalogueGoals.strategyId, strategyId))
    .orderBy(asc(catalogueGoals.number));
}

export async function listCatalogueIndicators(db: Executor, strategyId: number): Promise<CatalogueIndicatorRow[]> {
  return db
    .select()
    .from(catalogueIndicators)
    .where(eq(catalogueIndicators.strategyId, strategyId))
    .orderBy(asc(catalogueIndicators.goalId), asc(catalogueIndicators.number));
}

export async function listCatalogueTargetsOf(
  db: Executor,
  indicatorIds: readonly number[],
): Promise<CatalogueTargetRow[]> {
  if (indicatorIds.length === 0) return [];
  return db
    .select()
    .from(catalogueTargets)
    .where(inArray(catalogueTargets.indicatorId, [...indicatorIds]))
    .orderBy(asc(catalogueTargets.id));
}

export async function findCatalogueTarget(db: Executor, id: number): Promise<CatalogueTargetRow | undefined> {
  return (await db.select().from(catalogueTargets).where(eq(catalogueTargets.id, id)))[0];
}

export async function findCatalogueIndicator(db: Executor, id: number): Promise<CatalogueIndicatorRow | undefined> {
  return (await db.select().from(catalogueIndicators).where(eq(catalogueIndicators.id, id)))[0];
}

export async function insertStrategy(tx: Executor, row: typeof catalogueStrategies.$inferInsert): Promise<StrategyRow> {
  return (await tx.insert(catalogueStrategies).values(row).returning())[0] as StrategyRow;
}

export async function insertCatalogueGoal(
  tx: Executor,
  row: typeof catalogueGoals.$inferInsert,
): Promise<CatalogueGoalRow> {
  return (await tx.insert(catalogueGoals).values(row).returning())[0] as CatalogueGoalRow;
}

export async function insertCatalogueIndicator(
  tx: Executor,
  row: typeof catalogueIndicators.$inferInsert,
): Promise<CatalogueIndicatorRow> {
  return (await tx.insert(catalogueIndicators).values(row).returning())[0] as CatalogueIndicatorRow;
}

export async function insertCatalogueTargets(
  tx: Executor,
  rows: (typeof catalogueTargets.$inferInsert)[],
): Promise<void> {
  if (rows.length > 0) await tx.insert(catalogueTargets).values(rows);
}

export async function updateCatalogueTarget(
  tx: Executor,
  id: number,
  patch: Partial<typeof catalogueTargets.$inferInsert>,
): Promise<CatalogueTargetRow> {
  return (
    await tx.update(catalogueTargets).set(patch).where(eq(catalogueTargets.id, id)).returning()
  )[0] as CatalogueTargetRow;
}
