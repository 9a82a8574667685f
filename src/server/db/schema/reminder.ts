import { index, integer, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";
import { reportingRounds } from "./reporting";
import { users } from "./user";

/**
 * A deadline reminder (nhắc báo cáo) the level above sent to one reporter of a round; the
 * reporter sees the latest on its forms. In-app only. One per reporter every 24 hours.
 */
export const reminders = pgTable(
  "reminders",
  {
    id: serial("id").primaryKey(),
    roundId: integer("round_id")
      .notNull()
      .references(() => reportingRounds.id),
    /** "agency-12" or "unit-345", as in `submissions.reporter_key`. */
    reporterKey: text("reporter_key").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
    sentBy: integer("sent_by").references(() => users.id),
    message: text("message"),
  },
  (t) => [index("reminders_round_reporter_idx").on(t.roundId, t.reporterKey, t.sentAt)],
);
