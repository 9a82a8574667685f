import type {
  AddIndicatorInput,
  IssuePlanInput,
  PlanSections,
  Responsibility,
  TargetInput,
  UpdateIndicatorInput,
  UpdatePlanInput,
} from "../../contract/plan";
import { AppError } from "../../core/errors";
import { blocksIssuing, checkPlan, type PlanCheckResult } from "../../core/plan-checks";
import { diffPlans, type PlanChange } from "../../core/plan-diff";
import type { Db, Executor } from "../db/client";
import { insertAudit } from "../db/repos/audit.repo";
import { listStrategies } from "../db/repos/catalogue.repo";
import {
  deleteIndicator,
  deletePlan,
  findPlanForUpdate,
  insertGoal,
  insertIndicator,
  listGoals,
  listIndicators,
  listIssuedPlansOfUnits,
  listPlansOfUnit,
  listResponsibilities,
  listVersionChain,
  type PlanRow,
  replaceResponsibilities,
  replaceTargets,
  updateGoal,
  updateIndicator,
  updatePlan,
} from "../db/repos/plan.repo";
import { findUnitsByIds } from "../db/repos/unit.repo";
import { assertCan, unitTarget } from "./access.service";
import { registerAuditResolver } from "./audit.service";
import { type Actor, auditActor } from "./context";
import { copyAsNewVersion } from "./plan-cascade.service";
import {
  loadPlanAggregate,
  type PlanAggregate,
  planNotFound,
  planTarget,
  requirePlan,
  toCheckInput,
  toDiffSnapshot,
} from "./plan-view.service";
import { todayIso } from "./unit.service";

registerAuditResolver("plan", async (db, id) => {
  const plan = await requirePlan(db, Number(id));
  return planTarget(db, plan);
});

/** Names of the issuing units of some plans, for lists. */
export async function unitNamesOf(db: Executor, plans: readonly PlanRow[]): Promise<Map<number, string>> {
  const units = await findUnitsByIds(db, [...new Set(plans.map((p) => p.unitId))], todayIso());
  return new Map(units.map((u) => [u.id, u.full_name]));
}

export async function listPlans(db: Db, actor: Actor, unitId: number): Promise<PlanRow[]> {
  assertCan(actor, "plan.read", await unitTarget(db, unitId));
  return listPlansOfUnit(db, unitId);
}

/** What a unit's plan can be created from: the national strategies and the issued plans of the units above. */
export async function listPlanSources(db: Db, actor: Actor, unitId: number) {
  const target = await unitTarget(db, unitId);
  assertCan(actor, "plan.write", target);
  const above = target.unitPath.slice(0, -1);
  const plans = (await listIssuedPlansOfUnits(db, above)).filter((p) => {
    return target.unitPath.includes(p.unitId);
  });
  return { strategies: await listStrategies(db), plans };
}

export async function getPlan(db: Db, actor: Actor, id: number): Promise<PlanAggregate> {
  const plan = await requirePlan(db, id);
  assertCan(actor, "plan.read", await planTarget(db, plan));
  return loadPlanAggregate(db, plan);
}

export async function getPlanChecks(db: Db, actor: Actor, id: number): Promise<PlanCheckResult[]> {
  return checkPlan(toCheckInput(await getPlan(db, actor, id)));
}

export async function listPlanVersions(db: Db, actor: Actor, id: number): Promise<PlanRow[]> {
  const plan = await requirePlan(db, id);
  assertCan(actor, "plan.read", await planTarget(db, plan));
  return listVersionChain(db, id);
}

export async function diffPlanVersions(
  db: Db,
  actor: Actor,
  id: number,
  against?: number,
): Promise<{ fromId: number; toId: number; changes: PlanChange[] }> {
  const after = await getPlan(db, actor, id);
  const otherId = against ?? after.plan.previousVersionId;
  if (otherId === null || otherId === undefined) return { fromId: id, toId: id, changes: [] };
  const before = await getPlan(db, actor, otherId);
  return { fromId: otherId, toId: id, changes: diffPlans(toDiffSnapshot(before), toDiffSnapshot(after)) };
}

// --- editing a draft ---------------------------------------------------------

interface EditResult {
  old: unknown;
  new: unknown;
  patch?: Partial<PlanRow>;
}

/**
 * Every change to a plan goes through here: the row is locked, access and the
 * optimistic lock are checked, an issued plan is refused, and the change is
 * audited in the same transaction.
 */
