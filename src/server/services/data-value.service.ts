import type { SaveFormInput } from "../../contract/data-value";
import type { AccessTarget } from "../../core/access";
import { AppError, type AppErrorDetail } from "../../core/errors";
import type { Formula } from "../../core/formula";
import { periodLabel, previousPeriod } from "../../core/periods";
import {
  type FormCell,
  OPTION_LABELS,
  parseReporterKey,
  type RoundCounts,
  type SubmissionState,
} from "../../core/reporting";
import {
  checkValue,
  type EntryCell,
  type EntryElement,
  type EntryIssue,
  validateEntry,
} from "../../core/reporting-validation";
import { parseUnitPath } from "../../core/units";
import type { Db, Executor } from "../db/client";
import { type AuditRecord, insertAudit, insertAudits } from "../db/repos/audit.repo";
import type { DataElementRow } from "../db/repos/data-element.repo";
import { deleteValues, findValuesAt, upsertValues, type ValueRow, type ValueWrite } from "../db/repos/data-value.repo";
import { listGoals, listIndicatorsByIds, type PlanRow } from "../db/repos/plan.repo";
import {
  countSubmissionsOfRound,
  findRound,
  findSubmissionById,
  findSubmissionInRound,
  listEvidence,
  type RoundRow,
  type SubmissionRow,
  updateSubmission,
} from "../db/repos/reporting.repo";
import { assertCan } from "./access.service";
import { type Actor, auditActor } from "./context";
import { elementMap, resolveFormulas, toElementInfo } from "./data-element.service";
import { indicatorCode } from "./plan-view.service";
import { isEditable, reporterNames, roundNotFound, STATE_VI, submissionNotFound } from "./reporting.service";

export interface FormView {
  round: RoundRow;
  plan: PlanRow;
  submission: SubmissionRow;
  reporterName: string;
  indicators: { id: number; code: string; text: string }[];
  goals: { goalId: number; number: number; title: string; narrative: string }[];
  rows: FormRowView[];
  issues: EntryIssue[];
  evidence: Awaited<ReturnType<typeof listEvidence>>;
}

/** A form as the API shows it: with the states of every submission of its round, for the round's counts. */
export interface FormPage extends FormView {
  roundCounts: RoundCounts;
}

async function withRoundCounts(db: Executor, form: FormView): Promise<FormPage> {
  return { ...form, roundCounts: await countSubmissionsOfRound(db, form.round.id) };
}

export interface FormRowView {
  element: DataElementRow;
  period: string;
  periodLabel: string;
  previousPeriod: string;
  indicatorIds: number[];
  cells: {
    option: string;
    label: string;
    value: number | null;
    previous: number | null;
    comment: string | null;
    lockedBy: string | null;
  }[];
}

const key = (code: string, option: string, period: string) => `${code}|${option}|${period}`;

/** The submission, its round and plan (one query), and the access target of its figures. */
async function loadSubmission(db: Executor, roundId: number, reporterKey: string, forUpdate: boolean) {
  if (!parseReporterKey(reporterKey)) throw submissionNotFound();
  const found = await findSubmissionInRound(db, roundId, reporterKey, forUpdate);
  if (!found) throw (await findRound(db, roundId)) ? submissionNotFound() : roundNotFound();
  const { round, plan, submission, unitPath, reporterName } = found;
  const target: AccessTarget = { unitPath: parseUnitPath(unitPath), agencyId: submission.agencyId };
  return { round, plan, submission, target, reporterName };
}

export async function getForm(db: Db, actor: Actor, roundId: number, reporterKey: string): Promise<FormPage> {
  const { round, plan, submission, target, reporterName } = await loadSubmission(db, roundId, reporterKey, false);
  assertCan(actor, "data.read", target);
  return withRoundCounts(db, await buildForm(db, round, plan, submission, { reporterName }));
}

