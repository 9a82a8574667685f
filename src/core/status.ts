// Progress status of an indicator at a unit for a year, explainable on hover.
// Method: the growth-rate ("current rate vs required rate") assessment used by
// UN ESCAP's Asia-Pacific SDG Progress Report and Open SDG's progress status:
//   actual rate   = compound annual growth from the baseline to the latest value,
//   required rate = compound annual growth from the baseline to the target by the target year,
//   CR = actual / required;  CR ≥ 0.95 on track, 0.5 ≤ CR < 0.95 at risk, CR < 0.5 off track.
// Compound growth needs positive values; when the baseline, latest or target is ≤ 0
// the rates are linear (points per year) instead. The thresholds are ours to tune.
// Other rules: a target already met is "achieved" (≥ ≤ > < exactly; "~" within
// ±max(2% relative, 1 point for %); "=" exact unless a tolerance is given); not met at
// or after its year is "off track"; no value for the year, no target or no baseline
// year before it is "no_data" (with `explain.reason`); for "=" and "~" the direction is
// from the baseline towards the target, and overshooting it is "at risk".
// A least-squares line through the observed values projects the value to the target year.

export type StatusComparator = ">=" | ">" | "<=" | "<" | "=" | "~";
export type ProgressStatusCode = "achieved" | "on_track" | "at_risk" | "off_track" | "no_data";

export interface StatusTarget {
  year: number;
  comparator: StatusComparator;
  /** null while unknown: such a target is skipped, never invented. */
  value: number | null;
  unit?: string | null;
  baseline?: number | null;
  baselineYear?: number | null;
}

export interface Observation {
  year: number;
  value: number | null;
}

export interface StatusThresholds {
  onTrack: number;
  atRisk: number;
}

export const DEFAULT_THRESHOLDS: StatusThresholds = { onTrack: 0.95, atRisk: 0.5 };

export interface Tolerance {
  relative: number;
  absolute: number;
}

export interface AssessProgressOptions {
  /** All targets of the indicator (milestones); the one for `year` or the nearest is used. */
  targets: readonly StatusTarget[];
  /** Values by year at this unit (any order; nulls and later years are ignored). */
  series: readonly Observation[];
  /** The year assessed (the period's year). */
  year: number;
  thresholds?: StatusThresholds;
  /** Overrides the default tolerance of "~" (and gives "=" one). */
  tolerance?: Tolerance;
}

export interface StatusExplain {
  method: "growth-rate" | "linear" | null;
  baseline: Observation | null;
  baselineSource: "target" | "series" | null;
  latest: Observation | null;
  targetValue: number | null;
  targetYear: number | null;
  comparator: StatusComparator | null;
  /** Years from the baseline to the latest value, and to the target year. */
  yearsElapsed: number | null;
  yearsToTarget: number | null;
  actualRate: number | null;
  requiredRate: number | null;
  ratio: number | null;
  thresholds: StatusThresholds;
  tolerance: number | null;
  reason?: "no-value" | "no-target" | "no-baseline" | "target-year-passed" | "wrong-direction" | "overshoot";
}

export interface Projection {
  year: number;
  value: number;
  slope: number;
  intercept: number;
  points: number;
  meetsTarget: boolean;
}

export interface ProgressAssessment {
  status: ProgressStatusCode;
  value: number | null;
  target: StatusTarget | null;
  targetSource: "exact" | "nearest-milestone" | null;
  /** target − value (signed, in the indicator's unit); null without both. */
  gap: number | null;
  projection: Projection | null;
  explain: StatusExplain;
}

/** The target of `year`, else the next milestone after it, else the last one before it. */
export function pickTarget(
  targets: readonly StatusTarget[],
  year: number,
): { target: StatusTarget; targetSource: "exact" | "nearest-milestone" } | null {
  const known = targets.filter((t) => t.value !== null && Number.isFinite(t.value)).sort((a, b) => a.year - b.year);
  const exact = known.find((t) => t.year === year);
  if (exact) return { target: exact, targetSource: "exact" };
  const next = known.find((t) => t.year > year) ?? known[known.length - 1];
  return next ? { target: next, targetSource: "nearest-milestone" } : null;
}

export function toleranceFor(target: StatusTarget, override?: Tolerance): number {
  const value = target.value ?? 0;
  if (override) return Math.max(override.relative * Math.abs(value), override.absolute);
  if (target.comparator === "~") return Math.max(0.02 * Math.abs(value), target.unit === "%" ? 1 : 0);
  return 0;
}

const EPS = 1e-9;

/** Whether a value satisfies a target. */
export function meetsTarget(value: number, target: StatusTarget, tolerance = toleranceFor(target)): boolean {
  const t = target.value;
  if (t === null) return false;
  switch (target.comparator) {
    case ">=":
      return value >= t - EPS;
    case ">":
      return value > t + EPS;
    case "<=":
      return value <= t + EPS;
    case "<":
      return value < t - EPS;
    case "=":
    case "~":
      return Math.abs(value - t) <= tolerance + EPS;
  }
}

