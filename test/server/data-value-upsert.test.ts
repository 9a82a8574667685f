import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/server/db/client";
import { upsertValues } from "../../src/server/db/repos/data-value.repo";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

// The one-statement write of a form: it updates its own values and never takes
// over a value another submission owns (the race the service reports as a conflict).

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.destroy());

describe("upsertValues", () => {
  it("writes and rewrites its own values, and leaves another submission's value alone", async () => {
    const db = database.db;
    const [a, b] = await queryRows<{ id: number; unit_id: number }>(
      db,
      sql`SELECT id, unit_id FROM submissions ORDER BY id LIMIT 2`,
    );
    const [element] = await queryRows<{ id: number }>(db, sql`SELECT id FROM data_elements ORDER BY id LIMIT 1`);
    if (!a || !b || !element) throw new Error("demo data missing");
    const row = (submissionId: number, value: string) => ({
      submissionId,
      unitId: a.unit_id,
      period: "2099",
      dataElementId: element.id,
      option: "nu",
      value,
      comment: null,
      updatedBy: null,
    });
    expect(await upsertValues(db, a.id, [row(a.id, "5")])).toHaveLength(1);
    expect(await upsertValues(db, a.id, [row(a.id, "6")])).toHaveLength(1);
    expect(await upsertValues(db, b.id, [row(b.id, "7")])).toEqual([]);
    const stored = await queryRows<{ value: string; submission_id: number }>(
      db,
      sql`SELECT value::text AS value, submission_id FROM data_values WHERE period = '2099'`,
    );
    expect(stored).toEqual([{ value: "6", submission_id: a.id }]);
  });
});