/** Everything a reporter's form shows: its cells × options, previous values, narrative, state and issues. */
export async function buildForm(
  db: Executor,
  round: RoundRow,
  plan: PlanRow,
  submission: SubmissionRow,
  /** What the caller has already read in this transaction. */
  known: { elements?: ReadonlyMap<string, DataElementRow>; reporterName?: string } = {},
): Promise<FormView> {
  const cells = submission.cells as FormCell[];
  const elements = known.elements ?? (await elementMap(db));
  const used = [...new Set(cells.map((c) => c.element))].map((c) => elements.get(c)).filter((e) => e !== undefined);
  const ids = used.map((e) => e.id);
  const periods = [...new Set(cells.map((c) => c.period))];
  const previousPeriods = periods.map(previousPeriod);
  // The form's periods and the ones before them, in one read.
  const values = await findValuesAt(db, submission.unitId, [...new Set([...periods, ...previousPeriods])], ids);
  const own = new Set(periods);
  const current = values.filter((v) => own.has(v.period));
  const currentByKey = new Map(current.map((v) => [key(v.code, v.option, v.period), v]));
  const previousByKey = new Map(values.map((v) => [key(v.code, v.option, v.period), Number(v.value)]));
  const lockers = await lockerPeriods(db, submission.id, current);

  const rowsByKey = new Map<string, FormRowView>();
  for (const cell of cells) {
    const element = elements.get(cell.element);
    if (!element) continue;
    const rowKey = `${cell.element}|${cell.period}`;
    const existing = rowsByKey.get(rowKey);
    if (existing) {
      if (!existing.indicatorIds.includes(cell.indicatorId)) existing.indicatorIds.push(cell.indicatorId);
      continue;
    }
    const prevPeriod = previousPeriod(cell.period);
    rowsByKey.set(rowKey, {
      element,
      period: cell.period,
      periodLabel: periodLabel(cell.period),
      previousPeriod: prevPeriod,
      indicatorIds: [cell.indicatorId],
      cells: element.options.map((option) => {
        const v = currentByKey.get(key(element.code, option, cell.period));
        return {
          option,
          label: OPTION_LABELS[option]?.vi ?? option,
          value: v ? Number(v.value) : null,
          previous: previousByKey.get(key(element.code, option, prevPeriod)) ?? null,
          comment: v?.comment ?? null,
          lockedBy: v && v.submission_id !== submission.id ? (lockers.get(v.submission_id) ?? "?") : null,
        };
      }),
    });
  }
  const rows = [...rowsByKey.values()];
  const indicatorIds = [...new Set(cells.map((c) => c.indicatorId))];
  const [indicatorRows, goals, formulas, reporterName] = await Promise.all([
    listIndicatorsByIds(db, indicatorIds),
    listGoals(db, plan.id),
    resolveFormulas(db, indicatorIds),
    known.reporterName ??
      reporterNames(db, [submission]).then((names) => names.get(submission.reporterKey) ?? submission.reporterKey),
  ]);
  const issues = validateEntry(
    entryCells(rows),
    entryElements(used),
    [...formulas.values()].flat().map((f) => f.formula as Formula),
  );
  const narrative = submission.narrative ?? {};
  return {
    round,
    plan,
    submission,
    reporterName,
    indicators: indicatorRows
      .map((i) => ({ id: i.id, code: indicatorCode(goals, i), text: i.text }))
      .sort((a, b) => a.code.localeCompare(b.code, "en", { numeric: true })),
    goals: goals
      .filter((g) => submission.goalIds.includes(g.id))
      .map((g) => ({ goalId: g.id, number: g.number, title: g.title, narrative: narrative[String(g.id)] ?? "" })),
    rows,
    issues,
    evidence: await listEvidence(db, [submission.id]),
  };
}

