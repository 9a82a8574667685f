// Vietnamese numbers and dates.
//
// Recognised forms (one example each):
//   decimal comma                "còn 1,4 lần"                      → 1.4
//   thousands dots               "35/100.000 trẻ sinh sống"         → 35 per 100000
//   leading zero                 "ít nhất 04 tin, bài"              → 4
//   spelled-out date             "ngày 02 tháng 10 năm 2015"        → 2015-10-02
//   blank day                    "ngày   tháng 6 năm 2021"          → 2021-06
//   numeric date                 "ngày 25/5/2021", "02-10-2015"     → 2021-05-25
//   day and month only           "trước ngày 05/6", "15 tháng 12"   → 06-05, 12-15

/** Parses "1,4" → 1.4, "100.000" → 100000, "04" → 4, "1.5" → 1.5; null if not a number. */
export function parseVnNumber(raw: string): number | null {
  const s = raw.trim();
  if (!/^\d[\d.,]*$/.test(s)) return null;
  let n: number;
  if (/^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(s)) n = Number(s.replace(/\./g, "").replace(",", "."));
  else if (/^\d+,\d+$/.test(s)) n = Number(s.replace(",", "."));
  else if (/^\d+(?:\.\d+)?$/.test(s)) n = Number(s);
  else if (/^\d{1,3}(?:,\d{3})+$/.test(s)) n = Number(s.replace(/,/g, ""));
  else return null;
  return Number.isFinite(n) ? n : null;
}

const pad2 = (n: number): string => String(n).padStart(2, "0");

export function isValidDayMonth(day: number, month: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/** "MM-DD" or null. */
export function toMonthDay(day: number, month: number): string | null {
  return isValidDayMonth(day, month) ? `${pad2(month)}-${pad2(day)}` : null;
}

/** ISO date, "YYYY-MM" when the day is blank, null when invalid. */
export function toIsoDate(day: number | null, month: number, year: number): string | null {
  if (month < 1 || month > 12 || year < 1900 || year > 2199) return null;
  if (day === null) return `${year}-${pad2(month)}`;
  if (day < 1 || day > 31) return null;
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

export interface FoundDate {
  day: number | null;
  month: number;
  year: number | null;
  start: number;
  end: number;
}

// Matches in the lower view. Bounded quantifiers only: no backtracking blow-up.
const DATE_SPELLED = /(\d{1,2})?[ .…_]{0,12}tháng[ ]{1,3}(\d{1,2})(?:[ ,]{1,3}năm[ ]{1,3}(\d{4}))?/gu;
const DATE_NUMERIC = /(?<![\d/])(\d{1,2})[ ]?([/.-])[ ]?(\d{1,2})(?:\2(\d{4}))?(?![\d/])/gu;

/** All dates in a string, in order; spelled-out and numeric forms. */
export function findDates(lower: string): FoundDate[] {
  const out: FoundDate[] = [];
  for (const m of lower.matchAll(DATE_SPELLED)) {
    const day = m[1] !== undefined ? Number(m[1]) : null;
    const month = Number(m[2]);
    if (month < 1 || month > 12 || (day !== null && (day < 1 || day > 31))) continue;
    out.push({
      day,
      month,
      year: m[3] !== undefined ? Number(m[3]) : null,
      start: m.index,
      end: m.index + m[0].length,
    });
  }
  for (const m of lower.matchAll(DATE_NUMERIC)) {
    // "2,5" is never a date, and "1.4" without a year is a decimal, not 1 April.
    if (m[2] === "." && m[4] === undefined) continue;
    if (m[2] === "-" && m[4] === undefined) continue;
    const day = Number(m[1]);
    const month = Number(m[3]);
    if (!isValidDayMonth(day, month)) continue;
    // "35/100" and "105 bé trai/100" are rates, not dates.
    const start = m.index;
    if (out.some((d) => start < d.end && d.start < start + m[0].length)) continue;
    out.push({ day, month, year: m[4] !== undefined ? Number(m[4]) : null, start, end: start + m[0].length });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The first date that starts within `maxGap` characters of `from` (after optional "ngày"). */
export function dateNear(lower: string, from: number, maxGap: number): FoundDate | null {
  const window = lower.slice(from, from + maxGap + 40);
  for (const d of findDates(window)) {
    if (d.start > maxGap) break;
    return { ...d, start: d.start + from, end: d.end + from };
  }
  return null;
}

export function isoOf(d: FoundDate): string | null {
  return d.year === null ? null : toIsoDate(d.day, d.month, d.year);
}

/** Years in "giai đoạn 2021 - 2025", "2021–2030": [from, to] or null. */
export function findYearRange(s: string): [number, number] | null {
  const m = /(?<!\d)((?:19|20)\d{2})[ ]{0,3}[-–—][ ]{0,3}((?:19|20)\d{2})(?!\d)/u.exec(s);
  if (!m) return null;
  const a = Number(m[1]);
  const b = Number(m[2]);
  return a <= b ? [a, b] : null;
}

export function isPlausibleYear(n: number): boolean {
  return Number.isInteger(n) && n >= 1945 && n <= 2100;
}
