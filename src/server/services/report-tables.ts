import { type Dashboard, formatIndicatorValue, STATUS_LABELS } from "../../contract/dashboard";
import { formatNumberVi } from "../../core/format";
import { suppressTable } from "../../core/suppression";

// The dashboard's tables as every export prints them (CSV, XLSX annex, DOCX), from
// the one view model. For public outputs (`public=true`) the counts of
// gender-based-violence indicators (those reading a `sensitive` data element)
// are protected with core/suppression.ts: 1–4 hidden, plus complementary cells so
// that no hidden cell can be derived from the published totals (the unit's own
// figures are the totals of the lower-unit table). A rate whose numerator or
// denominator is hidden is hidden too (it would give the count back).

export const SUPPRESSED = "x";
export const SUPPRESSION_NOTE =
  "x: số liệu dưới 5 người (hoặc ô ẩn kèm để không suy ra được) về bạo lực trên cơ sở giới, không công bố để bảo vệ người bị bạo lực.";

export interface PublishedCell {
  text: string;
  /** The number behind the text; null when empty or suppressed. */
  value: number | null;
  suppressed: boolean;
}

export interface PublishedColumn {
  label: string;
  /** Columns sharing a group are printed under one merged heading (XLSX). */
  group?: string;
  numeric: boolean;
}

export interface PublishedTable {
  name: string;
  columns: PublishedColumn[];
  rows: PublishedCell[][];
  footnotes: string[];
}

const text = (t: string): PublishedCell => ({ text: t, value: null, suppressed: false });
const hidden: PublishedCell = { text: SUPPRESSED, value: null, suppressed: true };

function num(n: number | null, hide = false): PublishedCell {
  if (hide) return hidden;
  return n === null ? text("") : { text: formatNumberVi(n), value: n, suppressed: false };
}

/** Which cells a public output hides: per indicator key, at the unit and per lower unit. */
export interface SuppressionPlan {
  unit: Map<string, { numerator: boolean; denominator: boolean }>;
  /** key → per lower unit (in view order) → hidden numerator / denominator. */
  lower: Map<string, { numerator: boolean; denominator: boolean }[]>;
}

const small = (n: number | null) => n !== null && n > 0 && n < 5;

export function planSuppression(view: Dashboard, isPublic: boolean): SuppressionPlan {
  const plan: SuppressionPlan = { unit: new Map(), lower: new Map() };
  if (!isPublic) return plan;
  for (const ind of view.indicators) {
    if (!ind.sensitive) continue;
    const unitHide = { numerator: small(ind.numerator), denominator: small(ind.denominator) };
    if (unitHide.numerator || unitHide.denominator) unitHide.numerator = unitHide.denominator = true;
    plan.unit.set(ind.key, unitHide);
    const table = view.lowerUnits.map((u) => {
      const v = u.values[ind.key];
      return [v?.numerator ?? 0, v?.denominator ?? 0];
    });
    if (table.length === 0) continue;
    const result = suppressTable(table);
    // A table that cannot be protected with its totals shown (one lower unit, zero margins) is hidden whole.
    const whole = result.exposed.length > 0;
    if (whole) plan.unit.set(ind.key, { numerator: true, denominator: true });
    plan.lower.set(
      ind.key,
      result.mask.map((r) =>
        whole ? { numerator: true, denominator: true } : { numerator: r[0] as boolean, denominator: r[1] as boolean },
      ),
    );
  }
  return plan;
}

