import type { Db } from "../db/client";
import { sendDueReminders } from "../services/reminder.service";

// The hourly sweep that sends the system's own deadline reminders (see `sendDueReminders`).
// A timer in the server process, not a job queue: the sweep is idempotent (the 24-hour
// throttle and the per-round lock make a second run, or a second server, send nothing twice),
// and on PGlite a queue's polling would share the one connection with every request.

export const SWEEP_EVERY_MS = 3_600_000;
export const FIRST_AFTER_MS = 60_000;

/**
 * Starts the sweep (first run a minute after start, then hourly; a run still going when the next is due
 * is not doubled); returns the function that stops it. `send` is the sweep itself (tests pass their own).
 */
export function startReminderSweep(
  db: Db,
  log: (message: string) => void,
  send: (db: Db) => Promise<{ rounds: number; sent: number }> = sendDueReminders,
): () => void {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const result = await send(db);
      if (result.sent > 0) log(`Nhắc tự động: ${result.sent} nơi chưa gửi báo cáo, ${result.rounds} kỳ báo cáo`);
    } catch (error) {
      log(`Nhắc tự động thất bại / automatic reminders failed: ${error instanceof Error ? error.message : error}`);
    } finally {
      running = false;
    }
  };
  const first = setTimeout(run, FIRST_AFTER_MS);
  const every = setInterval(run, SWEEP_EVERY_MS);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
