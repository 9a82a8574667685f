import type { Dashboard, DashboardIndicator, LowerUnit, StatusCode, StatusExplainOut } from "../../contract/dashboard";
import { AppError } from "../../core/errors";
import {
  type DataValues,
  evaluateIndicator,
  type Formula,
  type ParsedFormula,
  parseFormula,
  type ReporterValues,
  targetOnValueScale,
} from "../../core/formula";
import { dataWindow, type Period, parsePeriod, periodLabel, quartersOf } from "../../core/periods";
import { formatTargetShort, type Target, type TargetUnit } from "../../core/plan";
import { formulaElements, timelinessOf } from "../../core/reporting";
import { assessProgress, meetsTarget, pickTarget, type StatusExplain, type StatusTarget } from "../../core/status";
import type { Executor } from "../db/client";
import { type ConditionRollupRow, readConditionRollups } from "../db/repos/condition-rollup.repo";
import {
  listRollupPeriods,
  readReporterValuesByChild,
  readUnitPaths,
  readUnitRollups,
  readWriteStamp,
  type UnitRollupRow,
} from "../db/repos/dashboard.repo";
import { type DataElementRow, listDataElements } from "../db/repos/data-element.repo";
import type { PlanRow } from "../db/repos/plan.repo";
import { findRoundByPeriod, listSubmissionsOfRound } from "../db/repos/reporting.repo";
import { findUnitById, listChildren } from "../db/repos/unit.repo";
import { assertCan, unitTarget } from "./access.service";
import { rolledUpKey, valueFromCounts } from "./condition-rollup.service";
import type { Actor } from "./context";
import { resolveFormulas } from "./data-element.service";
import { indicatorCode, loadPlanAggregate, type PlanAggregate, requirePlan, toTarget } from "./plan-view.service";
import { reporterNames, vietnamDay } from "./reporting.service";

// The progress dashboard of a unit against a plan: one view model that the API
// serves and the report documents print (report.service.ts), so the numbers agree.
// Figures come from the consolidated rollups (value_rollups and, for "% of units",
// condition_rollups, current inside every approval), status and projection from
// core/status.ts, indicator values from the core formula engine over consolidated
// sums (ratios never averaged) and counts (core countValue).

export interface DashboardInput {
  unitId: number;
  planId: number;
  period: string;
  /** Today in Vietnam (yyyy-mm-dd), for timeliness; the service reads no clock. */
  today: string;
}

/** One formula of a plan indicator (an indicator with two targets has two rows). */
interface Row {
  key: string;
  indicatorId: number;
  goalId: number;
  code: string;
  text: string;
  subject: string | null;
  unit: string;
  formula: Formula;
  /** Parsed once: a national dashboard evaluates each formula for every year and lower unit. */
  parsed: ParsedFormula | Formula;
  elements: string[];
  countsReporters: boolean;
  /** Set when the "% of units" counts are kept in condition_rollups (read one row, count no reporters). */
  conditionKey: string | null;
  quarterly: boolean;
  sensitive: boolean;
  targets: { list: StatusTarget[]; origin: "plan" | "upper" };
}

/**
 * Views already built, keyed by their inputs and valid while no write happened since
 * (the audit stamp): repeated reads of a national dashboard cost one index read, and
 * the first read after an approval recomputes — never a stale number.
 */
export interface DashboardCache {
  entries: Map<string, { stamp: number; view: Dashboard }>;
  limit: number;
}

export function createDashboardCache(limit = 200): DashboardCache {
  return { entries: new Map(), limit };
}

export async function buildDashboard(
  db: Executor,
  actor: Actor,
  input: DashboardInput,
  cache: DashboardCache | null = null,
): Promise<Dashboard> {
  const target = await unitTarget(db, input.unitId);
  assertCan(actor, "data.read", target);
  if (!cache) return computeDashboard(db, input);
  const key = `${input.unitId}|${input.planId}|${input.period}|${input.today}`;
  const stamp = await readWriteStamp(db);
  const hit = cache.entries.get(key);
  if (hit && hit.stamp === stamp) return hit.view;
  const view = await computeDashboard(db, input);
  cache.entries.delete(key);
  cache.entries.set(key, { stamp, view });
  if (cache.entries.size > cache.limit) cache.entries.delete(cache.entries.keys().next().value as string);
  return view;
}

