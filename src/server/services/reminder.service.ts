import type { SendReminderInput } from "../../contract/reminder";
import { AppError } from "../../core/errors";
import { planReminders, type ThrottledReporter, vietnamDateTime } from "../../core/reminder";
import { sortByUrgency } from "../../core/reporting";
import type { Db, Executor } from "../db/client";
import { insertAudit } from "../db/repos/audit.repo";
import {
  insertReminders,
  listLastRemindersOf,
  listLastRemindersOfRound,
  listRemindersOfReporter,
  lockRoundForReminders,
  type ReminderView,
} from "../db/repos/reminder.repo";
import { findSubmission, listSubmissionsOfRound, type MyFormRow } from "../db/repos/reporting.repo";
import { assertCan, unitTarget } from "./access.service";
import { type Actor, auditActor } from "./context";
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
    await lockRoundForReminders(tx, roundId);
    const submissions = await listSubmissionsOfRound(tx, roundId);
    const only = input.reporterKey ?? null;
    if (only !== null && !submissions.some((s) => s.reporterKey === only)) throw submissionNotFound();
    const last = lastByKey(await listLastRemindersOfRound(tx, roundId));
    const sentAt = now.toISOString();
    const decided = planReminders(
      submissions.map((s) => ({
        reporterKey: s.reporterKey,
        state: s.state,
        lastSentAt: last.get(s.reporterKey)?.sent_at ?? null,
      })),
      sentAt,
      only,
    );
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
    const message = input.message?.trim() || null;
    const sentBy = actor.principal.id || null;
    await insertReminders(
      tx,
      decided.send.map((reporterKey) => ({ roundId, reporterKey, sentAt, sentBy, message })),
    );
    for (const reporterKey of decided.send) {
      await insertAudit(tx, {
        ...auditActor(actor),
        action: "remind",
        objectType: "submission",
        objectId: `${roundId}:${reporterKey}`,
        old: null,
        new: { sentAt, message },
      });
    }
    return {
      sent: decided.send.map((reporterKey) => ({ reporterKey, name: nameOf(reporterKey), sentAt })),
      skipped: decided.throttled.map((t) => ({ ...t, name: nameOf(t.reporterKey) })),
    };
  });
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
