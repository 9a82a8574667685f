import { readFileSync } from "node:fs";
import { AlignmentType, Document, LevelFormat, Packer, Paragraph } from "docx";
import { beforeAll, describe, expect, it } from "vitest";
import { formatNumber, labelNumberedParagraphs, readNumbering } from "../../src/server/importer/docx-numbering";
import { readDocument } from "../../src/server/importer/read-document";
import { type PlanExtract, parsePlanText } from "../../src/vn-parser/index";
import { goldCases, loadScoreOne, SAMPLES_DIR } from "../helpers/score";
import { numberedLine, textToNumberedDocx } from "./word-numbering";

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const para = (numId: string | null, ilvl: number | null, text: string, style?: string): string =>
  `<w:p><w:pPr>${style ? `<w:pStyle w:val="${style}"/>` : ""}${
    numId !== null
      ? `<w:numPr>${ilvl !== null ? `<w:ilvl w:val="${ilvl}"/>` : ""}<w:numId w:val="${numId}"/></w:numPr>`
      : ""
  }</w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
const lvl = (ilvl: number, fmt: string, text: string, extra = ""): string =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/>${extra}</w:lvl>`;

/** The labels written into each paragraph, in order ("" for an unnumbered one). */
function labels(numbering: string, body: string, styles = ""): string[] {
  const out = labelNumberedParagraphs(
    `<w:document ${W}><w:body>${body}</w:body></w:document>`,
    readNumbering(numbering, styles),
  );
  return [...out.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((m) => {
    const texts = [...(m[1] ?? "").matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]);
    return texts.length > 1 ? (texts[0] ?? "").trim() : "";
  });
}

