import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { type Executor, queryRows } from "../client";
import { agencies } from "../schema/agency";

export type AgencyRow = typeof agencies.$inferSelect;
export type NewAgencyRow = typeof agencies.$inferInsert;

export async function listAgenciesOfUnit(db: Executor, unitId: number, includeClosed: boolean): Promise<AgencyRow[]> {
  const where = includeClosed
    ? eq(agencies.unitId, unitId)
    : and(eq(agencies.unitId, unitId), isNull(agencies.closedOn));
  return db.select().from(agencies).where(where).orderBy(asc(agencies.name));
}

export async function findAgency(db: Executor, id: number): Promise<AgencyRow | undefined> {
  const rows = await db.select().from(agencies).where(eq(agencies.id, id));
  return rows[0];
}

export async function findOpenAgencyByName(db: Executor, unitId: number, name: string): Promise<AgencyRow | undefined> {
  const rows = await db
    .select()
    .from(agencies)
    .where(and(eq(agencies.unitId, unitId), isNull(agencies.closedOn), sql`lower(${agencies.name}) = lower(${name})`));
  return rows[0];
}

export async function insertAgency(tx: Executor, row: NewAgencyRow): Promise<AgencyRow> {
  const rows = await tx.insert(agencies).values(row).returning();
  return rows[0] as AgencyRow;
}

export async function updateAgency(tx: Executor, id: number, patch: Partial<NewAgencyRow>): Promise<AgencyRow> {
  const rows = await tx
    .update(agencies)
    .set({ ...patch, updatedAt: sql`now()` as unknown as string })
    .where(eq(agencies.id, id))
    .returning();
  return rows[0] as AgencyRow;
}

/**
 * How many rows anywhere point at the agency. The foreign keys are read from
 * the catalogue, so a table added later is counted without touching this code.
 */
export async function countAgencyReferences(db: Executor, id: number): Promise<number> {
  const refs = await queryRows<{ tbl: string; col: string }>(
    db,
    sql`SELECT c.conrelid::regclass::text AS tbl, a.attname AS col
        FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
        WHERE c.contype = 'f' AND c.confrelid = 'agencies'::regclass`,
  );
  let total = 0;
  for (const ref of refs) {
    const rows = await queryRows<{ n: number }>(
      db,
      sql`SELECT count(*)::int AS n FROM ${sql.identifier(ref.tbl)} WHERE ${sql.identifier(ref.col)} = ${id}`,
    );
    total += rows[0]?.n ?? 0;
  }
  return total;
}

export async function deleteAgency(tx: Executor, id: number): Promise<void> {
  await tx.delete(agencies).where(eq(agencies.id, id));
}
