// The signer block near the end: position lines in capitals, then the name.
//
// Recognised forms (one example each):
//   TM./KT. block            "TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH" / "" / "Vũ Xuân Thịnh"   → PHÓ CHỦ TỊCH
//   bold block, one group    "**PHÓ TRƯỞNG BAN THƯỜNG TRỰC" / "BAN VÌ SỰ TIẾN BỘ CỦA PHỤ NỮ THÀNH PHỐ" / "Trần Thị Xuân Mai**"
//   Q./TL./TUQ.              "Q. GIÁM ĐỐC" / "Nguyễn Văn An"                                              → GIÁM ĐỐC
//   "(Đã ký)" between        "CHỦ TỊCH" / "(Đã ký)" / "Lê Văn B"
//   name in capitals         "KT. GIÁM ĐỐC" / "PHÓ GIÁM ĐỐC" / "NGUYỄN THỊ HOA"
//   after "Nơi nhận" list    the block may come before or after the recipients list
//   one table cell (scraped) "| Nơi nhận: … | TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Văn A |"

import { startsWithAgency } from "./agencies";
import { type Doc, isBlank, isUpperText, type Line, markerLength } from "./normalize";
import type { Located, Signer } from "./types";

const POSITION_WORDS =
  /(?:CHỦ TỊCH|GIÁM ĐỐC|TRƯỞNG|PHÓ|BAN|ỦY BAN|UỶ BAN|BÍ THƯ|THƯỜNG TRỰC|CHÁNH|VỤ|CỤC|PHÒNG|HỘI|NHÂN DÂN|TỔNG|THỨ|BỘ|SỞ|VĂN PHÒNG|ĐẠI DIỆN|NGƯỜI|KÝ|CHI CỤC|TRUNG TÂM|THÀNH PHỐ|TỈNH|HUYỆN|XÃ)/u;
const SIGNED_NOTE =
  /^\(?\s*(?:đã ký|ký(?: tên)?(?:,| và)? (?:đóng dấu|ghi rõ họ tên)|đã ký và đóng dấu|chữ ký|\[?daky\]?|signed)\s*\)?\.?$/iu;
const NAME = /^(?:\p{Lu}[\p{Ll}]*\.?\s+){1,5}\p{Lu}[\p{Ll}]+$/u;

function cleanLine(line: Line): string {
  return line.clean.replace(/\s+/g, " ").trim();
}

// Common Vietnamese family names: a name far from the end must start with one of them.
const SURNAMES = new Set(
  "nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý đào đoàn vương trịnh trương lâm phùng mai tô tạ hà lưu quách cao chu thái châu triệu kiều lương tăng đinh lò lục nông hứa tống văn khổng diệp âu mạc thân quan giang la kim sầm tòng vi hầu ninh lạc đàm thạch chế từ nghiêm lã khúc cù bế giáp".split(
    " ",
  ),
);

function hasSurname(s: string): boolean {
  return SURNAMES.has((s.split(" ")[0] ?? "").toLowerCase());
}

function looksLikeName(s: string): boolean {
  if (s.length < 5 || s.length > 50 || /\d|:|;/.test(s) || startsWithAgency(s)) return false;
  if (NAME.test(s)) return true;
  // NAME IN CAPITALS: two to five words, none of them an office word.
  const words = s.split(" ");
  return (
    isUpperText(s) &&
    words.length >= 2 &&
    words.length <= 5 &&
    !POSITION_WORDS.test(s) &&
    !/^(?:TM|KT|Q|TL|TUQ)\./u.test(s)
  );
}

function titleCase(s: string): string {
  return s
    .toLowerCase()
    .split(" ")
    .map((w) => (w ? w.charAt(0).toUpperCase() + w.slice(1) : w))
    .join(" ");
}

function isPositionLine(s: string): boolean {
  return isUpperText(s) && s.length <= 120 && !/:$/.test(s) && markerLength(s) === 0;
}

