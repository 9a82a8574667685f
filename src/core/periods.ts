// Reporting periods are domain values ("2024", "2024S1", "2024Q3", "2024C"),
// never Date. Data windows follow NĐ 09/2019/NĐ-CP, Điều 12 (thời gian chốt số
// liệu): the 6-month report covers 15/12 of the previous year to 14/6, the
// annual report 15/12 of the previous year to 14/12, a quarterly report the 15th
// of the month before the quarter to the 14th of its last month. Survey-based
// statistics use calendar years ("2024C", 1/1–31/12). Dates are ISO strings and
// all arithmetic is on day numbers, so there is no time zone anywhere.
import type { IsoDate } from "./units";

export const PERIOD_KINDS = ["annual", "semiannual", "quarterly", "calendar"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface Period {
  kind: PeriodKind;
  year: number;
  /** 1–4 for a quarter, 1 for the 6-month report; 0 for annual and calendar. */
  index: number;
}

/** A parsed period or its id; an invalid id is a programming error (parse user input first). */
export type PeriodLike = Period | string;

export interface DateWindow {
  from: IsoDate;
  to: IsoDate;
}

const ROMAN = ["I", "II", "III", "IV"] as const;
const PERIOD_RE = /^(\d{4})(?:(S)([1])|(Q)([1-4])|(C))?$/;

/** Parses "2024", "2024S1", "2024Q3", "2024C"; null for anything else (years 1900–2999). */
export function parsePeriod(id: string): Period | null {
  const match = PERIOD_RE.exec(id.trim().toUpperCase());
  if (!match) return null;
  const year = Number(match[1]);
  if (year < 1900 || year > 2999) return null;
  if (match[2]) return { kind: "semiannual", year, index: 1 };
  if (match[4]) return { kind: "quarterly", year, index: Number(match[5]) };
  if (match[6]) return { kind: "calendar", year, index: 0 };
  return { kind: "annual", year, index: 0 };
}

export function toPeriod(period: PeriodLike): Period {
  if (typeof period !== "string") return period;
  const parsed = parsePeriod(period);
  if (!parsed) throw new RangeError(`Not a period id: ${JSON.stringify(period)}`);
  return parsed;
}

export function formatPeriodId(period: PeriodLike): string {
  const p = toPeriod(period);
  switch (p.kind) {
    case "annual":
      return String(p.year);
    case "semiannual":
      return `${p.year}S${p.index}`;
    case "quarterly":
      return `${p.year}Q${p.index}`;
    case "calendar":
      return `${p.year}C`;
  }
}

/** "Năm 2024", "6 tháng đầu năm 2024", "Quý III/2024", "Năm 2024 (năm dương lịch)". */
export function periodLabel(period: PeriodLike, lang: "vi" | "en" = "vi"): string {
  const p = toPeriod(period);
  const en = lang === "en";
  switch (p.kind) {
    case "annual":
      return en ? `Year ${p.year}` : `Năm ${p.year}`;
    case "semiannual":
      return en ? `First half of ${p.year}` : `6 tháng đầu năm ${p.year}`;
    case "quarterly":
      return en ? `Q${p.index} ${p.year}` : `Quý ${ROMAN[p.index - 1]}/${p.year}`;
    case "calendar":
      return en ? `Calendar year ${p.year}` : `Năm ${p.year} (năm dương lịch)`;
  }
}

export function periodYear(period: PeriodLike): number {
  return toPeriod(period).year;
}

/** The NĐ 09/2019 data window, both ends inclusive. */
export function dataWindow(period: PeriodLike): DateWindow {
  const p = toPeriod(period);
  const y = p.year;
  switch (p.kind) {
    case "annual":
      return { from: isoOf(y - 1, 12, 15), to: isoOf(y, 12, 14) };
    case "semiannual":
      return { from: isoOf(y - 1, 12, 15), to: isoOf(y, 6, 14) };
    case "quarterly": {
      const lastMonth = p.index * 3;
      const before = lastMonth - 3; // the month before the quarter; 0 means December of y-1
      return { from: before === 0 ? isoOf(y - 1, 12, 15) : isoOf(y, before, 15), to: isoOf(y, lastMonth, 14) };
    }
    case "calendar":
      return { from: isoOf(y, 1, 1), to: isoOf(y, 12, 31) };
  }
}

/** The same period one step earlier: 2024Q1 → 2023Q4, 2024S1 → 2023S1, 2024 → 2023. */
export function previousPeriod(period: PeriodLike): string {
  const p = toPeriod(period);
  if (p.kind === "quarterly" && p.index > 1) return formatPeriodId({ ...p, index: p.index - 1 });
  if (p.kind === "quarterly") return formatPeriodId({ ...p, year: p.year - 1, index: 4 });
  return formatPeriodId({ ...p, year: p.year - 1 });
}

/** Period ids of one kind for every year from..to inclusive, in order. */
export function periodsBetween(fromYear: number, toYear: number, kind: PeriodKind): string[] {
  const out: string[] = [];
  for (let year = fromYear; year <= toYear; year++) {
    if (kind === "quarterly") for (let q = 1; q <= 4; q++) out.push(`${year}Q${q}`);
    else out.push(formatPeriodId({ kind, year, index: kind === "semiannual" ? 1 : 0 }));
  }
  return out;
}

/** The quarters inside a period (for "in every quarter" conditions): 2024 → 2024Q1..Q4, 2024S1 → Q1, Q2. */
export function quartersOf(period: PeriodLike): string[] {
  const p = toPeriod(period);
  if (p.kind === "quarterly") return [formatPeriodId(p)];
  const count = p.kind === "semiannual" ? 2 : 4;
  return Array.from({ length: count }, (_, i) => `${p.year}Q${i + 1}`);
}

/**
 * The deadline of a period from a plan's "MM-DD" (e.g. "12-10" for "trước 10/12"): the
 * occurrence of that day nearest to the end of the data window, so "01-15" after an
 * annual window means 15 January of the next year. 29 February falls back to the 28th
 * in a common year. Null when dueMMDD is not a day of the year.
 */
export function deadlineFor(period: PeriodLike, dueMMDD: string): IsoDate | null {
  const match = /^(\d{1,2})-(\d{1,2})$/.exec(dueMMDD.trim());
  if (!match) return null;
  const month = Number(match[1]);
  const day = Number(match[2]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(2000, month)) return null;
  const end = dayNumber(dataWindow(period).to);
  const year = periodYear(period);
  let best: IsoDate | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const y of [year - 1, year, year + 1]) {
    const candidate = isoOf(y, month, Math.min(day, daysInMonth(y, month)));
    const distance = Math.abs(dayNumber(candidate) - end);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Submitted on the deadline day is on time; the caller passes the day in Asia/Ho_Chi_Minh. */
export function isLate(submittedOn: IsoDate, deadline: IsoDate): boolean {
  return submittedOn.slice(0, 10) > deadline;
}

/**
 * NĐ 09/2019 leaves the reporter time after the window closes: a deadline is sound when
 * at least `minWorkingDays` (default 1) working days lie after the window's last day.
 */
export function leavesWorkingDaysAfterWindow(period: PeriodLike, deadline: IsoDate, minWorkingDays = 1): boolean {
  return deadline >= addWorkingDays(dataWindow(period).to, minWorkingDays);
}

export interface WorkingDayOptions {
  /** Public holidays (Tết, 30/4, 2/9 …) as ISO dates; the calendar is data, not code. */
  holidays?: ReadonlySet<IsoDate>;
}

export function isWorkingDay(iso: IsoDate, options: WorkingDayOptions = {}): boolean {
  const weekday = weekdayOf(iso);
  return weekday !== 0 && weekday !== 6 && !options.holidays?.has(iso);
}

/** Moves n working days forward (n < 0: backward); Saturday and Sunday are not working days. */
export function addWorkingDays(iso: IsoDate, n: number, options: WorkingDayOptions = {}): IsoDate {
  let day = dayNumber(iso);
  const step = n < 0 ? -1 : 1;
  let left = Math.abs(Math.trunc(n));
  while (left > 0) {
    day += step;
    if (isWorkingDay(fromDayNumber(day), options)) left--;
  }
  return fromDayNumber(day);
}

export function addDays(iso: IsoDate, n: number): IsoDate {
  return fromDayNumber(dayNumber(iso) + n);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(iso: IsoDate): number {
  return (((dayNumber(iso) + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(match[1]), month);
}

function isoOf(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Days since 1970-01-01 (proleptic Gregorian; H. Hinnant's days_from_civil). */
export function dayNumber(iso: IsoDate): number {
  const y0 = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromDayNumber(days: number): IsoDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return isoOf(yoe + era * 400 + (m <= 2 ? 1 : 0), m, d);
}
