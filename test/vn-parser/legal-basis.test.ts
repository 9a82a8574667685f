import { describe, expect, it } from "vitest";
import { parsePlanText } from "../../src/vn-parser/index";

const basis = (preamble: string): ReturnType<typeof parsePlanText>["extract"]["legalBasis"] =>
  parsePlanText(
    `Số: 1/KH-UBND\nKẾ HOẠCH\nVề bình đẳng giới năm 2024\n\n${preamble}\n\nI. MỤC TIÊU\nThực hiện Quyết định số 9/QĐ-UBND sau mục I.\n`,
  ).extract.legalBasis;

describe("legal basis", () => {
  it("reads type, ISO date and issuer after căn cứ", () => {
    expect(
      basis(
        "Căn cứ Quyết định số 1696/QĐ-TTg ngày 02 tháng 10 năm 2015 của Thủ tướng Chính phủ phê duyệt Chương trình;",
      ),
    ).toEqual([{ number: "1696/QĐ-TTg", date: "2015-10-02", type: "Quyết định", issuer: "Thủ tướng Chính phủ" }]);
  });
  it("reads every citation whatever the verb, and ignores text after section I", () => {
    const l = basis(
      "Thực hiện Kế hoạch số 1415/KH-UBND ngày 25/5/2021 của Ủy ban nhân dân tỉnh Lai Châu về thực hiện Chiến lược;\nTheo đề nghị của Giám đốc Sở Tư pháp tại Tờ trình số 45/TTr-STP ngày 10/3/2022.",
    );
    expect(l.map((x) => x.number)).toEqual(["1415/KH-UBND", "45/TTr-STP"]);
    expect(l[0]).toMatchObject({ type: "Kế hoạch", issuer: "Ủy ban nhân dân tỉnh Lai Châu", date: "2021-05-25" });
    expect(l[1]).toMatchObject({ type: "Tờ trình", issuer: "Giám đốc Sở Tư pháp" });
  });
  it("leaves out a law without a number, keeps a numbered one", () => {
    const l = basis(
      "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\nCăn cứ Luật Bình đẳng giới số 73/2006/QH11 ngày 29 tháng 11 năm 2006;",
    );
    expect(l).toEqual([{ number: "73/2006/QH11", date: "2006-11-29", type: "Luật", issuer: null }]);
  });
  it("reads several citations on one line and a number without 'số'", () => {
    const l = basis(
      "Căn cứ Nghị quyết số 28/2021/NQ-CP ngày 03/3/2021 của Chính phủ và Công văn 346/UBND-KGVX ngày 26/01/2018 của UBND thành phố;",
    );
    expect(l.map((x) => [x.number, x.type, x.issuer])).toEqual([
      ["28/2021/NQ-CP", "Nghị quyết", "Chính phủ"],
      ["346/UBND-KGVX", "Công văn", "Ủy ban nhân dân thành phố"],
    ]);
  });
});

describe("legal basis in scraped markdown", () => {
  it("reads citations written as links", () => {
    const l = basis(
      "Căn cứ [Quyết định số 1696/QĐ-TTg](https://thuvienphapluat.vn/van-ban/Quyet-dinh-1696-QD-TTg-2015-123.aspx) ngày 02/10/2015 của Thủ tướng Chính phủ;",
    );
    expect(l).toEqual([
      { number: "1696/QĐ-TTg", date: "2015-10-02", type: "Quyết định", issuer: "Thủ tướng Chính phủ" },
    ]);
  });
});

describe("Party documents", () => {
  it("reads '11-NQ/TW' numbers", () => {
    expect(basis("Căn cứ Nghị quyết số 11-NQ/TW ngày 27/4/2007 của Bộ Chính trị về công tác phụ nữ;")).toEqual([
      { number: "11-NQ/TW", date: "2007-04-27", type: "Nghị quyết", issuer: "Bộ Chính trị" },
    ]);
  });
});
