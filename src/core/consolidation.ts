// The pure ORACLE of consolidation. The SQL rollup is tested against it on the
// same fixture (STYLE.md: "SQL fetches, core decides").
// Rules (DOMAIN.md §2 and §4):
// - Only approved values count. Components are SUMMED over the subtree of each
//   unit, then the indicator is computed from the sums: ratios are never averaged.
// - countOfUnits/qualitative count the reporters (agencies, or units reporting for
//   themselves) anywhere in the subtree: meeting / reporting.
// - History on the pre-2025 tree is re-expressed on the new tree through the official
//   crosswalk: a single `whole` row moves the value; `part` rows never split it by
//   guess — the value is attached to the lowest common ancestor of all new units it
//   touches (often the province, where it is complete), and the units below that
//   ancestor which received a part are flagged `partial: true`.
// Input order never matters: values are put in a canonical order before summing.
import type { DataValues, Formula, IndicatorValue, ReporterValues } from "./formula";
import { evaluateIndicator, parseFormula } from "./formula";
import { quartersOf } from "./periods";

export interface TreeUnit {
  id: number;
  parentId: number | null;
}

export type ValueStatus = "draft" | "submitted" | "approved" | "returned";

export interface RawValue {
  /** The unit the value belongs to; may be omitted when `agencyId` is given. */
  unitId?: number | null;
  /** The reporting agency; resolved to its unit through `agencies`. */
  agencyId?: number | null;
  period: string;
  dataElement: string;
  option: string;
  value: number;
  status: ValueStatus | string;
}

export interface CrosswalkRow {
  oldUnitId: number;
  newUnitId: number;
  relation: "whole" | "part";
}

export interface IndicatorSpec {
  /** Key of the result, e.g. "2.1" or "3.2:nạn nhân". */
  key: string;
  formula: Formula;
  /** Disaggregate (e.g. "nu"), see EvaluateOptions. */
  option?: string;
}

export interface ConsolidateOptions {
  /** The tree to consolidate on (the current tree for history re-expressed through the crosswalk). */
  units: readonly TreeUnit[];
  /** agencyId → unitId, for values given by agency. */
  agencies?: readonly { id: number; unitId: number }[];
  values: readonly RawValue[];
  /** The period consolidated; quarterly values inside it feed `every: "quarter"` conditions. */
  period: string;
  indicators?: readonly IndicatorSpec[];
  /** Old unit → new unit rows, for values attached to units not in `units`. */
  crosswalk?: readonly CrosswalkRow[];
}

export interface UnitConsolidation {
  unitId: number;
  /** Approved sums over the subtree for the period: data element → option → value. */
  components: Record<string, Record<string, number>>;
  /** Some history reached this unit only in part (crosswalk `part`). */
  partial: boolean;
  /** Reporters with any approved value in the period (or its quarters) in the subtree. */
  reporters: number;
  indicators: Record<string, IndicatorValue>;
}

export interface ConsolidationResult {
  units: Map<number, UnitConsolidation>;
  /** Approved values that could not be placed on the tree (unknown unit or agency, no crosswalk row). */
  unplaced: RawValue[];
}

interface Placed {
  unitId: number;
  reporter: string;
  value: RawValue;
}

type Sums = Map<string, Map<string, number>>;

export function consolidate(options: ConsolidateOptions): ConsolidationResult {
  const tree = buildTree(options.units);
  const quarters = new Set(quartersOf(options.period));
  const relevant = options.values.filter(
    (v) =>
      v.status === "approved" && Number.isFinite(v.value) && (v.period === options.period || quarters.has(v.period)),
  );
  const { placed, unplaced, partialUnits } = place(relevant, tree, options);
  placed.sort(comparePlaced);

  const own = new Map<number, { sums: Sums; reporters: Map<string, ReporterAcc> }>();
  for (const p of placed) {
    const entry = getOrCreate(own, p.unitId, () => ({ sums: new Map(), reporters: new Map() }));
    const reporter = getOrCreate(entry.reporters, p.reporter, () => ({ values: new Map(), quarters: new Map() }));
    if (p.value.period === options.period) {
      addTo(entry.sums, p.value);
      addTo(reporter.values, p.value);
    } else {
      addTo(
        getOrCreate(reporter.quarters, p.value.period, () => new Map()),
        p.value,
      );
    }
  }

  const specs = (options.indicators ?? []).map((spec) => ({ spec, parsed: parseFormula(spec.formula) }));
  const quarterIds = quartersOf(options.period);
  const result = new Map<number, UnitConsolidation>();
  const subtreeSums = new Map<number, Sums>();
  const subtreeReporters = new Map<number, ReporterValues[]>();
  for (const unitId of tree.postOrder) {
    const sums: Sums = new Map();
    const reporters: ReporterValues[] = [];
    const mine = own.get(unitId);
    if (mine) {
      mergeInto(sums, mine.sums);
      for (const [id, acc] of [...mine.reporters].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
        reporters.push({
          id,
          values: toRecord(acc.values),
          quarters: quarterIds.map((q) => toRecord(acc.quarters.get(q))),
        });
      }
    }
    for (const child of tree.children.get(unitId) ?? []) {
      mergeInto(sums, subtreeSums.get(child) as Sums);
      reporters.push(...(subtreeReporters.get(child) as ReporterValues[]));
    }
    subtreeSums.set(unitId, sums);
    subtreeReporters.set(unitId, reporters);
    const components = toRecord(sums);
    const partial = partialUnits.has(unitId);
    const indicators: Record<string, IndicatorValue> = {};
    for (const { spec, parsed } of specs) {
      const formula = parsed.ok ? parsed.parsed : spec.formula;
      indicators[spec.key] = evaluateIndicator(
        formula,
        { values: components, reporters, partial },
        spec.option ? { option: spec.option } : {},
      );
    }
    result.set(unitId, { unitId, components, partial, reporters: reporters.length, indicators });
  }
  return { units: result, unplaced };
}

