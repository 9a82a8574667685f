import type { PlanSections } from "../../contract/plan";
import type { DecisionInput, OpenRoundInput } from "../../contract/reporting";
import type { AccessTarget } from "../../core/access";
import { AppError } from "../../core/errors";
import type { Formula } from "../../core/formula";
import { dataWindow, daysInMonth, deadlineFor, type Period, parsePeriod } from "../../core/periods";
import {
  EDITABLE_STATES,
  type ElementInfo,
  expectedReporters,
  type RoundCounts,
  type SubmissionState,
  type Timeliness,
  timelinessOf,
} from "../../core/reporting";
import { parseUnitPath } from "../../core/units";
import type { Db, Executor } from "../db/client";
import { findAgency } from "../db/repos/agency.repo";
import { insertAudit } from "../db/repos/audit.repo";
import { applyRollup, listValuesOfSubmission } from "../db/repos/data-value.repo";
import { listIndicators, listResponsibilities, type PlanRow } from "../db/repos/plan.repo";
import {
  countSubmissionsOfRound,
  findRound,
  findRoundByPeriod,
  findSubmissionForUpdate,
  findUnitValidFrom,
  insertRound,
  insertSubmissions,
  listFormsOf,
  listLowerUnitIds,
  listRoundsOfPlan,
  listSubmissionsOfRound,
  type MyFormRow,
  type RoundRow,
  reporterNamesOf,
  type SubmissionRow,
  updateSubmission,
} from "../db/repos/reporting.repo";
import { findUnitPath } from "../db/repos/unit.repo";
import { userNamesOf } from "../db/repos/user.repo";
import { assertCan } from "./access.service";
import { registerAuditResolver } from "./audit.service";
import { refreshConditions } from "./condition-rollup.service";
import { type Actor, auditActor } from "./context";
import { elementMap, resolveFormulas, toElementInfo } from "./data-element.service";
import { planTarget, requirePlan } from "./plan-view.service";

registerAuditResolver("submission", async (db, id) => {
  const [roundId, key] = id.split(":");
  const round = await findRound(db, Number(roundId));
  if (!round || !key) return null;
  const submission = (await listSubmissionsOfRound(db, round.id)).find((s) => s.reporterKey === key);
  return submission ? submissionTarget(db, submission) : null;
});

registerAuditResolver("round", async (db, id) => {
  const round = await findRound(db, Number(id));
  return round ? planTarget(db, await requirePlan(db, round.planId)) : null;
});

export function roundNotFound(): AppError {
  return new AppError("NOT_FOUND", {
    userMessage: { vi: "Không tìm thấy kỳ báo cáo.", en: "Reporting round not found." },
  });
}

export function submissionNotFound(): AppError {
  return new AppError("NOT_FOUND", {
    userMessage: {
      vi: "Đơn vị hoặc cơ quan này không phải báo cáo trong kỳ này.",
      en: "This reporter is not expected in this round.",
    },
  });
}

export async function requireRound(db: Executor, id: number): Promise<{ round: RoundRow; plan: PlanRow }> {
  const round = await findRound(db, id);
  if (!round) throw roundNotFound();
  return { round, plan: await requirePlan(db, round.planId) };
}

/** The scope of one reporter's figures: its unit, and its agency when an agency reports. */
export async function submissionTarget(
  db: Executor,
  s: Pick<SubmissionRow, "unitId" | "agencyId">,
): Promise<AccessTarget> {
  const path = await findUnitPath(db, s.unitId);
  return { unitPath: path ? parseUnitPath(path) : [], agencyId: s.agencyId };
}

/** Approving is for the level above: a planner of the plan's unit (not of the reporting unit). */
async function approverTarget(db: Executor, plan: PlanRow): Promise<AccessTarget> {
  const path = await findUnitPath(db, plan.unitId);
  return { unitPath: path ? parseUnitPath(path) : [], agencyId: null };
}

