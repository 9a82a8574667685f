// The plan check: what an officer must see before issuing a plan. Each check is
// a pure function over the plan as data; an "error" blocks issuing, a "warning"
// is shown and may be accepted, an "info" explains what could not be compared.

import type { LocalizedMessage } from "./errors";
import {
  type Comparator,
  directionOf,
  formatTargetShort,
  type ReportKind,
  type ResponsibilityRole,
  type Target,
} from "./plan";

export type CheckSeverity = "error" | "warning" | "info";

export interface PlanCheckResult {
  code:
    | "lead_count"
    | "weaker_target"
    | "units_differ"
    | "dropped_without_reason"
    | "year_outside_period"
    | "conflicting_roles"
    | "deadline_too_early"
    | "missing_value";
  severity: CheckSeverity;
  message: LocalizedMessage;
  indicatorId?: number;
  agencyId?: number;
}

export interface CheckIndicator {
  id: number;
  /** "2.1": goal number and indicator number, as officers cite it. */
  code: string;
  dropped: boolean;
  dropReason: string | null;
  /** True when linked to an upper plan or catalogue indicator. */
  hasUpper: boolean;
  targets: Target[];
  /** The upper level's own targets (not nearest-milestone references). */
  upperTargets: Target[];
  responsibilities: { agencyId: number; agencyName: string; role: ResponsibilityRole }[];
}

export interface CheckReport {
  kind: ReportKind;
  /** MM-DD; quarterly: the deadline of the first quarter, later quarters three months on. */
  due: string;
}

export interface PlanCheckInput {
  periodFrom: number;
  periodTo: number;
  indicators: CheckIndicator[];
  reporting: CheckReport[];
}

export function checkPlan(plan: PlanCheckInput): PlanCheckResult[] {
  const active = plan.indicators.filter((i) => !i.dropped);
  return [
    ...active.flatMap(checkLeadCount),
    ...active.flatMap(checkConflictingRoles),
    ...active.flatMap((i) => checkTargetYears(i, plan.periodFrom, plan.periodTo)),
    ...active.flatMap(checkWeakerTargets),
    ...active.flatMap(checkMissingValues),
    ...plan.indicators.flatMap(checkDroppedReason),
    ...plan.reporting.flatMap((r) => checkDeadline(r, plan.periodFrom, plan.periodTo)),
  ];
}

export function blocksIssuing(results: readonly PlanCheckResult[]): boolean {
  return results.some((r) => r.severity === "error");
}

export function checkLeadCount(i: CheckIndicator): PlanCheckResult[] {
  const leads = new Set(i.responsibilities.filter((r) => r.role === "lead").map((r) => r.agencyId));
  if (leads.size === 1) return [];
  const message =
    leads.size === 0
      ? {
          vi: `Chỉ tiêu ${i.code}: chưa có cơ quan chủ trì.`,
          en: `Indicator ${i.code}: no lead agency.`,
        }
      : {
          vi: `Chỉ tiêu ${i.code}: có ${leads.size} cơ quan chủ trì, chỉ được một.`,
          en: `Indicator ${i.code}: ${leads.size} lead agencies; there must be exactly one.`,
        };
  return [{ code: "lead_count", severity: "error", message, indicatorId: i.id }];
}

export function checkConflictingRoles(i: CheckIndicator): PlanCheckResult[] {
  const byAgency = new Map<number, { name: string; roles: Set<ResponsibilityRole> }>();
  for (const r of i.responsibilities) {
    const entry = byAgency.get(r.agencyId) ?? { name: r.agencyName, roles: new Set() };
    entry.roles.add(r.role);
    byAgency.set(r.agencyId, entry);
  }
  const out: PlanCheckResult[] = [];
  for (const [agencyId, { name, roles }] of byAgency) {
    if (roles.size < 2) continue;
    const list = [...roles].map((r) => ROLE_VI[r]).join(", ");
    out.push({
      code: "conflicting_roles",
      severity: "error",
      message: {
        vi: `Chỉ tiêu ${i.code}: ${name} được giao nhiều vai trò mâu thuẫn (${list}).`,
        en: `Indicator ${i.code}: ${name} has conflicting roles (${[...roles].join(", ")}).`,
      },
      indicatorId: i.id,
      agencyId,
    });
  }
  return out;
}

