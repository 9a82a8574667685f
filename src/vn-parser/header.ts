// Document header: kind, number, symbol, place, date, title and period.
//
// Recognised forms (one example each):
//   number                  "Số: 262/KH-SLĐTBXH"          blank number  "Số:      /KH-UBND"
//   number with year        "Số: 15/2021/QĐ-UBND"         dotted blank  "Số: ……/KH-UBND"
//   place and date          "Cần Thơ, ngày 28 tháng 01 năm 2019"
//   blank day               "Tam Đường, ngày    tháng 6 năm 2021"
//   scraped table header    "| Số: 12/KH-UBND | Hòa Bình, ngày 05 tháng 3 năm 2022 |"
//   date broken over lines  "Cần Thơ, ngày 28 tháng 01\nnăm 2019"
//   title after type word   "KẾ HOẠCH\nThực hiện Chiến lược …\nthành phố Cần Thơ năm 2024"
//   covering decision       "QUYẾT ĐỊNH … Về việc ban hành Kế hoạch …" then "KẾ HOẠCH …"
//   report                  "BÁO CÁO\nKết quả thực hiện …"  /  "Kính gửi: Sở Lao động …"
//   period                  "giai đoạn 2021-2025" → 2021, 2025;  "năm 2019" → 2019, 2019

import { collapse, type Doc, isBlank, isRomanHeading } from "./normalize";
import { findYearRange, isPlausibleYear, toIsoDate } from "./numbers";
import type { Sections } from "./sections";
import type { DocumentKind, Located, Span } from "./types";

export interface HeaderResult {
  kind: DocumentKind;
  number: Located<string> | null;
  symbol: Located<string> | null;
  place: Located<string> | null;
  date: Located<string> | null;
  title: Located<string> | null;
}

const NUMBER_RE =
  /(?:^|[^\p{L}])[Ss][Ốố][ ]{0,3}:?[ ]{0,12}(\d{1,6})?[ .…_]{0,40}\/[ ]{0,3}((?:\d{4}[ ]{0,2}\/[ ]{0,2})?[\p{Lu}][\p{L}\d&.]*(?:[ ]{0,2}[-–][ ]{0,2}[\p{Lu}\d][\p{L}\d&.]*){0,4})/u;

