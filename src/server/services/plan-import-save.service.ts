import type { PlanSections } from "../../contract/plan";
import type { AgencyChoice, SavePlanImportInput, SavePlanImportResult } from "../../contract/plan-import";
import { AppError, type AppErrorDetail } from "../../core/errors";
import { DEFAULT_ACTION_MONTH } from "../../core/plan";
import type { Db, Executor } from "../db/client";
import { type AgencyRow, findOpenAgencyByName, insertAgency, listAgenciesOfUnit } from "../db/repos/agency.repo";
import { insertAudit } from "../db/repos/audit.repo";
import { listStrategies } from "../db/repos/catalogue.repo";
import {
  insertGoal,
  insertIndicator,
  insertPlan,
  type PlanRow,
  replaceResponsibilities,
  replaceTargets,
} from "../db/repos/plan.repo";
import { findUnitById } from "../db/repos/unit.repo";
import { type Actor, auditActor } from "./context";
import { placeOf } from "./plan-cascade.service";
import {
  assertCanImport,
  type LinkableIndicator,
  loadCatalogueCandidates,
  loadUpperCandidates,
  strategyFor,
} from "./plan-import.service";
import { todayIso } from "./unit.service";

// Saving a reviewed import: one transaction creates the draft plan with its
// goals, indicators (linked to the national or upper indicator the officer
// accepted, else local), targets, the agencies she chose to create, the
// responsibilities, and one audit entry. The plan checks then apply as to any draft.

type Extract = SavePlanImportInput["extract"];

function invalid(details: AppErrorDetail[]): AppError {
  return new AppError("VALIDATION", {
    userMessage: {
      vi: `Kế hoạch chưa lưu được: ${details.length} chỗ cần sửa.`,
      en: `The plan cannot be saved yet: ${details.length} problem(s).`,
    },
    details,
  });
}

function detail(path: string, vi: string, en: string): AppErrorDetail {
  return { path, message: { vi, en } };
}

/** What the officer must fix before a draft can exist: a title, a period, indicator sentences, known links. */
function validate(input: SavePlanImportInput, linkable: Map<string, LinkableIndicator>): AppErrorDetail[] {
  const d = input.extract.document;
  const out: AppErrorDetail[] = [];
  if (!d.title) out.push(detail("document.title", "Chưa có trích yếu (tên) kế hoạch.", "The plan has no title."));
  if (d.periodFrom === null && d.periodTo === null) {
    out.push(detail("document.periodFrom", "Chưa có thời kỳ (năm) của kế hoạch.", "The plan has no period."));
  } else if (d.periodFrom !== null && d.periodTo !== null && d.periodTo < d.periodFrom) {
    out.push(detail("document.periodTo", "Năm kết thúc phải sau năm bắt đầu.", "The period must end after it starts."));
  }
  input.extract.goals.forEach((g, gi) => {
    g.indicators.forEach((ind, ii) => {
      const path = `goals.${gi}.indicators.${ii}`;
      const label = `Chỉ tiêu ${g.number ?? gi + 1}.${ind.number ?? ii + 1}`;
      if (!ind.text) out.push(detail(`${path}.text`, `${label}: chưa có nội dung.`, `${label}: empty text.`));
      const link = input.links[path];
      if (link && !linkable.has(`${link.kind}:${link.id}`)) {
        out.push(
          detail(path, `${label}: chỉ tiêu cấp trên được chọn không tồn tại.`, `${label}: unknown upper indicator.`),
        );
      }
    });
  });
  return out;
}

function isoDay(value: string | null): string | null {
  return value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
}

