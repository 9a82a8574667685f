import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parsePlanText } from "../../src/vn-parser/index";
import { schemaProblems } from "../helpers/schema";
import { goldCases, SAMPLES_DIR } from "../helpers/score";

const samples = goldCases(SAMPLES_DIR).map((c) => readFileSync(c.docPath, "utf8"));
const SNIPPETS = [
  "Chỉ tiêu 1:",
  "Mục tiêu 2:",
  "đạt 60%",
  "xuống dưới",
  "/100.000",
  "1,4 lần",
  "Số: /KH-UBND",
  "ngày tháng năm",
  "KẾ HOẠCH",
  "**",
  "|",
  "\n\n",
  "TM. ỦY BAN NHÂN DÂN",
  "trước ngày 15/6",
  "Tháng hành động",
  "Căn cứ Quyết định số",
  "(",
  ")",
  "a)",
  "- ",
  "Đề nghị Sở Y tế",
];

function check(text: string): void {
  const r = parsePlanText(text);
  expect(schemaProblems(r.extract)).toEqual([]);
  for (const s of Object.values(r.spans)) {
    expect(s.start).toBeGreaterThanOrEqual(0);
    expect(s.end).toBeLessThanOrEqual(r.text.length);
  }
  for (const w of r.warnings) expect(w.message && w.messageEn).toBeTruthy();
}

const mutation = fc.oneof(
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), len: fc.nat({ max: 400 }) }),
  fc.record({
    kind: fc.constant("insert" as const),
    at: fc.nat(),
    text: fc.oneof(fc.constantFrom(...SNIPPETS), fc.string({ unit: "binary", maxLength: 30 })),
  }),
  fc.record({ kind: fc.constant("swap" as const), at: fc.nat(), len: fc.nat({ max: 400 }) }),
);

type Mutation =
  | { kind: "delete"; at: number; len: number }
  | { kind: "insert"; at: number; text: string }
  | { kind: "swap"; at: number; len: number };

function mutate(text: string, ops: Mutation[]): string {
  let t = text;
  for (const op of ops) {
    const at = t.length ? op.at % t.length : 0;
    if (op.kind === "delete") t = t.slice(0, at) + t.slice(at + op.len);
    else if (op.kind === "insert") t = t.slice(0, at) + op.text + t.slice(at);
    else t = t.slice(at, at + op.len) + t.slice(0, at) + t.slice(at + op.len);
  }
  return t;
}

describe("parser robustness", () => {
  it("never throws on random text and stays schema-valid", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 2000 }), (s) => check(s)),
      { numRuns: 300 },
    );
  });
  it("never throws on random Vietnamese-looking text built from plan snippets", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...SNIPPETS), fc.string({ maxLength: 12 })), { maxLength: 200 }),
        (parts) => check(parts.join(" ")),
      ),
      { numRuns: 300 },
    );
  });
  it("never throws on mutated real plans", () => {
    fc.assert(
      fc.property(fc.nat({ max: samples.length - 1 }), fc.array(mutation, { maxLength: 25 }), (i, ops) =>
        check(mutate(samples[i]!, ops)),
      ),
      { numRuns: 150 },
    );
  });
  it("reads NFD input exactly like NFC input", () => {
    for (const s of samples) expect(parsePlanText(s.normalize("NFD")).extract).toEqual(parsePlanText(s).extract);
  });
  it("survives very long lines and pathological repetitions", () => {
    check("a".repeat(300_000));
    check("Chỉ tiêu 1, 2, 3, ".repeat(20_000));
    check(`${"9".repeat(50_000)}%`);
    check("mục tiêu 1 ".repeat(30_000));
    check(`Số: ${"/".repeat(10_000)}`);
    check(`${"ngày ".repeat(20_000)}tháng 6 năm 2021`);
    check(`KẾ HOẠCH\n${"- Chỉ tiêu 1: đạt 50%; ".repeat(15_000)}`);
    check(`${" ".repeat(100_000)}\n${"\n".repeat(100_000)}`);
    check("**".repeat(100_000));
  });
  it("survives a huge input (about 1 MB of plans)", () => {
    let big = "";
    while (big.length < 1_000_000) big += samples.join("\n");
    const r = parsePlanText(big);
    expect(schemaProblems(r.extract)).toEqual([]);
    expect(r.extract.goals.length).toBeGreaterThan(0);
  });
  it("degrades non-string input to an empty extract with a warning", () => {
    const r = parsePlanText(undefined as unknown as string);
    expect(schemaProblems(r.extract)).toEqual([]);
    expect(r.warnings.length).toBeGreaterThan(0);
  });
});
