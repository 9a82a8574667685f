import { sql } from "drizzle-orm";
import mammoth from "mammoth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReportText } from "../../src/contract/report-text";
import { queryRows } from "../../src/server/db/client";
import { createTestServer, type TestClient, type TestServer } from "../helpers/http";

// The written parts of a report (số văn bản, kính gửi, nơi nhận, người ký, activities,
// difficulties, proposals): saved per unit × plan × period by the unit's planners, read
// back by whoever may read the report, printed by the DOCX unless a query field overrides
// them; stale saves are refused, every save is audited, bad input writes nothing.

let server: TestServer;
let planner: TestClient;
let viewer: TestClient;
let reporter: TestClient;
let base: string;
let objectId: string;

const SAVED = {
  number: "125",
  recipient: "Bộ Nội vụ",
  recipients: "Bộ Nội vụ;\nThường trực Thành ủy;\nLưu: VT, VX.",
  signerPosition: "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH",
  signerName: "Nguyễn Văn Hòa",
  activities: "Tổ chức 12 lớp tập huấn kiến thức về bình đẳng giới.\nPhát động Tháng hành động vì bình đẳng giới.",
  difficulties: "Thiếu cán bộ chuyên trách ở cấp xã.",
  proposals: "Đề nghị Bộ Nội vụ bổ sung kinh phí truyền thông.",
};

const flat = (s: string) => s.normalize("NFC").replace(/\s+/g, " ");

async function counts(): Promise<{ texts: number; audit: number }> {
  const rows = await queryRows<{ texts: number; audit: number }>(
    server.database.db,
    sql`SELECT (SELECT count(*)::int FROM report_texts) AS texts,
               (SELECT count(*)::int FROM audit_log WHERE object_type = 'report_text') AS audit`,
  );
  return rows[0] as { texts: number; audit: number };
}