describe("Word numbering labels", () => {
  it("formats every numFmt the plans use", () => {
    expect(
      ["decimal", "upperRoman", "lowerRoman", "upperLetter", "lowerLetter", "decimalZero"].map((f) =>
        formatNumber(4, f),
      ),
    ).toEqual(["4", "IV", "iv", "D", "d", "04"]);
    expect(formatNumber(14, "upperRoman")).toBe("XIV");
    expect(formatNumber(27, "lowerLetter")).toBe("aa");
  });

  it("numbers levels, restarts deeper levels, and continues a list across lists of the same abstractNum", () => {
    const numbering = `<w:numbering ${W}><w:abstractNum w:abstractNumId="0">${lvl(0, "upperRoman", "%1.")}${lvl(1, "decimal", "%2.")}${lvl(2, "lowerLetter", "%3)")}${lvl(3, "bullet", "-")}</w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;
    const body = [
      para("1", 0, "MỤC TIÊU"),
      para("1", 1, "Mục tiêu tổng quát"),
      para("1", 1, "Mục tiêu cụ thể"),
      para("1", 2, "Mục tiêu 1"),
      para("1", 3, "Chỉ tiêu 1"),
      para("1", 2, "Mục tiêu 2"),
      para(null, null, "văn bản"),
      para("2", 0, "NHIỆM VỤ"),
      para("2", 1, "Nhiệm vụ 1"),
      para("0", 0, "không đánh số"),
    ].join("");
    expect(labels(numbering, body)).toEqual(["I.", "1.", "2.", "a)", "-", "b)", "", "II.", "1.", ""]);
  });

  // Level 1 never restarts (lvlRestart 0) in list 1; list 2 restarts level 0 at 5 and replaces level 1,
  // whose new definition restarts as usual.
  it("applies startOverride, lvlRestart 0, multi-level text, isLgl and a replaced level", () => {
    const numbering = `<w:numbering ${W}><w:abstractNum w:abstractNumId="0">${lvl(0, "decimal", "%1.")}${lvl(1, "decimal", "%1.%2.", '<w:lvlRestart w:val="0"/>')}${lvl(2, "lowerRoman", "%1.%2.%3", "<w:isLgl/>")}</w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
      <w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride>
        <w:lvlOverride w:ilvl="1"><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="%2)"/></w:lvl></w:lvlOverride></w:num></w:numbering>`;
    const body = [
      para("1", 0, "a"),
      para("1", 1, "b"),
      para("1", 2, "c"),
      para("1", 0, "d"),
      para("1", 1, "e"),
      para("2", 0, "f"),
      para("2", 1, "g"),
    ].join("");
    expect(labels(numbering, body)).toEqual(["1.", "1.1.", "1.1.1", "2.", "2.2.", "5.", "A)"]);
  });

  it("reads numbering given by a paragraph style (styles.xml numPr, basedOn, level pStyle)", () => {
    const numbering = `<w:numbering ${W}><w:abstractNum w:abstractNumId="3">${lvl(0, "upperRoman", "%1.", '<w:pStyle w:val="Muc"/>')}${lvl(1, "decimal", "%2.", '<w:pStyle w:val="Muc2"/>')}</w:abstractNum><w:num w:numId="7"><w:abstractNumId w:val="3"/></w:num></w:numbering>`;
    const styles = `<w:styles ${W}><w:style w:type="paragraph" w:default="1" w:styleId="Normal"/><w:style w:type="paragraph" w:styleId="Muc"><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style><w:style w:type="paragraph" w:styleId="Muc2"><w:basedOn w:val="Muc"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style></w:styles>`;
    const body = [
      para(null, null, "MỤC TIÊU", "Muc"),
      para(null, null, "Mục tiêu tổng quát", "Muc2"),
      para(null, null, "thường"),
      para(null, null, "TỔ CHỨC", "Muc"),
    ].join("");
    expect(labels(numbering, body, styles)).toEqual(["I.", "1.", "", "II."]);
  });

  it("writes the labels into the text mammoth returns, bold with the paragraph", async () => {
    const doc = new Document({
      numbering: {
        config: [
          {
            reference: "p",
            levels: [
              { level: 0, format: LevelFormat.UPPER_ROMAN, text: "%1.", alignment: AlignmentType.LEFT },
              { level: 1, format: LevelFormat.DECIMAL, text: "%2.", alignment: AlignmentType.LEFT },
              { level: 2, format: LevelFormat.LOWER_LETTER, text: "%3)", alignment: AlignmentType.LEFT },
            ],
          },
        ],
      },
      sections: [
        {
          children: [
            new Paragraph({ text: "MỤC TIÊU", numbering: { reference: "p", level: 0 } }),
            new Paragraph({ text: "Mục tiêu cụ thể", numbering: { reference: "p", level: 1 } }),
            new Paragraph({ text: "Mục tiêu 1: Trong lĩnh vực chính trị", numbering: { reference: "p", level: 2 } }),
            new Paragraph({ text: "Mục tiêu 2: Trong lĩnh vực kinh tế", numbering: { reference: "p", level: 2 } }),
            new Paragraph({ text: "TỔ CHỨC THỰC HIỆN", numbering: { reference: "p", level: 0 } }),
            new Paragraph({ text: "Sở Y tế", numbering: { reference: "p", level: 1 } }),
          ],
        },
      ],
    });
    const r = await readDocument(new Uint8Array(await Packer.toBuffer(doc)), "plan.docx");
    expect(r.text).toBe(
      "I. MỤC TIÊU\n1. Mục tiêu cụ thể\na) Mục tiêu 1: Trong lĩnh vực chính trị\nb) Mục tiêu 2: Trong lĩnh vực kinh tế\nII. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế",
    );
  });
});

/** What must not depend on how the labels were written. */
function structure(e: PlanExtract): unknown {
  return {
    goals: e.goals.map((g) => ({
      number: g.number,
      domain: g.domain,
      indicators: g.indicators.map((i) => ({ number: i.number, targets: i.targets })),
    })),
    assignments: e.assignments,
    reporting: e.reporting,
    actionMonth: e.actionMonth,
    legalBasis: e.legalBasis,
  };
}

describe("plans whose labels are Word numbering parse like the typed text", () => {
  const cases = goldCases(SAMPLES_DIR);
  let scoreOne: Awaited<ReturnType<typeof loadScoreOne>>;
  beforeAll(async () => {
    scoreOne = await loadScoreOne();
  });

  it("converts labels in the samples (sanity check of the builder)", () => {
    expect(numberedLine("**II. MỤC TIÊU CHIẾN LƯỢC**")).toEqual({
      level: 0,
      rest: "**MỤC TIÊU CHIẾN LƯỢC**",
      bold: true,
    });
    expect(numberedLine("đ) Mục tiêu 5: Trong lĩnh vực giáo dục")?.level).toBe(2);
    expect(numberedLine("- Chỉ tiêu 1: …")?.level).toBe(3);
  });

  it.each(cases.map((c) => [c.name, c] as const))("%s: same extract from Word numbering", async (_name, c) => {
    const text = readFileSync(c.docPath, "utf8");
    // Word letters run a, b, c, d, e: a typed "đ)" list is kept as text (Word cannot number it so).
    const lines = text.split(/\r?\n/);
    const hasVietnameseLetter = (i: number): boolean => {
      // The lettered list a line belongs to: from the nearest non-letter numbered line up and down.
      let a = i;
      while (a > 0 && numberedLine(lines[a - 1] ?? "")?.level !== 1 && numberedLine(lines[a - 1] ?? "")?.level !== 0)
        a--;
      let b = i;
      while (
        b + 1 < lines.length &&
        numberedLine(lines[b + 1] ?? "")?.level !== 1 &&
        numberedLine(lines[b + 1] ?? "")?.level !== 0
      )
        b++;
      return lines.slice(a, b + 1).some((l) => /^\s*(?:\*\*)?đ\)/u.test(l));
    };
    const bytes = await textToNumberedDocx(
      text,
      (line, i) => numberedLine(line)?.level !== 2 || !hasVietnameseLetter(i),
    );
    const fromWord = parsePlanText((await readDocument(bytes, `${c.name}.docx`)).text).extract;
    const fromText = parsePlanText(text).extract;
    expect(structure(fromWord)).toEqual(structure(fromText));
    const s = scoreOne(c.gold, fromWord);
    expect(s.indicators.fn + s.indicators.fp).toBe(0);
    expect(s.targets.fn + s.targets.fp).toBe(0);
  });
});
