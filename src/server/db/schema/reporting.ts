import { sql } from "drizzle-orm";
import {
  bigint,
  customType,
  date,
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
import { plans } from "./plan";
import { units } from "./unit";
import { users } from "./user";

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => Buffer.from(value),
});

/**
 * A reporting round (kỳ báo cáo) of an issued plan: one period, its NĐ 09/2019
 * data window and the deadline set by the plan's reporting regime.
 */
export const reportingRounds = pgTable(
  "reporting_rounds",
  {
    id: serial("id").primaryKey(),
    planId: integer("plan_id")
      .notNull()
      .references(() => plans.id),
    period: text("period").notNull(),
    windowFrom: date("window_from", { mode: "string" }).notNull(),
    windowTo: date("window_to", { mode: "string" }).notNull(),
    deadline: date("deadline", { mode: "string" }).notNull(),
    /** The day the tree of lower units was read (the window's last day). */
    treeDate: date("tree_date", { mode: "string" }).notNull(),
    openedAt: timestamp("opened_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
    openedBy: integer("opened_by").references(() => users.id),
  },
  (t) => [uniqueIndex("reporting_rounds_plan_period_uq").on(t.planId, t.period)],
);

/**
 * One expected reporter of a round (an agency, or a lower unit) and the state of
 * its report: pending → draft → submitted → approved (locked) | returned.
 * `cells` freezes the form at opening: [{indicatorId, element, period}].
 */
export const submissions = pgTable(
  "submissions",
  {
    id: serial("id").primaryKey(),
    roundId: integer("round_id")
      .notNull()
      .references(() => reportingRounds.id),
    reporterKey: text("reporter_key").notNull(),
    agencyId: integer("agency_id").references(() => agencies.id),
    /** The unit the values describe. */
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    cells: jsonb("cells").notNull(),
    goalIds: jsonb("goal_ids").$type<number[]>().notNull(),
    state: text("state").notNull().default("pending"),
    /** goalId → text. */
    narrative: jsonb("narrative").$type<Record<string, string>>().notNull().default(sql`'{}'::jsonb`),
    submittedAt: timestamp("submitted_at", { withTimezone: true, mode: "string" }),
    submittedBy: integer("submitted_by").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true, mode: "string" }),
    decidedBy: integer("decided_by").references(() => users.id),
    decisionComment: text("decision_comment"),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("submissions_round_reporter_uq").on(t.roundId, t.reporterKey),
    index("submissions_unit_idx").on(t.unitId),
    index("submissions_agency_idx").on(t.agencyId),
  ],
);

/** Evidence (minh chứng) of a submission, kept in the database so a backup holds everything. */
export const evidenceFiles = pgTable(
  "evidence_files",
  {
    id: serial("id").primaryKey(),
    submissionId: integer("submission_id")
      .notNull()
      .references(() => submissions.id),
    name: text("name").notNull(),
    mime: text("mime").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    content: bytea("content").notNull(),
    uploadedBy: integer("uploaded_by").references(() => users.id),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  },
  (t) => [index("evidence_files_submission_idx").on(t.submissionId)],
);

/** Excel imports run as jobs so a large file shows progress; the result lists every bad cell. */
export const importJobs = pgTable("import_jobs", {
  id: text("id").primaryKey(),
  roundId: integer("round_id")
    .notNull()
    .references(() => reportingRounds.id),
  actorId: integer("actor_id").references(() => users.id),
  fileName: text("file_name").notNull(),
  fileSize: bigint("file_size", { mode: "number" }).notNull(),
  /** queued | running | done | failed */
  status: text("status").notNull(),
  done: integer("done").notNull().default(0),
  total: integer("total").notNull().default(0),
  result: jsonb("result"),
  createdAt: timestamp("created_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  finishedAt: timestamp("finished_at", { withTimezone: true, mode: "string" }),
});
