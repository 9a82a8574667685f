import { describe, expect, it } from "vitest";
import { parsePlanText } from "../../src/vn-parser/index";

const rep = (s: string) => parsePlanText(`KẾ HOẠCH\nVề bình đẳng giới\n\nI. TỔ CHỨC THỰC HIỆN\n${s}\n`).extract;

describe("reporting", () => {
  it("reads spelled-out dates in parentheses with a year", () => {
    expect(
      rep(
        "báo cáo định kỳ gửi về Sở Lao động - Thương binh và Xã hội (Báo cáo 06 tháng gửi trước ngày 10 tháng 6 năm 2024 và Báo cáo năm gửi trước ngày 10 tháng 12 năm 2024).",
      ).reporting,
    ).toEqual([
      { kind: "semiannual", due: "06-10", year: 2024, to: "Sở Lao động - Thương binh và Xã hội" },
      { kind: "annual", due: "12-10", year: 2024, to: "Sở Lao động - Thương binh và Xã hội" },
    ]);
  });
  it("reads dd/mm with sơ kết / tổng kết and expands UBND", () => {
    expect(
      rep(
        "Các cơ quan định kỳ gửi Báo cáo sơ kết 6 tháng về UBND huyện (qua Phòng Lao động) trước ngày 05/6; Báo cáo tổng kết trước ngày 15/12 hàng năm.",
      ).reporting,
    ).toEqual([
      { kind: "semiannual", due: "06-05", year: null, to: "Ủy ban nhân dân huyện" },
      { kind: "annual", due: "12-15", year: null, to: "Ủy ban nhân dân huyện" },
    ]);
  });
  it("maps one verb with two dates in order, and quarterly reports", () => {
    expect(
      rep(
        "Định kỳ 6 tháng và hằng năm báo cáo kết quả về Sở Lao động - Thương binh và Xã hội trước ngày 15/6 và 15/12 để tổng hợp, báo cáo Ủy ban nhân dân tỉnh.",
      ).reporting.map((r) => [r.kind, r.due, r.to]),
    ).toEqual([
      ["semiannual", "06-15", "Sở Lao động - Thương binh và Xã hội"],
      ["annual", "12-15", "Sở Lao động - Thương binh và Xã hội"],
    ]);
    expect(rep("Báo cáo quý gửi Phòng Nội vụ chậm nhất ngày 20/3.").reporting.map((r) => [r.kind, r.due])).toEqual([
      ["quarterly", "03-20"],
    ]);
  });
});

describe("reporting, kind after the date", () => {
  it("reads '(đối với báo cáo …)' after each date", () => {
    expect(
      rep(
        "Các đơn vị gửi báo cáo về Phòng Lao động - Thương binh và Xã hội trước ngày 20/6 (đối với báo cáo 6 tháng) và trước ngày 20/12 (đối với báo cáo năm).",
      ).reporting.map((r) => [r.kind, r.due]),
    ).toEqual([
      ["semiannual", "06-20"],
      ["annual", "12-20"],
    ]);
  });
});
