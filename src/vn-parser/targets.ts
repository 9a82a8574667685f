// Targets inside one indicator sentence: value, unit, comparator, year, baseline, subject.
//
// Recognised forms (one example each):
//   percent, "đạt"           "tỷ lệ lao động nữ làm công hưởng lương đạt 60% trở lên"       → >= 60 %
//   "tăng … lên"             "Tăng tỷ lệ lao động nữ làm công hưởng lương lên 50%"          → >= 50 %
//   "xuống dưới"             "giảm tỷ trọng lao động nữ … xuống dưới 26%"                    → <  26 %
//   "giảm còn", times        "giảm số giờ … của phụ nữ còn 1,4 lần so với nam giới"          → <= 1.4 times
//   "so với" without "lần"   "… của phụ nữ còn 1,7 so với nam giới"                          → <= 1.7 times
//   rate per 100             "tỷ số giới tính khi sinh ở mức 105 bé trai/100 bé gái"        → =  105 per100
//   rate per 100 000         "giảm còn dưới 35/100.000 trẻ sinh sống"                         → <  35 per100000
//   baseline                 "giảm từ 15 ca sinh/1.000 phụ nữ xuống 12/1.000 phụ nữ"        → <= 12 per1000, baseline 15
//   "trên", "khoảng trên"    "đạt khoảng trên 95%"                                            → >  95 %
//   "không dưới"             "đạt không dưới 55%"                                             → >= 55 %
//   count                    "mỗi quý có ít nhất 04 tin, bài"                                 → >= 4 count
//   several with subjects    "80% người bị bạo lực …; 50% người gây bạo lực …"                → two targets
//   year in text             "đạt trên 30% vào năm 2025", "từ năm 2025 trở đi"               → 2025

import { parseVnNumber } from "./numbers";
import type { Comparator, Target, TargetUnit } from "./types";

export interface FoundTarget {
  target: Target;
  /** Offsets relative to the indicator text. */
  start: number;
  end: number;
}

interface Token {
  value: number;
  unit: TargetUnit | null;
  start: number;
  numEnd: number;
  end: number;
}

const NUM = /(?<![\p{L}\d/.,])(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+\.\d{1,2}(?=\s*%)|\d+(?:,\d+)?)(?!\d|[.,]\d)/gu;
const RATE_DENOM: Record<string, TargetUnit> = { "100": "per100", "1000": "per1000", "100000": "per100000" };
const TIME_WORDS = /^(?:năm|tháng|ngày|tuổi|giờ|tuần|quý|lần\b|%)/u;
const COUNT_LEAD =
  /(?:ít nhất|tối thiểu|không dưới|không quá|tối đa|trên|dưới|khoảng|đạt|có|thêm|xây dựng|tổ chức|thành lập|từ|còn|xuống|lên)[ ]{1,3}$/u;

function classify(lower: string, m: RegExpMatchArray): Token | null {
  const raw = m[0];
  const start = m.index ?? 0;
  const numEnd = start + raw.length;
  const value = parseVnNumber(raw);
  if (value === null) return null;
  const after = lower.slice(numEnd, numEnd + 40);
  const before = lower.slice(Math.max(0, start - 20), start);
  if (/(?:năm|kỳ|đoạn|ngày|tháng|chỉ tiêu|mục tiêu|mục|điều|khoản|số)[ ]{1,3}$/u.test(before)) return null;
  if (/^\d{4}$/.test(raw) && value >= 1900 && value <= 2100) return null;
  const pct = /^[ ]{0,2}%/u.exec(after);
  if (pct) return { value, unit: "%", start, numEnd, end: numEnd + pct[0].length };
  const rate = /^(?:[ ]{1,2}\p{L}+){0,4}[ ]{0,2}\/[ ]{0,2}(\d{1,3}(?:\.\d{3})*|\d+)/u.exec(after);
  const denomText = rate?.[1];
  if (rate && denomText !== undefined) {
    const denom = parseVnNumber(denomText);
    const unit = denom !== null ? RATE_DENOM[String(denom)] : undefined;
    if (unit) return { value, unit, start, numEnd, end: numEnd + rate[0].length };
  }
  if (/^[ ]{1,2}lần(?!\p{L})/u.test(after))
    return { value, unit: "times", start, numEnd, end: numEnd + after.indexOf("lần") + 3 };
  if (/^[ ]{1,2}so với/u.test(after)) return { value, unit: "times", start, numEnd, end: numEnd };
  if (
    /^[ ]{1,2}\p{L}/u.test(after) &&
    !TIME_WORDS.test(after.trimStart()) &&
    COUNT_LEAD.test(before) &&
    Number.isInteger(value)
  ) {
    return { value, unit: "count", start, numEnd, end: numEnd };
  }
  return null;
}

