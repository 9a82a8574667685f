import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/server/db/client";
import { countUnitsByLevel, findUnitByCode, listChildren, listSubtree } from "../../src/server/db/repos/unit.repo";
import { loadReferenceUnits } from "../../src/server/services/unit-load.service";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.destroy());

describe("official units", () => {
  it("has 34 provinces and 3,321 communes today", async () => {
    const counts = await countUnitsByLevel(database.db, "2026-11-23");
    expect(counts).toEqual({ nation: 1, province: 34, commune: 3321 });
  });

  it("has 63 provinces, 696 districts and 10,035 communes on 2025-06-30", async () => {
    const counts = await countUnitsByLevel(database.db, "2025-06-30");
    expect(counts).toEqual({ nation: 1, province: 63, district: 696, commune: 10035 });
  });

  it("maps every old commune to at least one new commune", async () => {
    const orphans = await queryRows<{ n: number }>(
      database.db,
      sql`SELECT count(*)::int AS n FROM units o
          WHERE o.level = 'commune' AND o.valid_to = '2025-07-01'
            AND NOT EXISTS (SELECT 1 FROM unit_crosswalk x JOIN units n ON n.id = x.new_unit_id
                            WHERE x.old_unit_id = o.id AND n.level = 'commune' AND n.valid_from = '2025-07-01')`,
    );
    expect(orphans[0]?.n).toBe(0);
    const parts = await queryRows<{ relation: string; n: number }>(
      database.db,
      sql`SELECT relation, count(*)::int AS n FROM unit_crosswalk GROUP BY relation ORDER BY relation`,
    );
    expect(parts.find((p) => p.relation === "part")?.n).toBe(969);
  });

  it("knows codes that changed meaning at the reform", async () => {
    const before = await findUnitByCode(database.db, "00004", "2025-06-30");
    const after = await findUnitByCode(database.db, "00004", "2025-07-01");
    expect(before?.full_name).toBe("Phường Trúc Bạch");
    expect(after?.full_name).toBe("Phường Ba Đình");
    expect((await findUnitByCode(database.db, "92", "2026-11-23"))?.full_name).toBe("Thành phố Cần Thơ");
  });

  it("shows Đồng Nai as a province before 30/04/2026 and a city after", async () => {
    expect((await findUnitByCode(database.db, "75", "2025-12-31"))?.full_name).toBe("Tỉnh Đồng Nai");
    expect((await findUnitByCode(database.db, "75", "2026-05-01"))?.full_name).toBe("Thành phố Đồng Nai");
  });

  it("walks the tree at any depth: children and subtree by path", async () => {
    const hanoiOld = await findUnitByCode(database.db, "01", "2025-06-30");
    const hanoiNew = await findUnitByCode(database.db, "01", "2025-07-01");
    expect(hanoiOld && hanoiNew).toBeTruthy();
    const oldKids = await listChildren(database.db, hanoiOld!.id, "2025-06-30");
    expect(oldKids.every((k) => k.level === "district")).toBe(true);
    const newKids = await listChildren(database.db, hanoiNew!.id, "2025-07-01");
    expect(newKids).toHaveLength(126);
    const subtree = await listSubtree(database.db, hanoiOld!.path, "2025-06-30");
    expect(subtree.filter((u) => u.level === "commune").length).toBeGreaterThan(500);
  });

  it("loads again without duplicating anything", async () => {
    const report = await loadReferenceUnits(database.db);
    expect(report).toEqual({ inserted: 0, crosswalkRows: 0, revisions: 0 });
  });
});
