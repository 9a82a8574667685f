import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type PlanExtract, parsePlanText } from "../../src/vn-parser/index";
import { fold } from "../../src/vn-parser/tables";
import { FIXTURES_DIR, loadScoreOne, SAMPLES_DIR } from "../helpers/score";

let scoreOne: Awaited<ReturnType<typeof loadScoreOne>>;
beforeAll(async () => {
  scoreOne = await loadScoreOne();
});

/** Goal/indicator numbers with their targets: what a table must give like the text. */
function shape(e: PlanExtract): string[] {
  return e.goals.flatMap((g) =>
    g.indicators.map(
      (i) =>
        `${g.number}.${i.number}: ${i.targets.map((t) => `${t.comparator}${t.value}${t.unit}@${t.year}`).join(", ")}`,
    ),
  );
}

const targetsOf = (e: PlanExtract) =>
  e.goals.flatMap((g) =>
    g.indicators.flatMap((i) =>
      i.targets.map((t) => [g.number, i.number, t.comparator, t.value, t.unit, t.year, t.baseline]),
    ),
  );

const PLAN_HEAD = `**KẾ HOẠCH**
**Thực hiện Chiến lược quốc gia về bình đẳng giới tỉnh X giai đoạn 2021 - 2025**

I. MỤC TIÊU

1. Mục tiêu chung

Thu hẹp khoảng cách giới, tạo điều kiện, cơ hội để phụ nữ và nam giới tham gia, thụ hưởng bình đẳng.

2. Mục tiêu cụ thể và chỉ tiêu (chi tiết tại Phụ lục kèm theo)
`;

const PLAN_TAIL = `
II. TỔ CHỨC THỰC HIỆN

1. Sở Lao động - Thương binh và Xã hội

Chủ trì, theo dõi, đôn đốc việc thực hiện Kế hoạch.

Trên đây là Kế hoạch thực hiện Chiến lược quốc gia về bình đẳng giới tỉnh X giai đoạn 2021 - 2025.
`;

describe("fold", () => {
  it("drops tone marks and đ", () => expect(fold("Đơn vị  TÍNH")).toBe("don vi tinh"));
});