async function lockerPeriods(db: Executor, ownId: number, values: readonly ValueRow[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  for (const id of new Set(values.map((v) => v.submission_id))) {
    if (id === ownId) continue;
    const other = await findSubmissionById(db, id);
    const round = other && (await findRound(db, other.roundId));
    out.set(id, round?.period ?? "?");
  }
  return out;
}

function entryCells(rows: readonly FormRowView[]): EntryCell[] {
  return rows.flatMap((r) =>
    r.cells.map((c) => ({
      element: r.element.code,
      option: c.option,
      period: r.period,
      value: c.value,
      previous: c.previous,
      comment: c.comment,
    })),
  );
}

function entryElements(rows: readonly DataElementRow[]): Map<string, EntryElement> {
  return new Map(rows.map((r) => [r.code, toElementInfo(r)]));
}

export interface SaveOptions {
  /** Where the values came from, for the audit ("form", "excel", "dataValueSets"). */
  via: string;
  /** Collects the audit record instead of inserting it: the caller inserts it with its own, in one statement. */
  auditInto?: AuditRecord[];
}

/**
 * Saves figures and narrative of a form (draft). Values must be numbers of the
 * right kind (a negative or fractional count is refused on the spot); cross-field
 * checks (part ≤ whole, jumps) come back as issues and block only submitting.
 */
export async function saveForm(
  db: Db,
  actor: Actor,
  roundId: number,
  reporterKey: string,
  input: SaveFormInput,
  options: SaveOptions = { via: "form" },
): Promise<FormPage> {
  return db.transaction(async (tx) => {
    const { round, plan, submission, target, reporterName } = await loadSubmission(tx, roundId, reporterKey, true);
    assertCan(actor, "data.enter", target);
    const elements = await elementMap(tx);
    const saved = await writeValues(tx, actor, submission, input, options, elements);
    return withRoundCounts(tx, await buildForm(tx, round, plan, saved, { elements, reporterName }));
  });
}

/**
 * Saves (if values are given) and submits for approval, in one transaction that
 * builds the form once. Any empty cell, error or uncommented jump refuses the
 * submission, but the values are still saved as a draft (committed before the
 * refusal is thrown), so a refused submission keeps what the reporter typed.
 */
export async function submitForm(
  db: Db,
  actor: Actor,
  roundId: number,
  reporterKey: string,
  input: SaveFormInput,
): Promise<FormPage> {
  const outcome = await db.transaction(async (tx) => {
    const {
      round,
      plan,
      submission: before,
      target,
      reporterName,
    } = await loadSubmission(tx, roundId, reporterKey, true);
    assertCan(actor, "data.enter", target);
    if (!isEditable(before.state)) throw notEditable(before.state as SubmissionState);
    const elements = await elementMap(tx);
    const audits: AuditRecord[] = [];
    const saved = await writeValues(tx, actor, before, input, { via: "form", auditInto: audits }, elements);
    const form = await buildForm(tx, round, plan, saved, { elements, reporterName });
    const refusal = submissionRefusal(form);
    if (refusal) {
      await insertAudits(tx, audits); // the draft is kept, and so is its record
      return { refusal };
    }
    const after = await updateSubmission(tx, saved.id, {
      state: "submitted",
      submittedAt: new Date().toISOString(),
      submittedBy: actor.principal.id || null,
      decisionComment: null,
    });
    await insertAudits(tx, [
      ...audits,
      {
        ...auditActor(actor),
        action: "submit",
        objectType: "submission",
        objectId: `${roundId}:${reporterKey}`,
        old: { state: saved.state },
        new: { state: "submitted" },
      },
    ]);
    return { form: await withRoundCounts(tx, { ...form, submission: after }) };
  });
  if ("refusal" in outcome) throw outcome.refusal;
  return outcome.form;
}

/** Why a form cannot be submitted yet (empty cells, errors, uncommented jumps), or null. */
function submissionRefusal(form: FormView): AppError | null {
  const details: AppErrorDetail[] = [];
  for (const row of form.rows) {
    for (const c of row.cells) {
      if (c.value !== null) continue;
      details.push({
        path: `${row.element.code}.${c.option}.${row.period}`,
        message: {
          vi: `Chưa nhập “${row.element.name}${row.cells.length > 1 ? ` (${c.label})` : ""}” – ${row.periodLabel} (nhập 0 nếu không có).`,
          en: `${row.element.code}.${c.option} for ${row.period} is empty (enter 0 if none).`,
        },
      });
    }
  }
  for (const issue of form.issues) {
    details.push({ path: `${issue.element}.${issue.option}.${issue.period}`, message: issue.message });
  }
  if (details.length === 0) return null;
  return new AppError("VALIDATION", {
    userMessage: {
      vi: `Báo cáo chưa gửi được: còn ${details.length} lỗi cần sửa.`,
      en: `The report cannot be submitted: ${details.length} problem(s) to fix.`,
    },
    details,
  });
}

export function notEditable(state: SubmissionState): AppError {
  return new AppError("INVALID_STATE", {
    userMessage: {
      vi:
        state === "approved"
          ? "Báo cáo đã được duyệt nên số liệu đã khóa; cần cấp trên mở lại để sửa."
          : `Báo cáo ${STATE_VI[state]}, không sửa được số liệu.`,
      en: state === "approved" ? "The report is approved and locked." : `The report is ${state}; values cannot change.`,
    },
  });
}

/** Validates and writes values in the caller's transaction; nothing is written when any value is refused. */
export async function writeValues(
  tx: Executor,
  actor: Actor,
  submission: SubmissionRow,
  input: SaveFormInput,
  options: SaveOptions,
  knownElements?: ReadonlyMap<string, DataElementRow>,
): Promise<SubmissionRow> {
  const hasChanges = input.values.length > 0 || input.narrative !== undefined;
  if (!hasChanges) return submission;
  if (!isEditable(submission.state)) throw notEditable(submission.state as SubmissionState);
  if (
    input.expectedUpdatedAt &&
    new Date(input.expectedUpdatedAt).getTime() !== new Date(submission.updatedAt).getTime()
  ) {
    throw new AppError("CONFLICT", {
      userMessage: {
        vi: "Báo cáo vừa được người khác sửa. Hãy tải lại để xem thay đổi trước khi nhập tiếp.",
        en: "Someone else changed this report. Reload first.",
      },
    });
  }
  const cells = submission.cells as FormCell[];
  const allowed = new Set(cells.map((c) => `${c.element}|${c.period}`));
  const elements = knownElements ?? (await elementMap(tx));
  const details: AppErrorDetail[] = [];
  const touched = input.values.map((v) => elements.get(v.element)).filter((e) => e !== undefined);
  const existing = await findValuesAt(
    tx,
    submission.unitId,
    [...new Set(input.values.map((v) => v.period))],
    [...new Set(touched.map((e) => e.id))],
  );
  const existingByKey = new Map(existing.map((v) => [key(v.code, v.option, v.period), v]));
  for (const [index, v] of input.values.entries()) {
    const element = elements.get(v.element);
    const path = `values.${index}`;
    if (!element || !allowed.has(`${v.element}|${v.period}`) || !element.options.includes(v.option)) {
      details.push({
        path,
        message: {
          vi: `Chỉ tiêu “${v.element}.${v.option}” kỳ ${v.period} không có trong biểu mẫu này.`,
          en: `${v.element}.${v.option} for ${v.period} is not on this form.`,
        },
      });
      continue;
    }
    const other = existingByKey.get(key(v.element, v.option, v.period));
    if (other && other.submission_id !== submission.id) {
      details.push({
        path,
        message: {
          vi: `“${element.name}” kỳ ${v.period} đã được báo cáo trong một kỳ báo cáo khác; không ghi đè.`,
          en: `${v.element}.${v.option} for ${v.period} was reported in another round; not overwritten.`,
        },
      });
      continue;
    }
    if (v.value === null) continue;
    const bad = checkValue(toElementInfo(element), v.option, v.value);
    if (bad) details.push({ path, message: bad.message });
  }
  if (details.length > 0) {
    throw new AppError("VALIDATION", {
      userMessage: { vi: "Có số liệu không hợp lệ; chưa lưu gì.", en: "Some values are not valid; nothing was saved." },
      details,
    });
  }
  // One delete and one multi-row upsert per save (deadline day: a statement per form, not per value).
  // A key sent twice keeps its last value, as it would have written in order.
  const latest = new Map(input.values.map((v) => [key(v.element, v.option, v.period), v]));
  const changes: { key: string; old: string | null; new: string | null }[] = [];
  const removed: number[] = [];
  const writes: ValueWrite[] = [];
  for (const [k, v] of latest) {
    const element = elements.get(v.element) as DataElementRow;
    const before = existingByKey.get(k);
    if (v.value === null) {
      if (before) {
        removed.push(before.id);
        changes.push({ key: k, old: before.value, new: null });
      }
      continue;
    }
    const text = String(v.value);
    const comment = v.comment ?? before?.comment ?? null;
    if (before && Number(before.value) === v.value && (before.comment ?? null) === comment) continue;
    writes.push({
      submissionId: submission.id,
      unitId: submission.unitId,
      period: v.period,
      dataElementId: element.id,
      option: v.option,
      value: text,
      comment,
      updatedBy: actor.principal.id || null,
    });
    changes.push({ key: k, old: before?.value ?? null, new: text });
  }
  await deleteValues(tx, removed);
  const owned = new Set(
    (await upsertValues(tx, submission.id, writes)).map((w) => `${w.dataElementId}|${w.option}|${w.period}`),
  );
  const lost = writes.find((w) => !owned.has(`${w.dataElementId}|${w.option}|${w.period}`));
  if (lost) {
    const element = [...elements.values()].find((e) => e.id === lost.dataElementId);
    throw new AppError("CONFLICT", {
      userMessage: {
        vi: `“${element?.name ?? lost.dataElementId}” kỳ ${lost.period} vừa được báo cáo ở nơi khác; hãy tải lại biểu mẫu.`,
        en: `${element?.code ?? lost.dataElementId}.${lost.option} for ${lost.period} was just reported elsewhere; reload the form.`,
      },
    });
  }
  const narrative = { ...(submission.narrative ?? {}) };
  for (const [goalId, text] of Object.entries(input.narrative ?? {})) {
    if (submission.goalIds.includes(Number(goalId))) narrative[goalId] = text;
  }
  const after = await updateSubmission(tx, submission.id, {
    state: submission.state === "pending" ? "draft" : submission.state,
    narrative,
  });
  const record: AuditRecord = {
    ...auditActor(actor),
    action: `save-values:${options.via}`,
    objectType: "submission",
    objectId: `${submission.roundId}:${submission.reporterKey}`,
    old: { state: submission.state, narrative: submission.narrative },
    new: { state: after.state, changes, narrative: input.narrative ? narrative : undefined },
  };
  if (options.auditInto) options.auditInto.push(record);
  else await insertAudit(tx, record);
  return after;
}
