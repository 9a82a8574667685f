// Deadline reminders (nhắc báo cáo): the level above reminds the reporters that have not sent
// their report yet. In-app only (there is no mail or SMS): a reminder is a row the reporter
// sees on its forms. At most one reminder per reporter per round every 24 hours, so a
// department is not nagged by every click. Pure: the service fetches the submissions and the
// last reminder of each and passes the clock.
import { isOpenForm } from "./reporting";

export const REMINDER_INTERVAL_MS = 24 * 3_600_000;

/** When a reporter may be reminded again (ISO, UTC): 24 hours after the last reminder; null when now. */
export function nextReminderAt(lastSentAt: string | null, now: string): string | null {
  if (lastSentAt === null) return null;
  const next = Date.parse(lastSentAt) + REMINDER_INTERVAL_MS;
  return next > Date.parse(now) ? new Date(next).toISOString() : null;
}

export interface ReminderCandidate {
  reporterKey: string;
  state: string;
  /** ISO timestamp of the last reminder to this reporter in the round, or null. */
  lastSentAt: string | null;
}

export interface ThrottledReporter {
  reporterKey: string;
  lastSentAt: string;
  nextAt: string;
}

export interface ReminderPlan {
  /** Reporters to remind now. */
  send: string[];
  /** Reporters not yet in but reminded less than 24 hours ago. */
  throttled: ThrottledReporter[];
  /** Reporters asked for by name that have already sent their report (nothing to remind). */
  alreadyIn: string[];
}

/**
 * Who a reminder goes to: every reporter whose form is still open (not yet sent, or returned),
 * or only `only` — less those reminded in the last 24 hours.
 */
export function planReminders(
  candidates: readonly ReminderCandidate[],
  now: string,
  only: string | null,
): ReminderPlan {
  const plan: ReminderPlan = { send: [], throttled: [], alreadyIn: [] };
  for (const c of candidates) {
    if (only !== null && c.reporterKey !== only) continue;
    if (!isOpenForm(c.state)) {
      if (only !== null) plan.alreadyIn.push(c.reporterKey);
      continue;
    }
    const nextAt = nextReminderAt(c.lastSentAt, now);
    if (nextAt !== null && c.lastSentAt !== null)
      plan.throttled.push({ reporterKey: c.reporterKey, lastSentAt: c.lastSentAt, nextAt });
    else plan.send.push(c.reporterKey);
  }
  return plan;
}

/** A UTC timestamp as Vietnam's (UTC+7, no daylight saving) day "dd/mm/yyyy" and time "HH:mm". */
export function vietnamDateTime(timestamp: string): { date: string; time: string } {
  const local = new Date(Date.parse(timestamp) + 7 * 3_600_000).toISOString();
  return { date: `${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)}`, time: local.slice(11, 16) };
}
