// Display formats. Officials read dates as dd/mm/yyyy whatever the language;
// timestamps are stored in UTC and shown in Vietnam's time zone.

import { lastValidDay } from "../../core/units";

export type Locale = "vi" | "en";

export const TIME_ZONE = "Asia/Ho_Chi_Minh";

/** "2025-06-30" → "30/06/2025"; anything else is returned unchanged. */
export function formatDate(isoDate: string | null | undefined): string {
  if (!isoDate) return "";
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match) return isoDate;
  return `${match[3]}/${match[2]}/${match[1]}`;
}

const dateTimeParts = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/**
 * A UTC timestamp (ISO or PostgreSQL text) → its day "dd/mm/yyyy" and time "HH:mm" in Asia/Ho_Chi_Minh,
 * for sentences such as "lúc 14:05 ngày 10/06/2026"; null when it is not a timestamp.
 */
export function splitDateTime(timestamp: string): { date: string; time: string } | null {
  const normalised = timestamp.replace(" ", "T").replace(/\+00$/, "Z");
  const date = new Date(normalised);
  if (Number.isNaN(date.getTime())) return null;
  const parts = dateTimeParts.formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return { date: `${part("day")}/${part("month")}/${part("year")}`, time: `${part("hour")}:${part("minute")}` };
}

/** A UTC timestamp (ISO or PostgreSQL text) → "dd/mm/yyyy HH:mm" in Asia/Ho_Chi_Minh. */
export function formatDateTime(timestamp: string): string {
  const parts = splitDateTime(timestamp);
  return parts ? `${parts.date} ${parts.time}` : timestamp;
}

/** Vietnamese: 1.234,5 — English: 1,234.5. */
export function formatNumber(value: number, locale: Locale, maximumFractionDigits = 2): string {
  return new Intl.NumberFormat(locale === "vi" ? "vi-VN" : "en-US", { maximumFractionDigits }).format(value);
}

/** Today in Vietnam as yyyy-mm-dd (the tree changes at midnight Vietnam time, not UTC). */
export function todayInVietnam(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: TIME_ZONE,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
  return parts.slice(0, 10);
}

/** The last day a unit existed, for display: validTo is exclusive. */
export function formatLastValidDay(validTo: string | null): string {
  return formatDate(lastValidDay(validTo));
}

/** "dd/mm/yyyy" typed by a user → "yyyy-mm-dd", or null when it is not a real date. */
export function parseDisplayDate(text: string): string | null {
  const match = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text);
  if (!match) return null;
  const [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** "12-20" (MM-DD, a day of every year) → "20/12"; anything else is returned unchanged. */
export function formatDayMonth(monthDay: string): string {
  const match = /^(\d{2})-(\d{2})$/.exec(monthDay);
  return match ? `${match[2]}/${match[1]}` : monthDay;
}

/** "20/12" or "5/6" typed by a user → "12-20" / "06-05", or null when no year has that day (29/02 is allowed). */
export function parseDayMonth(text: string): string | null {
  const match = /^\s*(\d{1,2})\/(\d{1,2})\s*$/.exec(text);
  if (!match) return null;
  // 2024 is a leap year, so 29/02 reads as a day that exists.
  const iso = parseDisplayDate(`${match[1]}/${match[2]}/2024`);
  return iso ? iso.slice(5) : null;
}

export function isIsoDate(value: unknown): value is string {
  return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value);
}
