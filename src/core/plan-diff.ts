// What changed between two versions of a plan, for the version history. The
// versions are matched by what officers cite: goal number, indicator code
// ("2.1"), target year and subject, agency × indicator.

import { formatTargetShort, type Target } from "./plan";

export interface DiffIndicator {
  code: string;
  text: string;
  kind: string;
  dropped: boolean;
  dropReason: string | null;
  targets: Target[];
}

export interface DiffPlanSnapshot {
  /** Scalar header fields by their Vietnamese label, e.g. { "Trích yếu": "…", "Thời kỳ": "2024" }. */
  fields: Record<string, string | number | null>;
  /** Free-text sections by their Vietnamese label; compared as JSON. */
  sections: Record<string, unknown>;
  goals: { number: number; title: string }[];
  indicators: DiffIndicator[];
  responsibilities: { indicatorCode: string; agencyName: string; role: string }[];
}

export type ChangeKind = "added" | "removed" | "changed";

export interface PlanChange {
  kind: ChangeKind;
  area: "field" | "section" | "goal" | "indicator" | "target" | "responsibility";
  label: string;
  before: string | null;
  after: string | null;
}

export function diffPlans(before: DiffPlanSnapshot, after: DiffPlanSnapshot): PlanChange[] {
  return [
    ...diffRecords("field", before.fields, after.fields),
    ...diffRecords("section", before.sections, after.sections),
    ...diffKeyed(
      "goal",
      before.goals,
      after.goals,
      (g) => String(g.number),
      (g) => g.title,
      (g) => `Mục tiêu ${g.number}`,
    ),
    ...diffIndicators(before.indicators, after.indicators),
    ...diffKeyed(
      "responsibility",
      before.responsibilities,
      after.responsibilities,
      (r) => `${r.indicatorCode}|${r.agencyName}|${r.role}`,
      (r) => `${r.agencyName}: ${r.role}`,
      (r) => `Phân công chỉ tiêu ${r.indicatorCode}`,
    ),
  ];
}

function show(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === "string" ? value : JSON.stringify(value);
}

function diffRecords(
  area: PlanChange["area"],
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): PlanChange[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const out: PlanChange[] = [];
  for (const key of keys) {
    const a = show(before[key]);
    const b = show(after[key]);
    if (a === b) continue;
    out.push({
      kind: a === null ? "added" : b === null ? "removed" : "changed",
      area,
      label: key,
      before: a,
      after: b,
    });
  }
  return out;
}

function diffKeyed<T>(
  area: PlanChange["area"],
  before: readonly T[],
  after: readonly T[],
  key: (item: T) => string,
  text: (item: T) => string,
  label: (item: T) => string,
): PlanChange[] {
  const a = new Map(before.map((x) => [key(x), x]));
  const b = new Map(after.map((x) => [key(x), x]));
  const out: PlanChange[] = [];
  for (const [k, x] of a) {
    const y = b.get(k);
    if (!y) out.push({ kind: "removed", area, label: label(x), before: text(x), after: null });
    else if (text(x) !== text(y)) out.push({ kind: "changed", area, label: label(x), before: text(x), after: text(y) });
  }
  for (const [k, y] of b) {
    if (!a.has(k)) out.push({ kind: "added", area, label: label(y), before: null, after: text(y) });
  }
  return out;
}

function indicatorText(i: DiffIndicator): string {
  return i.dropped ? `${i.text} [bỏ: ${i.dropReason ?? ""}]` : i.text;
}

function diffIndicators(before: readonly DiffIndicator[], after: readonly DiffIndicator[]): PlanChange[] {
  const out = diffKeyed(
    "indicator",
    before,
    after,
    (i) => i.code,
    indicatorText,
    (i) => `Chỉ tiêu ${i.code}`,
  );
  const afterByCode = new Map(after.map((i) => [i.code, i]));
  for (const a of before) {
    const b = afterByCode.get(a.code);
    if (!b) continue;
    out.push(
      ...diffKeyed(
        "target",
        a.targets,
        b.targets,
        (t) => `${t.year}|${t.subject ?? ""}`,
        (t) => formatTargetShort(t),
        (t) => `Mục tiêu của chỉ tiêu ${a.code}${t.subject ? ` (${t.subject})` : ""}, năm ${t.year}`,
      ),
    );
  }
  return out;
}
