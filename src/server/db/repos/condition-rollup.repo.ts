import { type SQL, sql } from "drizzle-orm";
import { type Executor, queryRows } from "../client";

// "% of units" conditions, kept incrementally like value_rollups: each reporter's
// current result (condition_results) and meeting / reporting summed on every
// ancestor (condition_rollups). Statements are built by functions so the
// consolidation snapshot shows them.

const list = (values: readonly (string | number)[]): SQL =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/**
 * Serialises re-evaluations of one reporter (two rounds of the same commune approved
 * at once would otherwise each miss the other's values). Held to the transaction's end.
 */
export async function lockReporter(tx: Executor, reporter: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`condition:${reporter}`}))`);
}

export interface ReporterConditionValue {
  period: string;
  code: string;
  option: string;
  value: string;
}

/** One reporter's approved values of some elements and periods (an agency's, or a unit's own). */
export function reporterApprovedValuesSql(
  reporter: { agencyId: number | null; unitId: number },
  periods: readonly string[],
  codes: readonly string[],
): SQL {
  const who =
    reporter.agencyId === null
      ? sql`v.unit_id = ${reporter.unitId} AND s.agency_id IS NULL`
      : sql`s.agency_id = ${reporter.agencyId}`;
  return sql`SELECT v.period, de.code, v.option, v.value::text AS value
FROM data_values v
JOIN submissions s ON s.id = v.submission_id AND s.state = 'approved'
JOIN data_elements de ON de.id = v.data_element_id
WHERE ${who} AND v.period IN (${list(periods)}) AND de.code IN (${list(codes)})
ORDER BY v.id`;
}

export async function readReporterApprovedValues(
  tx: Executor,
  reporter: { agencyId: number | null; unitId: number },
  periods: readonly string[],
  codes: readonly string[],
): Promise<ReporterConditionValue[]> {
  if (periods.length === 0 || codes.length === 0) return [];
  return queryRows<ReporterConditionValue>(tx, reporterApprovedValuesSql(reporter, periods, codes));
}

export interface ConditionResultRow {
  period: string;
  condition_key: string;
  unit_id: number;
  meets: boolean;
}

export async function readConditionResults(
  tx: Executor,
  reporter: string,
  periods: readonly string[],
): Promise<ConditionResultRow[]> {
  if (periods.length === 0) return [];
  return queryRows<ConditionResultRow>(
    tx,
    sql`SELECT period, condition_key, unit_id, meets FROM condition_results
        WHERE reporter = ${reporter} AND period IN (${list(periods)})
        ORDER BY period, condition_key`,
  );
}

export async function writeConditionResult(
  tx: Executor,
  reporter: string,
  row: { period: string; conditionKey: string; unitId: number; meets: boolean } | null,
  key: { period: string; conditionKey: string },
): Promise<void> {
  if (row === null) {
    await tx.execute(
      sql`DELETE FROM condition_results
          WHERE reporter = ${reporter} AND period = ${key.period} AND condition_key = ${key.conditionKey}`,
    );
    return;
  }
  await tx.execute(
    sql`INSERT INTO condition_results (reporter, period, condition_key, unit_id, meets)
        VALUES (${reporter}, ${row.period}, ${row.conditionKey}, ${row.unitId}, ${row.meets})
        ON CONFLICT (reporter, period, condition_key) DO UPDATE SET unit_id = excluded.unit_id, meets = excluded.meets`,
  );
}

export interface ConditionDelta {
  unitId: number;
  period: string;
  conditionKey: string;
  meeting: number;
  reporting: number;
}

/**
 * Adds signed deltas to every ancestor of each delta's unit (ids of the materialised
 * path, the unit itself included), upserted in key order so concurrent approvals
 * cannot deadlock; rows back at zero reporters are removed.
 */
export function applyConditionDeltasSql(deltas: readonly ConditionDelta[]): SQL {
  const rows = sql.join(
    deltas.map(
      (d) =>
        sql`(${d.unitId}::int, ${d.period}::text, ${d.conditionKey}::text, ${d.meeting}::int, ${d.reporting}::int)`,
    ),
    sql`, `,
  );
  return sql`INSERT INTO condition_rollups AS r (unit_id, period, condition_key, meeting, reporting)
SELECT a.id::int, d.period, d.condition_key, sum(d.meeting)::int, sum(d.reporting)::int
FROM (VALUES ${rows}) AS d(unit_id, period, condition_key, meeting, reporting)
JOIN units u ON u.id = d.unit_id
CROSS JOIN LATERAL unnest(string_to_array(trim(BOTH '/' FROM u.path), '/')) AS a(id)
GROUP BY a.id, d.period, d.condition_key
ORDER BY 1, 2, 3
ON CONFLICT (unit_id, period, condition_key)
DO UPDATE SET meeting = r.meeting + excluded.meeting, reporting = r.reporting + excluded.reporting`;
}

export function pruneConditionRollupsSql(deltas: readonly ConditionDelta[]): SQL {
  const rows = sql.join(
    deltas.map((d) => sql`(${d.unitId}::int, ${d.period}::text, ${d.conditionKey}::text)`),
    sql`, `,
  );
  return sql`DELETE FROM condition_rollups r
