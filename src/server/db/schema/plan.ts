import {
  type AnyPgColumn,
  boolean,
  date,
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
import { agencies } from "./agency";
import { catalogueGoals, catalogueIndicators, catalogueStrategies } from "./catalogue";
import { units } from "./unit";

/**
 * A plan (kế hoạch) of a unit or of one of its agencies. Drafts are edited;
 * an issued plan is frozen; a change is a new version that supersedes it.
 * Free-text sections (căn cứ, mục đích, nhiệm vụ, mô hình, kinh phí, báo cáo,
 * nơi nhận, người ký) live in `sections`; what other features join on
 * (goals, indicators, targets, responsibilities) are tables.
 */
export const plans = pgTable(
  "plans",
  {
    id: serial("id").primaryKey(),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    issuerAgencyId: integer("issuer_agency_id").references(() => agencies.id),
    status: text("status").notNull().default("draft"),
    version: integer("version").notNull().default(1),
    previousVersionId: integer("previous_version_id").references((): AnyPgColumn => plans.id),
    sourceKind: text("source_kind"),
    sourceStrategyId: integer("source_strategy_id").references(() => catalogueStrategies.id),
    sourcePlanId: integer("source_plan_id").references((): AnyPgColumn => plans.id),
    /** Blank while drafting ("/KH-UBND"); given when issued. */
    number: text("number"),
    symbol: text("symbol").notNull(),
    place: text("place").notNull(),
    issuedOn: date("issued_on", { mode: "string" }),
    title: text("title").notNull(),
    periodFrom: integer("period_from").notNull(),
    periodTo: integer("period_to").notNull(),
    sections: jsonb("sections").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
    issuedAt: timestamp("issued_at", { withTimezone: true, mode: "string" }),
  },
  (t) => [index("plans_unit_idx").on(t.unitId), index("plans_source_plan_idx").on(t.sourcePlanId)],
);

export const planGoals = pgTable(
  "plan_goals",
  {
    id: serial("id").primaryKey(),
    planId: integer("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    domain: text("domain"),
    title: text("title").notNull(),
    catalogueGoalId: integer("catalogue_goal_id").references(() => catalogueGoals.id),
    upperGoalId: integer("upper_goal_id").references((): AnyPgColumn => planGoals.id),
  },
  (t) => [uniqueIndex("plan_goals_number_uq").on(t.planId, t.number)],
);

/** Indicator ids are kept stable while a plan is edited: data values and reports join on them. */
export const planIndicators = pgTable(
  "plan_indicators",
  {
    id: serial("id").primaryKey(),
    planId: integer("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    goalId: integer("goal_id")
      .notNull()
      .references(() => planGoals.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    text: text("text").notNull(),
    kind: text("kind").notNull(),
    /** The national indicator this one implements, directly or through the plans above. */
    catalogueIndicatorId: integer("catalogue_indicator_id").references(() => catalogueIndicators.id),
    /** The indicator of the plan above; null for a strategy cascade or a local indicator. */
    upperIndicatorId: integer("upper_indicator_id").references((): AnyPgColumn => planIndicators.id),
    isLocal: boolean("is_local").notNull().default(false),
    dropped: boolean("dropped").notNull().default(false),
    dropReason: text("drop_reason"),
    /** The same indicator in the previous version of the plan. */
    previousVersionIndicatorId: integer("previous_version_indicator_id"),
  },
  (t) => [
    index("plan_indicators_plan_idx").on(t.planId),
    index("plan_indicators_upper_idx").on(t.upperIndicatorId),
    index("plan_indicators_catalogue_idx").on(t.catalogueIndicatorId),
  ],
);

export const planTargets = pgTable(
  "plan_targets",
  {
    id: serial("id").primaryKey(),
    planId: integer("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    indicatorId: integer("indicator_id")
      .notNull()
      .references(() => planIndicators.id, { onDelete: "cascade" }),
    position: integer("position").notNull().default(0),
    subject: text("subject"),
    comparator: text("comparator").notNull(),
    value: doublePrecision("value"),
    unit: text("unit"),
    year: integer("year").notNull(),
    baseline: doublePrecision("baseline"),
  },
  (t) => [
    index("plan_targets_indicator_idx").on(t.indicatorId),
    // A dashboard reads a plan's targets in this order (a seq scan of every plan's targets before).
    index("plan_targets_plan_idx").on(t.planId, t.indicatorId, t.position),
  ],
);

/** Agency × indicator × role (lead / support / report): who does and who reports what. */
export const planResponsibilities = pgTable(
  "plan_responsibilities",
  {
    id: serial("id").primaryKey(),
    planId: integer("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    indicatorId: integer("indicator_id")
      .notNull()
      .references(() => planIndicators.id, { onDelete: "cascade" }),
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id),
    role: text("role").notNull(),
  },
  (t) => [
    uniqueIndex("plan_responsibilities_uq").on(t.indicatorId, t.agencyId, t.role),
    index("plan_responsibilities_plan_idx").on(t.planId),
    index("plan_responsibilities_agency_idx").on(t.agencyId),
  ],
);