async function computeDashboard(db: Executor, input: DashboardInput): Promise<Dashboard> {
  const period = parsePeriod(input.period);
  if (!period || (period.kind !== "annual" && period.kind !== "semiannual")) {
    throw new AppError("VALIDATION", {
      userMessage: { vi: "Kỳ phải là năm (2024) hoặc 6 tháng (2024S1).", en: "Period must be 2024 or 2024S1." },
    });
  }
  const plan = await requirePlan(db, input.planId);
  const unitId = input.unitId;
  const asOf = treeDay(period, input.today);
  const [unit, agg, elementRows, rollupPeriods] = await Promise.all([
    findUnitById(db, unitId, asOf).then((u) => u ?? findUnitById(db, unitId, input.today)),
    loadPlanAggregate(db, plan),
    listDataElements(db),
    listRollupPeriods(db, unitId),
  ]);
  if (!unit) throw new AppError("NOT_FOUND");
  const elements = new Map(elementRows.map((e) => [e.code, e]));
  const rows = await formulaRows(db, agg, elements);
  const years = seriesYears(rollupPeriods, period);
  // A 6-month report is a mid-year check: it is assessed half a year before the year's
  // end, against the year-end target (which is not yet due), so its rates are real.
  const at = (year: number) => (period.kind === "semiannual" ? year - 0.5 : year);
  const seriesPeriods = years.flatMap((y) => periodIds(y, period));
  const children = await listChildren(db, unitId, asOf);
  const conditionKeys = [...new Set(rows.flatMap((r) => (r.conditionKey === null ? [] : [r.conditionKey])))];
  const [ownRollups, childRollups, reporterRows, round, ownCounts, childCounts] = await Promise.all([
    readUnitRollups(db, [unitId], seriesPeriods),
    readUnitRollups(
      db,
      children.map((c) => c.id),
      periodIds(period.year, period),
    ),
    readCountedValues(db, unit.path, unit.parent_id === null, rows, years, period, elements),
    roundOf(db, plan, unit.path, input.period, input.today),
    readConditionRollups(
      db,
      [unitId],
      years.map((y) => assessedId(y, period)),
      conditionKeys,
    ),
    readConditionRollups(
      db,
      children.map((c) => c.id),
      [assessedId(period.year, period)],
      conditionKeys,
    ),
  ]);
  const counts = countsByKey([...ownCounts, ...childCounts]);

  const counted = groupReporters(reporterRows, years, period);
  const indicators: DashboardIndicator[] = rows.map((row) => {
    const trendInputs = years.map((year) => {
      const ids = periodIds(year, period);
      const reporters = counted.get(year)?.get(ALL) ?? [];
      const v = row.conditionKey
        ? valueFromCounts(row.formula, counts.get(`${unitId}|${assessedId(year, period)}|${row.conditionKey}`))
        : evaluate(row, components(ownRollups, unitId, ids, elements, period), reporters);
      return { year, period: ids[0] as string, v };
    });
    const series = trendInputs.map((p) => ({ year: at(p.year), value: p.v.value }));
    const trend = trendInputs.map((p) => {
      const a = assessProgress({ targets: row.targets.list, series, year: at(p.year) });
      return { period: p.period, year: p.year, ...numbers(p.v), status: a.status, explain: explainOut(a.explain, at) };
    });
    const current = trendInputs.find((p) => p.year === period.year)?.v ?? emptyValue();
    const assessed = assessProgress({ targets: row.targets.list, series, year: at(period.year) });
    const source = assessed.target?.year === period.year ? "exact" : assessed.targetSource;
    return {
      key: row.key,
      indicatorId: row.indicatorId,
      goalId: row.goalId,
      code: row.code,
      text: row.text,
      subject: row.subject,
      unit: row.unit,
      kind: row.formula.kind,
      sensitive: row.sensitive,
      ...numbers(current),
      partial: current.reason === "partial",
      reason: current.reason ?? null,
      target: targetOut(row, assessed.target, source),
      gap: assessed.gap,
      status: assessed.status,
      explain: explainOut(assessed.explain, at),
      projection: assessed.projection
        ? {
            year: assessed.projection.year,
            value: assessed.projection.value,
            meetsTarget: assessed.projection.meetsTarget,
            points: assessed.projection.points,
          }
        : null,
      trend,
    };
  });

  const lowerUnits: LowerUnit[] = children.map((child) => {
    const comps = components(childRollups, child.id, periodIds(period.year, period), elements, period);
    const reporters = counted.get(period.year)?.get(String(child.id)) ?? [];
    const values: LowerUnit["values"] = {};
    for (const row of rows) {
      const v = row.conditionKey
        ? valueFromCounts(row.formula, counts.get(`${child.id}|${assessedId(period.year, period)}|${row.conditionKey}`))
        : evaluate(row, comps, reporters);
      const picked = pickTarget(row.targets.list, period.year);
      values[row.key] = {
        ...numbers(v),
        meetsTarget: v.value === null || !picked ? null : meetsTarget(v.value, picked.target),
      };
    }
    return { unitId: child.id, code: child.code, name: child.name, fullName: child.full_name, values };
  });

  const from = agg.sections.actionMonth?.from;
  const to = agg.sections.actionMonth?.to;
  return {
    unit: { id: unit.id, code: unit.code, name: unit.name, fullName: unit.full_name, level: unit.level },
    plan: planOut(plan),
    period: input.period,
    periodLabel: periodLabel(period),
    year: period.year,
    isNational: unit.parent_id === null,
    goals: goalCards(agg, indicators),
    indicators,
    lowerUnits,
    round,
    actionMonth:
      from && to
        ? {
            from: `${period.year}-${from}`,
            to: `${period.year}-${to}`,
            label: `Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới: ${dm(from)}/${period.year} – ${dm(to)}/${period.year}`,
          }
        : null,
  };
}

