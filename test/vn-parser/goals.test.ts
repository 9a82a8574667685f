import { describe, expect, it } from "vitest";
import { classifyDomain } from "../../src/vn-parser/domains";
import { parsePlanText } from "../../src/vn-parser/index";

const goals = (body: string) =>
  parsePlanText(
    `KẾ HOẠCH\nVề bình đẳng giới giai đoạn 2021-2025\n\nI. MỤC TIÊU\n${body}\nII. GIẢI PHÁP\n1. Tuyên truyền.\n`,
  ).extract.goals;

describe("goals", () => {
  it("reads lettered numbered goals, 'Chỉ tiêu:' alone and numbered indicators", () => {
    const g = goals(
      "2. Mục tiêu cụ thể\n\na) Mục tiêu 1: Trong lĩnh vực chính trị\n\nChỉ tiêu: Phấn đấu đạt 60% cơ quan có lãnh đạo chủ chốt là nữ.\n\nb) Mục tiêu 2: Trong lĩnh vực kinh tế, lao động\n- Chỉ tiêu 1: Tăng tỷ lệ lao động nữ làm công hưởng lương lên 50%.\n- Chỉ tiêu 3. Tỷ lệ nữ giám đốc đạt ít nhất 25%.\n",
    );
    expect(g.map((x) => [x.number, x.domain, x.title])).toEqual([
      [1, "politics", "Trong lĩnh vực chính trị"],
      [2, "economy", "Trong lĩnh vực kinh tế, lao động"],
    ]);
    expect(g[0]?.indicators.map((i) => i.number)).toEqual([1]);
    expect(g[1]?.indicators.map((i) => [i.number, i.targets[0]?.value])).toEqual([
      [1, 50],
      [3, 25],
    ]);
  });
  it("makes one unnumbered goal of a plain bullet list", () => {
    const g = goals(
      "2. Mục tiêu cụ thể\n\n- 80% cán bộ được truyền thông về bình đẳng giới.\n\n- 100% cán bộ được tập huấn.\n",
    );
    expect(g).toHaveLength(1);
    expect(g[0]).toMatchObject({ number: null, domain: null, title: "Mục tiêu cụ thể" });
    expect(g[0]?.indicators.map((i) => [i.number, i.targets[0]?.value])).toEqual([
      [null, 80],
      [null, 100],
    ]);
  });
  it("reads 'Chỉ tiêu:' followed by bullets as unnumbered indicators and joins wrapped lines", () => {
    const g = goals(
      "2. Các chỉ tiêu cụ thể\nMục tiêu 1. Tăng cường sự tham gia của phụ nữ vào vị trí lãnh đạo, quản lý\nChỉ tiêu:\n- Tỷ lệ nữ tham gia cấp ủy đạt\ntừ 25% trở lên.\n- Có ít nhất 01 cán bộ nữ trong Ban Thường vụ.\n",
    );
    expect(g[0]?.indicators.map((i) => [i.number, i.text, i.targets[0]?.value])).toEqual([
      [null, "Tỷ lệ nữ tham gia cấp ủy đạt từ 25% trở lên.", 25],
      [null, "Có ít nhất 01 cán bộ nữ trong Ban Thường vụ.", 1],
    ]);
  });
  it("keeps an indicator without a number value", () => {
    const g = goals(
      "2. Mục tiêu cụ thể\nMục tiêu 5: Trong lĩnh vực giáo dục, đào tạo\n- Chỉ tiêu 1: Nội dung về giới được lồng ghép vào chương trình giảng dạy.\n",
    );
    expect(g[0]?.indicators[0]?.targets).toEqual([]);
  });
});

describe("domains", () => {
  it.each([
    ["trong lĩnh vực kinh tế, lao động", "economy"],
    ["trong đời sống gia đình và phòng ngừa, ứng phó với bạo lực trên cơ sở giới", "family"],
    [
      "tăng cường sự tham gia của phụ nữ vào các vị trí quản lý, lãnh đạo, nhằm giảm khoảng cách giới trong lĩnh vực chính trị",
      "politics",
    ],
    ["bảo đảm bình đẳng giới trong tiếp cận các dịch vụ chăm sóc sức khỏe", "health"],
    ["nâng cao chất lượng nguồn nhân lực nữ trong lĩnh vực giáo dục và đào tạo", "education"],
    ["bảo đảm bình đẳng giới trong lĩnh vực văn hóa và thông tin", "communication"],
    ["nâng cao năng lực quản lý nhà nước về bình đẳng giới", "capacity"],
    ["truyền thông nâng cao nhận thức, thay đổi hành vi về bình đẳng giới", "awareness"],
    ["mục tiêu cụ thể", null],
  ])("%s → %s", (title, domain) => expect(classifyDomain(title)).toBe(domain));
});

describe("goals named by field only", () => {
  it("numbers lettered field headings by their position", () => {
    const g = goals(
      "2. Mục tiêu cụ thể\na) Lĩnh vực chính trị:\n- Tỷ lệ nữ đại biểu HĐND đạt 30% trở lên.\nb) Lĩnh vực kinh tế, lao động, việc làm:\n- Tỷ lệ lao động nữ được đào tạo nghề đạt 50%.\n",
    );
    expect(g.map((x) => [x.number, x.domain, x.indicators.length])).toEqual([
      [1, "politics", 1],
      [2, "economy", 1],
    ]);
  });
});
