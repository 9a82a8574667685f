import { date, index, integer, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";
import { units } from "./unit";

export const agencies = pgTable(
  "agencies",
  {
    id: serial("id").primaryKey(),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    name: text("name").notNull(),
    shortName: text("short_name"),
    type: text("type").notNull(),
    closedOn: date("closed_on", { mode: "string" }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  },
  (t) => [index("agencies_unit_idx").on(t.unitId)],
);
