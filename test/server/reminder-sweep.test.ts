import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "../../src/server/db/client";
import { FIRST_AFTER_MS, SWEEP_EVERY_MS, startReminderSweep } from "../../src/server/jobs/reminder-sweep";

// The hourly sweep's timing: first a minute after start, then every hour; never two at once; it logs
// what it sent (in Vietnamese) and a failure without stopping; stopping it stops it.

const db = {} as Db;

describe("the reminder sweep", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("runs a minute after start, then hourly, and logs what it sent", async () => {
    const send = vi.fn(async () => ({ rounds: 2, sent: 5 }));
    const lines: string[] = [];
    const stop = startReminderSweep(db, (m) => lines.push(m), send);
    await vi.advanceTimersByTimeAsync(FIRST_AFTER_MS - 1);
    expect(send).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(send).toHaveBeenCalledTimes(1);
    expect(lines).toEqual(["Nhắc tự động: 5 nơi chưa gửi báo cáo, 2 kỳ báo cáo"]);
    await vi.advanceTimersByTimeAsync(SWEEP_EVERY_MS);
    expect(send).toHaveBeenCalledTimes(2);
    stop();
    await vi.advanceTimersByTimeAsync(3 * SWEEP_EVERY_MS);
    expect(send).toHaveBeenCalledTimes(2);
  });

  it("does not start a run while one is still going, and survives a failure", async () => {
    let finish: (v: { rounds: number; sent: number }) => void = () => {};
    const send = vi
      .fn<(db: Db) => Promise<{ rounds: number; sent: number }>>()
      .mockImplementationOnce(() => new Promise((resolve) => (finish = resolve)))
      .mockImplementationOnce(async () => {
        throw new Error("mất kết nối");
      })
      .mockImplementation(async () => ({ rounds: 0, sent: 0 }));
    const lines: string[] = [];
    const stop = startReminderSweep(db, (m) => lines.push(m), send);
    await vi.advanceTimersByTimeAsync(SWEEP_EVERY_MS); // the first run hangs past the hourly tick
    expect(send).toHaveBeenCalledTimes(1);
    finish({ rounds: 0, sent: 0 });
    await vi.advanceTimersByTimeAsync(SWEEP_EVERY_MS);
    expect(send).toHaveBeenCalledTimes(2);
    expect(lines).toEqual(["Nhắc tự động thất bại / automatic reminders failed: mất kết nối"]);
    await vi.advanceTimersByTimeAsync(SWEEP_EVERY_MS);
    expect(send).toHaveBeenCalledTimes(3);
    expect(lines).toHaveLength(1); // nothing sent, nothing said
    stop();
  });
});
