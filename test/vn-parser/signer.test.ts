import { describe, expect, it } from "vitest";
import { parsePlanText } from "../../src/vn-parser/index";

const signer = (s: string) => parsePlanText(`KẾ HOẠCH\nVề bình đẳng giới\n\n${s}`).extract.document.signer;

describe("signer", () => {
  it("reads a TM./KT. block with blank lines before the name", () => {
    expect(
      signer("Nơi nhận:\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n\n\nVũ Xuân Thịnh\n"),
    ).toEqual({ name: "Vũ Xuân Thịnh", position: "PHÓ CHỦ TỊCH" });
  });
  it("reads a bold block where the position spans two lines", () => {
    expect(
      signer("GIÁM ĐỐC\n\n**PHÓ TRƯỞNG BAN THƯỜNG TRỰC\nBAN VÌ SỰ TIẾN BỘ CỦA PHỤ NỮ THÀNH PHỐ\nTrần Thị Xuân Mai**"),
    ).toEqual({
      name: "Trần Thị Xuân Mai",
      position: "PHÓ TRƯỞNG BAN THƯỜNG TRỰC BAN VÌ SỰ TIẾN BỘ CỦA PHỤ NỮ THÀNH PHỐ",
    });
  });
  it("skips '(Đã ký)' and title-cases a name in capitals", () => {
    expect(signer("Q. GIÁM ĐỐC\n(Đã ký)\nNGUYỄN VĂN AN\n")).toEqual({ name: "Nguyễn Văn An", position: "GIÁM ĐỐC" });
  });
  it("does not take an agency heading for a name", () => {
    expect(signer("V. TỔ CHỨC THỰC HIỆN\nSở Y Tế\nnội dung khác")).toBeNull();
  });
});

describe("signer in one scraped table row", () => {
  it("splits position and name run together in a cell", () => {
    expect(
      signer(
        "| **Nơi nhận:** - Như trên; - Lưu: VT. | **TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Văn Sơn** |\n",
      ),
    ).toEqual({ name: "Nguyễn Văn Sơn", position: "PHÓ CHỦ TỊCH" });
  });
  it("reads the position from run-together prefix lines", () => {
    expect(signer("TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH\n\nLê Thị Mai\n")).toEqual({
      name: "Lê Thị Mai",
      position: "PHÓ CHỦ TỊCH",
    });
  });
});
