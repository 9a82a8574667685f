import { type SQL, sql } from "drizzle-orm";
import { type Executor, queryRows } from "../client";

// The dashboard reads the consolidated rollups (value_rollups, and condition_rollups
// for the catalogue's "% of units that …" counts — repos/condition-rollup.repo.ts —
// both kept current inside every approval), never the raw values, except for
// plan-local "% of units" formulas, which count reporters and so read the approved
// values of the elements they name. Statements are built by functions so tests can
// snapshot them.

export interface UnitRollupRow {
  unit_id: number;
  code: string;
  period: string;
  option: string;
  total: string;
}

const list = (values: readonly (string | number)[]): SQL =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/** Every consolidated sum of some units for some periods: a primary-key range read per unit. */
export function unitRollupsSql(unitIds: readonly number[], periods: readonly string[]): SQL {
  return sql`SELECT r.unit_id, de.code, r.period, r.option, r.total::text AS total
FROM value_rollups r JOIN data_elements de ON de.id = r.data_element_id
WHERE r.unit_id IN (${list(unitIds)}) AND r.period IN (${list(periods)})
ORDER BY r.unit_id, de.code, r.period, r.option`;
}

export async function readUnitRollups(
  db: Executor,
  unitIds: readonly number[],
  periods: readonly string[],
): Promise<UnitRollupRow[]> {
  if (unitIds.length === 0 || periods.length === 0) return [];
  return queryRows<UnitRollupRow>(db, unitRollupsSql(unitIds, periods));
}

/** The periods a unit has any consolidated figure for (the trend's x axis). */
export async function listRollupPeriods(db: Executor, unitId: number): Promise<string[]> {
  const rows = await queryRows<{ period: string }>(
    db,
    sql`SELECT DISTINCT r.period FROM value_rollups r WHERE r.unit_id = ${unitId} ORDER BY r.period`,
  );
  return rows.map((r) => r.period);
}

export interface ReporterChildValueRow {
  reporter: string;
  /** The child of the unit whose subtree holds the reporter; "" when the reporter is the unit itself. */
  child: string;
  period: string;
  code: string;
  option: string;
  value: string;
}

/**
 * Approved values of the reporters in a unit's subtree, with the lower unit each one
 * lies under (the path component after the unit's own path), so one read serves the
 * unit's "% of units" indicators and those of every lower unit. Below the nation the
 * read is driven by the subtree's units (path prefix index) and each unit's values
 * through the (unit, period, element, option) key, so a province never touches the
 * nation's values; for the nation itself the (element, period) index is the cheaper
 * way to read every commune. No ORDER BY: the caller groups, order does not matter.
 */
export function reporterValuesByChildSql(
  unitPath: string,
  periods: readonly string[],
  elementIds: readonly number[],
  scope: "subtree" | "nation" = "subtree",
): SQL {
  const child = sql`split_part(substr(u.path, ${unitPath.length + 1}), '/', 1) AS child`;
  if (scope === "nation") {
    return sql`SELECT CASE WHEN s.agency_id IS NULL THEN 'u:' || v.unit_id ELSE 'a:' || s.agency_id END AS reporter,
  ${child}, v.period, de.code, v.option, v.value::text AS value
FROM data_values v
JOIN submissions s ON s.id = v.submission_id AND s.state = 'approved'
JOIN units u ON u.id = v.unit_id
JOIN data_elements de ON de.id = v.data_element_id
WHERE v.data_element_id IN (${list(elementIds)}) AND v.period IN (${list(periods)})`;
  }
  return sql`SELECT CASE WHEN v.agency_id IS NULL THEN 'u:' || v.unit_id ELSE 'a:' || v.agency_id END AS reporter,
  ${child}, v.period, de.code, v.option, v.value::text AS value
FROM units u
JOIN LATERAL (
  SELECT d.unit_id, s.agency_id, d.period, d.data_element_id, d.option, d.value
  FROM data_values d JOIN submissions s ON s.id = d.submission_id AND s.state = 'approved'
  WHERE d.unit_id = u.id AND d.period IN (${list(periods)}) AND d.data_element_id IN (${list(elementIds)})
  OFFSET 0 -- keeps the per-unit index probe: not flattened into a nation-wide element scan
) v ON true
JOIN data_elements de ON de.id = v.data_element_id
WHERE u.path LIKE ${`${unitPath}%`}`;
}

export async function readReporterValuesByChild(
  db: Executor,
  unitPath: string,
  periods: readonly string[],
  elementIds: readonly number[],
  scope: "subtree" | "nation" = "subtree",
): Promise<ReporterChildValueRow[]> {
  if (periods.length === 0 || elementIds.length === 0) return [];
  return queryRows<ReporterChildValueRow>(db, reporterValuesByChildSql(unitPath, periods, elementIds, scope));
}

/** Paths of some units (to keep a lower unit's dashboard to the reporters of its subtree). */
export async function readUnitPaths(db: Executor, unitIds: readonly number[]): Promise<Map<number, string>> {
  if (unitIds.length === 0) return new Map();
  const rows = await queryRows<{ id: number; path: string }>(
    db,
    sql`SELECT id, path FROM units WHERE id IN (${list(unitIds)})`,
  );
  return new Map(rows.map((r) => [r.id, r.path]));
}

/**
 * The newest audit entry: every service write (approval, reopening, plan and target
 * edits) inserts one in its own transaction, so a change of this number is exactly
 * "something the dashboard reads may have changed". One index read.
 */
export async function readWriteStamp(db: Executor): Promise<number> {
  const rows = await queryRows<{ stamp: string | number | null }>(db, sql`SELECT max(id) AS stamp FROM audit_log`);
  return Number(rows[0]?.stamp ?? 0);
}
