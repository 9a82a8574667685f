import type { PlanSections } from "../../contract/plan";
import {
  bodyNameInSentence,
  formatPlanNumber,
  type IndicatorKind,
  indicatorReferences,
  indicatorSentence,
  type ModelMode,
  type ReportKind,
} from "../../core/plan";
import { foldVietnamese } from "../../core/text";
import type { Db } from "../db/client";
import { type DocBlock, type DocSection, type PlanDocumentModel, renderPlanDocx } from "../documents/plan-docx";
import type { Actor } from "./context";
import { getPlan } from "./plan.service";
import { agencyName, indicatorCode, type PlanAggregate, toTarget } from "./plan-view.service";

// Turns a plan into the official document's view model: indicators become
// sentences with their targets, each agency gets its duties and the
// indicators it leads, supports or reports.

/** NĐ 30/2020: days below 10 and months 1–2 take a leading zero ("ngày 05 tháng 01", "tháng 3"). */
export function vietnameseDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const day = String(d).padStart(2, "0");
  const month = m <= 2 ? String(m).padStart(2, "0") : String(m);
  return `ngày ${day} tháng ${month} năm ${y}`;
}

function dayMonth(mmdd: string): string {
  const [m, d] = mmdd.split("-").map(Number) as [number, number];
  return `${String(d).padStart(2, "0")}/${String(m).padStart(2, "0")}`;
}

const MODE_VI: Record<ModelMode, string> = { maintain: "Duy trì", replicate: "Nhân rộng", new: "Xây dựng mới" };
const REPORT_VI: Record<ReportKind, string> = {
  semiannual: "Báo cáo 6 tháng",
  annual: "Báo cáo năm",
  quarterly: "Báo cáo quý",
};

function legalLine(l: PlanSections["legalBasis"][number], last: boolean): string {
  const verb = l.planId ? "Thực hiện" : "Căn cứ";
  const date = l.date ? ` ${vietnameseDate(l.date)}` : "";
  const about = l.title ? (l.planId ? ` về việc ${lowerFirst(l.title)}` : ` ban hành ${l.title}`) : "";
  return `${verb} ${l.type} số ${l.number}${date} của ${l.issuer}${about}${last ? "," : ";"}`;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLocaleLowerCase("vi") + s.slice(1);
}

export function buildPlanDocumentModel(agg: PlanAggregate): PlanDocumentModel {
  const { plan, sections: s } = agg;
  const year = plan.issuedOn ? plan.issuedOn.slice(0, 4) : String(plan.periodFrom);
  const placeDate = plan.issuedOn
    ? `${plan.place}, ${vietnameseDate(plan.issuedOn)}`
    : `${plan.place}, ngày      tháng      năm ${year}`;
  // An agency's plan speaks as the agency ("Sở Nội vụ ban hành…"), a unit's as its people's committee.
  const issuer =
    plan.issuerAgencyId !== null ? agencyName(agg, plan.issuerAgencyId) : bodyNameInSentence(s.issuerLines.join(" "));
  const preamble = s.legalBasis.map((l, k) => legalLine(l, k === s.legalBasis.length - 1));
  preamble.push(`${issuer} ban hành Kế hoạch ${lowerFirst(plan.title)}, cụ thể như sau:`);

  const sections: DocSection[] = [purposeSection(s), goalSection(agg), taskSection(agg)];
  if (s.models.length > 0) sections.push(modelSection(s));
  sections.push({ heading: "Kinh phí thực hiện", blocks: [{ heading: null, paragraphs: s.budget, items: [] }] });
  sections.push(organisationSection(agg));

  for (const section of sections) {
    section.blocks = section.blocks.filter((b) => b.paragraphs.length > 0 || b.items.length > 0);
  }
  const written = sections.filter((section) => section.blocks.length > 0);
  return {
    issuerLines: s.issuerLines,
    numberLine: `Số: ${plan.number ? formatPlanNumber(plan.number, plan.symbol) : `      /${plan.symbol}`}`,
    placeDate,
    isDraft: plan.status === "draft",
    title: plan.title,
    preamble,
    sections: written,
    closing: `Trên đây là Kế hoạch ${lowerFirst(plan.title)}; yêu cầu các cơ quan, đơn vị có liên quan triển khai thực hiện. Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, phản ánh về cơ quan chủ trì để tổng hợp, báo cáo ${lowerFirst(issuer)} xem xét, quyết định./.`,
    recipients: s.recipients,
    signer: s.signer,
  };
}