async function docxText(query = ""): Promise<string> {
  const res = await server.request(planner, "GET", `${base}.docx${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return flat((await mammoth.extractRawText({ buffer: res.rawPayload })).value);
}

beforeAll(async () => {
  server = await createTestServer();
  planner = await server.signIn("demo.planner");
  viewer = await server.signIn("demo.viewer");
  reporter = await server.signIn("demo.reporter");
  const cityId = (await server.request(planner, "GET", "/api/units/code/92")).json().id;
  const options = (await server.request(planner, "GET", `/api/dashboard/options?unitId=${cityId}`)).json();
  const plan = options.plans.find((p: { title: string }) => p.title.includes("2024"));
  base = `/api/reports/${cityId}/${plan.id}/2024`;
  objectId = `${cityId}/${plan.id}/2024`;
});
afterAll(async () => server.close());

describe("report text", () => {
  let first: ReportText;

  it("is empty before anyone saves, with the plan's defaults to show", async () => {
    const res = await server.request(planner, "GET", `${base}/text`);
    expect(res.statusCode, res.body).toBe(200);
    const text = res.json() as ReportText;
    expect(text).toMatchObject({ number: "", activities: "", updatedAt: null, updatedByName: null, canEdit: true });
    expect(text.defaults.signerPosition.length).toBeGreaterThan(0);
    expect(await docxText()).toContain("DỰ THẢO");
  });

  it("saves, reads back for a viewer (read-only) and audits the save", async () => {
    const res = await server.request(planner, "PUT", `${base}/text`, { ...SAVED, expectedUpdatedAt: null });
    expect(res.statusCode, res.body).toBe(200);
    first = res.json();
    expect(first).toMatchObject({ ...SAVED, updatedByName: "Nguyễn Thị Lan — Sở Nội vụ", canEdit: true });
    expect(first.updatedAt).toMatch(/^\d{4}-\d\d-\d\dT/);

    const read = await server.request(viewer, "GET", `${base}/text`);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toMatchObject({ ...SAVED, updatedAt: first.updatedAt, canEdit: false });

    const audit = await server.request(planner, "GET", `/api/audit?objectType=report_text&objectId=${objectId}`);
    expect(audit.statusCode, audit.body).toBe(200);
    const items = audit.json().items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ action: "report_text.save", actorName: "Nguyễn Thị Lan — Sở Nội vụ" });
    expect(JSON.stringify(items[0].new)).toContain("Thiếu cán bộ chuyên trách");
  });

  it("prints the saved text in the DOCX; query fields still override", async () => {
    const t = await docxText();
    for (const s of [
      "Số: 125/BC-UBND",
      "Kính gửi: Bộ Nội vụ.",
      "Tổ chức 12 lớp tập huấn kiến thức về bình đẳng giới.",
      "Phát động Tháng hành động vì bình đẳng giới.",
      "Thiếu cán bộ chuyên trách ở cấp xã.",
      "Đề nghị Bộ Nội vụ bổ sung kinh phí truyền thông.",
      "- Thường trực Thành ủy;",
      "KT. CHỦ TỊCH PHÓ CHỦ TỊCH",
      "Nguyễn Văn Hòa",
    ]) {
      expect(t).toContain(s);
    }
    expect(t).not.toContain("DỰ THẢO");

    const overridden = await docxText(`?number=7&difficulties=${encodeURIComponent("Khó khăn khác.")}`);
    expect(overridden).toContain("Số: 7/BC-UBND");
    expect(overridden).toContain("Khó khăn khác.");
    expect(overridden).not.toContain("Thiếu cán bộ chuyên trách ở cấp xã.");
    expect(overridden).toContain("Đề nghị Bộ Nội vụ bổ sung kinh phí truyền thông.");
  });

  it("refuses a viewer, an agency reporter and a ward planner (403), writing nothing", async () => {
    const before = await counts();
    const ward = await server.signIn("demo.ward");
    for (const client of [viewer, reporter, ward]) {
      const res = await server.request(client, "PUT", `${base}/text`, { ...SAVED, number: "999" });
      expect(res.statusCode, res.body).toBe(403);
    }
    expect(await counts()).toEqual(before);
    // The ward's planner reads upward, but may not write the city's report.
    expect((await server.request(ward, "GET", `${base}/text`)).json().canEdit).toBe(false);
  });

  it("refuses a save based on a stale read (409, Vietnamese message)", async () => {
    const second = await server.request(planner, "PUT", `${base}/text`, {
      ...SAVED,
      proposals: "Kiến nghị mới.",
      expectedUpdatedAt: first.updatedAt,
    });
    expect(second.statusCode, second.body).toBe(200);
    const before = await counts();

    const stale = await server.request(planner, "PUT", `${base}/text`, {
      ...SAVED,
      proposals: "Ghi đè.",
      expectedUpdatedAt: first.updatedAt,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("CONFLICT");
    expect(stale.json().error.message).toContain("vừa được người khác lưu");
    // A "nothing saved yet" read is stale too once someone saved.
    const fresh = await server.request(planner, "PUT", `${base}/text`, { ...SAVED, expectedUpdatedAt: null });
    expect(fresh.statusCode).toBe(409);

    expect(await counts()).toEqual(before);
    expect((await server.request(planner, "GET", `${base}/text`)).json().proposals).toBe("Kiến nghị mới.");
  });

  it("refuses text over the limits (400) and writes nothing", async () => {
    const before = await counts();
    const current = (await server.request(planner, "GET", `${base}/text`)).json() as ReportText;
    const res = await server.request(planner, "PUT", `${base}/text`, {
      ...SAVED,
      difficulties: "x".repeat(8001),
      expectedUpdatedAt: current.updatedAt,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("VALIDATION");
    expect(JSON.stringify(res.json().error.details)).toContain("difficulties");
    const long = await server.request(planner, "PUT", `${base}/text`, { number: "1".repeat(21) });
    expect(long.statusCode).toBe(400);
    expect(await counts()).toEqual(before);
    expect((await server.request(planner, "GET", `${base}/text`)).json().updatedAt).toBe(current.updatedAt);
  });

  it("refuses an unknown plan (404) and a quarterly period (400)", async () => {
    const [, , , unitId] = base.split("/");
    expect((await server.request(planner, "GET", `/api/reports/${unitId}/999999/2024/text`)).statusCode).toBe(404);
    expect((await server.request(planner, "PUT", `/api/reports/${unitId}/999999/2024/text`, SAVED)).statusCode).toBe(
      404,
    );
    expect((await server.request(planner, "GET", `${base.replace(/2024$/, "2024Q3")}/text`)).statusCode).toBe(400);
  });
});
