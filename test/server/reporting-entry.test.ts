import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/server/db/client";
import { findOpenAgencyByName } from "../../src/server/db/repos/agency.repo";
import { insertIndicator, listGoals } from "../../src/server/db/repos/plan.repo";
import { findUnitByCode } from "../../src/server/db/repos/unit.repo";
import { systemActor } from "../../src/server/services/context";
import { elementMap } from "../../src/server/services/data-element.service";
import { decideSubmission } from "../../src/server/services/reporting.service";
import { createTestServer, type TestClient, type TestServer } from "../helpers/http";
import { buildIssuedPlan } from "../helpers/reporting-builders";

// Formulas of local indicators, warnings that need a comment, evidence files,
// and history on the old tree re-expressed on the new one through the crosswalk.

let server: TestServer;
let planner: TestClient;
let health: TestClient;
let planId: number;
let localIndicatorId: number;
let healthKey: string;

beforeAll(async () => {
  server = await createTestServer();
  const db = server.database.db;
  const built = await buildIssuedPlan(db, {
    indicators: { "3.4": [["Sở Y tế", "lead"]] },
    periodFrom: 2026,
    periodTo: 2027,
    title: "Kế hoạch thử nhập liệu",
  });
  planId = built.plan.id;
  const [goal] = await listGoals(db, planId);
  const local = await insertIndicator(db, {
    planId,
    goalId: goal?.id as number,
    number: 9,
    text: "Tỷ lệ nữ tham gia câu lạc bộ “Gia đình hạnh phúc”",
    kind: "quantitative",
    isLocal: true,
  });
  localIndicatorId = local.id;
  healthKey = `agency-${(await findOpenAgencyByName(db, built.plan.unitId, "Sở Y tế"))?.id}`;
  planner = await server.signIn("demo.planner");
  health = await server.signIn("demo.reporter");
});
afterAll(async () => server.close());

