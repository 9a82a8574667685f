import { sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CATALOGUE_DATA_ELEMENTS } from "../../src/core/catalogue-formulas";
import { consolidate, type RawValue } from "../../src/core/consolidation";
import { conditionKey, type Formula } from "../../src/core/formula";
import { quartersOf } from "../../src/core/periods";
import { queryRows } from "../../src/server/db/client";
import {
  applyConditionDeltasSql,
  conditionRollupsSql,
  pruneConditionRollupsSql,
  readConditionRollups,
} from "../../src/server/db/repos/condition-rollup.repo";
import {
  applyRollupSql,
  pruneRollupSql,
  readRollup,
  readRollupSql,
  reporterValuesSql,
} from "../../src/server/db/repos/data-value.repo";
import {
  ensureConditionRollups,
  rebuildConditionRollups,
  rolledUpKey,
} from "../../src/server/services/condition-rollup.service";
import { systemActor } from "../../src/server/services/context";
import { elementMap, resolveFormulas } from "../../src/server/services/data-element.service";
import { getUnitIndicators } from "../../src/server/services/indicator-value.service";
import { decideSubmission } from "../../src/server/services/reporting.service";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { buildIssuedPlan } from "../helpers/reporting-builders";

// Acceptance: on random trees and values, the SQL consolidation (rollups kept
// incrementally by approve/reopen, and the indicator read on top of them) equals
// the pure core oracle, for every formula kind. Runs on PGlite, and on
// PostgreSQL 15 under scripts/with-postgres.sh.

let database: TestDatabase;
let planId: number;
let roundId: number;
let counter = 0;
const actor = systemActor();
const PERIOD = "2024";
const QUARTERS = quartersOf(PERIOD);
// One formula of each kind, through national indicators: ratio 2.1 (survey, "2024C"), rate 4.3,
// ratioOfRatios 3.1, countOfUnits 1.1, countOfUnits "every quarter" 6.3, qualitative 5.1, ratio 3.2 by sex.
const INDICATORS = ["2.1", "3.1", "4.3", "1.1", "6.3", "5.1", "3.2"];
let specs: { key: string; indicatorId: number; formula: Formula }[] = [];
let elementIds: Map<string, number>;

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  const built = await buildIssuedPlan(db, {
    indicators: Object.fromEntries(INDICATORS.map((c) => [c, []])),
    title: "Kế hoạch thử tổng hợp",
  });
  planId = built.plan.id;
  const [round] = await queryRows<{ id: number }>(
    db,
    sql`INSERT INTO reporting_rounds (plan_id, period, window_from, window_to, deadline, tree_date)
        VALUES (${planId}, ${PERIOD}, '2023-12-15', '2024-12-14', '2024-12-10', '2024-12-14') RETURNING id`,
  );
  roundId = (round as { id: number }).id;
  const formulas = await resolveFormulas(db, [...built.indicatorIds.values()]);
  specs = [...built.indicatorIds.entries()].flatMap(([code, id]) =>
    (formulas.get(id) ?? []).map((f, i) => ({ key: `${code}#${i}`, indicatorId: id, formula: f.formula as Formula })),
  );
  elementIds = new Map([...(await elementMap(db)).entries()].map(([code, row]) => [code, row.id]));
});
afterAll(async () => database?.destroy());

const ELEMENTS = [
  "LD_LAMCONG",
  "LD_COVIECLAM",
  "GIO_CVKTC",
  "DS_15TL",
  "SINH_ME_15_19",
  "PN_15_19",
  "LD_CHUCHOT",
  "TIN_BAI_BDG",
  "GD_NOIDUNG_BDG",
  "NBBL_TIEPCAN",
  "NBBL_PHATHIEN",
];
const DEFS = new Map(CATALOGUE_DATA_ELEMENTS.map((d) => [d.code, d]));