function dm(mmdd: string): string {
  const [m, d] = mmdd.split("-");
  return `${d}/${m}`;
}

function planOut(plan: PlanRow): Dashboard["plan"] {
  return {
    id: plan.id,
    title: plan.title,
    number: plan.number,
    symbol: plan.symbol,
    unitId: plan.unitId,
    periodFrom: plan.periodFrom,
    periodTo: plan.periodTo,
  };
}

/** Lower units as they stood when the period's data window closed (new units back-fill from 1/7/2025). */
function treeDay(period: Period, today: string): string {
  const end = dataWindow(period).to;
  const day = end < "2025-07-01" ? "2025-07-01" : end;
  return day > today ? today : day;
}

/** The assessed period of a year whose "% of units" counts condition_rollups keep. */
function assessedId(year: number, period: Period): string {
  return period.kind === "annual" ? String(year) : `${year}S1`;
}

function countsByKey(rows: readonly ConditionRollupRow[]): Map<string, ConditionRollupRow> {
  return new Map(rows.map((r) => [`${r.unit_id}|${r.period}|${r.condition_key}`, r]));
}

/** The period ids one year contributes: annual reads survey statistics of its calendar year. */
export function periodIds(year: number, period: Period): string[] {
  return period.kind === "annual" ? [String(year), `${year}C`] : [`${year}S1`];
}

/** Years with any consolidated figure of the period's kind, up to the period's year (always included). */
function seriesYears(rollupPeriods: readonly string[], period: Period): number[] {
  const years = new Set<number>([period.year]);
  for (const id of rollupPeriods) {
    const p = parsePeriod(id);
    if (!p || p.year > period.year) continue;
    const sameKind = period.kind === "annual" ? p.kind === "annual" || p.kind === "calendar" : p.kind === "semiannual";
    if (sameKind) years.add(p.year);
  }
  return [...years].sort((a, b) => a - b);
}

function components(
  rollups: readonly UnitRollupRow[],
  unitId: number,
  ids: readonly string[],
  elements: ReadonlyMap<string, DataElementRow>,
  period: Period,
): DataValues {
  const out: Record<string, Record<string, number>> = {};
  for (const r of rollups) {
    if (r.unit_id !== unitId || !ids.includes(r.period)) continue;
    const survey = elements.get(r.code)?.source === "survey";
    // An annual period reads survey statistics of its calendar year, administrative figures of its window.
    if (period.kind === "annual" && survey !== r.period.endsWith("C")) continue;
    out[r.code] = { ...(out[r.code] ?? {}), [r.option]: Number(r.total) };
  }
  return out;
}

type CountedRows = Awaited<ReturnType<typeof readReporterValuesByChild>>;

async function readCountedValues(
  db: Executor,
  unitPath: string,
  isRoot: boolean,
  rows: readonly Row[],
  years: readonly number[],
  period: Period,
  elements: ReadonlyMap<string, DataElementRow>,
): Promise<CountedRows> {
  const codes = [
    ...new Set(rows.filter((r) => r.countsReporters && r.conditionKey === null).flatMap((r) => r.elements)),
  ];
  const ids = codes.map((c) => elements.get(c)?.id).filter((id): id is number => id !== undefined);
  if (ids.length === 0) return [];
  const periods = years.flatMap((y) => [
    ...periodIds(y, period),
    ...quartersOf(period.kind === "annual" ? String(y) : `${y}S1`),
  ]);
  return readReporterValuesByChild(db, unitPath, periods, ids, isRoot ? "nation" : "subtree");
}

const ALL = "*";

type Acc = { values: Record<string, Record<string, number>>; quarters: Record<string, Record<string, number>>[] };