USING (VALUES ${rows}) AS d(unit_id, period, condition_key)
JOIN units u ON u.id = d.unit_id
CROSS JOIN LATERAL unnest(string_to_array(trim(BOTH '/' FROM u.path), '/')) AS a(id)
WHERE r.unit_id = a.id::int AND r.period = d.period AND r.condition_key = d.condition_key AND r.reporting = 0`;
}

export async function applyConditionDeltas(tx: Executor, deltas: readonly ConditionDelta[]): Promise<void> {
  const moving = deltas.filter((d) => d.meeting !== 0 || d.reporting !== 0);
  if (moving.length === 0) return;
  await tx.execute(applyConditionDeltasSql(moving));
  if (moving.some((d) => d.reporting < 0)) await tx.execute(pruneConditionRollupsSql(moving));
}

export interface ConditionRollupRow {
  unit_id: number;
  period: string;
  condition_key: string;
  meeting: number;
  reporting: number;
}

/** Meeting / reporting of some units: a primary-key range read per unit. */
export function conditionRollupsSql(
  unitIds: readonly number[],
  periods: readonly string[],
  keys: readonly string[],
): SQL {
  return sql`SELECT r.unit_id, r.period, r.condition_key, r.meeting, r.reporting
FROM condition_rollups r
WHERE r.unit_id IN (${list(unitIds)}) AND r.period IN (${list(periods)}) AND r.condition_key IN (${list(keys)})
ORDER BY r.unit_id, r.period, r.condition_key`;
}

export async function readConditionRollups(
  db: Executor,
  unitIds: readonly number[],
  periods: readonly string[],
  keys: readonly string[],
): Promise<ConditionRollupRow[]> {
  if (unitIds.length === 0 || periods.length === 0 || keys.length === 0) return [];
  return queryRows<ConditionRollupRow>(db, conditionRollupsSql(unitIds, periods, keys));
}

// ---------------------------------------------------------------------------
// Rebuild: for data approved before condition_rollups existed (an upgraded
// database) or loaded around the services (bulk loads).

/** Blocks approvals' condition writes until the transaction ends (a rebuild). */
export async function lockConditionTables(tx: Executor): Promise<void> {
  await tx.execute(sql`LOCK TABLE condition_results, condition_rollups IN EXCLUSIVE MODE`);
}

/** Whether approved values of these elements exist while no condition result does (the tables need building). */
export async function conditionRollupsMissing(db: Executor, codes: readonly string[]): Promise<boolean> {
  if (codes.length === 0) return false;
  const rows = await queryRows<{ missing: boolean }>(
    db,
    sql`SELECT NOT EXISTS (SELECT 1 FROM condition_results) AND EXISTS (
          SELECT 1 FROM data_values v
          JOIN submissions s ON s.id = v.submission_id AND s.state = 'approved'
          JOIN data_elements de ON de.id = v.data_element_id
          WHERE de.code IN (${list(codes)})) AS missing`,
  );
  return rows[0]?.missing === true;
}

export interface ApprovedConditionValue {
  reporter: string;
  unit_id: number;
  period: string;
  code: string;
  option: string;
  value: string;
}

/** Every approved value of some elements, by reporter (as the dashboard keys reporters). */
export async function listApprovedConditionValues(
  db: Executor,
  codes: readonly string[],
): Promise<ApprovedConditionValue[]> {
  if (codes.length === 0) return [];
  return queryRows<ApprovedConditionValue>(
    db,
    sql`SELECT CASE WHEN s.agency_id IS NULL THEN 'u:' || v.unit_id ELSE 'a:' || s.agency_id END AS reporter,
          CASE WHEN s.agency_id IS NULL THEN v.unit_id ELSE s.unit_id END AS unit_id,
          v.period, de.code, v.option, v.value::text AS value
        FROM data_values v
        JOIN submissions s ON s.id = v.submission_id AND s.state = 'approved'
        JOIN data_elements de ON de.id = v.data_element_id
        WHERE de.code IN (${list(codes)})
        ORDER BY v.id`,
  );
}

/** Replaces every condition result, then sums them on every ancestor in one statement. */
export async function replaceConditionResults(
  tx: Executor,
  rows: readonly { reporter: string; period: string; conditionKey: string; unitId: number; meets: boolean }[],
): Promise<void> {
  await tx.execute(sql`DELETE FROM condition_rollups`);
  await tx.execute(sql`DELETE FROM condition_results`);
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    await tx.execute(
      sql`INSERT INTO condition_results (reporter, period, condition_key, unit_id, meets) VALUES ${sql.join(
        chunk.map((r) => sql`(${r.reporter}, ${r.period}, ${r.conditionKey}, ${r.unitId}, ${r.meets})`),
        sql`, `,
      )}`,
    );
  }
  await tx.execute(sql`INSERT INTO condition_rollups (unit_id, period, condition_key, meeting, reporting)
SELECT a.id::int, r.period, r.condition_key, (count(*) FILTER (WHERE r.meets))::int, count(*)::int
FROM condition_results r
JOIN units u ON u.id = r.unit_id
CROSS JOIN LATERAL unnest(string_to_array(trim(BOTH '/' FROM u.path), '/')) AS a(id)
GROUP BY a.id, r.period, r.condition_key
ORDER BY 1, 2, 3`);
  // Fresh statistics for the bulk just written: without them the planner reads the new
  // rows by sequential scan until autovacuum gets to them (minutes on a busy server).
  await tx.execute(sql`ANALYZE condition_results, condition_rollups`);
}
