// Evaluation of parsed formula expressions (see formula-expression.ts for the
// language). Missing values count as 0, as DHIS2 does for indicators; callers see
// from `found` whether an expression had any data at all. A division by zero gives
// null, never Infinity, so it cannot leak into a consolidated figure.
import type { CompareOp, Expr } from "./formula-expression";

/** Values of one reporter or one consolidated unit: data element code → option → value. */
export type DataValues = Readonly<Record<string, Readonly<Record<string, number>>>>;

export interface EvalContext {
  values: DataValues;
  /** Disaggregate: an unqualified #{DE} reads only this option (e.g. "nu"). */
  option?: string;
}

export interface EvalOutcome {
  /** null when a division by zero occurred on the way. */
  value: number | boolean | null;
  referenced: number;
  found: number;
  divisionByZero: boolean;
}

/**
 * #{DE} is the sum of the element's disaggregated options when it has any, else its
 * "total" (a non-disaggregated element), so a by-sex element is never counted twice.
 */
export function readReference(values: DataValues, code: string, option: string | null): number | undefined {
  const byOption = values[code];
  if (!byOption) return undefined;
  if (option !== null && option !== "total") return byOption[option];
  let sum = 0;
  let any = false;
  for (const [key, value] of Object.entries(byOption)) {
    if (key === "total") continue;
    sum += value;
    any = true;
  }
  return any ? sum : byOption.total;
}

/**
 * Evaluates a parsed expression. Missing values count as 0 (DHIS2's default for
 * indicators); the caller decides from `found` whether there was any data at all.
 */
export function evaluateExpression(expr: Expr, context: EvalContext): EvalOutcome {
  const outcome: EvalOutcome = { value: null, referenced: 0, found: 0, divisionByZero: false };
  outcome.value = run(expr, context, outcome);
  return outcome;
}

function run(expr: Expr, context: EvalContext, out: EvalOutcome): number | boolean | null {
  const num = (e: Expr): number | null => {
    const v = run(e, context, out);
    return v === null ? null : Number(v);
  };
  const bool = (e: Expr): boolean | null => {
    const v = run(e, context, out);
    return v === null ? null : Boolean(v);
  };
  switch (expr.type) {
    case "num":
      return expr.value;
    case "ref": {
      out.referenced++;
      const option = expr.option ?? context.option ?? null;
      const value = readReference(context.values, expr.code, option);
      if (value === undefined) return 0;
      out.found++;
      return value;
    }
    case "neg": {
      const v = num(expr.arg);
      return v === null ? null : -v;
    }
    case "not": {
      const v = bool(expr.arg);
      return v === null ? null : !v;
    }
    case "binary": {
      const a = num(expr.left);
      const b = num(expr.right);
      if (a === null || b === null) return null;
      if (expr.op === "+") return a + b;
      if (expr.op === "-") return a - b;
      if (expr.op === "*") return a * b;
      if (b === 0) {
        out.divisionByZero = true;
        return null;
      }
      return a / b;
    }
    case "compare": {
      const a = num(expr.left);
      const b = num(expr.right);
      if (a === null || b === null) return null;
      return compare(expr.op, a, b);
    }
    case "logical": {
      const a = bool(expr.left);
      const b = bool(expr.right);
      if (expr.op === "and") return a === false || b === false ? false : a === null || b === null ? null : true;
      return a === true || b === true ? true : a === null || b === null ? null : false;
    }
    case "call":
      return call(expr, context, out, num, bool);
  }
}

function call(
  expr: Extract<Expr, { type: "call" }>,
  context: EvalContext,
  out: EvalOutcome,
  num: (e: Expr) => number | null,
  bool: (e: Expr) => boolean | null,
): number | boolean | null {
  if (expr.fn === "if") {
    // Lazy: the branch not taken must not raise a division by zero (if(#{N} > 0, #{A} / #{N}, 0)).
    const [cond, then, otherwise] = expr.args as [Expr, Expr, Expr];
    const c = bool(cond);
    if (c === null) return null;
    return run(c ? then : otherwise, context, out);
  }
  const values = expr.args.map(num);
  if (values.some((v) => v === null)) return null;
  const nums = values as number[];
  if (expr.fn === "sum") return nums.reduce((s, v) => s + v, 0);
  return expr.fn === "min" ? Math.min(...nums) : Math.max(...nums);
}

const EPSILON = 1e-9;

export function compare(op: CompareOp, a: number, b: number): boolean {
  switch (op) {
    case ">":
      return a > b + EPSILON;
    case ">=":
      return a >= b - EPSILON;
    case "<":
      return a < b - EPSILON;
    case "<=":
      return a <= b + EPSILON;
    case "==":
      return Math.abs(a - b) <= EPSILON;
    case "!=":
      return Math.abs(a - b) > EPSILON;
  }
}
