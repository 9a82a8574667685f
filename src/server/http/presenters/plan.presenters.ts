import type { Strategy } from "../../../contract/catalogue";
import type { Plan, PlanChecks, PlanSummary } from "../../../contract/plan";
import type { GoalDomain, IndicatorKind, PlanSource, PlanStatus, ResponsibilityRole } from "../../../core/plan";
import { upperReferences } from "../../../core/plan";
import type { PlanCheckResult } from "../../../core/plan-checks";
import type { CatalogueTargetRow, StrategyRow } from "../../db/repos/catalogue.repo";
import type { PlanRow } from "../../db/repos/plan.repo";
import type { StrategyTree } from "../../services/catalogue.service";
import { indicatorCode, type PlanAggregate, toTarget } from "../../services/plan-view.service";
import { isoTimestamp } from "./presenters";

export function presentPlanSummary(row: PlanRow, unitName = ""): PlanSummary {
  return {
    id: row.id,
    unitId: row.unitId,
    unitName,
    issuerAgencyId: row.issuerAgencyId,
    status: row.status as PlanStatus,
    version: row.version,
    previousVersionId: row.previousVersionId,
    number: row.number,
    symbol: row.symbol,
    title: row.title,
    periodFrom: row.periodFrom,
    periodTo: row.periodTo,
    issuedOn: row.issuedOn,
    updatedAt: isoTimestamp(row.updatedAt),
  };
}

export function presentPlan(agg: PlanAggregate): Plan {
  const { plan } = agg;
  return {
    ...presentPlanSummary(plan, agg.unitName),
    sourceKind: plan.sourceKind as PlanSource | null,
    sourceStrategyId: plan.sourceStrategyId,
    sourcePlanId: plan.sourcePlanId,
    sourceLabel: agg.sourceLabel,
    place: plan.place,
    sections: agg.sections,
    goals: agg.goals.map((g) => ({
      id: g.id,
      number: g.number,
      domain: g.domain as GoalDomain | null,
      title: g.title,
      indicators: agg.indicators
        .filter((i) => i.goalId === g.id)
        .map((i) => {
          const upper = agg.upperByIndicator.get(i.id);
          return {
            id: i.id,
            goalId: i.goalId,
            number: i.number,
            code: indicatorCode(agg.goals, i),
            text: i.text,
            kind: i.kind as IndicatorKind,
            catalogueIndicatorId: i.catalogueIndicatorId,
            upperIndicatorId: i.upperIndicatorId,
            upperCode: upper?.code ?? null,
            isLocal: i.isLocal,
            dropped: i.dropped,
            dropReason: i.dropReason,
            targets: (agg.targetsByIndicator.get(i.id) ?? []).map((t) => ({ id: t.id, ...toTarget(t) })),
            upperTargets: upper
              ? upperReferences(upper.targets, plan.periodFrom, plan.periodTo).map((r) => ({
                  subject: r.subject,
                  comparator: r.comparator,
                  value: r.value,
                  unit: r.unit,
                  year: r.year,
                  forYear: r.forYear,
                  isNearestMilestone: r.isNearestMilestone,
                  verified: upper.targets.find((t) => t.year === r.year && t.subject === r.subject)?.verified ?? true,
                }))
              : [],
          };
        }),
    })),
    responsibilities: agg.responsibilities.map((r) => ({
      indicatorId: r.indicatorId,
      agencyId: r.agencyId,
      role: r.role as ResponsibilityRole,
    })),
    agencies: agg.agencies.filter((a) => a.closedOn === null).map((a) => ({ id: a.id, name: a.name })),
    issuedAt: plan.issuedAt ? isoTimestamp(plan.issuedAt) : null,
    createdAt: isoTimestamp(plan.createdAt),
  };
}

export function presentChecks(results: PlanCheckResult[]): PlanChecks {
  return {
    items: results.map((r) => ({
      code: r.code,
      severity: r.severity,
      message: r.message.vi,
      messageEn: r.message.en,
      indicatorId: r.indicatorId ?? null,
      agencyId: r.agencyId ?? null,
    })),
    blocksIssuing: results.some((r) => r.severity === "error"),
  };
}

export function presentStrategySummary(row: StrategyRow) {
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    issuedBy: row.issuedBy as Strategy["issuedBy"],
    periodFrom: row.periodFrom,
    periodTo: row.periodTo,
  };
}

export function presentCatalogueTarget(t: CatalogueTargetRow) {
  return {
    id: t.id,
    year: t.year,
    comparator: t.comparator as Strategy["goals"][number]["indicators"][number]["targets"][number]["comparator"],
    value: t.value,
    unit: t.unit as Strategy["goals"][number]["indicators"][number]["targets"][number]["unit"],
    subject: t.subject,
    note: t.note,
    verified: t.verified,
  };
}

export function presentStrategy(tree: StrategyTree): Strategy {
  return {
    ...presentStrategySummary(tree.strategy),
    generalObjective: tree.strategy.generalObjective,
    note: tree.strategy.note,
    goals: tree.goals.map((g) => ({
      id: g.id,
      number: g.number,
      domain: g.domain as GoalDomain | null,
      title: g.title,
      indicators: tree.indicators
        .filter((i) => i.goalId === g.id)
        .map((i) => ({
          id: i.id,
          code: i.code,
          number: i.number,
          text: i.text,
          kind: i.kind as IndicatorKind,
          targets: tree.targets.filter((t) => t.indicatorId === i.id).map(presentCatalogueTarget),
        })),
    })),
  };
}
