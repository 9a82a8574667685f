import type { Form, ImportJob, IndicatorValues } from "../../../contract/data-value";
import type { MyFormItem, Round, RoundStatus } from "../../../contract/reporting";
import { periodLabel } from "../../../core/periods";
import {
  countRoundStates,
  dueStatus,
  isOpenForm,
  type RoundCounts,
  type SubmissionState,
} from "../../../core/reporting";
import type { EntryIssue } from "../../../core/reporting-validation";
import type { ReminderView } from "../../db/repos/reminder.repo";
import type { ImportJobRow, RoundRow, SubmissionRow } from "../../db/repos/reporting.repo";
import type { FormPage } from "../../services/data-value.service";
import type { UnitIndicators } from "../../services/indicator-value.service";
import type { MyFormWithReminder } from "../../services/reminder.service";
import type { ReporterStatus } from "../../services/reporting.service";
import { isoTimestamp } from "./presenters";
import { presentReminder } from "./reminder.presenters";

const iso = (v: string | null) => (v === null ? null : isoTimestamp(v));

export function presentRound(round: RoundRow, counts: RoundCounts): Round {
  return {
    id: round.id,
    planId: round.planId,
    period: round.period,
    periodLabel: periodLabel(round.period),
    windowFrom: round.windowFrom,
    windowTo: round.windowTo,
    deadline: round.deadline,
    treeDate: round.treeDate,
    openedAt: isoTimestamp(round.openedAt),
    ...counts,
  };
}

export function presentIssue(i: EntryIssue) {
  return {
    severity: i.severity,
    code: i.code,
    element: i.element,
    option: i.option,
    period: i.period,
    message: i.message.vi,
    messageEn: i.message.en,
  };
}

/**
 * A decision belongs to the form only while it stands: resubmitting a returned form keeps the old
 * decidedAt/decidedBy columns (and clears the comment), and must not show the old return.
 */
function isDecided(state: string): boolean {
  return state === "approved" || state === "returned";
}

/**
 * `userNames` (user id → display name, from `submissionUserNames`) names who submitted and decided;
 * without it the names are null and the times still show.
 */
export function presentForm(view: FormPage, userNames: ReadonlyMap<number, string> = new Map()): Form {
  const s = view.submission;
  const state = s.state as SubmissionState;
  const nameOf = (id: number | null) => (id === null ? null : (userNames.get(id) ?? null));
  const decided = isDecided(state);
  return {
    round: presentRound(view.round, view.roundCounts),
    reporter: {
      key: s.reporterKey,
      kind: s.agencyId === null ? "unit" : "agency",
      name: view.reporterName,
      unitId: s.unitId,
      agencyId: s.agencyId,
    },
    state,
    editable: state === "pending" || state === "draft" || state === "returned",
    updatedAt: isoTimestamp(s.updatedAt),
    submittedAt: iso(s.submittedAt),
    submittedBy: s.submittedAt === null ? null : nameOf(s.submittedBy),
    decidedAt: decided ? iso(s.decidedAt) : null,
    decidedBy: decided ? nameOf(s.decidedBy) : null,
    decisionComment: s.decisionComment,
    indicators: view.indicators,
    goals: view.goals,
    rows: view.rows.map((r) => ({
      element: r.element.code,
      name: r.element.name,
      valueType: r.element.valueType as Form["rows"][number]["valueType"],
      period: r.period,
      periodLabel: r.periodLabel,
      previousPeriod: r.previousPeriod,
      indicatorIds: r.indicatorIds,
      cells: r.cells.map((c) => ({ ...c, option: c.option as "nu" | "nam" | "total" })),
    })),
    issues: view.issues.map(presentIssue),
    evidence: view.evidence.map((e) => ({
      id: e.id,
      name: e.name,
      mime: e.mime,
      size: e.size,
      uploadedAt: isoTimestamp(e.uploadedAt),
    })),
  };
}

