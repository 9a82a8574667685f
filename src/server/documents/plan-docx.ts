import type { Paragraph, Table } from "docx";
import { blank, body, centred, footerTable, headerTable, letter, renderNd30Document, roman, rule, SMALL } from "./nd30";

// A plan in the layout of NĐ 30/2020/NĐ-CP; the shared header, footer and page
// setup live in nd30.ts (the report uses them too).

export { A4, letter, MARGINS, MM, roman } from "./nd30";

/** A numbered body section: "I. MỤC ĐÍCH, YÊU CẦU" with its items. */
export interface DocSection {
  heading: string;
  blocks: DocBlock[];
}

/** "1. Mục đích" with paragraphs and lettered items (a), b) …). */
export interface DocBlock {
  heading: string | null;
  paragraphs: string[];
  items: { heading: string | null; lines: string[] }[];
}

/** What the renderer needs; built from a plan by the service, no DB here. */
export interface PlanDocumentModel {
  issuerLines: string[];
  /** "Số: 262/KH-UBND" or "Số:      /KH-UBND" for a draft. */
  numberLine: string;
  /** "Cần Thơ, ngày 28 tháng 01 năm 2024". */
  placeDate: string;
  isDraft: boolean;
  title: string;
  preamble: string[];
  sections: DocSection[];
  closing: string | null;
  recipients: string[];
  signer: { positionLines: string[]; name: string };
}

function sectionParagraphs(section: DocSection, k: number): Paragraph[] {
  const out = [body(`${roman(k)}. ${section.heading.toLocaleUpperCase("vi")}`, { bold: true })];
  section.blocks.forEach((block, b) => {
    if (block.heading) out.push(body(`${b + 1}. ${block.heading}`, { bold: true }));
    for (const p of block.paragraphs) out.push(body(p));
    block.items.forEach((item, i) => {
      if (item.heading) out.push(body(`${letter(i)}) ${item.heading}`));
      for (const line of item.lines) out.push(body(line));
    });
  });
  return out;
}

export async function renderPlanDocx(m: PlanDocumentModel): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [headerTable(m)];
  if (m.isDraft) children.push(centred("DỰ THẢO", { bold: true, size: SMALL }));
  children.push(
    blank(),
    centred("KẾ HOẠCH", { bold: true }),
    centred(m.title, { bold: true }),
    rule(3200),
    ...m.preamble.map((p) => body(p)),
    ...m.sections.flatMap(sectionParagraphs),
  );
  if (m.closing) children.push(body(m.closing));
  children.push(blank(), footerTable(m));
  return renderNd30Document({ title: `Kế hoạch ${m.title}`, children });
}
