import { and, asc, eq } from "drizzle-orm";
import type { Executor } from "../client";
import { auditLog } from "../schema/audit";

export interface AuditRecord {
  actorId: number | null;
  actorName: string | null;
  action: string;
  objectType: string;
  objectId: string | number;
  old: unknown;
  new: unknown;
  requestId: string | null;
}

export async function insertAudit(tx: Executor, record: AuditRecord): Promise<void> {
  await tx.insert(auditLog).values({ ...record, objectId: String(record.objectId) });
}

/** Several records in one statement, in order (their ids follow the order given). */
export async function insertAudits(tx: Executor, records: readonly AuditRecord[]): Promise<void> {
  if (records.length === 0) return;
  await tx.insert(auditLog).values(records.map((r) => ({ ...r, objectId: String(r.objectId) })));
}

export async function listAuditFor(db: Executor, objectType: string, objectId: string) {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.objectType, objectType), eq(auditLog.objectId, objectId)))
    .orderBy(asc(auditLog.id))
    .limit(1000);
}
