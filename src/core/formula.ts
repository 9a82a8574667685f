// Indicator formulas: how an indicator value is computed from data elements.
// Rules (DOMAIN.md §2, DHIS2 indicator semantics):
// - A ratio is a ratio of SUMS: numerator and denominator are consolidated first
//   and divided last, never averaged across units (DHIS2 indicators work the same way).
// - "% of units that …" (countOfUnits) and qualitative done/not-done consolidate as
//   count meeting / count reporting over the reporters below a unit.
// - Missing values count as 0 inside an expression, but an expression none of whose
//   references has data is "no data" (DHIS2's skip-if-all-values-missing).
// Formulas are plain JSON (expressions kept as source text) so plans can store them.
import type { LocalizedMessage } from "./errors";
import { type DataValues, evaluateExpression } from "./formula-eval";
import { type Expr, type ExpressionError, parseExpression, referencesOf } from "./formula-expression";

export type { DataValues } from "./formula-eval";

export type Scale = 1 | 100 | 1000 | 100000;
export const SCALES: readonly number[] = [1, 100, 1000, 100000];

/** "Part ≤ whole" pairs for entry validation, as "DE" or "DE.option" (e.g. "LD_LAMCONG.nu"). */
export interface PartOf {
  part: string;
  whole: string;
}

export type Formula =
  /** numerator / denominator × scale (100 = %, 1 = "lần"). */
  | { kind: "ratio"; numerator: string; denominator: string; scale: Scale; partOf?: PartOf[] }
  /** numerator / denominator × per: live births, deaths, population. */
  | { kind: "rate"; numerator: string; denominator: string; per: 100 | 1000 | 100000; partOf?: PartOf[] }
  /** (a / b) / (c / d) × scale, e.g. women's mean unpaid care hours / men's. */
  | { kind: "ratioOfRatios"; a: string; b: string; c: string; d: string; scale: Scale; partOf?: PartOf[] }
  /**
   * Reporters (communes, agencies) whose condition holds / reporters × scale; with
   * `every: "quarter"` the condition must hold in each quarter of the period.
   * `result: "count"` gives the number of reporters meeting it instead of a share.
   */
  | { kind: "countOfUnits"; condition: string; every?: "quarter"; scale: 1 | 100; result?: "share" | "count" }
  /** Done (1) / not done (0), with evidence kept elsewhere; share of reporters done × scale. */
  | { kind: "qualitative"; dataElement: string; scale: 1 | 100 };

export type FormulaKind = Formula["kind"];

/** Which expression of a formula an error is about. */
export type FormulaField =
  | "numerator"
  | "denominator"
  | "a"
  | "b"
  | "c"
  | "d"
  | "condition"
  | "dataElement"
  | "scale"
  | "partOf";

export interface FormulaError extends Omit<ExpressionError, "code"> {
  code: ExpressionError["code"] | "unknown-data-element" | "unknown-option" | "bad-scale" | "bad-kind" | "bad-unit";
  field: FormulaField;
}

export interface ParsedFormula {
  formula: Formula;
  /** Parsed numeric expressions by field; `condition` is boolean. */
  exprs: Partial<Record<FormulaField, Expr>>;
}

export type FormulaParseResult = { ok: true; parsed: ParsedFormula } | { ok: false; errors: FormulaError[] };

function expressionFields(formula: Formula): Array<[FormulaField, string, "number" | "boolean"]> {
  switch (formula.kind) {
    case "ratio":
    case "rate":
      return [
        ["numerator", formula.numerator, "number"],
        ["denominator", formula.denominator, "number"],
      ];
    case "ratioOfRatios":
      return [
        ["a", formula.a, "number"],
        ["b", formula.b, "number"],
        ["c", formula.c, "number"],
        ["d", formula.d, "number"],
      ];
    case "countOfUnits":
      return [["condition", formula.condition, "boolean"]];
    case "qualitative":
      return [["dataElement", `#{${formula.dataElement}}`, "number"]];
  }
}

