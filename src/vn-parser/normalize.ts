// Text normalisation shared by every rule.
//
// Recognised input forms (one example each):
//   printed/plain text         "Số: 262/KH-SLĐTBXH"
//   markdown scraped from web  "## **6. Sở Y tế**"   "| Số: 12/KH-UBND | Hà Nội, ngày 5 tháng 3 năm 2022 |"
//   escaped markdown           "1\. Sở Tư pháp"
//   italics / html entities    "(*qua Phòng Lao động*)"  "Cần&nbsp;Thơ"
//   decomposed Unicode (NFD)   "Ke\u0302\u0301 hoa\u0323ch" → "Kế hoạch"
//   old-style tone placement   "Uỷ ban", "hoà", "khoẻ" (matched as "Ủy ban", "hòa", "khỏe")
//
// The parser keeps three same-length views of the normalised text so that a
// regex offset in any view is a valid offset into the text the spans index:
//   text  – NFC text, line breaks unified (the span base)
//   clean – markup characters replaced by spaces (for extracting strings)
//   lower – clean, lower-cased, tone marks canonicalised (for matching rules)

export interface Line {
  index: number;
  start: number;
  end: number;
  /** Same-length slices of the three views. */
  text: string;
  clean: string;
  lower: string;
}

export interface Doc {
  text: string;
  clean: string;
  lower: string;
  /** lower with soft line wraps ("… phê\nduyệt …") turned into spaces: sentences read whole. */
  flat: string;
  lines: Line[];
  /** wraps[i]: line i runs on into line i + 1 (a hard-wrapped paragraph, as pdftotext prints). */
  wraps: boolean[];
}

const SPACE_LIKE = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\t\v]/g;
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;

/** NFC, unified line breaks, odd spaces made plain; this is the span base. */
export function normalizeText(input: string): string {
  return input
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .replace(/[\u2028\u2029\f]/g, "\n")
    .replace(INVISIBLE, "")
    .replace(SPACE_LIKE, " ");
}

const spaces = (n: number): string => " ".repeat(n);

