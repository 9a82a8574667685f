// Goal domain from the goal's heading (SCHEMA.md's domain table).
//
// Recognised forms (one example each):
//   2021–2030 field heading   "Trong lĩnh vực kinh tế, lao động"                          → economy
//   family / violence         "Trong đời sống gia đình và phòng ngừa, ứng phó với bạo lực" → family
//   2011–2020 long heading    "Tăng cường sự tham gia của phụ nữ vào các vị trí quản lý, lãnh đạo, nhằm … trong lĩnh vực chính trị" → politics
//   health                    "Bảo đảm bình đẳng giới trong tiếp cận … dịch vụ chăm sóc sức khỏe" → health
//   culture & information     "Bảo đảm bình đẳng giới trong lĩnh vực văn hóa và thông tin"  → communication
//   state management          "Nâng cao năng lực quản lý nhà nước về bình đẳng giới"       → capacity
//   programme-style           "Truyền thông nâng cao nhận thức, thay đổi hành vi về bình đẳng giới" → awareness

import type { Domain } from "./types";

const KEYWORDS: [RegExp, Domain][] = [
  [/chính trị|lãnh đạo|quản lý(?! nhà nước)/u, "politics"],
  [/kinh tế|lao động|việc làm/u, "economy"],
  [/gia đình|bạo lực/u, "family"],
  [/y tế|sức khỏe|chăm sóc sức/u, "health"],
  [/giáo dục|đào tạo/u, "education"],
  [/thông tin|truyền thông|văn hóa/u, "communication"],
];

function earliest(s: string): Domain | null {
  let best: { at: number; domain: Domain } | null = null;
  for (const [re, domain] of KEYWORDS) {
    const m = re.exec(s);
    if (m && (!best || m.index < best.at)) best = { at: m.index, domain };
  }
  return best ? best.domain : null;
}

/** Classifies a goal heading (lower view, tones canonical); null when no field fits. */
export function classifyDomain(lowerTitle: string): Domain | null {
  const t = lowerTitle.replace(/\s+/g, " ");
  if (/năng lực quản lý nhà nước|quản lý nhà nước về bình đẳng giới/u.test(t)) return "capacity";
  // "… trong lĩnh vực X": the named field decides even when other words come first.
  const field = /lĩnh vực\s+(.{0,60})/u.exec(t)?.[1];
  if (field !== undefined) {
    const d = earliest(field);
    if (d) return d;
  }
  if (/^(?:(?:tăng cường|đẩy mạnh)\s+)?truyền thông(?:,)? nâng cao nhận thức/u.test(t)) return "awareness";
  return earliest(t);
}
