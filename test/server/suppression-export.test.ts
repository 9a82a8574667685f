import ExcelJS from "exceljs";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Dashboard, DashboardIndicator } from "../../src/contract/dashboard";
import { hiddenCellIntervals } from "../../src/core/suppression";
import { renderCsv } from "../../src/server/documents/csv";
import { lowerUnitTable, SUPPRESSED } from "../../src/server/services/report-tables";
import { createTestServer, type TestClient, type TestServer } from "../helpers/http";

// Acceptance: a public export hides every gender-based-violence count of 1–4 and
// enough other cells that no hidden cell can be derived from the published totals
// (the unit's own figures are the totals of the lower-unit table). Checked on the
// CSV as published — parsed back — not on the core function's mask.

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const body = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < body.length; i++) {
    const ch = body[i] as string;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\r" && body[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += ch;
  }
  return rows;
}

const EXPLAIN = {
  method: null,
  baseline: null,
  baselineSource: null,
  latest: null,
  targetValue: null,
  targetYear: null,
  comparator: null,
  yearsElapsed: null,
  yearsToTarget: null,
  actualRate: null,
  requiredRate: null,
  ratio: null,
  thresholds: { onTrack: 0.95, atRisk: 0.5 },
  tolerance: null,
  reason: null,
} as const;

function indicator(key: string, sensitive: boolean, num: number, den: number): DashboardIndicator {
  return {
    key,
    indicatorId: 1,
    goalId: 1,
    code: key,
    text: `Chỉ tiêu ${key}`,
    subject: null,
    unit: "%",
    kind: "ratio",
    sensitive,
    value: den > 0 ? (num / den) * 100 : null,
    numerator: num,
    denominator: den,
    partial: false,
    reason: null,
    target: null,
    gap: null,
    status: "no_data",
    explain: { ...EXPLAIN },
    projection: null,
    trend: [],
  };
}

/** A view with lower units whose [numerator, denominator] per sensitive indicator are `tables[i]`. */
function viewOf(tables: number[][][]): Dashboard {
  const rows = tables[0]?.length ?? 0;
  const sum = (t: number[][], c: number) => t.reduce((s, r) => s + (r[c] as number), 0);
  const indicators = tables.map((t, i) => indicator(`3.${i + 2}`, true, sum(t, 0), sum(t, 1)));
  return {
    unit: { id: 1, code: "92", name: "Cần Thơ", fullName: "Thành phố Cần Thơ", level: "province" },
    plan: { id: 1, title: "Kế hoạch", number: "1", symbol: "KH-UBND", unitId: 1, periodFrom: 2024, periodTo: 2024 },
    period: "2024",
    periodLabel: "Năm 2024",
    year: 2024,
    isNational: false,
    goals: [],
    indicators,
    lowerUnits: Array.from({ length: rows }, (_, r) => ({
      unitId: 100 + r,
      code: String(31000 + r),
      name: `Xã ${r}`,
      fullName: `Xã ${r}`,
      values: Object.fromEntries(
        tables.map((t, i) => {
          const [n, d] = t[r] as [number, number];
          return [
            `3.${i + 2}`,
            { value: d > 0 ? (n / d) * 100 : null, numerator: n, denominator: d, meetsTarget: null },
          ];
        }),
      ),
    })),
    round: null,
    actionMonth: null,
  };
}

/** Checks the published CSV of the view; returns how many blocks had suppressed cells. */
function checkPublished(tables: number[][][]): number {
  const view = viewOf(tables);
  const csv = parseCsv(renderCsv(lowerUnitTable(view, true)));
  const body = csv.slice(1, 1 + view.lowerUnits.length);
  const total = csv[1 + view.lowerUnits.length] as string[];
  let protectedBlocks = 0;
  tables.forEach((table, i) => {
    const col = 2 + i * 3;
    const mask = body.map((row) => [row[col + 1] === SUPPRESSED, row[col + 2] === SUPPRESSED]);
    body.forEach((row, r) => {
      // No count of 1–4 is published, and a rate never gives a hidden count back.
      for (const c of [1, 2]) {
        const cell = row[col + c] as string;
        if (cell !== SUPPRESSED) expect(Number(cell) === 0 || Number(cell) >= 5, `cell ${cell}`).toBe(true);
      }
      if (mask[r]?.some(Boolean)) expect(row[col]).toBe(SUPPRESSED);
    });
    const totalsShown = total[col + 1] !== SUPPRESSED && total[col + 2] !== SUPPRESSED;
    if (!totalsShown) {
      // Totals hidden: then the whole block is hidden.
      expect(mask.every((m) => m.every(Boolean))).toBe(true);
    } else {
      expect(Number(total[col + 1])).toBe(table.reduce((s, r) => s + (r[0] as number), 0));
      const exact = hiddenCellIntervals(table, mask).filter((c) => c.lower === c.upper);
      expect(exact, JSON.stringify({ table, mask })).toEqual([]);
    }
    if (mask.some((m) => m.some(Boolean))) protectedBlocks++;
  });
  return protectedBlocks;
}

