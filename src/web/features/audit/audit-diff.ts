// Field-level differences between the old and new snapshot of an audited object.
// Bookkeeping fields change on every write and would drown the real change.

const IGNORED_FIELDS = new Set(["id", "createdAt", "updatedAt", "created_at", "updated_at", "passwordHash"]);

export interface FieldChange {
  field: string;
  old: unknown;
  new: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Changed fields in a stable order; a creation lists the new values, a deletion the old ones. */
export function diffSnapshots(oldValue: unknown, newValue: unknown): FieldChange[] {
  const before = isRecord(oldValue) ? oldValue : {};
  const after = isRecord(newValue) ? newValue : {};
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return fields
    .filter((field) => !IGNORED_FIELDS.has(field))
    .filter((field) => !same(before[field], after[field]))
    .filter((field) => !(oldValue === null && (after[field] === null || after[field] === undefined)))
    .map((field) => ({ field, old: before[field] ?? null, new: after[field] ?? null }));
}
