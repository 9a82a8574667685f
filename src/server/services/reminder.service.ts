import type { SendReminderInput } from "../../contract/reminder";
import { AppError } from "../../core/errors";
import {
  autoReminderDeadlines,
  autoReminderMessage,
  planReminders,
  type ThrottledReporter,
  vietnamDateTime,
} from "../../core/reminder";
import { sortByUrgency } from "../../core/reporting";
import type { Db, Executor } from "../db/client";
import { insertAudit } from "../db/repos/audit.repo";
import {
  insertReminders,
  listLastRemindersOf,
  listLastRemindersOfRound,
  listRemindersOfReporter,
  listRoundsWithDeadlines,
  lockRoundForReminders,
  type ReminderView,
} from "../db/repos/reminder.repo";
import { findSubmission, listSubmissionsOfRound, type MyFormRow } from "../db/repos/reporting.repo";
import { assertCan, unitTarget } from "./access.service";
import { type Actor, auditActor, systemActor } from "./context";
import {
  listMyForms,
  reporterNames,
  requireRound,
  submissionNotFound,
  submissionTarget,
  vietnamDay,
} from "./reporting.service";

export interface SentReminders {
  sent: { reporterKey: string; name: string; sentAt: string }[];
  skipped: (ThrottledReporter & { name: string })[];
}

/**
 * Records a deadline reminder for every reporter of the round not yet in, or for one. Only who
 * may decide on the round's reports (a planner of the plan's unit, an admin) may remind. A
 * reporter reminded less than 24 hours ago is skipped; when that leaves nobody, nothing is
 * written and the officer is told when the next reminder may go. Each reminder is audited.
 */
export async function sendReminders(
  db: Db,
  actor: Actor,
  roundId: number,
  input: SendReminderInput,
  now: Date = new Date(),
): Promise<SentReminders> {
  return db.transaction(async (tx) => {
    const { plan } = await requireRound(tx, roundId);
    // The same scope as approving: the level above, on the plan's own unit.
    assertCan(actor, "data.approve", await unitTarget(tx, plan.unitId));
    const only = input.reporterKey ?? null;
    const sentAt = now.toISOString();
    const { submissions, decided } = await decideInRound(tx, roundId, only, sentAt);
    if (only !== null && !submissions.some((s) => s.reporterKey === only)) throw submissionNotFound();
    const names = await reporterNames(
      tx,
      submissions.filter((s) => only === null || s.reporterKey === only),
    );
    const nameOf = (key: string) => names.get(key) ?? key;
    if (decided.alreadyIn.length > 0) throw alreadyIn(nameOf(only ?? ""));
    if (decided.send.length === 0) {
      if (decided.throttled.length === 0) throw nobodyToRemind();
      throw throttled(decided.throttled, only === null ? null : nameOf(only));
    }
    await writeReminders(tx, actor, roundId, decided.send, sentAt, input.message?.trim() || null);
    return {
      sent: decided.send.map((reporterKey) => ({ reporterKey, name: nameOf(reporterKey), sentAt })),
      skipped: decided.throttled.map((t) => ({ ...t, name: nameOf(t.reporterKey) })),
    };
  });
}

/**
 * The system's own reminders (run by the hourly sweep): every round whose deadline is 3 days
 * away, today, yesterday or a week ago (`autoReminderDeadlines`) reminds each reporter not yet in,
 * less those reminded in the last 24 hours, with a note saying how long is left. One transaction
 * per round; audited as "hệ thống".
 */
export async function sendDueReminders(db: Db, now: Date = new Date()): Promise<{ rounds: number; sent: number }> {
  const rounds = await listRoundsWithDeadlines(db, autoReminderDeadlines(now));
  const actor = systemActor("hệ thống (nhắc tự động)");
  const sentAt = now.toISOString();
  let reminded = 0;
  let sent = 0;
  for (const round of rounds) {
    const count = await db.transaction(async (tx) => {
      const { decided } = await decideInRound(tx, round.id, null, sentAt);
      await writeReminders(tx, actor, round.id, decided.send, sentAt, autoReminderMessage(round.deadline, now));
      return decided.send.length;
    });
    if (count > 0) reminded++;
    sent += count;
  }
  return { rounds: reminded, sent };
}

/** Locks the round's reminders, then decides who is reminded now (see `planReminders`). */
async function decideInRound(tx: Executor, roundId: number, only: string | null, sentAt: string) {
  await lockRoundForReminders(tx, roundId);
  const submissions = await listSubmissionsOfRound(tx, roundId);
  const last = lastByKey(await listLastRemindersOfRound(tx, roundId));
  const decided = planReminders(
    submissions.map((s) => ({
      reporterKey: s.reporterKey,
      state: s.state,
      lastSentAt: last.get(s.reporterKey)?.sent_at ?? null,
    })),
    sentAt,
    only,
  );
  return { submissions, decided };
}

