import { eq, inArray, sql } from "drizzle-orm";
import { type Executor, queryRows } from "../client";
import { reminders } from "../schema/reminder";
import { reportingRounds } from "../schema/reporting";

export type NewReminderRow = typeof reminders.$inferInsert;

/** A reminder with the sender's display name; `sent_at` as ISO 8601 UTC. */
export interface ReminderView {
  round_id: number;
  reporter_key: string;
  sent_at: string;
  sent_by_name: string | null;
  message: string | null;
}

const ISO = sql.raw(`'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`);

/**
 * Serialises reminders of one round (the throttle reads, then writes). NO KEY UPDATE, so
 * inserts that only reference the round (import jobs, reminders' own foreign key) do not wait.
 */
export async function lockRoundForReminders(tx: Executor, roundId: number): Promise<void> {
  await tx
    .select({ id: reportingRounds.id })
    .from(reportingRounds)
    .where(eq(reportingRounds.id, roundId))
    .for("no key update");
}

/** Rounds whose deadline is one of `deadlines` (yyyy-mm-dd). */
export async function listRoundsWithDeadlines(
  db: Executor,
  deadlines: readonly string[],
): Promise<{ id: number; deadline: string }[]> {
  if (deadlines.length === 0) return [];
  return db
    .select({ id: reportingRounds.id, deadline: reportingRounds.deadline })
    .from(reportingRounds)
    .where(inArray(reportingRounds.deadline, [...deadlines]))
    .orderBy(reportingRounds.id);
}

export async function insertReminders(tx: Executor, rows: NewReminderRow[]): Promise<void> {
  if (rows.length > 0) await tx.insert(reminders).values(rows);
}

/** The latest reminder of each reporter of a round. */
export async function listLastRemindersOfRound(db: Executor, roundId: number): Promise<ReminderView[]> {
  return queryRows<ReminderView>(
    db,
    sql`SELECT DISTINCT ON (r.reporter_key) r.round_id, r.reporter_key,
               to_char(r.sent_at AT TIME ZONE 'UTC', ${ISO}) AS sent_at, u.display_name AS sent_by_name, r.message
        FROM reminders r LEFT JOIN users u ON u.id = r.sent_by
        WHERE r.round_id = ${roundId}
        ORDER BY r.reporter_key, r.sent_at DESC, r.id DESC`,
  );
}

/** The latest reminder of each (round, reporter) pair asked for (a reporter's forms). */
export async function listLastRemindersOf(
  db: Executor,
  pairs: readonly { roundId: number; reporterKey: string }[],
): Promise<ReminderView[]> {
  if (pairs.length === 0) return [];
  const list = sql.join(
    pairs.map((p) => sql`(${p.roundId}::int, ${p.reporterKey}::text)`),
    sql`, `,
  );
  return queryRows<ReminderView>(
    db,
    sql`SELECT DISTINCT ON (r.round_id, r.reporter_key) r.round_id, r.reporter_key,
               to_char(r.sent_at AT TIME ZONE 'UTC', ${ISO}) AS sent_at, u.display_name AS sent_by_name, r.message
        FROM reminders r LEFT JOIN users u ON u.id = r.sent_by
        WHERE (r.round_id, r.reporter_key) IN (${list})
        ORDER BY r.round_id, r.reporter_key, r.sent_at DESC, r.id DESC`,
  );
}

/** Every reminder sent to one reporter in a round, newest first. */
export async function listRemindersOfReporter(
  db: Executor,
  roundId: number,
  reporterKey: string,
): Promise<ReminderView[]> {
  return queryRows<ReminderView>(
    db,
    sql`SELECT r.round_id, r.reporter_key, to_char(r.sent_at AT TIME ZONE 'UTC', ${ISO}) AS sent_at,
               u.display_name AS sent_by_name, r.message
        FROM reminders r LEFT JOIN users u ON u.id = r.sent_by
        WHERE r.round_id = ${roundId} AND r.reporter_key = ${reporterKey}
        ORDER BY r.sent_at DESC, r.id DESC
        LIMIT 100`,
  );
}
