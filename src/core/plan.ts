// Plans (kế hoạch): the vocabulary shared by every layer, and the pure rules of
// targets: which way a comparator points, how a target reads in Vietnamese,
// and which upper target a lower plan sees for each year it covers.

import { formatNumberVi } from "./format";

export const PLAN_STATUSES = ["draft", "issued", "superseded"] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const COMPARATORS = [">=", ">", "<=", "<", "=", "~"] as const;
export type Comparator = (typeof COMPARATORS)[number];

export const TARGET_UNITS = ["%", "times", "per100", "per1000", "per100000", "count"] as const;
export type TargetUnit = (typeof TARGET_UNITS)[number];

export const INDICATOR_KINDS = ["quantitative", "qualitative"] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

export const GOAL_DOMAINS = [
  "politics",
  "economy",
  "family",
  "health",
  "education",
  "communication",
  "capacity",
  "awareness",
] as const;
export type GoalDomain = (typeof GOAL_DOMAINS)[number];

export const RESPONSIBILITY_ROLES = ["lead", "support", "report"] as const;
export type ResponsibilityRole = (typeof RESPONSIBILITY_ROLES)[number];

export const REPORT_KINDS = ["semiannual", "annual", "quarterly"] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const MODEL_MODES = ["maintain", "replicate", "new"] as const;
export type ModelMode = (typeof MODEL_MODES)[number];

export const PLAN_SOURCES = ["strategy", "plan"] as const;
export type PlanSource = (typeof PLAN_SOURCES)[number];

export interface Target {
  subject: string | null;
  comparator: Comparator;
  /** null while unknown: never invent a number. */
  value: number | null;
  unit: TargetUnit | null;
  year: number;
  baseline?: number | null;
}

/** "up": a higher value is better (≥, >); "down": lower is better (≤, <); null: ở mức / khoảng. */
export type Direction = "up" | "down" | null;

export function directionOf(comparator: Comparator): Direction {
  if (comparator === ">=" || comparator === ">") return "up";
  if (comparator === "<=" || comparator === "<") return "down";
  return null;
}

export const COMPARATOR_SYMBOL: Record<Comparator, string> = {
  ">=": "≥",
  ">": ">",
  "<=": "≤",
  "<": "<",
  "=": "ở mức",
  "~": "khoảng",
};

/** Vietnamese number with every decimal the value has ("1,4"; "100.000"). */
export function formatViNumber(value: number): string {
  const decimals = (String(value).split(".")[1] ?? "").length;
  return formatNumberVi(value, decimals);
}

/** A value with its unit as an official text writes it: "60%", "1,4 lần", "35/100.000". */
export function formatValueWithUnit(value: number | null, unit: TargetUnit | null): string {
  if (value === null) return "…";
  const v = formatViNumber(value);
  switch (unit) {
    case "%":
      return `${v}%`;
    case "times":
      return `${v} lần`;
    case "per100":
      return `${v}/100`;
    case "per1000":
      return `${v}/1.000`;
    case "per100000":
      return `${v}/100.000`;
    default:
      return v;
  }
}

/** Short form for checks and tables: "≥ 50% (2025)", "ở mức 109/100 (2025)". */
export function formatTargetShort(t: Pick<Target, "comparator" | "value" | "unit" | "year">): string {
  return `${COMPARATOR_SYMBOL[t.comparator]} ${formatValueWithUnit(t.value, t.unit)} (${t.year})`;
}

/** The target as a clause of a Vietnamese sentence: "đạt từ 60% trở lên", "giảm còn 1,4 lần". */
export function targetPhrase(t: Target): string {
  const v = formatValueWithUnit(t.value, t.unit);
  const from = t.baseline !== null && t.baseline !== undefined ? ` từ ${formatValueWithUnit(t.baseline, t.unit)}` : "";
  switch (t.comparator) {
    case ">=":
      return `phấn đấu đạt từ ${v} trở lên`;
    case ">":
      return `phấn đấu đạt trên ${v}`;
    case "<=":
      return from ? `giảm${from} xuống còn ${v}` : `giảm còn ${v}`;
    case "<":
      return from ? `giảm${from} xuống dưới ${v}` : `giảm xuống dưới ${v}`;
    case "=":
      return `ở mức ${v}`;
    case "~":
      return `đạt khoảng ${v}`;
  }
}

/**
 * The sentence of an indicator with its targets, as the body of a plan writes it:
 * "Tỷ lệ lao động nữ làm công hưởng lương: phấn đấu đạt từ 60% trở lên (năm 2024)."
 */
