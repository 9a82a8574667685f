// Sign-in throttling: after `maxFailures` failures inside `windowMs`, a key
// (an IP, a user name) waits until the oldest failure leaves the window.
// Pure: the caller keeps the map and passes the clock.

export interface ThrottleOptions {
  maxFailures: number;
  windowMs: number;
}

export type FailureLog = Map<string, number[]>;

function recent(log: FailureLog, key: string, now: number, windowMs: number): number[] {
  const kept = (log.get(key) ?? []).filter((t) => now - t < windowMs);
  if (kept.length === 0) log.delete(key);
  else log.set(key, kept);
  return kept;
}

/** Milliseconds to wait before the next attempt for any of the keys; 0 when allowed. */
export function retryAfterMs(log: FailureLog, keys: readonly string[], now: number, options: ThrottleOptions): number {
  let wait = 0;
  for (const key of keys) {
    const times = recent(log, key, now, options.windowMs);
    if (times.length >= options.maxFailures) {
      const oldest = times[times.length - options.maxFailures] as number;
      wait = Math.max(wait, options.windowMs - (now - oldest));
    }
  }
  return wait;
}

export function recordFailure(log: FailureLog, keys: readonly string[], now: number): void {
  for (const key of keys) log.set(key, [...(log.get(key) ?? []), now]);
}

export function clearFailures(log: FailureLog, keys: readonly string[]): void {
  for (const key of keys) log.delete(key);
}
