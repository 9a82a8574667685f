// The Action Month for gender equality (Tháng hành động vì bình đẳng giới …).
//
// Recognised forms (one example each):
//   "từ ngày … đến ngày …"        "“Tháng hành động vì bình đẳng giới và phòng, chống bạo lực trên cơ sở giới” từ ngày 15/11 đến ngày 15/12/2019"
//   in parentheses                "Tháng hành động vì bình đẳng giới … (từ ngày 15/11 đến ngày 15/12)"
//   dash range                    "Tháng hành động vì bình đẳng giới (15/11 – 15/12)"
//   spelled-out                   "Tháng hành động … từ ngày 15 tháng 11 đến ngày 15 tháng 12 năm 2022"
// A mention without dates ("… hằng năm theo hướng dẫn của Trung ương") gives nothing.

import type { Doc } from "./normalize";
import { toMonthDay } from "./numbers";
import type { ActionMonth, Located } from "./types";

const RANGE =
  /(?:từ {1,3})?(?:ngày {1,3})?(\d{1,2}) {0,2}(?:\/|-|\.| tháng ) {0,2}(\d{1,2})(?: {0,2}(?:\/| năm ) {0,2}\d{4})? {0,3}(?:đến|tới|[-–—]) {0,3}(?:hết {1,3})?(?:ngày {1,3})?(\d{1,2}) {0,2}(?:\/|-|\.| tháng ) {0,2}(\d{1,2})/u;

export function readActionMonth(doc: Doc): Located<ActionMonth> | null {
  const lower = doc.flat;
  let at = lower.indexOf("tháng hành động");
  let guard = 0;
  while (at >= 0 && guard++ < 500) {
    const lineEnd = lower.indexOf("\n", at);
    const stop = Math.min(at + 320, lineEnd < 0 ? lower.length : lineEnd);
    const window = lower.slice(at, stop);
    const m = RANGE.exec(window);
    if (m) {
      const from = toMonthDay(Number(m[1]), Number(m[2]));
      const to = toMonthDay(Number(m[3]), Number(m[4]));
      if (from && to) return { value: { from, to }, span: { start: at, end: at + m.index + m[0].length } };
    }
    at = lower.indexOf("tháng hành động", at + 15);
  }
  return null;
}