describe("indicator tables", () => {
  it("cantho-2024 restated as a table extracts the gold indicators, targets and assignments", () => {
    const gold = JSON.parse(readFileSync(join(SAMPLES_DIR, "cantho-2024.gold.json"), "utf8")) as PlanExtract;
    const table = parsePlanText(readFileSync(join(FIXTURES_DIR, "cantho-2024-table.md"), "utf8")).extract;
    const text = parsePlanText(readFileSync(join(SAMPLES_DIR, "cantho-2024.txt"), "utf8")).extract;
    expect(shape(table)).toEqual(shape(text));
    expect(table.goals.map((g) => [g.number, g.domain])).toEqual(text.goals.map((g) => [g.number, g.domain]));
    const s = scoreOne(gold, table);
    expect(s.indicators).toEqual({ tp: 19, fp: 0, fn: 0 });
    expect(s.targets.fn + s.targets.fp).toBe(0);
    expect(s.assignments.fn + s.assignments.fp).toBe(0);
  });

  it("reads a two-row header with milestone years, a baseline column, numbered goal rows and merged agencies", () => {
    const text = `${PLAN_HEAD}
PHỤ LỤC
CÁC CHỈ TIÊU BÌNH ĐẲNG GIỚI GIAI ĐOẠN 2021 - 2025

| TT | Nội dung chỉ tiêu | Đơn vị tính | Thực hiện năm 2020 | Mục tiêu |  | Cơ quan chủ trì | Cơ quan phối hợp |
| TT | Nội dung chỉ tiêu | Đơn vị tính | Thực hiện năm 2020 | Năm 2025 | Năm 2030 | Cơ quan chủ trì | Cơ quan phối hợp |
| 1 | Lĩnh vực chính trị |  |  |  |  |  |  |
| 1.1 | Tỷ lệ đại biểu nữ Hội đồng nhân dân tỉnh | % | 28 | ≥ 30 | 35 | Sở Nội vụ | Hội Liên hiệp Phụ nữ tỉnh |
| 1.2 | Tỷ lệ cơ quan, đơn vị có lãnh đạo chủ chốt là nữ | % | 45 | 60 | 75 | Sở Nội vụ | |
| 2 | Lĩnh vực y tế |  |  |  |  |  |  |
| 2.1 | Tỷ số giới tính khi sinh | Số bé trai/100 bé gái | 112 | 109 | 107 | Sở Y tế | Sở Thông tin và Truyền thông, Ủy ban nhân dân các huyện |
| 2.2 | Tỷ lệ tử vong bà mẹ liên quan đến thai sản | Ca/100.000 trẻ sinh sống | 46 | < 42 | 40 | Sở Y tế | |
${PLAN_TAIL}`;
    const e = parsePlanText(text).extract;
    expect(e.goals.map((g) => [g.number, g.domain, g.title])).toEqual([
      [1, "politics", "Lĩnh vực chính trị"],
      [2, "health", "Lĩnh vực y tế"],
    ]);
    expect(targetsOf(e)).toEqual([
      [1, 1, ">=", 30, "%", 2025, 28],
      [1, 1, ">=", 35, "%", 2030, 28],
      [1, 2, ">=", 60, "%", 2025, 45],
      [1, 2, ">=", 75, "%", 2030, 45],
      // Below the baseline: the table aims downward.
      [2, 1, "<=", 109, "per100", 2025, 112],
      [2, 1, "<=", 107, "per100", 2030, 112],
      [2, 2, "<", 42, "per100000", 2025, 46],
      [2, 2, "<=", 40, "per100000", 2030, 46],
    ]);
    expect(e.goals[0]?.indicators[0]?.text).toBe("Tỷ lệ đại biểu nữ Hội đồng nhân dân tỉnh");
    const a = e.assignments.map((x) => `${x.agency}|${x.role}|${x.goal}.${x.indicator}`);
    expect(a).toEqual(
      expect.arrayContaining([
        "Sở Nội vụ|lead|1.1",
        "Hội Liên hiệp Phụ nữ tỉnh|support|1.1",
        "Sở Nội vụ|lead|1.2",
        "Sở Y tế|lead|2.1",
        "Sở Thông tin và Truyền thông|support|2.1",
        "Ủy ban nhân dân các huyện|support|2.1",
        "Sở Y tế|lead|2.2",
      ]),
    );
    expect(a).toHaveLength(7);
  });

  it("reads PDF-style rows (columns split by wide gaps) and an indicator sentence holding its own value", () => {
    const text = `${PLAN_HEAD}
STT | Chỉ tiêu | Cơ quan chủ trì | Cơ quan phối hợp
1 | Mục tiêu 1: Trong lĩnh vực kinh tế, lao động | |
1 | Chỉ tiêu 1: Tỷ lệ lao động nữ làm công hưởng lương đạt 50% vào năm 2025 | Sở Lao động - Thương binh và Xã hội | Cục Thống kê tỉnh
2 | Chỉ tiêu 2: Tỷ lệ nữ giám đốc/chủ doanh nghiệp, hợp tác xã đạt ít nhất 27% vào năm 2025 | Sở Kế hoạch và Đầu tư | Liên minh Hợp tác xã tỉnh
${PLAN_TAIL}`;
    const e = parsePlanText(text).extract;
    expect(shape(e)).toEqual(["1.1: >=50%@2025", "1.2: >=27%@2025"]);
    expect(e.goals[0]?.domain).toBe("economy");
    expect(e.assignments.map((x) => `${x.agency}|${x.role}|${x.goal}.${x.indicator}`)).toEqual(
      expect.arrayContaining(["Sở Lao động - Thương binh và Xã hội|lead|1.1", "Sở Kế hoạch và Đầu tư|lead|1.2"]),
    );
  });

  it("does not count an indicator twice when the text states it and an annex table repeats it", () => {
    const text = readFileSync(join(SAMPLES_DIR, "cantho-2024.txt"), "utf8");
    const table = readFileSync(join(FIXTURES_DIR, "cantho-2024-table.md"), "utf8");
    const rows = table.split("\n").filter((l) => l.startsWith("|"));
    const both = `${text}\n\nPHỤ LỤC\n\n${rows.join("\n")}\n`;
    expect(shape(parsePlanText(both).extract)).toEqual(shape(parsePlanText(text).extract));
  });

  it("leaves other tables alone (header tables, budget tables)", () => {
    const text = `| ỦY BAN NHÂN DÂN TỈNH X | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
|---|---|
| Số: 12/KH-UBND | X, ngày 5 tháng 3 năm 2022 |

${PLAN_HEAD}
| STT | Nội dung hoạt động | Kinh phí (triệu đồng) |
| 1 | Tập huấn cán bộ | 120 |
${PLAN_TAIL}`;
    expect(parsePlanText(text).extract.goals).toEqual([]);
  });

  it("keeps a goal heading of the text and fills it from the table", () => {
    const text = `**KẾ HOẠCH**
**Thực hiện công tác bình đẳng giới năm 2024**

I. MỤC TIÊU CỤ THỂ

| STT | Chỉ tiêu | Đơn vị tính | Kế hoạch năm 2024 |
|---|---|---|---|
| 1 | Tỷ lệ phụ nữ bị bạo lực được phát hiện được tư vấn, hỗ trợ | % | 95 |
| 2 | Số tin, bài tuyên truyền về bình đẳng giới mỗi quý | Tin, bài | Ít nhất 04 |
| 3 | Giảm tỷ số giới tính khi sinh | Số bé trai/100 bé gái | 110 |
${PLAN_TAIL}`;
    const e = parsePlanText(text).extract;
    expect(shape(e)).toEqual(["null.1: >=95%@2024", "null.2: >=4count@2024", "null.3: <=110per100@2024"]);
  });
});