/** The deadline of a period under the plan's reporting regime (chế độ báo cáo). */
export function roundDeadline(sections: PlanSections, period: Period, periodId: string): string | null {
  const kind = period.kind === "calendar" ? "annual" : period.kind;
  const rule = (sections.reporting ?? []).find((r) => r.kind === kind);
  if (!rule) return null;
  let due = rule.due;
  if (period.kind === "quarterly") {
    // The regime gives the first quarter's date; later quarters fall three months on.
    const [m, d] = rule.due.split("-").map(Number) as [number, number];
    const month = ((m - 1 + 3 * (period.index - 1)) % 12) + 1;
    due = `${String(month).padStart(2, "0")}-${String(Math.min(d, daysInMonth(2001, month))).padStart(2, "0")}`;
  }
  return deadlineFor(periodId, due);
}

export async function openRound(db: Db, actor: Actor, planId: number, input: OpenRoundInput): Promise<RoundRow> {
  return db.transaction(async (tx) => {
    const plan = await requirePlan(tx, planId);
    assertCan(actor, "plan.write", await planTarget(tx, plan));
    if (plan.status !== "issued") {
      throw new AppError("INVALID_STATE", {
        userMessage: {
          vi: "Chỉ mở kỳ báo cáo cho kế hoạch đã ban hành.",
          en: "Reporting rounds open only for issued plans.",
        },
      });
    }
    const period = parsePeriod(input.period);
    if (!period || period.year < plan.periodFrom || period.year > plan.periodTo) {
      throw new AppError("VALIDATION", {
        userMessage: {
          vi: `Kỳ ${input.period} nằm ngoài thời gian của kế hoạch (${plan.periodFrom}–${plan.periodTo}).`,
          en: `Period ${input.period} is outside the plan's years.`,
        },
      });
    }
    const deadline = roundDeadline(plan.sections as PlanSections, period, input.period);
    if (!deadline) {
      throw new AppError("VALIDATION", {
        userMessage: {
          vi: "Kế hoạch chưa quy định thời hạn cho loại báo cáo này (mục Chế độ báo cáo).",
          en: "The plan's reporting regime has no deadline for this kind of report.",
        },
      });
    }
    if (await findRoundByPeriod(tx, planId, input.period)) {
      throw new AppError("CONFLICT", {
        userMessage: { vi: `Kỳ báo cáo ${input.period} đã được mở.`, en: `Round ${input.period} is already open.` },
      });
    }
    const window = dataWindow(period);
    const treeDate = await roundTreeDate(tx, plan.unitId, window.to);
    const round = await insertRound(tx, {
      planId,
      period: input.period,
      windowFrom: window.from,
      windowTo: window.to,
      deadline,
      treeDate,
      openedBy: actor.principal.id || null,
    });
    const reporters = await planReporters(tx, plan, input.period, treeDate);
    await insertSubmissions(
      tx,
      reporters.map((r) => ({
        roundId: round.id,
        reporterKey: r.key,
        agencyId: r.agencyId,
        unitId: r.unitId,
        cells: r.cells,
        goalIds: r.goalIds,
        state: "pending",
      })),
    );
    await insertAudit(tx, {
      ...auditActor(actor),
      action: "open-round",
      objectType: "plan",
      objectId: planId,
      old: null,
      new: { round, reporters: reporters.map((r) => r.key) },
    });
    return round;
  });
}

/**
 * The day the lower units are read: the window's last day, or — for a unit created by
 * the 2025 reform reporting a period before it existed — its first day, so the new
 * communes back-fill the baseline on the tree they will be compared on. History
 * reported on the old tree stays there and reaches the new tree through the crosswalk.
 */
async function roundTreeDate(tx: Executor, unitId: number, windowEnd: string): Promise<string> {
  const validFrom = await findUnitValidFrom(tx, unitId);
  return validFrom !== null && validFrom > windowEnd ? validFrom : windowEnd;
}