const arbScenario = fc.record({
  // parent index of unit i+1 among units 0..i (unit 0 is the root)
  parents: fc.array(fc.nat(), { minLength: 3, maxLength: 14 }),
  values: fc.array(
    fc.record({
      unit: fc.nat(),
      asAgency: fc.boolean(),
      element: fc.constantFrom(...ELEMENTS),
      option: fc.nat(1),
      quarter: fc.nat(4),
      value: fc.oneof(
        fc.integer({ min: 0, max: 50 }),
        fc.integer({ min: 0, max: 400 }).map((n) => n / 4),
      ),
      fate: fc.constantFrom("approved", "approved", "submitted", "reopened", "reapproved"),
    }),
    { minLength: 1, maxLength: 40 },
  ),
});

type Scenario = typeof arbScenario extends fc.Arbitrary<infer T> ? T : never;

const conditionTables = async () => [
  await queryRows(database.db, sql`SELECT * FROM condition_results ORDER BY reporter, period, condition_key`),
  await queryRows(database.db, sql`SELECT * FROM condition_rollups ORDER BY unit_id, period, condition_key`),
];

async function runScenario(s: Scenario) {
  const db = database.db;
  counter++;
  // A private tree under its own root, so scenarios never see each other's rollups.
  const ids: number[] = [];
  const paths: string[] = [];
  const parentOf: (number | null)[] = [];
  for (let i = 0; i <= s.parents.length; i++) {
    const parentIndex = i === 0 ? null : (s.parents[i - 1] as number) % i;
    const parentId = parentIndex === null ? null : (ids[parentIndex] as number);
    const [row] = await queryRows<{ id: number }>(
      db,
      sql`INSERT INTO units (code, name, full_name, type, level, depth, parent_id, path, search_text)
          VALUES (${`P${counter}-${i}`}, ${`Đơn vị ${i}`}, ${`Đơn vị thử ${i}`}, 'xa', 'commune', 0, ${parentId}, '/', '')
          RETURNING id`,
    );
    const id = (row as { id: number }).id;
    const path = `${parentIndex === null ? "/" : (paths[parentIndex] as string)}${id}/`;
    await db.execute(sql`UPDATE units SET path = ${path} WHERE id = ${id}`);
    ids.push(id);
    paths.push(path);
    parentOf.push(parentId);
  }
  const agencies = new Map<number, number>();
  const agencyOf = async (unitId: number) => {
    let a = agencies.get(unitId);
    if (a === undefined) {
      const [row] = await queryRows<{ id: number }>(
        db,
        sql`INSERT INTO agencies (unit_id, name, type) VALUES (${unitId}, ${`Cơ quan ${unitId}`}, 'so') RETURNING id`,
      );
      a = (row as { id: number }).id;
      agencies.set(unitId, a);
    }
    return a;
  };
  // Reporters: one submission per (reporter, fate); a value key is owned once.
  const submissions = new Map<string, { id: number; fate: string; agencyId: number | null; unitId: number }>();
  const taken = new Set<string>();
  const raw: RawValue[] = [];
  for (const v of s.values) {
    const unitId = ids[v.unit % ids.length] as number;
    const def = DEFS.get(v.element);
    if (!def) continue;
    const option = def.options[v.option % def.options.length] as string;
    const quarterly = v.element === "TIN_BAI_BDG" && v.quarter < 4;
    const period = quarterly ? (QUARTERS[v.quarter] as string) : def.source === "survey" ? `${PERIOD}C` : PERIOD;
    const value =
      def.valueType === "flag" ? Math.round(v.value) % 2 : def.valueType === "count" ? Math.floor(v.value) : v.value;
    const key = `${unitId}|${period}|${v.element}|${option}`;
    if (taken.has(key)) continue;
    taken.add(key);
    const agencyId = v.asAgency ? await agencyOf(unitId) : null;
    const reporterKey = `${agencyId === null ? `unit-${unitId}` : `agency-${agencyId}`}:${v.fate}`;
    let sub = submissions.get(reporterKey);
    if (!sub) {
      const [row] = await queryRows<{ id: number }>(
        db,
        sql`INSERT INTO submissions (round_id, reporter_key, agency_id, unit_id, cells, goal_ids, state)
            VALUES (${roundId}, ${`${reporterKey}:${counter}`}, ${agencyId}, ${unitId}, '[]'::jsonb, '[]'::jsonb, 'submitted')
            RETURNING id`,
      );
      sub = { id: (row as { id: number }).id, fate: v.fate, agencyId, unitId };
      submissions.set(reporterKey, sub);
    }
    await db.execute(
      sql`INSERT INTO data_values (submission_id, unit_id, period, data_element_id, option, value)
          VALUES (${sub.id}, ${unitId}, ${period}, ${elementIds.get(v.element) as number}, ${option}, ${String(value)})`,
    );
    const state = v.fate === "submitted" || v.fate === "reopened" ? "returned" : "approved";
    raw.push({
      ...(agencyId === null ? { unitId } : { agencyId }),
      period: period === `${PERIOD}C` ? PERIOD : period,
      dataElement: v.element,
      option,
      value,
      status: v.fate === "submitted" ? "submitted" : state,
    });
  }
  // Drive the states through the real service: approve adds, reopen subtracts.
  for (const [key, sub] of submissions) {
    const reporter = `${key}:${counter}`;
    if (sub.fate === "submitted") continue;
    await decideSubmission(db, actor, roundId, reporter, "approve", {});
    if (sub.fate === "reopened" || sub.fate === "reapproved") {
      await decideSubmission(db, actor, roundId, reporter, "reopen", { comment: "sửa" });
    }
    if (sub.fate === "reapproved") {
      await db.execute(sql`UPDATE submissions SET state = 'submitted' WHERE id = ${sub.id}`);
      await decideSubmission(db, actor, roundId, reporter, "approve", {});
    }
  }
  const oracle = consolidate({
    units: ids.map((id, i) => ({ id, parentId: parentOf[i] ?? null })),
    agencies: [...agencies.entries()].map(([unitId, id]) => ({ id, unitId })),
    values: raw,
    period: PERIOD,
    indicators: specs.map((x) => ({ key: x.key, formula: x.formula })),
  });
  // "% of units" counts kept incrementally (condition_rollups) equal the oracle's meeting /
  // reporting, for the year and for the first half (fed by the first two quarters).
  const conditions = specs.filter((x) => rolledUpKey(x.formula) !== null);
  expect(conditions.map((x) => x.key.split("#")[0]).sort()).toEqual(["1.1", "5.1", "6.3"]);
  for (const period of [PERIOD, `${PERIOD}S1`]) {
    const expectedCounts =
      period === PERIOD
        ? oracle
        : consolidate({
            units: ids.map((id, i) => ({ id, parentId: parentOf[i] ?? null })),
            agencies: [...agencies.entries()].map(([unitId, id]) => ({ id, unitId })),
            values: raw,
            period,
            indicators: conditions.map((x) => ({ key: x.key, formula: x.formula })),
          });
    const stored = await readConditionRollups(
      db,
      ids,
      [period],
      conditions.map((x) => conditionKey(x.formula as Extract<Formula, { kind: "countOfUnits" | "qualitative" }>)),
    );
    for (const id of ids) {
      const unit = expectedCounts.units.get(id);
      for (const x of conditions) {
        const key = rolledUpKey(x.formula);
        const row = stored.find((r) => r.unit_id === id && r.condition_key === key);
        const want = unit?.indicators[x.key];
        expect([period, x.key, row?.meeting ?? null, row?.reporting ?? null]).toEqual([
          period,
          x.key,
          want?.numerator ?? null,
          want?.denominator ?? null,
        ]);
      }
    }
  }
  // Kept incrementally = built from scratch (the rebuild an upgraded database runs).
  const incremental = await conditionTables();
  await db.transaction(async (tx) => rebuildConditionRollups(tx));
  expect(await conditionTables()).toEqual(incremental);
  for (const id of ids) {
    const expected = oracle.units.get(id);
    if (!expected) throw new Error("oracle lost a unit");
    // Components from the rollup table.
    const rows = await readRollup(db, id, [PERIOD, `${PERIOD}C`]);
    const components: Record<string, Record<string, number>> = {};
    for (const r of rows) components[r.code] = { ...(components[r.code] ?? {}), [r.option]: Number(r.total) };
    expect(components).toEqual(expected.components);
    // Indicators through the service (rollups + reporter values + core formula engine).
    const got = await getUnitIndicators(db, actor, id, { planId, period: PERIOD, tree: "native" });
    for (const x of specs) {
      const index = Number(x.key.split("#")[1]);
      const item = got.items.filter((i) => i.indicatorId === x.indicatorId)[index];
      const want = expected.indicators[x.key];
      expect([x.key, item?.result.value ?? null]).toEqual([x.key, want?.value ?? null]);
      expect([x.key, item?.result.numerator ?? null, item?.result.denominator ?? null]).toEqual([
        x.key,
        want?.numerator ?? null,
        want?.denominator ?? null,
      ]);
    }
  }
}

