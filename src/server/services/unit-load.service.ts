import { sql } from "drizzle-orm";
import { foldVietnamese } from "../../core/text";
import { REFORM_DATE } from "../../core/units";
import { type Db, type Executor, queryRows } from "../db/client";
import { insertAudit } from "../db/repos/audit.repo";
import {
  type ChangesFile,
  type CrosswalkFile,
  type RawCommune,
  type RawProvince,
  readReferenceJson,
  type Units2024File,
  type Units2025File,
} from "../reference/reference-files";
import { type Actor, auditActor, systemActor } from "./context";

// Loads the official unit lists and the crosswalk. Idempotent: a unit already
// present (same code and validity start) is left alone, so `binhdang units
// load` can run on a live database.

interface NewUnit {
  code: string;
  name: string;
  fullName: string;
  nameEn: string | null;
  type: string;
  level: string;
  depth: number;
  parentId: number | null;
  validFrom: string | null;
  validTo: string | null;
}

export interface UnitLoadReport {
  inserted: number;
  crosswalkRows: number;
  revisions: number;
}

const ROOT_CODE = "VN";
const BATCH = 1000;

// District type "thanh_pho" (thành phố thuộc tỉnh) must not read as a province-level city.
const DISTRICT_TYPES: Record<string, string> = { thanh_pho: "thanh_pho_thuoc_tinh" };

export async function loadReferenceUnits(db: Db, actor: Actor = systemActor()): Promise<UnitLoadReport> {
  return db.transaction(async (tx) => {
    let inserted = 0;
    const u2025 = readReferenceJson<Units2025File>("admin-units-2025.json");
    const u2024 = readReferenceJson<Units2024File>("admin-units-2024.json");

    inserted += await insertUnits(tx, [
      {
        code: ROOT_CODE,
        name: "Việt Nam",
        fullName: "Cộng hòa xã hội chủ nghĩa Việt Nam",
        nameEn: "Viet Nam",
        type: "quoc_gia",
        level: "nation",
        depth: 0,
        parentId: null,
        validFrom: null,
        validTo: null,
      },
    ]);
    const rootId = (await idsByCode(tx, "nation", null)).get(ROOT_CODE) as number;

    const old = { validFrom: null, validTo: REFORM_DATE };
    const now = { validFrom: REFORM_DATE, validTo: null };

    inserted += await insertUnits(tx, [
      ...u2024.provinces.map((p) => province(p, rootId, old)),
      ...u2025.provinces.map((p) => province(p, rootId, now)),
    ]);
    const oldProvinces = await idsByCode(tx, "province", "old");
    const newProvinces = await idsByCode(tx, "province", "new");

    inserted += await insertUnits(
      tx,
      u2024.districts.map((d) => ({
        ...base(d),
        type: DISTRICT_TYPES[d.type] ?? d.type,
        level: "district",
        depth: 2,
        parentId: need(oldProvinces, d.province_code),
        ...old,
      })),
    );
    const oldDistricts = await idsByCode(tx, "district", "old");

    inserted += await insertUnits(tx, [
      ...u2024.communes.map((c) => commune(c, 3, need(oldDistricts, c.district_code ?? ""), old)),
      ...u2025.communes.map((c) => commune(c, 2, need(newProvinces, c.province_code), now)),
    ]);
    await fillPaths(tx);

    const crosswalkRows = await loadCrosswalk(tx, oldProvinces, newProvinces, oldDistricts);
    const revisions = await applyLaterChanges(tx);
    const report = { inserted, crosswalkRows, revisions };
    if (inserted + crosswalkRows + revisions > 0) {
      // One entry for the whole load: the files are official facts, the entry says who loaded them when.
      await insertAudit(tx, {
        ...auditActor(actor),
        action: "load",
        objectType: "reference_data",
        objectId: "units",
        old: null,
        new: report,
      });
    }
    return report;
  });
}

function base(u: RawProvince): Pick<NewUnit, "code" | "name" | "fullName" | "nameEn"> {
  return {
    code: u.code,
    name: u.name.normalize("NFC"),
    fullName: u.full_name.normalize("NFC"),
    nameEn: u.name_en ?? null,
  };
}

function province(p: RawProvince, rootId: number, validity: Pick<NewUnit, "validFrom" | "validTo">): NewUnit {
  return { ...base(p), type: p.type, level: "province", depth: 1, parentId: rootId, ...validity };
}

function commune(
  c: RawCommune,
  depth: number,
  parentId: number,
  validity: Pick<NewUnit, "validFrom" | "validTo">,
): NewUnit {
  return { ...base(c), type: c.type, level: "commune", depth, parentId, ...validity };
}

function need(map: Map<string, number>, code: string): number {
  const id = map.get(code);
  if (id === undefined) throw new Error(`reference data: unknown parent code ${code}`);
  return id;
}