/** `today`: Vietnam's day, for the time left on an open form. */
export function presentMyForm({ form: f, reminder }: MyFormWithReminder, today: string): MyFormItem {
  return {
    roundId: f.round_id,
    planId: f.plan_id,
    planTitle: f.plan_title,
    period: f.period,
    periodLabel: periodLabel(f.period),
    deadline: f.deadline,
    reporterKey: f.reporter_key,
    state: f.state as SubmissionState,
    submittedAt: iso(f.submitted_at),
    decidedAt: isDecided(f.state) ? iso(f.decided_at) : null,
    decisionComment: f.decision_comment,
    due: isOpenForm(f.state) ? dueStatus(f.deadline, today) : null,
    lastReminder: reminder ? presentReminder(reminder) : null,
  };
}

function completeness(rows: readonly ReporterStatus[]) {
  const expected = rows.length;
  const reported = rows.filter((r) => r.submission.state === "submitted" || r.submission.state === "approved").length;
  const onTime = rows.filter((r) => r.timeliness === "on_time").length;
  const pct = (n: number) => (expected === 0 ? 0 : Math.round((n / expected) * 1000) / 10);
  return {
    expected,
    reported,
    approved: rows.filter((r) => r.submission.state === "approved").length,
    returned: rows.filter((r) => r.submission.state === "returned").length,
    onTime,
    late: rows.filter((r) => r.timeliness === "late").length,
    overdue: rows.filter((r) => r.timeliness === "overdue").length,
    completeness: pct(reported),
    timeliness: pct(onTime),
  };
}

/** `lastReminders`: reporter key → its latest deadline reminder in the round. */
export function presentRoundStatus(
  status: { round: RoundRow; submissions: SubmissionRow[]; reporters: ReporterStatus[] },
  lastReminders: ReadonlyMap<string, ReminderView> = new Map(),
): RoundStatus {
  const agencies = status.reporters.filter((r) => r.submission.agencyId !== null);
  const units = status.reporters.filter((r) => r.submission.agencyId === null);
  return {
    round: presentRound(status.round, countRoundStates(status.submissions)),
    total: completeness(status.reporters),
    agencies: completeness(agencies),
    lowerUnits: completeness(units),
    reporters: status.reporters.map((r) => ({
      reporterKey: r.submission.reporterKey,
      kind: r.submission.agencyId === null ? "unit" : "agency",
      name: r.name,
      agencyId: r.submission.agencyId,
      unitId: r.submission.unitId,
      state: r.submission.state as SubmissionState,
      submittedAt: iso(r.submission.submittedAt),
      timeliness: r.timeliness,
      decidedAt: iso(r.submission.decidedAt),
      decisionComment: r.submission.decisionComment,
      cells: (r.submission.cells as unknown[]).length,
      lastReminder: reminderOf(lastReminders, r.submission.reporterKey),
    })),
  };
}

function reminderOf(map: ReadonlyMap<string, ReminderView>, key: string) {
  const r = map.get(key);
  return r ? presentReminder(r) : null;
}

export function presentSubmissionState(s: SubmissionRow) {
  return {
    reporterKey: s.reporterKey,
    state: s.state as SubmissionState,
    submittedAt: iso(s.submittedAt),
    decidedAt: iso(s.decidedAt),
    decisionComment: s.decisionComment,
    updatedAt: isoTimestamp(s.updatedAt),
  };
}

export function presentIndicators(v: UnitIndicators): IndicatorValues {
  const value = (x: UnitIndicators["items"][number]["result"]) => ({
    value: x.value,
    numerator: x.numerator,
    denominator: x.denominator,
    reason: x.reason ?? null,
  });
  return {
    unitId: v.unitId,
    planId: v.planId,
    period: v.period,
    tree: v.tree,
    partial: v.partial,
    components: v.components,
    items: v.items.map((i) => ({
      indicatorId: i.indicatorId,
      code: i.code,
      text: i.text,
      subject: i.subject,
      kind: i.kind,
      unit: i.unit,
      ...value(i.result),
      bySex: i.bySex ? { nu: value(i.bySex.nu), nam: value(i.bySex.nam) } : null,
      target: i.target,
    })),
  };
}

export function presentImportJob(job: ImportJobRow): ImportJob {
  return {
    id: job.id,
    status: job.status as ImportJob["status"],
    done: job.done,
    total: job.total,
    fileName: job.fileName,
    result: (job.result as ImportJob["result"]) ?? null,
  };
}
