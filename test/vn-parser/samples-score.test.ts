import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { parsePlanText } from "../../src/vn-parser/index";
import { schemaProblems } from "../helpers/schema";
import { aggregate, type DocScore, FIXTURES_DIR, goldCases, loadScoreOne, SAMPLES_DIR } from "../helpers/score";

let scoreOne: Awaited<ReturnType<typeof loadScoreOne>>;
beforeAll(async () => {
  scoreOne = await loadScoreOne();
});

function expectGood(scores: DocScore[]): void {
  const { components, overall } = aggregate(scores);
  expect(overall).toBeGreaterThanOrEqual(0.95);
  for (const [name, value] of Object.entries(components)) {
    if (value !== null) expect(value, name).toBeGreaterThanOrEqual(0.9);
  }
}

describe("shared samples (score.mjs)", () => {
  const cases = goldCases(SAMPLES_DIR);
  it("finds the three samples", () => expect(cases.length).toBeGreaterThanOrEqual(3));
  it("scores ≥ 0.95 overall and ≥ 0.90 per component", () => {
    const scores = cases.map((c) => scoreOne(c.gold, parsePlanText(readFileSync(c.docPath, "utf8")).extract));
    expectGood(scores);
  });
  it.each(cases.map((c) => [c.name, c] as const))("%s is schema-valid and has spans for its fields", (_name, c) => {
    const r = parsePlanText(readFileSync(c.docPath, "utf8"));
    expect(schemaProblems(r.extract)).toEqual([]);
    for (const [key, span] of Object.entries(r.spans)) {
      expect(span.start, key).toBeGreaterThanOrEqual(0);
      expect(span.end, key).toBeLessThanOrEqual(r.text.length);
      expect(span.start, key).toBeLessThanOrEqual(span.end);
    }
    r.extract.goals.forEach((g, gi) => {
      g.indicators.forEach((_i, ii) => {
        expect(r.spans[`goals.${gi}.indicators.${ii}`]).toBeDefined();
      });
    });
    const number = r.extract.document.number;
    if (number) {
      const span = r.spans["document.number"];
      expect(span).toBeDefined();
      if (span) expect(r.text.slice(span.start, span.end)).toContain(number.split("/")[0]);
    }
  });
});

describe("own fixtures in other phrasings", () => {
  const cases = goldCases(FIXTURES_DIR);
  it("has fixtures", () => expect(cases.length).toBeGreaterThanOrEqual(3));
  it.each(cases.map((c) => [c.name, c] as const))("%s matches its hand-written extract", (_name, c) => {
    const pred = parsePlanText(readFileSync(c.docPath, "utf8")).extract;
    expectGood([scoreOne(c.gold, pred)]);
    expect(pred.document).toEqual(c.gold.document);
  });
});