const TYPE_MESSAGES = {
  number: {
    vi: "Biểu thức này phải cho ra một số, không phải một điều kiện.",
    en: "This expression must give a number, not a condition.",
  },
  boolean: {
    vi: 'Điều kiện phải là một phép so sánh, ví dụ "#{TIN_BAI} >= 4".',
    en: 'The condition must be a comparison, e.g. "#{TIN_BAI} >= 4".',
  },
} satisfies Record<string, LocalizedMessage>;

/** Parses every expression of a formula; never throws, whatever the input (JSON from a user). */
export function parseFormula(formula: Formula): FormulaParseResult {
  try {
    return parseFormulaFields(formula);
  } catch {
    const message = { vi: "Công thức không hợp lệ.", en: "The formula is not valid." };
    return { ok: false, errors: [{ code: "bad-kind", field: "scale", position: 0, message }] };
  }
}

function parseFormulaFields(formula: Formula): FormulaParseResult {
  const errors: FormulaError[] = [];
  const exprs: ParsedFormula["exprs"] = {};
  if (typeof formula !== "object" || formula === null) {
    const message = { vi: "Công thức không hợp lệ.", en: "The formula is not valid." };
    return { ok: false, errors: [{ code: "bad-kind", field: "scale", position: 0, message }] };
  }
  let fields: Array<[FormulaField, string, "number" | "boolean"]>;
  try {
    fields = expressionFields(formula) ?? [];
  } catch {
    fields = [];
  }
  if (fields.length === 0) {
    const message = { vi: "Loại công thức không hợp lệ.", en: "Unknown formula kind." };
    return { ok: false, errors: [{ code: "bad-kind", field: "scale", position: 0, message }] };
  }
  for (const [field, text, want] of fields) {
    const result = parseExpression(typeof text === "string" ? text : "");
    if (!result.ok) {
      errors.push(...result.errors.map((e) => ({ ...e, field })));
      continue;
    }
    if (result.type !== want) {
      errors.push({ code: "type", field, position: 0, message: TYPE_MESSAGES[want] });
      continue;
    }
    exprs[field] = result.expr;
  }
  if (formula.kind === "countOfUnits" && formula.every !== undefined && formula.every !== "quarter") {
    errors.push({
      code: "bad-kind",
      field: "condition",
      position: 0,
      message: { vi: 'Chỉ hỗ trợ "every": "quarter" (mỗi quý).', en: 'Only "every": "quarter" is supported.' },
    });
  }
  const scale: unknown = formula.kind === "rate" ? formula.per : formula.scale;
  const shown = typeof scale === "number" ? String(scale) : "?";
  const allowed = formula.kind === "countOfUnits" || formula.kind === "qualitative" ? [1, 100] : SCALES;
  if (typeof scale !== "number" || !allowed.includes(scale)) {
    errors.push({
      code: "bad-scale",
      field: "scale",
      position: 0,
      message: {
        vi: `Hệ số nhân ${shown} không hợp lệ; chọn ${allowed.join(", ")}.`,
        en: `Scale ${shown} is not allowed; use ${allowed.join(", ")}.`,
      },
    });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, parsed: { formula, exprs } };
}

export interface KnownDataElement {
  code: string;
  /** Options the element is collected by, e.g. ["nu", "nam"] or ["total"]. */
  options: readonly string[];
}

/** Parse errors plus references to unknown data elements or options, and bad part/whole pairs. */
export function validateFormula(formula: Formula, known: readonly KnownDataElement[]): FormulaParseResult {
  const result = parseFormula(formula);
  if (!result.ok) return result;
  const byCode = new Map(known.map((de) => [de.code, de]));
  const errors: FormulaError[] = [];
  const check = (field: FormulaField, code: string, option: string | null, position: number) => {
    const de = byCode.get(code);
    if (!de) {
      errors.push({
        code: "unknown-data-element",
        field,
        position,
        message: {
          vi: `Vị trí ${position + 1}: không có chỉ tiêu dữ liệu "${code}".`,
          en: `At position ${position + 1}: there is no data element "${code}".`,
        },
      });
    } else if (option !== null && option !== "total" && !de.options.includes(option)) {
      errors.push({
        code: "unknown-option",
        field,
        position,
        expected: [...de.options],
        message: {
          vi: `Vị trí ${position + 1}: "${code}" không có phân tổ "${option}" (có: ${de.options.join(", ")}).`,
          en: `At position ${position + 1}: "${code}" has no option "${option}" (has: ${de.options.join(", ")}).`,
        },
      });
    }
  };
  for (const [field, expr] of Object.entries(result.parsed.exprs) as Array<[FormulaField, Expr]>) {
    for (const ref of referencesOf(expr)) check(field, ref.code, ref.option, ref.pos);
  }
  for (const pair of partOfPairs(formula)) {
    for (const side of [pair.part, pair.whole]) {
      const ref = parseRefName(side);
      if (ref) check("partOf", ref.code, ref.option, 0);
      else check("partOf", side, null, 0);
    }
  }
  return errors.length > 0 ? { ok: false, errors } : result;
}

