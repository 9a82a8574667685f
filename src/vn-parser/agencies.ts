// Agency names as they open a responsibility item in "Tổ chức thực hiện".
//
// Recognised forms (one example each):
//   heading alone               "1. Phòng Lao động - Thương binh và Xã hội"
//   markdown + bold             "## **6. Sở Y tế**"
//   bold number only            "**15.** Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam thành phố và các tổ chức thành viên …"
//   name then colon             "9. Chi cục Thống kê huyện: Chịu trách nhiệm thu thập và báo cáo số liệu …"
//   name then verb              "3. Sở Nội vụ phối hợp hướng dẫn và tổ chức thực hiện …"
//   bold sub-agency in bullet   "- **Phòng Văn hóa và Thông tin:** Hướng dẫn triển khai …"
//   several in one heading      "7. Phòng Văn hóa và Thông tin; Đài Truyền thanh – Truyền hình huyện"
//   several with commas         "13. Đài Phát thanh và Truyền hình thành phố, Báo Cần Thơ"
//   proposal                    "12. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam thành phố, Hội Liên hiệp phụ nữ thành phố, …"

import { canonicalizeTones } from "./normalize";

// Head words that open an agency name. "Ban hành", "Phòng, chống", "Báo cáo" are verbs or nouns
// and are told apart by the capital letter that must follow a bare head word.
const HEAD_FIXED =
  /^(?:ủy ban nhân dân|ubnd|hđnd|ủy ban mặt trận|ub mttq|ubmttq|mặt trận tổ quốc|công an|chi cục|chi nhánh|văn phòng|bảo hiểm xã hội|viện kiểm sát|tòa án|huyện đoàn|thành đoàn|tỉnh đoàn|quận đoàn|huyện ủy|tỉnh ủy|thành ủy|đảng ủy|ban chỉ huy|bộ chỉ huy|liên đoàn lao động|hội liên hiệp|hội nông dân|hội cựu chiến binh|đoàn thanh niên|cục thống kê|các (?:sở|phòng|cơ quan|ban|ngành|đơn vị|tổ chức|hội|đoàn thể|xã|doanh nghiệp))(?!\p{L})/u;
const HEAD_CAPITAL = [
  "công chức",
  "trạm",
  "tổng cục",
  "ủy ban",
  "liên đoàn",
  "liên hiệp",
  "ngân hàng",
  "trung tâm",
  "bệnh viện",
  "kho bạc",
  "sở",
  "phòng",
  "ban",
  "cục",
  "bộ",
  "hội",
  "đoàn",
  "viện",
  "trường",
  "đài",
  "báo",
  "quỹ",
];

/** True when a (clean, trimmed) text opens with an agency name. */
export function startsWithAgency(clean: string): boolean {
  const t = clean.replace(/^(?:đề nghị|giao)\s+/iu, "");
  const lower = canonicalizeTones(t.toLowerCase());
  if (lower.length !== t.length) return false;
  if (HEAD_FIXED.test(lower)) return true;
  for (const head of HEAD_CAPITAL) {
    if (lower.startsWith(`${head} `) && /\p{Lu}/u.test(t[head.length + 1] ?? "")) return true;
  }
  return false;
}

// Where an inline agency name stops: the first verb of its task.
const NAME_STOP =
  /\s(?:chủ trì|phối hợp|có trách nhiệm|chịu trách nhiệm|là cơ quan|tăng cường|thẩm định|bố trí|tham mưu|thực hiện|hướng dẫn|chỉ đạo|triển khai|tổ chức|xây dựng|theo dõi|nghiên cứu|đẩy mạnh|tuyên truyền|rà soát|kiểm tra|tăng thời lượng|trong phạm vi|căn cứ|lồng ghép|vận động|cung cấp|đề xuất|giúp|tham gia|bảo đảm|đảm bảo|quan tâm|ưu tiên|hỗ trợ|thường xuyên|định kỳ|có nhiệm vụ|được giao|thu thập|tổng hợp|báo cáo|theo chức năng)(?!\p{L})|[:(]/u;
const CASED_STOP = /\s[-–]\s(?=\p{Ll})/u;

/** The agency name that opens `clean` (already without list marker), or null. */
export function readAgencyName(clean: string): string | null {
  const t = clean.replace(/^[\s*]+|[\s*]+$/g, "");
  if (!startsWithAgency(t)) return null;
  const verb = NAME_STOP.exec(canonicalizeTones(t.toLowerCase()));
  const dash = CASED_STOP.exec(t);
  const cut = Math.min(verb ? verb.index : t.length, dash ? dash.index : t.length);
  let name = t
    .slice(0, cut)
    .replace(/[\s.;:,]+$/u, "")
    .trim();
  name = name.replace(/^(?:đề nghị|giao)\s+/iu, "");
  if (!name || name.split(/\s+/).length > 30) return null;
  return name;
}

/** "Phòng Văn hóa và Thông tin; Đài Truyền thanh – Truyền hình huyện" → two names. */
export function splitAgencies(name: string): string[] {
  const out: string[] = [];
  for (const part of name.split(/\s*;\s*/)) {
    const pieces = part.split(/(?:,\s*|\s+và\s+)(?=(?:các\s+)?\p{L})/u);
    let current = "";
    for (const piece of pieces) {
      if (current && startsWithAgency(piece)) {
        out.push(current);
        current = piece;
      } else {
        current = current ? `${current}${joinerBefore(part, current, piece)}${piece}` : piece;
      }
    }
    if (current) out.push(current);
  }
  return out.map((s) => s.trim()).filter((s) => s && !/^các (?:tổ chức thành viên|cơ quan liên quan)/iu.test(s));
}

function joinerBefore(whole: string, left: string, right: string): string {
  const at = whole.indexOf(right, left.length);
  const gap = at >= 0 ? whole.slice(whole.indexOf(left) + left.length, at) : ", ";
  return gap || " ";
}