function purposeSection(s: PlanSections): DocSection {
  return {
    heading: "Mục đích, yêu cầu",
    blocks: [
      { heading: "Mục đích", paragraphs: s.purposes, items: [] },
      { heading: "Yêu cầu", paragraphs: s.requirements, items: [] },
    ],
  };
}

function goalSection(agg: PlanAggregate): DocSection {
  const multiYear = agg.plan.periodFrom !== agg.plan.periodTo;
  const items = agg.goals
    .map((g) => {
      const indicators = agg.indicators.filter((i) => i.goalId === g.id && !i.dropped);
      const lines = indicators.map((i) => {
        const targets = (agg.targetsByIndicator.get(i.id) ?? []).map(toTarget);
        const prefix = indicators.length > 1 ? `- Chỉ tiêu ${i.number}: ` : "Chỉ tiêu: ";
        return prefix + indicatorSentence(i.text, i.kind as IndicatorKind, targets, multiYear);
      });
      return { heading: `Mục tiêu ${g.number}: ${g.title}`, lines, count: indicators.length };
    })
    .filter((g) => g.count > 0)
    .map(({ heading, lines }) => ({ heading, lines }));
  return {
    heading: "Mục tiêu",
    blocks: [
      {
        heading: "Mục tiêu tổng quát",
        paragraphs: agg.sections.generalObjective ? [agg.sections.generalObjective] : [],
        items: [],
      },
      { heading: "Mục tiêu cụ thể", paragraphs: [], items },
    ],
  };
}

function taskLine(agg: PlanAggregate, t: PlanSections["tasks"][number]): string {
  const who = t.agencyIds.map((id) => agencyName(agg, id));
  const extra = [
    who.length > 0 ? `cơ quan thực hiện: ${who.join(", ")}` : null,
    t.due ? `thời hạn: ${t.due.split("-").reverse().join("/")}` : null,
  ].filter(Boolean);
  return `${t.text.replace(/[.;]+$/, "")}${extra.length > 0 ? ` (${extra.join("; ")})` : ""}.`;
}

function taskSection(agg: PlanAggregate): DocSection {
  const tasks = agg.sections.tasks;
  const blocks: DocBlock[] = [];
  const general = tasks.filter((t) => t.goalNumber === null);
  if (general.length > 0) {
    blocks.push({
      heading: "Nhiệm vụ, giải pháp chung",
      paragraphs: [],
      items: general.map((t) => ({ heading: taskLine(agg, t), lines: [] })),
    });
  }
  for (const g of agg.goals) {
    const own = tasks.filter((t) => t.goalNumber === g.number);
    if (own.length === 0) continue;
    blocks.push({
      heading: `Giải pháp thực hiện Mục tiêu ${g.number}`,
      paragraphs: [],
      items: own.map((t) => ({ heading: taskLine(agg, t), lines: [] })),
    });
  }
  return { heading: "Nhiệm vụ và giải pháp", blocks };
}

function modelSection(s: PlanSections): DocSection {
  return {
    heading: "Mô hình",
    blocks: [
      {
        heading: null,
        paragraphs: s.models.map(
          (m) =>
            `- ${MODE_VI[m.mode]} mô hình “${m.name}”${m.communes.length > 0 ? ` tại ${m.communes.join(", ")}` : ""}.`,
        ),
        items: [],
      },
    ],
  };
}

