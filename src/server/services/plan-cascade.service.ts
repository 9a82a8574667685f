import type { LegalAct } from "../../contract/catalogue";
import type { CreatePlanFromInput, PlanSections } from "../../contract/plan";
import { AppError } from "../../core/errors";
import { bodyNameInSentence, DEFAULT_ACTION_MONTH, prefillTargets, type Target } from "../../core/plan";
import type { Db, Executor } from "../db/client";
import { findAgency } from "../db/repos/agency.repo";
import { insertAudit } from "../db/repos/audit.repo";
import {
  findStrategy,
  listCatalogueGoals,
  listCatalogueIndicators,
  listCatalogueTargetsOf,
} from "../db/repos/catalogue.repo";
import {
  insertGoal,
  insertIndicator,
  insertPlan,
  listGoals,
  listIndicators,
  listResponsibilities,
  listTargetsOfPlans,
  type PlanRow,
  replaceResponsibilities,
  replaceTargets,
} from "../db/repos/plan.repo";
import { findUnitById } from "../db/repos/unit.repo";
import { assertCan, unitTarget } from "./access.service";
import { type Actor, auditActor } from "./context";
import { planTarget, requirePlan, toTarget } from "./plan-view.service";
import { todayIso } from "./unit.service";

// "Tạo kế hoạch từ…": a lower plan starts as a copy of the level above — goals,
// indicators linked to the upper ones, the upper targets of the years it
// covers, the upper plan as legal basis, the reporting regime — and the
// officer then sets her own targets.

const TYPE_PREFIX = /^(Thành phố|Tỉnh|Phường|Xã|Đặc khu|Thị trấn|Quận|Huyện|Thị xã)\s+/;

/** Place name for "Cần Thơ, ngày …": the unit's name without its type. */
export function placeOf(unitName: string): string {
  return unitName.replace(TYPE_PREFIX, "");
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLocaleLowerCase("vi") + s.slice(1);
}

function periodWords(from: number, to: number): string {
  return from === to ? `năm ${from}` : `giai đoạn ${from} - ${to}`;
}

/** The issuing body: the people's committee of the unit, or one of its agencies under it. */
interface Issuer {
  lines: string[];
  symbol: string;
  signer: string[];
}

function unitIssuer(unitName: string): Issuer {
  return {
    lines: ["ỦY BAN NHÂN DÂN", unitName.toLocaleUpperCase("vi")],
    symbol: "KH-UBND",
    signer: ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
  };
}

/** "Sở Nội vụ" of Thành phố Cần Thơ → "UBND THÀNH PHỐ CẦN THƠ" / "SỞ NỘI VỤ", symbol "KH-SNV". */
function agencyIssuer(unitName: string, agencyName: string): Issuer {
  const initials = agencyName
    .split(/\s+/)
    .filter((w) => w !== "và")
    .map((w) => w.charAt(0).toLocaleUpperCase("vi"))
    .join("");
  return {
    lines: [`UBND ${unitName.toLocaleUpperCase("vi")}`, agencyName.toLocaleUpperCase("vi")],
    symbol: `KH-${initials}`,
    signer: ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"],
  };
}

function defaultSections(issuer: Issuer): PlanSections {
  return {
    issuerLines: issuer.lines,
    legalBasis: [],
    purposes: [
      "Triển khai thực hiện có hiệu quả các mục tiêu, chỉ tiêu về bình đẳng giới của cấp trên phù hợp với điều kiện thực tế của địa phương.",
    ],
    requirements: [
      "Xác định rõ nhiệm vụ, trách nhiệm của các cơ quan, đơn vị; bảo đảm sự phối hợp chặt chẽ, thường xuyên trong tổ chức thực hiện.",
    ],
    generalObjective: "",
    tasks: [],
    models: [],
    budget: [
      "Ngân sách nhà nước bố trí trong dự toán chi thường xuyên hằng năm của các cơ quan, đơn vị theo phân cấp hiện hành.",
      "Các nguồn kinh phí hợp pháp khác theo quy định.",
    ],
    agencyDuties: [],
    reporting: [],
    actionMonth: { ...DEFAULT_ACTION_MONTH },
    recipients: ["Như trên;", "Lưu: VT."],
    signer: { positionLines: issuer.signer, name: "" },
  };
}

interface NewPlanBase {
  unitId: number;
  unitName: string;
  issuer: Issuer;
  input: CreatePlanFromInput;
}