function buildSections(extract: Extract, unitName: string, upper: PlanRow | null): PlanSections {
  const upperNumber = upper ? `${upper.number ?? ""}/${upper.symbol}` : null;
  const legalBasis: PlanSections["legalBasis"] = extract.legalBasis.map((l) => ({
    type: l.type ?? "",
    number: l.number,
    date: isoDay(l.date),
    issuer: l.issuer ?? "",
    title: null,
    planId: upper && l.number === upperNumber ? upper.id : null,
  }));
  if (upper && !legalBasis.some((l) => l.planId === upper.id)) {
    legalBasis.push({
      type: "Kế hoạch",
      number: upperNumber ?? "",
      date: upper.issuedOn,
      issuer: "",
      title: upper.title,
      planId: upper.id,
    });
  }
  const signer = extract.document.signer;
  return {
    issuerLines: ["ỦY BAN NHÂN DÂN", unitName.toLocaleUpperCase("vi")],
    legalBasis,
    purposes: [],
    requirements: [],
    generalObjective: "",
    tasks: [],
    models: [],
    budget: [],
    agencyDuties: [],
    reporting: extract.reporting.map((r) => ({ kind: r.kind, due: r.due, to: r.to ?? "" })),
    actionMonth: extract.actionMonth ?? { ...DEFAULT_ACTION_MONTH },
    recipients: [],
    signer: { positionLines: signer?.position ? [signer.position] : [], name: signer?.name ?? "" },
  };
}

/** Next free number: the document's own when it has one and it is unused. */
function numberer() {
  const used = new Set<number>();
  return (wanted: number | null): number => {
    let n = wanted !== null && wanted > 0 && !used.has(wanted) ? wanted : Math.max(0, ...used) + 1;
    while (used.has(n)) n++;
    used.add(n);
    return n;
  };
}

interface AgencyResolution {
  byName: Map<string, number>;
  created: AgencyRow[];
}

/** Existing agencies are checked to belong to the unit; new ones are created (once) and audited. */
async function resolveAgencies(
  tx: Executor,
  actor: Actor,
  unitId: number,
  names: readonly string[],
  choices: Record<string, AgencyChoice>,
): Promise<AgencyResolution> {
  const open = await listAgenciesOfUnit(tx, unitId, false);
  const byName = new Map<string, number>();
  const created: AgencyRow[] = [];
  for (const name of names) {
    const choice = choices[name] ?? { mode: "skip" };
    if (choice.mode === "skip") continue;
    if (choice.mode === "existing") {
      if (!open.some((a) => a.id === choice.agencyId)) {
        throw invalid([
          detail(`agencies.${name}`, `Cơ quan chọn cho “${name}” không thuộc đơn vị.`, `Unknown agency for “${name}”.`),
        ]);
      }
      byName.set(name, choice.agencyId);
      continue;
    }
    const existing = await findOpenAgencyByName(tx, unitId, name);
    if (existing) {
      byName.set(name, existing.id);
      continue;
    }
    const row = await insertAgency(tx, { unitId, name, shortName: null, type: choice.type });
    await insertAudit(tx, {
      ...auditActor(actor),
      action: "create",
      objectType: "agency",
      objectId: row.id,
      old: null,
      new: row,
    });
    created.push(row);
    byName.set(name, row.id);
  }
  return { byName, created };
}