export function indicatorSentence(
  text: string,
  kind: IndicatorKind,
  targets: readonly Target[],
  showYears: boolean,
): string {
  const base = text.trim().replace(/[.;:]+$/, "");
  const known = targets.filter((t) => t.value !== null);
  if (kind === "qualitative" || known.length === 0) return `${base}.`;
  const clauses = known.map((t) => {
    const subject = t.subject && known.length > 1 ? `${t.subject} ` : "";
    const year = showYears ? ` vào năm ${t.year}` : "";
    return `${subject}${targetPhrase(t)}${year}`;
  });
  return `${base}: ${clauses.join("; ")}.`;
}

/** A reference target of the level above for one year of the lower plan. */
export interface UpperReference extends Target {
  /** The year of the lower plan this reference is shown for. */
  forYear: number;
  /** True when the upper level has no target that year and its nearest milestone is shown instead. */
  isNearestMilestone: boolean;
}

/**
 * The upper targets a lower plan shows for each year it covers. Where the upper
 * level has no target for a year, its nearest milestone (the next one, else the
 * last before) is shown and labelled, never a number made up in between.
 */
export function upperReferences(upper: readonly Target[], fromYear: number, toYear: number): UpperReference[] {
  const subjects = [...new Set(upper.map((t) => t.subject ?? ""))];
  const out: UpperReference[] = [];
  for (let year = fromYear; year <= toYear; year++) {
    for (const subject of subjects) {
      const same = upper.filter((t) => (t.subject ?? "") === subject);
      const exact = same.find((t) => t.year === year);
      if (exact) {
        out.push({ ...exact, forYear: year, isNearestMilestone: false });
        continue;
      }
      const later = same.filter((t) => t.year > year).sort((a, b) => a.year - b.year)[0];
      const earlier = same.filter((t) => t.year < year).sort((a, b) => b.year - a.year)[0];
      const nearest = later ?? earlier;
      if (nearest) out.push({ ...nearest, forYear: year, isNearestMilestone: true });
    }
  }
  return out;
}

/**
 * The local targets a cascaded plan starts with: the upper targets of the
 * years it covers, copied; where the upper level has none for the plan's last
 * year, a row for that year with the value left empty for the officer.
 */
export function prefillTargets(upper: readonly Target[], fromYear: number, toYear: number): Target[] {
  const out: Target[] = [];
  const subjects = [...new Set(upper.map((t) => t.subject ?? ""))];
  for (const subject of subjects) {
    const same = upper.filter((t) => (t.subject ?? "") === subject);
    const inside = same.filter((t) => t.year >= fromYear && t.year <= toYear).sort((a, b) => a.year - b.year);
    for (const t of inside) out.push({ ...t });
    if (inside.some((t) => t.year === toYear)) continue;
    const model = upperReferences(same, toYear, toYear)[0];
    if (model) {
      out.push({
        subject: model.subject,
        comparator: model.comparator,
        value: null,
        unit: model.unit,
        year: toYear,
        baseline: null,
      });
    }
  }
  return out;
}

/** "Chỉ tiêu 1, 2 của Mục tiêu 5; Chỉ tiêu 3 của Mục tiêu 6". */
export function indicatorReferences(refs: readonly { goalNumber: number; indicatorNumber: number }[]): string {
  const byGoal = new Map<number, number[]>();
  for (const r of refs) {
    const list = byGoal.get(r.goalNumber) ?? [];
    if (!list.includes(r.indicatorNumber)) list.push(r.indicatorNumber);
    byGoal.set(r.goalNumber, list);
  }
  return [...byGoal.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([goal, list]) => `Chỉ tiêu ${list.sort((a, b) => a - b).join(", ")} của Mục tiêu ${goal}`)
    .join("; ");
}

/** Plan symbol without the number while drafting: "/KH-UBND"; issued: "262/KH-UBND". */
export function formatPlanNumber(number: string | null, symbol: string): string {
  return `${number ?? ""}/${symbol}`;
}

const COMMON_WORDS = new Set(["ủy", "ban", "nhân", "dân", "thành", "phố", "tỉnh", "phường", "xã", "sở", "đặc", "khu"]);

/** "ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ" → "Ủy ban nhân dân thành phố Cần Thơ": proper names keep their capitals. */
export function bodyNameInSentence(upper: string): string {
  return upper
    .toLocaleLowerCase("vi")
    .split(/\s+/)
    .map((w, k) => (k === 0 || !COMMON_WORDS.has(w) ? w.charAt(0).toLocaleUpperCase("vi") + w.slice(1) : w))
    .join(" ");
}

export const DEFAULT_ACTION_MONTH = { from: "11-15", to: "12-15" } as const;
