import { boolean, index, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { units } from "./unit";

/**
 * Each reporter's current result for each "% of units" condition (countOfUnits,
 * qualitative) and assessed period ("2024", "2024S1"): a row exists while the
 * reporter reports any value the condition reads; `meets` is the core engine's
 * verdict. Re-evaluated inside the approve and reopen transactions.
 * `reporter` is "u:<unit id>" or "a:<agency id>", as the dashboard counts reporters;
 * `condition_key` is core `conditionKey(formula)`.
 */
export const conditionResults = pgTable(
  "condition_results",
  {
    reporter: text("reporter").notNull(),
    period: text("period").notNull(),
    conditionKey: text("condition_key").notNull(),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    meets: boolean("meets").notNull(),
  },
  (t) => [primaryKey({ columns: [t.reporter, t.period, t.conditionKey] })],
);

/**
 * Reporters meeting / reporting each condition over each unit's subtree (ancestors
 * from `units.path`, like `value_rollups`): a unit's "% of units" is one row.
 */
export const conditionRollups = pgTable(
  "condition_rollups",
  {
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    period: text("period").notNull(),
    conditionKey: text("condition_key").notNull(),
    meeting: integer("meeting").notNull(),
    /** The row goes when it reaches 0. */
    reporting: integer("reporting").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.unitId, t.period, t.conditionKey] }),
    index("condition_rollups_key_period_idx").on(t.conditionKey, t.period),
  ],
);
