import { consolidate, type RawValue } from "../../core/consolidation";
import { AppError } from "../../core/errors";
import {
  type DataValues,
  evaluateIndicator,
  type Formula,
  type IndicatorValue,
  type ReporterValues,
  targetOnValueScale,
} from "../../core/formula";
import { type Period, parsePeriod, quartersOf } from "../../core/periods";
import { formulaElements } from "../../core/reporting";
import { parseUnitPath, REFORM_DATE } from "../../core/units";
import type { Db, Executor } from "../db/client";
import { readConditionRollups } from "../db/repos/condition-rollup.repo";
import type { DataElementRow } from "../db/repos/data-element.repo";
import {
  listApprovedValues,
  listCrosswalkOfValues,
  listTreeUnits,
  readReporterValues,
  readRollup,
} from "../db/repos/data-value.repo";
import { listGoals, listIndicators, listTargetsOfPlans } from "../db/repos/plan.repo";
import { findUnitPath } from "../db/repos/unit.repo";
import { assertCan, unitTarget } from "./access.service";
import { isRolledUpPeriod, rolledUpKey, valueFromCounts } from "./condition-rollup.service";
import type { Actor } from "./context";
import { elementMap, type ResolvedFormula, resolveFormulas } from "./data-element.service";
import { indicatorCode, requirePlan } from "./plan-view.service";

export interface IndicatorQuery {
  planId: number;
  period: string;
  tree: "native" | "new";
}

export interface UnitIndicatorItem {
  indicatorId: number;
  code: string;
  text: string;
  subject: string | null;
  kind: string;
  unit: string;
  result: IndicatorValue;
  bySex: { nu: IndicatorValue; nam: IndicatorValue } | null;
  target: { comparator: string; value: number | null; year: number } | null;
}

export interface UnitIndicators {
  unitId: number;
  planId: number;
  period: string;
  tree: "native" | "new";
  partial: boolean;
  items: UnitIndicatorItem[];
  components: Record<string, Record<string, number>>;
}

/** A plan target on the scale of the formula's values (a qualitative "= 1" reads as 100%). */
function targetOf(
  t: { comparator: string; value: number | null; unit: string | null; year: number },
  formula: Formula,
  unit: string,
): UnitIndicatorItem["target"] {
  const scaled = targetOnValueScale(t, formula, unit);
  return { comparator: scaled.comparator, value: scaled.value, year: scaled.year };
}

/** Where a unit's figures come from: components (sums) and reporters (for counts of units). */
interface Inputs {
  components: DataValues;
  reporters: ReporterValues[];
  partial: boolean;
  /** "% of units" counts read from condition_rollups, by condition key (native tree, years and halves). */
  counts?: Map<string, { meeting: number; reporting: number }>;
}

/**
 * The plan's indicators at a unit for a period, computed by the core formula
 * engine from consolidated components: on the native tree from the rollup rows
 * (one primary-key read) and, for "% of units" formulas, from the approved
 * values of the reporters in the subtree; with tree=new, pre-reform history is
 * re-expressed on the current tree by the core consolidation (crosswalk).
 */
export async function getUnitIndicators(
  db: Db,
  actor: Actor,
  unitId: number,
  query: IndicatorQuery,
): Promise<UnitIndicators> {
  const target = await unitTarget(db, unitId);
  assertCan(actor, "data.read", target);
  const plan = await requirePlan(db, query.planId);
  const period = parsePeriod(query.period);
  if (!period) throw new AppError("VALIDATION");
  const [indicators, goals, targets, elements] = await Promise.all([
    listIndicators(db, plan.id),
    listGoals(db, plan.id),
    listTargetsOfPlans(db, [plan.id]),
    elementMap(db),
  ]);
  const active = indicators.filter((i) => !i.dropped);
  const formulas = await resolveFormulas(
    db,
    active.map((i) => i.id),
  );
  const all = [...formulas.values()].flat();
  const inputs =
    query.tree === "new"
      ? await newTreeInputs(db, unitId, query.period, period, elements)
      : await nativeInputs(db, unitId, query.period, period, all, elements);
  const items: UnitIndicatorItem[] = [];
  for (const indicator of active) {
    for (const f of formulas.get(indicator.id) ?? []) {
      const formula = f.formula as Formula;
      const input = { values: inputs.components, reporters: inputs.reporters, partial: inputs.partial };
      const key = f.bySex ? null : rolledUpKey(formula);
      const counted = key !== null && inputs.counts ? inputs.counts : null;
      const t = targets.find(
        (x) => x.indicatorId === indicator.id && x.year === period.year && (x.subject ?? null) === (f.subject ?? null),
      );
      items.push({
        indicatorId: indicator.id,
        code: indicatorCode(goals, indicator),
        text: indicator.text,
        subject: f.subject,
        kind: formula.kind,
        unit: f.unit,
        result: counted ? valueFromCounts(formula, counted.get(key as string)) : evaluateIndicator(formula, input),
        bySex: f.bySex
          ? {
              nu: evaluateIndicator(formula, input, { option: "nu" }),
              nam: evaluateIndicator(formula, input, { option: "nam" }),
            }
          : null,
        target: t ? targetOf(t, formula, f.unit) : null,
      });
    }
  }
  return {
    unitId,
    planId: plan.id,
    period: query.period,
    tree: query.tree,
    partial: inputs.partial,
    items,
    components: inputs.components as Record<string, Record<string, number>>,
  };
}

