// Reporting rounds: who is expected to report what in a round of an issued plan.
// Pure: the service fetches the plan, its responsibilities and the lower units,
// this module decides the reporters and the cells of each form.
//
// Collection level (no double counting when sums roll up the tree):
// - an element reported by "the unit itself" (UBND: news items, victims detected,
//   leaders of the local government) is asked of every lower unit of the plan's
//   unit (children valid on the last day of the data window), or of the plan's
//   unit itself when it has no lower level (a commune plan);
// - any other element (statistics, health, police, broadcasting…) is asked of ONE
//   agency of the plan: the indicator's `report` agency (it "only collects and
//   reports the figure"), else its `lead` agency. Its value belongs to the
//   agency's unit.
// - Survey statistics are asked in annual rounds only, for the calendar year
//   ("2024C"); an "in every quarter" condition asks one value per quarter.
import { dataElementsOf, type Formula } from "./formula";
import { dayNumber, formatPeriodId, type PeriodLike, quartersOf, toPeriod } from "./periods";

export const OPTION_LABELS: Record<string, { vi: string; en: string }> = {
  nu: { vi: "Nữ", en: "Female" },
  nam: { vi: "Nam", en: "Male" },
  total: { vi: "Tổng số", en: "Total" },
};

export const SUBMISSION_STATES = ["pending", "draft", "submitted", "approved", "returned"] as const;
export type SubmissionState = (typeof SUBMISSION_STATES)[number];

/** States in which values may still be edited by the reporter. */
export const EDITABLE_STATES: ReadonlySet<SubmissionState> = new Set(["pending", "draft", "returned"]);

export type ReporterKind = "agency" | "unit";

export interface ReporterRef {
  kind: ReporterKind;
  id: number;
}

/** "agency-12" or "unit-345": stable in URLs, templates and dataValueSets. */
export function reporterKey(ref: ReporterRef): string {
  return `${ref.kind}-${ref.id}`;
}

export function parseReporterKey(key: string): ReporterRef | null {
  const match = /^(agency|unit)-(\d{1,10})$/.exec(key);
  return match ? { kind: match[1] as ReporterKind, id: Number(match[2]) } : null;
}

export interface ElementInfo {
  code: string;
  options: readonly string[];
  valueType: "count" | "hours" | "amount" | "flag" | "percent";
  /** An agency type, or "unit"/"uy_ban" for the local government itself. */
  reportedBy: string;
  source: "administrative" | "survey";
}

export interface IndicatorInfo {
  id: number;
  goalId: number;
  dropped: boolean;
  formulas: readonly Formula[];
  responsibilities: readonly { agencyId: number; role: string }[];
}

export interface FormCell {
  indicatorId: number;
  element: string;
  period: string;
}

export interface ExpectedReporter {
  key: string;
  kind: ReporterKind;
  agencyId: number | null;
  /** The unit the reporter's values describe: the agency's unit, or the lower unit. */
  unitId: number;
  cells: FormCell[];
  /** Goals the reporter writes a narrative for. */
  goalIds: number[];
}

export interface PlanRoundInput {
  period: PeriodLike;
  planUnitId: number;
  /** Children of the plan's unit valid on the window's last day; [] for a commune. */
  lowerUnitIds: readonly number[];
  indicators: readonly IndicatorInfo[];
  elements: ReadonlyMap<string, ElementInfo>;
  /** agencyId → the unit it belongs to. */
  agencyUnits: ReadonlyMap<number, number>;
}

export function isUnitReported(element: ElementInfo): boolean {
  return element.reportedBy === "unit" || element.reportedBy === "uy_ban";
}

/** Elements a formula reads, with whether they are read quarter by quarter. */
export function formulaElements(formula: Formula): { code: string; quarterly: boolean }[] {
  const quarterly = formula.kind === "countOfUnits" && formula.every === "quarter";
  return dataElementsOf(formula).map((code) => ({ code, quarterly }));
}

/** The periods a value of the element is asked for in a round of `period`; [] when not in this round. */
export function cellPeriods(element: ElementInfo, quarterly: boolean, period: PeriodLike): string[] {
  const p = toPeriod(period);
  if (element.source === "survey") return p.kind === "annual" || p.kind === "calendar" ? [`${p.year}C`] : [];
  if (quarterly) return quartersOf(p);
  return [formatPeriodId(p)];
}

/** The agency that reports an indicator's figures: the `report` agency, else the `lead`. */
export function figureAgency(indicator: IndicatorInfo): number | null {
  const pick = (role: string) =>
    indicator.responsibilities
      .filter((r) => r.role === role)
      .map((r) => r.agencyId)
      .sort((a, b) => a - b)[0];
  return pick("report") ?? pick("lead") ?? null;
}