/**
 * Reporters (for "% of units" formulas) by year, for the whole subtree (ALL) and per
 * lower unit (its id), in one pass over the rows: year → group → reporters.
 */
function groupReporters(
  rows: CountedRows,
  years: readonly number[],
  period: Period,
): Map<number, Map<string, ReporterValues[]>> {
  const slot = new Map<string, { year: number; quarter: number }>();
  for (const year of years) {
    for (const id of periodIds(year, period)) slot.set(id, { year, quarter: -1 });
    quartersOf(period.kind === "annual" ? String(year) : `${year}S1`).forEach((q, k) => {
      slot.set(q, { year, quarter: k });
    });
  }
  const quarterCount = period.kind === "annual" ? 4 : 2;
  const acc = new Map<number, Map<string, Map<string, Acc>>>();
  const add = (year: number, group: string, r: CountedRows[number], quarter: number) => {
    const byGroup = acc.get(year) ?? new Map<string, Map<string, Acc>>();
    acc.set(year, byGroup);
    const byReporter = byGroup.get(group) ?? new Map<string, Acc>();
    byGroup.set(group, byReporter);
    let a = byReporter.get(r.reporter);
    if (!a) {
      a = { values: {}, quarters: Array.from({ length: quarterCount }, () => ({})) };
      byReporter.set(r.reporter, a);
    }
    const into = quarter >= 0 ? (a.quarters[quarter] as Record<string, Record<string, number>>) : a.values;
    into[r.code] = { ...(into[r.code] ?? {}), [r.option]: Number(r.value) };
  };
  for (const r of rows) {
    const at = slot.get(r.period);
    if (!at) continue;
    add(at.year, ALL, r, at.quarter);
    if (r.child) add(at.year, r.child, r, at.quarter);
  }
  const out = new Map<number, Map<string, ReporterValues[]>>();
  for (const [year, byGroup] of acc) {
    const groups = new Map<string, ReporterValues[]>();
    for (const [group, byReporter] of byGroup) {
      groups.set(
        group,
        [...byReporter.entries()].map(([id, a]) => ({ id, values: a.values, quarters: a.quarters })),
      );
    }
    out.set(year, groups);
  }
  return out;
}

function evaluate(row: Row, values: DataValues, reporters: ReporterValues[]) {
  return evaluateIndicator(row.parsed, { values, reporters: row.countsReporters ? reporters : [] });
}

function emptyValue() {
  return { value: null, numerator: null, denominator: null, reason: "no-data" as const };
}

function numbers(v: { value: number | null; numerator: number | null; denominator: number | null }) {
  return { value: v.value, numerator: v.numerator, denominator: v.denominator };
}

async function formulaRows(
  db: Executor,
  agg: PlanAggregate,
  elements: ReadonlyMap<string, DataElementRow>,
): Promise<Row[]> {
  const active = agg.indicators.filter((i) => !i.dropped);
  const formulas = await resolveFormulas(
    db,
    active.map((i) => i.id),
  );
  const out: Row[] = [];
  for (const indicator of active) {
    const list = formulas.get(indicator.id) ?? [];
    list.forEach((f, index) => {
      const formula = f.formula as Formula;
      const used = formulaElements(formula);
      const subject = f.subject ?? null;
      out.push({
        key: `${indicator.id}-${index}`,
        indicatorId: indicator.id,
        goalId: indicator.goalId,
        code: indicatorCode(agg.goals, indicator),
        text: indicator.text,
        subject,
        unit: f.unit,
        formula,
        parsed: ((p) => (p.ok ? p.parsed : formula))(parseFormula(formula)),
        elements: used.map((e) => e.code),
        countsReporters: formula.kind === "countOfUnits" || formula.kind === "qualitative",
        conditionKey: rolledUpKey(formula),
        quarterly: used.some((e) => e.quarterly),
        sensitive: used.some((e) => elements.get(e.code)?.sensitive === true),
        targets: targetsOf(agg, indicator.id, subject, list.length, (t) => targetOnValueScale(t, formula, f.unit)),
      });
    });
  }
  return out;
}

/**
 * The plan's own targets of the formula's subject; when it has none, the level above's
 * (labelled). `onScale` puts each on the scale of the formula's values (a qualitative
 * "= 1" becomes 100%), so status, gap and the printed target agree with the value.
 */
