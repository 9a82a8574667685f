import { CATALOGUE_FORMULAS } from "../../core/catalogue-formulas";
import {
  conditionKey,
  countValue,
  dataElementsOf,
  evaluateIndicator,
  type Formula,
  type IndicatorValue,
  type ParsedFormula,
  parseFormula,
} from "../../core/formula";
import { type Period, parsePeriod, quartersOf } from "../../core/periods";
import type { Db, Executor } from "../db/client";
import {
  applyConditionDeltas,
  type ConditionDelta,
  conditionRollupsMissing,
  listApprovedConditionValues,
  lockConditionTables,
  lockReporter,
  readConditionResults,
  readReporterApprovedValues,
  replaceConditionResults,
  writeConditionResult,
} from "../db/repos/condition-rollup.repo";

// "% of units" conditions rolled up incrementally (condition_results →
// condition_rollups), the counterpart of value_rollups for countOfUnits and
// qualitative formulas: approving or reopening a submission re-evaluates, with the
// core engine, each condition its reporter's values feed, for every assessed period
// ("2024", "2024S1") they fall in, and adds the change (±1 meeting, ±1 reporting) to
// every ancestor in the same transaction. Reads are then one row per unit.

type CountFormula = Extract<Formula, { kind: "countOfUnits" | "qualitative" }>;

interface Condition {
  key: string;
  parsed: ParsedFormula;
  codes: string[];
}

/** The conditions kept: the national catalogue's (plan-local formulas still count reporters at read time). */
const CONDITIONS: readonly Condition[] = (() => {
  const out = new Map<string, Condition>();
  for (const f of CATALOGUE_FORMULAS) {
    if (f.formula.kind !== "countOfUnits" && f.formula.kind !== "qualitative") continue;
    const key = conditionKey(f.formula);
    const parsed = parseFormula(f.formula);
    if (!parsed.ok || out.has(key)) continue;
    out.set(key, { key, parsed: parsed.parsed, codes: dataElementsOf(f.formula) });
  }
  return [...out.values()].sort((a, b) => (a.key < b.key ? -1 : 1));
})();
const KEYS = new Set(CONDITIONS.map((c) => c.key));

/** The rollup key of a formula whose counts are kept, else null (read reporters instead). */
export function rolledUpKey(formula: Formula): string | null {
  if (formula.kind !== "countOfUnits" && formula.kind !== "qualitative") return null;
  const key = conditionKey(formula);
  return KEYS.has(key) ? key : null;
}

/** Assessed periods kept: years and first halves (the dashboard's); others read reporters. */
export function isRolledUpPeriod(period: Period): boolean {
  return period.kind === "annual" || period.kind === "semiannual";
}

/** The periods a reporter's values of an assessed period come from: its own (and, for a year, the calendar year's), and its quarters. */
export function conditionSources(period: Period): { main: string[]; quarters: string[] } {
  return period.kind === "annual"
    ? { main: [String(period.year), `${period.year}C`], quarters: quartersOf(period) }
    : { main: [`${period.year}S1`], quarters: quartersOf(period) };
}

/** Assessed periods a value of this period feeds. */
export function assessedPeriodsOf(valuePeriod: string): string[] {
  const p = parsePeriod(valuePeriod);
  if (!p) return [];
  return [String(p.year), `${p.year}S1`].filter((id) => {
    const assessed = parsePeriod(id) as Period;
    const { main, quarters } = conditionSources(assessed);
    return main.includes(valuePeriod) || quarters.includes(valuePeriod);
  });
}

/** The indicator value from a rollup row (absent: nobody reports). */
export function valueFromCounts(formula: Formula, counts: { meeting: number; reporting: number } | undefined) {
  return countValue(formula as CountFormula, counts?.meeting ?? 0, counts?.reporting ?? 0);
}

export interface ReporterRef {
  agencyId: number | null;
  unitId: number;
}

export function reporterId(r: ReporterRef): string {
  return r.agencyId === null ? `u:${r.unitId}` : `a:${r.agencyId}`;
}

type Slices = { values: Record<string, Record<string, number>>; quarters: Record<string, Record<string, number>>[] };

/** A reporter's values of an assessed period, as the core engine reads a reporter. */
function addValue(
  into: Slices,
  quarters: readonly string[],
  r: { period: string; code: string; option: string; value: string },
) {
  const q = quarters.indexOf(r.period);
  const slice = q >= 0 ? (into.quarters[q] as Record<string, Record<string, number>>) : into.values;
  slice[r.code] = { ...(slice[r.code] ?? {}), [r.option]: Number(r.value) };
}

/** Whether a reporter meets a condition; null when it reports nothing the condition reads. */
function verdict(c: Condition, id: string, slices: Slices): { meets: boolean } | null {
  const v: IndicatorValue = evaluateIndicator(c.parsed, {
    values: {},
    reporters: [{ id, values: slices.values, quarters: slices.quarters }],
  });
  return v.denominator === 1 ? { meets: v.numerator === 1 } : null;
}