/** Every expected reporter of a round with exactly the cells of its form, in a stable order. */
export function expectedReporters(input: PlanRoundInput): ExpectedReporter[] {
  const byKey = new Map<string, ExpectedReporter>();
  const get = (kind: ReporterKind, id: number, unitId: number, agencyId: number | null) => {
    const key = reporterKey({ kind, id });
    let r = byKey.get(key);
    if (!r) {
      r = { key, kind, agencyId, unitId, cells: [], goalIds: [] };
      byKey.set(key, r);
    }
    return r;
  };
  const unitReporters = input.lowerUnitIds.length > 0 ? [...input.lowerUnitIds] : [input.planUnitId];
  for (const indicator of input.indicators) {
    if (indicator.dropped) continue;
    // Lead and report agencies are expected even with no figure: they write the narrative.
    for (const r of indicator.responsibilities) {
      if (r.role !== "lead" && r.role !== "report") continue;
      const unitId = input.agencyUnits.get(r.agencyId) ?? input.planUnitId;
      addGoal(get("agency", r.agencyId, unitId, r.agencyId), indicator.goalId);
    }
    const agency = figureAgency(indicator);
    for (const formula of indicator.formulas) {
      for (const { code, quarterly } of formulaElements(formula)) {
        const element = input.elements.get(code);
        if (!element) continue;
        const periods = cellPeriods(element, quarterly, input.period);
        if (periods.length === 0) continue;
        const targets = isUnitReported(element)
          ? unitReporters.map((u) => get("unit", u, u, null))
          : agency === null
            ? []
            : [get("agency", agency, input.agencyUnits.get(agency) ?? input.planUnitId, agency)];
        for (const reporter of targets) {
          addGoal(reporter, indicator.goalId);
          for (const period of periods) addCell(reporter, { indicatorId: indicator.id, element: code, period });
        }
      }
    }
  }
  return [...byKey.values()].sort(compareReporters);
}

function addGoal(r: ExpectedReporter, goalId: number): void {
  if (!r.goalIds.includes(goalId)) r.goalIds.push(goalId);
}

function addCell(r: ExpectedReporter, cell: FormCell): void {
  // One value per element and period, even when two indicators read it (2.1 and 2.2 share LD_COVIECLAM).
  if (r.cells.some((c) => c.element === cell.element && c.period === cell.period)) return;
  r.cells.push(cell);
}

function compareReporters(a: ExpectedReporter, b: ExpectedReporter): number {
  if (a.kind !== b.kind) return a.kind === "agency" ? -1 : 1;
  return a.unitId - b.unitId || (a.agencyId ?? 0) - (b.agencyId ?? 0);
}

/** Timeliness of one reporter: on time, late, or not yet in (overdue once the deadline passed). */
export type Timeliness = "on_time" | "late" | "not_submitted" | "overdue";

/** A round's counts: reporters expected, in (submitted or approved), approved. */
export interface RoundCounts {
  expected: number;
  submitted: number;
  approved: number;
}

export function countRoundStates(submissions: readonly { state: string }[]): RoundCounts {
  return {
    expected: submissions.length,
    submitted: submissions.filter((s) => s.state === "submitted" || s.state === "approved").length,
    approved: submissions.filter((s) => s.state === "approved").length,
  };
}

export function timelinessOf(submittedOn: string | null, deadline: string, today: string): Timeliness {
  if (submittedOn === null) return today > deadline ? "overdue" : "not_submitted";
  return submittedOn.slice(0, 10) > deadline ? "late" : "on_time";
}

/**
 * How long an open form has left, in calendar days of Vietnam (the caller passes today there):
 * "upcoming" with the days left, "today" on the deadline itself, "overdue" with the days past it.
 */
export type DueStatus = "upcoming" | "today" | "overdue";

export interface Due {
  status: DueStatus;
  /** Days left when upcoming, days past the deadline when overdue, 0 on the day. */
  days: number;
}

/** Calendar days from `today` to `deadline` (both yyyy-mm-dd): 3 three days before, 0 on the day, -2 two days after. */
export function daysUntil(deadline: string, today: string): number {
  return dayNumber(deadline) - dayNumber(today);
}

export function dueStatus(deadline: string, today: string): Due {
  const days = daysUntil(deadline, today);
  if (days > 0) return { status: "upcoming", days };
  if (days === 0) return { status: "today", days: 0 };
  return { status: "overdue", days: -days };
}

/** A form still waits for its reporter while it can be edited (not yet in, or returned). */
export function isOpenForm(state: string): boolean {
  return EDITABLE_STATES.has(state as SubmissionState);
}

/**
 * Forms by urgency: open forms first, the earliest deadline (so the most overdue) first;
 * then the forms already in, in their given order (newest round first). Stable.
 */
export function sortByUrgency<T extends { state: string; deadline: string }>(forms: readonly T[]): T[] {
  const open = forms.filter((f) => isOpenForm(f.state));
  const done = forms.filter((f) => !isOpenForm(f.state));
  const byDeadline = open
    .map((f, i) => ({ f, i }))
    .sort((a, b) => a.f.deadline.localeCompare(b.f.deadline) || a.i - b.i)
    .map((x) => x.f);
  return [...byDeadline, ...done];
}