function targetsOf(
  agg: PlanAggregate,
  indicatorId: number,
  subject: string | null,
  formulaCount: number,
  onScale: (t: StatusTarget) => StatusTarget,
): Row["targets"] {
  const matches = (t: Target) => formulaCount <= 1 || (t.subject ?? null) === subject || t.subject === null;
  const own = (agg.targetsByIndicator.get(indicatorId) ?? []).map(toTarget).filter(matches);
  const list = (targets: Target[]) => targets.map((t) => onScale(statusTarget(t)));
  if (own.some((t) => t.value !== null)) return { list: list(own), origin: "plan" };
  const upper = (agg.upperByIndicator.get(indicatorId)?.targets ?? []).filter(matches);
  return { list: list(upper), origin: "upper" };
}

function statusTarget(t: Target): StatusTarget {
  return { year: t.year, comparator: t.comparator, value: t.value, unit: t.unit, baseline: null, baselineYear: null };
}

function targetOut(
  row: Row,
  t: StatusTarget | null,
  source: "exact" | "nearest-milestone" | null,
): DashboardIndicator["target"] {
  if (!t || !source) return null;
  const unit = (t.unit ?? null) as TargetUnit | null;
  return {
    comparator: t.comparator,
    value: t.value,
    unit,
    year: t.year,
    source,
    origin: row.targets.origin,
    text: formatTargetShort({ comparator: t.comparator, value: t.value, unit, year: t.year }),
  };
}

/** The explanation as the contract shows it; `at` maps report years to assessment times (undone here). */
export function explainOut(e: StatusExplain, at: (year: number) => number = (y) => y): StatusExplainOut {
  const shift = at(0);
  const year = (o: { year: number; value: number | null } | null) =>
    o ? { year: o.year - shift, value: o.value } : null;
  return {
    method: e.method,
    baseline: year(e.baseline),
    baselineSource: e.baselineSource,
    latest: year(e.latest),
    targetValue: e.targetValue,
    targetYear: e.targetYear,
    comparator: e.comparator,
    yearsElapsed: e.yearsElapsed,
    yearsToTarget: e.yearsToTarget,
    actualRate: e.actualRate,
    requiredRate: e.requiredRate,
    ratio: e.ratio,
    thresholds: e.thresholds,
    tolerance: e.tolerance,
    reason: e.reason ?? null,
  };
}

function goalCards(agg: PlanAggregate, indicators: readonly DashboardIndicator[]): Dashboard["goals"] {
  return [...agg.goals]
    .sort((a, b) => a.number - b.number)
    .map((g) => {
      const counts: Record<StatusCode, number> = { achieved: 0, on_track: 0, at_risk: 0, off_track: 0, no_data: 0 };
      const mine = indicators.filter((i) => i.goalId === g.id);
      for (const i of mine) counts[i.status]++;
      return { goalId: g.id, number: g.number, title: g.title, counts, total: mine.length };
    })
    .filter((g) => g.total > 0);
}

/**
 * Completeness and timeliness of the plan's round for the period: every expected
 * reporter at the plan's unit; at a lower unit, those of its subtree only.
 */
async function roundOf(
  db: Executor,
  plan: PlanRow,
  unitPath: string,
  period: string,
  today: string,
): Promise<Dashboard["round"]> {
  const round = await findRoundByPeriod(db, plan.id, period);
  if (!round) return null;
  const all = await listSubmissionsOfRound(db, round.id);
  const paths = await readUnitPaths(db, [...new Set(all.map((s) => s.unitId))]);
  const mine = all.filter((s) => (paths.get(s.unitId) ?? "").startsWith(unitPath));
  const names = await reporterNames(db, mine);
  const reporters = mine
    .map((s) => ({
      reporterKey: s.reporterKey,
      kind: (s.agencyId === null ? "unit" : "agency") as "unit" | "agency",
      name: names.get(s.reporterKey) ?? s.reporterKey,
      state: s.state,
      submittedAt: s.submittedAt,
      timeliness: timelinessOf(s.submittedAt ? vietnamDay(s.submittedAt) : null, round.deadline, today),
    }))
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name, "vi"));
  const isIn = (state: string) => state === "submitted" || state === "approved";
  const reported = mine.filter((s) => isIn(s.state)).length;
  const count = (t: string) => reporters.filter((r) => r.timeliness === t && (t === "overdue" || isIn(r.state))).length;
  const expected = mine.length;
  const pct = (n: number) => (expected === 0 ? 0 : Math.round((n / expected) * 1000) / 10);
  return {
    roundId: round.id,
    period: round.period,
    deadline: round.deadline,
    expected,
    reported,
    approved: mine.filter((s) => s.state === "approved").length,
    onTime: count("on_time"),
    late: count("late"),
    overdue: count("overdue"),
    completeness: pct(reported),
    timeliness: pct(count("on_time")),
    reporters,
  };
}
