import { PgDialect } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Dashboard, type DashboardOptions, formatIndicatorValue } from "../../src/contract/dashboard";
import type { IndicatorValues } from "../../src/contract/data-value";
import { assessProgress } from "../../src/core/status";
import { reporterValuesByChildSql, unitRollupsSql } from "../../src/server/db/repos/dashboard.repo";
import { createTestServer, type TestClient, type TestServer } from "../helpers/http";

// The progress dashboard of the demo city (Cần Thơ) against its 2024 plan: goal
// cards, indicator table with status and the inputs behind it, trend, lower units,
// completeness of the round — and exactly current right after an approval.

let server: TestServer;
let planner: TestClient;
let cityId: number;
let planId: number;
let url: string;

beforeAll(async () => {
  server = await createTestServer();
  planner = await server.signIn("demo.planner");
  cityId = (await server.request(planner, "GET", "/api/units/code/92")).json().id;
  const options: DashboardOptions = (
    await server.request(planner, "GET", `/api/dashboard/options?unitId=${cityId}`)
  ).json();
  const plan = options.plans.find((p) => p.periods.some((x) => x.id === "2024") && p.title.includes("2024"));
  if (!plan) throw new Error(`no 2024 plan in ${JSON.stringify(options)}`);
  planId = plan.id;
  url = `/api/dashboard?unitId=${cityId}&planId=${planId}&period=2024`;
});
afterAll(async () => server.close());

