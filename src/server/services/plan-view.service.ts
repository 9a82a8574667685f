import type { PlanSections } from "../../contract/plan";
import type { AccessTarget } from "../../core/access";
import { AppError } from "../../core/errors";
import type { Comparator, ResponsibilityRole, Target, TargetUnit } from "../../core/plan";
import type { PlanCheckInput } from "../../core/plan-checks";
import type { DiffPlanSnapshot } from "../../core/plan-diff";
import type { Executor } from "../db/client";
import { type AgencyRow, listAgenciesOfUnit } from "../db/repos/agency.repo";
import { findStrategy, listCatalogueIndicators, listCatalogueTargetsOf } from "../db/repos/catalogue.repo";
import {
  findPlan,
  listGoals,
  listIndicators,
  listIndicatorsByIds,
  listResponsibilities,
  listTargetsOfPlans,
  type PlanGoalRow,
  type PlanIndicatorRow,
  type PlanResponsibilityRow,
  type PlanRow,
  type PlanTargetRow,
} from "../db/repos/plan.repo";
import { findUnitById } from "../db/repos/unit.repo";
import { unitTarget } from "./access.service";
import { todayIso } from "./unit.service";

/** The upper level's targets of one indicator, with whether the catalogue has confirmed them. */
export interface UpperOf {
  code: string;
  targets: (Target & { verified: boolean })[];
}

/** A plan with everything the API, the checks, the diff and the document need. */
export interface PlanAggregate {
  plan: PlanRow;
  sections: PlanSections;
  unitName: string;
  goals: PlanGoalRow[];
  indicators: PlanIndicatorRow[];
  targetsByIndicator: Map<number, PlanTargetRow[]>;
  responsibilities: PlanResponsibilityRow[];
  agencies: AgencyRow[];
  upperByIndicator: Map<number, UpperOf>;
  sourceLabel: string | null;
}

export function planNotFound(): AppError {
  return new AppError("NOT_FOUND", { userMessage: { vi: "Không tìm thấy kế hoạch.", en: "Plan not found." } });
}

export async function requirePlan(db: Executor, id: number): Promise<PlanRow> {
  const plan = await findPlan(db, id);
  if (!plan) throw planNotFound();
  return plan;
}

/** A plan is scoped by its issuing unit (and agency, when an agency issued it). */
export function planTarget(db: Executor, plan: Pick<PlanRow, "unitId" | "issuerAgencyId">): Promise<AccessTarget> {
  return unitTarget(db, plan.unitId, plan.issuerAgencyId);
}

export function toTarget(row: Pick<PlanTargetRow, "subject" | "comparator" | "value" | "unit" | "year" | "baseline">) {
  return {
    subject: row.subject,
    comparator: row.comparator as Comparator,
    value: row.value,
    unit: row.unit as TargetUnit | null,
    year: row.year,
    baseline: row.baseline,
  } satisfies Target;
}

export function indicatorCode(goals: readonly PlanGoalRow[], indicator: PlanIndicatorRow): string {
  const goal = goals.find((g) => g.id === indicator.goalId);
  return `${goal?.number ?? "?"}.${indicator.number}`;
}

export async function loadPlanAggregate(db: Executor, plan: PlanRow): Promise<PlanAggregate> {
  const [goals, indicators, targets, responsibilities, agencies, unit] = await Promise.all([
    listGoals(db, plan.id),
    listIndicators(db, plan.id),
    listTargetsOfPlans(db, [plan.id]),
    listResponsibilities(db, plan.id),
    listAgenciesOfUnit(db, plan.unitId, true),
    findUnitById(db, plan.unitId, todayIso()),
  ]);
  const targetsByIndicator = groupBy(targets, (t) => t.indicatorId);
  const upperByIndicator = await loadUpper(db, plan, indicators);
  return {
    plan,
    sections: plan.sections as PlanSections,
    unitName: unit?.full_name ?? "",
    goals,
    indicators: sortIndicators(goals, indicators),
    targetsByIndicator,
    responsibilities,
    agencies,
    upperByIndicator,
    sourceLabel: await sourceLabel(db, plan),
  };
}

function sortIndicators(goals: readonly PlanGoalRow[], list: PlanIndicatorRow[]): PlanIndicatorRow[] {
  const order = new Map(goals.map((g) => [g.id, g.number]));
  return [...list].sort((a, b) => (order.get(a.goalId) ?? 0) - (order.get(b.goalId) ?? 0) || a.number - b.number);
}

function groupBy<T>(rows: readonly T[], key: (row: T) => number): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const row of rows) {
    const list = map.get(key(row)) ?? [];
    list.push(row);
    map.set(key(row), list);
  }
  return map;
}