/** Replaces markdown/html markup by spaces without changing any offset. */
export function maskMarkup(text: string): string {
  return (
    text
      .replace(/&(nbsp|amp|lt|gt|quot);/g, (m, name: string) =>
        name === "amp" ? `&${spaces(m.length - 1)}` : spaces(m.length),
      )
      .replace(/<br\s*\/?>/gi, (m) => spaces(m.length))
      // Links keep their text: "[Quyết định số 1696/QĐ-TTg](https://…)" → "Quyết định số 1696/QĐ-TTg".
      .replace(
        /!?\[([^\]\n]{0,400})\]\(([^)\s]{0,800})\)/g,
        (m, label: string) => ` ${label}${spaces(m.length - label.length - 1)}`,
      )
      .replace(/https?:\/\/[^\s)|]{1,800}/g, (m) => spaces(m.length))
      .replace(/\\([.\-+*_#()[\]!])/g, "$1 ")
      .replace(/^([ ]*)\*(?=[ ])/gm, "$1-")
      .replace(/\*+/g, (m) => spaces(m.length))
      .replace(/__+/g, (m) => (m.length >= 3 ? m : spaces(m.length)))
      .replace(/^([ ]*)(#{1,6}|>+)(?=[ ]|$)/gm, (_m, lead: string, marks: string) => lead + spaces(marks.length))
      .replace(/\|/g, " ")
  );
}

const TONES: Record<string, string[]> = {
  a: ["à", "á", "ả", "ã", "ạ"],
  e: ["è", "é", "ẻ", "ẽ", "ẹ"],
  o: ["ò", "ó", "ỏ", "õ", "ọ"],
  u: ["ù", "ú", "ủ", "ũ", "ụ"],
  y: ["ỳ", "ý", "ỷ", "ỹ", "ỵ"],
};

function toneOf(ch: string, base: string): number {
  return TONES[base]?.indexOf(ch) ?? -1;
}

/** "hoà"→"hòa", "khoẻ"→"khỏe", "uỷ"→"ủy" (word-final only, never after q). */
export function canonicalizeTones(lower: string): string {
  return lower.replace(/(?<!q)(o[àáảãạèéẻẽẹ]|u[ỳýỷỹỵ])(?!\p{L})/gu, (m: string) => {
    const first = m.charAt(0);
    const second = m.charAt(1);
    const base2 = first === "u" ? "y" : toneOf(second, "a") >= 0 ? "a" : "e";
    const toned = TONES[first]?.[toneOf(second, base2)];
    return toned === undefined ? m : toned + base2;
  });
}

/** Lower-cases char by char so the length can never change. */
function lowerSameLength(s: string): string {
  const lowered = s.toLowerCase();
  if (lowered.length === s.length) return lowered;
  let out = "";
  for (const ch of s) {
    const l = ch.toLowerCase();
    out += l.length === ch.length ? l : ch;
  }
  return out;
}

/** Builds the three views and the line table. Input must already be normalised. */
export function buildDoc(text: string): Doc {
  const clean = maskMarkup(text);
  const safeClean = clean.length === text.length ? clean : text;
  const lowerRaw = canonicalizeTones(lowerSameLength(safeClean));
  const lower = lowerRaw.length === text.length ? lowerRaw : lowerSameLength(safeClean);
  const lines: Line[] = [];
  let start = 0;
  let index = 0;
  while (start <= text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    lines.push({
      index,
      start,
      end,
      text: text.slice(start, end),
      clean: safeClean.slice(start, end),
      lower: lower.slice(start, end),
    });
    index++;
    start = end + 1;
  }
  const wraps = findSoftWraps(lines);
  let flat = lower;
  if (wraps.some(Boolean)) {
    const chars = lower.split("");
    lines.forEach((line, i) => {
      if (wraps[i] && line.end < chars.length) chars[line.end] = " ";
    });
    flat = chars.join("");
  }
  return { text, clean: safeClean, lower, flat, lines, wraps };
}

// A long line that ends mid-sentence, followed by a line with no list marker, is one
// paragraph wrapped by the printer. Headings (short or in capitals) never wrap on.
function findSoftWraps(lines: Line[]): boolean[] {
  return lines.map((line, i) => {
    const next = lines[i + 1];
    if (!next) return false;
    const cur = line.clean.trim();
    const nxt = next.clean.trim();
    if (cur.length < 50 || !nxt || /[.;:!?]$/u.test(cur)) return false;
    if (markerLength(next.clean) > 0 || /^(?:chỉ tiêu|mục tiêu)\s*\d*\s*[:.]/u.test(next.lower.trim())) return false;
    if (isUpperText(cur) || isUpperText(nxt) || /^\s*(?:\*\*|#)/u.test(next.text)) return false;
    return true;
  });
}

/** Lines [from, to) with soft-wrapped runs merged into one logical line. */
export function logicalLines(doc: Doc, from: number, to: number): Line[] {
  const out: Line[] = [];
  for (let i = from; i < to; i++) {
    const first = doc.lines[i];
    if (!first) continue;
    let j = i;
    while (j + 1 < to && doc.wraps[j]) j++;
    if (j === i) out.push(first);
    else {
      const end = doc.lines[j]?.end ?? first.end;
      out.push({
        index: first.index,
        start: first.start,
        end,
        text: doc.text.slice(first.start, end),
        clean: doc.clean.slice(first.start, end),
        lower: doc.flat.slice(first.start, end),
      });
    }
    i = j;
  }
  return out;
}

/** Collapses whitespace and trims: how extracted strings are reported. */
export function collapse(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

/** Collapsed text of a span of the clean view. */
export function cleanSlice(doc: Doc, start: number, end: number): string {
  return collapse(doc.clean.slice(start, end));
}

/** Offset of the first and last non-space char of a line's clean view. */
export function trimmedRange(line: Line): { start: number; end: number } {
  const lead = line.clean.length - line.clean.trimStart().length;
  const trail = line.clean.length - line.clean.trimEnd().length;
  return { start: line.start + lead, end: Math.max(line.start + lead, line.end - trail) };
}

export function isBlank(line: Line): boolean {
  return line.clean.trim() === "";
}

const LIST_MARKER =
  /^\s*(?:(?:[-–—+•·∙●○◦▪■►❖✓]|\d{1,2}(?:\.\d{1,2})*\s*[.)]|\(?[a-zđ]\)|\(\d{1,2}\)|[IVX]{1,5}\s*[.)])\s*)+/u;

/** Length of the leading list marker ("- ", "a) ", "3.2. ", "II. "), 0 if none. */
export function markerLength(clean: string): number {
  const m = LIST_MARKER.exec(clean);
  if (!m) return 0;
  // "1.4 lần" or "3.000 người" is a number, not a marker.
  if (/^\s*\d+\.\d{3}/.test(clean)) return 0;
  return m[0].length;
}

/** Text of a line after its list marker, collapsed. */
export function lineBody(line: Line): string {
  return collapse(line.clean.slice(markerLength(line.clean)));
}

/** True when a line is written in capitals (ignoring digits and punctuation). */
export function isUpperText(s: string): boolean {
  const letters = s.replace(/[^\p{L}]/gu, "");
  if (letters.length < 2) return false;
  return letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/** Roman numeral headings that open the plan's main sections ("I. MỤC TIÊU", "Phần II"). */
export function isRomanHeading(line: Line): boolean {
  const s = line.clean.trim();
  if (/^(?:phần\s+(?:thứ\s+)?)?[IVX]{1,5}\s*[.)/:\-–]\s*\S/iu.test(s) && /^(?:phần\s+)?[IVX]/u.test(s)) return true;
  return /^[A-E]\.\s+\p{Lu}{2,}/u.test(s) && isUpperText(s);
}

/** Sentence boundaries: ". X", "; " and line ends. */
export function isSentenceBreak(lower: string, i: number): boolean {
  const ch = lower[i];
  if (ch === "\n" || ch === ";") return true;
  if (ch === "." || ch === "!" || ch === "?") {
    const next = lower[i + 1];
    return next === undefined || next === " " || next === "\n";
  }
  return false;
}
