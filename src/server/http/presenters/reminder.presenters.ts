import type { Reminder, SendReminderResult } from "../../../contract/reminder";
import type { ReminderView } from "../../db/repos/reminder.repo";
import type { SentReminders } from "../../services/reminder.service";

export function presentReminder(r: ReminderView): Reminder {
  return { sentAt: r.sent_at, sentBy: r.sent_by_name, message: r.message };
}

export function presentSentReminders(result: SentReminders): SendReminderResult {
  return {
    sent: result.sent,
    skipped: result.skipped.map((s) => ({
      reporterKey: s.reporterKey,
      name: s.name,
      lastSentAt: s.lastSentAt,
      nextAt: s.nextAt,
    })),
  };
}
