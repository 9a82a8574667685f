import { describe, expect, it } from "vitest";
import { parsePlanText } from "../../src/vn-parser/index";

const doc = (head: string): ReturnType<typeof parsePlanText>["extract"]["document"] =>
  parsePlanText(head).extract.document;

describe("header", () => {
  it("reads number, symbol, place, date and title of a printed plan", () => {
    const d = doc(
      "Số: 262/KH-SLĐTBXH\n\nCần Thơ, ngày 28 tháng 01 năm 2019\n\nKẾ HOẠCH\n\nThực hiện Chương trình hành động quốc gia về bình đẳng giới năm 2019\n\nCăn cứ …",
    );
    expect(d).toMatchObject({
      kind: "plan",
      number: "262/KH-SLĐTBXH",
      symbol: "KH-SLĐTBXH",
      place: "Cần Thơ",
      date: "2019-01-28",
      periodFrom: 2019,
      periodTo: 2019,
    });
    expect(d.title).toBe("Thực hiện Chương trình hành động quốc gia về bình đẳng giới năm 2019");
  });
  it("keeps the symbol of a blank number and the month of a blank day", () => {
    const d = doc(
      "Số:      /KH-UBND\nTam Đường, ngày    tháng 6 năm 2021\nKẾ HOẠCH\nThực hiện Chiến lược giai đoạn 2021-2025 trên địa bàn huyện\n",
    );
    expect(d).toMatchObject({
      number: null,
      symbol: "KH-UBND",
      place: "Tam Đường",
      date: "2021-06",
      periodFrom: 2021,
      periodTo: 2025,
    });
  });
  it("reads a scraped table header and a title split by blank lines", () => {
    const d = doc(
      "| **UBND XÃ A** | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM** |\n| Số: 27 /KH-UBND | *Phúc Lợi, ngày 09 tháng 02 năm 2023* |\n\n**KẾ HOẠCH**\n\n**Thực hiện công tác bình đẳng giới**\n\n**trên địa bàn xã năm 2023**\n\nCăn cứ …",
    );
    expect(d).toMatchObject({
      number: "27/KH-UBND",
      place: "Phúc Lợi",
      date: "2023-02-09",
      title: "Thực hiện công tác bình đẳng giới trên địa bàn xã năm 2023",
    });
  });
  it("joins a date broken across lines", () => {
    const d = doc("Số: 5/KH-UBND\nHà Nội, ngày 3 tháng 4\nnăm 2022\nKẾ HOẠCH\nVề bình đẳng giới năm 2022\n");
    expect(d.date).toBe("2022-04-03");
  });
  it("reads the type word and title on one line", () => {
    expect(doc("KẾ HOẠCH Thực hiện Chiến lược quốc gia về bình đẳng giới năm 2024\n\nCăn cứ …").title).toBe(
      "Thực hiện Chiến lược quốc gia về bình đẳng giới năm 2024",
    );
  });
  it("recognises a report by its heading or by Kính gửi", () => {
    expect(doc("BÁO CÁO\nKết quả thực hiện năm 2023\n\nKính gửi: Sở Lao động").kind).toBe("report");
    expect(doc("Kính gửi: Sở Lao động - Thương binh và Xã hội\nNội dung").kind).toBe("report");
  });
  it("takes the plan title inside a covering decision", () => {
    const d = doc(
      "Số: 356/QĐ-UBND\nLai Châu, ngày 15 tháng 3 năm 2022\nQUYẾT ĐỊNH\nVề việc ban hành Kế hoạch\n\nĐiều 1. Ban hành.\n\nKẾ HOẠCH\nThực hiện Chiến lược giai đoạn 2021 - 2025\n(Ban hành kèm theo Quyết định số 356/QĐ-UBND)\n",
    );
    expect(d).toMatchObject({
      kind: "plan",
      number: "356/QĐ-UBND",
      title: "Thực hiện Chiến lược giai đoạn 2021 - 2025",
      periodTo: 2025,
    });
  });
});

describe("header traps", () => {
  it("does not take 'KẾ HOẠCH VÀ ĐẦU TƯ' in the issuer block for the type heading", () => {
    const d = parsePlanText(
      "SỞ\nKẾ HOẠCH VÀ ĐẦU TƯ\nSố:................/KH-SKHĐT\nKẾ HOẠCH\nVề bình đẳng giới trong ngành năm 2022\n",
    ).extract.document;
    expect(d).toMatchObject({ title: "Về bình đẳng giới trong ngành năm 2022", number: null, symbol: "KH-SKHĐT" });
  });
});
