import { type Dashboard, type ReportQuery, STATUS_CODES, STATUS_LABELS } from "../../contract/dashboard";
import type { PlanSections } from "../../contract/plan";
import { formatDateVi } from "../../core/format";
import { dataWindow } from "../../core/periods";
import type { Executor } from "../db/client";
import { listGoals } from "../db/repos/plan.repo";
import { listSubmissionsOfRound } from "../db/repos/reporting.repo";
import { type ReportDocumentModel, renderReportDocx } from "../documents/report-docx";
import { type AnnexModel, renderReportXlsx } from "../documents/report-xlsx";
import type { Actor } from "./context";
import { buildDashboard, type DashboardCache, type DashboardInput } from "./dashboard.service";
import { vietnameseDate } from "./plan-document.service";
import { requirePlan } from "./plan-view.service";
import { indicatorTable, lowerUnitTable } from "./report-tables";
import { type ReportTextFields, readReportTextFields, reportTextDefaults } from "./report-text.service";

// The unit's 6-month or annual report (DOCX, NĐ 30/2020) and its Excel annex, built
// from the very view model GET /api/dashboard serves (buildDashboard), so the
// document, the annex and the screen show the same consolidated numbers.

export interface ReportFile {
  bytes: Buffer;
  fileName: string;
  fileNameVi: string;
}

export interface ReportInput extends DashboardInput {
  options: ReportQuery;
}

const STATUS_METHOD =
  "Ghi chú: “Đánh giá” theo phương pháp so sánh tốc độ tăng trưởng thực tế với tốc độ cần đạt từ năm gốc đến năm mục tiêu (UN ESCAP): tỷ số ≥ 0,95 là đúng tiến độ, từ 0,5 đến dưới 0,95 là có nguy cơ, dưới 0,5 là chậm tiến độ; đã đạt mục tiêu là “Đạt”.";

