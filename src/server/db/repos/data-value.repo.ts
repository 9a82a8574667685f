import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { type Executor, queryRows } from "../client";
import { dataValues } from "../schema/data-value";

export type DataValueRow = typeof dataValues.$inferSelect;

/** A value as forms, exports and consolidation read it. */
export interface ValueRow {
  id: number;
  submission_id: number;
  unit_id: number;
  period: string;
  data_element_id: number;
  code: string;
  option: string;
  value: string;
  comment: string | null;
}

const VALUE_COLUMNS = sql`v.id::int AS id, v.submission_id, v.unit_id, v.period, v.data_element_id, de.code, v.option,
  v.value::text AS value, v.comment`;

export async function listValuesOfSubmission(db: Executor, submissionId: number): Promise<ValueRow[]> {
  return queryRows<ValueRow>(
    db,
    sql`SELECT ${VALUE_COLUMNS} FROM data_values v JOIN data_elements de ON de.id = v.data_element_id
        WHERE v.submission_id = ${submissionId} ORDER BY de.code, v.period, v.option`,
  );
}

export async function listValuesOfSubmissions(db: Executor, submissionIds: readonly number[]): Promise<ValueRow[]> {
  if (submissionIds.length === 0) return [];
  const list = sql.join(
    submissionIds.map((id) => sql`${id}`),
    sql`, `,
  );
  return queryRows<ValueRow>(
    db,
    sql`SELECT ${VALUE_COLUMNS}, u.code AS unit_code FROM data_values v
        JOIN data_elements de ON de.id = v.data_element_id JOIN units u ON u.id = v.unit_id
        WHERE v.submission_id IN (${list}) ORDER BY u.code, v.period, de.code, v.option`,
  );
}

/** Values already stored for these keys (any submission): a value exists once. */
export async function findValuesAt(
  db: Executor,
  unitId: number,
  periods: readonly string[],
  elementIds: readonly number[],
): Promise<ValueRow[]> {
  if (periods.length === 0 || elementIds.length === 0) return [];
  return queryRows<ValueRow>(
    db,
    // One exact probe of the (unit, period, element, option) key per pair: with IN lists the planner
    // picks the (element, period) index, which on deadline day scans every new value of the period.
    sql`SELECT ${VALUE_COLUMNS}
        FROM unnest(${`{${periods.join(",")}}`}::text[]) AS p(period)
        CROSS JOIN unnest(${`{${elementIds.join(",")}}`}::int[]) AS e(id)
        JOIN data_values v ON v.unit_id = ${unitId} AND v.period = p.period AND v.data_element_id = e.id
        JOIN data_elements de ON de.id = v.data_element_id`,
  );
}

export interface ValueWrite {
  submissionId: number;
  unitId: number;
  period: string;
  dataElementId: number;
  option: string;
  value: string;
  comment: string | null;
  updatedBy: number | null;
}

/**
 * Inserts or updates a value of this submission. A key owned by another submission is
 * never taken over (the WHERE of the upsert), even by a concurrent writer: false then.
 */
/**
 * Writes a form's values in one statement. A row whose key already holds another
 * submission's value is left alone (the WHERE of DO UPDATE), so it is missing from
 * the returned keys: the caller turns that into a conflict. Keys must be distinct.
 */
export async function upsertValues(
  tx: Executor,
  submissionId: number,
  rows: readonly ValueWrite[],
): Promise<{ dataElementId: number; option: string; period: string }[]> {
  if (rows.length === 0) return [];
  return tx
    .insert(dataValues)
    .values([...rows])
    .onConflictDoUpdate({
      target: [dataValues.unitId, dataValues.period, dataValues.dataElementId, dataValues.option],
      set: {
        value: sql`excluded.value`,
        comment: sql`excluded.comment`,
        updatedBy: sql`excluded.updated_by`,
        updatedAt: sql`now()` as unknown as string,
      },
      setWhere: eq(dataValues.submissionId, submissionId),
    })
    .returning({ dataElementId: dataValues.dataElementId, option: dataValues.option, period: dataValues.period });
}

export async function deleteValues(tx: Executor, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.delete(dataValues).where(inArray(dataValues.id, [...ids]));
}

export async function listValueRowsByIds(db: Executor, ids: readonly number[]): Promise<DataValueRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(dataValues)
    .where(inArray(dataValues.id, [...ids]))
    .orderBy(asc(dataValues.id));
}

export async function countValues(db: Executor, submissionId?: number): Promise<number> {
  const rows = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(dataValues)
    .where(submissionId === undefined ? undefined : and(eq(dataValues.submissionId, submissionId)));
  return rows[0]?.n ?? 0;
}

// ---------------------------------------------------------------------------
// Consolidation. The statements are built by functions so the snapshot test
// (test/__snapshots__/consolidation-sql.*) shows reviewers the exact SQL.

/**
 * Adds (sign +1, on approval) or subtracts (sign −1, on reopening) one
 * submission's values on every ancestor of each value's unit, the unit itself
 * included: the ancestors are the ids of the materialised path "/1/97/1234/".
 * `numeric` addition is exact, so approve-then-reopen restores every total.
 * Rows are upserted in key order so concurrent approvals cannot deadlock.
 */
export function applyRollupSql(submissionId: number, sign: 1 | -1): SQL {
  return sql`INSERT INTO value_rollups AS r (unit_id, period, data_element_id, option, total, reporters)
SELECT a.id::int, v.period, v.data_element_id, v.option, sum(v.value) * ${sign}, (count(*) * ${sign})::int
FROM data_values v
JOIN units u ON u.id = v.unit_id
CROSS JOIN LATERAL unnest(string_to_array(trim(BOTH '/' FROM u.path), '/')) AS a(id)
WHERE v.submission_id = ${submissionId}
GROUP BY a.id, v.period, v.data_element_id, v.option
ORDER BY 1, 2, 3, 4
ON CONFLICT (unit_id, period, data_element_id, option)
DO UPDATE SET total = r.total + excluded.total, reporters = r.reporters + excluded.reporters`;
}

