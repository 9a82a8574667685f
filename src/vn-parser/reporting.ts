// Report deadlines (chế độ báo cáo).
//
// Recognised forms (one example each):
//   spelled-out, parenthesised  "… gửi về Sở Lao động - Thương binh và Xã hội (Báo cáo 06 tháng gửi trước ngày 10 tháng 6 năm 2024 và Báo cáo năm gửi trước ngày 10 tháng 12 năm 2024)"
//   dd/mm, "sơ kết"/"tổng kết"  "gửi Báo cáo sơ kết 6 tháng về UBND huyện (qua Phòng …) trước ngày 05/6; Báo cáo tổng kết trước ngày 15/12 hàng năm"
//   one verb, two dates         "định kỳ 6 tháng và hằng năm báo cáo kết quả về Sở Lao động … trước ngày 15/6 và 15/12"
//   "chậm nhất"                 "Báo cáo năm gửi chậm nhất ngày 20 tháng 11"
//   quarterly                   "Báo cáo quý I gửi trước ngày 20/3"
//   parenthesised date          "báo cáo 6 tháng (trước ngày 15/6) và báo cáo năm (trước ngày 15/12)"

import { expandAbbreviations } from "./legal-basis";
import type { Doc } from "./normalize";
import { toMonthDay } from "./numbers";
import type { Located, Reporting, ReportKind } from "./types";

const DEADLINE =
  /(?:trước|chậm nhất(?: (?:là|vào))?|không muộn hơn|hạn chót(?: là)?) {1,3}(?:ngày {1,3})?(\d{1,2}) {0,2}(?:\/|-|\.| tháng ) {0,2}(\d{1,2})(?: {0,2}(?:\/|-|\.| năm ) {0,2}(\d{4}))?(?!\d)/gu;
const MORE_DATE =
  /^ {0,3}(?:,|và|;) {0,3}(?:ngày {1,3})?(\d{1,2}) {0,2}(?:\/|-| tháng ) {0,2}(\d{1,2})(?: {0,2}(?:\/|-| năm ) {0,2}(\d{4}))?(?!\d)/u;

interface KindHit {
  kind: ReportKind;
  first: number;
  last: number;
}

const KIND_WORDS: [RegExp, ReportKind][] = [
  [/(?:06|6|sáu)\s+tháng|sơ kết|nửa năm|giữa năm|bán niên/gu, "semiannual"],
  [/(?<!\p{L})quý(?!\p{L})/gu, "quarterly"],
  [
    /báo cáo(?:\s+\p{L}+){0,2}\s+năm(?!\s+\d)|tổng kết|hằng năm|hàng năm|cả năm|(?<!đầu\s)(?<!\p{L})năm(?!\p{L})(?!\s+\d)/gu,
    "annual",
  ],
];

function kindsIn(s: string): KindHit[] {
  const hits: KindHit[] = [];
  for (const [re, kind] of KIND_WORDS) {
    let first = -1;
    let last = -1;
    for (const m of s.matchAll(re)) {
      if (first < 0) first = m.index ?? 0;
      last = m.index ?? 0;
    }
    if (first >= 0) hits.push({ kind, first, last });
  }
  return hits;
}

function kindByMonth(month: number): ReportKind {
  if (month >= 5 && month <= 7) return "semiannual";
  return "annual";
}

const TO_RE =
  /(?:gửi|báo cáo|về|lên|cho)\s+(?:về\s+)?((?:ủy ban nhân dân|ubnd|sở|phòng|ban|bộ|văn phòng|cơ quan thường trực)(?:\s+[^\s,;().]+){0,10})/gu;

function recipient(doc: Doc, start: number, end: number): string | null {
  const lower = doc.flat.slice(start, end);
  let last: { at: number; len: number } | null = null;
  for (const m of lower.matchAll(TO_RE)) {
    const name = m[1];
    if (name !== undefined) last = { at: (m.index ?? 0) + m[0].length - name.length, len: name.length };
  }
  if (!last) return null;
  let raw = doc.clean.slice(start + last.at, start + last.at + last.len);
  const cut = raw.toLowerCase().search(/\s(?:trước|chậm nhất|để|qua|theo|định kỳ|trong|vào|gửi|báo cáo)(?!\p{L})/u);
  if (cut > 0) raw = raw.slice(0, cut);
  return expandAbbreviations(raw.replace(/\s+/g, " ").trim()) || null;
}