describe("consolidation: SQL rollups equal the core oracle", () => {
  it("on random trees, values and approve/reopen sequences, for every formula kind", async () => {
    await fc.assert(fc.asyncProperty(arbScenario, runScenario), { numRuns: 12, seed: 20251201 });
  });

  it("builds the % of units counts once for values approved around the services (upgrade, bulk load)", async () => {
    const kept = await conditionTables();
    expect(kept[1]?.length).toBeGreaterThan(0);
    await database.db.execute(sql`DELETE FROM condition_rollups`);
    await database.db.execute(sql`DELETE FROM condition_results`);
    expect(await ensureConditionRollups(database.db)).toBe(true);
    expect(await conditionTables()).toEqual(kept);
    expect(await ensureConditionRollups(database.db)).toBe(false);
  });

  it("keeps the SQL of the consolidation queries visible (snapshot)", async () => {
    const dialect = new PgDialect();
    const show = (title: string, query: ReturnType<typeof applyRollupSql>) => {
      const q = dialect.sqlToQuery(query);
      return `-- ${title}\n-- params: ${JSON.stringify(q.params)}\n${q.sql};\n`;
    };
    const text = [
      show("approve: add a submission's values on every ancestor (sign +1)", applyRollupSql(42, 1)),
      show("reopen: subtract them (sign -1)", applyRollupSql(42, -1)),
      show("reopen: drop rows no approved value feeds", pruneRollupSql(42)),
      show("dashboard read: a unit's consolidated components", readRollupSql(7, ["2024", "2024C"])),
      show(
        "% of units: approved values per reporter in a subtree",
        reporterValuesSql("/1/97/", ["2024", "2024Q1"], ["TIN_BAI_BDG"]),
      ),
      show(
        "% of units, approve/reopen: move meeting/reporting on every ancestor by a reporter's change",
        applyConditionDeltasSql([
          {
            unitId: 1234,
            period: "2024",
            conditionKey: "countOfUnits|quarter|#{TIN_BAI_BDG} >= 4",
            meeting: 1,
            reporting: 1,
          },
        ]),
      ),
      show(
        "% of units: drop rows no reporter feeds",
        pruneConditionRollupsSql([
          {
            unitId: 1234,
            period: "2024",
            conditionKey: "countOfUnits|quarter|#{TIN_BAI_BDG} >= 4",
            meeting: -1,
            reporting: -1,
          },
        ]),
      ),
      show(
        "% of units, dashboard read: a unit's meeting/reporting",
        conditionRollupsSql([7], ["2024"], ["countOfUnits|quarter|#{TIN_BAI_BDG} >= 4"]),
      ),
    ].join("\n");
    await expect(text).toMatchFileSnapshot("../__snapshots__/consolidation.sql");
  });
});
