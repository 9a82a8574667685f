import { integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { plans } from "./plan";
import { units } from "./unit";
import { users } from "./user";

/**
 * The parts of a unit's 6-month or annual report that people write rather than
 * compute (NĐ 30/2020 layout: số hiệu, Kính gửi, Nơi nhận, người ký; the activities,
 * difficulties and proposals), kept per unit × plan × period so an officer can write
 * them over days and several people contribute. Multi-line fields hold one paragraph
 * (or one recipient, one position line) per line; '' means "use the plan's default".
 */
export const reportTexts = pgTable(
  "report_texts",
  {
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    // A draft plan may be deleted; the texts written against it go with it (the audit log keeps them).
    planId: integer("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    /** "2024" or "2024S1". */
    period: text("period").notNull(),
    number: text("number").notNull().default(""),
    /** Kính gửi … */
    recipient: text("recipient").notNull().default(""),
    /** Nơi nhận, one per line. */
    recipients: text("recipients").notNull().default(""),
    /** "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH". */
    signerPosition: text("signer_position").notNull().default(""),
    signerName: text("signer_name").notNull().default(""),
    activities: text("activities").notNull().default(""),
    difficulties: text("difficulties").notNull().default(""),
    proposals: text("proposals").notNull().default(""),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
    updatedBy: integer("updated_by").references(() => users.id),
  },
  (t) => [primaryKey({ name: "report_texts_pk", columns: [t.unitId, t.planId, t.period] })],
);