function sentenceBounds(lower: string, at: number): [number, number] {
  // Bounded both ways so that a huge single-line input stays linear.
  let s = at;
  const floor = Math.max(0, at - 600);
  const ceil = Math.min(lower.length, at + 600);
  while (
    s > floor &&
    lower[s - 1] !== "\n" &&
    !(lower[s - 1] === " " && lower[s - 2] === "." && !/\d/.test(lower[s - 3] ?? ""))
  )
    s--;
  let e = at;
  while (
    e < ceil &&
    lower[e] !== "\n" &&
    !(lower[e] === "." && (lower[e + 1] === " " || lower[e + 1] === "\n" || lower[e + 1] === undefined))
  )
    e++;
  return [s, e];
}

/** Reads deadlines from text lines [startLine, endLine). */
export function readReporting(doc: Doc, startLine: number, endLine: number): Located<Reporting>[] {
  const out: Located<Reporting>[] = [];
  const seen = new Set<string>();
  const from = doc.lines[Math.min(startLine, doc.lines.length - 1)]?.start ?? 0;
  const to = doc.lines[Math.max(0, Math.min(endLine, doc.lines.length) - 1)]?.end ?? 0;
  const lower = doc.flat;
  DEADLINE.lastIndex = from;
  let windowStart = -1;
  let prevSentence = -1;
  for (let m = DEADLINE.exec(lower); m && m.index < to; m = DEADLINE.exec(lower)) {
    const [ss, se] = sentenceBounds(lower, m.index);
    if (!/báo cáo/u.test(lower.slice(ss, se)) && !/báo cáo/u.test(lower.slice(Math.max(from, ss - 300), ss))) continue;
    if (ss !== prevSentence) windowStart = ss;
    prevSentence = ss;
    const dates: { day: number; month: number; year: number | null; start: number; end: number }[] = [
      {
        day: Number(m[1]),
        month: Number(m[2]),
        year: m[3] ? Number(m[3]) : null,
        start: m.index,
        end: m.index + m[0].length,
      },
    ];
    let tail = m.index + m[0].length;
    for (
      let more = MORE_DATE.exec(lower.slice(tail, tail + 40));
      more;
      more = MORE_DATE.exec(lower.slice(tail, tail + 40))
    ) {
      dates.push({
        day: Number(more[1]),
        month: Number(more[2]),
        year: more[3] ? Number(more[3]) : null,
        start: tail,
        end: tail + more[0].length,
      });
      tail += more[0].length;
    }
    DEADLINE.lastIndex = tail;
    // Kind words sit between the previous deadline (or the sentence start) and this one; a word
    // right after the date ("trước ngày 15/12 hằng năm") does not name the kind.
    const window = lower.slice(windowStart, m.index);
    const hits = kindsIn(window);
    const inOrder = [...hits].sort((a, b) => a.first - b.first).map((h) => h.kind);
    const nearest = [...hits].sort((a, b) => b.last - a.last).map((h) => h.kind);
    // The addressee named before the date wins over "… để tổng hợp, báo cáo X" after it.
    const toName =
      recipient(doc, ss, m.index) ?? recipient(doc, ss, se) ?? recipient(doc, Math.max(from, ss - 400), ss);
    // "trước ngày 20/12 (đối với báo cáo năm)": a parenthesis right after the date names the kind.
    const paren = /^[ ,]{0,3}\(([^)]{0,60})\)/u.exec(lower.slice(tail, tail + 70));
    const parenText = paren?.[1];
    const parenKinds =
      parenText !== undefined
        ? kindsIn(parenText)
            .sort((a, b) => b.last - a.last)
            .map((h) => h.kind)
        : [];
    dates.forEach((d, k) => {
      const due = toMonthDay(d.day, d.month);
      if (!due) return;
      const byMonth = kindByMonth(d.month);
      let kind: ReportKind | undefined;
      if (dates.length === 1 && parenKinds.length) kind = parenKinds[0];
      else if (dates.length > 1 && inOrder.length === dates.length) kind = inOrder[k];
      else if (dates.length === 1 && nearest.length) kind = nearest[0];
      else if (nearest.length) kind = nearest.includes(byMonth) ? byMonth : nearest[0];
      kind ??= byMonth;
      const key = `${kind}|${due}`;
      if (seen.has(key)) return;
      seen.add(key);
      out.push({ value: { kind, due, year: d.year, to: toName }, span: { start: d.start, end: d.end } });
    });
    windowStart = paren ? tail + paren[0].length : tail;
  }
  return out;
}
