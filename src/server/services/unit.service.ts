import { AppError } from "../../core/errors";
import { foldVietnamese } from "../../core/text";
import { parseUnitPath } from "../../core/units";
import type { Db } from "../db/client";
import {
  type CrosswalkRow,
  findRoot,
  findUnitByCode,
  findUnitById,
  findUnitsByIds,
  listChildren,
  listCrosswalkFor,
  listRevisions,
  type RevisionRow,
  searchUnits,
  type UnitRow,
} from "../db/repos/unit.repo";
import { assertCan } from "./access.service";
import type { Actor } from "./context";

export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

export async function getRoot(db: Db, actor: Actor, asOf: string): Promise<UnitRow> {
  assertCan(actor, "unit.browse");
  const root = await findRoot(db, asOf);
  if (!root) throw new AppError("NOT_FOUND", { logMessage: "reference units not loaded" });
  return root;
}

export async function getUnitWithAncestors(
  db: Db,
  actor: Actor,
  id: number,
  asOf: string,
): Promise<{ unit: UnitRow; ancestors: UnitRow[]; revisions: RevisionRow[] }> {
  assertCan(actor, "unit.browse");
  const unit = await findUnitById(db, id, asOf);
  if (!unit) throw new AppError("NOT_FOUND", { userMessage: { vi: "Không tìm thấy đơn vị.", en: "Unit not found." } });
  const ancestorIds = parseUnitPath(unit.path).slice(0, -1);
  const byId = new Map((await findUnitsByIds(db, ancestorIds, asOf)).map((u) => [u.id, u]));
  const ancestors = ancestorIds.map((a) => byId.get(a)).filter((u): u is UnitRow => u !== undefined);
  return { unit, ancestors, revisions: await listRevisions(db, id) };
}

export async function getUnitByCode(db: Db, actor: Actor, code: string, asOf: string): Promise<UnitRow> {
  assertCan(actor, "unit.browse");
  const unit = await findUnitByCode(db, code, asOf);
  if (!unit) {
    throw new AppError("NOT_FOUND", {
      userMessage: {
        vi: `Không có đơn vị hành chính mã “${code}” vào ngày ${asOf.split("-").reverse().join("/")}.`,
        en: `No administrative unit with code “${code}” on ${asOf}.`,
      },
    });
  }
  return unit;
}

export async function getChildren(db: Db, actor: Actor, id: number, asOf: string): Promise<UnitRow[]> {
  assertCan(actor, "unit.browse");
  return listChildren(db, id, asOf);
}

export interface UnitHit {
  unit: UnitRow;
  path: string[];
}

/** Search without diacritics; each hit carries the names of its ancestors so "Phường An Bình" is placed. */
export async function findUnits(db: Db, actor: Actor, q: string, asOf: string, limit: number): Promise<UnitHit[]> {
  assertCan(actor, "unit.browse");
  const folded = foldVietnamese(q.normalize("NFC"));
  if (folded.length === 0) return [];
  const hits = await searchUnits(db, folded, asOf, limit);
  const ancestorIds = [...new Set(hits.flatMap((h) => parseUnitPath(h.path).slice(1, -1)))];
  const names = new Map((await findUnitsByIds(db, ancestorIds, asOf)).map((u) => [u.id, u.full_name]));
  return hits.map((unit) => ({
    unit,
    path: parseUnitPath(unit.path)
      .slice(1, -1)
      .map((a) => names.get(a) ?? ""),
  }));
}

export async function getCrosswalk(
  db: Db,
  actor: Actor,
  id: number,
): Promise<{ row: CrosswalkRow; oldUnit: UnitRow; newUnit: UnitRow }[]> {
  assertCan(actor, "unit.browse");
  const rows = await listCrosswalkFor(db, id);
  const ids = [...new Set(rows.flatMap((r) => [r.old_id, r.new_id]))];
  // Old units are read on their last day, new ones on the day the reform took effect.
  const old = new Map((await findUnitsByIds(db, ids, "2025-06-30")).map((u) => [u.id, u]));
  const fresh = new Map((await findUnitsByIds(db, ids, "2025-07-01")).map((u) => [u.id, u]));
  return rows.flatMap((row) => {
    const oldUnit = old.get(row.old_id);
    const newUnit = fresh.get(row.new_id);
    return oldUnit && newUnit ? [{ row, oldUnit, newUnit }] : [];
  });
}
