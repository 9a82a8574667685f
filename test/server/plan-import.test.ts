import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Plan, PlanChecks } from "../../src/contract/plan";
import type { AgencyChoice, PlanImportResult, SavePlanImportInput } from "../../src/contract/plan-import";
import { queryRows } from "../../src/server/db/client";
import { findUnitByCode } from "../../src/server/db/repos/unit.repo";
import { systemActor } from "../../src/server/services/context";
import { todayIso } from "../../src/server/services/unit.service";
import { createUser } from "../../src/server/services/user.service";
import { textToDocx } from "../helpers/docx";
import { createTestServer, type TestClient, type TestServer } from "../helpers/http";
import { blankPdf } from "../helpers/pdf";

// Importing a plan document through HTTP: each format is read, matched and
// returned without writing; saving creates one draft plan with its links,
// targets, agencies and responsibilities; scope and size are enforced.

const SAMPLE = readFileSync(resolve(process.cwd(), "test/fixtures/import/cantho-2024.txt"));

let server: TestServer;
let planner: TestClient;
let ward: TestClient;
let outsider: TestClient;
let cityId: number;
let wardId: number;

beforeAll(async () => {
  server = await createTestServer();
  const db = server.database.db;
  cityId = (await findUnitByCode(db, "92", todayIso()))!.id;
  wardId = (await findUnitByCode(db, "31135", todayIso()))!.id;
  const hanoi = await findUnitByCode(db, "01", todayIso());
  await createUser(db, systemActor(), {
    username: "hanoi.import",
    displayName: "Planner of Hà Nội",
    role: "planner",
    unitId: hanoi!.id,
    password: "hanoi-password-1",
  });
  planner = await server.signIn("demo.planner");
  ward = await server.signIn("demo.ward");
  outsider = await server.signIn("hanoi.import", "hanoi-password-1");
});
afterAll(async () => server.close());

function upload(client: TestClient, bytes: Uint8Array, filename: string, query: string) {
  const boundary = `----bd${randomBytes(8).toString("hex")}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  return server.app.inject({
    method: "POST",
    url: `/api/plan-imports?${query}`,
    headers: {
      cookie: client.cookie,
      "x-csrf-token": client.csrf,
      "content-type": `multipart/form-data; boundary=${boundary}`,
    },
    payload: Buffer.concat([head, Buffer.from(bytes), Buffer.from(`\r\n--${boundary}--\r\n`)]),
  });
}

async function count(table: "plans" | "agencies" | "audit_log"): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    server.database.db,
    sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`,
  );
  return rows[0]!.n;
}

const indicatorCount = (r: PlanImportResult) => r.extract.goals.reduce((n, g) => n + g.indicators.length, 0);

/** What the review screen sends when the officer accepts every suggestion. */
function acceptAll(r: PlanImportResult, unitId: number): SavePlanImportInput {
  const agencies: Record<string, AgencyChoice> = {};
  for (const s of r.agencySuggestions) {
    agencies[s.name] = s.agencyId ? { mode: "existing", agencyId: s.agencyId } : { mode: "create", type: s.type };
  }
  return {
    unitId,
    fileName: r.fileName,
    extract: structuredClone(r.extract) as SavePlanImportInput["extract"],
    links: Object.fromEntries(r.matches.map((m) => [m.path, m.suggested])),
    agencies,
  };
}

