// The expression language of indicator formulas, modelled on DHIS2 indicator
// expressions (#{dataElement.categoryOptionCombo}) but smaller:
//
//   #{LD_LAMCONG.nu} / #{LD_COVIECLAM.nu}        references: all options summed, or one option
//   sum(#{A}, #{B}) - 2 × min(#{C.nu}, 4)         numbers, + − × ÷ (or + - * /), parentheses, sum/min/max
//   if(#{N} > 0, #{A} / #{N}, 0)                  if(condition, then, else)
//   #{TIN_BAI} >= 4 and not (#{X} = 0)            comparisons > >= ≥ < <= ≤ = == != ≠, and/or/not (&&, ||)
//
// A hand-written tokenizer and recursive-descent parser: user text is never
// passed to eval/Function, and every input yields data ({ok:false, errors}),
// never an exception. Errors carry the 0-based position and what was expected,
// in Vietnamese and English.
import type { LocalizedMessage } from "./errors";

export type NumOp = "+" | "-" | "*" | "/";
export type CompareOp = ">" | ">=" | "<" | "<=" | "==" | "!=";
export type FunctionName = "sum" | "min" | "max" | "if";

export type Expr =
  | { type: "num"; value: number; pos: number }
  | { type: "ref"; code: string; option: string | null; pos: number }
  | { type: "neg"; arg: Expr; pos: number }
  | { type: "not"; arg: Expr; pos: number }
  | { type: "binary"; op: NumOp; left: Expr; right: Expr; pos: number }
  | { type: "compare"; op: CompareOp; left: Expr; right: Expr; pos: number }
  | { type: "logical"; op: "and" | "or"; left: Expr; right: Expr; pos: number }
  | { type: "call"; fn: FunctionName; args: Expr[]; pos: number };

export type ExprType = "number" | "boolean";

export interface ExpressionError {
  code:
    | "empty"
    | "too-long"
    | "too-deep"
    | "unexpected-char"
    | "bad-number"
    | "bad-reference"
    | "unexpected-token"
    | "unexpected-end"
    | "unknown-function"
    | "arity"
    | "type"
    | "chained-comparison";
  /** 0-based offset in the expression text. */
  position: number;
  expected?: string[];
  message: LocalizedMessage;
}

export type ParseResult = { ok: true; expr: Expr; type: ExprType } | { ok: false; errors: ExpressionError[] };

export const MAX_EXPRESSION_LENGTH = 2000;
const MAX_DEPTH = 64;
const FUNCTIONS: readonly FunctionName[] = ["sum", "min", "max", "if"];

type Token =
  | { t: "num"; value: number; pos: number; text: string }
  | { t: "ref"; code: string; option: string | null; pos: number; text: string }
  | { t: "ident"; name: string; pos: number; text: string }
  | { t: "op"; op: string; pos: number; text: string }
  | { t: "end"; pos: number; text: string };

const OP_ALIASES: Record<string, string> = {
  "×": "*",
  "÷": "/",
  "−": "-",
  "–": "-",
  "≥": ">=",
  "≤": "<=",
  "≠": "!=",
  "=": "==",
  "&&": "and",
  "||": "or",
};
const MULTI_OPS = [">=", "<=", "==", "!=", "&&", "||"];
const SINGLE_OPS = "+-*/()<>,=×÷−–≥≤≠";

function err(
  code: ExpressionError["code"],
  position: number,
  vi: string,
  en: string,
  expected?: string[],
): ExpressionError {
  const where = { vi: `Vị trí ${position + 1}: `, en: `At position ${position + 1}: ` };
  return { code, position, ...(expected ? { expected } : {}), message: { vi: where.vi + vi, en: where.en + en } };
}

