import ExcelJS from "exceljs";
import JSZip from "jszip";
import mammoth from "mammoth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Dashboard, formatIndicatorValue, STATUS_LABELS } from "../../src/contract/dashboard";
import { ANNEX_FIRST_ROW } from "../../src/server/documents/report-xlsx";
import { createTestServer, type TestClient, type TestServer } from "../helpers/http";

// Acceptance: the annual report DOCX and its XLSX annex carry exactly the numbers
// GET /api/dashboard returns for the same unit and period (read back with mammoth
// and exceljs), in the NĐ 30/2020 layout.

let server: TestServer;
let planner: TestClient;
let view: Dashboard;
let base: string;

beforeAll(async () => {
  server = await createTestServer();
  planner = await server.signIn("demo.planner");
  const cityId = (await server.request(planner, "GET", "/api/units/code/92")).json().id;
  const options = (await server.request(planner, "GET", `/api/dashboard/options?unitId=${cityId}`)).json();
  const plan = options.plans.find((p: { title: string }) => p.title.includes("2024"));
  view = (await server.request(planner, "GET", `/api/dashboard?unitId=${cityId}&planId=${plan.id}&period=2024`)).json();
  base = `/api/reports/${cityId}/${plan.id}/2024`;
});
afterAll(async () => server.close());

const flat = (s: string) => s.normalize("NFC").replace(/\s+/g, " ");

describe("annual report DOCX", () => {
  let text: string;
  let xml: string;
  beforeAll(async () => {
    const res = await server.request(
      planner,
      "GET",
      `${base}.docx?difficulties=${encodeURIComponent("Thiếu cán bộ chuyên trách ở cấp xã.")}&proposals=${encodeURIComponent("Bổ sung kinh phí truyền thông.")}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-disposition"]).toMatch(/bao-cao-92-2024\.docx/);
    text = (await mammoth.extractRawText({ buffer: res.rawPayload })).value;
    xml = await (await JSZip.loadAsync(res.rawPayload)).file("word/document.xml")!.async("string");
  });

  it("has the NĐ 30 header, title, recipient and sections", () => {
    const t = flat(text);
    for (const s of [
      "ỦY BAN NHÂN DÂN",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "/BC-UBND",
      "BÁO CÁO",
      "Kết quả thực hiện công tác bình đẳng giới năm 2024",
      "Kính gửi:",
      "I. KẾT QUẢ THỰC HIỆN CÁC MỤC TIÊU, CHỈ TIÊU",
      "II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ CỦA CÁC CƠ QUAN, ĐƠN VỊ",
      "III. KHÓ KHĂN, VƯỚNG MẮC",
      "Thiếu cán bộ chuyên trách ở cấp xã.",
      "IV. ĐỀ XUẤT, KIẾN NGHỊ",
      "Bổ sung kinh phí truyền thông.",
      "Nơi nhận:",
    ]) {
      expect(t).toContain(s);
    }
    // A4, margins 20/20/30/15 mm, Times New Roman, page numbers from page 2 (titlePg).
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/w:top="1134"[^>]*w:right="851"[^>]*w:bottom="1134"[^>]*w:left="1701"/);
    expect(xml).toContain("<w:titlePg/>");
  });

  it("prints every indicator with exactly the dashboard's target, value and status", () => {
    const lines = text
      .normalize("NFC")
      .split(/\n+/)
      .map((l) => l.trim());
    for (const ind of view.indicators) {
      const label = ind.subject ? `${ind.text} — ${ind.subject}` : ind.text;
      const at = lines.findIndex((l, k) => l === ind.code && lines[k + 1] === label.normalize("NFC"));
      expect(at, `row of ${ind.code} ${ind.subject}`).toBeGreaterThanOrEqual(0);
      // The row: code, text, target, value, status — the next occurrence after the code.
      const row = lines.slice(at, at + 5).join(" | ");
      expect(row).toContain(formatIndicatorValue(ind.value, ind.unit));
      expect(row).toContain(STATUS_LABELS[ind.status].vi);
      if (ind.target) expect(row).toContain(ind.target.text);
    }
  });

  it("includes the agencies' narratives", () => {
    expect(flat(text)).toContain("đã triển khai các nhiệm vụ theo kế hoạch");
  });
});

describe("XLSX annex", () => {
  let book: ExcelJS.Workbook;
  beforeAll(async () => {
    const res = await server.request(planner, "GET", `${base}.xlsx`);
    expect(res.statusCode, res.body).toBe(200);
    book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  });

  it("has one row per lower unit and the dashboard's exact numbers per indicator", () => {
    const sheet = book.getWorksheet("Theo đơn vị cấp dưới");
    expect(sheet).toBeDefined();
    const s = sheet as ExcelJS.Worksheet;
    const cell = (r: number, c: number) => {
      const v = s.getCell(r, c).value;
      return v === null || v === "" ? null : v;
    };
    view.lowerUnits.forEach((u, k) => {
      const r = ANNEX_FIRST_ROW + k;
      expect(cell(r, 1)).toBe(u.code);
      view.indicators.forEach((ind, i) => {
        const v = u.values[ind.key];
        expect([u.code, ind.key, cell(r, 3 + i * 3), cell(r, 4 + i * 3), cell(r, 5 + i * 3)]).toEqual([
          u.code,
          ind.key,
          v?.value ?? null,
          v?.numerator ?? null,
          v?.denominator ?? null,
        ]);
      });
    });
    const total = ANNEX_FIRST_ROW + view.lowerUnits.length;
    view.indicators.forEach((ind, i) => {
      expect([ind.key, cell(total, 3 + i * 3), cell(total, 4 + i * 3), cell(total, 5 + i * 3)]).toEqual([
        ind.key,
        ind.value,
        ind.numerator,
        ind.denominator,
      ]);
    });
  });
});
