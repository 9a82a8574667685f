import {
  type DashboardIndicator,
  formatIndicatorValue,
  type StatusCode,
  type StatusExplainOut,
} from "../../../contract/dashboard";
import { formatNumberVi } from "../../../core/format";
import { COMPARATOR_SYMBOL, type Comparator } from "../../../core/plan";
import type { Translate } from "../../i18n/i18n";
import type { MessageKey } from "../../i18n/vi";

// The inputs behind a status, as sentences (hover on a badge or a trend point):
// value, baseline, target, years, actual vs required rate, their ratio, thresholds.

export const STATUS_COLOR: Record<StatusCode, string> = {
  achieved: "teal.9",
  on_track: "green.9",
  at_risk: "yellow.4",
  off_track: "red.9",
  no_data: "gray.7",
};

/** Fill colours that stay distinct in greyscale print (dark → light). */
export const STATUS_HEX: Record<StatusCode, string> = {
  achieved: "#0b7285",
  on_track: "#2b8a3e",
  at_risk: "#e8a200",
  off_track: "#c92a2a",
  no_data: "#adb5bd",
};

export function statusKey(status: StatusCode): MessageKey {
  return `dashboard.status.${status}` as MessageKey;
}

function rate(value: number | null, method: StatusExplainOut["method"], t: Translate): string {
  if (value === null) return "—";
  return method === "growth-rate"
    ? `${formatNumberVi(value * 100, 2)}%`
    : `${formatNumberVi(value, 2)} ${t("dashboard.explain.points")}`;
}

export function explainLines(
  t: Translate,
  ind: Pick<DashboardIndicator, "unit">,
  status: StatusCode,
  e: StatusExplainOut,
  year: number,
): string[] {
  const v = (n: number | null) => formatIndicatorValue(n, ind.unit);
  const lines: string[] = [t(statusKey(status))];
  lines.push(t("dashboard.explain.value", { year, value: v(e.latest?.value ?? null) }));
  if (e.targetValue !== null && e.comparator && e.targetYear !== null) {
    const symbol = COMPARATOR_SYMBOL[e.comparator as Comparator] ?? e.comparator;
    lines.push(t("dashboard.explain.target", { target: `${symbol} ${v(e.targetValue)} (${e.targetYear})` }));
  }
  if (status === "achieved") {
    lines.push(t("dashboard.explain.met"));
    return lines;
  }
  if (e.baseline) lines.push(t("dashboard.explain.baseline", { year: e.baseline.year, value: v(e.baseline.value) }));
  if (e.yearsElapsed !== null && e.yearsToTarget !== null) {
    lines.push(t("dashboard.explain.years", { elapsed: e.yearsElapsed, total: e.yearsToTarget }));
  }
  if (e.method) lines.push(t(e.method === "growth-rate" ? "dashboard.explain.growth" : "dashboard.explain.linear"));
  if (e.actualRate !== null) lines.push(t("dashboard.explain.actual", { value: rate(e.actualRate, e.method, t) }));
  if (e.requiredRate !== null)
    lines.push(t("dashboard.explain.required", { value: rate(e.requiredRate, e.method, t) }));
  if (e.ratio !== null) {
    lines.push(t("dashboard.explain.ratio", { value: formatNumberVi(e.ratio, 2) }));
    lines.push(
      t("dashboard.explain.thresholds", {
        onTrack: formatNumberVi(e.thresholds.onTrack, 2),
        atRisk: formatNumberVi(e.thresholds.atRisk, 2),
      }),
    );
  }
  if (e.reason) lines.push(t(`dashboard.explain.reason.${e.reason}` as MessageKey));
  return lines;
}