/** Least squares through the observations; null with fewer than two distinct years. */
export function linearTrend(
  points: readonly Observation[],
): { slope: number; intercept: number; points: number } | null {
  const xs = points.filter((p): p is { year: number; value: number } => p.value !== null && Number.isFinite(p.value));
  if (new Set(xs.map((p) => p.year)).size < 2) return null;
  const n = xs.length;
  const mx = xs.reduce((s, p) => s + p.year, 0) / n;
  const my = xs.reduce((s, p) => s + p.value, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const p of xs) {
    sxy += (p.year - mx) * (p.value - my);
    sxx += (p.year - mx) ** 2;
  }
  const slope = sxy / sxx;
  return { slope, intercept: my - slope * mx, points: n };
}

export function assessProgress(options: AssessProgressOptions): ProgressAssessment {
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  const observed = options.series
    .filter((o) => o.value !== null && Number.isFinite(o.value) && o.year <= options.year)
    .sort((a, b) => a.year - b.year);
  const latest = observed.find((o) => o.year === options.year) ?? null;
  const picked = pickTarget(options.targets, options.year);
  const target = picked?.target ?? null;
  const tolerance = target ? toleranceFor(target, options.tolerance) : null;
  const explain: StatusExplain = {
    method: null,
    baseline: null,
    baselineSource: null,
    latest,
    targetValue: target?.value ?? null,
    targetYear: target?.year ?? null,
    comparator: target?.comparator ?? null,
    yearsElapsed: null,
    yearsToTarget: null,
    actualRate: null,
    requiredRate: null,
    ratio: null,
    thresholds,
    tolerance,
  };
  const value = latest?.value ?? null;
  const base = {
    value,
    target,
    targetSource: picked?.targetSource ?? null,
    gap: target?.value != null && value !== null ? target.value - value : null,
    projection: target ? project(observed, target, tolerance ?? 0) : null,
  };
  const done = (status: ProgressStatusCode, reason?: StatusExplain["reason"]): ProgressAssessment => ({
    ...base,
    status,
    explain: reason ? { ...explain, reason } : explain,
  });

  if (value === null) return done("no_data", "no-value");
  if (!target || target.value === null) return done("no_data", "no-target");
  if (meetsTarget(value, target, tolerance ?? 0)) return done("achieved");
  if (options.year >= target.year) return done("off_track", "target-year-passed");

  const baseline = baselineOf(target, observed, options.year);
  if (!baseline) return done("no_data", "no-baseline");
  explain.baseline = baseline.point;
  explain.baselineSource = baseline.source;
  const b = baseline.point.value as number;
  const t = target.value;
  const elapsed = options.year - baseline.point.year;
  const horizon = target.year - baseline.point.year;
  explain.yearsElapsed = elapsed;
  explain.yearsToTarget = horizon;

  const growth = b > 0 && value > 0 && t > 0;
  explain.method = growth ? "growth-rate" : "linear";
  const actual = growth ? (value / b) ** (1 / elapsed) - 1 : (value - b) / elapsed;
  const required = growth ? (t / b) ** (1 / horizon) - 1 : (t - b) / horizon;
  explain.actualRate = actual;
  explain.requiredRate = required;

  const direction = directionOf(target.comparator, b, t);
  // Required movement is nil or against the target's direction: the baseline already met it.
  if (direction === 0 || Math.sign(required) !== direction || Math.abs(required) < EPS) {
    return done("off_track", "wrong-direction");
  }
  const ratio = actual / required;
  explain.ratio = ratio;
  const overshot = (target.comparator === "=" || target.comparator === "~") && (value - t) * direction > 0;
  if (overshot) return done("at_risk", "overshoot");
  if (ratio >= thresholds.onTrack) return done("on_track");
  if (ratio >= thresholds.atRisk) return done("at_risk");
  return done("off_track", ratio < 0 ? "wrong-direction" : undefined);
}

function directionOf(comparator: StatusComparator, baseline: number, target: number): number {
  if (comparator === ">=" || comparator === ">") return 1;
  if (comparator === "<=" || comparator === "<") return -1;
  return Math.sign(target - baseline);
}

function baselineOf(
  target: StatusTarget,
  observed: readonly Observation[],
  year: number,
): { point: Observation; source: "target" | "series" } | null {
  if (target.baseline != null && target.baselineYear != null && target.baselineYear < year) {
    return { point: { year: target.baselineYear, value: target.baseline }, source: "target" };
  }
  const first = observed.find((o) => o.year < year);
  return first ? { point: first, source: "series" } : null;
}

function project(observed: readonly Observation[], target: StatusTarget, tolerance: number): Projection | null {
  const trend = linearTrend(observed);
  if (!trend) return null;
  const value = trend.intercept + trend.slope * target.year;
  return { year: target.year, value, ...trend, meetsTarget: meetsTarget(value, target, tolerance) };
}
