import {
  AlignmentType,
  BorderStyle,
  Document,
  Table as DocxTable,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  type Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";

// The shared layout of official documents under NĐ 30/2020/NĐ-CP (Phụ lục I),
// used by the plan (plan-docx.ts) and the report (report-docx.ts): A4; margins
// top and bottom 20 mm, left 30 mm, right 15 mm; Times New Roman 14; issuing body
// top left and the national motto top right; number under the issuer; place and
// date right, in italics; type name and trích yếu centred; Nơi nhận bottom left
// in 12 pt; signature bottom right; page numbers from page 2, top centre.

export const MM = 56.7;
export const A4 = { width: 11906, height: 16838 } as const;
export const MARGINS = {
  top: Math.round(20 * MM),
  bottom: Math.round(20 * MM),
  left: Math.round(30 * MM),
  right: Math.round(15 * MM),
} as const;
export const TEXT_WIDTH = A4.width - MARGINS.left - MARGINS.right;
export const FONT = "Times New Roman";
export const SIZE = 28; // half-points: 14 pt
export const SMALL = 24; // 12 pt

const LETTERS = ["a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u"];
const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];

/** a, b, c, d, đ, e … as Vietnamese documents letter their items. */
export function letter(k: number): string {
  return LETTERS[k] ?? String(k + 1);
}

export function roman(k: number): string {
  return ROMAN[k] ?? String(k + 1);
}

export interface RunOptions {
  bold?: boolean;
  italics?: boolean;
  size?: number;
}

export function run(text: string, options: RunOptions = {}): TextRun {
  return new TextRun({ text, font: FONT, size: options.size ?? SIZE, bold: options.bold, italics: options.italics });
}

export function centred(text: string, options: RunOptions = {}): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, children: [run(text, options)] });
}

/** The short rule under the issuer, the motto and the trích yếu. */
export function rule(indent: number): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    indent: { left: indent, right: indent },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } },
    spacing: { after: 120 },
    children: [],
  });
}

/** A justified body paragraph with a first-line indent of 1 cm. */
export function body(text: string, options: { bold?: boolean; italics?: boolean; indent?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: options.indent === false ? undefined : { firstLine: 567 },
    spacing: { before: 60, after: 60, line: 300 },
    children: [run(text, { bold: options.bold, italics: options.italics })],
  });
}

export function blank(before = 240): Paragraph {
  return new Paragraph({ spacing: { before }, children: [] });
}

function layoutCell(children: Paragraph[], width: number): TableCell {
  return new TableCell({ width: { size: width, type: WidthType.DXA }, borders: TableBorders.NONE, children });
}

function twoColumns(left: Paragraph[], right: Paragraph[], leftWidth: number): Table {
  const rightWidth = TEXT_WIDTH - leftWidth;
  return new DocxTable({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [leftWidth, rightWidth],
    borders: TableBorders.NONE,
    rows: [new TableRow({ children: [layoutCell(left, leftWidth), layoutCell(right, rightWidth)] })],
  });
}

export interface HeaderBlock {
  /** ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ CẦN THƠ"]. */
  issuerLines: string[];
  /** "Số: 262/KH-UBND" or "Số:      /BC-UBND" for a draft. */
  numberLine: string;
  /** "Cần Thơ, ngày 28 tháng 01 năm 2024". */
  placeDate: string;
}

/** Issuer and number top left, national motto and place-date top right. */
export function headerTable(m: HeaderBlock): Table {
  const left = [
    ...m.issuerLines.map((line) => centred(line, { bold: true, size: 26 })),
    rule(1100),
    centred(m.numberLine, { size: 26 }),
  ];
  const right = [
    centred("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", { bold: true, size: 26 }),
    centred("Độc lập - Tự do - Hạnh phúc", { bold: true }),
    rule(1500),
    centred(m.placeDate, { italics: true }),
  ];
  return twoColumns(left, right, 3700);
}

export interface FooterBlock {
  recipients: string[];
  signer: { positionLines: string[]; name: string };
}

/** Nơi nhận bottom left (12 pt, recipients in 11 pt), signature block bottom right. */
export function footerTable(m: FooterBlock): Table {
  const left = [
    new Paragraph({ children: [run("Nơi nhận:", { bold: true, italics: true, size: SMALL })] }),
    ...m.recipients.map((r) => new Paragraph({ children: [run(`- ${r}`, { size: 22 })] })),
  ];
  const right = [
    ...m.signer.positionLines.map((line) => centred(line, { bold: true })),
    ...[1, 2, 3, 4].map(() => new Paragraph({ children: [] })),
    centred(m.signer.name, { bold: true }),
  ];
  return twoColumns(left, right, 4200);
}

/** An A4 document in the NĐ 30 layout: no number on the first page, then top centre. */
export async function renderNd30Document(options: { title: string; children: (Paragraph | Table)[] }): Promise<Buffer> {
  const doc = new Document({
    creator: "Bình Đẳng",
    title: options.title,
    styles: { default: { document: { run: { font: FONT, size: SIZE } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: A4.width, height: A4.height },
            margin: { ...MARGINS, header: 567, footer: 567 },
          },
        },
        headers: {
          first: new Header({ children: [new Paragraph({ children: [] })] }),
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: SIZE })],
              }),
            ],
          }),
        },
        children: options.children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