export function readNumber(doc: Doc, end: number): { number: Located<string> | null; symbol: Located<string> | null } {
  const region = doc.clean.slice(0, end);
  const lowerRegion = doc.lower.slice(0, end);
  // Match on the lower view for "Số"/"SỐ"/"số", read the symbol's capitals from the clean view.
  const probe = /(?:^|[^\p{L}])số[ ]{0,3}:?[ ]{0,12}[\d .…_]{0,46}\//gu;
  for (const m of lowerRegion.matchAll(probe)) {
    const found = NUMBER_RE.exec(region.slice(m.index, m.index + 120));
    if (!found) continue;
    const [whole, digits, symbolText] = found;
    if (symbolText === undefined) continue;
    const base = m.index + found.index;
    const symbolRaw = symbolText.replace(/\s+/g, "").replace(/–/g, "-").replace(/\.$/, "");
    const symbolOnly = symbolRaw.replace(/^\d{4}\//, "");
    const symStart = base + whole.indexOf(symbolText);
    const symbol: Located<string> = { value: symbolOnly, span: { start: symStart, end: symStart + symbolText.length } };
    if (!digits) return { number: null, symbol };
    const numStart = base + whole.indexOf(digits);
    return {
      number: { value: `${digits}/${symbolRaw}`, span: { start: numStart, end: symStart + symbolText.length } },
      symbol,
    };
  }
  return { number: null, symbol: null };
}

const PLACE_DATE =
  /,[ ]{0,3}ngày[ ]{0,3}(\d{1,2})?[ .…_]{0,16}(?:tháng[ ]{1,3}(\d{1,2})[ ]{1,3}năm[ ]{1,3}(\d{4})|[/.-][ ]?(\d{1,2})[ ]?[/.-][ ]?(\d{4})|(\d{1,2})[ ]?[/.-][ ]?(\d{4}))/u;

function placeBefore(doc: Doc, commaAt: number): Located<string> | null {
  // The place is the run of capitalised words right before ", ngày" on the same line/cell.
  let s = commaAt;
  while (s > 0 && doc.text[s - 1] !== "\n" && doc.text[s - 1] !== "|" && commaAt - s < 60) s--;
  const segment = doc.clean.slice(s, commaAt);
  const words = segment.split(/\s+/).filter(Boolean);
  const picked: string[] = [];
  for (let i = words.length - 1; i >= 0 && picked.length < 6; i--) {
    const w = words[i]!;
    if (!/^(?:\p{Lu}[\p{L}.]*|TP\.|Tp\.)$/u.test(w) && !(picked.length > 0 && /^(?:phố|tỉnh)$/u.test(w))) break;
    // "UBND TỈNH LAI CHÂU Tam Đường": the issuer in capitals is not part of the place.
    if (
      picked.length > 0 &&
      w.length > 1 &&
      w === w.toUpperCase() &&
      !/^TP\.$/u.test(w) &&
      picked.some((p) => p !== p.toUpperCase())
    )
      break;
    picked.unshift(w);
  }
  const [first] = picked;
  if (first === undefined) return null;
  const value = picked.join(" ");
  const start = doc.clean.lastIndexOf(first, commaAt);
  return { value, span: { start, end: commaAt } };
}

export function readPlaceDate(doc: Doc, end: number): { place: Located<string> | null; date: Located<string> | null } {
  // Flatten line breaks so a date split over two lines still matches; offsets stay valid.
  const region = doc.lower.slice(0, end).replace(/\n/g, " ");
  const m = PLACE_DATE.exec(region);
  if (!m) return { place: null, date: null };
  const day = m[1] !== undefined ? Number(m[1]) : null;
  let iso: string | null = null;
  if (m[2] !== undefined) iso = toIsoDate(day, Number(m[2]), Number(m[3]));
  else if (m[4] !== undefined) iso = day === null ? null : toIsoDate(day, Number(m[4]), Number(m[5]));
  else if (m[6] !== undefined) iso = toIsoDate(null, Number(m[6]), Number(m[7]));
  const span: Span = { start: m.index + Math.max(1, m[0].indexOf("ngày")), end: m.index + m[0].length };
  return { place: placeBefore(doc, m.index), date: iso ? { value: iso, span } : null };
}

const TITLE_STOP =
  /^(?:căn cứ|thực hiện .*số|theo đề nghị|kính gửi|\(?(?:ban hành )?kèm theo|phần|điều \d|[-_=*]{3,}|chương [ivx\d])/u;

export function readTitle(doc: Doc, sections: Sections): Located<string> | null {
  const main = sections.main;
  if (!main) return null;
  const parts: string[] = [];
  let start = -1;
  let end = -1;
  const headLine = doc.lines[main.line];
  if (main.restStart !== null && headLine) {
    parts.push(doc.clean.slice(main.restStart, headLine.end));
    start = main.restStart;
    end = headLine.end;
  }
  let blanks = 0;
  for (let i = main.line + 1; i < doc.lines.length && parts.length < 8; i++) {
    const line = doc.lines[i]!;
    if (isBlank(line)) {
      blanks++;
      if (parts.length === 0 && blanks <= 3) continue;
      if (parts.length > 0) {
        // After a blank line only a lower-case continuation still belongs to the title.
        const next = doc.lines.slice(i + 1, i + 3).find((l) => !isBlank(l));
        if (!next || !/^\s*\p{Ll}/u.test(next.clean)) break;
        continue;
      }
      break;
    }
    const body = line.clean.trim();
    const lower = line.lower.trim();
    if (TITLE_STOP.test(lower) || isRomanHeading(line) || /^\(/.test(body)) break;
    if (parts.length > 0 && /^\s*(?:\d|[-–+•])/.test(body)) break;
    if (start < 0) start = line.start + line.clean.indexOf(body);
    end = line.start + line.clean.indexOf(body) + body.length;
    parts.push(body);
  }
  if (!parts.length) return null;
  const value = collapse(parts.join(" "));
  return value ? { value, span: { start, end } } : null;
}

export function readKind(doc: Doc, sections: Sections, symbol: string | null): DocumentKind {
  const words = sections.headings.map((h) => h.word);
  if (words.includes("plan") || words.includes("programme")) return "plan";
  if (words.includes("report")) return "report";
  const top = doc.lower.slice(0, Math.min(doc.lower.length, 6000));
  if (/kính gửi\s*:/u.test(top)) return "report";
  if (words.includes("decision") && /ban hành kế hoạch|kế hoạch thực hiện/u.test(top)) return "plan";
  const code = (symbol ?? "").split("-")[0];
  if (code === "KH") return "plan";
  if (code === "BC") return "report";
  return "other";
}

/** Period from the title: a standalone "năm 2024" wins over "giai đoạn 2021-2030". */
export function readPeriod(
  title: string | null,
  goalsHeading: string | null,
  docYear: number | null,
): [number | null, number | null] {
  const t = (title ?? "").toLowerCase();
  const single = /(?<!đến |tới |tầm nhìn |nhìn đến )năm[ ]{1,3}((?:19|20)\d{2})(?![\d ]*[-–—][ ]*\d)/u.exec(t);
  const range = findYearRange(t);
  if (single && isPlausibleYear(Number(single[1]))) return [Number(single[1]), Number(single[1])];
  if (range) return range;
  const until = /(?:đến|tới)[ ]năm[ ]((?:19|20)\d{2})/u.exec(`${t} ${(goalsHeading ?? "").toLowerCase()}`);
  if (until) return [docYear, Number(until[1])];
  if (docYear !== null) return [docYear, docYear];
  return [null, null];
}