async function editDraft(
  db: Db,
  actor: Actor,
  id: number,
  options: { action: string; expectedUpdatedAt?: string | undefined },
  change: (tx: Executor, plan: PlanRow) => Promise<EditResult>,
): Promise<PlanAggregate> {
  const plan = await db.transaction(async (tx) => {
    const before = await findPlanForUpdate(tx, id);
    if (!before) throw planNotFound();
    assertCan(actor, "plan.write", await planTarget(tx, before));
    if (before.status !== "draft") throw frozen();
    if (options.expectedUpdatedAt && !sameInstant(options.expectedUpdatedAt, before.updatedAt)) throw staleEdit();
    const result = await change(tx, before);
    const after = await updatePlan(tx, id, result.patch ?? {});
    await insertAudit(tx, {
      ...auditActor(actor),
      action: options.action,
      objectType: "plan",
      objectId: id,
      old: result.old,
      new: result.new,
    });
    return after;
  });
  return loadPlanAggregate(db, plan);
}

export function updatePlanHeader(db: Db, actor: Actor, id: number, input: UpdatePlanInput) {
  return editDraft(
    db,
    actor,
    id,
    { action: "plan.update", expectedUpdatedAt: input.expectedUpdatedAt },
    async (_tx, p) => {
      const sections = { ...(p.sections as PlanSections), ...(input.sections ?? {}) };
      const patch = {
        symbol: input.symbol ?? p.symbol,
        place: input.place ?? p.place,
        title: input.title ?? p.title,
        periodFrom: input.periodFrom ?? p.periodFrom,
        periodTo: input.periodTo ?? p.periodTo,
        sections,
      };
      if (patch.periodTo < patch.periodFrom) {
        throw new AppError("VALIDATION", {
          userMessage: { vi: "Năm kết thúc phải sau năm bắt đầu.", en: "The period must end after it starts." },
        });
      }
      const { id: _i, createdAt: _c, updatedAt: _u, ...old } = p;
      return { old, new: patch, patch };
    },
  );
}

export function addGoal(
  db: Db,
  actor: Actor,
  id: number,
  input: { title: string; domain?: string | null; expectedUpdatedAt?: string },
) {
  return editDraft(
    db,
    actor,
    id,
    { action: "plan.goal.add", expectedUpdatedAt: input.expectedUpdatedAt },
    async (tx) => {
      const goals = await listGoals(tx, id);
      const number = Math.max(0, ...goals.map((g) => g.number)) + 1;
      const goal = await insertGoal(tx, { planId: id, number, title: input.title, domain: input.domain ?? null });
      return { old: null, new: goal };
    },
  );
}

export function renameGoal(
  db: Db,
  actor: Actor,
  id: number,
  goalId: number,
  input: { title: string; expectedUpdatedAt?: string },
) {
  return editDraft(
    db,
    actor,
    id,
    { action: "plan.goal.update", expectedUpdatedAt: input.expectedUpdatedAt },
    async (tx) => {
      const goal = (await listGoals(tx, id)).find((g) => g.id === goalId);
      if (!goal) throw new AppError("NOT_FOUND");
      return { old: goal, new: await updateGoal(tx, goalId, { title: input.title }) };
    },
  );
}

export function addLocalIndicator(db: Db, actor: Actor, id: number, input: AddIndicatorInput) {
  return editDraft(
    db,
    actor,
    id,
    { action: "plan.indicator.add", expectedUpdatedAt: input.expectedUpdatedAt },
    async (tx, p) => {
      const goals = await listGoals(tx, id);
      if (!goals.some((g) => g.id === input.goalId)) throw new AppError("NOT_FOUND");
      const siblings = (await listIndicators(tx, id)).filter((i) => i.goalId === input.goalId);
      const indicator = await insertIndicator(tx, {
        planId: id,
        goalId: input.goalId,
        number: Math.max(0, ...siblings.map((i) => i.number)) + 1,
        text: input.text,
        kind: input.kind,
        isLocal: true,
      });
      await replaceTargets(tx, id, indicator.id, targetRows(input.targets, p));
      return { old: null, new: { indicator, targets: input.targets } };
    },
  );
}

