import { type SQL, sql } from "drizzle-orm";
import { type Executor, queryRows } from "../client";

/** A unit row as the API shows it on a given day: attributes as of that day. */
export interface UnitRow {
  id: number;
  code: string;
  name: string;
  full_name: string;
  name_en: string | null;
  type: string;
  level: string;
  depth: number;
  parent_id: number | null;
  path: string;
  valid_from: string | null;
  valid_to: string | null;
  child_count: number;
}

function validOn(alias: string, asOf: string): SQL {
  const t = sql.raw(alias);
  return sql`(${t}.valid_from IS NULL OR ${t}.valid_from <= ${asOf}::date) AND (${t}.valid_to IS NULL OR ${t}.valid_to > ${asOf}::date)`;
}

/**
 * Attributes as of the day (a revision overrides the current name/type for
 * the days it covers) plus the number of children valid that day.
 */
function selectUnits(asOf: string, where: SQL, orderLimit: SQL = sql``): SQL {
  return sql`
    SELECT u.id, u.code,
      coalesce(r.name, u.name) AS name, coalesce(r.full_name, u.full_name) AS full_name, u.name_en,
      coalesce(r.type, u.type) AS type, u.level, u.depth, u.parent_id, u.path,
      to_char(u.valid_from, 'YYYY-MM-DD') AS valid_from, to_char(u.valid_to, 'YYYY-MM-DD') AS valid_to,
      (SELECT count(*)::int FROM units c WHERE c.parent_id = u.id AND ${validOn("c", asOf)}) AS child_count
    FROM units u
    LEFT JOIN unit_revisions r ON r.unit_id = u.id
      AND (r.valid_from IS NULL OR r.valid_from <= ${asOf}::date) AND r.valid_to > ${asOf}::date
    WHERE ${where}
    ${orderLimit}`;
}

export function assertIsoDate(value: string): string {
  // Reject anything but a plain date before it reaches a ::date cast.
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new Error(`not an ISO date: ${value}`);
  return value;
}

export async function findRoot(db: Executor, asOf: string): Promise<UnitRow | undefined> {
  const rows = await queryRows<UnitRow>(db, selectUnits(assertIsoDate(asOf), sql`u.parent_id IS NULL`));
  return rows[0];
}

export async function findUnitById(db: Executor, id: number, asOf: string): Promise<UnitRow | undefined> {
  const rows = await queryRows<UnitRow>(db, selectUnits(assertIsoDate(asOf), sql`u.id = ${id}`));
  return rows[0];
}

export async function findUnitsByIds(db: Executor, ids: readonly number[], asOf: string): Promise<UnitRow[]> {
  if (ids.length === 0) return [];
  const list = sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );
  return queryRows<UnitRow>(db, selectUnits(assertIsoDate(asOf), sql`u.id IN (${list})`));
}

export async function findUnitByCode(db: Executor, code: string, asOf: string): Promise<UnitRow | undefined> {
  const day = assertIsoDate(asOf);
  const rows = await queryRows<UnitRow>(db, selectUnits(day, sql`u.code = ${code} AND ${validOn("u", day)}`));
  return rows[0];
}

export async function listChildren(db: Executor, parentId: number, asOf: string): Promise<UnitRow[]> {
  const day = assertIsoDate(asOf);
  return queryRows<UnitRow>(
    db,
    selectUnits(day, sql`u.parent_id = ${parentId} AND ${validOn("u", day)}`, sql`ORDER BY u.code`),
  );
}

/** The whole subtree valid on the day, found by path prefix (index on path text_pattern_ops). */
export async function listSubtree(db: Executor, rootPath: string, asOf: string, limit = 20000): Promise<UnitRow[]> {
  const day = assertIsoDate(asOf);
  return queryRows<UnitRow>(
    db,
    selectUnits(day, sql`u.path LIKE ${`${rootPath}%`} AND ${validOn("u", day)}`, sql`ORDER BY u.path LIMIT ${limit}`),
  );
}

/** Diacritic-insensitive search on the folded full name, or an exact code. */
export async function searchUnits(db: Executor, folded: string, asOf: string, limit: number): Promise<UnitRow[]> {
  const day = assertIsoDate(asOf);
  const pattern = `%${folded.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return queryRows<UnitRow>(
    db,
    selectUnits(
      day,
      sql`(u.search_text LIKE ${pattern} OR u.code = ${folded}) AND ${validOn("u", day)}`,
      sql`ORDER BY (u.code = ${folded}) DESC, u.depth, (u.search_text LIKE ${`%${folded}`}) DESC, u.full_name LIMIT ${limit}`,
    ),
  );
}

export interface CrosswalkRow {
  old_id: number;
  new_id: number;
  relation: "whole" | "part";
  note: string | null;
}

export async function listCrosswalkFor(db: Executor, unitId: number): Promise<CrosswalkRow[]> {
  return queryRows<CrosswalkRow>(
    db,
    sql`SELECT old_unit_id AS old_id, new_unit_id AS new_id, relation, note FROM unit_crosswalk
        WHERE old_unit_id = ${unitId} OR new_unit_id = ${unitId} ORDER BY id`,
  );
}

export async function countUnitsByLevel(db: Executor, asOf: string): Promise<Record<string, number>> {
  const day = assertIsoDate(asOf);
  const rows = await queryRows<{ level: string; n: number }>(
    db,
    sql`SELECT u.level, count(*)::int AS n FROM units u WHERE ${validOn("u", day)} GROUP BY u.level`,
  );
  return Object.fromEntries(rows.map((r) => [r.level, r.n]));
}

export async function findUnitPath(db: Executor, unitId: number): Promise<string | undefined> {
  const rows = await queryRows<{ path: string }>(db, sql`SELECT path FROM units WHERE id = ${unitId}`);
  return rows[0]?.path;
}

export interface RevisionRow {
  valid_from: string | null;
  valid_to: string;
  full_name: string;
  type: string;
  legal_basis: string | null;
}

/** Earlier names and types of a unit that kept its code, oldest first. */
export async function listRevisions(db: Executor, unitId: number): Promise<RevisionRow[]> {
  return queryRows<RevisionRow>(
    db,
    sql`SELECT to_char(valid_from, 'YYYY-MM-DD') AS valid_from, to_char(valid_to, 'YYYY-MM-DD') AS valid_to,
               full_name, type, legal_basis
        FROM unit_revisions WHERE unit_id = ${unitId} ORDER BY valid_to`,
  );
}