async function loadUpper(db: Executor, plan: PlanRow, indicators: PlanIndicatorRow[]): Promise<Map<number, UpperOf>> {
  const out = new Map<number, UpperOf>();
  const upperIds = indicators.map((i) => i.upperIndicatorId).filter((id): id is number => id !== null);
  if (upperIds.length > 0) {
    const uppers = await listIndicatorsByIds(db, upperIds);
    const upperPlanIds = [...new Set(uppers.map((u) => u.planId))];
    const [targets, goals] = await Promise.all([
      listTargetsOfPlans(db, upperPlanIds),
      Promise.all(upperPlanIds.map((id) => listGoals(db, id))).then((g) => g.flat()),
    ]);
    for (const i of indicators) {
      const upper = uppers.find((u) => u.id === i.upperIndicatorId);
      if (!upper) continue;
      const list = targets.filter((t) => t.indicatorId === upper.id).map((t) => ({ ...toTarget(t), verified: true }));
      out.set(i.id, { code: indicatorCode(goals, upper), targets: list });
    }
  }
  if (plan.sourceKind === "strategy" && plan.sourceStrategyId !== null) {
    const linked = indicators.filter((i) => i.upperIndicatorId === null && i.catalogueIndicatorId !== null);
    const catalogue = await listCatalogueIndicators(db, plan.sourceStrategyId);
    const targets = await listCatalogueTargetsOf(
      db,
      linked.map((i) => i.catalogueIndicatorId as number),
    );
    for (const i of linked) {
      const c = catalogue.find((x) => x.id === i.catalogueIndicatorId);
      if (!c) continue;
      const list = targets
        .filter((t) => t.indicatorId === c.id)
        .map((t) => ({ ...toTarget({ ...t, baseline: null }), verified: t.verified }));
      out.set(i.id, { code: c.code, targets: list });
    }
  }
  return out;
}

async function sourceLabel(db: Executor, plan: PlanRow): Promise<string | null> {
  if (plan.sourceKind === "strategy" && plan.sourceStrategyId !== null) {
    return (await findStrategy(db, plan.sourceStrategyId))?.title ?? null;
  }
  if (plan.sourceKind === "plan" && plan.sourcePlanId !== null) {
    const upper = await findPlan(db, plan.sourcePlanId);
    return upper ? `Kế hoạch số ${upper.number ?? ""}/${upper.symbol}: ${upper.title}` : null;
  }
  return null;
}

export function agencyName(agg: PlanAggregate, id: number): string {
  return agg.agencies.find((a) => a.id === id)?.name ?? `#${id}`;
}

export function toCheckInput(agg: PlanAggregate): PlanCheckInput {
  return {
    periodFrom: agg.plan.periodFrom,
    periodTo: agg.plan.periodTo,
    reporting: agg.sections.reporting.map((r) => ({ kind: r.kind, due: r.due })),
    indicators: agg.indicators.map((i) => ({
      id: i.id,
      code: indicatorCode(agg.goals, i),
      dropped: i.dropped,
      dropReason: i.dropReason,
      hasUpper: i.upperIndicatorId !== null || i.catalogueIndicatorId !== null,
      targets: (agg.targetsByIndicator.get(i.id) ?? []).map(toTarget),
      upperTargets: agg.upperByIndicator.get(i.id)?.targets ?? [],
      responsibilities: agg.responsibilities
        .filter((r) => r.indicatorId === i.id)
        .map((r) => ({
          agencyId: r.agencyId,
          agencyName: agencyName(agg, r.agencyId),
          role: r.role as ResponsibilityRole,
        })),
    })),
  };
}

const ROLE_VI: Record<string, string> = { lead: "chủ trì", support: "phối hợp", report: "báo cáo số liệu" };

export function toDiffSnapshot(agg: PlanAggregate): DiffPlanSnapshot {
  const { plan, sections: s } = agg;
  return {
    fields: {
      "Số, ký hiệu": `${plan.number ?? ""}/${plan.symbol}`,
      "Trích yếu": plan.title,
      "Thời kỳ": plan.periodFrom === plan.periodTo ? String(plan.periodFrom) : `${plan.periodFrom}–${plan.periodTo}`,
      "Địa danh": plan.place,
      "Ngày ban hành": plan.issuedOn,
    },
    sections: {
      "Căn cứ": s.legalBasis,
      "Mục đích": s.purposes,
      "Yêu cầu": s.requirements,
      "Mục tiêu tổng quát": s.generalObjective,
      "Nhiệm vụ, giải pháp": s.tasks,
      "Mô hình": s.models,
      "Kinh phí": s.budget,
      "Nhiệm vụ của cơ quan": s.agencyDuties.map((d) => ({ agency: agencyName(agg, d.agencyId), duties: d.duties })),
      "Chế độ báo cáo": s.reporting,
      "Tháng hành động": s.actionMonth,
      "Nơi nhận": s.recipients,
      "Người ký": s.signer,
    },
    goals: agg.goals.map((g) => ({ number: g.number, title: g.title })),
    indicators: agg.indicators.map((i) => ({
      code: indicatorCode(agg.goals, i),
      text: i.text,
      kind: i.kind,
      dropped: i.dropped,
      dropReason: i.dropReason,
      targets: (agg.targetsByIndicator.get(i.id) ?? []).map(toTarget),
    })),
    responsibilities: agg.responsibilities.map((r) => {
      const indicator = agg.indicators.find((i) => i.id === r.indicatorId);
      return {
        indicatorCode: indicator ? indicatorCode(agg.goals, indicator) : "?",
        agencyName: agencyName(agg, r.agencyId),
        role: ROLE_VI[r.role] ?? r.role,
      };
    }),
  };
}