function tokenize(text: string): { tokens: Token[]; errors: ExpressionError[] } {
  const tokens: Token[] = [];
  const errors: ExpressionError[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (/[0-9.]/.test(c)) {
      const match = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/.exec(text.slice(i));
      const raw = match?.[0] ?? c;
      const value = Number(raw);
      if (!match || !Number.isFinite(value)) {
        errors.push(err("bad-number", i, `số "${raw}" không hợp lệ.`, `"${raw}" is not a valid number.`));
      }
      tokens.push({ t: "num", value: Number.isFinite(value) ? value : 0, pos: i, text: raw });
      i += raw.length;
      continue;
    }
    if (c === "#") {
      const match = /^#\{\s*([A-Za-z0-9_]+)\s*(?:\.\s*([A-Za-z0-9_]+)\s*)?\}/.exec(text.slice(i));
      if (!match) {
        const close = text.indexOf("}", i);
        errors.push(
          err(
            "bad-reference",
            i,
            'tham chiếu phải có dạng #{MA_CHI_TIEU} hoặc #{MA_CHI_TIEU.nu} (chữ không dấu, số, "_").',
            'a reference must look like #{DATA_ELEMENT} or #{DATA_ELEMENT.nu} (letters, digits, "_").',
            ["#{…}"],
          ),
        );
        i = close === -1 ? text.length : close + 1;
        tokens.push({ t: "num", value: 0, pos: i, text: "#" });
        continue;
      }
      tokens.push({ t: "ref", code: match[1] as string, option: match[2] ?? null, pos: i, text: match[0] });
      i += match[0].length;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      const word = (/^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i)) as RegExpExecArray)[0];
      tokens.push({ t: "ident", name: word.toLowerCase(), pos: i, text: word });
      i += word.length;
      continue;
    }
    const two = text.slice(i, i + 2);
    if (MULTI_OPS.includes(two)) {
      tokens.push({ t: "op", op: OP_ALIASES[two] ?? two, pos: i, text: two });
      i += 2;
      continue;
    }
    if (SINGLE_OPS.includes(c)) {
      tokens.push({ t: "op", op: OP_ALIASES[c] ?? c, pos: i, text: c });
      i++;
      continue;
    }
    errors.push(err("unexpected-char", i, `ký tự "${c}" không được dùng.`, `the character "${c}" is not allowed.`));
    i++;
  }
  tokens.push({ t: "end", pos: text.length, text: "" });
  return { tokens, errors };
}

class ParseFailure {
  constructor(readonly error: ExpressionError) {}
}

function describe(token: Token): { vi: string; en: string } {
  if (token.t === "end") return { vi: "hết biểu thức", en: "the end of the expression" };
  return { vi: `"${token.text}"`, en: `"${token.text}"` };
}