const get = async (client: TestClient, path: string): Promise<Dashboard> => {
  const res = await server.request(client, "GET", path);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe("GET /api/dashboard", () => {
  it("offers the city's plans with their periods, defaulting to the latest round", async () => {
    const res = await server.request(planner, "GET", `/api/dashboard/options?unitId=${cityId}`);
    const options: DashboardOptions = res.json();
    const plan = options.plans.find((p) => p.id === planId);
    expect(plan?.defaultPeriod).toBe("2024");
    expect(plan?.periods.map((p) => p.id)).toContain("2024S1");
  });

  it("counts every indicator once per goal card, by status", async () => {
    const view = await get(planner, url);
    expect(view.unit.code).toBe("92");
    expect(view.periodLabel).toBe("Năm 2024");
    const counted = view.goals.reduce((s, g) => s + Object.values(g.counts).reduce((a, b) => a + b, 0), 0);
    expect(counted).toBe(view.indicators.length);
    for (const g of view.goals) {
      expect(g.total).toBe(view.indicators.filter((i) => i.goalId === g.goalId).length);
    }
    expect(view.indicators.some((i) => i.value !== null)).toBe(true);
  });

  it("gives each status with the inputs core/status.ts used, and the trend over the years with values", async () => {
    const view = await get(planner, url);
    for (const ind of view.indicators) {
      // The same rule, recomputed from what the API shows, gives the same status.
      const series = ind.trend.map((p) => ({ year: p.year, value: p.value }));
      const targets = ind.target
        ? [
            {
              year: ind.target.year,
              comparator: ind.target.comparator as ">=",
              value: ind.target.value,
              unit: ind.target.unit,
            },
          ]
        : [];
      if (ind.target?.source === "exact" || ind.target === null) {
        expect(assessProgress({ targets, series, year: 2024 }).status).toBe(ind.status);
      }
      expect(ind.trend.map((p) => p.period)).toEqual([...ind.trend.map((p) => p.period)].sort());
      expect(ind.trend.at(-1)?.year).toBe(2024);
      if (ind.value !== null && ind.target?.value != null) expect(ind.gap).toBeCloseTo(ind.target.value - ind.value);
      if (ind.explain.ratio !== null) {
        expect(ind.explain.ratio).toBeCloseTo(
          (ind.explain.actualRate as number) / (ind.explain.requiredRate as number),
        );
      }
      if (ind.status === "no_data") expect(ind.explain.reason).not.toBeNull();
    }
  });

  it("agrees with the indicator-values endpoint (the SQL rollup checked against the core oracle)", async () => {
    const view = await get(planner, url);
    const values: IndicatorValues = (
      await server.request(planner, "GET", `/api/units/${cityId}/indicators?planId=${planId}&period=2024`)
    ).json();
    for (const ind of view.indicators) {
      const same = values.items.find((i) => i.indicatorId === ind.indicatorId && i.subject === ind.subject);
      expect([ind.code, ind.subject, ind.value, ind.numerator, ind.denominator]).toEqual([
        ind.code,
        ind.subject,
        same?.value ?? null,
        same?.numerator ?? null,
        same?.denominator ?? null,
      ]);
    }
  });

  it("shows the qualitative 5.1 as the % of reporters that have done it, its “= 1” target on that scale", async () => {
    const view = await get(planner, url);
    const ind = view.indicators.find((i) => i.code === "5.1");
    if (!ind) throw new Error("the demo plan has indicator 5.1");
    // The demo's Sở Giáo dục và Đào tạo reports the curriculum done (1) and is approved.
    expect(ind).toMatchObject({ kind: "qualitative", unit: "%", value: 100, numerator: 1, denominator: 1 });
    expect(formatIndicatorValue(ind.value, ind.unit)).toBe("100%");
    expect(ind.target).toMatchObject({ comparator: "=", value: 100, unit: "%", year: 2025, origin: "upper" });
    expect(ind.target?.text).toBe("ở mức 100% (2025)");
    expect([ind.status, ind.gap, ind.explain.targetValue]).toEqual(["achieved", 0, 100]);
    for (const u of view.lowerUnits) {
      const v = u.values[ind.key];
      if (v?.value != null) expect(v.meetsTarget).toBe(v.value === 100);
    }
    const csv = (await server.request(planner, "GET", `${url}&format=csv&table=indicators`)).body;
    const row = csv.split("\r\n").find((line) => line.startsWith("5.1,") || line.startsWith('"5.1"'));
    // Target, value (machine-readable), numerator, denominator, gap, status.
    expect(row).toMatch(/,ở mức 100% \(2025\) \(mốc gần nhất\),100,1,1,0,Đạt,/);
    const values: IndicatorValues = (
      await server.request(planner, "GET", `/api/units/${cityId}/indicators?planId=${planId}&period=2024`)
    ).json();
    const same = values.items.find((i) => i.indicatorId === ind.indicatorId);
    expect(same?.value).toBe(100);
  });

  it("compares the lower units and shows who has not reported", async () => {
    const view = await get(planner, url);
    expect(view.lowerUnits.length).toBeGreaterThan(50); // Cần Thơ has 103 communes and wards since 1/7/2025
    const reported = view.lowerUnits.filter((u) => Object.values(u.values).some((v) => v.value !== null));
    expect(reported.length).toBeGreaterThan(0);
    expect(view.round?.expected).toBe(view.round?.reporters.length);
    expect(view.round?.reporters.some((r) => r.state === "pending")).toBe(true);
    expect(view.round?.completeness).toBeCloseTo(((view.round?.reported ?? 0) / (view.round?.expected ?? 1)) * 100, 0);
    expect(view.actionMonth).toMatchObject({ from: "2024-11-15", to: "2024-12-15" });
  });

  it("is exactly current right after an approval", async () => {
    const before = await get(planner, url);
    const waiting = before.round?.reporters.find((r) => r.state === "submitted");
    if (!waiting) throw new Error("the demo leaves submitted reports in the 2024 round");
    const res = await server.request(
      planner,
      "POST",
      `/api/rounds/${before.round?.roundId}/forms/${waiting.reporterKey}/approve`,
      {},
    );
    expect(res.statusCode, res.body).toBe(200);
    const after = await get(planner, url);
    expect(after.round?.approved).toBe((before.round?.approved ?? 0) + 1);
    const values: IndicatorValues = (
      await server.request(planner, "GET", `/api/units/${cityId}/indicators?planId=${planId}&period=2024`)
    ).json();
    const changed = after.indicators.filter((ind, k) => ind.numerator !== before.indicators[k]?.numerator);
    expect(changed.length).toBeGreaterThan(0);
    for (const ind of after.indicators) {
      const same = values.items.find((i) => i.indicatorId === ind.indicatorId && i.subject === ind.subject);
      expect([ind.code, ind.value]).toEqual([ind.code, same?.value ?? null]);
    }
  });

  it("serves CSV with a BOM, and refuses units outside the reader's scope", async () => {
    const res = await server.request(planner, "GET", `${url}&format=csv&table=indicators`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/text\/csv/);
    expect(res.body.charCodeAt(0)).toBe(0xfeff);
    const view = await get(planner, url);
    expect(res.body.trim().split("\r\n")).toHaveLength(view.indicators.length + 1);
    const hanoi = (await server.request(planner, "GET", "/api/units/code/01")).json().id;
    const viewer = await server.signIn("demo.viewer");
    const refused = await server.request(viewer, "GET", `/api/dashboard?unitId=${hanoi}&planId=${planId}&period=2024`);
    expect(refused.statusCode).toBe(403);
  });

  it("appears in the OpenAPI document", async () => {
    const doc = (await server.request(null, "GET", "/api/openapi.json")).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/api/dashboard", "/api/reports/{unitId}/{planId}/{period}.docx"]),
    );
  });

  it("serves the national dashboard with the 34 provinces and their map", async () => {
    const admin = await server.signIn("demo.admin");
    const root = (await server.request(admin, "GET", "/api/units/root")).json();
    const rootId = root.unit?.id ?? root.id;
    const view = await get(admin, `/api/dashboard?unitId=${rootId}&planId=${planId}&period=2024`);
    expect(view.isNational).toBe(true);
    expect(view.lowerUnits).toHaveLength(34);
    const cantho = view.lowerUnits.find((u) => u.code === "92");
    const city = await get(admin, url);
    for (const ind of city.indicators) expect(cantho?.values[ind.key]?.value).toEqual(ind.value);
    const map = await server.request(admin, "GET", "/api/dashboard/provinces.geojson");
    const geo = JSON.parse(map.body);
    expect(geo.features.map((f: { id: string }) => f.id).sort()).toEqual(view.lowerUnits.map((u) => u.code).sort());
  });
});

describe("dashboard SQL", () => {
  it("stays visible to reviewers (snapshot)", async () => {
    const dialect = new PgDialect();
    const show = (title: string, query: ReturnType<typeof unitRollupsSql>) => {
      const q = dialect.sqlToQuery(query);
      return `-- ${title}\n-- params: ${JSON.stringify(q.params)}\n${q.sql};\n`;
    };
    const text = [
      show(
        "consolidated sums of a unit and of its lower units (primary-key reads)",
        unitRollupsSql([7, 8], ["2024", "2024C"]),
      ),
      show(
        "% of units below a province: per-unit index probes",
        reporterValuesByChildSql("/1/97/", ["2024", "2024Q1"], [12]),
      ),
      show(
        "% of units at the nation: the (element, period) index",
        reporterValuesByChildSql("/1/", ["2024"], [12], "nation"),
      ),
    ].join("\n");
    await expect(text).toMatchFileSnapshot("../__snapshots__/dashboard.sql");
  });
});