/** Expected reporters from the plan (core decides; see core/reporting.ts for the rules). */
async function planReporters(tx: Executor, plan: PlanRow, period: string, windowEnd: string) {
  const indicators = await listIndicators(tx, plan.id);
  const responsibilities = await listResponsibilities(tx, plan.id);
  const formulas = await resolveFormulas(
    tx,
    indicators.map((i) => i.id),
  );
  const elements = new Map<string, ElementInfo>();
  for (const [code, row] of await elementMap(tx)) elements.set(code, toElementInfo(row));
  const agencyUnits = new Map<number, number>();
  for (const agencyId of new Set(responsibilities.map((r) => r.agencyId))) {
    const agency = await findAgency(tx, agencyId);
    if (agency) agencyUnits.set(agencyId, agency.unitId);
  }
  const lowerUnitIds = await listLowerUnitIds(tx, plan.unitId, windowEnd);
  return expectedReporters({
    period,
    planUnitId: plan.unitId,
    lowerUnitIds,
    agencyUnits,
    elements,
    indicators: indicators.map((i) => ({
      id: i.id,
      goalId: i.goalId,
      dropped: i.dropped,
      formulas: (formulas.get(i.id) ?? []).map((f) => f.formula as Formula),
      responsibilities: responsibilities.filter((r) => r.indicatorId === i.id),
    })),
  });
}

/** A round's expected / submitted / approved counts (one row from the database). */
export async function roundCounts(db: Executor, roundId: number): Promise<RoundCounts> {
  return countSubmissionsOfRound(db, roundId);
}

export async function listRounds(db: Db, actor: Actor, planId: number) {
  const plan = await requirePlan(db, planId);
  assertCan(actor, "plan.read", await planTarget(db, plan));
  const rounds = await listRoundsOfPlan(db, planId);
  return Promise.all(rounds.map(async (round) => ({ round, submissions: await listSubmissionsOfRound(db, round.id) })));
}

export interface ReporterStatus {
  submission: SubmissionRow;
  name: string;
  timeliness: Timeliness;
}

/** Who has reported, on time or late, per agency and per lower unit. */
export async function getRoundStatus(db: Db, actor: Actor, roundId: number, today: string) {
  const { round, plan } = await requireRound(db, roundId);
  assertCan(actor, "data.read", await approverTarget(db, plan));
  const submissions = await listSubmissionsOfRound(db, round.id);
  const names = await reporterNames(db, submissions);
  const reporters: ReporterStatus[] = submissions.map((s) => ({
    submission: s,
    name: names.get(s.reporterKey) ?? s.reporterKey,
    timeliness: timelinessOf(s.submittedAt ? vietnamDay(s.submittedAt) : null, round.deadline, today),
  }));
  return { round, submissions, reporters };
}

export async function reporterNames(db: Executor, submissions: readonly SubmissionRow[]): Promise<Map<string, string>> {
  const agencyIds = submissions.map((s) => s.agencyId).filter((id): id is number => id !== null);
  const unitIds = submissions.filter((s) => s.agencyId === null).map((s) => s.unitId);
  return reporterNamesOf(db, agencyIds, unitIds);
}

/**
 * Display names of the users who submitted and decided these submissions, in one query.
 * Kept out of the form's build (run on every save) so only the reads that show the names pay for it;
 * names the caller already knows (the signed-in user's own) cost nothing, so a first
 * submission's answer needs no query at all.
 */
export async function submissionUserNames(
  db: Executor,
  submissions: readonly Pick<SubmissionRow, "submittedBy" | "decidedBy">[],
  known: ReadonlyMap<number, string> = new Map(),
): Promise<Map<number, string>> {
  const ids = submissions
    .flatMap((s) => [s.submittedBy, s.decidedBy])
    .filter((id): id is number => id !== null && !known.has(id));
  return new Map([...known, ...(await userNamesOf(db, ids))]);
}