class Parser {
  private index = 0;
  private depth = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.index] as Token;
  }
  private next(): Token {
    const token = this.peek();
    if (token.t !== "end") this.index++;
    return token;
  }
  private isOp(op: string): boolean {
    const token = this.peek();
    return token.t === "op" && token.op === op;
  }
  private isWord(word: string): boolean {
    const token = this.peek();
    return (token.t === "ident" && token.name === word) || (token.t === "op" && token.op === word);
  }
  private fail(expectedVi: string, expectedEn: string, expected: string[]): never {
    const token = this.peek();
    const seen = describe(token);
    const code = token.t === "end" ? "unexpected-end" : "unexpected-token";
    throw new ParseFailure(
      err(
        code,
        token.pos,
        `cần ${expectedVi} nhưng gặp ${seen.vi}.`,
        `expected ${expectedEn} but found ${seen.en}.`,
        expected,
      ),
    );
  }
  private expectOp(op: string): void {
    if (!this.isOp(op)) this.fail(`"${op}"`, `"${op}"`, [op]);
    this.next();
  }

  parseAll(): Expr {
    const expr = this.or();
    if (this.peek().t !== "end") this.fail("một toán tử hoặc hết biểu thức", "an operator or the end", ["operator"]);
    return expr;
  }
  private nested<T>(pos: number, f: () => T): T {
    if (++this.depth > MAX_DEPTH) {
      throw new ParseFailure(
        err("too-deep", pos, "biểu thức lồng nhau quá sâu.", "the expression is nested too deeply."),
      );
    }
    try {
      return f();
    } finally {
      this.depth--;
    }
  }
  private or(): Expr {
    let left = this.and();
    while (this.isWord("or")) {
      const pos = this.next().pos;
      left = { type: "logical", op: "or", left, right: this.and(), pos };
    }
    return left;
  }
  private and(): Expr {
    let left = this.not();
    while (this.isWord("and")) {
      const pos = this.next().pos;
      left = { type: "logical", op: "and", left, right: this.not(), pos };
    }
    return left;
  }
  private not(): Expr {
    if (this.isWord("not")) {
      const pos = this.next().pos;
      return this.nested(pos, () => ({ type: "not", arg: this.not(), pos }));
    }
    return this.comparison();
  }
  private comparison(): Expr {
    const left = this.additive();
    const token = this.peek();
    if (token.t !== "op" || !["<", "<=", ">", ">=", "==", "!="].includes(token.op)) return left;
    this.next();
    const right = this.additive();
    const after = this.peek();
    if (after.t === "op" && ["<", "<=", ">", ">=", "==", "!="].includes(after.op)) {
      throw new ParseFailure(
        err(
          "chained-comparison",
          after.pos,
          'không được so sánh liên tiếp (a < b < c); hãy viết "a < b and b < c".',
          'comparisons cannot be chained (a < b < c); write "a < b and b < c".',
        ),
      );
    }
    return { type: "compare", op: token.op as CompareOp, left, right, pos: token.pos };
  }
  private additive(): Expr {
    let left = this.term();
    while (this.isOp("+") || this.isOp("-")) {
      const token = this.next() as Extract<Token, { t: "op" }>;
      left = { type: "binary", op: token.op as NumOp, left, right: this.term(), pos: token.pos };
    }
    return left;
  }
  private term(): Expr {
    let left = this.unary();
    while (this.isOp("*") || this.isOp("/")) {
      const token = this.next() as Extract<Token, { t: "op" }>;
      left = { type: "binary", op: token.op as NumOp, left, right: this.unary(), pos: token.pos };
    }
    return left;
  }
  private unary(): Expr {
    if (this.isOp("-") || this.isOp("+")) {
      const token = this.next();
      const arg = this.nested(token.pos, () => this.unary());
      return token.t === "op" && token.op === "-" ? { type: "neg", arg, pos: token.pos } : arg;
    }
    return this.primary();
  }
  private primary(): Expr {
    const token = this.peek();
    if (token.t === "num") {
      this.next();
      return { type: "num", value: token.value, pos: token.pos };
    }
    if (token.t === "ref") {
      this.next();
      return { type: "ref", code: token.code, option: token.option, pos: token.pos };
    }
    if (token.t === "op" && token.op === "(") {
      this.next();
      const inner = this.nested(token.pos, () => this.or());
      this.expectOp(")");
      return inner;
    }
    if (token.t === "ident" && !["and", "or", "not"].includes(token.name)) return this.call(token);
    return this.fail(
      'một số, một tham chiếu #{…}, một hàm hoặc dấu "("',
      'a number, a reference #{…}, a function or "("',
      ["number", "#{…}", "function", "("],
    );
  }
  private call(token: Extract<Token, { t: "ident" }>): Expr {
    const fn = token.name as FunctionName;
    if (!FUNCTIONS.includes(fn)) {
      throw new ParseFailure(
        err(
          "unknown-function",
          token.pos,
          `không có hàm "${token.text}"; dùng sum, min, max hoặc if.`,
          `there is no function "${token.text}"; use sum, min, max or if.`,
          [...FUNCTIONS],
        ),
      );
    }
    this.next();
    this.expectOp("(");
    const args: Expr[] = [];
    this.nested(token.pos, () => {
      if (this.isOp(")")) return;
      args.push(this.or());
      while (this.isOp(",")) {
        this.next();
        args.push(this.or());
      }
    });
    if (!this.isOp(")")) this.fail('"," hoặc ")"', '"," or ")"', [",", ")"]);
    this.next();
    const arityOk = fn === "if" ? args.length === 3 : args.length >= 1;
    if (!arityOk) {
      const want =
        fn === "if"
          ? { vi: "đúng 3 đối số", en: "exactly 3 arguments" }
          : { vi: "ít nhất 1 đối số", en: "at least 1 argument" };
      throw new ParseFailure(
        err(
          "arity",
          token.pos,
          `hàm ${fn} cần ${want.vi}, có ${args.length}.`,
          `${fn} needs ${want.en}, got ${args.length}.`,
        ),
      );
    }
    return { type: "call", fn, args, pos: token.pos };
  }
}