/**
 * Builds condition_results and condition_rollups from every approved value, when
 * approved values exist but no result does: a database upgraded to this schema, or
 * values loaded around the services (bench/generate.ts). Idempotent otherwise.
 */
export async function ensureConditionRollups(db: Db): Promise<boolean> {
  const codes = [...new Set(CONDITIONS.flatMap((c) => c.codes))].sort();
  if (!(await conditionRollupsMissing(db, codes))) return false;
  return db.transaction(async (tx) => {
    await lockConditionTables(tx);
    // Another process may have built them while this one waited for the lock.
    if (!(await conditionRollupsMissing(tx, codes))) return false;
    await rebuildConditionRollups(tx);
    return true;
  });
}

/**
 * Recomputes both tables from every approved value. The tables are locked first, so
 * an approval running meanwhile either committed before (and is read) or applies its
 * change after, on top of the rebuilt rows.
 */
export async function rebuildConditionRollups(tx: Executor): Promise<void> {
  await lockConditionTables(tx);
  const codes = [...new Set(CONDITIONS.flatMap((c) => c.codes))].sort();
  const acc = new Map<string, { reporter: string; unitId: number; period: string; slices: Slices }>();
  for (const r of await listApprovedConditionValues(tx, codes)) {
    for (const period of assessedPeriodsOf(r.period)) {
      const key = `${r.reporter}|${period}`;
      let a = acc.get(key);
      const { quarters } = conditionSources(parsePeriod(period) as Period);
      if (!a) {
        a = {
          reporter: r.reporter,
          unitId: r.unit_id,
          period,
          slices: { values: {}, quarters: quarters.map(() => ({})) },
        };
        acc.set(key, a);
      }
      addValue(a.slices, quarters, r);
    }
  }
  const rows: { reporter: string; period: string; conditionKey: string; unitId: number; meets: boolean }[] = [];
  for (const a of acc.values()) {
    for (const c of CONDITIONS) {
      const now = verdict(c, a.reporter, a.slices);
      if (now)
        rows.push({ reporter: a.reporter, period: a.period, conditionKey: c.key, unitId: a.unitId, meets: now.meets });
    }
  }
  await replaceConditionResults(tx, rows);
}

/**
 * Re-evaluates the reporter's conditions fed by some (element, period) pairs — a
 * submission's values — and moves the rollups by the difference from the stored
 * results. Call inside the transaction that changed the submission's state, after
 * the change.
 */
export async function refreshConditions(
  tx: Executor,
  reporter: ReporterRef,
  touched: readonly { code: string; period: string }[],
): Promise<void> {
  const work = new Map<string, Set<string>>(); // assessed period → condition keys
  for (const t of touched) {
    const conditions = CONDITIONS.filter((c) => c.codes.includes(t.code));
    if (conditions.length === 0) continue;
    for (const period of assessedPeriodsOf(t.period)) {
      const keys = work.get(period) ?? new Set<string>();
      for (const c of conditions) keys.add(c.key);
      work.set(period, keys);
    }
  }
  if (work.size === 0) return;
  const id = reporterId(reporter);
  await lockReporter(tx, id);
  const periods = [...work.keys()].sort();
  const stored = new Map(
    (await readConditionResults(tx, id, periods)).map((r) => [`${r.period}|${r.condition_key}`, r]),
  );
  const deltas: ConditionDelta[] = [];
  for (const period of periods) {
    const assessed = parsePeriod(period) as Period;
    const { main, quarters } = conditionSources(assessed);
    const conditions = CONDITIONS.filter((c) => work.get(period)?.has(c.key));
    const codes = [...new Set(conditions.flatMap((c) => c.codes))].sort();
    const slices: Slices = { values: {}, quarters: quarters.map(() => ({})) };
    for (const r of await readReporterApprovedValues(tx, reporter, [...main, ...quarters], codes)) {
      addValue(slices, quarters, r);
    }
    for (const c of conditions) {
      const now = verdict(c, id, slices);
      const before = stored.get(`${period}|${c.key}`);
      if (before && now && before.meets === now.meets && before.unit_id === reporter.unitId) continue;
      if (!before && !now) continue;
      if (before) {
        deltas.push({
          unitId: before.unit_id,
          period,
          conditionKey: c.key,
          meeting: before.meets ? -1 : 0,
          reporting: -1,
        });
      }
      if (now) {
        deltas.push({ unitId: reporter.unitId, period, conditionKey: c.key, meeting: now.meets ? 1 : 0, reporting: 1 });
      }
      await writeConditionResult(
        tx,
        id,
        now ? { period, conditionKey: c.key, unitId: reporter.unitId, meets: now.meets } : null,
        { period, conditionKey: c.key },
      );
    }
  }
  await applyConditionDeltas(tx, deltas);
}
