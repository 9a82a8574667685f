import { Document, Packer, Paragraph, Table, TableCell, TableRow } from "docx";
import { describe, expect, it } from "vitest";
import { htmlToText } from "../../src/server/importer/html-text";
import { readDocument } from "../../src/server/importer/read-document";
import { parsePlanText } from "../../src/vn-parser/index";

const cell = (text: string, opts: { columnSpan?: number; rowSpan?: number } = {}): TableCell =>
  new TableCell({ children: [new Paragraph(text)], ...opts });
const row = (...cells: TableCell[]): TableRow => new TableRow({ children: cells });

describe("html-text: merged table cells keep the grid", () => {
  it("pads a column span and repeats a row span", () => {
    const html =
      '<table><tr><td rowspan="2">TT</td><td colspan="2">Mục tiêu</td><td rowspan="3">Sở Y tế</td></tr>' +
      "<tr><td>2025</td><td>2030</td></tr><tr><td>1</td><td>50%</td><td>60%</td></tr></table>";
    expect(htmlToText(html).split("\n")).toEqual([
      "| TT | Mục tiêu |  | Sở Y tế |",
      "| TT | 2025 | 2030 | Sở Y tế |",
      "| 1 | 50% | 60% | Sở Y tế |",
    ]);
  });
});

describe("indicator table in a .docx", () => {
  it("reads merged header, goal rows spanning the table and a merged lead-agency cell", async () => {
    const paragraphs = [
      "KẾ HOẠCH",
      "Thực hiện Chiến lược quốc gia về bình đẳng giới tỉnh X giai đoạn 2021 - 2025",
      "I. MỤC TIÊU",
      "1. Mục tiêu cụ thể (Phụ lục kèm theo)",
      "II. TỔ CHỨC THỰC HIỆN",
      "1. Sở Lao động - Thương binh và Xã hội",
      "Chủ trì, hướng dẫn, theo dõi việc thực hiện Kế hoạch.",
      "Trên đây là Kế hoạch thực hiện Chiến lược quốc gia về bình đẳng giới tỉnh X.",
      "PHỤ LỤC",
    ].map((t) => new Paragraph(t));
    const table = new Table({
      rows: [
        row(
          cell("STT", { rowSpan: 2 }),
          cell("Chỉ tiêu", { rowSpan: 2 }),
          cell("Đơn vị tính", { rowSpan: 2 }),
          cell("Mục tiêu", { columnSpan: 2 }),
          cell("Cơ quan chủ trì", { rowSpan: 2 }),
        ),
        row(cell("Năm 2025"), cell("Năm 2030")),
        row(cell("Mục tiêu 3: Trong lĩnh vực y tế", { columnSpan: 6 })),
        row(
          cell("1"),
          cell("Tỷ số giới tính khi sinh"),
          cell("Số bé trai/100 bé gái"),
          cell("109"),
          cell("107"),
          cell("Sở Y tế", { rowSpan: 2 }),
        ),
        row(
          cell("2"),
          cell("Tỷ lệ tử vong bà mẹ liên quan đến thai sản"),
          cell("/100.000 trẻ sinh sống"),
          cell("Dưới 42"),
          cell("Dưới 40"),
        ),
        row(cell("Mục tiêu 4: Trong lĩnh vực giáo dục, đào tạo", { columnSpan: 6 })),
        row(
          cell("1"),
          cell("Tỷ lệ nữ học viên, học sinh, sinh viên được tuyển mới thuộc hệ thống giáo dục nghề nghiệp"),
          cell("%"),
          cell("Trên 30"),
          cell("Trên 35"),
          cell("Sở Lao động - Thương binh và Xã hội"),
        ),
      ],
    });
    const doc = new Document({ sections: [{ children: [...paragraphs, table] }] });
    const r = await readDocument(new Uint8Array(await Packer.toBuffer(doc)), "plan.docx");
    const e = parsePlanText(r.text).extract;
    expect(e.goals.map((g) => [g.number, g.domain, g.indicators.length])).toEqual([
      [3, "health", 2],
      [4, "education", 1],
    ]);
    expect(
      e.goals.flatMap((g) =>
        g.indicators.flatMap((i) =>
          i.targets.map((t) => `${g.number}.${i.number} ${t.comparator}${t.value}${t.unit}@${t.year}`),
        ),
      ),
    ).toEqual([
      "3.1 =109per100@2025",
      "3.1 =107per100@2030",
      "3.2 <42per100000@2025",
      "3.2 <40per100000@2030",
      "4.1 >30%@2025",
      "4.1 >35%@2030",
    ]);
    expect(e.assignments.map((a) => `${a.agency}|${a.role}|${a.goal}.${a.indicator}`)).toEqual([
      "Sở Y tế|lead|3.1",
      "Sở Y tế|lead|3.2",
      "Sở Lao động - Thương binh và Xã hội|lead|4.1",
    ]);
  });
});
