// National-scale dataset for the benchmark: the 2025 unit tree from the shipped
// reference data, agencies, the national strategy cascaded to every province and
// commune plan, 6 years × 2 rounds of approved values by sex, and the rollups.
// Deterministic: every figure is a hash of its key; no Math.random.
import { writeFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import type { PlanSections } from "../src/contract/plan";
import { CATALOGUE_DATA_ELEMENTS, CATALOGUE_FORMULAS } from "../src/core/catalogue-formulas";
import type { Formula } from "../src/core/formula";
import { dataWindow, parsePeriod } from "../src/core/periods";
import { type ElementInfo, expectedReporters } from "../src/core/reporting";
import { prepareDatabase } from "../src/server/bootstrap";
import { type Database, queryRows } from "../src/server/db/client";
import { findStrategyByCode } from "../src/server/db/repos/catalogue.repo";
import { listIndicators } from "../src/server/db/repos/plan.repo";
import { systemActor } from "../src/server/services/context";
import { elementMap, toElementInfo } from "../src/server/services/data-element.service";
import { issuePlan, setResponsibilities } from "../src/server/services/plan.service";
import { createPlanFrom } from "../src/server/services/plan-cascade.service";
import { roundDeadline } from "../src/server/services/reporting.service";
import { PART_OF } from "../src/server/services/reporting-demo.service";

export type ScaleName = "full" | "small" | "tiny";

export interface Scale {
  name: ScaleName;
  /** null = every province of the 2025 tree. */
  provinces: number | null;
  /** null = every commune of each chosen province. */
  communesPerProvince: number | null;
}

export const SCALES: Record<ScaleName, Scale> = {
  full: { name: "full", provinces: null, communesPerProvince: null },
  // 1/100 of the communes (3,321 → 33) under one province: the same generator on a subset.
  small: { name: "small", provinces: 1, communesPerProvince: 33 },
  tiny: { name: "tiny", provinces: 1, communesPerProvince: 4 },
};

/** Plans run FIRST_YEAR..2030; values fill YEARS years × (S1, annual); the round after them is left open. */
export const FIRST_YEAR = 2021;
export const YEARS = 6;
export const LIVE_PERIOD = `${FIRST_YEAR + YEARS}S1`;
/**
 * Open rounds: the dashboard loop submits forms of LIVE_PERIOD; the surge takes the rest of those, then the
 * later first halves (to 2030, the plans' end), so 16 clients have forms for the whole 60 s (3,321
 * commune forms per period: ~13,200 in all; run 7 sent 190 forms/s and used up three periods in 52 s).
 */
export const OPEN_PERIODS = [
  LIVE_PERIOD,
  `${FIRST_YEAR + YEARS + 1}S1`,
  `${FIRST_YEAR + YEARS + 2}S1`,
  `${FIRST_YEAR + YEARS + 3}S1`,
];
export const REPORT_PERIOD = String(FIRST_YEAR + YEARS - 1);

export interface LiveForm {
  roundId: number;
  /** The round's period (one of OPEN_PERIODS). */
  period: string;
  /** The province plan whose open round asks for this commune form. */
  planId: number;
  reporterKey: string;
  unitId: number;
  cells: { element: string; period: string }[];
}

export interface DatasetMeta {
  scale: ScaleName;
  adminPassword: string;
  rootId: number;
  nationalPlanId: number;
  /** province unit id → its plan id, and the commune count in scope. */
  provinces: { unitId: number; planId: number; communes: number }[];
  livePeriod: string;
  reportPeriod: string;
  /** Commune forms of the provinces' open rounds (pending): what the dashboard loop and the surge submit. */
  liveForms: LiveForm[];
  counts: Record<string, number>;
  seconds: Record<string, number>;
}

// ---------------------------------------------------------------------------
// Figures

/** FNV-1a of the key, in [0, 1). */
export function hash01(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h / 0x1_0000_0000;
}

/** Typical figures of one commune for a year; agencies of a province report ~100×, of the nation ~3,000×. */
const BASE: Record<string, Record<string, number>> = {
  LD_COVIECLAM: { nu: 7800, nam: 9050 },
  DS_15TL: { nu: 12500, nam: 11960 },
  GIO_CVKTC: { nu: 256000, nam: 122000 },
  DN_CHU: { nu: 28, nam: 82 },
  TRE_SINHSONG: { nu: 191, nam: 210 },
  TUVONG_ME: { total: 1 },
  SINH_ME_15_19: { total: 11 },
  PN_15_19: { total: 948 },
  NNMB_CANHOTRO: { nu: 7, nam: 2 },
  CSTGXH_CONGLAP: { total: 5 },
  HS_DTTS_LOP5: { nu: 90, nam: 95 },
  HS_DTTS_LOP9: { nu: 70, nam: 73 },
  TS_GDNN: { nu: 81, nam: 113 },
  NGUOI_THACSI: { nu: 52, nam: 61 },
  NGUOI_TIENSI: { nu: 4, nam: 9 },
  DAI_CHUYENMUC_BDG: { total: 6 },
  LD_CHUCHOT: { nu: 1, nam: 3 },
  NBBL_PHATHIEN: { nu: 6, nam: 1 },
  NGBL_PHATHIEN: { nu: 1, nam: 5 },
  TC_TONGSO: { total: 38 },
  TIN_BAI_BDG: { total: 5 },
};
const FLAGS = new Set(["GD_NOIDUNG_BDG"]);

const LEVEL_FACTOR = [3000, 100, 1];

/** The figure of one key; `depth` is the reporting unit's depth (0 nation, 1 province, 2 commune). */
export function figure(unitId: number, depth: number, code: string, option: string, period: string): number {
  if (FLAGS.has(code)) return hash01(`${unitId}|${code}|${period}`) < 0.8 ? 1 : 0;
  const part = PART_OF[code];
  if (part) {
    const whole = figure(unitId, depth, part[0], option, period);
    const share = part[1] + (part[2] - part[1]) * hash01(`${unitId}|${code}|${option}|${period}|s`);
    return Math.min(Math.round(whole * share), whole);
  }
  const year = Number(period.slice(0, 4));
  const growth = 1 + (year - FIRST_YEAR) * 0.03;
  const noise = 0.95 + 0.1 * hash01(`${unitId}|${code}|${option}|${period}`);
  const base = BASE[code]?.[option] ?? 10;
  if (code === "LD_CHUCHOT")
    return depth === 2 ? (hash01(`${unitId}|${code}|${option}|${period}`) < 0.3 ? 1 : 0) : base;
  const half = period.includes("S") && code !== "TIN_BAI_BDG" ? 0.5 : 1;
  const factor = LEVEL_FACTOR[depth] ?? 1;
  return Math.max(0, Math.round(base * factor * growth * noise * half));
}

// ---------------------------------------------------------------------------
// Agencies: ~20 per province (and the nation), 5 per commune.

const PROVINCE_AGENCIES: [string, string][] = [
  ["uy_ban", "Văn phòng UBND"],
  ["so", "Sở Nội vụ"],
  ["so", "Sở Y tế"],
  ["so", "Sở Giáo dục và Đào tạo"],
  ["so", "Sở Tài chính"],
  ["so", "Sở Văn hóa, Thể thao và Du lịch"],
  ["so", "Sở Tư pháp"],
  ["so", "Sở Nông nghiệp và Môi trường"],
  ["so", "Sở Khoa học và Công nghệ"],
  ["so", "Sở Công Thương"],
  ["so", "Sở Xây dựng"],
  ["so", "Sở Dân tộc và Tôn giáo"],
  ["cong_an", "Công an tỉnh"],
  ["dai", "Đài Phát thanh và Truyền hình"],
  ["thong_ke", "Thống kê tỉnh"],
  ["hoi", "Hội Liên hiệp Phụ nữ"],
  ["mat_tran", "Ủy ban Mặt trận Tổ quốc"],
  ["ban", "Ban Dân tộc"],
  ["trung_tam", "Trung tâm Công tác xã hội"],
  ["khac", "Liên đoàn Lao động"],
];
const COMMUNE_AGENCIES: [string, string][] = [
  ["uy_ban", "Văn phòng HĐND và UBND"],
  ["cong_an", "Công an xã"],
  ["hoi", "Hội Liên hiệp Phụ nữ xã"],
  ["trung_tam", "Trạm Y tế"],
  ["dai", "Đài truyền thanh xã"],
];

/** Lead agency of an indicator by who reports its first element: [province/nation agency name, commune agency name]. */
function leadFor(code: string): [string, string] {
  const formula = CATALOGUE_FORMULAS.find((f) => f.indicator === code)?.formula;
  const first = formula ? JSON.stringify(formula).match(/#\{([A-Z0-9_]+)/)?.[1] : undefined;
  const by = CATALOGUE_DATA_ELEMENTS.find((d) => d.code === first)?.reportedBy ?? "unit";
  if (by === "thong_ke") return ["Thống kê tỉnh", "Văn phòng HĐND và UBND"];
  if (by === "cong_an") return ["Công an tỉnh", "Công an xã"];
  if (by === "dai") return ["Đài Phát thanh và Truyền hình", "Đài truyền thanh xã"];
  if (code.startsWith("4.")) return ["Sở Y tế", "Trạm Y tế"];
  if (code.startsWith("5.")) return ["Sở Giáo dục và Đào tạo", "Văn phòng HĐND và UBND"];
  return ["Sở Nội vụ", "Văn phòng HĐND và UBND"];
}

// ---------------------------------------------------------------------------
// Bulk load: COPY on both drivers (PGlite from a blob, PostgreSQL from a server-side file).

type Bulk = (table: string, columns: string[], csv: string) => Promise<void>;

function bulkLoader(database: Database, tmpDir: string): Bulk {
  const client = (database.db as unknown as { $client: unknown }).$client;
  let n = 0;
  return async (table, columns, csv) => {
    const t0 = performance.now();
    try {
      await copy(table, columns, csv);
    } finally {
      copySeconds += (performance.now() - t0) / 1000;
    }
  };
  async function copy(table: string, columns: string[], csv: string) {
    const head = `COPY ${table} (${columns.join(", ")}) FROM`;
    if (database.kind === "pglite") {
      const pglite = client as { query(q: string, p: unknown[], o: { blob: Blob }): Promise<unknown> };
      await pglite.query(`${head} '/dev/blob' WITH (FORMAT csv)`, [], { blob: new Blob([csv]) });
    } else {
      // The throwaway server runs on this machine as `postgres`: a server-side file COPY
      // needs no extra client package (pg-copy-streams is not installed).
      const file = `${tmpDir}/copy-${process.pid}-${n++}.csv`;
      writeFileSync(file, csv, { mode: 0o644 });
      await database.db.execute(sql.raw(`${head} '${file}' WITH (FORMAT csv)`));
    }
  }
}

let copySeconds = 0;

/**
 * Secondary indexes are dropped for the bulk load and rebuilt after it with their exact
 * definitions (pg_indexes.indexdef): the schema the app sees is the migrated one.
 */
async function dropIndexes(database: Database, tables: string[]): Promise<string[]> {
  const rows = await queryRows<{ indexname: string; indexdef: string }>(
    database.db,
    sql`SELECT i.indexname, i.indexdef FROM pg_indexes i
        WHERE i.schemaname = 'public' AND i.tablename IN (${sql.join(
          tables.map((t) => sql`${t}`),
          sql`, `,
        )})
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
  );
  for (const r of rows) await database.db.execute(sql.raw(`DROP INDEX ${r.indexname}`));
  return rows.map((r) => r.indexdef);
}

async function withMemory<T>(database: Database, f: (tx: Database["db"]) => Promise<T>): Promise<T> {
  return database.db.transaction(async (tx) => {
    await tx.execute(sql.raw("SET LOCAL work_mem = '256MB'"));
    await tx.execute(sql.raw("SET LOCAL maintenance_work_mem = '512MB'"));
    return f(tx as unknown as Database["db"]);
  }) as Promise<T>;
}

const csvText = (s: string) => `"${s.replaceAll('"', '""')}"`;

// ---------------------------------------------------------------------------

interface UnitLite {
  id: number;
  parent_id: number | null;
  name: string;
  full_name: string;
  depth: number;
  valid_from: string | null;
}

export async function generate(
  database: Database,
  scale: Scale,
  options: { today: string; tmpDir: string; log: (m: string) => void },
): Promise<DatasetMeta> {
  const { db } = database;
  const { log, today } = options;
  catalogueCache = null;
  const seconds: Record<string, number> = {};
  const timed = async <T>(name: string, f: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const out = await f();
    seconds[name] = Math.round(performance.now() - t0) / 1000;
    log(`  ${name}: ${seconds[name]} s`);
    return out;
  };
  let adminPassword = "";
  await timed("prepare (migrate, units, catalogue)", () =>
    prepareDatabase(database, {
      loadDemo: false,
      log: (m) => {
        const found = /one-time password: (\S+)/.exec(m);
        if (found?.[1]) adminPassword = found[1];
      },
    }),
  );
  const actor = systemActor("bench");

  // The 2025 tree as of today: nation → provinces → communes.
  const units = await queryRows<UnitLite>(
    db,
    sql`SELECT id, parent_id, name, full_name, depth, to_char(valid_from, 'YYYY-MM-DD') AS valid_from FROM units
        WHERE (valid_from IS NULL OR valid_from <= ${today}::date) AND (valid_to IS NULL OR valid_to > ${today}::date)
        ORDER BY depth, code`,
  );
  const root = units.find((u) => u.parent_id === null);
  if (!root) throw new Error("no root unit");
  let provinces = units.filter((u) => u.parent_id === root.id);
  if (scale.provinces !== null) {
    // The sample takes the provinces nearest the middle in size, so it is typical.
    const size = (p: UnitLite) => units.filter((u) => u.parent_id === p.id).length;
    provinces = [...provinces].sort((a, b) => size(a) - size(b)).slice(Math.floor(provinces.length / 2));
    provinces = provinces.slice(0, scale.provinces);
  }
  const provinceIds = new Set(provinces.map((p) => p.id));
  const communesOf = new Map<number, UnitLite[]>();
  for (const u of units) {
    if (u.parent_id === null || !provinceIds.has(u.parent_id)) continue;
    const list = communesOf.get(u.parent_id) ?? [];
    if (scale.communesPerProvince === null || list.length < scale.communesPerProvince) list.push(u);
    communesOf.set(u.parent_id, list);
  }
  const communes = [...communesOf.values()].flat();
  const unitById = new Map(units.map((u) => [u.id, u]));

  // Agencies.
  await timed("agencies", async () => {
    const rows: string[] = [];
    for (const u of [root, ...provinces])
      for (const [type, name] of PROVINCE_AGENCIES) rows.push(`${u.id},${csvText(name)},${type}`);
    for (const u of communes)
      for (const [type, name] of COMMUNE_AGENCIES) rows.push(`${u.id},${csvText(name)},${type}`);
    await bulkLoader(database, options.tmpDir)("agencies", ["unit_id", "name", "type"], `${rows.join("\n")}\n`);
  });
  const agencyRows = await queryRows<{ id: number; unit_id: number; name: string }>(
    db,
    sql`SELECT id, unit_id, name FROM agencies`,
  );
  const agencyId = new Map(agencyRows.map((a) => [`${a.unit_id}|${a.name}`, a.id]));
  const agencyUnit = new Map(agencyRows.map((a) => [a.id, a.unit_id]));

  // National plan and province plans through the services (create, assign, issue).
  const strategy = await findStrategyByCode(db, "NQ28-2021");
  if (!strategy) throw new Error("strategy catalogue missing");
  const planOf = async (unit: UnitLite, source: { source: "strategy" | "plan"; sourceId: number }) => {
    const plan = await createPlanFrom(db, actor, {
      ...source,
      unitId: unit.id,
      periodFrom: FIRST_YEAR,
      periodTo: 2030,
    });
    const indicators = await listIndicators(db, plan.id);
    const catalogueCode = await catalogueCodes(database);
    const items = indicators.map((i) => {
      const [lead] = leadFor(catalogueCode.get(i.catalogueIndicatorId ?? 0) ?? "");
      const id = agencyId.get(`${unit.id}|${lead}`);
      if (!id) throw new Error(`agency ${lead} missing at ${unit.id}`);
      return { indicatorId: i.id, agencyId: id, role: "lead" as const };
    });
    const hoi = agencyId.get(`${unit.id}|Hội Liên hiệp Phụ nữ`);
    if (hoi) for (const i of indicators) items.push({ indicatorId: i.id, agencyId: hoi, role: "support" as never });
    await setResponsibilities(db, actor, plan.id, { items });
    await issuePlan(db, actor, plan.id, { number: String(10 + (unit.id % 80)), issuedOn: `${FIRST_YEAR}-01-20` });
    return plan.id;
  };
  const nationalPlanId = await timed("national plan (services)", () =>
    planOf(root, { source: "strategy", sourceId: strategy.id }),
  );
  const provincePlan = new Map<number, number>();
  await timed("province plans (services)", async () => {
    for (const p of provinces) provincePlan.set(p.id, await planOf(p, { source: "plan", sourceId: nationalPlanId }));
  });

  // Commune plans: cloned by SQL from each province plan exactly as fromPlan() shapes them
  // (plan → goals with upper_goal_id → indicators with upper_indicator_id → targets), issued,
  // with one lead agency per indicator among the commune's agencies.
  await timed("commune plans (SQL)", async () => {
    const [{ max }] = (await queryRows<{ max: number | null }>(db, sql`SELECT max(id) AS max FROM plans`)) as [
      { max: number | null },
    ];
    const before = max ?? 0;
    const communeIds = communes.map((c) => c.id);
    if (communeIds.length === 0) return;
    const ids = sql.raw(`ARRAY[${communeIds.join(",")}]::int[]`);
    await db.execute(sql`INSERT INTO plans (unit_id, status, version, source_kind, source_plan_id, number, symbol, place,
        issued_on, title, period_from, period_to, sections, issued_at)
      SELECT c.id, 'issued', 1, 'plan', pp.id, '5', 'KH-UBND', c.name, ${`${FIRST_YEAR}-02-15`}::date,
        'Thực hiện công tác bình đẳng giới trên địa bàn ' || c.full_name || ' giai đoạn ' || pp.period_from || '–' || pp.period_to,
        pp.period_from, pp.period_to,
        jsonb_set(pp.sections, '{legalBasis}', jsonb_build_array(jsonb_build_object('type', 'Kế hoạch',
          'number', pp.number || '/' || pp.symbol, 'date', pp.issued_on, 'issuer', 'Ủy ban nhân dân tỉnh',
          'title', pp.title, 'planId', pp.id))),
        now()
      FROM units c JOIN plans pp ON pp.unit_id = c.parent_id AND pp.status = 'issued'
      WHERE c.id = ANY(${ids})
      ORDER BY c.id`);
    await db.execute(sql`INSERT INTO plan_goals (plan_id, number, domain, title, catalogue_goal_id, upper_goal_id)
      SELECT cp.id, g.number, g.domain, g.title, g.catalogue_goal_id, g.id
      FROM plans cp JOIN plan_goals g ON g.plan_id = cp.source_plan_id WHERE cp.id > ${before}`);
    await db.execute(sql`INSERT INTO plan_indicators (plan_id, goal_id, number, text, kind, catalogue_indicator_id, upper_indicator_id)
      SELECT cp.id, cg.id, i.number, i.text, i.kind, i.catalogue_indicator_id, i.id
      FROM plans cp JOIN plan_goals cg ON cg.plan_id = cp.id
      JOIN plan_indicators i ON i.goal_id = cg.upper_goal_id AND NOT i.dropped
      WHERE cp.id > ${before} ORDER BY cp.id, cg.number, i.number`);
    await db.execute(sql`INSERT INTO plan_targets (plan_id, indicator_id, position, subject, comparator, value, unit, year, baseline)
      SELECT ci.plan_id, ci.id, t.position, t.subject, t.comparator, t.value, t.unit, t.year, t.baseline
      FROM plan_indicators ci JOIN plan_targets t ON t.indicator_id = ci.upper_indicator_id WHERE ci.plan_id > ${before}`);
    const codes = await catalogueCodes(database);
    const leadRows = [...codes.entries()].map(([id, code]) => sql`(${id}::int, ${leadFor(code)[1]}::text)`);
    await db.execute(sql`INSERT INTO plan_responsibilities (plan_id, indicator_id, agency_id, role)
      SELECT ci.plan_id, ci.id, a.id, 'lead'
      FROM plan_indicators ci JOIN plans cp ON cp.id = ci.plan_id
      JOIN (VALUES ${sql.join(leadRows, sql`, `)}) AS m(catalogue_indicator_id, agency_name)
        ON m.catalogue_indicator_id = ci.catalogue_indicator_id
      JOIN agencies a ON a.unit_id = cp.unit_id AND a.name = m.agency_name
      WHERE ci.plan_id > ${before}`);
  });

  // Rounds, submissions (the core decides reporters and cells, as openRound does) and values.
  const elements = new Map<string, ElementInfo>();
  const elementIds = new Map<string, number>();
  for (const [code, row] of await elementMap(db)) {
    elements.set(code, toElementInfo(row));
    elementIds.set(code, row.id);
  }
  const formulasByCatalogue = new Map<number, Formula[]>();
  const codes = await catalogueCodes(database);
  for (const [id, code] of codes)
    formulasByCatalogue.set(
      id,
      CATALOGUE_FORMULAS.filter((f) => f.indicator === code).map((f) => f.formula),
    );
  const planRows = await queryRows<{ id: number; unit_id: number; sections: PlanSections }>(
    db,
    sql`SELECT id, unit_id, sections FROM plans WHERE status = 'issued' ORDER BY id`,
  );
  const indicatorRows = await queryRows<{
    id: number;
    plan_id: number;
    goal_id: number;
    catalogue_indicator_id: number;
  }>(db, sql`SELECT id, plan_id, goal_id, catalogue_indicator_id FROM plan_indicators WHERE NOT dropped ORDER BY id`);
  const respRows = await queryRows<{ plan_id: number; indicator_id: number; agency_id: number; role: string }>(
    db,
    sql`SELECT plan_id, indicator_id, agency_id, role FROM plan_responsibilities ORDER BY id`,
  );
  const indicatorsOf = groupBy(indicatorRows, (r) => r.plan_id);
  const respOf = groupBy(respRows, (r) => r.indicator_id);
  const periods: string[] = [];
  for (let y = FIRST_YEAR; y < FIRST_YEAR + YEARS; y++) periods.push(`${y}S1`, String(y));
  periods.push(...OPEN_PERIODS);

  const [{ r0, s0 }] = (await queryRows<{ r0: number; s0: number }>(
    db,
    sql`SELECT coalesce((SELECT max(id) FROM reporting_rounds), 0)::int AS r0, coalesce((SELECT max(id) FROM submissions), 0)::int AS s0`,
  )) as [{ r0: number; s0: number }];
  let roundId = r0;
  let submissionId = s0;
  const rounds: string[] = [];
  const subs: string[] = [];
  const values: string[] = [];
  const seen = new Set<string>();
  const bulk = bulkLoader(database, options.tmpDir);
  let valueCount = 0;
  const flushValues = async () => {
    if (values.length === 0) return;
    await bulk(
      "data_values",
      ["submission_id", "unit_id", "period", "data_element_id", "option", "value", "updated_at"],
      `${values.join("\n")}\n`,
    );
    valueCount += values.length;
    values.length = 0;
  };
  const liveForms: LiveForm[] = [];
  copySeconds = 0;
  const dropped = await dropIndexes(database, ["data_values", "submissions", "value_rollups"]);
  const inScope = new Set([root.id, ...provinces.map((p) => p.id), ...communes.map((c) => c.id)]);
  await timed("rounds, submissions, values (COPY)", async () => {
    for (const period of periods) {
      const p = parsePeriod(period);
      if (!p) throw new Error(period);
      const window = dataWindow(p);
      const live = OPEN_PERIODS.includes(period);
      for (const plan of planRows) {
        const unit = unitById.get(plan.unit_id);
        if (!unit || !inScope.has(unit.id)) continue;
        const deadline = roundDeadline(plan.sections, p, period);
        if (!deadline) throw new Error(`plan ${plan.id} has no deadline for ${period}`);
        const treeDate = unit.valid_from !== null && unit.valid_from > window.to ? unit.valid_from : window.to;
        roundId++;
        rounds.push(
          `${roundId},${plan.id},${period},${window.from},${window.to},${deadline},${treeDate},${window.to}T17:00:00Z`,
        );
        const lower = unit.depth === 0 ? provinces : unit.depth === 1 ? (communesOf.get(unit.id) ?? []) : [];
        const lowerUnitIds = lower.filter((u) => u.valid_from === null || u.valid_from <= treeDate).map((u) => u.id);
        // A unit created by the reform reporting before it existed: read on its first day (roundTreeDate).
        const lowerIds = lowerUnitIds.length > 0 || unit.depth === 2 ? lowerUnitIds : lower.map((u) => u.id);
        const indicators = (indicatorsOf.get(plan.id) ?? []).map((i) => ({
          id: i.id,
          goalId: i.goal_id,
          dropped: false,
          formulas: formulasByCatalogue.get(i.catalogue_indicator_id) ?? [],
          responsibilities: (respOf.get(i.id) ?? []).map((r) => ({ agencyId: r.agency_id, role: r.role })),
        }));
        const reporters = expectedReporters({
          period,
          planUnitId: plan.unit_id,
          lowerUnitIds: lowerIds,
          agencyUnits: agencyUnit,
          elements,
          indicators,
        });
        for (const r of reporters) {
          submissionId++;
          const submittedAt = `${shiftDay(deadline, -3)}T02:30:00Z`;
          subs.push(
            [
              submissionId,
              roundId,
              r.key,
              r.agencyId ?? "",
              r.unitId,
              csvText(JSON.stringify(r.cells)),
              csvText(JSON.stringify(r.goalIds)),
              live ? "pending" : "approved",
              live ? "" : submittedAt,
              live ? "" : `${shiftDay(deadline, -1)}T03:00:00Z`,
            ].join(","),
          );
          if (live) {
            if (unit.depth === 1 && r.kind === "unit")
              liveForms.push({
                roundId,
                period,
                planId: plan.id,
                reporterKey: r.key,
                unitId: r.unitId,
                cells: r.cells.map((c) => ({ element: c.element, period: c.period })),
              });
            continue;
          }
          const depth = unitById.get(r.unitId)?.depth ?? 2;
          for (const cell of r.cells) {
            const el = elements.get(cell.element);
            const elId = elementIds.get(cell.element);
            if (!el || elId === undefined) continue;
            for (const option of el.options) {
              const key = `${r.unitId}|${cell.period}|${elId}|${option}`;
              if (seen.has(key)) continue; // a value exists once, whichever round asked first
              seen.add(key);
              const v = figure(r.unitId, depth, cell.element, option, cell.period);
              values.push(`${submissionId},${r.unitId},${cell.period},${elId},${option},${v},${submittedAt}`);
            }
          }
        }
        if (subs.length >= 20_000) await flushRoundsAndSubs();
        if (values.length >= 400_000) {
          await flushRoundsAndSubs();
          await flushValues();
        }
      }
    }
    await flushRoundsAndSubs();
    await flushValues();
  });
  async function flushRoundsAndSubs() {
    if (rounds.length > 0) {
      await bulk(
        "reporting_rounds",
        ["id", "plan_id", "period", "window_from", "window_to", "deadline", "tree_date", "opened_at"],
        `${rounds.join("\n")}\n`,
      );
      rounds.length = 0;
    }
    if (subs.length > 0) {
      await bulk(
        "submissions",
        [
          "id",
          "round_id",
          "reporter_key",
          "agency_id",
          "unit_id",
          "cells",
          "goal_ids",
          "state",
          "submitted_at",
          "decided_at",
        ],
        `${subs.join("\n")}\n`,
      );
      subs.length = 0;
    }
  }
  seen.clear();
  seconds["  of which COPY"] = Math.round(copySeconds * 1000) / 1000;
  log(`  of which COPY: ${seconds["  of which COPY"]} s`);
  await db.execute(sql`SELECT setval(pg_get_serial_sequence('reporting_rounds', 'id'), ${roundId})`);
  await db.execute(sql`SELECT setval(pg_get_serial_sequence('submissions', 'id'), ${submissionId})`);

  // Rollups: one INSERT … SELECT adding every approved value to each ancestor (applyRollupSql, all at once).
  await timed("value_rollups (INSERT … SELECT)", () =>
    withMemory(database, (tx) =>
      tx.execute(sql`INSERT INTO value_rollups (unit_id, period, data_element_id, option, total, reporters)
      SELECT a.id::int, v.period, v.data_element_id, v.option, sum(v.value), count(*)::int
      FROM data_values v JOIN submissions s ON s.id = v.submission_id AND s.state = 'approved'
      JOIN units u ON u.id = v.unit_id
      CROSS JOIN LATERAL unnest(string_to_array(trim(BOTH '/' FROM u.path), '/')) AS a(id)
      GROUP BY 1, 2, 3, 4`),
    ),
  );
  await timed("rebuild indexes", () =>
    withMemory(database, async (tx) => {
      for (const def of dropped) await tx.execute(sql.raw(def));
    }),
  );
  await timed("ANALYZE", () => db.execute(sql`ANALYZE`));
  const count = async (table: string) =>
    Number(
      ((await queryRows<{ n: string }>(db, sql.raw(`SELECT count(*)::text AS n FROM ${table}`)))[0] as { n: string }).n,
    );
  const counts: Record<string, number> = {};
  for (const t of [
    "agencies",
    "plans",
    "plan_indicators",
    "plan_responsibilities",
    "reporting_rounds",
    "submissions",
    "data_values",
    "value_rollups",
  ])
    counts[t] = await count(t);
  counts.communes = communes.length;
  counts.provinces = provinces.length;
  if (counts.data_values !== valueCount) throw new Error(`COPY stored ${counts.data_values} of ${valueCount} values`);
  return {
    scale: scale.name,
    adminPassword,
    rootId: root.id,
    nationalPlanId,
    provinces: provinces.map((p) => ({
      unitId: p.id,
      planId: provincePlan.get(p.id) as number,
      communes: communesOf.get(p.id)?.length ?? 0,
    })),
    livePeriod: LIVE_PERIOD,
    reportPeriod: REPORT_PERIOD,
    liveForms,
    counts,
    seconds,
  };
}

let catalogueCache: Map<number, string> | null = null;
async function catalogueCodes(database: Database): Promise<Map<number, string>> {
  if (!catalogueCache) {
    const rows = await queryRows<{ id: number; code: string }>(
      database.db,
      sql`SELECT id, code FROM catalogue_indicators ORDER BY id`,
    );
    catalogueCache = new Map(rows.map((r) => [r.id, r.code]));
  }
  return catalogueCache;
}

function groupBy<T, K>(rows: readonly T[], key: (r: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

function shiftDay(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
