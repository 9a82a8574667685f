import { boolean, index, integer, jsonb, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";
import { planIndicators } from "./plan";

/**
 * What is reported: a number per unit (or agency) × period × option (nu/nam or
 * total). The 32 national elements come from core/catalogue-formulas.ts; local
 * plan indicators add their own. Codes are the DHIS2-style ids of dataValueSets.
 */
export const dataElements = pgTable("data_elements", {
  id: serial("id").primaryKey(),
  code: text("code").notNull().unique(),
  name: text("name").notNull(),
  nameEn: text("name_en"),
  /** ["nu", "nam"] or ["total"]. */
  options: jsonb("options").$type<string[]>().notNull(),
  /** count | hours | amount | flag | percent */
  valueType: text("value_type").notNull(),
  /** An agency type, or "unit" for the local government itself. */
  reportedBy: text("reported_by").notNull(),
  /** administrative (NĐ 09/2019 windows) | survey (calendar years). */
  source: text("source").notNull(),
  sensitive: boolean("sensitive").notNull().default(false),
  /** Set for an element made for one local plan indicator. */
  planIndicatorId: integer("plan_indicator_id").references(() => planIndicators.id),
  createdAt: timestamp("created_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
});

/**
 * The formula of a plan indicator, when it is not the national one (a local
 * indicator, or a local definition). Plan indicators linked to the catalogue
 * use core/catalogue-formulas.ts unless a row here overrides them.
 */
export const indicatorFormulas = pgTable(
  "indicator_formulas",
  {
    id: serial("id").primaryKey(),
    planIndicatorId: integer("plan_indicator_id")
      .notNull()
      .references(() => planIndicators.id, { onDelete: "cascade" }),
    position: integer("position").notNull().default(0),
    subject: text("subject"),
    /** core/formula.ts Formula, expressions as source text. */
    formula: jsonb("formula").notNull(),
    unit: text("unit").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  },
  (t) => [index("indicator_formulas_indicator_idx").on(t.planIndicatorId)],
);
