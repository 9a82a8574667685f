import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlign,
  WidthType,
} from "docx";
import {
  blank,
  body,
  centred,
  type FooterBlock,
  footerTable,
  type HeaderBlock,
  headerTable,
  renderNd30Document,
  roman,
  rule,
  run,
  SMALL,
  TEXT_WIDTH,
} from "./nd30";

// The 6-month or annual report of a unit (báo cáo kết quả thực hiện công tác bình
// đẳng giới) in the NĐ 30/2020 layout: header blocks, "Số: …/BC-UBND", place and
// date, BÁO CÁO and trích yếu, "Kính gửi", I. results by goal with the indicator
// table (chỉ tiêu — kế hoạch — thực hiện — đánh giá), II. the agencies' narratives
// and activities, III. difficulties, IV. proposals, Nơi nhận and signature. The
// numbers come formatted from the service: this file only lays them out.

export interface ReportGoal {
  /** "Mục tiêu 1: Tăng cường sự tham gia …". */
  heading: string;
  /** "3 chỉ tiêu: 1 đạt, 1 đúng tiến độ, 1 chưa có số liệu." */
  summary: string;
  /** [mã, chỉ tiêu, kế hoạch, thực hiện, đánh giá]. */
  rows: [string, string, string, string, string][];
}

export interface ReportDocumentModel extends HeaderBlock, FooterBlock {
  isDraft: boolean;
  /** The trích yếu: "Kết quả thực hiện công tác bình đẳng giới năm 2025". */
  title: string;
  /** "Kính gửi: Bộ Nội vụ." */
  recipientLine: string;
  intro: string[];
  goals: ReportGoal[];
  /** Per goal: the narratives the agencies and lower units sent with their figures. */
  narratives: { heading: string; paragraphs: string[] }[];
  activities: string[];
  difficulties: string[];
  proposals: string[];
  footnotes: string[];
}

const COLUMNS = [
  { label: "Mã", width: 700 },
  { label: "Chỉ tiêu", width: 3900 },
  { label: "Kế hoạch", width: 1600 },
  { label: "Thực hiện", width: 1400 },
  { label: "Đánh giá", width: TEXT_WIDTH - 700 - 3900 - 1600 - 1400 },
];

const LINE = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
const BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE };

function tableCell(value: string, width: number, options: { bold?: boolean; centre?: boolean } = {}): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders: BORDERS,
    verticalAlign: VerticalAlign.CENTER,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: [
      new Paragraph({
        alignment: options.centre ? AlignmentType.CENTER : AlignmentType.LEFT,
        children: [run(value, { bold: options.bold, size: SMALL })],
      }),
    ],
  });
}

function indicatorTable(goal: ReportGoal): Table {
  const header = new TableRow({
    tableHeader: true,
    children: COLUMNS.map((c) => tableCell(c.label, c.width, { bold: true, centre: true })),
  });
  const rows = goal.rows.map(
    (r) =>
      new TableRow({
        cantSplit: true,
        children: r.map((value, k) => tableCell(value, (COLUMNS[k] as { width: number }).width, { centre: k !== 1 })),
      }),
  );
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: COLUMNS.map((c) => c.width),
    layout: TableLayoutType.FIXED,
    rows: [header, ...rows],
  });
}

function heading(text: string): Paragraph {
  return body(text, { bold: true });
}

function paragraphsOr(list: readonly string[]): Paragraph[] {
  return (list.length > 0 ? list : ["…"]).map((p) => body(p));
}

export async function renderReportDocx(m: ReportDocumentModel): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [headerTable(m)];
  if (m.isDraft) children.push(centred("DỰ THẢO", { bold: true, size: SMALL }));
  children.push(
    blank(),
    centred("BÁO CÁO", { bold: true }),
    centred(m.title, { bold: true }),
    rule(3200),
    centred(m.recipientLine),
    blank(120),
    ...m.intro.map((p) => body(p)),
  );
  let section = 0;
  children.push(heading(`${roman(section++)}. KẾT QUẢ THỰC HIỆN CÁC MỤC TIÊU, CHỈ TIÊU`));
  m.goals.forEach((goal, k) => {
    children.push(heading(`${k + 1}. ${goal.heading}`), body(goal.summary), indicatorTable(goal), blank(120));
  });
  children.push(heading(`${roman(section++)}. KẾT QUẢ THỰC HIỆN NHIỆM VỤ CỦA CÁC CƠ QUAN, ĐƠN VỊ`));
  m.narratives.forEach((n, k) => {
    children.push(heading(`${k + 1}. ${n.heading}`), ...paragraphsOr(n.paragraphs));
  });
  children.push(heading(`${m.narratives.length + 1}. Các hoạt động, Tháng hành động`), ...paragraphsOr(m.activities));
  children.push(heading(`${roman(section++)}. KHÓ KHĂN, VƯỚNG MẮC`), ...paragraphsOr(m.difficulties));
  children.push(heading(`${roman(section++)}. ĐỀ XUẤT, KIẾN NGHỊ`), ...paragraphsOr(m.proposals));
  for (const note of m.footnotes) children.push(body(note, { italics: true }));
  children.push(blank(), footerTable(m));
  return renderNd30Document({ title: `Báo cáo ${m.title}`, children });
}