/** The agencies the document names, in the order of their duties, then of the indicators they lead. */
function agencyOrder(agg: PlanAggregate): number[] {
  const order = agg.sections.agencyDuties.map((d) => d.agencyId);
  for (const i of agg.indicators) {
    for (const r of agg.responsibilities.filter((x) => x.indicatorId === i.id && x.role === "lead")) {
      if (!order.includes(r.agencyId)) order.push(r.agencyId);
    }
  }
  for (const r of agg.responsibilities) if (!order.includes(r.agencyId)) order.push(r.agencyId);
  return order;
}

export function responsibilityLines(agg: PlanAggregate, agencyId: number): string[] {
  const active = new Map(agg.indicators.filter((i) => !i.dropped).map((i) => [i.id, i]));
  const refs = (role: string) =>
    agg.responsibilities
      .filter((r) => r.agencyId === agencyId && r.role === role && active.has(r.indicatorId))
      .map((r) => {
        const i = active.get(r.indicatorId)!;
        const [goal, number] = indicatorCode(agg.goals, i).split(".").map(Number) as [number, number];
        return { goalNumber: goal, indicatorNumber: number };
      });
  const out: string[] = [];
  const lead = refs("lead");
  const support = refs("support");
  const report = refs("report");
  if (lead.length > 0) {
    out.push(
      `Chịu trách nhiệm chủ trì tổ chức thực hiện, theo dõi và báo cáo kết quả thực hiện ${indicatorReferences(lead)}.`,
    );
  }
  if (support.length > 0) out.push(`Phối hợp thực hiện ${indicatorReferences(support)}.`);
  if (report.length > 0) out.push(`Thu thập và báo cáo số liệu ${indicatorReferences(report)}.`);
  return out;
}

function organisationSection(agg: PlanAggregate): DocSection {
  const s = agg.sections;
  const blocks: DocBlock[] = agencyOrder(agg).map((agencyId) => {
    const duties = s.agencyDuties.find((d) => d.agencyId === agencyId)?.duties ?? [];
    const lines = [...duties, ...responsibilityLines(agg, agencyId)];
    return { heading: agencyName(agg, agencyId), paragraphs: [], items: lines.map((l) => ({ heading: l, lines: [] })) };
  });
  const reporting = s.reporting.map(
    (r) => `${REPORT_VI[r.kind]} gửi ${r.to || "cơ quan chủ trì"} trước ngày ${dayMonth(r.due)} hằng năm.`,
  );
  blocks.push({
    heading: "Chế độ thông tin, báo cáo",
    paragraphs: [
      "Các cơ quan, đơn vị định kỳ báo cáo kết quả thực hiện Kế hoạch theo thời gian chốt số liệu của Nghị định số 09/2019/NĐ-CP (báo cáo 6 tháng: từ ngày 15/12 năm trước đến ngày 14/6; báo cáo năm: từ ngày 15/12 năm trước đến ngày 14/12).",
      ...reporting,
      `Hằng năm tổ chức Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới từ ngày ${dayMonth(s.actionMonth.from)} đến ngày ${dayMonth(s.actionMonth.to)}.`,
    ],
    items: [],
  });
  return { heading: "Tổ chức thực hiện", blocks };
}

export interface RenderedDocument {
  bytes: Buffer;
  /** ASCII name for old clients; the Vietnamese one goes in filename*. */
  fileName: string;
  fileNameVi: string;
}

export async function renderPlanDocument(db: Db, actor: Actor, id: number): Promise<RenderedDocument> {
  const agg = await getPlan(db, actor, id);
  const bytes = await renderPlanDocx(buildPlanDocumentModel(agg));
  const label = agg.plan.number ? `${agg.plan.number}-${agg.plan.symbol}` : `du-thao-${agg.plan.id}`;
  const fileNameVi = `Kế hoạch ${label} ${agg.plan.title}`.slice(0, 120).concat(".docx");
  const fileName = foldVietnamese(`ke-hoach-${label}`)
    .replace(/[^a-z0-9-]+/g, "-")
    .concat(".docx");
  return { bytes, fileName, fileNameVi };
}