export function updateIndicatorFields(
  db: Db,
  actor: Actor,
  id: number,
  indicatorId: number,
  input: UpdateIndicatorInput,
) {
  return editDraft(
    db,
    actor,
    id,
    { action: "plan.indicator.update", expectedUpdatedAt: input.expectedUpdatedAt },
    async (tx) => {
      const before = await requireIndicator(tx, id, indicatorId);
      const dropped = input.dropped ?? before.dropped;
      const dropReason = input.dropReason === undefined ? before.dropReason : input.dropReason;
      const after = await updateIndicator(tx, indicatorId, {
        text: input.text ?? before.text,
        kind: input.kind ?? before.kind,
        dropped,
        dropReason: dropped ? dropReason : null,
      });
      return { old: before, new: after };
    },
  );
}

/** Only an indicator the plan added itself may be deleted; an upper one is dropped with a reason. */
export function removeLocalIndicator(db: Db, actor: Actor, id: number, indicatorId: number) {
  return editDraft(db, actor, id, { action: "plan.indicator.delete" }, async (tx) => {
    const before = await requireIndicator(tx, id, indicatorId);
    if (!before.isLocal) {
      throw new AppError("INVALID_STATE", {
        userMessage: {
          vi: "Chỉ tiêu của cấp trên không xóa được; hãy đánh dấu “không thực hiện” và nêu lý do.",
          en: "An upper indicator cannot be deleted; drop it with a reason instead.",
        },
      });
    }
    await deleteIndicator(tx, indicatorId);
    return { old: before, new: null };
  });
}

export function setIndicatorTargets(
  db: Db,
  actor: Actor,
  id: number,
  indicatorId: number,
  input: { targets: TargetInput[]; expectedUpdatedAt?: string },
) {
  return editDraft(
    db,
    actor,
    id,
    { action: "plan.targets.set", expectedUpdatedAt: input.expectedUpdatedAt },
    async (tx, p) => {
      await requireIndicator(tx, id, indicatorId);
      const old = (await loadPlanAggregate(tx, p)).targetsByIndicator.get(indicatorId) ?? [];
      await replaceTargets(tx, id, indicatorId, targetRows(input.targets, p));
      return { old: { indicatorId, targets: old }, new: { indicatorId, targets: input.targets } };
    },
  );
}

function targetRows(targets: TargetInput[], _plan: PlanRow) {
  return targets.map((t) => ({
    subject: t.subject ?? null,
    comparator: t.comparator,
    value: t.value,
    unit: t.unit,
    year: t.year,
    baseline: t.baseline ?? null,
  }));
}

export function setResponsibilities(
  db: Db,
  actor: Actor,
  id: number,
  input: { items: Responsibility[]; expectedUpdatedAt?: string },
) {
  return editDraft(
    db,
    actor,
    id,
    { action: "plan.responsibilities.set", expectedUpdatedAt: input.expectedUpdatedAt },
    async (tx, p) => {
      const agg = await loadPlanAggregate(tx, p);
      const indicatorIds = new Set(agg.indicators.map((i) => i.id));
      const agencyIds = new Set(agg.agencies.map((a) => a.id));
      const unknown = input.items.filter((r) => !indicatorIds.has(r.indicatorId) || !agencyIds.has(r.agencyId));
      if (unknown.length > 0) {
        throw new AppError("VALIDATION", {
          userMessage: {
            vi: "Phân công có chỉ tiêu hoặc cơ quan không thuộc kế hoạch / đơn vị này.",
            en: "An assignment names an indicator or agency outside this plan's unit.",
          },
        });
      }
      const unique = new Map(input.items.map((r) => [`${r.indicatorId}|${r.agencyId}|${r.role}`, r]));
      const old = await listResponsibilities(tx, id);
      await replaceResponsibilities(tx, id, [...unique.values()]);
      return {
        old: old.map(({ indicatorId, agencyId, role }) => ({ indicatorId, agencyId, role })),
        new: [...unique.values()],
      };
    },
  );
}

async function requireIndicator(tx: Executor, planId: number, indicatorId: number) {
  const indicator = (await listIndicators(tx, planId)).find((i) => i.id === indicatorId);
  if (!indicator) {
    throw new AppError("NOT_FOUND", { userMessage: { vi: "Không tìm thấy chỉ tiêu.", en: "Indicator not found." } });
  }
  return indicator;
}

// --- lifecycle -----------------------------------------------------------------