const ROLE_VI: Record<ResponsibilityRole, string> = { lead: "chủ trì", support: "phối hợp", report: "báo cáo" };

export function checkTargetYears(i: CheckIndicator, from: number, to: number): PlanCheckResult[] {
  return i.targets
    .filter((t) => t.year < from || t.year > to)
    .map((t) => ({
      code: "year_outside_period" as const,
      severity: "error" as const,
      message: {
        vi: `Chỉ tiêu ${i.code}: năm mục tiêu ${t.year} nằm ngoài thời kỳ của kế hoạch (${periodText(from, to)}).`,
        en: `Indicator ${i.code}: target year ${t.year} is outside the plan period (${periodText(from, to)}).`,
      },
      indicatorId: i.id,
    }));
}

function periodText(from: number, to: number): string {
  return from === to ? String(from) : `${from}–${to}`;
}

/**
 * Whether a local target is weaker than the upper target of the same year and
 * subject. ≥ and > mean "up is better", ≤ and < "down is better"; ở mức (=)
 * and khoảng (~) take the upper comparator's direction, else the local one's;
 * with no direction at all only an equal value is fine.
 */
export function isWeaker(local: Target, upper: Target): boolean {
  if (local.value === null || upper.value === null) return false;
  const direction = directionOf(upper.comparator) ?? directionOf(local.comparator);
  if (direction === "up") return local.value < upper.value;
  if (direction === "down") return local.value > upper.value;
  return local.value !== upper.value;
}

function matchUpper(local: Target, upper: readonly Target[]): Target | undefined {
  const sameYear = upper.filter((u) => u.year === local.year);
  const bySubject = sameYear.find((u) => (u.subject ?? "") === (local.subject ?? ""));
  if (bySubject) return bySubject;
  return sameYear.length === 1 ? sameYear[0] : undefined;
}

export function checkWeakerTargets(i: CheckIndicator): PlanCheckResult[] {
  const out: PlanCheckResult[] = [];
  for (const local of i.targets) {
    const upper = matchUpper(local, i.upperTargets);
    if (!upper || local.value === null || upper.value === null) continue;
    const subject = local.subject ? ` (${local.subject})` : "";
    if ((local.unit ?? null) !== (upper.unit ?? null)) {
      out.push({
        code: "units_differ",
        severity: "info",
        message: {
          vi: `Chỉ tiêu ${i.code}${subject}: đơn vị tính khác cấp trên (${formatTargetShort(local)} và ${formatTargetShort(upper)}), không so sánh được.`,
          en: `Indicator ${i.code}${subject}: units differ from the upper level (${formatTargetShort(local)} vs ${formatTargetShort(upper)}); not compared.`,
        },
        indicatorId: i.id,
      });
      continue;
    }
    if (!isWeaker(local, upper)) continue;
    const l = formatTargetShort(local);
    const u = formatTargetShort(upper);
    const neutral = directionOf(upper.comparator) === null && directionOf(local.comparator) === null;
    out.push({
      code: "weaker_target",
      severity: "warning",
      message: neutral
        ? {
            vi: `Chỉ tiêu ${i.code}${subject}: mục tiêu địa phương ${l} khác mục tiêu cấp trên ${u}.`,
            en: `Indicator ${i.code}${subject}: local target ${l} differs from the upper target ${u}.`,
          }
        : {
            vi: `Chỉ tiêu ${i.code}${subject}: mục tiêu địa phương ${l} ${weakerWord(upper.comparator, local.comparator)} mục tiêu cấp trên ${u}.`,
            en: `Indicator ${i.code}${subject}: local target ${l} is weaker than the upper target ${u}.`,
          },
      indicatorId: i.id,
    });
  }
  return out;
}

