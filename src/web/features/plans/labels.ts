import type { PlanSummary } from "../../../contract/plan";
import {
  COMPARATOR_SYMBOL,
  type Comparator,
  formatValueWithUnit,
  type PlanStatus,
  type TargetUnit,
} from "../../../core/plan";
import type { MessageKey } from "../../i18n/vi";

export const STATUS_KEY: Record<PlanStatus, MessageKey> = {
  draft: "plans.status.draft",
  issued: "plans.status.issued",
  superseded: "plans.status.superseded",
};
export const STATUS_COLOR: Record<PlanStatus, string> = { draft: "yellow", issued: "green", superseded: "gray" };

export const UNIT_LABEL: Record<TargetUnit | "none", string> = {
  "%": "%",
  times: "lần",
  per100: "/100",
  per1000: "/1.000",
  per100000: "/100.000",
  count: "số lượng",
  none: "—",
};

export function targetText(t: { comparator: Comparator; value: number | null; unit: TargetUnit | null; year: number }) {
  return `${COMPARATOR_SYMBOL[t.comparator]} ${formatValueWithUnit(t.value, t.unit)} (${t.year})`;
}

export function numberText(p: Pick<PlanSummary, "number" | "symbol">): string {
  return `${p.number ?? "…"}/${p.symbol}`;
}

export function periodText(p: Pick<PlanSummary, "periodFrom" | "periodTo">): string {
  return p.periodFrom === p.periodTo ? String(p.periodFrom) : `${p.periodFrom}–${p.periodTo}`;
}

/**
 * Key of an editable row: rows have no identity until saved, they are only
 * appended or removed, and every input in them is controlled by state.
 */
export function rowKey(index: number): string {
  return `row-${index}`;
}
