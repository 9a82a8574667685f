import { describe, expect, it } from "vitest";
import { parsePlanText } from "../../src/vn-parser/index";

const am = (s: string) => parsePlanText(s).extract.actionMonth;

describe("action month", () => {
  it.each([
    "Tổ chức “Tháng hành động vì bình đẳng giới và phòng, chống bạo lực trên cơ sở giới” từ ngày 15/11 đến ngày 15/12/2019.",
    "đặc biệt trong Tháng hành động vì bình đẳng giới (từ ngày 15/11 đến ngày 15/12)”.",
    "Hưởng ứng Tháng hành động vì bình đẳng giới (15/11 – 15/12) hằng năm.",
    "Tháng hành động vì bình đẳng giới từ ngày 15 tháng 11 đến ngày 15 tháng 12 năm 2023.",
  ])("%s", (s) => expect(am(s)).toEqual({ from: "11-15", to: "12-15" }));
  it("gives nothing for a mention without dates", () => {
    expect(
      am("Tiếp tục triển khai “Tháng hành động vì bình đẳng giới” hàng năm theo hướng dẫn của Trung ương."),
    ).toBeNull();
  });
});
