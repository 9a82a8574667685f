import {
  bigserial,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { dataElements } from "./data-element";
import { submissions } from "./reporting";
import { units } from "./unit";
import { users } from "./user";

/**
 * One reported number: unit × period × data element × option, as DHIS2 keys a
 * data value (orgUnit, period, dataElement, categoryOptionCombo). A value exists
 * once, whichever round asked for it; its submission carries the state.
 * `numeric` keeps sums exact when rollups add and subtract.
 */
export const dataValues = pgTable(
  "data_values",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    submissionId: integer("submission_id")
      .notNull()
      .references(() => submissions.id),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    period: text("period").notNull(),
    dataElementId: integer("data_element_id")
      .notNull()
      .references(() => dataElements.id),
    option: text("option").notNull(),
    value: numeric("value").notNull(),
    comment: text("comment"),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
    updatedBy: integer("updated_by").references(() => users.id),
  },
  (t) => [
    uniqueIndex("data_values_key_uq").on(t.unitId, t.period, t.dataElementId, t.option),
    index("data_values_submission_idx").on(t.submissionId),
    index("data_values_element_period_idx").on(t.dataElementId, t.period),
  ],
);

/**
 * Approved sums over each unit's subtree, kept current inside the approve and
 * reopen transactions (add or subtract a submission's values on every ancestor
 * of its unit). The national total of an element is one row.
 */
export const valueRollups = pgTable(
  "value_rollups",
  {
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    period: text("period").notNull(),
    dataElementId: integer("data_element_id")
      .notNull()
      .references(() => dataElements.id),
    option: text("option").notNull(),
    total: numeric("total").notNull(),
    /** Approved values summed into this row; the row goes when it reaches 0. */
    reporters: integer("reporters").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.unitId, t.period, t.dataElementId, t.option] }),
    index("value_rollups_element_period_idx").on(t.dataElementId, t.period),
  ],
);
