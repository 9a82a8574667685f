// Test builder: turns a plan typed as text ("I. MỤC TIÊU", "1. …", "a) …", "- …", "+ …") into a
// .docx where those labels are Word automatic numbering (w:numPr), not typed characters — the
// way many real plans are written. Bold (**…**) and markdown heading marks are handled like
// test/helpers/docx.ts.

import { AlignmentType, Document, LevelFormat, Packer, Paragraph, TextRun } from "docx";

const LEVELS = [
  { re: /^[IVX]{1,5}\.\s+/, format: LevelFormat.UPPER_ROMAN, text: "%1." },
  { re: /^\d{1,2}\.\s+/, format: LevelFormat.DECIMAL, text: "%2." },
  { re: /^[a-zđ]\)\s+/u, format: LevelFormat.LOWER_LETTER, text: "%3)" },
  { re: /^-\s+/, format: LevelFormat.BULLET, text: "-" },
  { re: /^\+\s+/, format: LevelFormat.BULLET, text: "+" },
] as const;

export const PLAN_NUMBERING = {
  config: [
    {
      reference: "plan",
      levels: LEVELS.map((l, level) => ({ level, format: l.format, text: l.text, alignment: AlignmentType.LEFT })),
    },
  ],
};

/** Which numbering level a typed line uses, and the line without its label. */
export function numberedLine(line: string): { level: number; rest: string; bold: boolean } | null {
  const m = /^(#{1,6}\s+)?(\*\*)?(.*)$/s.exec(line.trim());
  const body = m?.[3] ?? "";
  for (let level = 0; level < LEVELS.length; level++) {
    const l = LEVELS[level];
    const lm = l?.re.exec(body);
    if (l && lm) return { level, rest: (m?.[2] ?? "") + body.slice(lm[0].length), bold: Boolean(m?.[2]) };
  }
  return null;
}

function runs(text: string, boldAtStart: boolean): { runs: TextRun[]; bold: boolean } {
  let bold = boldAtStart;
  const out: TextRun[] = [];
  text.split("**").forEach((part, i) => {
    if (i > 0) bold = !bold;
    if (part) out.push(new TextRun({ text: part, bold }));
  });
  return { runs: out, bold };
}

/** A .docx whose list labels are Word numbering; `isNumbered` picks the lines to convert. */
export async function textToNumberedDocx(
  text: string,
  isNumbered: (line: string, index: number) => boolean = () => true,
): Promise<Uint8Array> {
  let bold = false;
  const paragraphs = text.split(/\r?\n/).map((line, index) => {
    const n = isNumbered(line, index) ? numberedLine(line) : null;
    if (!n) {
      const r = runs(line.replace(/^#{1,6}\s+/, ""), bold);
      bold = r.bold;
      return new Paragraph({ children: r.runs });
    }
    const r = runs(n.rest, bold);
    bold = r.bold;
    return new Paragraph({ children: r.runs, numbering: { reference: "plan", level: n.level } });
  });
  const doc = new Document({ numbering: PLAN_NUMBERING, sections: [{ children: paragraphs }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}