export function partOfPairs(formula: Formula): readonly PartOf[] {
  const pairs: unknown = typeof formula === "object" && formula !== null && "partOf" in formula ? formula.partOf : [];
  if (!Array.isArray(pairs)) return [];
  return pairs.filter((p): p is PartOf => typeof p?.part === "string" && typeof p?.whole === "string");
}

/** "LD_LAMCONG.nu" → {code, option}; null when malformed. */
export function parseRefName(name: string): { code: string; option: string | null } | null {
  const match = /^([A-Za-z0-9_]+)(?:\.([A-Za-z0-9_]+))?$/.exec(name);
  return match ? { code: match[1] as string, option: match[2] ?? null } : null;
}

/** Data element codes a formula reads, sorted and unique (regex fallback if it does not parse). */
export function dataElementsOf(formula: Formula): string[] {
  const codes = new Set<string>();
  const result = parseFormula(formula);
  if (result.ok) {
    for (const expr of Object.values(result.parsed.exprs)) for (const ref of referencesOf(expr)) codes.add(ref.code);
  } else {
    let text = "";
    try {
      text = JSON.stringify(formula) ?? "";
    } catch {
      // not JSON (a BigInt, a cycle): no references to report
    }
    for (const match of text.matchAll(/#\{\s*([A-Za-z0-9_]+)/g)) codes.add(match[1] as string);
    if (formula?.kind === "qualitative" && typeof formula.dataElement === "string") codes.add(formula.dataElement);
  }
  return [...codes].sort();
}

/** One reporting agency or unit, for countOfUnits and qualitative formulas. */
export interface ReporterValues {
  id: string;
  values: DataValues;
  /** Values per quarter, in order, for `every: "quarter"`; missing quarters are absent data. */
  quarters?: readonly DataValues[];
}

export interface IndicatorInput {
  /** Consolidated sums over the unit's subtree. */
  values: DataValues;
  /** The reporters below the unit (countOfUnits, qualitative). */
  reporters?: readonly ReporterValues[];
  /** Set when history reached the unit only in part (crosswalk `part` rows). */
  partial?: boolean;
}

export type IndicatorReason = "no-data" | "zero-denominator" | "partial" | "invalid-formula";

export interface IndicatorValue {
  value: number | null;
  /** Numerator (or count meeting) after consolidation; null when it has no data. */
  numerator: number | null;
  /** Denominator (or count reporting); null when it has no data. */
  denominator: number | null;
  reason?: IndicatorReason;
}

export interface EvaluateOptions {
  /** Disaggregate by one option: unqualified #{DE} reads only this option (e.g. "nu"). */
  option?: string;
}

/** The indicator value from consolidated components. Pure, never throws on a formula from a user. */
export function evaluateIndicator(
  formula: Formula | ParsedFormula,
  input: IndicatorInput,
  options: EvaluateOptions = {},
): IndicatorValue {
  if (typeof formula !== "object" || formula === null) {
    return { value: null, numerator: null, denominator: null, reason: "invalid-formula" };
  }
  const parsedResult = "exprs" in formula ? { ok: true as const, parsed: formula } : parseFormula(formula);
  if (!parsedResult.ok) return { value: null, numerator: null, denominator: null, reason: "invalid-formula" };
  const { formula: f, exprs } = parsedResult.parsed;
  const result = compute(f, exprs, input, options);
  if (result.value !== null && input.partial) return { ...result, reason: "partial" };
  return result;
}

function compute(
  formula: Formula,
  exprs: ParsedFormula["exprs"],
  input: IndicatorInput,
  options: EvaluateOptions,
): IndicatorValue {
  const context = { values: input.values, ...(options.option ? { option: options.option } : {}) };
  const num = (field: FormulaField): number | null | "zero" => {
    const expr = exprs[field] as Expr;
    const outcome = evaluateExpression(expr, context);
    if (outcome.divisionByZero) return "zero";
    if (outcome.referenced > 0 && outcome.found === 0) return null;
    return typeof outcome.value === "number" ? outcome.value : null;
  };
  switch (formula.kind) {
    case "ratio":
    case "rate":
      return divide(num("numerator"), num("denominator"), formula.kind === "rate" ? formula.per : formula.scale);
    case "ratioOfRatios": {
      const left = divide(num("a"), num("b"), 1);
      const right = divide(num("c"), num("d"), 1);
      if (left.reason || right.reason) {
        const reason = left.reason === "no-data" || right.reason === "no-data" ? "no-data" : "zero-denominator";
        return { value: null, numerator: left.value, denominator: right.value, reason };
      }
      return divide(left.value, right.value, formula.scale);
    }
    case "countOfUnits":
    case "qualitative":
      return countReporters(formula, exprs, input.reporters ?? [], options);
  }
}

function divide(n: number | null | "zero", d: number | null | "zero", scale: number): IndicatorValue {
  const numerator = typeof n === "number" ? n : null;
  const denominator = typeof d === "number" ? d : null;
  if (n === "zero" || d === "zero") return { value: null, numerator, denominator, reason: "zero-denominator" };
  if (n === null || d === null) return { value: null, numerator, denominator, reason: "no-data" };
  if (d === 0) return { value: null, numerator, denominator, reason: "zero-denominator" };
  return { value: (n / d) * scale, numerator, denominator };
}

function countReporters(
  formula: Extract<Formula, { kind: "countOfUnits" | "qualitative" }>,
  exprs: ParsedFormula["exprs"],
  reporters: readonly ReporterValues[],
  options: EvaluateOptions,
): IndicatorValue {
  const expr = (formula.kind === "countOfUnits" ? exprs.condition : exprs.dataElement) as Expr;
  const every = formula.kind === "countOfUnits" ? formula.every : undefined;
  let reporting = 0;
  let meeting = 0;
  for (const reporter of reporters) {
    const slices = every === "quarter" ? fourQuarters(reporter) : [reporter.values];
    const outcomes = slices.map((values) =>
      evaluateExpression(expr, { values, ...(options.option ? { option: options.option } : {}) }),
    );
    // A reporter counts when it reported any referenced value; a missing quarter then fails "every".
    if (!outcomes.some((o) => o.found > 0)) continue;
    reporting++;
    const met = outcomes.every((o) =>
      formula.kind === "qualitative" ? o.found > 0 && o.value === 1 : o.value === true,
    );
    if (met) meeting++;
  }
  return countValue(formula, meeting, reporting);
}

/**
 * The value of a "% of units" (or qualitative) formula from its counts: the same
 * result whether the reporters were counted here or read from a rollup.
 */
export function countValue(
  formula: Extract<Formula, { kind: "countOfUnits" | "qualitative" }>,
  meeting: number,
  reporting: number,
): IndicatorValue {
  if (reporting === 0) return { value: null, numerator: null, denominator: null, reason: "no-data" };
  const value =
    formula.kind === "countOfUnits" && formula.result === "count" ? meeting : (meeting / reporting) * formula.scale;
  return { value, numerator: meeting, denominator: reporting };
}

/** Units an indicator value is shown in (plan targets use the same names). */
export const FORMULA_UNITS = ["%", "times", "per100", "per1000", "per100000", "count"] as const;
export type FormulaUnit = (typeof FORMULA_UNITS)[number];

/** The factor a unit implies: "%" is a share × 100, "per1000" × 1000; a count has none. */
const UNIT_SCALE: Record<FormulaUnit, number | null> = {
  "%": 100,
  times: 1,
  per100: 100,
  per1000: 1000,
  per100000: 100000,
  count: null,
};

/** A share of reporters (done / reporting, meeting / reporting) rather than a ratio of sums or a count. */
function isReporterShare(formula: Formula): boolean {
  return formula.kind === "qualitative" || (formula.kind === "countOfUnits" && formula.result !== "count");
}

/**
 * The units that label what a formula computes. A unit never rescales a value, it
 * only prints it, so it must agree with the formula's scale: "%" needs × 100 (a 0–1
 * share printed with "%" reads 1 as "1%" instead of 100%). A share of reporters
 * reads as "%", as "% of units" indicators (1.1, 5.1, 6.3, 6.4) are stated.
 */
export function unitsOfFormula(formula: Formula): FormulaUnit[] {
  if (formula.kind === "countOfUnits" && formula.result === "count") return ["count"];
  if (formula.kind === "countOfUnits" || formula.kind === "qualitative") return formula.scale === 100 ? ["%"] : [];
  const scale = formula.kind === "rate" ? formula.per : formula.scale;
  return FORMULA_UNITS.filter((u) => UNIT_SCALE[u] === scale);
}

/** An error when `unit` does not label the value the formula computes (see unitsOfFormula), else null. */
export function checkFormulaUnit(formula: Formula, unit: string): FormulaError | null {
  const fits = unitsOfFormula(formula);
  if ((fits as string[]).includes(unit)) return null;
  const scale: unknown = formula.kind === "rate" ? formula.per : formula.scale;
  const shown = typeof scale === "number" ? String(scale) : "?";
  const fix = unitFix(formula, unit, fits);
  return {
    code: "bad-unit",
    field: "scale",
    position: 0,
    message: {
      vi: `Đơn vị “${unit}” không khớp với giá trị công thức tính ra (hệ số ${shown}): ${fix.vi}.`,
      en: `Unit "${unit}" does not match the value the formula computes (scale ${shown}): ${fix.en}.`,
    },
  };
}

function unitFix(formula: Formula, unit: string, fits: readonly FormulaUnit[]): LocalizedMessage {
  if (isReporterShare(formula)) {
    return unit === "%"
      ? { vi: "đặt hệ số 100 (tỷ lệ đơn vị đạt × 100)", en: "set scale 100 (share of units × 100)" }
      : { vi: "dùng đơn vị “%” với hệ số 100", en: 'use unit "%" with scale 100' };
  }
  const wanted = UNIT_SCALE[unit as FormulaUnit];
  if (typeof wanted === "number") return { vi: `đặt hệ số ${wanted}`, en: `set scale ${wanted}` };
  return { vi: `dùng đơn vị ${fits.join(", ") || "khác"}`, en: `use unit ${fits.join(", ") || "another"}` };
}

/**
 * A target on the scale of the formula's values, so status compares like with like.
 * A qualitative indicator is stated as done / not done ("= 1", no unit: done
 * everywhere) while its value is the percentage of reporters that have done it:
 * such a unitless 0–1 target of a qualitative formula shown in "%" is read × 100.
 * Any other target is returned unchanged.
 */
export function targetOnValueScale<T extends { value: number | null; unit?: string | null; baseline?: number | null }>(
  target: T,
  formula: Formula,
  unit: string,
): T {
  const flag = (v: number | null | undefined) => typeof v === "number" && v >= 0 && v <= 1;
  const asShare = formula.kind === "qualitative" && formula.scale === 100 && unit === "%";
  if (!asShare || (target.unit ?? null) !== null || !flag(target.value)) return target;
  const baseline = flag(target.baseline) ? { baseline: (target.baseline as number) * 100 } : {};
  return { ...target, value: (target.value as number) * 100, unit: "%", ...baseline };
}

/**
 * What makes two "% of units" formulas count the same reporters as meeting: kind,
 * condition (or element) and "every quarter"; scale and result only present the counts.
 */
export function conditionKey(formula: Extract<Formula, { kind: "countOfUnits" | "qualitative" }>): string {
  return formula.kind === "qualitative"
    ? `qualitative|${formula.dataElement}`
    : `countOfUnits|${formula.every ?? ""}|${formula.condition}`;
}

function fourQuarters(reporter: ReporterValues): DataValues[] {
  const quarters = reporter.quarters ?? [];
  return [0, 1, 2, 3].map((i) => quarters[i] ?? {});
}