async function insertUnits(tx: Executor, rows: NewUnit[]): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < rows.length; i += BATCH) {
    const values = rows.slice(i, i + BATCH).map(
      (u) =>
        sql`(${u.code}, ${u.name}, ${u.fullName}, ${u.nameEn}, ${u.type}, ${u.level}, ${u.depth}, ${u.parentId}::int,
             '', ${`${foldVietnamese(u.fullName)} ${u.code}`}, ${u.validFrom}::date, ${u.validTo}::date)`,
    );
    const result = await queryRows<{ id: number }>(
      tx,
      sql`INSERT INTO units (code, name, full_name, name_en, type, level, depth, parent_id, path, search_text, valid_from, valid_to)
          VALUES ${sql.join(values, sql`, `)}
          ON CONFLICT (code, coalesce(valid_from, '0001-01-01'::date)) DO NOTHING RETURNING id`,
    );
    inserted += result.length;
  }
  return inserted;
}

/** Code → id of the units of one level in one era ("old": before the reform, "new": after). */
async function idsByCode(tx: Executor, level: string, era: "old" | "new" | null): Promise<Map<string, number>> {
  const eraFilter =
    era === "old"
      ? sql`AND valid_to = ${REFORM_DATE}::date`
      : era === "new"
        ? sql`AND valid_from = ${REFORM_DATE}::date`
        : sql``;
  const rows = await queryRows<{ id: number; code: string }>(
    tx,
    sql`SELECT id, code FROM units WHERE level = ${level} ${eraFilter}`,
  );
  return new Map(rows.map((r) => [r.code, r.id]));
}

/** path = parent's path + own id, one level at a time, for rows that have none yet. */
async function fillPaths(tx: Executor): Promise<void> {
  await tx.execute(sql`UPDATE units SET path = '/' || id || '/' WHERE parent_id IS NULL AND path = ''`);
  for (let depth = 1; depth <= 6; depth++) {
    await tx.execute(sql`UPDATE units c SET path = p.path || c.id || '/' FROM units p
                         WHERE c.parent_id = p.id AND c.path = '' AND c.depth = ${depth}`);
  }
}

async function loadCrosswalk(
  tx: Executor,
  oldProvinces: Map<string, number>,
  newProvinces: Map<string, number>,
  oldDistricts: Map<string, number>,
): Promise<number> {
  const cw = readReferenceJson<CrosswalkFile>("admin-units-2024-to-2025.json");
  const oldCommunes = await idsByCode(tx, "commune", "old");
  const newCommunes = await idsByCode(tx, "commune", "new");
  const rows: { oldId: number; newId: number; relation: string; note: string | null }[] = [
    ...cw.provinces.map((p) => ({
      oldId: need(oldProvinces, p.old_code),
      newId: need(newProvinces, p.new_code),
      relation: "whole",
      note: null,
    })),
    ...cw.districts_to_special_zones.map((d) => ({
      oldId: need(oldDistricts, d.old_district_code),
      newId: need(newCommunes, d.new_code),
      relation: d.relation,
      note: d.note_vi,
    })),
    ...cw.communes.map((c) => ({
      oldId: need(oldCommunes, c.old_code),
      newId: need(newCommunes, c.new_code),
      relation: c.relation,
      note: c.note_vi,
    })),
  ];
  let inserted = 0;
  for (let i = 0; i < rows.length; i += BATCH) {
    const values = rows
      .slice(i, i + BATCH)
      .map((r) => sql`(${r.oldId}::int, ${r.newId}::int, ${r.relation}, ${r.note})`);
    const result = await queryRows<{ id: number }>(
      tx,
      sql`INSERT INTO unit_crosswalk (old_unit_id, new_unit_id, relation, note) VALUES ${sql.join(values, sql`, `)}
          ON CONFLICT (old_unit_id, new_unit_id) DO NOTHING RETURNING id`,
    );
    inserted += result.length;
  }
  return inserted;
}

/** Type changes after the reform keep the code: the unit row takes the new state, a revision keeps the old. */
async function applyLaterChanges(tx: Executor): Promise<number> {
  const file = readReferenceJson<ChangesFile>("admin-units-2025-changes.json");
  const effective = file.meta.effective.slice(0, 10);
  const newUnits = new Map([...(await idsByCode(tx, "province", "new")), ...(await idsByCode(tx, "commune", "new"))]);
  let applied = 0;
  for (const change of file.changes) {
    const unitId = need(newUnits, change.code);
    const result = await queryRows<{ id: number }>(
      tx,
      sql`INSERT INTO unit_revisions (unit_id, valid_from, valid_to, name, full_name, type, legal_basis)
          SELECT id, ${REFORM_DATE}::date, ${effective}::date, name, ${change.before.full_name.normalize("NFC")}, ${change.before.type}, ${change.legal_basis}
          FROM units WHERE id = ${unitId}
          ON CONFLICT (unit_id, valid_to) DO NOTHING RETURNING id`,
    );
    if (result.length === 0) continue;
    const fullName = change.after.full_name.normalize("NFC");
    await tx.execute(
      sql`UPDATE units SET type = ${change.after.type}, full_name = ${fullName},
          search_text = ${`${foldVietnamese(fullName)} ${change.code}`} WHERE id = ${unitId}`,
    );
    applied++;
  }
  return applied;
}