// Comparator words. Short prepositions only count right before the number.
const NEAR: [RegExp, Comparator][] = [
  [/(?:không|chẳng) (?:dưới|thấp hơn|ít hơn)$/u, ">="],
  [/(?:không|chẳng) (?:quá|vượt quá|cao hơn|hơn)$/u, "<="],
  [/(?:ít nhất|tối thiểu)$/u, ">="],
  [/tối đa$/u, "<="],
  [/(?:trên|hơn|cao hơn|vượt)$/u, ">"],
  [/(?:dưới|thấp hơn|ít hơn)$/u, "<"],
  [/(?:khoảng|xấp xỉ|gần|chừng)$/u, "~"],
  [/(?:còn|xuống|giảm)$/u, "<="],
  [/(?:lên|tăng|đạt)$/u, ">="],
  [/(?:ở mức|bằng|mức)$/u, "="],
];
const FAR: [RegExp, Comparator][] = [
  [/không (?:dưới|thấp hơn)|ít nhất|tối thiểu/gu, ">="],
  [/không (?:quá|vượt quá)|tối đa/gu, "<="],
  [/giảm (?:xuống|còn)|giảm\b/gu, "<="],
  [/tăng(?: lên)?|đạt|phấn đấu|phần đầu|lên/gu, ">="],
  [/ở mức|duy trì(?! đạt)|giữ vững|giữ ổn định|bằng/gu, "="],
  [/khoảng/gu, "~"],
];

function comparatorFor(lower: string, from: number, tok: Token): Comparator {
  const after = lower.slice(tok.end, tok.end + 16);
  if (/^[ ]{0,3}trở lên/u.test(after)) return ">=";
  if (/^[ ]{0,3}trở xuống/u.test(after)) return "<=";
  const window = lower.slice(from, tok.start).replace(/\s+$/u, "");
  // Chains such as "đạt khoảng trên 95%" or "giảm còn dưới 35": the word nearest the number decides.
  for (const [re, cmp] of NEAR) if (re.test(window) && wordBoundaryBefore(window, re)) return cmp;
  let best: { end: number; cmp: Comparator } | null = null;
  for (const [re, cmp] of FAR) {
    for (const m of window.matchAll(re)) {
      const end = (m.index ?? 0) + m[0].length;
      if (/\p{L}/u.test(window[(m.index ?? 0) - 1] ?? " ") || /\p{L}/u.test(window[end] ?? " ")) continue;
      if (!best || end > best.end) best = { end, cmp };
    }
  }
  if (best) return best.cmp;
  return ">=";
}

function wordBoundaryBefore(window: string, re: RegExp): boolean {
  const m = re.exec(window);
  if (!m) return false;
  return !/\p{L}/u.test(window[m.index - 1] ?? " ");
}

// Clause scans are bounded so that one huge unpunctuated line stays linear.
const CLAUSE_SPAN = 400;
const MAX_TOKENS = 40;

function clauseStart(lower: string, at: number): number {
  for (let i = at - 1; i >= Math.max(0, at - CLAUSE_SPAN); i--) {
    const ch = lower[i];
    if (ch === ";" || ch === "\n") return i + 1;
    if (ch === "." && (lower[i + 1] === " " || lower[i + 1] === undefined) && !/\d/.test(lower[i - 1] ?? ""))
      return i + 1;
  }
  return Math.max(0, at - CLAUSE_SPAN);
}

function clauseEnd(lower: string, at: number): number {
  for (let i = at; i < Math.min(lower.length, at + CLAUSE_SPAN); i++) {
    const ch = lower[i];
    if (ch === ";" || ch === "\n") return i;
    if (ch === "." && (lower[i + 1] === " " || lower[i + 1] === undefined) && !/\d/.test(lower[i + 1] ?? "")) return i;
  }
  return Math.min(lower.length, at + CLAUSE_SPAN);
}

