import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/server/db/client";
import { findOpenAgencyByName } from "../../src/server/db/repos/agency.repo";
import { listAuditFor } from "../../src/server/db/repos/audit.repo";
import { findUnitByCode } from "../../src/server/db/repos/unit.repo";
import { findUserByUsername } from "../../src/server/db/repos/user.repo";
import { presentMyForm } from "../../src/server/http/presenters/reporting.presenters";
import { listMyFormsWithReminders, sendDueReminders } from "../../src/server/services/reminder.service";
import { createTestServer, type TestClient, type TestServer } from "../helpers/http";
import { buildIssuedPlan } from "../helpers/reporting-builders";

// Deadline reminders: the city planner reminds the departments and wards that have not
// reported; a reporter sees the reminder on its forms; at most one a day per reporter.

let server: TestServer;
let planner: TestClient;
let ward: TestClient;
let health: TestClient;
let roundId: number;
let wardKey: string;
let healthKey: string;
let healthAgencyId: number;

const count = async (table: "reminders" | "audit_log") =>
  (await queryRows<{ n: number }>(server.database.db, sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`))[0]
    ?.n;

beforeAll(async () => {
  server = await createTestServer();
  const db = server.database.db;
  const built = await buildIssuedPlan(db, {
    indicators: { "3.4": [["Sở Y tế", "lead"]], "6.2": [["Sở Nội vụ", "lead"]] },
    periodFrom: 2026,
    periodTo: 2026,
  });
  const wardUnit = await findUnitByCode(db, "31135", "2025-12-01");
  const agency = await findOpenAgencyByName(db, built.plan.unitId, "Sở Y tế");
  wardKey = `unit-${wardUnit?.id}`;
  healthAgencyId = agency?.id as number;
  healthKey = `agency-${healthAgencyId}`;
  planner = await server.signIn("demo.planner");
  ward = await server.signIn("demo.ward.reporter");
  health = await server.signIn("demo.reporter");
  const opened = await server.request(planner, "POST", `/api/plans/${built.plan.id}/rounds`, { period: "2026" });
  expect(opened.statusCode, opened.body).toBe(200);
  roundId = opened.json().id;
  const submitted = await server.request(ward, "POST", `/api/rounds/${roundId}/forms/${wardKey}/submit`, {
    values: [
      { element: "TC_TONGSO", period: "2026", option: "total", value: 40 },
      { element: "TC_PHOBIEN_CAMKET", period: "2026", option: "total", value: 36 },
    ],
  });
  expect(submitted.statusCode, submitted.body).toBe(200);
});
afterAll(async () => server.close());

const remind = (client: TestClient, body: unknown) =>
  server.request(client, "POST", `/api/rounds/${roundId}/reminders`, body);

describe("deadline reminders", () => {
  it("may be sent only by the level above, not by reporters, viewers or a lower unit's planner", async () => {
    const viewer = await server.signIn("demo.viewer");
    const wardPlanner = await server.signIn("demo.ward");
    for (const client of [health, ward, viewer, wardPlanner]) {
      const res = await remind(client, { reporterKey: healthKey });
      expect(res.statusCode).toBe(403);
    }
    expect(await count("reminders")).toBe(0);
  });

  it("records one reminder with its message, audited in the same write", async () => {
    const before = await count("audit_log");
    const res = await remind(planner, { reporterKey: healthKey, message: "  Hạn nộp sắp đến, đề nghị gửi sớm. " });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().sent).toEqual([{ reporterKey: healthKey, name: "Sở Y tế", sentAt: expect.any(String) }]);
    expect(await count("reminders")).toBe(1);
    expect(await count("audit_log")).toBe((before ?? 0) + 1);
    const audit = await listAuditFor(server.database.db, "submission", `${roundId}:${healthKey}`);
    expect(audit.at(-1)).toMatchObject({
      action: "remind",
      actorName: "Nguyễn Thị Lan — Sở Nội vụ",
      new: { message: "Hạn nộp sắp đến, đề nghị gửi sớm." },
    });
  });

  it("refuses a second reminder to the same reporter within 24 hours, writing nothing", async () => {
    const [reminders, audits] = [await count("reminders"), await count("audit_log")];
    const res = await remind(planner, { reporterKey: healthKey });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toMatch(
      /^Sở Y tế đã được nhắc lúc \d{2}:\d{2} ngày \d{2}\/\d{2}\/\d{4}\. Mỗi nơi chỉ được nhắc một lần trong 24 giờ; có thể nhắc lại từ \d{2}:\d{2} ngày/,
    );
    expect([await count("reminders"), await count("audit_log")]).toEqual([reminders, audits]);
  });

  it("does not remind a reporter that has already reported", async () => {
    const res = await remind(planner, { reporterKey: wardKey });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toMatch(/đã gửi báo cáo kỳ này; không cần nhắc/);
  });

  it("reminds everyone not yet in at once, skipping who was reminded today; then refuses a repeat", async () => {
    const status = (await server.request(planner, "GET", `/api/rounds/${roundId}/status`)).json();
    const open = status.reporters.filter((r: { state: string }) => r.state === "pending").length;
    const res = await remind(planner, { message: "Nhắc chung" });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.sent).toHaveLength(open - 1);
    expect(body.sent.map((s: { reporterKey: string }) => s.reporterKey)).not.toContain(wardKey);
    expect(body.skipped).toEqual([expect.objectContaining({ reporterKey: healthKey, name: "Sở Y tế" })]);
    const [reminders, audits] = [await count("reminders"), await count("audit_log")];
    expect(reminders).toBe(open);
    const again = await remind(planner, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toMatch(
      new RegExp(
        `^Cả ${open} nơi chưa gửi báo cáo đều đã được nhắc trong 24 giờ qua\\. Mỗi nơi chỉ được nhắc một lần trong 24 giờ; có thể nhắc lại từ \\d{2}:\\d{2} ngày \\d{2}/\\d{2}/\\d{4}\\.$`,
      ),
    );
    expect([await count("reminders"), await count("audit_log")]).toEqual([reminders, audits]);
  });

  it("shows the reporter its reminder and the time left in my forms and on the form", async () => {
    const mine = (await server.request(health, "GET", "/api/forms/mine")).json();
    const item = mine.items.find((f: { roundId: number }) => f.roundId === roundId);
    expect(item.lastReminder).toEqual({
      sentAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      sentBy: "Nguyễn Thị Lan — Sở Nội vụ",
      message: "Hạn nộp sắp đến, đề nghị gửi sớm.",
    });
    expect(item.due).toMatchObject({ status: expect.stringMatching(/^(upcoming|today|overdue)$/) });
    const list = await server.request(health, "GET", `/api/rounds/${roundId}/forms/${healthKey}/reminders`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items).toHaveLength(1);
    // The ward's form is not the department's to read.
    const foreign = await server.request(health, "GET", `/api/rounds/${roundId}/forms/${wardKey}/reminders`);
    expect(foreign.statusCode).toBe(403);
    const wardMine = (await server.request(ward, "GET", "/api/forms/mine")).json();
    const wardItem = wardMine.items.find((f: { roundId: number }) => f.roundId === roundId);
    expect(wardItem).toMatchObject({ due: null, lastReminder: null });
  });

  it("counts the days left in Vietnam time", async () => {
    const user = await findUserByUsername(server.database.db, "demo.reporter");
    const actor = {
      principal: { id: user?.id as number, role: "reporter" as const, unitPath: [], agencyId: healthAgencyId },
      displayName: "x",
      requestId: null,
    };
    const dueOn = async (iso: string) => {
      const mine = await listMyFormsWithReminders(server.database.db, actor, new Date(iso));
      const item = mine.items.find((i) => i.form.round_id === roundId);
      return item && presentMyForm(item, mine.today).due;
    };
    // The deadline is 10/12/2026; 17:00 UTC on the 9th is already the 10th in Vietnam.
    expect(await dueOn("2026-12-09T16:59:00Z")).toEqual({ status: "upcoming", days: 1 });
    expect(await dueOn("2026-12-09T17:00:00Z")).toEqual({ status: "today", days: 0 });
    expect(await dueOn("2026-12-11T17:00:00Z")).toEqual({ status: "overdue", days: 2 });
  });

  it("shows the last reminder of each reporter in the round's status", async () => {
    const status = (await server.request(planner, "GET", `/api/rounds/${roundId}/status`)).json();
    const byKey = new Map(status.reporters.map((r: { reporterKey: string }) => [r.reporterKey, r]));
    expect(byKey.get(healthKey)).toMatchObject({
      lastReminder: { sentBy: "Nguyễn Thị Lan — Sở Nội vụ", message: "Hạn nộp sắp đến, đề nghị gửi sớm." },
    });
    expect(byKey.get(wardKey)).toMatchObject({ lastReminder: null });
    const others = status.reporters.filter((r: { reporterKey: string; state: string }) => r.state === "pending");
    expect(others.every((r: { lastReminder: unknown }) => r.lastReminder !== null)).toBe(true);
  });
});

describe("automatic reminders (the hourly sweep)", () => {
  const sentAt = async (iso: string) =>
    (
      await queryRows<{ reporter_key: string; sent_by: number | null; message: string }>(
        server.database.db,
        sql`SELECT reporter_key, sent_by, message FROM reminders WHERE round_id = ${roundId} AND sent_at = ${iso}`,
      )
    ).sort((a, b) => a.reporter_key.localeCompare(b.reporter_key));

  it("remind every reporter not yet in three days before the deadline, as the system, audited", async () => {
    const status = (await server.request(planner, "GET", `/api/rounds/${roundId}/status`)).json();
    const open = status.reporters
      .filter((r: { state: string }) => r.state === "pending" || r.state === "returned" || r.state === "draft")
      .map((r: { reporterKey: string }) => r.reporterKey)
      .sort();
    // The deadline is 10/12/2026; 01:30 UTC on the 7th is 08:30 in Vietnam, three days before.
    const now = "2026-12-07T01:30:00.000Z";
    const result = await sendDueReminders(server.database.db, new Date(now));
    const rows = await sentAt(now);
    expect(rows.map((r) => r.reporter_key)).toEqual(open);
    expect(rows.map((r) => r.reporter_key)).not.toContain(wardKey);
    expect(result.sent).toBeGreaterThanOrEqual(rows.length);
    expect(rows.every((r) => r.sent_by === null)).toBe(true);
    expect(rows[0]?.message).toBe("Nhắc tự động: còn 3 ngày đến hạn gửi báo cáo (10/12/2026).");
    const audit = await listAuditFor(server.database.db, "submission", `${roundId}:${healthKey}`);
    expect(audit.at(-1)).toMatchObject({ action: "remind", actorName: "hệ thống (nhắc tự động)", actorId: null });
  });

  it("send nothing twice within 24 hours, nothing on other days, nothing outside office hours", async () => {
    for (const now of ["2026-12-07T09:00:00.000Z", "2026-12-08T01:30:00.000Z", "2026-12-09T23:30:00.000Z"]) {
      await sendDueReminders(server.database.db, new Date(now));
      expect(await sentAt(now)).toEqual([]);
    }
  });

  it("remind again on the day; the reporter reads it as the system's, with the note", async () => {
    const now = "2026-12-10T02:00:00.000Z";
    await sendDueReminders(server.database.db, new Date(now));
    expect((await sentAt(now)).map((r) => r.reporter_key)).toContain(healthKey);
    const user = await findUserByUsername(server.database.db, "demo.reporter");
    const actor = {
      principal: { id: user?.id as number, role: "reporter" as const, unitPath: [], agencyId: healthAgencyId },
      displayName: "x",
      requestId: null,
    };
    const mine = await listMyFormsWithReminders(server.database.db, actor, new Date(now));
    const item = mine.items.find((i) => i.form.round_id === roundId);
    expect(item && presentMyForm(item, mine.today).lastReminder).toEqual({
      sentAt: now,
      sentBy: null,
      message: "Nhắc tự động: hôm nay (10/12/2026) là hạn gửi báo cáo.",
    });
  });
});