export async function savePlanImport(db: Db, actor: Actor, input: SavePlanImportInput): Promise<SavePlanImportResult> {
  const upper = await assertCanImport(db, actor, { unitId: input.unitId, upperPlanId: input.upperPlanId ?? undefined });
  const unit = await findUnitById(db, input.unitId, todayIso());
  if (!unit) throw new AppError("NOT_FOUND");
  const { extract } = input;
  const { periodFrom: from, periodTo: to } = extract.document;
  const [catalogue, uppers] = await Promise.all([
    loadCatalogueCandidates(db, to ?? from ?? new Date().getUTCFullYear()),
    upper ? loadUpperCandidates(db, upper) : Promise.resolve([]),
  ]);
  const linkable = new Map([...catalogue, ...uppers].map((c) => [`${c.kind}:${c.id}`, c]));
  const problems = validate(input, linkable);
  if (problems.length > 0) throw invalid(problems);
  // validate() made sure at least one end of the period is given.
  const periodFrom = (from ?? to) as number;
  const periodTo = (to ?? from) as number;
  const strategy = strategyFor(await listStrategies(db), periodTo);
  const hasCatalogueLink = Object.values(input.links).some((l) => l?.kind === "catalogue");

  return db.transaction(async (tx) => {
    const plan = await insertPlan(tx, {
      unitId: input.unitId,
      sourceKind: upper ? "plan" : hasCatalogueLink && strategy ? "strategy" : null,
      sourcePlanId: upper?.id ?? null,
      sourceStrategyId: !upper && hasCatalogueLink ? (strategy?.id ?? null) : null,
      symbol: extract.document.symbol || "KH-UBND",
      place: extract.document.place || placeOf(unit.full_name),
      title: extract.document.title as string,
      periodFrom,
      periodTo,
      sections: buildSections(extract, unit.full_name, upper),
    });
    const goalNumber = numberer();
    const indicatorIds = new Map<string, number>();
    let indicatorCount = 0;
    for (const [gi, g] of extract.goals.entries()) {
      const linked = g.indicators.map((_, ii) => {
        const link = input.links[`goals.${gi}.indicators.${ii}`];
        return link ? linkable.get(`${link.kind}:${link.id}`) : undefined;
      });
      const number = goalNumber(g.number);
      const goal = await insertGoal(tx, {
        planId: plan.id,
        number,
        domain: g.domain,
        title: g.title || `Mục tiêu ${number}`,
        catalogueGoalId: linked.find((l) => l?.kind === "catalogue")?.goalId ?? null,
        upperGoalId: linked.find((l) => l?.kind === "upper")?.goalId ?? null,
      });
      const indicatorNumber = numberer();
      for (const [ii, ind] of g.indicators.entries()) {
        const link = linked[ii];
        const row = await insertIndicator(tx, {
          planId: plan.id,
          goalId: goal.id,
          number: indicatorNumber(ind.number),
          text: ind.text,
          kind: ind.targets.some((t) => t.value !== null) ? "quantitative" : "qualitative",
          catalogueIndicatorId: link?.catalogueIndicatorId ?? null,
          upperIndicatorId: link?.kind === "upper" ? link.id : null,
          isLocal: !link,
        });
        indicatorIds.set(`goals.${gi}.indicators.${ii}`, row.id);
        indicatorCount++;
        await replaceTargets(
          tx,
          plan.id,
          row.id,
          ind.targets.map((t) => ({
            subject: t.subject,
            comparator: t.comparator,
            value: t.value,
            unit: t.unit,
            year: t.year ?? periodTo,
            baseline: t.baseline,
          })),
        );
      }
    }
    const names = [...new Set(extract.assignments.map((a) => a.agency))];
    const agencies = await resolveAgencies(tx, actor, input.unitId, names, input.agencies);
    const responsibilities = responsibilityRows(extract, indicatorIds, agencies.byName);
    await replaceResponsibilities(tx, plan.id, responsibilities);
    const result = {
      planId: plan.id,
      goals: extract.goals.length,
      indicators: indicatorCount,
      responsibilities: responsibilities.length,
      createdAgencies: agencies.created.length,
    };
    await insertAudit(tx, {
      ...auditActor(actor),
      action: "plan.import",
      objectType: "plan",
      objectId: plan.id,
      old: null,
      new: {
        plan,
        source: { fileName: input.fileName ?? null, number: extract.document.number, date: extract.document.date },
        ...result,
      },
    });
    return result;
  });
}

/** An assignment names a goal (and an indicator, or the whole goal) by the document's own numbers. */
function responsibilityRows(extract: Extract, indicatorIds: Map<string, number>, agencyIds: Map<string, number>) {
  const rows = new Map<string, { indicatorId: number; agencyId: number; role: string }>();
  for (const a of extract.assignments) {
    const agencyId = agencyIds.get(a.agency);
    const gi = extract.goals.findIndex((g) => g.number === a.goal);
    const goal = extract.goals[gi];
    if (agencyId === undefined || a.goal === null || !goal) continue;
    goal.indicators.forEach((ind, ii) => {
      if (a.indicator !== null && ind.number !== a.indicator) return;
      const indicatorId = indicatorIds.get(`goals.${gi}.indicators.${ii}`);
      if (indicatorId === undefined) return;
      rows.set(`${indicatorId}|${agencyId}|${a.role}`, { indicatorId, agencyId, role: a.role });
    });
  }
  return [...rows.values()];
}