interface ReporterAcc {
  values: Sums;
  quarters: Map<string, Sums>;
}

interface Tree {
  parent: Map<number, number | null>;
  children: Map<number, number[]>;
  /** Children before parents. */
  postOrder: number[];
}

function buildTree(units: readonly TreeUnit[]): Tree {
  const parent = new Map<number, number | null>();
  for (const u of units) parent.set(u.id, u.parentId);
  const children = new Map<number, number[]>();
  const roots: number[] = [];
  for (const [id, p] of parent) {
    if (p === null || !parent.has(p)) roots.push(id);
    else children.set(p, [...(children.get(p) ?? []), id]);
  }
  for (const list of children.values()) list.sort((a, b) => a - b);
  roots.sort((a, b) => a - b);
  const postOrder: number[] = [];
  const seen = new Set<number>();
  const stack: Array<[number, boolean]> = roots.map((r) => [r, false] as [number, boolean]).reverse();
  while (stack.length > 0) {
    const [id, expanded] = stack.pop() as [number, boolean];
    if (expanded) {
      postOrder.push(id);
      continue;
    }
    if (seen.has(id)) continue; // a cycle in bad input: visit once
    seen.add(id);
    stack.push([id, true]);
    for (const child of [...(children.get(id) ?? [])].reverse()) stack.push([child, false]);
  }
  return { parent, children, postOrder };
}

function ancestorsOf(tree: Tree, id: number): number[] {
  const path: number[] = [];
  let current: number | null | undefined = id;
  while (current !== null && current !== undefined && !path.includes(current)) {
    path.push(current);
    current = tree.parent.get(current);
  }
  return path; // the unit first, the root last
}

function place(
  values: readonly RawValue[],
  tree: Tree,
  options: ConsolidateOptions,
): { placed: Placed[]; unplaced: RawValue[]; partialUnits: Set<number> } {
  const agencyUnit = new Map((options.agencies ?? []).map((a) => [a.id, a.unitId]));
  const crosswalk = new Map<number, CrosswalkRow[]>();
  for (const row of options.crosswalk ?? [])
    crosswalk.set(row.oldUnitId, [...(crosswalk.get(row.oldUnitId) ?? []), row]);
  const placed: Placed[] = [];
  const unplaced: RawValue[] = [];
  const partialUnits = new Set<number>();
  for (const value of values) {
    const agencyId = value.agencyId ?? null;
    const sourceUnit = agencyId !== null ? agencyUnit.get(agencyId) : (value.unitId ?? undefined);
    const reporter = agencyId !== null ? `a:${agencyId}` : `u:${String(sourceUnit)}`;
    if (sourceUnit === undefined) {
      unplaced.push(value);
      continue;
    }
    if (tree.parent.has(sourceUnit)) {
      placed.push({ unitId: sourceUnit, reporter, value });
      continue;
    }
    const rows = (crosswalk.get(sourceUnit) ?? []).filter((r) => tree.parent.has(r.newUnitId));
    if (rows.length === 0) {
      unplaced.push(value);
      continue;
    }
    const first = rows[0] as CrosswalkRow;
    if (rows.length === 1 && first.relation === "whole") {
      placed.push({ unitId: first.newUnitId, reporter, value });
      continue;
    }
    // Split or ambiguous: keep the value whole at the lowest common ancestor, flag the parts below it.
    const paths = rows.map((r) => ancestorsOf(tree, r.newUnitId));
    const common = (paths[0] as number[]).find((id) => paths.every((p) => p.includes(id)));
    if (common === undefined) {
      unplaced.push(value);
      continue;
    }
    placed.push({ unitId: common, reporter, value });
    for (const path of paths) for (const id of path.slice(0, path.indexOf(common))) partialUnits.add(id);
  }
  return { placed, unplaced, partialUnits };
}

function comparePlaced(a: Placed, b: Placed): number {
  const ka = [a.unitId, a.reporter, a.value.period, a.value.dataElement, a.value.option, a.value.value];
  const kb = [b.unitId, b.reporter, b.value.period, b.value.dataElement, b.value.option, b.value.value];
  for (let i = 0; i < ka.length; i++) {
    const x = ka[i] as string | number;
    const y = kb[i] as string | number;
    if (x < y) return -1;
    if (x > y) return 1;
  }
  return 0;
}

function addTo(sums: Sums, value: RawValue): void {
  const byOption = getOrCreate(sums, value.dataElement, () => new Map<string, number>());
  byOption.set(value.option, (byOption.get(value.option) ?? 0) + value.value);
}

function mergeInto(target: Sums, source: Sums): void {
  for (const [de, byOption] of source) {
    const t = getOrCreate(target, de, () => new Map<string, number>());
    for (const [option, v] of byOption) t.set(option, (t.get(option) ?? 0) + v);
  }
}

function toRecord(sums: Sums | undefined): Record<string, Record<string, number>> & DataValues {
  const out: Record<string, Record<string, number>> = {};
  for (const [de, byOption] of [...(sums ?? new Map<string, Map<string, number>>())].sort((a, b) =>
    a[0] < b[0] ? -1 : 1,
  )) {
    out[de] = Object.fromEntries([...byOption].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
  }
  return out;
}

function getOrCreate<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  const found = map.get(key);
  if (found !== undefined) return found;
  const created = make();
  map.set(key, created);
  return created;
}
