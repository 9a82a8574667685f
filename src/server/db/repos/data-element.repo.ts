import { asc, eq, inArray, sql } from "drizzle-orm";
import { type Executor, queryRows } from "../client";
import { dataElements, indicatorFormulas } from "../schema/data-element";

export type DataElementRow = typeof dataElements.$inferSelect;
export type NewDataElementRow = typeof dataElements.$inferInsert;
export type IndicatorFormulaRow = typeof indicatorFormulas.$inferSelect;

/** Inserts the elements whose code is not there yet; existing definitions are left alone. */
export async function insertMissingDataElements(tx: Executor, rows: NewDataElementRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await tx
    .insert(dataElements)
    .values(rows)
    .onConflictDoNothing({ target: dataElements.code })
    .returning({ id: dataElements.id });
  return inserted.length;
}

export async function listDataElements(db: Executor): Promise<DataElementRow[]> {
  return db.select().from(dataElements).orderBy(asc(dataElements.code));
}

export async function listDataElementsByCodes(db: Executor, codes: readonly string[]): Promise<DataElementRow[]> {
  if (codes.length === 0) return [];
  return db
    .select()
    .from(dataElements)
    .where(inArray(dataElements.code, [...codes]))
    .orderBy(asc(dataElements.code));
}

export async function listFormulasOfIndicators(
  db: Executor,
  indicatorIds: readonly number[],
): Promise<IndicatorFormulaRow[]> {
  if (indicatorIds.length === 0) return [];
  return db
    .select()
    .from(indicatorFormulas)
    .where(inArray(indicatorFormulas.planIndicatorId, [...indicatorIds]))
    .orderBy(asc(indicatorFormulas.planIndicatorId), asc(indicatorFormulas.position));
}

export async function replaceIndicatorFormulas(
  tx: Executor,
  planIndicatorId: number,
  rows: { subject: string | null; formula: unknown; unit: string }[],
): Promise<IndicatorFormulaRow[]> {
  await tx.delete(indicatorFormulas).where(eq(indicatorFormulas.planIndicatorId, planIndicatorId));
  if (rows.length === 0) return [];
  return tx
    .insert(indicatorFormulas)
    .values(
      rows.map((r, position) => ({ ...r, planIndicatorId, position, updatedAt: sql`now()` as unknown as string })),
    )
    .returning();
}

/** The national indicator code (e.g. "2.1") and strategy of each plan indicator linked to the catalogue. */
export interface IndicatorFormulaSourceRow {
  plan_indicator_id: number;
  /** The catalogue indicator's code and its strategy's, when the indicator comes from a catalogue. */
  code: string | null;
  strategy_code: string | null;
  /** One local formula (null when the indicator has none). */
  subject: string | null;
  formula: unknown;
  unit: string | null;
}

/** Where each indicator's formulas come from: its catalogue code and its local formulas, in one read. */
export async function listFormulaSources(
  db: Executor,
  planIndicatorIds: readonly number[],
): Promise<IndicatorFormulaSourceRow[]> {
  if (planIndicatorIds.length === 0) return [];
  return queryRows(
    db,
    sql`SELECT pi.id AS plan_indicator_id, ci.code, cs.code AS strategy_code, f.subject, f.formula, f.unit
        FROM plan_indicators pi
        LEFT JOIN catalogue_indicators ci ON ci.id = pi.catalogue_indicator_id
        LEFT JOIN catalogue_strategies cs ON cs.id = ci.strategy_id
        LEFT JOIN indicator_formulas f ON f.plan_indicator_id = pi.id
        WHERE pi.id IN (${sql.join(
          planIndicatorIds.map((id) => sql`${id}`),
          sql`, `,
        )})
        ORDER BY pi.id, f.position`,
  );
}