function lines(text: string | undefined): string[] {
  return (text ?? "")
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

/** The written parts: each query field (API users) overrides the saved text (PUT …/text) field by field. */
function writtenParts(saved: ReportTextFields | undefined, query: ReportQuery): ReportTextFields {
  const pick = (k: keyof ReportTextFields & keyof ReportQuery) => query[k] ?? saved?.[k] ?? "";
  return {
    number: pick("number"),
    recipient: pick("recipient"),
    recipients: saved?.recipients ?? "",
    signerPosition: saved?.signerPosition ?? "",
    signerName: saved?.signerName ?? "",
    activities: pick("activities"),
    difficulties: pick("difficulties"),
    proposals: pick("proposals"),
  };
}

function periodPhrase(view: Dashboard): string {
  return view.periodLabel.charAt(0).toLocaleLowerCase("vi") + view.periodLabel.slice(1);
}

function goalSummary(counts: Record<string, number>, total: number): string {
  const parts = STATUS_CODES.filter((s) => (counts[s] ?? 0) > 0).map(
    (s) => `${counts[s]} ${STATUS_LABELS[s].vi.toLocaleLowerCase("vi")}`,
  );
  return `${total} chỉ tiêu: ${parts.join(", ")}.`;
}

export async function buildReportModels(
  db: Executor,
  actor: Actor,
  input: ReportInput,
  cache: DashboardCache | null = null,
): Promise<{ view: Dashboard; document: ReportDocumentModel; annex: AnnexModel }> {
  // The same cache as GET /api/dashboard: a report right after a dashboard read reuses its view.
  const view = await buildDashboard(db, actor, input, cache);
  const plan = await requirePlan(db, input.planId);
  const sections = plan.sections as PlanSections;
  const ownUnit = view.unit.id === plan.unitId;
  const isPublic = input.options.public;
  const published = indicatorTable(view, isPublic);
  const kind = view.period.endsWith("S1") ? "semiannual" : "annual";
  const defaults = reportTextDefaults(plan, view.unit.id, view.period);
  const saved = await readReportTextFields(db, { unitId: view.unit.id, planId: plan.id, period: view.period });
  const written = writtenParts(saved, input.options);
  const issuerLines = ownUnit
    ? sections.issuerLines
    : view.isNational
      ? ["BỘ NỘI VỤ"]
      : ["ỦY BAN NHÂN DÂN", view.unit.fullName.toLocaleUpperCase("vi")];
  const symbol = view.isNational ? "BC-BNV" : "BC-UBND";
  const number = written.number.trim();
  const window = dataWindow(view.period);
  const planRef = `Kế hoạch số ${plan.number ?? "…"}/${plan.symbol}${plan.issuedOn ? ` ngày ${formatDateVi(plan.issuedOn)}` : ""}`;

  const goals = view.goals.map((g) => ({
    heading: `Mục tiêu ${g.number}: ${g.title}`,
    summary: goalSummary(g.counts, g.total),
    rows: view.indicators.flatMap((ind, k) => {
      if (ind.goalId !== g.goalId) return [];
      const row = published.rows[k] ?? [];
      const cell = (i: number) => row[i]?.text ?? "";
      return [[cell(0), cell(1), cell(2), cell(3), cell(7)] as [string, string, string, string, string]];
    }),
  }));

  const document: ReportDocumentModel = {
    issuerLines,
    numberLine: number ? `Số: ${number}/${symbol}` : `Số:        /${symbol}`,
    placeDate: `${plan.place}, ${vietnameseDate(input.today)}`,
    isDraft: !number,
    title: `Kết quả thực hiện công tác bình đẳng giới ${periodPhrase(view)}`,
    recipientLine: `Kính gửi: ${written.recipient.trim() || defaults.recipient || "…"}.`,
    intro: [
      `Thực hiện ${planRef} về ${plan.title.charAt(0).toLocaleLowerCase("vi")}${plan.title.slice(1)}, ${view.unit.fullName} báo cáo kết quả thực hiện ${periodPhrase(view)} như sau (số liệu tính từ ngày ${formatDateVi(window.from)} đến ngày ${formatDateVi(window.to)}, theo Nghị định số 09/2019/NĐ-CP):`,
    ],
    goals,
    narratives: await narratives(db, view),
    activities:
      lines(written.activities).length > 0
        ? lines(written.activities)
        : view.actionMonth && kind === "annual"
          ? [`${view.actionMonth.label}: …`]
          : [],
    difficulties: lines(written.difficulties),
    proposals: lines(written.proposals),
    footnotes: [STATUS_METHOD, ...published.footnotes],
    recipients: lines(written.recipients).length > 0 ? lines(written.recipients) : defaults.recipients,
    signer: {
      positionLines:
        lines(written.signerPosition).length > 0 ? lines(written.signerPosition) : defaults.signer.positionLines,
      name: written.signerName.trim() || defaults.signer.name,
    },
  };
  const annex: AnnexModel = {
    title: `Phụ lục: Số liệu các chỉ tiêu bình đẳng giới theo đơn vị — ${view.unit.fullName}`,
    subtitle: `${view.periodLabel} (${formatDateVi(window.from)} – ${formatDateVi(window.to)}). Kèm theo Báo cáo ${document.title.charAt(0).toLocaleLowerCase("vi")}${document.title.slice(1)}.`,
    tables: [lowerUnitTable(view, isPublic), published],
  };
  return { view, document, annex };
}

/** Per goal, what each agency and lower unit wrote with its submitted or approved figures. */
async function narratives(db: Executor, view: Dashboard): Promise<ReportDocumentModel["narratives"]> {
  if (!view.round) return [];
  const keep = new Map(
    view.round.reporters
      .filter((r) => r.state === "approved" || r.state === "submitted")
      .map((r) => [r.reporterKey, r]),
  );
  const submissions = (await listSubmissionsOfRound(db, view.round.roundId)).filter((s) => keep.has(s.reporterKey));
  const goals = await listGoals(db, view.plan.id);
  return [...goals]
    .sort((a, b) => a.number - b.number)
    .map((g) => ({
      heading: `Mục tiêu ${g.number}: ${g.title}`,
      paragraphs: submissions
        .map((s) => ({
          name: keep.get(s.reporterKey)?.name ?? "",
          text: s.narrative?.[String(g.id)]?.trim() ?? "",
        }))
        .filter((n) => n.text)
        .sort((a, b) => a.name.localeCompare(b.name, "vi"))
        .map((n) => `- ${n.name}: ${n.text}`),
    }))
    .filter((n) => n.paragraphs.length > 0);
}

function fileNames(view: Dashboard, ext: string, what: string): Pick<ReportFile, "fileName" | "fileNameVi"> {
  return {
    fileName: `${what === "annex" ? "phu-luc" : "bao-cao"}-${view.unit.code}-${view.period}.${ext}`,
    fileNameVi: `${what === "annex" ? "Phụ lục báo cáo" : "Báo cáo"} ${view.unit.fullName} ${view.periodLabel}.${ext}`,
  };
}

export async function renderReportDocument(
  db: Executor,
  actor: Actor,
  input: ReportInput,
  cache: DashboardCache | null = null,
): Promise<ReportFile> {
  const { view, document } = await buildReportModels(db, actor, input, cache);
  return { bytes: await renderReportDocx(document), ...fileNames(view, "docx", "report") };
}

export async function renderReportAnnex(
  db: Executor,
  actor: Actor,
  input: ReportInput,
  cache: DashboardCache | null = null,
): Promise<ReportFile> {
  const { view, annex } = await buildReportModels(db, actor, input, cache);
  return { bytes: await renderReportXlsx(annex), ...fileNames(view, "xlsx", "annex") };
}