export async function createPlanFrom(db: Db, actor: Actor, input: CreatePlanFromInput): Promise<PlanRow> {
  if (input.periodTo < input.periodFrom) {
    throw new AppError("VALIDATION", {
      userMessage: { vi: "Năm kết thúc phải sau năm bắt đầu.", en: "The period must end after it starts." },
    });
  }
  assertCan(actor, "plan.write", await unitTarget(db, input.unitId, input.issuerAgencyId ?? null));
  const unit = await findUnitById(db, input.unitId, todayIso());
  if (!unit) throw new AppError("NOT_FOUND");
  let issuer = unitIssuer(unit.full_name);
  if (input.issuerAgencyId) {
    const agency = await findAgency(db, input.issuerAgencyId);
    if (!agency || agency.unitId !== unit.id) {
      throw new AppError("VALIDATION", {
        userMessage: {
          vi: "Cơ quan ban hành không thuộc đơn vị này.",
          en: "The issuing agency does not belong to this unit.",
        },
      });
    }
    issuer = agencyIssuer(unit.full_name, agency.name);
  }
  const base: NewPlanBase = { unitId: unit.id, unitName: unit.full_name, issuer, input };
  return input.source === "strategy" ? fromStrategy(db, actor, base) : fromPlan(db, actor, base);
}

async function fromStrategy(db: Db, actor: Actor, base: NewPlanBase): Promise<PlanRow> {
  const strategy = await findStrategy(db, base.input.sourceId);
  if (!strategy) throw new AppError("NOT_FOUND");
  const [goals, indicators] = await Promise.all([
    listCatalogueGoals(db, strategy.id),
    listCatalogueIndicators(db, strategy.id),
  ]);
  const targets = await listCatalogueTargetsOf(
    db,
    indicators.map((i) => i.id),
  );
  const act = strategy.issuedBy as LegalAct;
  const { input, unitName } = base;
  const sections: PlanSections = {
    ...defaultSections(base.issuer),
    legalBasis: [{ ...act, title: strategy.title, planId: null }],
    generalObjective: strategy.generalObjective ?? "",
    reporting: [
      { kind: "semiannual", due: "06-20", to: "Bộ Nội vụ" },
      { kind: "annual", due: "12-20", to: "Bộ Nội vụ" },
    ],
  };
  return db.transaction(async (tx) => {
    const plan = await insertPlan(tx, {
      unitId: base.unitId,
      issuerAgencyId: input.issuerAgencyId ?? null,
      sourceKind: "strategy",
      sourceStrategyId: strategy.id,
      symbol: base.issuer.symbol,
      place: placeOf(unitName),
      title:
        input.title ||
        `Thực hiện ${strategy.title.replace(/ giai đoạn.*$/, "")} ${lowerFirst(unitName)} ${periodWords(input.periodFrom, input.periodTo)}`,
      periodFrom: input.periodFrom,
      periodTo: input.periodTo,
      sections,
    });
    for (const g of goals) {
      const goal = await insertGoal(tx, {
        planId: plan.id,
        number: g.number,
        domain: g.domain,
        title: g.title,
        catalogueGoalId: g.id,
      });
      for (const c of indicators.filter((i) => i.goalId === g.id)) {
        const indicator = await insertIndicator(tx, {
          planId: plan.id,
          goalId: goal.id,
          number: c.number,
          text: c.text,
          kind: c.kind,
          catalogueIndicatorId: c.id,
        });
        const upper = targets.filter((t) => t.indicatorId === c.id).map((t) => toTarget({ ...t, baseline: null }));
        await replaceTargets(tx, plan.id, indicator.id, targetRows(upper, input.periodFrom, input.periodTo));
      }
    }
    await auditCreate(tx, actor, plan, { source: "strategy", sourceId: strategy.id });
    return plan;
  });
}

function targetRows(upper: Target[], from: number, to: number) {
  return prefillTargets(upper, from, to).map((t) => ({
    subject: t.subject,
    comparator: t.comparator,
    value: t.value,
    unit: t.unit,
    year: t.year,
    baseline: t.baseline ?? null,
  }));
}