describe("public export suppression (through the CSV path)", () => {
  it("never lets a hidden cell be derived from the published totals, on random tables", () => {
    let protectedBlocks = 0;
    const arbRow = fc.tuple(fc.nat(12), fc.nat(30)).map(([n, extra]) => [n, n + extra]);
    fc.assert(
      fc.property(
        fc.array(fc.array(arbRow, { minLength: 1, maxLength: 9 }), { minLength: 1, maxLength: 3 }).map((blocks) => {
          const rows = Math.min(...blocks.map((b) => b.length));
          return blocks.map((b) => b.slice(0, rows));
        }),
        (tables) => {
          protectedBlocks += checkPublished(tables);
        },
      ),
      { numRuns: 150, seed: 20251123 },
    );
    expect(protectedBlocks).toBeGreaterThan(50);
  });

  it("publishes non-sensitive indicators and non-public exports unchanged", () => {
    const view = viewOf([
      [
        [1, 3],
        [7, 9],
      ],
    ]);
    const privateCsv = parseCsv(renderCsv(lowerUnitTable(view, false)));
    expect(privateCsv[1]?.slice(2, 5)).toEqual([String((1 / 3) * 100), "1", "3"]);
    const publicCsv = parseCsv(renderCsv(lowerUnitTable(view, true)));
    expect(publicCsv[1]?.slice(2, 5)).toEqual([SUPPRESSED, SUPPRESSED, SUPPRESSED]);
    expect(publicCsv.at(-1)?.[0]).toMatch(/^x: số liệu dưới 5 người/);
  });
});

describe("public exports of the demo city", () => {
  let server: TestServer;
  let planner: TestClient;
  let base: string;
  let view: Dashboard;
  beforeAll(async () => {
    server = await createTestServer();
    planner = await server.signIn("demo.planner");
    const cityId = (await server.request(planner, "GET", "/api/units/code/92")).json().id;
    const options = (await server.request(planner, "GET", `/api/dashboard/options?unitId=${cityId}`)).json();
    const plan = options.plans.find((p: { title: string }) => p.title.includes("2024"));
    base = `unitId=${cityId}&planId=${plan.id}&period=2024`;
    view = (await server.request(planner, "GET", `/api/dashboard?${base}`)).json();
  });
  afterAll(async () => server?.close());

  it("hides small violence counts in the public CSV and XLSX, and only there", async () => {
    const sensitive = view.indicators.filter((i) => i.sensitive);
    expect(sensitive.length).toBeGreaterThan(0);
    const csv = parseCsv(
      (await server.request(planner, "GET", `/api/dashboard?${base}&format=csv&table=indicators&public=true`)).body,
    );
    for (const ind of sensitive) {
      const row = csv.find((r) => r[0] === ind.code && r[1]?.includes(ind.subject ?? ind.text));
      const small = [ind.numerator, ind.denominator].some((n) => n !== null && n > 0 && n < 5);
      if (small) expect(row?.slice(3, 6)).toEqual([SUPPRESSED, SUPPRESSED, SUPPRESSED]);
    }
    const csvLower = parseCsv(
      (await server.request(planner, "GET", `/api/dashboard?${base}&format=csv&table=lowerUnits&public=true`)).body,
    );
    const header = csvLower[0] as string[];
    for (const ind of sensitive) {
      const col = header.findIndex(
        (h) => h.startsWith(ind.code) && h.includes(ind.subject ?? "") && h.endsWith("Tử số"),
      );
      for (const row of csvLower.slice(1, 1 + view.lowerUnits.length)) {
        for (const cell of [row[col], row[col + 1]]) {
          expect(cell === SUPPRESSED || cell === "" || Number(cell) === 0 || Number(cell) >= 5).toBe(true);
        }
      }
    }
    const xlsx = await server.request(
      planner,
      "GET",
      `/api/reports/${view.unit.id}/${view.plan.id}/2024.xlsx?public=true`,
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const texts: unknown[] = [];
    book.getWorksheet("Chỉ tiêu")?.eachRow((row) => {
      row.eachCell((c) => {
        texts.push(c.value);
      });
    });
    const anySmall = sensitive.some((i) => [i.numerator, i.denominator].some((n) => n !== null && n > 0 && n < 5));
    if (anySmall) expect(texts).toContain(SUPPRESSED);
  });
});
