import fc from "fast-check";
import { describe, expect, it } from "vitest";
import strategy from "../../reference-data/strategy-2021-2030.json";
import { CATALOGUE_DATA_ELEMENTS, CATALOGUE_FORMULAS } from "../../src/core/catalogue-formulas";
import {
  checkFormulaUnit,
  dataElementsOf,
  evaluateIndicator,
  type Formula,
  parseFormula,
  targetOnValueScale,
  validateFormula,
} from "../../src/core/formula";
import { evaluateExpression } from "../../src/core/formula-eval";
import { parseExpression } from "../../src/core/formula-expression";
import { assessProgress, type StatusComparator } from "../../src/core/status";

function evalText(text: string, values: Record<string, Record<string, number>> = {}) {
  const parsed = parseExpression(text);
  if (!parsed.ok) throw new Error(parsed.errors[0]?.message.en);
  return evaluateExpression(parsed.expr, { values }).value;
}

describe("expression language", () => {
  const values = { A: { nu: 3, nam: 5 }, B: { total: 10 }, Z: { total: 0 } };

  it("does arithmetic with precedence, unicode operators and functions", () => {
    expect(evalText("1 + 2 * 3")).toBe(7);
    expect(evalText("(1 + 2) × 3")).toBe(9);
    expect(evalText("10 ÷ 4 − 1")).toBe(1.5);
    expect(evalText("-2 * -3")).toBe(6);
    expect(evalText("sum(1, 2, 3) + min(4, 2) + max(1, 9)")).toBe(17);
    expect(evalText("#{A} + #{A.nu} * 2 - #{B}", values)).toBe(8 + 6 - 10);
    expect(evalText("if(#{A.nam} > 4, 1, 2)", values)).toBe(1);
    expect(evalText("if(#{Z} > 0, #{B} / #{Z}, 0)", values)).toBe(0); // lazy: no division by zero
    expect(evalText("1.5e2")).toBe(150);
  });

  it("evaluates conditions", () => {
    expect(evalText("#{A} >= 8", values)).toBe(true);
    expect(evalText("#{A} ≥ 9", values)).toBe(false);
    expect(evalText("#{B} = 10 and #{A.nu} ≠ 3", values)).toBe(false);
    expect(evalText("#{B} == 10 || #{A.nu} != 3", values)).toBe(true);
    expect(evalText("not (#{B} < 5)", values)).toBe(true);
  });

  it("reads #{DE} as the sum of options, else the total", () => {
    expect(evalText("#{A}", values)).toBe(8);
    expect(evalText("#{B}", values)).toBe(10);
    expect(evalText("#{B.total}", values)).toBe(10);
    expect(evalText("#{A.total}", { A: { nu: 1, nam: 2, total: 99 } })).toBe(3);
    const parsed = parseExpression("#{A}");
    if (!parsed.ok) throw new Error("parse");
    expect(evaluateExpression(parsed.expr, { values, option: "nu" }).value).toBe(3);
  });

  it.each([
    ["", "empty", 0],
    ["1 +", "unexpected-end", 3],
    ["(1 + 2", "unexpected-end", 6],
    ["1 + * 2", "unexpected-token", 4],
    ["#{A B}", "bad-reference", 0],
    ["#{}", "bad-reference", 0],
    ["#{A.nu", "bad-reference", 0],
    ["2 $ 3", "unexpected-char", 2],
    ["avg(1)", "unknown-function", 0],
    ["if(1 > 0, 2)", "arity", 0],
    ["max()", "arity", 0],
    ["1 < 2 < 3", "chained-comparison", 6],
    ["1 + (2 > 1)", "type", 5],
    ["if(1, 2, 3)", "type", 3],
    ["1 2", "unexpected-token", 2],
    ["..5", "bad-number", 0],
  ])("reports %j as %s at %i", (text, code, position) => {
    const result = parseExpression(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]?.code).toBe(code);
    expect(result.errors[0]?.position).toBe(position);
    expect(result.errors[0]?.message.vi).toMatch(/^Vị trí \d+: /);
    expect(result.errors[0]?.message.en).toMatch(/^At position \d+: /);
  });

  it("says what was expected", () => {
    const result = parseExpression("#{A} / ");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]?.message.vi).toBe(
      'Vị trí 8: cần một số, một tham chiếu #{…}, một hàm hoặc dấu "(" nhưng gặp hết biểu thức.',
    );
    expect(result.errors[0]?.expected).toContain("#{…}");
  });

  it("refuses deep nesting and very long input without throwing", () => {
    expect(parseExpression(`${"(".repeat(5000)}1${")".repeat(5000)}`).ok).toBe(false);
    expect(parseExpression(`${"-".repeat(1500)}1`).ok).toBe(false);
    expect(parseExpression(`${"1+".repeat(1500)}1`).ok).toBe(false);
    expect(parseExpression(`${"(".repeat(30)}1${")".repeat(30)}`).ok).toBe(true);
  });

  it("never throws on any input", () => {
    const alphabet = fc.constantFrom(..."#{}()., +-*/×÷<>=!&|ABnu01 sumaxiftd".split(""));
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: alphabet, maxLength: 60 })), (text) => {
        const result = parseExpression(text);
        if (result.ok) {
          const outcome = evaluateExpression(result.expr, { values: { AB: { nu: 1 } } });
          expect(["number", "boolean", "object"]).toContain(typeof outcome.value);
        } else {
          expect(result.errors.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe("indicator formulas", () => {
  const known = CATALOGUE_DATA_ELEMENTS;

  it("computes a ratio of sums", () => {
    const f: Formula = { kind: "ratio", numerator: "#{W.nu}", denominator: "#{E.nu}", scale: 100 };
    expect(evaluateIndicator(f, { values: { W: { nu: 30 }, E: { nu: 60 } } })).toEqual({
      value: 50,
      numerator: 30,
      denominator: 60,
    });
    expect(evaluateIndicator(f, { values: { W: { nu: 30 }, E: { nu: 0 } } }).reason).toBe("zero-denominator");
    expect(evaluateIndicator(f, { values: { E: { nu: 60 } } }).reason).toBe("no-data");
    expect(evaluateIndicator(f, { values: {} }).reason).toBe("no-data");
    expect(evaluateIndicator(f, { values: { W: { nu: 30 }, E: { nu: 60 } }, partial: true }).reason).toBe("partial");
  });

  it("computes rates and a ratio of ratios", () => {
    const mmr: Formula = { kind: "rate", numerator: "#{D}", denominator: "#{B}", per: 100000 };
    expect(evaluateIndicator(mmr, { values: { D: { total: 3 }, B: { nu: 4000, nam: 4500 } } }).value).toBeCloseTo(
      (3 / 8500) * 100000,
    );
    const care: Formula = { kind: "ratioOfRatios", a: "#{H.nu}", b: "#{P.nu}", c: "#{H.nam}", d: "#{P.nam}", scale: 1 };
    const r = evaluateIndicator(care, { values: { H: { nu: 2000, nam: 1000 }, P: { nu: 100, nam: 80 } } });
    expect(r.value).toBeCloseTo(20 / 12.5);
    expect(r.numerator).toBe(20);
    expect(r.denominator).toBe(12.5);
    expect(evaluateIndicator(care, { values: { H: { nu: 1, nam: 0 }, P: { nu: 1, nam: 1 } } }).reason).toBe(
      "zero-denominator",
    );
  });

  it("counts reporters meeting a condition, in every quarter when asked", () => {
    const news: Formula = { kind: "countOfUnits", condition: "#{TIN} >= 4", every: "quarter", scale: 100 };
    const q = (n: number) => ({ TIN: { total: n } });
    const reporters = [
      { id: "u:1", values: {}, quarters: [q(4), q(5), q(4), q(9)] },
      { id: "u:2", values: {}, quarters: [q(4), q(3), q(4), q(9)] },
      { id: "u:3", values: {}, quarters: [q(4), q(4), q(4)] }, // Q4 missing: not met
      { id: "u:4", values: {}, quarters: [] }, // not reporting
    ];
    expect(evaluateIndicator(news, { values: {}, reporters })).toEqual({
      value: (1 / 3) * 100,
      numerator: 1,
      denominator: 3,
    });
    const count: Formula = {
      kind: "countOfUnits",
      condition: "#{TIN} >= 4",
      every: "quarter",
      scale: 1,
      result: "count",
    };
    expect(evaluateIndicator(count, { values: {}, reporters }).value).toBe(1);
    expect(evaluateIndicator(news, { values: {}, reporters: [] }).reason).toBe("no-data");
  });

  it("consolidates qualitative indicators as done / reporting", () => {
    const f: Formula = { kind: "qualitative", dataElement: "DONE", scale: 100 };
    const reporters = [1, 0, 1, 1].map((v, i) => ({ id: `a:${i}`, values: { DONE: { total: v } } }));
    expect(evaluateIndicator(f, { values: {}, reporters }).value).toBe(75);
  });

  it("accepts a unit only when it labels the value the formula computes", () => {
    const share = (scale: 1 | 100): Formula => ({ kind: "qualitative", dataElement: "DONE", scale });
    const ratio = (scale: 1 | 100): Formula => ({ kind: "ratio", numerator: "#{A}", denominator: "#{B}", scale });
    const units: Formula = { kind: "countOfUnits", condition: "#{A} >= 1", scale: 1, result: "count" };
    expect(checkFormulaUnit(share(100), "%")).toBeNull();
    expect(checkFormulaUnit(share(1), "%")?.code).toBe("bad-unit"); // a 0–1 share would print 1 as "1%"
    expect(checkFormulaUnit(share(100), "per100")?.code).toBe("bad-unit");
    expect(checkFormulaUnit(ratio(100), "%")).toBeNull();
    expect(checkFormulaUnit(ratio(100), "per100")).toBeNull();
    expect(checkFormulaUnit(ratio(1), "times")).toBeNull();
    expect(checkFormulaUnit(ratio(1), "%")?.message.vi).toMatch(/hệ số 100/);
    expect(checkFormulaUnit({ kind: "rate", numerator: "#{A}", denominator: "#{B}", per: 1000 }, "per1000")).toBeNull();
    expect(checkFormulaUnit(units, "count")).toBeNull();
    expect(checkFormulaUnit(units, "%")?.code).toBe("bad-unit");
    expect(checkFormulaUnit(ratio(100), "kg")?.code).toBe("bad-unit");
  });

  it("reads a qualitative done-flag target (“= 1”) on the percentage scale of its value", () => {
    const done: Formula = { kind: "qualitative", dataElement: "DONE", scale: 100 };
    const flag = { year: 2025, comparator: "=" as const, value: 1, unit: null, baseline: 0 };
    expect(targetOnValueScale(flag, done, "%")).toEqual({ ...flag, value: 100, unit: "%", baseline: 0 });
    // Already a percentage, or not a qualitative formula: unchanged.
    const pct = { ...flag, value: 100, unit: "%" };
    expect(targetOnValueScale(pct, done, "%")).toEqual(pct);
    expect(targetOnValueScale({ ...flag, value: 90 }, done, "%")).toEqual({ ...flag, value: 90 });
    expect(targetOnValueScale({ ...flag, value: null }, done, "%")).toEqual({ ...flag, value: null });
    const ratio: Formula = { kind: "ratio", numerator: "#{A}", denominator: "#{B}", scale: 1 };
    expect(targetOnValueScale({ ...flag, comparator: "<=" as const, value: 1.4 }, ratio, "times").value).toBe(1.4);
    expect(targetOnValueScale(flag, { ...done, scale: 1 }, "%")).toEqual(flag);
  });

  it("disaggregates by sex on request", () => {
    const f: Formula = { kind: "ratio", numerator: "#{C}", denominator: "#{G}", scale: 100 };
    const values = { C: { nu: 45, nam: 40 }, G: { nu: 50, nam: 50 } };
    expect(evaluateIndicator(f, { values }).value).toBe(85);
    expect(evaluateIndicator(f, { values }, { option: "nu" }).value).toBe(90);
    expect(evaluateIndicator(f, { values }, { option: "nam" }).value).toBe(80);
  });

  it("validates references, options, kinds and scales", () => {
    const bad = validateFormula(
      { kind: "ratio", numerator: "#{LD_LAMCONG.xx}", denominator: "#{NOPE}", scale: 100 },
      known,
    );
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.errors.map((e) => [e.code, e.field])).toEqual([
        ["unknown-option", "numerator"],
        ["unknown-data-element", "denominator"],
      ]);
      expect(bad.errors[0]?.message.vi).toContain('không có phân tổ "xx"');
    }
    const cond = parseFormula({ kind: "countOfUnits", condition: "#{TIN_BAI_BDG} + 1", scale: 100 });
    expect(cond.ok).toBe(false);
    const numeric = parseFormula({ kind: "ratio", numerator: "#{A} > 1", denominator: "#{B}", scale: 100 });
    expect(numeric.ok).toBe(false);
    const scale = parseFormula({ kind: "ratio", numerator: "#{A}", denominator: "#{B}", scale: 7 as 100 });
    expect(scale.ok ? null : scale.errors[0]?.code).toBe("bad-scale");
    const kind = parseFormula({ kind: "nonsense" } as unknown as Formula);
    expect(kind.ok ? null : kind.errors[0]?.code).toBe("bad-kind");
    expect(evaluateIndicator({ kind: "nonsense" } as unknown as Formula, { values: {} }).reason).toBe(
      "invalid-formula",
    );
  });

  it("never throws on any formula-shaped JSON", () => {
    const kinds = fc.constantFrom("ratio", "rate", "ratioOfRatios", "countOfUnits", "qualitative", "x");
    const field = fc.oneof(fc.string(), fc.constantFrom("#{A}", "#{A.nu} >= 1", "#{B} / 0"), fc.anything());
    const formulaArb = fc.oneof(
      fc.anything(),
      fc.record(
        { kind: kinds, numerator: field, denominator: field, a: field, b: field, c: field, d: field },
        { requiredKeys: ["kind"] },
      ),
      fc.record({ kind: kinds, condition: field, dataElement: field, every: fc.anything(), scale: fc.anything() }),
    );
    fc.assert(
      fc.property(formulaArb, (formula) => {
        const f = formula as Formula;
        parseFormula(f);
        validateFormula(f, known);
        dataElementsOf(f);
        const r = evaluateIndicator(f, {
          values: { A: { nu: 1 }, B: { total: 2 } },
          reporters: [{ id: "x", values: {} }],
        });
        expect(r.value === null || Number.isFinite(r.value)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it("lists data elements", () => {
    expect(
      dataElementsOf({ kind: "ratioOfRatios", a: "#{H.nu}", b: "#{P.nu}", c: "#{H.nam}", d: "#{P.nam}", scale: 1 }),
    ).toEqual(["H", "P"]);
    expect(dataElementsOf({ kind: "ratio", numerator: "#{B} +", denominator: "#{A}", scale: 100 })).toEqual(["A", "B"]);
    expect(dataElementsOf({ kind: "qualitative", dataElement: "Q", scale: 1 })).toEqual(["Q"]);
  });
});

describe("catalogue of the 19 strategy indicators", () => {
  const codes = strategy.goals.flatMap((g) => g.indicators.map((i) => i.code));

  it("has a valid formula for every indicator and every target subject", () => {
    expect(codes).toHaveLength(19);
    for (const indicator of strategy.goals.flatMap((g) => g.indicators)) {
      const subjects = [...new Set(indicator.targets.map((t) => ("subject" in t ? t.subject : null) ?? null))];
      for (const subject of subjects) {
        const def = CATALOGUE_FORMULAS.find((f) => f.indicator === indicator.code && f.subject === subject);
        expect(def, `${indicator.code} ${subject}`).toBeDefined();
        const result = validateFormula(def?.formula as Formula, CATALOGUE_DATA_ELEMENTS);
        expect(result.ok ? [] : result.errors.map((e) => e.message.en), indicator.code).toEqual([]);
        if (indicator.kind === "qualitative") expect(def?.formula.kind).toBe("qualitative");
      }
    }
    for (const def of CATALOGUE_FORMULAS) expect(codes).toContain(def.indicator);
  });

  it("uses every data element, each declared once, and bySex formulas read by-sex elements", () => {
    const used = new Set(CATALOGUE_FORMULAS.flatMap((f) => dataElementsOf(f.formula)));
    const declared = CATALOGUE_DATA_ELEMENTS.map((d) => d.code);
    expect(new Set(declared).size).toBe(declared.length);
    expect([...used].sort()).toEqual([...declared].sort());
    for (const def of CATALOGUE_FORMULAS.filter((f) => f.bySex)) {
      for (const code of dataElementsOf(def.formula)) {
        expect(CATALOGUE_DATA_ELEMENTS.find((d) => d.code === code)?.options).toEqual(["nu", "nam"]);
      }
    }
  });

  it("declares for every formula the unit of the value it computes", () => {
    for (const def of CATALOGUE_FORMULAS) {
      expect(checkFormulaUnit(def.formula, def.unit)?.message.en ?? null, `${def.indicator} ${def.subject}`).toBeNull();
    }
  });

  it("reads 5.1 (qualitative) as the percentage of reporters that have done it, like 1.1", () => {
    const def = CATALOGUE_FORMULAS.find((f) => f.indicator === "5.1");
    const reporters = (done: number[]) =>
      done.map((v, i) => ({ id: `a:${i}`, values: { GD_NOIDUNG_BDG: { total: v } } }));
    expect(def?.unit).toBe("%");
    const all = evaluateIndicator(def?.formula as Formula, { values: {}, reporters: reporters([1, 1, 1]) });
    expect(all).toEqual({ value: 100, numerator: 3, denominator: 3 });
    const some = evaluateIndicator(def?.formula as Formula, { values: {}, reporters: reporters([1, 0, 1, 0]) });
    expect(some.value).toBe(50);
  });

  it("assesses 5.1 against the strategy's “= 1” (done) on the same scale as its value", () => {
    const def = CATALOGUE_FORMULAS.find((f) => f.indicator === "5.1") as (typeof CATALOGUE_FORMULAS)[number];
    const stated = strategy.goals.flatMap((g) => g.indicators).find((i) => i.code === "5.1")?.targets[0];
    if (!stated) throw new Error("5.1 has a target in the strategy");
    const target = targetOnValueScale(
      { year: stated.year, comparator: stated.comparator as StatusComparator, value: stated.value, unit: stated.unit },
      def.formula,
      def.unit,
    );
    expect(target).toMatchObject({ comparator: "=", value: 100, unit: "%", year: 2025 });
    const status = (values: number[]) =>
      assessProgress({ targets: [target], series: values.map((value, k) => ({ year: 2023 + k, value })), year: 2025 })
        .status;
    expect(status([50, 75, 100])).toBe("achieved");
    expect(status([50, 75, 75])).toBe("off_track");
  });

  it("computes 2.1 and 4.1 like a statistician", () => {
    const wage = CATALOGUE_FORMULAS.find((f) => f.indicator === "2.1")?.formula as Formula;
    const values = { LD_LAMCONG: { nu: 5_100, nam: 6_000 }, LD_COVIECLAM: { nu: 10_000, nam: 11_000 } };
    expect(evaluateIndicator(wage, { values }).value).toBe(51);
    const srb = CATALOGUE_FORMULAS.find((f) => f.indicator === "4.1")?.formula as Formula;
    expect(evaluateIndicator(srb, { values: { TRE_SINHSONG: { nam: 1120, nu: 1000 } } }).value).toBeCloseTo(112);
  });
});
