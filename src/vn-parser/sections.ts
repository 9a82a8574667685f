// Finds the big blocks of a plan: the document-type heading, the preamble,
// the specific-goals block and the implementation (tổ chức thực hiện) block.
//
// Recognised forms (one example each):
//   type heading, own line          "KẾ HOẠCH"  /  "**BÁO CÁO**"  /  "QUYẾT ĐỊNH"
//   type heading with title         "KẾ HOẠCH Thực hiện Chiến lược quốc gia về bình đẳng giới"
//   roman section                   "I. MỤC TIÊU"  /  "### **III. GIẢI PHÁP THỰC HIỆN**"  /  "Phần II"
//   goals heading                   "2. Mục tiêu cụ thể đến năm 2025"  /  "b) Chỉ tiêu cụ thể"
//   implementation heading          "VI. TỔ CHỨC THỰC HIỆN"  /  "IV. TRÁCH NHIỆM CỦA CÁC CƠ QUAN, ĐƠN VỊ"
//   closing                         "Trên đây là Kế hoạch …"  /  "Nơi nhận:"

import { type Doc, isBlank, isRomanHeading, isUpperText, type Line, lineBody, markerLength } from "./normalize";

export type TypeWord = "plan" | "report" | "decision" | "programme";

export interface TypeHeading {
  line: number;
  word: TypeWord;
  /** Offset in the line where title text starts when the title shares the line. */
  restStart: number | null;
}

export interface Sections {
  headings: TypeHeading[];
  /** The heading the title is read from (plan heading preferred). */
  main: TypeHeading | null;
  /** First line after the preamble (exclusive end of the preamble). */
  preambleEnd: number;
  goals: { start: number; end: number } | null;
  org: { start: number; end: number } | null;
  /** First line of the closing ("Trên đây là …", "Nơi nhận"), or lines.length. */
  closing: number;
}

const TYPE_WORDS: [RegExp, TypeWord][] = [
  [/^kế hoạch\b/u, "plan"],
  [/^báo cáo\b/u, "report"],
  [/^quyết định\b/u, "decision"],
  [/^chương trình\b/u, "programme"],
];

/** A document-type heading: the word in capitals, alone or followed by the title. */
export function readTypeHeading(line: Line): TypeHeading | null {
  const clean = line.clean.trim();
  if (clean.length < 6 || clean.length > 400) return null;
  const lower = clean.toLowerCase();
  for (const [re, word] of TYPE_WORDS) {
    const m = re.exec(lower);
    if (!m) continue;
    const head = clean.slice(0, m[0].length);
    if (!isUpperText(head)) return null;
    const rest = clean.slice(m[0].length).replace(/^[\s:]+/, "");
    if (rest === "") return { line: line.index, word, restStart: null };
    // "SỞ\nKẾ HOẠCH VÀ ĐẦU TƯ" is an agency name in the header, not the type heading.
    if (/^(?:VÀ|và|[-–,&])\s/u.test(rest)) return null;
    // "KẾ HOẠCH Thực hiện …" (title on the same line) – but not "BÁO CÁO KẾT QUẢ …" prose in capitals.
    if (!/^\p{Lu}\p{Ll}/u.test(rest) && !isUpperText(rest)) return null;
    if (word === "decision" && rest.startsWith(":")) return null;
    const offset = line.clean.indexOf(rest, line.clean.indexOf(head) + head.length);
    return { line: line.index, word, restStart: line.start + offset };
  }
  return null;
}

