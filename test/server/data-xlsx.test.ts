import { randomBytes, randomUUID } from "node:crypto";
import { deflateRawSync } from "node:zlib";
import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/server/db/client";
import { findOpenAgencyByName } from "../../src/server/db/repos/agency.repo";
import { listPlansOfUnit } from "../../src/server/db/repos/plan.repo";
import { findRoundByPeriod, insertImportJob } from "../../src/server/db/repos/reporting.repo";
import { findUnitByCode } from "../../src/server/db/repos/unit.repo";
import { failInterruptedImports } from "../../src/server/services/data-value-xlsx.service";
import { createTestServer, type TestClient, type TestServer } from "../helpers/http";

// The Excel round trip on the demo's latest city round (2024): Sở Y tế downloads
// its template, fills it offline and uploads it; and every bad file writes
// nothing and says why in Vietnamese.

let server: TestServer;
let planner: TestClient;
let health: TestClient;
let ward: TestClient;
let roundId: number;
let halfRoundId: number;
let healthKey: string;
let wardKey: string;

beforeAll(async () => {
  server = await createTestServer();
  const db = server.database.db;
  const city = await findUnitByCode(db, "92", "2025-12-01");
  const plan = (await listPlansOfUnit(db, city?.id as number)).find((p) => p.periodFrom === 2024);
  roundId = (await findRoundByPeriod(db, plan?.id as number, "2024"))?.id as number;
  halfRoundId = (await findRoundByPeriod(db, plan?.id as number, "2024S1"))?.id as number;
  healthKey = `agency-${(await findOpenAgencyByName(db, city?.id as number, "Sở Y tế"))?.id}`;
  wardKey = `unit-${(await findUnitByCode(db, "31135", "2025-12-01"))?.id}`;
  planner = await server.signIn("demo.planner");
  health = await server.signIn("demo.reporter");
  ward = await server.signIn("demo.ward.reporter");
});
afterAll(async () => server.close());

