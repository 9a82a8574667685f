// Warning catalogue: every warning the parser can emit, in Vietnamese and English,
// so reviewers see the same wording everywhere.
//
// Emitted for (one example each):
//   no title                  a file without "KẾ HOẠCH" / "BÁO CÁO" heading
//   indicator with no target  "Chỉ tiêu 1: Nội dung giáo dục về giới … vào chương trình giảng dạy"
//   unknown goal              "… Chỉ tiêu 2 của Mục tiêu 7" when Mục tiêu 7 is only in an annex

import type { ParseWarning, Span } from "./types";

type Params = Record<string, string | number | null | undefined>;

const CATALOGUE: Record<string, (p: Params) => [string, string]> = {
  EMPTY_TEXT: () => ["Văn bản trống, không có nội dung để đọc.", "The text is empty."],
  NO_TITLE: () => [
    "Không tìm thấy tên loại và trích yếu văn bản (KẾ HOẠCH/BÁO CÁO …).",
    "No document type heading or title was found.",
  ],
  NO_SIGNER: () => ["Không tìm thấy người ký ở cuối văn bản.", "No signer block was found near the end."],
  NO_GOALS: () => ["Không tìm thấy mục tiêu cụ thể hoặc chỉ tiêu nào.", "No specific goals or indicators were found."],
  INDICATOR_WITHOUT_TARGET: (p) => [
    `Chỉ tiêu ${p.indicator ?? "(không số)"} của mục tiêu ${p.goal ?? "(không số)"} không có giá trị định lượng.`,
    `Indicator ${p.indicator ?? "(unnumbered)"} of goal ${p.goal ?? "(unnumbered)"} has no quantitative target.`,
  ],
  UNKNOWN_GOAL: (p) => [
    `Phân công nhắc đến Mục tiêu ${p.goal} nhưng mục tiêu này không có trong phần mục tiêu (có thể nằm ở phụ lục).`,
    `An assignment refers to goal ${p.goal}, which is not among the parsed goals (perhaps defined in an annex).`,
  ],
  RULE_FAILED: (p) => [
    `Không đọc được phần "${p.rule}" (${p.detail}); phần này được bỏ trống.`,
    `Rule "${p.rule}" failed (${p.detail}); the field was left empty.`,
  ],
};

export function warn(code: string, params: Params = {}, span?: Span): ParseWarning {
  const make = CATALOGUE[code] ?? (() => [`Cảnh báo ${code}.`, `Warning ${code}.`]);
  const [message, messageEn] = make(params);
  return span ? { code, message, messageEn, span } : { code, message, messageEn };
}
