import { formatNumberVi } from "../../../core/format";
import { periodLabel as corePeriodLabel } from "../../../core/periods";
import type { SubmissionState } from "../../../core/reporting";
import type { Locale } from "../../i18n/format";
import type { MessageKey } from "../../i18n/vi";

export const STATE_KEY: Record<SubmissionState, MessageKey> = {
  pending: "reporting.state.pending",
  draft: "reporting.state.draft",
  submitted: "reporting.state.submitted",
  approved: "reporting.state.approved",
  returned: "reporting.state.returned",
};

export const STATE_COLOR: Record<SubmissionState, string> = {
  pending: "gray",
  draft: "yellow",
  submitted: "blue",
  approved: "green",
  returned: "red",
};

export const TIMELINESS_KEY: Record<string, MessageKey> = {
  on_time: "reporting.timeliness.on_time",
  late: "reporting.timeliness.late",
  not_submitted: "reporting.timeliness.not_submitted",
  overdue: "reporting.timeliness.overdue",
};

export const TIMELINESS_COLOR: Record<string, string> = {
  on_time: "green",
  late: "orange",
  not_submitted: "gray",
  overdue: "red",
};

/** "Năm 2024", "6 tháng đầu năm 2024" in Vietnamese; the English label otherwise. */
export function periodText(period: string, locale: Locale, viLabel?: string): string {
  if (locale === "vi" && viLabel) return viLabel;
  try {
    return corePeriodLabel(period, locale);
  } catch {
    return viLabel ?? period;
  }
}

/**
 * A figure as typed: Vietnamese first ("1,4" = 1.4; "1.250.000" = 1250000), a
 * plain "1.4" still accepted. Empty → null; anything else → NaN.
 */
export function parseFigure(text: string): number | null {
  const s = text.trim().replace(/\s+/g, "");
  if (s === "") return null;
  let normal: string;
  if (s.includes(",")) normal = s.replace(/\./g, "").replace(",", ".");
  else if (/^-?\d{1,3}(\.\d{3})+$/.test(s)) normal = s.replace(/\./g, "");
  else normal = s;
  if (!/^-?\d+(\.\d+)?$/.test(normal)) return Number.NaN;
  return Number(normal);
}

/** A stored figure as shown in an input, every decimal kept: "1.250.000", "1,4". */
export function showFigure(value: number | null): string {
  if (value === null) return "";
  const [whole = "0", fraction] = String(Math.abs(value)).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return `${value < 0 ? "-" : ""}${grouped}${fraction ? `,${fraction}` : ""}`;
}

/** A computed figure for reading (at most two decimals): "7,5", "1.234". */
export function showNumber(value: number | null, locale: Locale, decimals = 2): string {
  if (value === null) return "—";
  if (locale === "vi") return formatNumberVi(value);
  return new Intl.NumberFormat("en-US", { maximumFractionDigits: decimals }).format(value);
}

export const cellKey = (element: string, option: string, period: string) => `${element}|${option}|${period}`;