export async function issuePlan(db: Db, actor: Actor, id: number, input: IssuePlanInput): Promise<PlanAggregate> {
  const plan = await db.transaction(async (tx) => {
    const before = await findPlanForUpdate(tx, id);
    if (!before) throw planNotFound();
    assertCan(actor, "plan.issue", await planTarget(tx, before));
    if (before.status !== "draft") throw frozen();
    if (input.expectedUpdatedAt && !sameInstant(input.expectedUpdatedAt, before.updatedAt)) throw staleEdit();
    const errors = checkPlan(toCheckInput(await loadPlanAggregate(tx, before))).filter((c) => c.severity === "error");
    if (blocksIssuing(errors)) {
      throw new AppError("INVALID_STATE", {
        userMessage: {
          vi: `Chưa thể ban hành kế hoạch: còn ${errors.length} lỗi cần sửa (xem phần kiểm tra).`,
          en: `The plan cannot be issued yet: ${errors.length} problem(s) to fix (see the checks).`,
        },
        details: errors.map((e) => ({ message: e.message })),
      });
    }
    const after = await updatePlan(tx, id, {
      status: "issued",
      number: input.number,
      issuedOn: input.issuedOn,
      issuedAt: new Date().toISOString(),
    });
    await insertAudit(tx, {
      ...auditActor(actor),
      action: "plan.issue",
      objectType: "plan",
      objectId: id,
      old: { status: before.status, number: before.number },
      new: { status: after.status, number: after.number, issuedOn: after.issuedOn },
    });
    if (before.previousVersionId !== null) await supersede(tx, actor, before.previousVersionId, id);
    return after;
  });
  return loadPlanAggregate(db, plan);
}

async function supersede(tx: Executor, actor: Actor, previousId: number, byId: number): Promise<void> {
  const previous = await findPlanForUpdate(tx, previousId);
  if (previous?.status !== "issued") return;
  await updatePlan(tx, previousId, { status: "superseded" });
  await insertAudit(tx, {
    ...auditActor(actor),
    action: "plan.supersede",
    objectType: "plan",
    objectId: previousId,
    old: { status: "issued" },
    new: { status: "superseded", by: byId },
  });
}

export async function createNewVersion(db: Db, actor: Actor, id: number): Promise<PlanAggregate> {
  const plan = await db.transaction(async (tx) => {
    const from = await findPlanForUpdate(tx, id);
    if (!from) throw planNotFound();
    assertCan(actor, "plan.write", await planTarget(tx, from));
    if (from.status !== "issued") {
      throw new AppError("INVALID_STATE", {
        userMessage: {
          vi: "Chỉ tạo phiên bản mới từ kế hoạch đã ban hành.",
          en: "Only an issued plan gets a new version.",
        },
      });
    }
    const chain = await listVersionChain(tx, id);
    if (chain.some((p) => p.previousVersionId === id)) {
      throw new AppError("CONFLICT", {
        userMessage: {
          vi: "Kế hoạch này đã có phiên bản mới đang soạn thảo.",
          en: "This plan already has a newer version.",
        },
      });
    }
    return copyAsNewVersion(tx, actor, from);
  });
  return loadPlanAggregate(db, plan);
}

export async function deleteDraftPlan(db: Db, actor: Actor, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await findPlanForUpdate(tx, id);
    if (!before) throw planNotFound();
    assertCan(actor, "plan.write", await planTarget(tx, before));
    if (before.status !== "draft") throw frozen();
    await deletePlan(tx, id);
    await insertAudit(tx, {
      ...auditActor(actor),
      action: "plan.delete",
      objectType: "plan",
      objectId: id,
      old: before,
      new: null,
    });
  });
}

function frozen(): AppError {
  return new AppError("INVALID_STATE", {
    userMessage: {
      vi: "Kế hoạch đã ban hành nên không thể sửa. Hãy tạo phiên bản mới để điều chỉnh.",
      en: "The plan has been issued and cannot be changed. Create a new version instead.",
    },
  });
}

function staleEdit(): AppError {
  return new AppError("CONFLICT", {
    userMessage: {
      vi: "Kế hoạch vừa được người khác sửa. Hãy tải lại để xem thay đổi trước khi sửa tiếp.",
      en: "Someone else changed this plan. Reload to see their change first.",
    },
  });
}

function sameInstant(a: string, b: string): boolean {
  return new Date(a).getTime() === new Date(b).getTime();
}
