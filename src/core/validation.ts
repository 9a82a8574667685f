// Entry validation, run when a figure is typed or uploaded (DOMAIN.md §3.4):
// errors block submission, warnings need a comment from the reporter.
// - counts are non-negative integers; hours/amounts non-negative; percentages 0–100;
//   flags (done / not done) 0 or 1;
// - a part never exceeds its whole, by the pairs the indicator formulas declare
//   (`partOf`, e.g. women wage workers ≤ women employed), option by option;
// - nữ + nam = tổng when all three are entered;
// - a value far from the previous period's (relative change above `relative` AND
//   absolute change of at least `absolute`) is a warning, as in DHIS2's min-max /
//   outlier checks: big jumps are usually typing errors, sometimes real.
// Messages are Vietnamese-first with numbers written "1.234,5".
import type { LocalizedMessage } from "./errors";
import { formatNumberVi } from "./format";
import type { Formula } from "./formula";
import { parseRefName, partOfPairs } from "./formula";
import { type DataValues, readReference } from "./formula-eval";

export type EntryValueType = "count" | "hours" | "amount" | "flag" | "percent";

export interface EntryDataElement {
  code: string;
  name?: string;
  valueType: EntryValueType;
}

export interface EntryValue {
  dataElement: string;
  option: string;
  value: number;
}

export type EntryIssueCode =
  | "not-a-number"
  | "negative"
  | "not-integer"
  | "out-of-range"
  | "not-a-flag"
  | "part-exceeds-whole"
  | "total-mismatch"
  | "large-change";

export interface EntryIssue {
  dataElement: string;
  option: string;
  severity: "error" | "warning";
  code: EntryIssueCode;
  message: LocalizedMessage;
}

export interface JumpRule {
  /** Relative change that triggers a warning; 0.5 = more than 50%. */
  relative: number;
  /** …and the absolute change must be at least this, so 2 → 4 is not flagged. */
  absolute: number;
}

export const DEFAULT_JUMP_RULE: JumpRule = { relative: 0.5, absolute: 10 };

export interface ValidateEntryOptions {
  /** The values of one form (one reporter, one period). */
  values: readonly EntryValue[];
  dataElements: readonly EntryDataElement[];
  /** Formulas whose `partOf` pairs apply. */
  formulas?: readonly Formula[];
  /** The same reporter's values for the previous period. */
  previous?: readonly EntryValue[];
  jump?: JumpRule;
}

const OPTION_LABELS: Record<string, LocalizedMessage> = {
  nu: { vi: "nữ", en: "female" },
  nam: { vi: "nam", en: "male" },
  total: { vi: "tổng", en: "total" },
};

export function validateEntry(options: ValidateEntryOptions): EntryIssue[] {
  const defs = new Map(options.dataElements.map((d) => [d.code, d]));
  const issues: EntryIssue[] = [];
  const label = (code: string, option: string | null): LocalizedMessage => {
    const name = defs.get(code)?.name ?? code;
    const opt = option === null ? null : (OPTION_LABELS[option] ?? { vi: option, en: option });
    return { vi: opt ? `"${name}" (${opt.vi})` : `"${name}"`, en: opt ? `"${name}" (${opt.en})` : `"${name}"` };
  };
  for (const entry of options.values) {
    const issue = checkValue(
      entry,
      defs.get(entry.dataElement)?.valueType ?? "count",
      label(entry.dataElement, entry.option),
    );
    if (issue) issues.push(issue);
  }
  const valid = options.values.filter(
    (v) => !issues.some((i) => i.dataElement === v.dataElement && i.option === v.option),
  );
  const current = toDataValues(valid);
  issues.push(...checkPairs(current, options.formulas ?? [], label));
  issues.push(...checkTotals(current, label));
  issues.push(...checkJumps(valid, options.previous ?? [], options.jump ?? DEFAULT_JUMP_RULE, label));
  return issues;
}

function issue(
  entry: { dataElement: string; option: string },
  severity: EntryIssue["severity"],
  code: EntryIssueCode,
  message: LocalizedMessage,
): EntryIssue {
  return { dataElement: entry.dataElement, option: entry.option, severity, code, message };
}

