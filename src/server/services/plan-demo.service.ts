import type { PlanSections, Responsibility, TargetInput } from "../../contract/plan";
import type { ReportKind } from "../../core/plan";
import type { Db } from "../db/client";
import { listAgenciesOfUnit } from "../db/repos/agency.repo";
import { findStrategyByCode } from "../db/repos/catalogue.repo";
import { listPlansOfUnit } from "../db/repos/plan.repo";
import { readReferenceJson } from "../reference/reference-files";
import type { Actor } from "./context";
import {
  issuePlan,
  setIndicatorTargets,
  setResponsibilities,
  updateIndicatorFields,
  updatePlanHeader,
} from "./plan.service";
import { createPlanFrom } from "./plan-cascade.service";
import type { PlanAggregate } from "./plan-view.service";
import { indicatorCode } from "./plan-view.service";

// The demo plans: Cần Thơ's 2024 plan cascaded from the national strategy with
// its real local targets, issued; and a ward plan cascaded from it. The data
// sits in reference-data/demo/ (see its "source" note).

type DemoTarget = Omit<TargetInput, "year">;
interface DemoFile {
  city: {
    title: string;
    periodFrom: number;
    periodTo: number;
    number: string;
    issuedOn: string;
    purposes: string[];
    requirements: string[];
    generalObjective: string;
    targets: Record<string, DemoTarget[]>;
    responsibilities: [string, string, Responsibility["role"]][];
    duties: [string, string[]][];
    tasks: [number, string, string[]][];
    budget: string[];
    reporting: { kind: ReportKind; due: string; to: string }[];
    recipients: string[];
    signer: PlanSections["signer"];
  };
  ward: {
    title: string;
    periodFrom: number;
    periodTo: number;
    number: string;
    issuedOn: string;
    dropped: Record<string, string>;
    valueOverrides: Record<string, number>;
    leads: Record<string, string>;
    support: [string, string][];
    reporting: { kind: ReportKind; due: string; to: string }[];
    models: PlanSections["models"];
    recipients: string[];
    signer: PlanSections["signer"];
  };
}

export async function loadDemoPlans(db: Db, actor: Actor, cityId: number, wardId: number): Promise<number> {
  const data = readReferenceJson<DemoFile>("demo/cantho-2024-plan.json");
  let created = 0;
  let city = (await listPlansOfUnit(db, cityId)).find((p) => p.title === data.city.title);
  if (!city) {
    const strategy = await findStrategyByCode(db, "NQ28-2021");
    if (!strategy) return 0;
    city = (await seedCityPlan(db, actor, cityId, strategy.id, data)).plan;
    created++;
  }
  const hasWard = (await listPlansOfUnit(db, wardId)).some((p) => p.title === data.ward.title);
  if (!hasWard && city.status === "issued") {
    await seedWardPlan(db, actor, wardId, city.id, data);
    created++;
  }
  return created;
}

async function agencyIds(db: Db, unitId: number): Promise<(name: string) => number> {
  const agencies = await listAgenciesOfUnit(db, unitId, false);
  return (name) => {
    const found = agencies.find((a) => a.name === name);
    if (!found) throw new Error(`demo: agency “${name}” missing`);
    return found.id;
  };
}

async function seedCityPlan(db: Db, actor: Actor, cityId: number, strategyId: number, data: DemoFile) {
  const c = data.city;
  const agency = await agencyIds(db, cityId);
  const plan = await createPlanFrom(db, actor, {
    source: "strategy",
    sourceId: strategyId,
    unitId: cityId,
    periodFrom: c.periodFrom,
    periodTo: c.periodTo,
    title: c.title,
  });
  let agg = await updatePlanHeader(db, actor, plan.id, {
    sections: {
      purposes: c.purposes,
      requirements: c.requirements,
      generalObjective: c.generalObjective,
      budget: c.budget,
      reporting: c.reporting,
      recipients: c.recipients,
      signer: c.signer,
      agencyDuties: c.duties.map(([name, duties]) => ({ agencyId: agency(name), duties })),
      tasks: c.tasks.map(([goalNumber, text, names]) => ({
        goalNumber,
        text,
        agencyIds: names.map(agency),
        due: null,
      })),
    },
  });
  for (const i of agg.indicators) {
    const targets = c.targets[indicatorCode(agg.goals, i)];
    if (!targets) continue;
    agg = await setIndicatorTargets(db, actor, plan.id, i.id, {
      targets: targets.map((t) => ({ ...t, year: c.periodTo })),
    });
  }
  const byCode = new Map(agg.indicators.map((i) => [indicatorCode(agg.goals, i), i.id]));
  await setResponsibilities(db, actor, plan.id, {
    items: c.responsibilities.map(([code, name, role]) => ({
      indicatorId: byCode.get(code) as number,
      agencyId: agency(name),
      role,
    })),
  });
  return issuePlan(db, actor, plan.id, { number: c.number, issuedOn: c.issuedOn });
}

async function seedWardPlan(db: Db, actor: Actor, wardId: number, cityPlanId: number, data: DemoFile) {
  const w = data.ward;
  const agency = await agencyIds(db, wardId);
  const plan = await createPlanFrom(db, actor, {
    source: "plan",
    sourceId: cityPlanId,
    unitId: wardId,
    periodFrom: w.periodFrom,
    periodTo: w.periodTo,
    title: w.title,
  });
  let agg: PlanAggregate = await updatePlanHeader(db, actor, plan.id, {
    sections: { reporting: w.reporting, models: w.models, recipients: w.recipients, signer: w.signer },
  });
  const cityTargets = data.city.targets;
  const items: Responsibility[] = [];
  for (const i of agg.indicators) {
    const code = indicatorCode(agg.goals, i);
    const reason = w.dropped[code];
    if (reason) {
      agg = await updateIndicatorFields(db, actor, plan.id, i.id, { dropped: true, dropReason: reason });
      continue;
    }
    // The ward commits to the city's values for its year, except where it aims higher.
    const targets = (cityTargets[code] ?? []).map((t) => ({
      ...t,
      value: w.valueOverrides[code] ?? t.value,
      year: w.periodTo,
    }));
    agg = await setIndicatorTargets(db, actor, plan.id, i.id, { targets });
    const goal = code.split(".")[0] as string;
    items.push({ indicatorId: i.id, agencyId: agency(w.leads[goal] ?? (w.leads.default as string)), role: "lead" });
    for (const [c, name] of w.support) {
      if (c === code) items.push({ indicatorId: i.id, agencyId: agency(name), role: "support" });
    }
  }
  await setResponsibilities(db, actor, plan.id, { items });
  return issuePlan(db, actor, plan.id, { number: w.number, issuedOn: w.issuedOn });
}