function yearIn(lower: string, from: number, to: number): number | null {
  const seg = lower.slice(from, to);
  const range = /(?:nhiệm kỳ|giai đoạn)[ ]{1,3}(?:19|20)\d{2}[ ]{0,3}[-–—][ ]{0,3}((?:19|20)\d{2})/u.exec(seg);
  if (range) return Number(range[1]);
  const m = /(?:năm|đến|tới|vào)[ ]{1,3}((?:19|20)\d{2})(?!\d)/u.exec(seg);
  return m ? Number(m[1]) : null;
}

/** The year after the value ("… lên 45% vào năm 2025") wins over one before it ("từ 38% năm 2020"). */
function targetYear(
  lower: string,
  clauseFrom: number,
  valueStart: number,
  valueEnd: number,
  clauseTo: number,
): number | null {
  return yearIn(lower, valueEnd, clauseTo) ?? yearIn(lower, clauseFrom, valueStart);
}

const SUBJECT_STOP =
  /\s(?:được(?! phát hiện)|có|tham gia|đạt|ở mức|mỗi|hằng|hàng|trong tổng số|trở lên|trở đi|so với|từ|vào năm|đến năm|về)(?!\p{L})|[;.:()]/u;

function subjectAfter(clean: string, lower: string, tok: Token, clauseTo: number): string | null {
  const seg = lower.slice(tok.end, clauseTo);
  const stop = SUBJECT_STOP.exec(seg);
  const raw = clean.slice(tok.end, tok.end + (stop ? stop.index : seg.length)).replace(/^[\s,]+|[\s,]+$/g, "");
  const words = raw.split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 40) return null;
  let subject = words.join(" ");
  if (tok.unit === "count") {
    const freq = /(?:mỗi|hằng|hàng) (?:quý|năm|tháng|tuần)/u.exec(lower.slice(clauseStart(lower, tok.start), clauseTo));
    if (freq) subject += ` ${freq[0]}`;
  }
  return subject;
}

const LEAD_WORDS =
  /^(?:(?:tiếp tục|phấn đấu|phần đầu|đến năm \d{4},?|có|duy trì|tăng|giảm|nâng|đạt|bảo đảm|đảm bảo)\s+)*(?:tỷ lệ|tỉ lệ|tỷ trọng|tỷ số|tỷ suất|số lượng|số)?\s*/u;

function subjectBefore(clean: string, lower: string, from: number, tok: Token): string | null {
  // "[Phấn đấu đạt] tỷ lệ SUBJECT [đạt|từ|trên …] N%": drop the lead-in, stop at the verb.
  const seg = lower.slice(from, tok.start);
  const leadSpace = seg.length - seg.trimStart().length;
  const lead = LEAD_WORDS.exec(seg.slice(leadSpace));
  const bodyFrom = leadSpace + (lead ? lead[0].length : 0);
  const verb =
    /\s(?:đạt|tăng|giảm|lên|xuống|còn|ở mức|duy trì|không dưới|ít nhất|tối thiểu|trên|dưới|khoảng|từ)(?!\p{L})/u.exec(
      seg.slice(bodyFrom),
    );
  const endRel = bodyFrom + (verb ? verb.index : seg.length - bodyFrom);
  let subject = clean.slice(from + bodyFrom, from + endRel).trim();
  const cut = subject.toLowerCase().search(/\s(?:trong tổng số|so với|trên tổng số|nhiệm kỳ|giai đoạn)(?!\p{L})/u);
  if (cut > 0) subject = subject.slice(0, cut);
  subject = subject.replace(/^[\s,.;:]+|[\s,.;:]+$/g, "");
  return subject && subject.split(/\s+/).length <= 24 ? subject : null;
}

const JUNK_EDGES =
  /^(?:(?:vào |đến |từ )?năm \d{4}|và|đạt|lên|khoảng|trên|dưới|,)(?:\s+|$)|(?:^|\s+)(?:(?:vào |đến )?năm \d{4}|và|đạt|lên)$/gu;