describe("reading a plan document", () => {
  let txt: PlanImportResult;

  it("reads a .txt plan: 6 goals, 19 indicators, spans, and national matches", async () => {
    const before = await count("audit_log");
    const res = await upload(planner, SAMPLE, "cantho-2024.txt", `unitId=${cityId}`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    txt = res.json();
    expect(txt.format).toBe("txt");
    expect(txt.extract.goals).toHaveLength(6);
    expect(indicatorCount(txt)).toBe(19);
    const span = txt.spans["goals.1.indicators.0"]!;
    expect(txt.text.slice(span.start, span.end)).toContain("lao động nữ làm công hưởng lương");
    const wage = txt.matches.find((m) => m.path === "goals.1.indicators.0")!;
    expect(wage.candidates[0]).toMatchObject({ kind: "catalogue", code: "2.1" });
    expect(wage.suggested).toEqual({ kind: "catalogue", id: wage.candidates[0]!.id });
    expect(txt.matches.filter((m) => m.suggested !== null)).toHaveLength(19);
    expect(txt.warnings.map((w) => w.code)).toContain("INDICATOR_WITHOUT_TARGET");
    expect(txt.agencySuggestions.find((a) => a.name === "Sở Y tế")?.agencyId).not.toBeNull();
    expect(await count("audit_log")).toBe(before);
  });

  it("reads the same plan from a .docx built with the docx library", async () => {
    const docx = await textToDocx(SAMPLE.toString("utf8"));
    const res = await upload(planner, docx, "ke-hoach.docx", `unitId=${cityId}`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const r: PlanImportResult = res.json();
    expect(r.format).toBe("docx");
    expect(r.extract.goals).toHaveLength(6);
    expect(indicatorCount(r)).toBe(19);
  });

  it("refuses a PDF without a text layer with a clear Vietnamese message (422)", async () => {
    const res = await upload(planner, blankPdf(), "ban-quet.pdf", `unitId=${cityId}`);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toMatch(/không có lớp văn bản/);
  });

  it("refuses an unsupported format (415) and a file over 20 MB (413), writing nothing", async () => {
    const exe = await upload(planner, Buffer.from("MZ\x90\x00binary"), "setup.exe", `unitId=${cityId}`);
    expect(exe.statusCode).toBe(415);
    expect(exe.json().error.message).toMatch(/Không hỗ trợ định dạng/);
    const before = [await count("plans"), await count("audit_log")];
    const big = Buffer.alloc(20 * 1024 * 1024 + 10, 0x61);
    const res = await upload(planner, big, "to.txt", `unitId=${cityId}`);
    expect(res.statusCode).toBe(413);
    expect(res.json().error.message).toMatch(/Tệp quá lớn.*20 MB/);
    expect([await count("plans"), await count("audit_log")]).toEqual(before);
  });

  it("refuses a planner of another province (403) before reading the file", async () => {
    const res = await upload(outsider, SAMPLE, "cantho-2024.txt", `unitId=${cityId}`);
    expect(res.statusCode).toBe(403);
  });

  it("offers the upper plan's indicators first when upperPlanId is given", async () => {
    const plans = (await server.request(ward, "GET", `/api/plans?unitId=${cityId}`)).json().items as {
      id: number;
      status: string;
      periodFrom: number;
    }[];
    const city = plans.find((p) => p.status === "issued" && p.periodFrom === 2024)!;
    const res = await upload(ward, SAMPLE, "cantho-2024.txt", `unitId=${wardId}&upperPlanId=${city.id}`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const r: PlanImportResult = res.json();
    const wage = r.matches.find((m) => m.path === "goals.1.indicators.0")!;
    expect(wage.suggested?.kind).toBe("upper");
    expect(wage.candidates.find((c) => c.kind === "upper")?.code).toBe("2.1");

    // Saved under the ward: linked to the city's indicators, which carry the national link down.
    const input = { ...acceptAll(r, wardId), upperPlanId: city.id };
    for (const s of r.agencySuggestions) input.agencies[s.name] = { mode: "skip" };
    const saved = await server.request(ward, "POST", "/api/plan-imports/save", input);
    expect(saved.statusCode, saved.body.slice(0, 300)).toBe(200);
    const plan: Plan = (await server.request(ward, "GET", `/api/plans/${saved.json().planId}`)).json();
    expect(plan).toMatchObject({ sourceKind: "plan", sourcePlanId: city.id, unitId: wardId, responsibilities: [] });
    const linked = plan.goals.flatMap((g) => g.indicators).find((i) => i.code === "2.1")!;
    expect(linked.upperIndicatorId).toBe(wage.suggested?.id);
    expect(linked.catalogueIndicatorId).not.toBeNull();
    expect(linked.upperTargets.length).toBeGreaterThan(0);
    expect(plan.sections.legalBasis.some((l) => l.planId === city.id)).toBe(true);
  });

  it("saves the reviewed plan as a draft with links, targets, agencies and responsibilities", async () => {
    const input = acceptAll(txt, cityId);
    // The officer corrects one target and makes one indicator local.
    input.extract.goals[1]!.indicators[0]!.targets[0]!.value = 62;
    input.links["goals.5.indicators.3"] = null;
    const agenciesBefore = await count("agencies");
    const res = await server.request(planner, "POST", "/api/plan-imports/save", input);
    expect(res.statusCode, res.body.slice(0, 500)).toBe(200);
    const saved = res.json();
    expect(saved).toMatchObject({ goals: 6, indicators: 19 });
    expect(saved.responsibilities).toBeGreaterThan(5);
    expect(await count("agencies")).toBe(agenciesBefore + saved.createdAgencies);

    const plan: Plan = (await server.request(planner, "GET", `/api/plans/${saved.planId}`)).json();
    expect(plan.status).toBe("draft");
    expect(plan.sourceKind).toBe("strategy");
    expect(plan.title).toBe("Thực hiện Chiến lược quốc gia về bình đẳng giới thành phố Cần Thơ năm 2024");
    expect([plan.periodFrom, plan.periodTo]).toEqual([2024, 2024]);
    const indicators = plan.goals.flatMap((g) => g.indicators);
    expect(indicators).toHaveLength(19);
    expect(indicators.filter((i) => i.catalogueIndicatorId !== null)).toHaveLength(18);
    const local = indicators.find((i) => i.code === "6.4")!;
    expect(local.isLocal).toBe(true);
    const wage = indicators.find((i) => i.code === "2.1")!;
    expect(wage.targets[0]).toMatchObject({ comparator: ">=", value: 62, unit: "%", year: 2024 });
    expect(wage.upperTargets.length).toBeGreaterThan(0);
    expect(plan.sections.reporting.map((r) => r.due)).toEqual(["06-10", "12-10"]);
    const health = plan.agencies.find((a) => a.name === "Sở Y tế")!;
    const codeOf = (id: number) => indicators.find((i) => i.id === id)?.code;
    expect(
      plan.responsibilities
        .filter((r) => r.agencyId === health.id)
        .map((r) => codeOf(r.indicatorId))
        .sort(),
    ).toEqual(["4.1", "4.2", "4.3"]);

    const checks: PlanChecks = (await server.request(planner, "GET", `/api/plans/${saved.planId}/checks`)).json();
    expect(checks.items.length).toBeGreaterThan(0);
    const audit = (await server.request(planner, "GET", `/api/audit?objectType=plan&objectId=${saved.planId}`)).json();
    expect(JSON.stringify(audit)).toContain("plan.import");
  });

  it("refuses a save without a title with a Vietnamese message, and an outsider with 403", async () => {
    const input = acceptAll(txt, cityId);
    input.extract.document.title = null;
    const before = await count("plans");
    const res = await server.request(planner, "POST", "/api/plan-imports/save", input);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].message).toBe("Chưa có trích yếu (tên) kế hoạch.");
    const other = await server.request(outsider, "POST", "/api/plan-imports/save", acceptAll(txt, cityId));
    expect(other.statusCode).toBe(403);
    expect(await count("plans")).toBe(before);
  });

  it("refuses a link to an indicator that is not a candidate", async () => {
    const input = acceptAll(txt, cityId);
    input.links["goals.0.indicators.0"] = { kind: "upper", id: 999999 };
    const res = await server.request(planner, "POST", "/api/plan-imports/save", input);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].message).toMatch(/không tồn tại/);
  });
});
