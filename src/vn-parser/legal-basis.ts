// Legal basis: every numbered document the preamble cites, whatever verb introduces it.
//
// Recognised forms (one example each):
//   căn cứ                "Căn cứ Quyết định số 1696/QĐ-TTg ngày 02 tháng 10 năm 2015 của Thủ tướng Chính phủ phê duyệt …"
//   thực hiện             "Thực hiện Kế hoạch số 1415/KH-UBND ngày 25/5/2021 của Ủy ban nhân dân tỉnh Lai Châu về …"
//   several in one line   "Căn cứ Nghị quyết số 28/2021/NQ-CP … và Quyết định số 2351/QĐ-TTg …"
//   numbered law          "Căn cứ Luật Bình đẳng giới số 73/2006/QH11 ngày 29 tháng 11 năm 2006;"
//   proposal              "Theo đề nghị của Giám đốc Sở Lao động - Thương binh và Xã hội tại Tờ trình số 45/TTr-SLĐTBXH ngày 10/3/2022."
//   no "số"               "Thực hiện Công văn 346/UBND-KGVX ngày 26/01/2018 của UBND thành phố"
// Not cited: a law without a number ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015"),
// the document's own number ("Số: …") and the covering decision line ("Ban hành kèm theo Quyết định số …").

import type { Doc } from "./normalize";
import { dateNear, isoOf } from "./numbers";
import type { LegalBasis, Located } from "./types";

const TYPES: [string, string][] = [
  ["thông tư liên tịch", "Thông tư liên tịch"],
  ["bộ luật", "Bộ luật"],
  ["pháp lệnh", "Pháp lệnh"],
  ["nghị quyết", "Nghị quyết"],
  ["nghị định", "Nghị định"],
  ["quyết định", "Quyết định"],
  ["chỉ thị", "Chỉ thị"],
  ["thông tư", "Thông tư"],
  ["kế hoạch", "Kế hoạch"],
  ["công văn", "Công văn"],
  ["văn bản", "Văn bản"],
  ["hướng dẫn", "Hướng dẫn"],
  ["tờ trình", "Tờ trình"],
  ["thông báo", "Thông báo"],
  ["kết luận", "Kết luận"],
  ["chương trình", "Chương trình"],
  ["đề án", "Đề án"],
  ["báo cáo", "Báo cáo"],
  ["công điện", "Công điện"],
  ["quy định", "Quy định"],
  ["luật", "Luật"],
];

const CODE_TYPES: Record<string, string> = {
  QĐ: "Quyết định",
  NQ: "Nghị quyết",
  NĐ: "Nghị định",
  KH: "Kế hoạch",
  CT: "Chỉ thị",
  TT: "Thông tư",
  TTLT: "Thông tư liên tịch",
  TTr: "Tờ trình",
  HD: "Hướng dẫn",
  TB: "Thông báo",
  BC: "Báo cáo",
  KL: "Kết luận",
  CTr: "Chương trình",
  CĐ: "Công điện",
  QH: "Luật",
};

const ISSUER_CODES: Record<string, string> = { TTg: "Thủ tướng Chính phủ", CP: "Chính phủ" };

// A document number: digits, optional year, then a symbol with a capital letter ("28/2021/NQ-CP"),
// or the Party's form with the type code before the slash ("11-NQ/TW", "21-CT/TW").
const DOC_NO =
  /(?<![\p{L}\d/])(\d{1,6})(?:[ ]?\/[ ]?((?:\d{4}\/)?[\p{Lu}][\p{L}\d&]*(?:[-–][\p{L}\d&]+){0,4}|QH\d{2})|-(\p{Lu}{1,5}\/\p{Lu}[\p{L}\d]{0,8}))/gu;

function typeBefore(lowerWindow: string): string | null {
  let best: { at: number; label: string } | null = null;
  for (const [word, label] of TYPES) {
    const at = lowerWindow.lastIndexOf(word);
    if (at < 0) continue;
    const before = lowerWindow[at - 1] ?? " ";
    if (/\p{L}/u.test(before)) continue;
    if (!best || at > best.at) best = { at, label };
  }
  return best ? best.label : null;
}

