import { describe, expect, it } from "vitest";
import { splitAgencies } from "../../src/vn-parser/agencies";
import { readRefs } from "../../src/vn-parser/assignments";
import { parsePlanText } from "../../src/vn-parser/index";

const GOALS = `2. Mục tiêu cụ thể
Mục tiêu 1: Trong lĩnh vực chính trị
Chỉ tiêu: đạt 60% cơ quan có lãnh đạo chủ chốt là nữ.
Mục tiêu 2: Trong lĩnh vực kinh tế, lao động
- Chỉ tiêu 1: đạt 50%.
- Chỉ tiêu 2: đạt 40%.
- Chỉ tiêu 3: đạt 30%.
Mục tiêu 3: Trong đời sống gia đình
- Chỉ tiêu 1: còn 1,5 lần so với nam giới.
- Chỉ tiêu 2: đạt 80%.
`;

const assign = (org: string) =>
  parsePlanText(
    `KẾ HOẠCH\nVề bình đẳng giới năm 2025\n\nI. MỤC TIÊU\n${GOALS}\nII. TỔ CHỨC THỰC HIỆN\n${org}\nTrên đây là Kế hoạch./.\n`,
  ).extract.assignments;

describe("references", () => {
  it("reads lists, 'và', 'Mục' for 'Mục tiêu' and parentheses", () => {
    expect(
      readRefs("chỉ tiêu 1, 2 và 3 của mục tiêu 2; chỉ tiêu 2 (số liệu về bạo lực gia đình) của mục 3").map((r) => [
        r.goal,
        r.indicators,
      ]),
    ).toEqual([
      [2, [1, 2, 3]],
      [3, [2]],
    ]);
    expect(readRefs("các chỉ tiêu 3, 4 mục tiêu 6").map((r) => [r.goal, r.indicators])).toEqual([[6, [3, 4]]]);
    expect(readRefs("thực hiện mục tiêu 2 (chỉ tiêu 1, 2)").map((r) => [r.goal, r.indicators])).toEqual([[2, [1, 2]]]);
    expect(readRefs("chủ trì thực hiện mục tiêu 7 của kế hoạch").map((r) => [r.goal, r.indicators])).toEqual([
      [7, null],
    ]);
  });
});

describe("assignments", () => {
  it("assigns lead for chịu trách nhiệm, expanding 'các chỉ tiêu của Mục tiêu N'", () => {
    expect(
      assign(
        "1. Sở Y tế\n- Chịu trách nhiệm tổ chức thực hiện, theo dõi và báo cáo kết quả triển khai các chỉ tiêu của Mục tiêu 2.",
      ),
    ).toEqual([
      { agency: "Sở Y tế", role: "lead", goal: 2, indicator: 1 },
      { agency: "Sở Y tế", role: "lead", goal: 2, indicator: 2 },
      { agency: "Sở Y tế", role: "lead", goal: 2, indicator: 3 },
    ]);
  });
  it("gives one agency two roles in one sentence", () => {
    expect(
      assign(
        "2. Sở Nội vụ: Chủ trì thực hiện Chỉ tiêu 1 của Mục tiêu 2 và phối hợp thực hiện Chỉ tiêu 2 thuộc Mục tiêu 3.",
      ),
    ).toEqual([
      { agency: "Sở Nội vụ", role: "lead", goal: 2, indicator: 1 },
      { agency: "Sở Nội vụ", role: "support", goal: 3, indicator: 2 },
    ]);
  });
  it("reads the report role and a whole goal", () => {
    expect(
      assign(
        "3. Chi cục Thống kê huyện: Chịu trách nhiệm thu thập và báo cáo số liệu liên quan tới thực hiện Chỉ tiêu 1 của Mục tiêu 3.\n4. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam huyện chủ trì giám sát Mục tiêu 1.",
      ),
    ).toEqual([
      { agency: "Chi cục Thống kê huyện", role: "report", goal: 3, indicator: 1 },
      { agency: "Ủy ban Mặt trận Tổ quốc Việt Nam huyện", role: "lead", goal: 1, indicator: null },
    ]);
  });
  it("handles headings in bold/markdown, several agencies and a bold sub-agency", () => {
    const a = assign(
      "## **5. Phòng Văn hóa và Thông tin; Đài Truyền thanh – Truyền hình huyện**\n- Đẩy mạnh tuyên truyền.\n- **Phòng Văn hóa và Thông tin:** Chịu trách nhiệm báo cáo kết quả Chỉ tiêu 2 của Mục tiêu 3.\n\n**6.** Hội Liên hiệp Phụ nữ huyện, Đoàn Thanh niên huyện phối hợp thực hiện Chỉ tiêu 1 của Mục tiêu 1.\n\n## 7. Chế độ báo cáo\nBáo cáo Chỉ tiêu 3 của Mục tiêu 2.",
    );
    expect(a).toEqual([
      { agency: "Phòng Văn hóa và Thông tin", role: "lead", goal: 3, indicator: 2 },
      { agency: "Hội Liên hiệp Phụ nữ huyện", role: "support", goal: 1, indicator: 1 },
      { agency: "Đoàn Thanh niên huyện", role: "support", goal: 1, indicator: 1 },
    ]);
  });
  it("splits several agencies but not a name with a comma", () => {
    expect(splitAgencies("Sở Văn hóa, Thể thao và Du lịch")).toEqual(["Sở Văn hóa, Thể thao và Du lịch"]);
    expect(splitAgencies("Đài Phát thanh và Truyền hình thành phố, Báo Cần Thơ")).toEqual([
      "Đài Phát thanh và Truyền hình thành phố",
      "Báo Cần Thơ",
    ]);
  });
});

describe("agencies named inside a paragraph", () => {
  it("gives each clause to the agency that opens it", () => {
    expect(
      assign(
        "Giao Sở Nội vụ chủ trì thực hiện Chỉ tiêu 1 của Mục tiêu 1; Sở Y tế phối hợp thực hiện Chỉ tiêu 2 của Mục tiêu 3.",
      ),
    ).toEqual([
      { agency: "Sở Nội vụ", role: "lead", goal: 1, indicator: 1 },
      { agency: "Sở Y tế", role: "support", goal: 3, indicator: 2 },
    ]);
  });
});
