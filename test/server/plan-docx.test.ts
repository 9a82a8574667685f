import JSZip from "jszip";
import mammoth from "mammoth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { indicatorReferences, targetPhrase } from "../../src/core/plan";
import { listPlansOfUnit } from "../../src/server/db/repos/plan.repo";
import { findUnitByCode } from "../../src/server/db/repos/unit.repo";
import { A4, MARGINS, renderPlanDocx } from "../../src/server/documents/plan-docx";
import { systemActor } from "../../src/server/services/context";
import { getPlan } from "../../src/server/services/plan.service";
import { buildPlanDocumentModel, vietnameseDate } from "../../src/server/services/plan-document.service";
import { indicatorCode, type PlanAggregate, toTarget } from "../../src/server/services/plan-view.service";
import { todayIso } from "../../src/server/services/unit.service";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

// The demo city plan (Cần Thơ 2024) written as an official document, read back.

let database: TestDatabase;
let agg: PlanAggregate;
let bytes: Buffer;
let text: string;
let xml: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const city = await findUnitByCode(database.db, "92", todayIso());
  const plan = (await listPlansOfUnit(database.db, city!.id)).find((p) => p.title.endsWith("Cần Thơ năm 2024"))!;
  agg = await getPlan(database.db, systemActor(), plan.id);
  bytes = await renderPlanDocx(buildPlanDocumentModel(agg));
  text = (await mammoth.extractRawText({ buffer: bytes })).value.normalize("NFC");
  xml = await (await JSZip.loadAsync(bytes)).file("word/document.xml")!.async("string");
});
afterAll(async () => database.destroy());

/** mammoth puts table cells and paragraphs on their own lines; compare text with single spaces. */
const flat = () => text.replace(/\s+/g, " ");

describe("plan DOCX (NĐ 30/2020 layout)", () => {
  it("has the header blocks, number, place and date, title", () => {
    expect(flat()).toContain("ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ");
    expect(flat()).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(flat()).toContain("Độc lập - Tự do - Hạnh phúc");
    expect(flat()).toContain("Số: 20/KH-UBND");
    expect(flat()).toContain("Cần Thơ, ngày 28 tháng 01 năm 2024");
    expect(flat()).toContain("KẾ HOẠCH");
    expect(flat()).toContain("Thực hiện Chiến lược quốc gia về bình đẳng giới thành phố Cần Thơ năm 2024");
    expect(flat()).toContain(
      "Căn cứ Nghị quyết số 28/NQ-CP ngày 03 tháng 3 năm 2021 của Chính phủ ban hành Chiến lược quốc gia về bình đẳng giới",
    );
    expect(flat()).toContain("Ủy ban nhân dân thành phố Cần Thơ ban hành Kế hoạch");
  });

  it("writes every indicator with its targets, Vietnamese decimals", () => {
    for (const i of agg.indicators) {
      expect(flat()).toContain(i.text.replace(/[.;:]+$/, ""));
      for (const t of agg.targetsByIndicator.get(i.id) ?? []) {
        if (t.value !== null) expect(flat()).toContain(targetPhrase(toTarget(t)));
      }
    }
    expect(flat()).toContain("giảm còn 1,4 lần");
    expect(flat()).toContain("phấn đấu đạt từ 60% trở lên");
    expect(flat()).toContain("giảm từ 15/1.000 xuống còn 12/1.000");
  });

  it("names every responsible agency with its indicator references", () => {
    const agencies = new Set(agg.responsibilities.map((r) => r.agencyId));
    for (const agencyId of agencies) {
      const name = agg.agencies.find((a) => a.id === agencyId)!.name;
      expect(flat()).toContain(name);
      const leads = agg.responsibilities
        .filter((r) => r.agencyId === agencyId && r.role === "lead")
        .map((r) => {
          const [g, n] = indicatorCode(agg.goals, agg.indicators.find((i) => i.id === r.indicatorId)!)
            .split(".")
            .map(Number);
          return { goalNumber: g!, indicatorNumber: n! };
        });
      if (leads.length > 0) expect(flat()).toContain(indicatorReferences(leads));
    }
    expect(flat()).toContain(
      "Chịu trách nhiệm chủ trì tổ chức thực hiện, theo dõi và báo cáo kết quả thực hiện Chỉ tiêu 1, 2, 3, 4 của Mục tiêu 5",
    );
  });

  it("ends with Nơi nhận and the signature block", () => {
    expect(flat()).toContain("Nơi nhận:");
    expect(flat()).toContain("Lưu: VT, MK.");
    expect(flat()).toContain("TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH");
    expect(flat()).toContain("Nguyễn Thực Hiện");
  });

  it("is A4 with margins 20/20/30/15 mm, Times New Roman 14, page numbers from page 2", async () => {
    expect(xml).toContain(`<w:pgSz w:w="${A4.width}" w:h="${A4.height}"`);
    expect(MARGINS).toEqual({ top: 1134, bottom: 1134, left: 1701, right: 851 });
    expect(xml).toMatch(/<w:pgMar w:top="1134" w:right="851" w:bottom="1134" w:left="1701"/);
    expect(xml).toContain("<w:titlePg/>");
    const zip = await JSZip.loadAsync(bytes);
    const styles = await zip.file("word/styles.xml")!.async("string");
    expect(styles).toContain('w:ascii="Times New Roman"');
    expect(styles).toContain('<w:sz w:val="28"/>');
    const headers = await Promise.all(
      Object.keys(zip.files)
        .filter((f) => /^word\/header\d+\.xml$/.test(f))
        .map((f) => zip.file(f)!.async("string")),
    );
    expect(headers.some((h) => h.includes("PAGE"))).toBe(true);
    expect(headers.some((h) => !h.includes("PAGE"))).toBe(true);
  });

  it("writes dates as NĐ 30 wants them", () => {
    expect(vietnameseDate("2024-01-28")).toBe("ngày 28 tháng 01 năm 2024");
    expect(vietnameseDate("2021-03-03")).toBe("ngày 03 tháng 3 năm 2021");
  });
});