/** Where an expression starts in the text (its leftmost token). */
function startOf(expr: Expr): number {
  switch (expr.type) {
    case "binary":
    case "compare":
    case "logical":
      return Math.min(expr.pos, startOf(expr.left));
    default:
      return expr.pos;
  }
}

function typeError(expr: Expr, want: ExprType): ExpressionError {
  return want === "number"
    ? err(
        "type",
        startOf(expr),
        "cần một giá trị số ở đây, không phải một điều kiện.",
        "a number is needed here, not a condition.",
      )
    : err(
        "type",
        startOf(expr),
        "cần một điều kiện (phép so sánh) ở đây.",
        "a condition (a comparison) is needed here.",
      );
}

/** Static types: arithmetic on numbers, and/or/not/if-conditions on comparisons. */
function typeCheck(expr: Expr, errors: ExpressionError[]): ExprType {
  const want = (e: Expr, t: ExprType) => {
    if (typeCheck(e, errors) !== t) errors.push(typeError(e, t));
  };
  switch (expr.type) {
    case "num":
    case "ref":
      return "number";
    case "neg":
      want(expr.arg, "number");
      return "number";
    case "binary":
      want(expr.left, "number");
      want(expr.right, "number");
      return "number";
    case "compare":
      want(expr.left, "number");
      want(expr.right, "number");
      return "boolean";
    case "not":
      want(expr.arg, "boolean");
      return "boolean";
    case "logical":
      want(expr.left, "boolean");
      want(expr.right, "boolean");
      return "boolean";
    case "call": {
      if (expr.fn !== "if") {
        for (const arg of expr.args) want(arg, "number");
        return "number";
      }
      const [cond, then, otherwise] = expr.args as [Expr, Expr, Expr];
      want(cond, "boolean");
      const thenType = typeCheck(then, errors);
      want(otherwise, thenType);
      return thenType;
    }
  }
}

export function parseExpression(text: string): ParseResult {
  try {
    if (typeof text !== "string" || text.trim() === "") {
      return { ok: false, errors: [err("empty", 0, "biểu thức đang trống.", "the expression is empty.")] };
    }
    if (text.length > MAX_EXPRESSION_LENGTH) {
      return {
        ok: false,
        errors: [
          err(
            "too-long",
            MAX_EXPRESSION_LENGTH,
            `biểu thức dài quá ${MAX_EXPRESSION_LENGTH} ký tự.`,
            `the expression is longer than ${MAX_EXPRESSION_LENGTH} characters.`,
          ),
        ],
      };
    }
    const { tokens, errors } = tokenize(text.normalize("NFC"));
    if (errors.length > 0) return { ok: false, errors };
    const expr = new Parser(tokens).parseAll();
    const typeErrors: ExpressionError[] = [];
    const type = typeCheck(expr, typeErrors);
    return typeErrors.length > 0 ? { ok: false, errors: typeErrors } : { ok: true, expr, type };
  } catch (caught) {
    if (caught instanceof ParseFailure) return { ok: false, errors: [caught.error] };
    // Defence in depth: user input must never crash a request.
    return {
      ok: false,
      errors: [err("too-deep", 0, "không đọc được biểu thức.", "the expression could not be read.")],
    };
  }
}

/** Every reference in an expression, in order of appearance. */
export function referencesOf(expr: Expr): Array<{ code: string; option: string | null; pos: number }> {
  switch (expr.type) {
    case "num":
      return [];
    case "ref":
      return [{ code: expr.code, option: expr.option, pos: expr.pos }];
    case "neg":
    case "not":
      return referencesOf(expr.arg);
    case "binary":
    case "compare":
    case "logical":
      return [...referencesOf(expr.left), ...referencesOf(expr.right)];
    case "call":
      return expr.args.flatMap(referencesOf);
  }
}