export function readSigner(doc: Doc): Located<Signer> | null {
  const lines = doc.lines;
  // A covering decision signs before its annex: search well up, nearest to the end first.
  const floor = Math.max(0, lines.length - 1500);
  for (let i = lines.length - 1; i >= floor; i--) {
    const line = lines[i]!;
    const name = cleanLine(line);
    if (!looksLikeName(name) || (!hasSurname(name) && i < lines.length - 40)) continue;
    // Walk up over blanks and "(Đã ký)" to the position group.
    let j = i - 1;
    let above = lines[j];
    while (j >= floor && above && (isBlank(above) || SIGNED_NOTE.test(cleanLine(above)))) above = lines[--j];
    const group: Line[] = [];
    while (j >= floor && above && !isBlank(above) && isPositionLine(cleanLine(above))) {
      group.unshift(above);
      above = lines[--j];
    }
    const first = group[0];
    const last = group[group.length - 1];
    if (!first || !last) continue;
    // The position is what follows the last TM./KT./Q./TL./TUQ. line of the group.
    let k = group.length - 1;
    while (k > 0 && !/^(?:TM|KT|Q|TL|TUQ)\s*\./u.test(cleanLine(group[k - 1]!))) k--;
    const positionLines = group.slice(k).filter((l) => !/^(?:TM|KT|Q|TL|TUQ)\s*\./u.test(cleanLine(l)));
    // "Q. GIÁM ĐỐC" alone: the position is on the prefixed line itself.
    const position = positionLines.map(cleanLine).join(" ") || positionFrom(cleanLine(last));
    const value = NAME.test(name) ? name : titleCase(name);
    return { value: { name: value, position }, span: { start: first.start, end: line.end } };
  }
  return readInlineSigner(doc);
}

const POSITION_TAIL =
  /(?:PHÓ\s+)?(?:CHỦ TỊCH|GIÁM ĐỐC|TRƯỞNG BAN|TRƯỞNG PHÒNG|BÍ THƯ|CHÁNH VĂN PHÒNG|CHI CỤC TRƯỞNG|CỤC TRƯỞNG|BỘ TRƯỞNG|THỨ TRƯỞNG|TRƯỞNG)(?:\s+[\p{Lu}]+){0,8}$/u;

/** "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH" → "PHÓ CHỦ TỊCH" when the lines were run together. */
function positionFrom(s: string): string | null {
  const parts = s.split(/(?:^|\s)(?:TM|KT|Q|TL|TUQ)\s*\.\s*/u);
  const rest = (parts[parts.length - 1] ?? "").trim();
  const pho = rest.lastIndexOf("PHÓ ");
  if (pho >= 0) return rest.slice(pho);
  const tail = POSITION_TAIL.exec(rest);
  return tail ? tail[0] : rest || null;
}

const INLINE = /^(.*\p{Lu}{2,}.*?)\s+((?:\p{Lu}\p{Ll}*\s+){1,4}\p{Lu}\p{Ll}+)$/u;

function readInlineSigner(doc: Doc): Located<Signer> | null {
  const lines = doc.lines;
  for (let i = lines.length - 1; i >= Math.max(0, lines.length - 80); i--) {
    const line = lines[i]!;
    const cells = line.clean.split(/\s{3,}|\|/u).reverse();
    const rawCells =
      line.text.split("|").length > 1
        ? line.text
            .split("|")
            .reverse()
            .map((c) => c.replace(/\*+/g, " "))
        : cells;
    for (const cell of rawCells) {
      const text = cell
        .replace(/<br\s*\/?>/giu, " ")
        .replace(/\s+/g, " ")
        .trim();
      const [, prefix, name] = INLINE.exec(text) ?? [];
      if (prefix === undefined || name === undefined) continue;
      if (
        !hasSurname(name) ||
        !isUpperText(prefix) ||
        !/(?:TM|KT|Q|TL|TUQ)\s*\.|CHỦ TỊCH|GIÁM ĐỐC|TRƯỞNG/u.test(prefix)
      )
        continue;
      return { value: { name, position: positionFrom(prefix) }, span: { start: line.start, end: line.end } };
    }
  }
  return null;
}
