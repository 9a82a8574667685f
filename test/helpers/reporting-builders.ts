import { and, eq } from "drizzle-orm";
import type { PlanSections } from "../../src/contract/plan";
import type { Executor } from "../../src/server/db/client";
import { findOpenAgencyByName } from "../../src/server/db/repos/agency.repo";
import {
  insertGoal,
  insertIndicator,
  insertPlan,
  type PlanRow,
  replaceResponsibilities,
} from "../../src/server/db/repos/plan.repo";
import { findUnitByCode } from "../../src/server/db/repos/unit.repo";
import { catalogueGoals, catalogueIndicators, catalogueStrategies } from "../../src/server/db/schema/catalogue";

// Builders that create their own parents, with deterministic values: an issued
// plan of a unit implementing chosen national indicators, with responsibilities.

export function planSections(reporting: PlanSections["reporting"]): PlanSections {
  return {
    issuerLines: ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ CẦN THƠ"],
    legalBasis: [],
    purposes: [],
    requirements: [],
    generalObjective: "",
    tasks: [],
    models: [],
    budget: [],
    agencyDuties: [],
    reporting,
    actionMonth: { from: "11-15", to: "12-15" },
    recipients: [],
    signer: { positionLines: ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], name: "Nguyễn Văn A" },
  };
}

export interface BuildPlanOptions {
  unitCode?: string;
  asOf?: string;
  periodFrom?: number;
  periodTo?: number;
  /** Catalogue indicator code → [agency name, role][] of the plan's unit. */
  indicators: Record<string, [string, "lead" | "support" | "report"][]>;
  reporting?: PlanSections["reporting"];
  title?: string;
}

export interface BuiltPlan {
  plan: PlanRow;
  indicatorIds: Map<string, number>;
}

export async function buildIssuedPlan(db: Executor, options: BuildPlanOptions): Promise<BuiltPlan> {
  const asOf = options.asOf ?? "2025-12-01";
  const unit = await findUnitByCode(db, options.unitCode ?? "92", asOf);
  if (!unit) throw new Error(`unit ${options.unitCode} missing`);
  const plan = await insertPlan(db, {
    unitId: unit.id,
    status: "issued",
    number: "99",
    symbol: "KH-UBND",
    place: "Cần Thơ",
    issuedOn: `${options.periodFrom ?? 2024}-01-15`,
    title: options.title ?? "Kế hoạch thực hiện công tác bình đẳng giới (thử nghiệm)",
    periodFrom: options.periodFrom ?? 2024,
    periodTo: options.periodTo ?? 2025,
    sections: planSections(
      options.reporting ?? [
        { kind: "semiannual", due: "06-10", to: "Sở Nội vụ" },
        { kind: "annual", due: "12-10", to: "Sở Nội vụ" },
      ],
    ),
    sourceKind: "strategy",
  });
  const [strategy] = await db.select().from(catalogueStrategies).where(eq(catalogueStrategies.code, "NQ28-2021"));
  if (!strategy) throw new Error("catalogue missing");
  const goals = new Map<number, number>();
  const indicatorIds = new Map<string, number>();
  const responsibilities: { indicatorId: number; agencyId: number; role: string }[] = [];
  for (const [code, roles] of Object.entries(options.indicators)) {
    const [ci] = await db
      .select()
      .from(catalogueIndicators)
      .where(and(eq(catalogueIndicators.strategyId, strategy.id), eq(catalogueIndicators.code, code)));
    if (!ci) throw new Error(`catalogue indicator ${code} missing`);
    const [cg] = await db.select().from(catalogueGoals).where(eq(catalogueGoals.id, ci.goalId));
    let goalId = goals.get(ci.goalId);
    if (goalId === undefined) {
      const goal = await insertGoal(db, {
        planId: plan.id,
        number: cg?.number ?? 1,
        domain: cg?.domain ?? null,
        title: cg?.title ?? "Mục tiêu",
        catalogueGoalId: ci.goalId,
      });
      goalId = goal.id;
      goals.set(ci.goalId, goalId);
    }
    const indicator = await insertIndicator(db, {
      planId: plan.id,
      goalId,
      number: ci.number,
      text: ci.text,
      kind: ci.kind,
      catalogueIndicatorId: ci.id,
    });
    indicatorIds.set(code, indicator.id);
    for (const [agencyName, role] of roles) {
      const agency = await findOpenAgencyByName(db, unit.id, agencyName);
      if (!agency) throw new Error(`agency ${agencyName} missing`);
      responsibilities.push({ indicatorId: indicator.id, agencyId: agency.id, role });
    }
  }
  await replaceResponsibilities(db, plan.id, responsibilities);
  return { plan, indicatorIds };
}
