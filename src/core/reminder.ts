// Deadline reminders (nhắc báo cáo): the level above reminds the reporters that have not sent
// their report yet. In-app only (there is no mail or SMS): a reminder is a row the reporter
// sees on its forms. At most one reminder per reporter per round every 24 hours, so a
// department is not nagged by every click. Pure: the service fetches the submissions and the
// last reminder of each and passes the clock.
import { addDays } from "./periods";
import { daysUntil, isOpenForm } from "./reporting";
import type { IsoDate } from "./units";

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

// --- Automatic reminders -----------------------------------------------------------------------

/**
 * Days relative to a round's deadline on which the system itself reminds every reporter not yet
 * in: three days before, on the day, the day after and a week after. The 24-hour throttle still
 * applies, so an officer's reminder the same day is not repeated.
 */
export const AUTO_REMINDER_OFFSETS = [-3, 0, 1, 7] as const;

/** Automatic reminders go out in office hours, Vietnam time (07:00–17:59). */
export const AUTO_REMINDER_HOURS = { from: 7, to: 17 } as const;

/** Vietnam's day and hour of a moment. */
function vietnamClock(now: Date): { day: IsoDate; hour: number } {
  const local = new Date(now.getTime() + 7 * 3_600_000);
  return { day: local.toISOString().slice(0, 10), hour: local.getUTCHours() };
}

/**
 * The deadlines whose rounds get an automatic reminder at `now`: none outside office hours,
 * else the deadlines `AUTO_REMINDER_OFFSETS` days away from today (Vietnam's day).
 */
export function autoReminderDeadlines(now: Date): IsoDate[] {
  const { day, hour } = vietnamClock(now);
  if (hour < AUTO_REMINDER_HOURS.from || hour > AUTO_REMINDER_HOURS.to) return [];
  return AUTO_REMINDER_OFFSETS.map((offset) => addDays(day, -offset));
}

/** The note of an automatic reminder, as the reporter reads it. */
export function autoReminderMessage(deadline: IsoDate, now: Date): string {
  const days = daysUntil(deadline, vietnamClock(now).day);
  const date = `${deadline.slice(8, 10)}/${deadline.slice(5, 7)}/${deadline.slice(0, 4)}`;
  if (days > 0) return `Nhắc tự động: còn ${days} ngày đến hạn gửi báo cáo (${date}).`;
  if (days === 0) return `Nhắc tự động: hôm nay (${date}) là hạn gửi báo cáo.`;
  return `Nhắc tự động: báo cáo đã quá hạn ${-days} ngày (hạn ${date}).`;
}