/** The calendar day of a timestamp in Asia/Ho_Chi_Minh (UTC+7, no daylight saving). */
export function vietnamDay(timestamp: string): string {
  return new Date(new Date(timestamp).getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

type Decision = "approve" | "return" | "reopen";

const FROM_STATE: Record<Decision, SubmissionState> = { approve: "submitted", return: "submitted", reopen: "approved" };

/**
 * Approve, return or reopen one submission. Approval adds the values to the
 * rollups of every ancestor in the same transaction (no batch job, no stale read);
 * reopening subtracts them; either re-evaluates the reporter's "% of units"
 * conditions and moves their rollups by the difference. Every decision is audited with its comment.
 */
export async function decideSubmission(
  db: Db,
  actor: Actor,
  roundId: number,
  reporterKey: string,
  decision: Decision,
  input: DecisionInput,
): Promise<SubmissionRow> {
  return db.transaction(async (tx) => {
    const { plan } = await requireRound(tx, roundId);
    const before = await findSubmissionForUpdate(tx, roundId, reporterKey);
    if (!before) throw submissionNotFound();
    assertCan(actor, "data.approve", await approverTarget(tx, plan));
    if (decision === "reopen" && actor.principal.role !== "planner" && actor.principal.role !== "admin") {
      throw new AppError("FORBIDDEN");
    }
    if (before.state !== FROM_STATE[decision]) throw wrongState(decision, before.state as SubmissionState);
    const comment = input.comment?.trim() || null;
    if (decision !== "approve" && !comment) {
      throw new AppError("VALIDATION", {
        userMessage: {
          vi: decision === "return" ? "Hãy ghi lý do trả lại báo cáo." : "Hãy ghi lý do mở lại báo cáo đã duyệt.",
          en: "A comment is required.",
        },
      });
    }
    if (decision === "approve") await applyRollup(tx, before.id, 1);
    if (decision === "reopen") await applyRollup(tx, before.id, -1);
    const after = await updateSubmission(tx, before.id, {
      state: decision === "approve" ? "approved" : "returned",
      decidedAt: new Date().toISOString(),
      decidedBy: actor.principal.id || null,
      decisionComment: comment,
    });
    if (decision !== "return") {
      // The reporter's "% of units" conditions, re-evaluated now its values are (no longer) approved.
      const touched = (await listValuesOfSubmission(tx, before.id)).map((v) => ({ code: v.code, period: v.period }));
      await refreshConditions(tx, { agencyId: before.agencyId, unitId: before.unitId }, touched);
    }
    await insertAudit(tx, {
      ...auditActor(actor),
      action: decision,
      objectType: "submission",
      objectId: `${roundId}:${reporterKey}`,
      old: { state: before.state },
      new: { state: after.state, comment },
    });
    return after;
  });
}

function wrongState(decision: Decision, state: SubmissionState): AppError {
  const vi: Record<Decision, string> = {
    approve: "Chỉ duyệt được báo cáo đã gửi.",
    return: "Chỉ trả lại được báo cáo đã gửi (báo cáo đã duyệt thì dùng “Mở lại”).",
    reopen: "Chỉ mở lại được báo cáo đã duyệt.",
  };
  return new AppError("INVALID_STATE", {
    userMessage: {
      vi: `${vi[decision]} Trạng thái hiện tại: ${STATE_VI[state]}.`,
      en: `Cannot ${decision} a ${state} submission.`,
    },
  });
}

export const STATE_VI: Record<SubmissionState, string> = {
  pending: "chưa nhập",
  draft: "đang nhập",
  submitted: "đã gửi, chờ duyệt",
  approved: "đã duyệt",
  returned: "bị trả lại",
};

export function isEditable(state: string): boolean {
  return EDITABLE_STATES.has(state as SubmissionState);
}

/** Checks before an upload is even read: the round is the actor's to see. */
export async function assertRoundReadable(db: Executor, actor: Actor, roundId: number): Promise<void> {
  const { plan } = await requireRound(db, roundId);
  assertCan(actor, "data.read", await approverTarget(db, plan));
}

/** Checks before an upload is even read: the actor may enter this reporter's figures. */
export async function assertCanEnter(db: Executor, actor: Actor, roundId: number, reporterKey: string): Promise<void> {
  await requireRound(db, roundId);
  const s = (await listSubmissionsOfRound(db, roundId)).find((x) => x.reporterKey === reporterKey);
  if (!s) throw submissionNotFound();
  assertCan(actor, "data.enter", await submissionTarget(db, s));
}

/** The forms the signed-in reporter (or a unit's planner, for the unit's own figures) has to fill. */
export async function listMyForms(db: Db, actor: Actor): Promise<MyFormRow[]> {
  const { agencyId, unitPath } = actor.principal;
  const unitId = unitPath[unitPath.length - 1];
  if (agencyId !== null) return listFormsOf(db, { agencyId });
  if (unitId === undefined) return [];
  return listFormsOf(db, { unitId });
}