/** Survey statistics of an annual period are the calendar year's ("2024" reads "2024C"). */
function periodOf(element: DataElementRow | undefined, periodId: string, period: Period): string {
  return element?.source === "survey" && period.kind === "annual" ? `${period.year}C` : periodId;
}

function quarterIds(period: Period): string[] {
  return period.kind === "calendar" ? [] : quartersOf(period);
}

async function nativeInputs(
  db: Executor,
  unitId: number,
  periodId: string,
  period: Period,
  formulas: readonly ResolvedFormula[],
  elements: ReadonlyMap<string, DataElementRow>,
): Promise<Inputs> {
  const calendar = `${period.year}C`;
  const rows = await readRollup(db, unitId, period.kind === "annual" ? [periodId, calendar] : [periodId]);
  const components: Record<string, Record<string, number>> = {};
  for (const row of rows) {
    if (row.period !== periodOf(elements.get(row.code), periodId, period)) continue;
    components[row.code] = { ...(components[row.code] ?? {}), [row.option]: Number(row.total) };
  }
  // Conditions kept in condition_rollups are one row each; the others count reporters here.
  const rolled = isRolledUpPeriod(period);
  const keyOf = (f: ResolvedFormula) => (rolled && !f.bySex ? rolledUpKey(f.formula as Formula) : null);
  const keys = [...new Set(formulas.map(keyOf).filter((k): k is string => k !== null))];
  const countRows = await readConditionRollups(db, [unitId], [periodId], keys);
  const counts = new Map(countRows.map((r) => [r.condition_key, { meeting: r.meeting, reporting: r.reporting }]));
  const counted = formulas
    .filter((f) => (f.formula.kind === "countOfUnits" || f.formula.kind === "qualitative") && keyOf(f) === null)
    .flatMap((f) => formulaElements(f.formula as Formula).map((e) => e.code));
  const path = (await findUnitPath(db, unitId)) as string;
  const quarters = quarterIds(period);
  const values = await readReporterValues(db, path, [periodId, ...quarters], [...new Set(counted)]);
  const byReporter = new Map<
    string,
    { values: Record<string, Record<string, number>>; quarters: Record<string, Record<string, number>>[] }
  >();
  for (const v of values) {
    let r = byReporter.get(v.reporter);
    if (!r) {
      r = { values: {}, quarters: quarters.map(() => ({})) };
      byReporter.set(v.reporter, r);
    }
    const q = quarters.indexOf(v.period);
    const into = q >= 0 ? (r.quarters[q] as Record<string, Record<string, number>>) : r.values;
    into[v.code] = { ...(into[v.code] ?? {}), [v.option]: Number(v.value) };
  }
  const reporters = [...byReporter.entries()].map(([id, r]) => ({ id, values: r.values, quarters: r.quarters }));
  return { components, reporters, partial: false, ...(rolled ? { counts } : {}) };
}

/** History re-expressed on today's tree: the core consolidation over raw approved values and the crosswalk. */
async function newTreeInputs(
  db: Executor,
  unitId: number,
  periodId: string,
  period: Period,
  elements: ReadonlyMap<string, DataElementRow>,
): Promise<Inputs> {
  const path = (await findUnitPath(db, unitId)) as string;
  const ids = parseUnitPath(path);
  // The province (or the nation) holding the unit: a split value lands on the lowest common ancestor.
  const scope = ids.length > 1 ? `/${ids.slice(0, 2).join("/")}/` : path;
  const root = ids[0] as number;
  const treeDay = REFORM_DATE;
  const units = (await listTreeUnits(db, scope, treeDay)).map((u) => ({ id: u.id, parentId: u.parent_id }));
  if (!units.some((u) => u.id === root)) units.push({ id: root, parentId: null });
  const periods = [periodId, ...quarterIds(period), ...(period.kind === "annual" ? [`${period.year}C`] : [])];
  const raw = await listApprovedValues(db, periods);
  const values: RawValue[] = raw.map((v) => ({
    unitId: v.unit_id,
    // An annual period reads survey statistics of its calendar year.
    period: v.period === periodOf(elements.get(v.code), periodId, period) ? periodId : v.period,
    dataElement: v.code,
    option: v.option,
    value: Number(v.value),
    status: "approved",
  }));
  const crosswalk = (await listCrosswalkOfValues(db, periods)).map((c) => ({
    oldUnitId: c.old_unit_id,
    newUnitId: c.new_unit_id,
    relation: c.relation,
  }));
  const result = consolidate({ units, values, period: periodId, crosswalk });
  const mine = result.units.get(unitId);
  if (!mine) return { components: {}, reporters: [], partial: false };
  // "% of communes that …" is not re-expressed: an old commune that was split is not a new commune,
  // so counts of units stay on the tree they were reported on.
  return { components: mine.components, reporters: [], partial: mine.partial };
}
