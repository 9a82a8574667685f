import { describe, expect, it } from "vitest";
import { buildDoc } from "../../src/vn-parser/normalize";
import { extractTargets } from "../../src/vn-parser/targets";

const targets = (s: string, year: number | null = 2025) => {
  const d = buildDoc(s);
  return extractTargets(d.clean, d.lower, year).map((f) => f.target);
};
const one = (s: string) => {
  const t = targets(s);
  expect(t).toHaveLength(1);
  return t[0];
};

describe("targets", () => {
  it.each([
    ["tỷ lệ lao động nữ làm công hưởng lương đạt 60% trở lên;", ">=", 60, "%"],
    ["Tăng tỷ lệ lao động nữ làm công hưởng lương lên 50%.", ">=", 50, "%"],
    ["giảm tỷ trọng lao động nữ làm việc trong khu vực nông nghiệp xuống dưới 26%;", "<", 26, "%"],
    ["giảm số giờ trung bình làm công việc nội trợ của phụ nữ còn 1,4 lần so với nam giới;", "<=", 1.4, "times"],
    ["Giảm số giờ làm công việc nội trợ của phụ nữ còn 1,7 so với nam giới.", "<=", 1.7, "times"],
    ["tỷ số giới tính khi sinh ở mức 105 bé trai/100 bé gái sinh ra sống;", "=", 105, "per100"],
    ["tỷ lệ tử vong bà mẹ liên quan đến thai sản giảm còn dưới 35/100.000 trẻ sinh sống;", "<", 35, "per100000"],
    ["hoàn thành cấp trung học cơ sở đạt khoảng trên 95%.", ">", 95, "%"],
    ["tỷ lệ nữ thạc sĩ đạt không dưới 55%.", ">=", 55, "%"],
    ["Tỷ số giới tính khi sinh không vượt quá 112 bé trai/100 bé gái.", "<=", 112, "per100"],
    ["Tỷ lệ lao động nữ được đào tạo nghề khoảng 50%.", "~", 50, "%"],
    ["100% số nạn nhân bị mua bán trở về được hỗ trợ;", ">=", 100, "%"],
    ["duy trì đạt 100% đài phát thanh có chuyên mục", ">=", 100, "%"],
  ])("%s", (text, comparator, value, unit) => {
    expect(one(text)).toMatchObject({ comparator, value, unit, year: 2025, baseline: null, subject: null });
  });
  it("reads a baseline from 'giảm từ … xuống …'", () => {
    expect(one("tỷ suất sinh ở vị thành niên giảm từ 15 ca sinh/1.000 phụ nữ xuống 12/1.000 phụ nữ.")).toMatchObject({
      comparator: "<=",
      value: 12,
      unit: "per1000",
      baseline: 15,
    });
  });
  it("reads two targets with subjects, and a count", () => {
    const t = targets(
      "100% xã, phường, thị trấn mỗi quý có ít nhất 04 tin, bài về bình đẳng giới trên hệ thống thông tin cơ sở;",
    );
    expect(t).toEqual([
      { subject: "xã, phường, thị trấn", comparator: ">=", value: 100, unit: "%", year: 2025, baseline: null },
      { subject: "tin, bài mỗi quý", comparator: ">=", value: 4, unit: "count", year: 2025, baseline: null },
    ]);
  });
  it("names subjects of 'tỷ lệ … đạt' targets by what differs", () => {
    const t = targets(
      "Tỷ lệ trẻ em gái dân tộc thiểu số hoàn thành giáo dục tiểu học đạt trên 99%; hoàn thành cấp trung học cơ sở đạt trên 95%.",
    );
    expect(t.map((x) => [x.subject, x.comparator, x.value])).toEqual([
      ["hoàn thành giáo dục tiểu học", ">", 99],
      ["hoàn thành cấp trung học cơ sở", ">", 95],
    ]);
    const s = targets(
      "Tỷ lệ nữ thạc sĩ trong tổng số người có trình độ thạc sĩ đạt không dưới 50% từ năm 2025 trở đi. Tỷ lệ nữ tiến sĩ trong tổng số người có trình độ tiến sĩ đạt 30% vào năm 2030.",
    );
    expect(s.map((x) => [x.subject, x.year])).toEqual([
      ["nữ thạc sĩ", 2025],
      ["nữ tiến sĩ", 2030],
    ]);
  });
  it("takes the year after the value over a baseline year", () => {
    expect(one("Tăng tỷ lệ lao động nữ từ 38% năm 2020 lên 45% vào năm 2027.")).toMatchObject({
      value: 45,
      baseline: 38,
      year: 2027,
    });
  });
  it("ignores years, ages, indicator numbers and qualifiers inside the subject", () => {
    expect(targets("Chỉ tiêu 1: Nội dung về giới được lồng ghép vào chương trình giai đoạn 2021-2025.")).toEqual([]);
    expect(one("Tỷ lệ lao động nữ dưới 45 tuổi được đào tạo nghề đạt 55%.")).toMatchObject({ value: 55 });
    expect(one("Tỷ lệ phụ nữ mang thai được khám thai từ 3 lần trở lên đạt trên 90%.")).toMatchObject({
      value: 90,
      comparator: ">",
    });
    expect(targets("người bị bạo lực được tiếp cận ít nhất một trong các dịch vụ hỗ trợ")).toEqual([]);
  });
  it("uses the default year when the text names none", () => {
    expect(targets("đạt 60%", 2019)[0]?.year).toBe(2019);
    expect(targets("đạt 60%", null)[0]?.year).toBeNull();
  });
});