/** One reminder row and one audit entry per reporter; the system's own reminders have no sender. */
async function writeReminders(
  tx: Executor,
  actor: Actor,
  roundId: number,
  reporterKeys: readonly string[],
  sentAt: string,
  message: string | null,
): Promise<void> {
  const sentBy = actor.principal.id || null;
  await insertReminders(
    tx,
    reporterKeys.map((reporterKey) => ({ roundId, reporterKey, sentAt, sentBy, message })),
  );
  for (const reporterKey of reporterKeys) {
    await insertAudit(tx, {
      ...auditActor(actor),
      action: "remind",
      objectType: "submission",
      objectId: `${roundId}:${reporterKey}`,
      old: null,
      new: { sentAt, message },
    });
  }
}

function alreadyIn(name: string): AppError {
  return new AppError("INVALID_STATE", {
    userMessage: {
      vi: `${name} đã gửi báo cáo kỳ này; không cần nhắc.`,
      en: `${name} has already sent its report for this round.`,
    },
  });
}

function nobodyToRemind(): AppError {
  return new AppError("INVALID_STATE", {
    userMessage: {
      vi: "Mọi nơi đã gửi báo cáo kỳ này; không còn ai cần nhắc.",
      en: "Every reporter has sent its report; there is nobody to remind.",
    },
  });
}

/** Nothing written: every reporter asked for was reminded less than 24 hours ago. */
function throttled(list: readonly ThrottledReporter[], name: string | null): AppError {
  const next = [...list].sort((a, b) => a.nextAt.localeCompare(b.nextAt))[0] as ThrottledReporter;
  const at = vietnamDateTime(next.nextAt);
  const rule = `Mỗi nơi chỉ được nhắc một lần trong 24 giờ; có thể nhắc lại từ ${at.time} ngày ${at.date}.`;
  const ruleEn = `A reporter can be reminded once every 24 hours; next possible at ${at.time} on ${at.date} (Vietnam time).`;
  if (name !== null) {
    const last = vietnamDateTime(next.lastSentAt);
    return new AppError("CONFLICT", {
      userMessage: {
        vi: `${name} đã được nhắc lúc ${last.time} ngày ${last.date}. ${rule}`,
        en: `${name} was reminded at ${last.time} on ${last.date}. ${ruleEn}`,
      },
    });
  }
  return new AppError("CONFLICT", {
    userMessage: {
      vi: `Cả ${list.length} nơi chưa gửi báo cáo đều đã được nhắc trong 24 giờ qua. ${rule}`,
      en: `All ${list.length} reporters not yet in were reminded in the last 24 hours. ${ruleEn}`,
    },
  });
}

function lastByKey(rows: readonly ReminderView[]): Map<string, ReminderView> {
  return new Map(rows.map((r) => [r.reporter_key, r]));
}

export interface MyFormWithReminder {
  form: MyFormRow;
  reminder: ReminderView | null;
}

/**
 * The signed-in reporter's forms (see `listMyForms`) with the latest reminder of each, the open
 * ones first by urgency; `today` is Vietnam's day, against which the time left is counted.
 */
export async function listMyFormsWithReminders(
  db: Db,
  actor: Actor,
  now: Date = new Date(),
): Promise<{ today: string; items: MyFormWithReminder[] }> {
  const forms = await listMyForms(db, actor);
  const reminders = await listLastRemindersOf(
    db,
    forms.map((f) => ({ roundId: f.round_id, reporterKey: f.reporter_key })),
  );
  const byPair = new Map(reminders.map((r) => [`${r.round_id}:${r.reporter_key}`, r]));
  const items = sortByUrgency(forms).map((form) => ({
    form,
    reminder: byPair.get(`${form.round_id}:${form.reporter_key}`) ?? null,
  }));
  return { today: vietnamDay(now.toISOString()), items };
}

/** The latest reminder of each reporter of a round (the round's status; access is checked there). */
export async function lastRemindersOfRound(db: Executor, roundId: number): Promise<Map<string, ReminderView>> {
  return lastByKey(await listLastRemindersOfRound(db, roundId));
}

/** Every reminder one reporter got in a round, for its form page (the reporter, or the levels above). */
export async function listReminders(
  db: Db,
  actor: Actor,
  roundId: number,
  reporterKey: string,
): Promise<ReminderView[]> {
  await requireRound(db, roundId);
  const submission = await findSubmission(db, roundId, reporterKey);
  if (!submission) throw submissionNotFound();
  assertCan(actor, "data.read", await submissionTarget(db, submission));
  return listRemindersOfReporter(db, roundId, reporterKey);
}