describe("formulas of plan indicators", () => {
  it("refuses a formula the core parser rejects, in Vietnamese with the position", async () => {
    const res = await server.request(planner, "PUT", `/api/plan-indicators/${localIndicatorId}/formula`, {
      formulas: [
        { unit: "%", formula: { kind: "ratio", numerator: "#{CLB_TV.nu} /", denominator: "#{CLB_TV}", scale: 100 } },
      ],
      dataElements: [
        { code: "CLB_TV", name: "Số thành viên câu lạc bộ", bySex: true, valueType: "count", reportedBy: "hoi" },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].message).toMatch(/Công thức 1, tử số: .*hết biểu thức/);
    const unknown = await server.request(planner, "PUT", `/api/plan-indicators/${localIndicatorId}/formula`, {
      formulas: [
        { unit: "%", formula: { kind: "ratio", numerator: "#{KHONG_CO.nu}", denominator: "#{CLB_TV}", scale: 100 } },
      ],
    });
    expect(unknown.json().error.details[0].message).toMatch(/không có chỉ tiêu dữ liệu "KHONG_CO"/);
  });

  it("refuses a unit that contradicts the scale (a 0–1 share labelled “%” would print 1 as “1%”)", async () => {
    const put = (unit: string, scale: number) =>
      server.request(planner, "PUT", `/api/plan-indicators/${localIndicatorId}/formula`, {
        formulas: [{ unit, formula: { kind: "qualitative", dataElement: "GD_NOIDUNG_BDG", scale } }],
      });
    const share = await put("%", 1);
    expect(share.statusCode).toBe(400);
    expect(share.json().error.details[0]).toMatchObject({ path: "formulas.0.unit" });
    expect(share.json().error.details[0].message).toMatch(/Công thức 1, đơn vị: .*hệ số 100/);
    const ratio = await server.request(planner, "PUT", `/api/plan-indicators/${localIndicatorId}/formula`, {
      formulas: [
        {
          unit: "%",
          formula: { kind: "ratio", numerator: "#{LD_CHUCHOT.nu}", denominator: "#{LD_CHUCHOT}", scale: 1 },
        },
      ],
    });
    expect(ratio.statusCode).toBe(400);
    expect(
      (await server.request(planner, "GET", `/api/plan-indicators/${localIndicatorId}/formula`)).json().items,
    ).toEqual([]);
  });

  it("sets a local formula with its new data element, audited", async () => {
    const res = await server.request(planner, "PUT", `/api/plan-indicators/${localIndicatorId}/formula`, {
      formulas: [
        { unit: "%", formula: { kind: "ratio", numerator: "#{CLB_TV.nu}", denominator: "#{CLB_TV}", scale: 100 } },
      ],
      dataElements: [
        { code: "CLB_TV", name: "Số thành viên câu lạc bộ", bySex: true, valueType: "count", reportedBy: "so" },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items[0]).toMatchObject({ origin: "local", unit: "%" });
    const national = await server.request(planner, "GET", `/api/plan-indicators/${localIndicatorId - 1}/formula`);
    expect(national.json().items[0].origin).toBe("catalogue");
    expect((await elementMap(server.database.db)).get("CLB_TV")?.options).toEqual(["nu", "nam"]);
  });
});

describe("entry", () => {
  it("asks for a comment when a figure jumps from the previous period", async () => {
    const db = server.database.db;
    for (const period of ["2026", "2027"]) {
      const res = await server.request(planner, "POST", `/api/plans/${planId}/rounds`, { period });
      expect(res.statusCode, res.body).toBe(200);
    }
    const rounds = (await server.request(planner, "GET", `/api/plans/${planId}/rounds`)).json().items;
    const [r2026, r2027] = rounds.map((r: { id: number }) => r.id);
    const first = await server.request(health, "POST", `/api/rounds/${r2026}/forms/${healthKey}/submit`, {
      values: [
        { element: "CSTGXH_CONGLAP", period: "2026", option: "total", value: 6 },
        { element: "CSTGXH_BLG", period: "2026", option: "total", value: 4 },
      ],
    });
    expect(first.statusCode, first.body).toBe(200);
    await decideSubmission(db, systemActor(), r2026, healthKey, "approve", {});
    const form = (await server.request(health, "GET", `/api/rounds/${r2027}/forms/${healthKey}`)).json();
    const row = form.rows.find((r: { element: string }) => r.element === "CSTGXH_CONGLAP");
    expect(row.cells[0].previous).toBe(6);
    const values = [
      { element: "CSTGXH_CONGLAP", period: "2027", option: "total", value: 20 },
      { element: "CSTGXH_BLG", period: "2027", option: "total", value: 5 },
    ];
    const jump = await server.request(health, "POST", `/api/rounds/${r2027}/forms/${healthKey}/submit`, { values });
    expect(jump.statusCode).toBe(400);
    expect(jump.json().error.details[0].message).toMatch(/thay đổi nhiều so với kỳ trước: 6 → 20/);
    const saved = (await server.request(health, "GET", `/api/rounds/${r2027}/forms/${healthKey}`)).json();
    expect(saved.issues[0]).toMatchObject({ severity: "warning", element: "CSTGXH_CONGLAP" });
    const explained = await server.request(health, "POST", `/api/rounds/${r2027}/forms/${healthKey}/submit`, {
      values: [{ ...values[0], comment: "Tiếp nhận 40 cơ sở từ Sở Lao động – Thương binh và Xã hội cũ" }],
    });
    expect(explained.statusCode, explained.body).toBe(200);
  });

  it("keeps evidence recognised by its bytes, and refuses other files", async () => {
    const rounds = (await server.request(planner, "GET", `/api/plans/${planId}/rounds`)).json().items;
    const roundId = rounds[0].id;
    const planner2 = planner;
    await server.request(planner2, "POST", `/api/rounds/${roundId}/forms/${healthKey}/reopen`, {
      comment: "Bổ sung minh chứng",
    });
    const send = (bytes: Buffer, filename: string) => {
      const boundary = "----bdevidence";
      const payload = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/pdf\r\n\r\n`,
        ),
        bytes,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return server.app.inject({
        method: "POST",
        url: `/api/rounds/${roundId}/forms/${healthKey}/evidence`,
        headers: {
          cookie: health.cookie,
          "x-csrf-token": health.csrf,
          "content-type": `multipart/form-data; boundary=${boundary}`,
        },
        payload,
      });
    };
    const pdf = await send(Buffer.from("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"), "bao-cao-tong-ket.pdf");
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(pdf.json().mime).toBe("application/pdf");
    const exe = await send(Buffer.from("MZ\x90\x00fake program"), "minh-chung.pdf");
    expect(exe.statusCode).toBe(422);
    expect(exe.json().error.message).toMatch(/Chỉ nhận tệp minh chứng PDF/);
    const form = (await server.request(planner, "GET", `/api/rounds/${roundId}/forms/${healthKey}`)).json();
    expect(form.evidence).toHaveLength(1);
    const file = await server.request(planner, "GET", `/api/evidence/${form.evidence[0].id}`);
    expect(file.body.startsWith("%PDF-1.7")).toBe(true);
  });
});

describe("history on the new tree", () => {
  it("moves whole crosswalk rows and flags parts without splitting them", async () => {
    const db = server.database.db;
    const old = async (code: string) => (await findUnitByCode(db, code, "2024-06-01"))?.id as number;
    const now = async (code: string) => (await findUnitByCode(db, code, "2025-12-01"))?.id as number;
    const tcTong = (await elementMap(db)).get("TC_TONGSO")?.id as number;
    const [round] = await queryRows<{ id: number }>(
      db,
      sql`INSERT INTO reporting_rounds (plan_id, period, window_from, window_to, deadline, tree_date)
          VALUES (${planId}, '2023', '2022-12-15', '2023-12-14', '2023-12-10', '2023-12-14') RETURNING id`,
    );
    const roundId = (round as { id: number }).id;
    // Phường Thới Bình and Xuân Khánh went whole into Ninh Kiều; Bùi Hữu Nghĩa was split.
    const figures: [string, number][] = [
      ["31123", 20],
      ["31144", 15],
      ["31178", 9],
    ];
    for (const [code, value] of figures) {
      const unitId = await old(code);
      const [s] = await queryRows<{ id: number }>(
        db,
        sql`INSERT INTO submissions (round_id, reporter_key, unit_id, cells, goal_ids, state)
            VALUES (${roundId}, ${`unit-${unitId}`}, ${unitId}, '[]'::jsonb, '[]'::jsonb, 'submitted') RETURNING id`,
      );
      await db.execute(
        sql`INSERT INTO data_values (submission_id, unit_id, period, data_element_id, option, value)
            VALUES (${(s as { id: number }).id}, ${unitId}, '2023', ${tcTong}, 'total', ${value})`,
      );
      await decideSubmission(db, systemActor(), roundId, `unit-${unitId}`, "approve", {});
    }
    const admin = await server.signIn("demo.admin");
    const read = async (unitId: number, tree: string) =>
      (
        await server.request(admin, "GET", `/api/units/${unitId}/indicators?planId=${planId}&period=2023&tree=${tree}`)
      ).json();
    const ninhKieu = await read(await now("31135"), "new");
    expect(ninhKieu.error, JSON.stringify(ninhKieu).slice(0, 500)).toBeUndefined();
    expect(ninhKieu.components, JSON.stringify(ninhKieu).slice(0, 500)).toBeDefined();
    expect(ninhKieu.components.TC_TONGSO).toEqual({ total: 35 });
    expect(ninhKieu.partial).toBe(false);
    const caiKhe = await read(await now("31120"), "new");
    expect(caiKhe.partial).toBe(true);
    expect(caiKhe.components.TC_TONGSO).toBeUndefined();
    const city = await read(await now("92"), "new");
    expect(city.components.TC_TONGSO).toEqual({ total: 44 });
    expect(city.partial).toBe(false);
    // On its own (old) tree the old city's rollup already has them all.
    const oldCity = await read(await old("92"), "native");
    expect(oldCity.components.TC_TONGSO).toEqual({ total: 44 });
  });
});
