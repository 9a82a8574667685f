import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

/**
 * National programmes as data (the 2021–2030 strategy now, others later), so
 * a plan can implement any of them. Loaded from reference-data/ at first start.
 */
export const catalogueStrategies = pgTable("catalogue_strategies", {
  id: serial("id").primaryKey(),
  code: text("code").notNull().unique(),
  title: text("title").notNull(),
  /** The act that issued it: { number, date, type, issuer }. */
  issuedBy: jsonb("issued_by").notNull(),
  periodFrom: integer("period_from").notNull(),
  periodTo: integer("period_to").notNull(),
  generalObjective: text("general_objective"),
  note: text("note"),
});

export const catalogueGoals = pgTable(
  "catalogue_goals",
  {
    id: serial("id").primaryKey(),
    strategyId: integer("strategy_id")
      .notNull()
      .references(() => catalogueStrategies.id),
    number: integer("number").notNull(),
    domain: text("domain"),
    title: text("title").notNull(),
  },
  (t) => [uniqueIndex("catalogue_goals_uq").on(t.strategyId, t.number)],
);

export const catalogueIndicators = pgTable(
  "catalogue_indicators",
  {
    id: serial("id").primaryKey(),
    strategyId: integer("strategy_id")
      .notNull()
      .references(() => catalogueStrategies.id),
    goalId: integer("goal_id")
      .notNull()
      .references(() => catalogueGoals.id),
    code: text("code").notNull(),
    number: integer("number").notNull(),
    text: text("text").notNull(),
    kind: text("kind").notNull(),
  },
  (t) => [
    uniqueIndex("catalogue_indicators_uq").on(t.strategyId, t.code),
    index("catalogue_indicators_goal_idx").on(t.goalId),
  ],
);

export const catalogueTargets = pgTable(
  "catalogue_targets",
  {
    id: serial("id").primaryKey(),
    indicatorId: integer("indicator_id")
      .notNull()
      .references(() => catalogueIndicators.id),
    year: integer("year").notNull(),
    comparator: text("comparator").notNull(),
    value: doublePrecision("value"),
    unit: text("unit"),
    subject: text("subject"),
    note: text("note"),
    /** False until read in the official text or confirmed by an administrator. */
    verified: boolean("verified").notNull(),
    confirmedBy: integer("confirmed_by"),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true, mode: "string" }),
  },
  (t) => [index("catalogue_targets_indicator_idx").on(t.indicatorId)],
);