function typeFromSymbol(symbol: string): string | null {
  const parts = symbol.replace(/^\d{4}\//, "").split(/[-–]/);
  for (const p of parts) if (CODE_TYPES[p]) return CODE_TYPES[p];
  if (/^QH\d/.test(parts[parts.length - 1] ?? "")) return "Luật";
  // "346/UBND-KGVX": an office symbol without a type code is an official letter.
  return parts.length >= 2 ? "Công văn" : null;
}

const ISSUER_STOP =
  /\s(?:và|,)\s(?=(?:các\s)?(?:luật|nghị|quyết|chỉ thị|thông tư|kế hoạch|công văn|văn bản|hướng dẫn|tờ trình|chương trình|đề án)(?!\p{L}))|\s\d+\s?\/|\s(?:về việc|về|v\/v|phê duyệt|ban hành|hướng dẫn|quy định|triển khai|thực hiện|tại|đã|trong|đối với|nhằm|với|kèm theo|sửa đổi|thành lập|giao|năm \d{4})(?![\p{L}])|[;:()"“”]|,\s(?=\p{Ll})|\.(?:\s|$)/u;

export function expandAbbreviations(s: string): string {
  return s
    .replace(/\bUBND\b/gu, "Ủy ban nhân dân")
    .replace(/\bHĐND\b/gu, "Hội đồng nhân dân")
    .replace(/\bTP\.\s*/gu, "thành phố ");
}

function issuerFrom(clean: string, lower: string): string | null {
  const m = /^\s*,?\s*(?:của|do)\s+/u.exec(lower);
  if (!m) return null;
  const rest = clean.slice(m[0].length, m[0].length + 160);
  const stop = ISSUER_STOP.exec(lower.slice(m[0].length, m[0].length + 160));
  const raw = (stop ? rest.slice(0, stop.index) : rest).replace(/\s+/g, " ").trim();
  if (!raw || raw.split(" ").length > 16) return null;
  return expandAbbreviations(raw);
}

export function readLegalBasis(
  doc: Doc,
  startLine: number,
  endLine: number,
  ownNumber: string | null,
): Located<LegalBasis>[] {
  const out: Located<LegalBasis>[] = [];
  const seen = new Set<string>();
  if (own(ownNumber)) seen.add(own(ownNumber));
  const lines = doc.lines.slice(startLine, endLine);
  for (const line of lines) {
    // The header number line and the covering-decision line are not citations.
    if (/^\s*(?:số\s{0,3}:|\(\s{0,3}(?:ban hành )?kèm theo|(?:ban hành )?kèm theo)/u.test(line.lower)) continue;
    for (const m of line.clean.matchAll(DOC_NO)) {
      const [whole, digits, officeSymbol, partySymbol] = m;
      const party = partySymbol !== undefined;
      const symbol = partySymbol ?? officeSymbol;
      if (digits === undefined || symbol === undefined) continue;
      const number = party ? `${digits}-${symbol}` : `${digits}/${symbol.replace(/–/g, "-")}`;
      const key = own(number);
      if (seen.has(key)) continue;
      const at = m.index;
      const lowerBefore = line.lower.slice(Math.max(0, at - 70), at);
      // "… ngày 15/11" is a date and "105 bé trai/100" is a rate: a real number is led by a type or "số".
      const typed = typeBefore(lowerBefore.slice(-45));
      if (!/số[ ]*:?[ ]*$/u.test(lowerBefore) && !typed) continue;
      seen.add(key);
      const absStart = line.start + at;
      let absEnd = absStart + whole.length;
      // Masked link targets leave long runs of spaces: skip them before looking for the date.
      let probe = absEnd;
      while (probe < doc.flat.length && probe - absEnd < 1200 && /\s/.test(doc.flat.charAt(probe))) probe++;
      const date = dateNear(doc.flat, probe, 12);
      const iso = date ? isoOf(date) : null;
      if (date) absEnd = date.end;
      const issuerAt = date ? absEnd : probe;
      let issuer = issuerFrom(doc.clean.slice(issuerAt, issuerAt + 200), doc.flat.slice(issuerAt, issuerAt + 200));
      if (!issuer) {
        // "Theo đề nghị của Giám đốc Sở … tại Tờ trình số …": the issuer comes before.
        const pre = /của\s+([^;:]{3,120}?)\s+tại\s+[\p{L} ]{0,20}$/u.exec(
          line.clean.slice(Math.max(0, at - 160), at),
        )?.[1];
        if (pre !== undefined) issuer = expandAbbreviations(pre.trim());
      }
      if (!issuer) {
        const code = party ? "" : (symbol.split(/[-–]/).pop() ?? "");
        issuer = ISSUER_CODES[code] ?? null;
      }
      out.push({
        value: {
          number,
          date: iso,
          type: typed ?? (party ? (CODE_TYPES[symbol.split("/")[0] ?? ""] ?? null) : typeFromSymbol(symbol)),
          issuer,
        },
        span: { start: absStart, end: absEnd },
      });
    }
  }
  return out;
}

function own(n: string | null): string {
  return (n ?? "").toUpperCase().replace(/\s+/g, "");
}