function weakerWord(upper: Comparator, local: Comparator): string {
  const direction = directionOf(upper) ?? directionOf(local);
  return direction === "down" ? "cao hơn" : "thấp hơn";
}

export function checkMissingValues(i: CheckIndicator): PlanCheckResult[] {
  return i.targets
    .filter((t) => t.value === null)
    .map((t) => ({
      code: "missing_value" as const,
      severity: "info" as const,
      message: {
        vi: `Chỉ tiêu ${i.code}${t.subject ? ` (${t.subject})` : ""}: chưa nhập giá trị mục tiêu năm ${t.year}.`,
        en: `Indicator ${i.code}${t.subject ? ` (${t.subject})` : ""}: no target value for ${t.year} yet.`,
      },
      indicatorId: i.id,
    }));
}

export function checkDroppedReason(i: CheckIndicator): PlanCheckResult[] {
  if (!i.dropped || !i.hasUpper || (i.dropReason ?? "").trim() !== "") return [];
  return [
    {
      code: "dropped_without_reason",
      severity: "warning",
      message: {
        vi: `Chỉ tiêu ${i.code} của cấp trên bị bỏ mà không nêu lý do.`,
        en: `Upper indicator ${i.code} is dropped without a reason.`,
      },
      indicatorId: i.id,
    },
  ];
}

// --- NĐ 09/2019/NĐ-CP data windows and working days --------------------------

/** The day (ISO) a report's data window closes: 14/6 for 6 months, 14/12 for the year, 14th of a quarter's last month. */
export function windowCloseDates(kind: ReportKind, year: number): string[] {
  if (kind === "semiannual") return [`${year}-06-14`];
  if (kind === "annual") return [`${year}-12-14`];
  return ["03", "06", "09", "12"].map((m) => `${year}-${m}-14`);
}

function deadlineDates(report: CheckReport, year: number): string[] {
  if (report.kind !== "quarterly") return [`${year}-${report.due}`];
  const [m, d] = report.due.split("-").map(Number) as [number, number];
  return [0, 3, 6, 9].map((shift) => {
    const month = ((m - 1 + shift) % 12) + 1;
    return `${year}-${String(month).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  });
}

function dayNumber(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/** Working days (Monday–Friday) after `close` up to and including `due`. Public holidays are not modelled. */
export function workingDaysBetween(close: string, due: string): number {
  let count = 0;
  for (let day = dayNumber(close) + 1; day <= dayNumber(due); day++) {
    const weekday = (day + 4) % 7; // 1970-01-01 was a Thursday (4)
    if (weekday !== 0 && weekday !== 6) count++;
  }
  return count;
}

const KIND_VI: Record<ReportKind, string> = { semiannual: "6 tháng", annual: "năm", quarterly: "quý" };
const KIND_EN: Record<ReportKind, string> = { semiannual: "6-month", annual: "annual", quarterly: "quarterly" };

export function checkDeadline(report: CheckReport, from: number, to: number): PlanCheckResult[] {
  const badYears: number[] = [];
  for (let year = from; year <= to; year++) {
    const closes = windowCloseDates(report.kind, year);
    const dues = deadlineDates(report, year);
    if (closes.some((close, k) => workingDaysBetween(close, dues[k] ?? dues[0]!) < 1)) badYears.push(year);
  }
  if (badYears.length === 0) return [];
  const [mm, dd] = report.due.split("-");
  const close = report.kind === "semiannual" ? "14/6" : report.kind === "annual" ? "14/12" : "ngày 14 tháng cuối quý";
  return [
    {
      code: "deadline_too_early",
      severity: "warning",
      message: {
        vi: `Hạn gửi báo cáo ${KIND_VI[report.kind]} (${dd}/${mm}) không cách ngày chốt số liệu (${close}, NĐ 09/2019/NĐ-CP) ít nhất một ngày làm việc (năm ${badYears.join(", ")}).`,
        en: `The ${KIND_EN[report.kind]} report deadline (${dd}/${mm}) is less than one working day after the data window closes (${close}, Decree 09/2019) in ${badYears.join(", ")}.`,
      },
    },
  ];
}