function isClosingLine(line: Line): boolean {
  const body = line.lower.trim().replace(/^[\s\-*#]+/, "");
  return /^(trên đây là|nơi nhận\s*:?)/u.test(body);
}

function isOrgHeading(line: Line): boolean {
  const body = lineBody(line).toLowerCase();
  if (body.length > 90) return false;
  const heading = isRomanHeading(line) || isUpperText(body) || /^\s*(?:#|\*\*)/.test(line.text);
  if (!heading) return false;
  return /tổ chức thực hiện|trách nhiệm (?:của )?các|trách nhiệm thực hiện|phân công (?:nhiệm vụ|trách nhiệm|thực hiện)|nhiệm vụ của các/u.test(
    body,
  );
}

const GOALS_HEADING =
  /^(?:các )?(?:mục tiêu|chỉ tiêu)(?:(?:,| và) (?:các )?chỉ tiêu)? (?:cụ thể|chủ yếu)|^(?:hệ thống )?(?:các )?chỉ tiêu(?: chủ yếu| cần đạt| phấn đấu)?\s*:?$/u;

function goalsStart(lines: Line[], from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const line = lines[i];
    if (!line) continue;
    const body = lineBody(line).toLowerCase().replace(/\s*:$/, "");
    if (body.length <= 80 && GOALS_HEADING.test(body)) return i;
  }
  // No heading: the first "Mục tiêu N" label opens the goals.
  for (let i = from; i < to; i++) {
    const line = lines[i];
    if (line && /^mục tiêu\s*(?:số\s*)?\d{1,2}\s*[:.)\-–]/u.test(lineBody(line).toLowerCase())) return i;
  }
  return -1;
}

/** The goals block ends at the next main section or at a sibling heading that is not about goals. */
function goalsEnd(lines: Line[], start: number, limit: number): number {
  const head = lines[start]?.clean.trimStart() ?? "";
  const style = markerStyle(head);
  for (let i = start + 1; i < limit; i++) {
    const line = lines[i];
    if (!line || isBlank(line)) continue;
    if (isRomanHeading(line) || isClosingLine(line)) return i;
    const body = lineBody(line).toLowerCase();
    if (/^(?:giải pháp|nhiệm vụ|đối tượng|phạm vi|kinh phí|tổ chức thực hiện)/u.test(body) && body.length < 120)
      return i;
    if (style !== null && markerStyle(line.clean.trimStart()) === style && !/mục tiêu|chỉ tiêu|\d\s*%/u.test(body))
      return i;
  }
  return limit;
}

/** "digit", "multi", "letter", "roman" or null: how a line is numbered. */
export function markerStyle(s: string): string | null {
  const t = s.trimStart();
  if (/^\d{1,2}\.\d{1,2}/.test(t)) return "multi";
  if (/^\d{1,2}\s*[.)]/.test(t)) return "digit";
  if (/^\(?[a-zđ]\)/u.test(t)) return "letter";
  if (/^[IVX]{1,5}\s*[.)]/.test(t)) return "roman";
  return null;
}

export function findSections(doc: Doc): Sections {
  const lines = doc.lines;
  const headings: TypeHeading[] = [];
  let closing = lines.length;
  for (const line of lines) {
    if (headings.length < 8) {
      const h = readTypeHeading(line);
      if (h) headings.push(h);
    }
  }
  const plan = headings.find((h) => h.word === "plan");
  const main = plan ?? headings.find((h) => h.word !== "decision") ?? headings[0] ?? null;
  const afterTitle = main ? main.line + 1 : 0;
  let preambleEnd = -1;
  for (let i = afterTitle; i < lines.length; i++) {
    if (isRomanHeading(lines[i]!)) {
      preambleEnd = i;
      break;
    }
  }
  if (preambleEnd < 0) {
    // No roman sections: the preamble ends at the first numbered item.
    for (let i = afterTitle; i < lines.length; i++) {
      const clean = lines[i]!.clean;
      if (markerStyle(clean) === "digit" && markerLength(clean) > 0) {
        preambleEnd = i;
        break;
      }
    }
  }
  if (preambleEnd < 0) preambleEnd = Math.min(lines.length, afterTitle + 30);
  // The closing of the plan itself: a covering decision has its own "Nơi nhận" before the annex.
  for (let i = preambleEnd; i < lines.length; i++) {
    if (isClosingLine(lines[i]!)) {
      closing = i;
      break;
    }
  }
  let orgStart = -1;
  for (let i = preambleEnd; i < closing; i++) {
    const line = lines[i];
    if (line && isOrgHeading(line)) {
      orgStart = i;
      break;
    }
  }
  const goalsFrom = preambleEnd;
  const goalsLimit = orgStart > goalsFrom ? orgStart : closing;
  const gs = goalsStart(lines, goalsFrom, goalsLimit);
  const goals = gs >= 0 ? { start: gs, end: goalsEnd(lines, gs, goalsLimit) } : null;
  const org = orgStart >= 0 ? { start: orgStart, end: closing } : goals ? { start: goals.end, end: closing } : null;
  return { headings, main, preambleEnd, goals, org, closing };
}