/** After a subtraction: rows no approved value feeds any more are removed (not left at 0). */
export function pruneRollupSql(submissionId: number): SQL {
  return sql`DELETE FROM value_rollups r
USING data_values v
JOIN units u ON u.id = v.unit_id
CROSS JOIN LATERAL unnest(string_to_array(trim(BOTH '/' FROM u.path), '/')) AS a(id)
WHERE v.submission_id = ${submissionId}
  AND r.unit_id = a.id::int AND r.period = v.period AND r.data_element_id = v.data_element_id
  AND r.option = v.option AND r.reporters = 0`;
}

/** The consolidated components of one unit: one primary-key range read. */
export function readRollupSql(unitId: number, periods: readonly string[]): SQL {
  return sql`SELECT de.code, r.period, r.option, r.total::text AS total, r.reporters
FROM value_rollups r JOIN data_elements de ON de.id = r.data_element_id
WHERE r.unit_id = ${unitId} AND r.period IN (${sql.join(
    periods.map((p) => sql`${p}`),
    sql`, `,
  )})
ORDER BY de.code, r.period, r.option`;
}

/**
 * Approved values of every reporter in a unit's subtree (prefix scan on the
 * path index), for "% of units that …" and qualitative indicators, which count
 * reporters rather than sum values.
 */
export function reporterValuesSql(unitPath: string, periods: readonly string[], codes: readonly string[]): SQL {
  return sql`SELECT CASE WHEN s.agency_id IS NULL THEN 'u:' || v.unit_id ELSE 'a:' || s.agency_id END AS reporter,
  v.period, de.code, v.option, v.value::text AS value
FROM data_values v
JOIN submissions s ON s.id = v.submission_id AND s.state = 'approved'
JOIN units u ON u.id = v.unit_id
JOIN data_elements de ON de.id = v.data_element_id
WHERE u.path LIKE ${`${unitPath}%`}
  AND v.period IN (${sql.join(
    periods.map((p) => sql`${p}`),
    sql`, `,
  )})
  AND de.code IN (${sql.join(
    codes.map((c) => sql`${c}`),
    sql`, `,
  )})
ORDER BY 1, 2, 3, 4`;
}

export async function applyRollup(tx: Executor, submissionId: number, sign: 1 | -1): Promise<void> {
  await tx.execute(applyRollupSql(submissionId, sign));
  if (sign < 0) await tx.execute(pruneRollupSql(submissionId));
}

export interface RollupRow {
  code: string;
  period: string;
  option: string;
  total: string;
  reporters: number;
}

export async function readRollup(db: Executor, unitId: number, periods: readonly string[]): Promise<RollupRow[]> {
  if (periods.length === 0) return [];
  return queryRows<RollupRow>(db, readRollupSql(unitId, periods));
}

export interface ReporterValueRow {
  reporter: string;
  period: string;
  code: string;
  option: string;
  value: string;
}

export async function readReporterValues(
  db: Executor,
  unitPath: string,
  periods: readonly string[],
  codes: readonly string[],
): Promise<ReporterValueRow[]> {
  if (periods.length === 0 || codes.length === 0) return [];
  return queryRows<ReporterValueRow>(db, reporterValuesSql(unitPath, periods, codes));
}

/** Every approved value of given periods, with its unit, agency and code (tree=new history, property tests). */
export async function listApprovedValues(
  db: Executor,
  periods: readonly string[],
): Promise<
  { unit_id: number; agency_id: number | null; period: string; code: string; option: string; value: string }[]
> {
  if (periods.length === 0) return [];
  return queryRows(
    db,
    sql`SELECT v.unit_id, s.agency_id, v.period, de.code, v.option, v.value::text AS value
        FROM data_values v JOIN submissions s ON s.id = v.submission_id AND s.state = 'approved'
        JOIN data_elements de ON de.id = v.data_element_id
        WHERE v.period IN (${sql.join(
          periods.map((p) => sql`${p}`),
          sql`, `,
        )})
        ORDER BY v.id`,
  );
}

/** Units valid on a day under a path (the tree history is re-expressed on). */
export async function listTreeUnits(
  db: Executor,
  rootPath: string,
  day: string,
): Promise<{ id: number; parent_id: number | null }[]> {
  return queryRows(
    db,
    sql`SELECT id, parent_id FROM units WHERE path LIKE ${`${rootPath}%`}
          AND (valid_from IS NULL OR valid_from <= ${day}::date) AND (valid_to IS NULL OR valid_to > ${day}::date)
        ORDER BY id`,
  );
}

/** Crosswalk rows of the old units that hold approved values of the periods. */
export async function listCrosswalkOfValues(
  db: Executor,
  periods: readonly string[],
): Promise<{ old_unit_id: number; new_unit_id: number; relation: "whole" | "part" }[]> {
  if (periods.length === 0) return [];
  return queryRows(
    db,
    sql`SELECT c.old_unit_id, c.new_unit_id, c.relation FROM unit_crosswalk c
        WHERE c.old_unit_id IN (
          SELECT v.unit_id FROM data_values v JOIN submissions s ON s.id = v.submission_id AND s.state = 'approved'
          WHERE v.period IN (${sql.join(
            periods.map((p) => sql`${p}`),
            sql`, `,
          )}))
        ORDER BY c.id`,
  );
}