function multipart(bytes: Buffer, filename = "bieu-mau.xlsx") {
  const boundary = `----bd${randomBytes(8).toString("hex")}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

async function upload(client: TestClient, round: number, bytes: Buffer, query = "") {
  const body = multipart(bytes);
  return server.app.inject({
    method: "POST",
    url: `/api/rounds/${round}/imports${query}`,
    headers: { cookie: client.cookie, "x-csrf-token": client.csrf, "content-type": body.contentType },
    payload: body.payload,
  });
}

async function waitForJob(client: TestClient, id: string) {
  for (let i = 0; i < 200; i++) {
    const job = (await server.request(client, "GET", `/api/imports/${id}`)).json();
    if (job.status === "done" || job.status === "failed") return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("import job did not finish");
}

async function template(client: TestClient, url: string): Promise<ExcelJS.Workbook> {
  const res = await server.request(client, "GET", url);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  expect(res.headers["content-type"]).toContain("spreadsheetml");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return wb;
}

/** Fills every unlocked value cell of the first reporter row with `value(code)`. */
function fill(wb: ExcelJS.Workbook, value: (code: string) => number | string) {
  const ws = wb.getWorksheet("Số liệu") as ExcelJS.Worksheet;
  for (let col = 3; col <= ws.columnCount; col++) {
    const code = ws.getCell(6, col).value;
    const cell = ws.getCell(7, col);
    if (typeof code === "string" && !code.startsWith("prev:") && cell.protection?.locked === false)
      cell.value = value(code);
  }
}

async function counts() {
  const [row] = await queryRows<{ values: number; audit: number }>(
    server.database.db,
    sql`SELECT (SELECT count(*)::int FROM data_values) AS values, (SELECT count(*)::int FROM audit_log) AS audit`,
  );
  return row;
}

const goodValue = (code: string) => {
  const [element] = code.split("|");
  if (element === "CSTGXH_BLG") return 3;
  if (element === "CSTGXH_CONGLAP") return 5;
  if (element === "NNMB_DUOCHOTRO") return 2;
  if (element === "NNMB_CANHOTRO") return 3;
  if (element?.startsWith("TRE_SINHSONG")) return 20000;
  if (element === "SINH_ME_15_19") return 1000;
  if (element === "PN_15_19") return 90000;
  return 4;
};

describe("Excel template round trip", () => {
  it("builds a protected template with hidden codes, validation and previous values", async () => {
    const wb = await template(health, `/api/rounds/${roundId}/forms/${healthKey}/template.xlsx`);
    const ws = wb.getWorksheet("Số liệu") as ExcelJS.Worksheet;
    expect(ws.getColumn(1).hidden).toBe(true);
    expect(ws.getRow(6).hidden).toBe(true);
    expect(ws.getCell(7, 1).value).toBe(healthKey);
    expect(wb.getWorksheet("_bd")?.state).toBe("veryHidden");
    const valueCell = ws.getCell(7, 4);
    expect(valueCell.protection?.locked).toBe(false);
    expect(valueCell.dataValidation?.type).toBe("whole");
    // The previous period (2023) has no figures in the demo; 2024S1 quarters are not on this form.
    expect(ws.getCell(5, 3).value).toBe("Kỳ trước");
  });

  it("imports a filled template for the department, then it submits and is approved", async () => {
    const wb = await template(health, `/api/rounds/${roundId}/forms/${healthKey}/template.xlsx`);
    fill(wb, goodValue);
    const res = await upload(health, roundId, Buffer.from(await wb.xlsx.writeBuffer()), `?reporterKey=${healthKey}`);
    expect(res.statusCode, res.body).toBe(202);
    const job = await waitForJob(health, res.json().id);
    expect(job.status, JSON.stringify(job.result)).toBe("done");
    expect(job.result.written).toBeGreaterThan(3);
    const submitted = await server.request(health, "POST", `/api/rounds/${roundId}/forms/${healthKey}/submit`, {});
    expect(submitted.statusCode, submitted.body).toBe(200);
    const approved = await server.request(planner, "POST", `/api/rounds/${roundId}/forms/${healthKey}/approve`, {});
    expect(approved.json().state).toBe("approved");
  });
});

describe("template of all lower units", () => {
  it("has one row per commune; the planner fills two communes and the rest stay untouched", async () => {
    const wb = await template(planner, `/api/rounds/${roundId}/template.xlsx`);
    const ws = wb.getWorksheet("Số liệu") as ExcelJS.Worksheet;
    const keys: string[] = [];
    for (let row = 7; ws.getCell(row, 1).value; row++) keys.push(String(ws.getCell(row, 1).value));
    expect(keys.length).toBeGreaterThan(90);
    expect(keys).toContain(wardKey);
    // Xã Phong Điền has sent its report: its row shows its figures, locked.
    const phongDien = 7 + keys.indexOf(`unit-${(await findUnitByCode(server.database.db, "31299", "2025-12-01"))?.id}`);
    const cells = Array.from({ length: ws.columnCount - 2 }, (_, i) => ws.getCell(phongDien, i + 3));
    expect(cells.some((c) => typeof c.value === "number")).toBe(true);
    expect(cells.every((c) => c.protection?.locked !== false)).toBe(true);
    const fillRow = (row: number) => {
      for (let col = 3; col <= ws.columnCount; col++) {
        const code = ws.getCell(6, col).value;
        const cell = ws.getCell(row, col);
        if (typeof code !== "string" || code.startsWith("prev:") || cell.protection?.locked !== false) continue;
        cell.value =
          code.startsWith("TC_PHOBIEN") || code.startsWith("NBBL_TIEPCAN") || code.startsWith("NGBL_TUVAN") ? 1 : 4;
      }
    };
    const others = keys.filter((k) => k !== wardKey && 7 + keys.indexOf(k) !== phongDien).slice(5, 7);
    for (const k of others) fillRow(7 + keys.indexOf(k));
    const before = (await server.request(planner, "GET", `/api/rounds/${roundId}/status`)).json();
    const res = await upload(planner, roundId, Buffer.from(await wb.xlsx.writeBuffer()));
    const job = await waitForJob(planner, res.json().id);
    expect(job.status, JSON.stringify(job.result)).toBe("done");
    const after = (await server.request(planner, "GET", `/api/rounds/${roundId}/status`)).json();
    const state = (st: typeof after, k: string) =>
      st.reporters.find((r: { reporterKey: string }) => r.reporterKey === k).state;
    for (const k of others) expect(state(after, k)).toBe("draft");
    expect(state(after, wardKey)).toBe(state(before, wardKey));
  });
});

describe("bad files write nothing and say why", () => {
  async function refused(
    client: TestClient,
    bytes: Buffer,
    status: number,
    message: RegExp,
    round = roundId,
    query = "",
  ) {
    const before = await counts();
    const res = await upload(client, round, bytes, query);
    let text: string;
    if (res.statusCode === 202) {
      const job = await waitForJob(client, res.json().id);
      expect(job.status).toBe("failed");
      text = `${job.result.message} ${job.result.errors.map((e: { cell: string; message: string }) => `${e.cell}: ${e.message}`).join(" ")}`;
      expect(status).toBe(202);
    } else {
      expect(res.statusCode).toBe(status);
      text = res.json().error.message;
    }
    expect(text).toMatch(message);
    expect(await counts()).toEqual(before);
    return text;
  }

  it("refuses a file that is not a workbook", async () => {
    await refused(ward, randomBytes(4000), 422, /không phải là tệp Excel/);
    const wb = await template(ward, `/api/rounds/${roundId}/forms/${wardKey}/template.xlsx`);
    const real = Buffer.from(await wb.xlsx.writeBuffer());
    await refused(ward, real.subarray(0, Math.floor(real.length / 2)), 422, /không phải là tệp Excel/);
    // A sound zip that is not a workbook (a Word file).
    const docx = zipOf([{ name: "word/document.xml", data: deflateRawSync(Buffer.from("<w:document/>")), size: 13 }]);
    await refused(ward, docx, 422, /không phải là tệp Excel/);
  });

  it("refuses a zip bomb from its central directory, before parsing", async () => {
    const data = deflateRawSync(Buffer.alloc(60 * 1024 * 1024));
    await refused(ward, zipOf([{ name: "xl/workbook.xml", data, size: 60 * 1024 * 1024 }]), 422, /nén bất thường/);
    // A header that lies about the size is caught when the entry is inflated with a cap.
    await refused(
      ward,
      zipOf([{ name: "xl/workbook.xml", data, size: 1000 }]),
      422,
      /nén bất thường|không phải là tệp Excel/,
    );
  });

  it("refuses a 50 MB file with 413", async () => {
    await refused(ward, Buffer.alloc(50 * 1024 * 1024, 1), 413, /vượt quá giới hạn 10 MB/);
  });

  it("refuses another reporter's template, another round's, and a tampered one", async () => {
    const wb = await template(planner, `/api/rounds/${roundId}/forms/${healthKey}/template.xlsx`);
    fill(wb, goodValue);
    const theirs = Buffer.from(await wb.xlsx.writeBuffer());
    await refused(ward, theirs, 202, /Biểu mẫu này là của Sở Y tế/);
    const wardWb = await template(ward, `/api/rounds/${roundId}/forms/${wardKey}/template.xlsx`);
    fill(wardWb, () => 3);
    const ownBytes = Buffer.from(await wardWb.xlsx.writeBuffer());
    await refused(ward, ownBytes, 202, /kỳ báo cáo khác/, halfRoundId);
    const ws = wardWb.getWorksheet("Số liệu") as ExcelJS.Worksheet;
    ws.getCell(6, 4).value = "TC_TONGSO|nu|2024";
    await refused(ward, Buffer.from(await wardWb.xlsx.writeBuffer()), 202, /thay đổi cấu trúc/);
  });

  it("refuses a file with one bad cell and names the cell", async () => {
    const wb = await template(ward, `/api/rounds/${roundId}/forms/${wardKey}/template.xlsx`);
    let first = true;
    fill(wb, (code) => {
      if (code.startsWith("TC_TONGSO") && first) {
        first = false;
        return -5;
      }
      return code.startsWith("TC_PHOBIEN") ? 1 : 3;
    });
    const text = await refused(ward, Buffer.from(await wb.xlsx.writeBuffer()), 202, /không được âm/);
    expect(text).toMatch(/[A-Z]+7:/);
  });
});

/** A zip with the given entries (deflated data, declared uncompressed size). */
describe("an import cut short by a restart", () => {
  async function unfinishedJob(status: "queued" | "running", ageMinutes: number): Promise<string> {
    const db = server.database.db;
    const [user] = await queryRows<{ id: number }>(db, sql`SELECT id FROM users WHERE username = 'demo.reporter'`);
    const job = await insertImportJob(db, {
      id: randomUUID(),
      roundId,
      actorId: user?.id as number,
      fileName: "bieu-mau.xlsx",
      fileSize: 1000,
      status,
    });
    await db.execute(
      sql`UPDATE import_jobs SET created_at = now() - make_interval(mins => ${ageMinutes}) WHERE id = ${job.id}`,
    );
    return job.id;
  }

  it("reads as failed, with 'upload again', once it is older than any real import", async () => {
    const stale = await unfinishedJob("running", 30);
    const fresh = await unfinishedJob("running", 1);
    const job = (await server.request(health, "GET", `/api/imports/${stale}`)).json();
    expect(job.status).toBe("failed");
    expect(job.result.message).toContain("Hãy tải tệp lên lại");
    expect(job.result.written).toBe(0);
    expect((await server.request(health, "GET", `/api/imports/${fresh}`)).json().status).toBe("running");
  });

  it("is marked failed at start when this process is the only one (PGlite), by age otherwise", async () => {
    const db = server.database.db;
    const fresh = await unfinishedJob("queued", 1);
    const old = await unfinishedJob("queued", 30);
    const status = async (id: string) =>
      (await queryRows<{ status: string }>(db, sql`SELECT status FROM import_jobs WHERE id = ${id}`))[0]?.status;
    expect(await failInterruptedImports(db, false)).toBeGreaterThanOrEqual(1);
    expect([await status(old), await status(fresh)]).toEqual(["failed", "queued"]);
    expect(await failInterruptedImports(db, true)).toBeGreaterThanOrEqual(1);
    expect(await status(fresh)).toBe("failed");
    expect(await failInterruptedImports(db, true)).toBe(0);
  });
});

function zipOf(entries: { name: string; data: Buffer; size: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}