async function fromPlan(db: Db, actor: Actor, base: NewPlanBase): Promise<PlanRow> {
  const upper = await requirePlan(db, base.input.sourceId);
  assertCan(actor, "plan.read", await planTarget(db, upper));
  if (upper.status !== "issued") {
    throw new AppError("INVALID_STATE", {
      userMessage: {
        vi: "Chỉ tạo được kế hoạch từ kế hoạch cấp trên đã ban hành.",
        en: "A plan can only be created from an issued upper plan.",
      },
    });
  }
  const [goals, indicators, targets] = await Promise.all([
    listGoals(db, upper.id),
    listIndicators(db, upper.id),
    listTargetsOfPlans(db, [upper.id]),
  ]);
  const upperSections = upper.sections as PlanSections;
  const upperIssuer = upperSections.issuerLines.join(" ");
  const { input, unitName } = base;
  const sections: PlanSections = {
    ...defaultSections(base.issuer),
    legalBasis: [
      ...upperSections.legalBasis.filter((l) => !l.planId).slice(0, 1),
      {
        type: "Kế hoạch",
        number: `${upper.number ?? ""}/${upper.symbol}`,
        date: upper.issuedOn,
        issuer: bodyNameInSentence(upperIssuer),
        title: upper.title,
        planId: upper.id,
      },
    ],
    generalObjective: upperSections.generalObjective,
    reporting: upperSections.reporting.map((r) => ({ ...r, to: bodyNameInSentence(upperIssuer) })),
    actionMonth: upperSections.actionMonth,
  };
  return db.transaction(async (tx) => {
    const plan = await insertPlan(tx, {
      unitId: base.unitId,
      issuerAgencyId: input.issuerAgencyId ?? null,
      sourceKind: "plan",
      sourcePlanId: upper.id,
      symbol: base.issuer.symbol,
      place: placeOf(unitName),
      title:
        input.title ||
        `Thực hiện công tác bình đẳng giới trên địa bàn ${lowerFirst(unitName)} ${periodWords(input.periodFrom, input.periodTo)}`,
      periodFrom: input.periodFrom,
      periodTo: input.periodTo,
      sections,
    });
    for (const g of goals) {
      const kept = indicators.filter((i) => i.goalId === g.id && !i.dropped);
      if (kept.length === 0) continue;
      const goal = await insertGoal(tx, {
        planId: plan.id,
        number: g.number,
        domain: g.domain,
        title: g.title,
        catalogueGoalId: g.catalogueGoalId,
        upperGoalId: g.id,
      });
      for (const u of kept) {
        const indicator = await insertIndicator(tx, {
          planId: plan.id,
          goalId: goal.id,
          number: u.number,
          text: u.text,
          kind: u.kind,
          catalogueIndicatorId: u.catalogueIndicatorId,
          upperIndicatorId: u.id,
        });
        const upperTargets = targets.filter((t) => t.indicatorId === u.id).map(toTarget);
        await replaceTargets(tx, plan.id, indicator.id, targetRows(upperTargets, input.periodFrom, input.periodTo));
      }
    }
    await auditCreate(tx, actor, plan, { source: "plan", sourceId: upper.id });
    return plan;
  });
}

async function auditCreate(tx: Executor, actor: Actor, plan: PlanRow, source: unknown): Promise<void> {
  await insertAudit(tx, {
    ...auditActor(actor),
    action: "plan.create",
    objectType: "plan",
    objectId: plan.id,
    old: null,
    new: { plan, source },
  });
}

/** The draft of the next version: everything copied, indicator lineage kept, no number yet. */
export async function copyAsNewVersion(tx: Executor, actor: Actor, from: PlanRow): Promise<PlanRow> {
  const [goals, indicators, targets, responsibilities] = await Promise.all([
    listGoals(tx, from.id),
    listIndicators(tx, from.id),
    listTargetsOfPlans(tx, [from.id]),
    listResponsibilities(tx, from.id),
  ]);
  const { id: _id, createdAt: _c, updatedAt: _u, issuedAt: _i, ...rest } = from;
  const plan = await insertPlan(tx, {
    ...rest,
    status: "draft",
    version: from.version + 1,
    previousVersionId: from.id,
    number: null,
    issuedOn: null,
  });
  const indicatorMap = new Map<number, number>();
  for (const g of goals) {
    const { id: goalId, planId: _p, ...goalRest } = g;
    const goal = await insertGoal(tx, { ...goalRest, planId: plan.id });
    for (const i of indicators.filter((x) => x.goalId === goalId)) {
      const { id: oldId, planId: _pp, goalId: _g, ...iRest } = i;
      const copy = await insertIndicator(tx, {
        ...iRest,
        planId: plan.id,
        goalId: goal.id,
        previousVersionIndicatorId: oldId,
      });
      indicatorMap.set(oldId, copy.id);
      await replaceTargets(
        tx,
        plan.id,
        copy.id,
        targets
          .filter((t) => t.indicatorId === oldId)
          .map(({ subject, comparator, value, unit, year, baseline }) => ({
            subject,
            comparator,
            value,
            unit,
            year,
            baseline,
          })),
      );
    }
  }
  await replaceResponsibilities(
    tx,
    plan.id,
    responsibilities.map((r) => ({
      indicatorId: indicatorMap.get(r.indicatorId) as number,
      agencyId: r.agencyId,
      role: r.role,
    })),
  );
  await insertAudit(tx, {
    ...auditActor(actor),
    action: "plan.new_version",
    objectType: "plan",
    objectId: plan.id,
    old: { previousVersionId: from.id },
    new: plan,
  });
  return plan;
}