export function indicatorTable(view: Dashboard, isPublic: boolean): PublishedTable {
  const plan = planSuppression(view, isPublic);
  const rows = view.indicators.map((ind) => {
    const h = plan.unit.get(ind.key);
    const hide = Boolean(h?.numerator || h?.denominator);
    return [
      text(ind.code),
      text(ind.subject ? `${ind.text} — ${ind.subject}` : ind.text),
      text(ind.target ? `${ind.target.text}${ind.target.source === "nearest-milestone" ? " (mốc gần nhất)" : ""}` : ""),
      hide ? hidden : { ...num(ind.value), text: formatIndicatorValue(ind.value, ind.unit) },
      num(ind.numerator, h?.numerator),
      num(ind.denominator, h?.denominator),
      hide ? hidden : num(ind.gap),
      text(STATUS_LABELS[ind.status].vi),
      num(ind.projection?.value ?? null, hide),
    ];
  });
  return {
    name: "Chỉ tiêu",
    columns: [
      { label: "Mã", numeric: false },
      { label: "Chỉ tiêu", numeric: false },
      { label: "Kế hoạch (mục tiêu)", numeric: false },
      { label: "Thực hiện", numeric: true },
      { label: "Tử số", numeric: true },
      { label: "Mẫu số", numeric: true },
      { label: "Chênh lệch so với mục tiêu", numeric: true },
      { label: "Đánh giá", numeric: false },
      { label: "Dự báo đến năm mục tiêu", numeric: true },
    ],
    rows,
    footnotes: isPublic && [...plan.unit.values()].some((h) => h.numerator) ? [SUPPRESSION_NOTE] : [],
  };
}

/** One row per lower unit, one column group (value, numerator, denominator) per indicator, the unit as total. */
export function lowerUnitTable(view: Dashboard, isPublic: boolean): PublishedTable {
  const plan = planSuppression(view, isPublic);
  const columns: PublishedColumn[] = [
    { label: "Mã đơn vị", numeric: false },
    { label: "Đơn vị", numeric: false },
  ];
  for (const ind of view.indicators) {
    const group = `${ind.code}${ind.subject ? ` (${ind.subject})` : ""}`;
    columns.push(
      { label: "Giá trị", group, numeric: true },
      { label: "Tử số", group, numeric: true },
      { label: "Mẫu số", group, numeric: true },
    );
  }
  const rows = view.lowerUnits.map((u, k) => {
    const cells = [text(u.code), text(u.fullName)];
    for (const ind of view.indicators) {
      const v = u.values[ind.key];
      const h = plan.lower.get(ind.key)?.[k];
      cells.push(
        num(v?.value ?? null, Boolean(h?.numerator || h?.denominator)),
        num(v?.numerator ?? null, h?.numerator),
        num(v?.denominator ?? null, h?.denominator),
      );
    }
    return cells;
  });
  const total = [text(view.unit.code), text(`Tổng: ${view.unit.fullName}`)];
  for (const ind of view.indicators) {
    const h = plan.unit.get(ind.key);
    total.push(
      num(ind.value, Boolean(h?.numerator || h?.denominator)),
      num(ind.numerator, h?.numerator),
      num(ind.denominator, h?.denominator),
    );
  }
  const anyHidden = [...plan.lower.values()].some((l) => l.some((c) => c.numerator || c.denominator));
  return {
    name: "Theo đơn vị cấp dưới",
    columns,
    rows: [...rows, total],
    footnotes: anyHidden ? [SUPPRESSION_NOTE] : [],
  };
}

export function reporterTable(view: Dashboard): PublishedTable {
  const STATE: Record<string, string> = {
    pending: "Chưa nhập",
    draft: "Đang nhập",
    submitted: "Đã gửi, chờ duyệt",
    approved: "Đã duyệt",
    returned: "Bị trả lại",
  };
  const TIMELY: Record<string, string> = {
    on_time: "Đúng hạn",
    late: "Muộn",
    not_submitted: "Chưa gửi",
    overdue: "Quá hạn",
  };
  return {
    name: "Tình hình báo cáo",
    columns: [
      { label: "Cơ quan, đơn vị", numeric: false },
      { label: "Trạng thái", numeric: false },
      { label: "Ngày gửi", numeric: false },
      { label: "Thời hạn", numeric: false },
    ],
    rows: (view.round?.reporters ?? []).map((r) => [
      text(r.name),
      text(STATE[r.state] ?? r.state),
      text(r.submittedAt ? r.submittedAt.slice(0, 10) : ""),
      text(TIMELY[r.timeliness] ?? r.timeliness),
    ]),
    footnotes: [],
  };
}
