import { sql } from "drizzle-orm";
import { date, index, integer, pgTable, serial, text, uniqueIndex } from "drizzle-orm/pg-core";

/**
 * Administrative units of every era in one table. A code is unique only
 * together with its validity start: commune 00004 is Phường Trúc Bạch before
 * the 2025 reform and Phường Ba Đình after it.
 */
export const units = pgTable(
  "units",
  {
    id: serial("id").primaryKey(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    fullName: text("full_name").notNull(),
    nameEn: text("name_en"),
    type: text("type").notNull(),
    level: text("level").notNull(),
    depth: integer("depth").notNull(),
    parentId: integer("parent_id"),
    /** Ancestor ids, root first, this unit last: "/1/5/77/". Subtree = path LIKE prefix. */
    path: text("path").notNull(),
    /** Folded name (no diacritics, lower case) for search. */
    searchText: text("search_text").notNull(),
    validFrom: date("valid_from", { mode: "string" }),
    /** Exclusive end: the first day the unit no longer exists. */
    validTo: date("valid_to", { mode: "string" }),
  },
  (t) => [
    uniqueIndex("units_code_valid_from_uq").on(t.code, sql`coalesce(${t.validFrom}, '0001-01-01'::date)`),
    index("units_parent_idx").on(t.parentId),
    index("units_path_idx").using("btree", sql`${t.path} text_pattern_ops`),
    index("units_level_idx").on(t.level),
  ],
);

/** Earlier names and types of a unit that kept its code (e.g. Đồng Nai: tỉnh → thành phố, 2026). */
export const unitRevisions = pgTable(
  "unit_revisions",
  {
    id: serial("id").primaryKey(),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    /** The attributes below held on [validFrom, validTo). */
    validFrom: date("valid_from", { mode: "string" }),
    validTo: date("valid_to", { mode: "string" }).notNull(),
    name: text("name").notNull(),
    fullName: text("full_name").notNull(),
    type: text("type").notNull(),
    legalBasis: text("legal_basis"),
  },
  (t) => [uniqueIndex("unit_revisions_unit_to_uq").on(t.unitId, t.validTo)],
);

/** The official old → new mapping of the 2025 reform; `part` rows are never split by guess. */
export const unitCrosswalk = pgTable(
  "unit_crosswalk",
  {
    id: serial("id").primaryKey(),
    oldUnitId: integer("old_unit_id")
      .notNull()
      .references(() => units.id),
    newUnitId: integer("new_unit_id")
      .notNull()
      .references(() => units.id),
    relation: text("relation").notNull(),
    note: text("note"),
  },
  (t) => [
    uniqueIndex("unit_crosswalk_pair_uq").on(t.oldUnitId, t.newUnitId),
    index("unit_crosswalk_new_idx").on(t.newUnitId),
  ],
);