function checkValue(entry: EntryValue, type: EntryValueType, what: LocalizedMessage): EntryIssue | null {
  const v = entry.value;
  const n = formatNumberVi(v);
  if (typeof v !== "number" || !Number.isFinite(v)) {
    return issue(entry, "error", "not-a-number", {
      vi: `${what.vi} phải là một số.`,
      en: `${what.en} must be a number.`,
    });
  }
  if (v < 0) {
    return issue(entry, "error", "negative", {
      vi: `${what.vi} không được âm (${n}).`,
      en: `${what.en} cannot be negative (${n}).`,
    });
  }
  if (type === "count" && !Number.isInteger(v)) {
    return issue(entry, "error", "not-integer", {
      vi: `${what.vi} là số đếm, phải là số nguyên (${n}).`,
      en: `${what.en} is a count and must be a whole number (${n}).`,
    });
  }
  if (type === "percent" && v > 100) {
    return issue(entry, "error", "out-of-range", {
      vi: `${what.vi} là tỷ lệ phần trăm, phải từ 0 đến 100 (${n}).`,
      en: `${what.en} is a percentage and must be between 0 and 100 (${n}).`,
    });
  }
  if (type === "flag" && v !== 0 && v !== 1) {
    return issue(entry, "error", "not-a-flag", {
      vi: `${what.vi} chỉ nhận 1 (đã thực hiện) hoặc 0 (chưa thực hiện).`,
      en: `${what.en} must be 1 (done) or 0 (not done).`,
    });
  }
  return null;
}

function toDataValues(values: readonly EntryValue[]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const v of values) {
    const byOption = out[v.dataElement] ?? {};
    byOption[v.option] = (byOption[v.option] ?? 0) + v.value;
    out[v.dataElement] = byOption;
  }
  return out;
}

type Labeller = (code: string, option: string | null) => LocalizedMessage;

function checkPairs(current: DataValues, formulas: readonly Formula[], label: Labeller): EntryIssue[] {
  const issues: EntryIssue[] = [];
  const seen = new Set<string>();
  for (const pair of formulas.flatMap(partOfPairs)) {
    const part = parseRefName(pair.part);
    const whole = parseRefName(pair.whole);
    if (!part || !whole) continue;
    const comparisons: Array<[string | null, string | null]> =
      part.option !== null || whole.option !== null
        ? [[part.option, whole.option]]
        : Object.keys(current[part.code] ?? {})
            .filter((o) => current[whole.code]?.[o] !== undefined)
            .map((o) => [o, o]);
    for (const [po, wo] of comparisons) {
      const p = readReference(current, part.code, po);
      const w = readReference(current, whole.code, wo);
      const key = `${part.code}.${po}|${whole.code}.${wo}`;
      if (p === undefined || w === undefined || p <= w || seen.has(key)) continue;
      seen.add(key);
      const a = label(part.code, po);
      const b = label(whole.code, wo);
      issues.push(
        issue({ dataElement: part.code, option: po ?? "total" }, "error", "part-exceeds-whole", {
          vi: `${a.vi} (${formatNumberVi(p)}) không được lớn hơn ${b.vi} (${formatNumberVi(w)}).`,
          en: `${a.en} (${formatNumberVi(p)}) cannot exceed ${b.en} (${formatNumberVi(w)}).`,
        }),
      );
    }
  }
  return issues;
}

function checkTotals(current: DataValues, label: Labeller): EntryIssue[] {
  const issues: EntryIssue[] = [];
  for (const [code, byOption] of Object.entries(current)) {
    const { nu, nam, total } = byOption;
    if (nu === undefined || nam === undefined || total === undefined) continue;
    if (Math.abs(nu + nam - total) < 1e-9) continue;
    const what = label(code, null);
    issues.push(
      issue({ dataElement: code, option: "total" }, "error", "total-mismatch", {
        vi: `${what.vi}: nữ (${formatNumberVi(nu)}) + nam (${formatNumberVi(nam)}) khác tổng (${formatNumberVi(total)}).`,
        en: `${what.en}: female (${formatNumberVi(nu)}) + male (${formatNumberVi(nam)}) differs from the total (${formatNumberVi(total)}).`,
      }),
    );
  }
  return issues;
}

function checkJumps(
  values: readonly EntryValue[],
  previous: readonly EntryValue[],
  rule: JumpRule,
  label: Labeller,
): EntryIssue[] {
  const before = toDataValues(previous.filter((v) => Number.isFinite(v.value)));
  const issues: EntryIssue[] = [];
  for (const entry of values) {
    const p = before[entry.dataElement]?.[entry.option];
    if (p === undefined) continue;
    const change = Math.abs(entry.value - p);
    if (change < rule.absolute || change === 0) continue;
    if (p !== 0 && change / Math.abs(p) <= rule.relative) continue;
    const what = label(entry.dataElement, entry.option);
    const pct = p === 0 ? null : formatNumberVi((change / Math.abs(p)) * 100, 1);
    const rel = pct === null ? { vi: "", en: "" } : { vi: ` (${pct}%)`, en: ` (${pct}%)` };
    issues.push(
      issue(entry, "warning", "large-change", {
        vi: `${what.vi} thay đổi nhiều so với kỳ trước: ${formatNumberVi(p)} → ${formatNumberVi(entry.value)}${rel.vi}. Vui lòng kiểm tra lại hoặc ghi chú giải thích.`,
        en: `${what.en} changed a lot from the previous period: ${formatNumberVi(p)} → ${formatNumberVi(entry.value)}${rel.en}. Please check it or add an explaining comment.`,
      }),
    );
  }
  return issues;
}