/** "trẻ em … hoàn thành giáo dục tiểu học" beside "hoàn thành cấp trung học cơ sở": keep the part that differs. */
function trimSharedHeads(subjects: (string | null)[]): (string | null)[] {
  return subjects.map((s, i) => {
    if (!s) return s;
    for (let j = 0; j < subjects.length; j++) {
      const other = subjects[j];
      if (j === i || !other) continue;
      const head = other.split(/\s+/).slice(0, 2).join(" ").toLowerCase();
      const at = s.toLowerCase().indexOf(` ${head} `);
      if (head.includes(" ") && at > 0) return s.slice(at + 1);
    }
    return s;
  });
}

// A number inside the subject ("khám thai từ 3 lần trở lên đạt trên 90%") qualifies who is
// counted; the target is the value after the verb.
const MAIN_VERB = /(?:đạt|tăng lên|giảm xuống|giảm còn|ở mức|lên|xuống|còn)(?!\p{L})/u;

function dropQualifiers(lower: string, tokens: Token[]): Token[] {
  return tokens.filter((t, i) => {
    const next = tokens[i + 1];
    if (!next || next.unit === t.unit || t.unit === "%") return true;
    const between = lower.slice(t.end, next.start);
    if (between.length > 80 || /[;.]/u.test(between)) return true;
    return !MAIN_VERB.test(between);
  });
}

/** Extracts targets from one indicator's text (clean and lower views of equal length). */
export function extractTargets(clean: string, lower: string, defaultYear: number | null): FoundTarget[] {
  const found: Token[] = [];
  for (const m of lower.matchAll(NUM)) {
    const t = classify(lower, m);
    if (t) found.push(t);
  }
  // A real indicator holds a handful of values; a runaway line is cut so it stays cheap.
  const tokens = dropQualifiers(lower, found.slice(0, MAX_TOKENS));
  const out: FoundTarget[] = [];
  const subjects: (string | null)[] = [];
  let prevEnd = 0;
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    const next = tokens[i + 1];
    const cs = clauseStart(lower, tok.start);
    const from = Math.max(cs, prevEnd);
    // "giảm từ 15 … xuống 12": the first number is the baseline of the second.
    if (next && /từ[ ]{1,2}$/u.test(lower.slice(Math.max(0, tok.start - 4), tok.start)) && next.unit === tok.unit) {
      const between = lower.slice(tok.end, next.start);
      if (between.length <= 48 && /(?:xuống|còn|lên|đến|tới)(?!\p{L})/u.test(between)) {
        const cmp = comparatorFor(lower, tok.end, next);
        const ce = clauseEnd(lower, next.end);
        out.push({
          target: {
            subject: null,
            comparator: cmp,
            value: next.value,
            unit: next.unit,
            year: targetYear(lower, cs, next.start, next.end, ce) ?? defaultYear,
            baseline: tok.value,
          },
          start: tok.start,
          end: next.end,
        });
        subjects.push(tokens.length <= 12 ? subjectBefore(clean, lower, from, tok) : null);
        prevEnd = next.end;
        i++;
        continue;
      }
    }
    const ce = clauseEnd(lower, tok.end);
    const comparator = comparatorFor(lower, from, tok);
    out.push({
      target: {
        subject: null,
        comparator,
        value: tok.value,
        unit: tok.unit,
        year: targetYear(lower, cs, tok.start, tok.end, ce) ?? defaultYear,
        baseline: null,
      },
      start: tok.start,
      end: tok.end,
    });
    subjects.push(
      tokens.length <= 12 ? (subjectAfter(clean, lower, tok, ce) ?? subjectBefore(clean, lower, from, tok)) : null,
    );
    prevEnd = tok.end;
  }
  // Subjects only help to tell a few targets apart; the pairwise trim is quadratic.
  if (out.length > 1 && out.length <= 12) {
    // "50% vào năm 2025 và 60% vào năm 2030": the second value shares the first one's subject.
    const tidy = subjects.map((s) => (s ? s.replace(JUNK_EDGES, "").replace(JUNK_EDGES, "").trim() || null : null));
    tidy.forEach((s, k) => {
      tidy[k] = s ?? tidy[k - 1] ?? null;
    });
    const trimmed = trimSharedHeads(tidy);
    out.forEach((t, k) => {
      t.target.subject = trimmed[k] ?? null;
    });
  }
  return out;
}
