import { Select, SimpleGrid } from "@mantine/core";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { todayInVietnam } from "../../i18n/format";
import { useI18n } from "../../i18n/i18n";
import { periodText } from "../reporting/labels";
import { useUnit } from "../units/api";
import { UnitPicker } from "../units/unit-picker";
import { type DashboardKey, useDashboardOptions } from "./api";

// The unit, plan and period a dashboard or a report is read for, kept in the URL
// (?unitId=&planId=&period=) so a link reopens the same selection. Shared by the
// dashboard and the reports page so both offer exactly the same choices.

function positive(v: unknown): number | null {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : null;
}

export type Selection = ReturnType<typeof useSelection>;

/**
 * Reads the selection from the URL: the unit (else `defaultUnitId`), an issued plan that
 * applies to it (else the first), a period of that plan (else its default: the latest
 * period with a reporting round).
 */
export function useSelection(defaultUnitId: number | null) {
  const navigate = useNavigate();
  const search = useSearch({ strict: false }) as Record<string, unknown>;
  const unitId = positive(search.unitId) ?? defaultUnitId;
  const unit = useUnit(unitId ?? 0, todayInVietnam(), unitId !== null);
  const options = useDashboardOptions(unitId);
  const plans = options.data?.plans ?? [];
  const plan = plans.find((p) => p.id === positive(search.planId)) ?? plans[0] ?? null;
  // A hand-typed "?period=2026" reaches us as the number 2026 (the router parses search values as JSON).
  const wanted = typeof search.period === "string" || typeof search.period === "number" ? String(search.period) : null;
  const period = plan?.periods.find((p) => p.id === wanted)?.id ?? plan?.defaultPeriod ?? null;
  const key: DashboardKey | null = unitId && plan && period ? { unitId, planId: plan.id, period } : null;
  const go = (next: Record<string, unknown>) => void navigate({ to: ".", search: next as never, replace: true });
  return {
    search,
    unitId,
    unit,
    options,
    plans,
    plan,
    period,
    key,
    /** Patches the URL's search, keeping the page's own parameters. */
    patch: (change: Record<string, string | number | undefined>) => go({ ...search, ...change }),
    /** Another unit: its plans differ, so everything chosen for the previous one is dropped. */
    selectUnit: (id: number) => go({ unitId: id }),
    selectPlan: (id: number) => go({ ...search, planId: id, period: undefined }),
    selectPeriod: (id: string) => go({ ...search, period: id }),
  };
}

/** The three pickers: unit (search by name), plan, period ("6 tháng đầu năm 2026", "Năm 2026"). */
export function SelectionFields({ selection, unitLabel }: { selection: Selection; unitLabel: string }) {
  const { t, locale } = useI18n();
  const { plans, plan, period } = selection;
  return (
    <SimpleGrid cols={{ base: 1, md: 3 }}>
      <UnitPicker label={unitLabel} value={selection.unit.data?.unit ?? null} onChange={selection.selectUnit} fill />
      <Select
        label={t("dashboard.plan")}
        data={plans.map((p) => ({ value: String(p.id), label: `${p.number ?? ""}/${p.symbol} — ${p.title}` }))}
        value={plan ? String(plan.id) : null}
        onChange={(v) => v && selection.selectPlan(Number(v))}
        allowDeselect={false}
      />
      <Select
        label={t("dashboard.period")}
        data={(plan?.periods ?? []).map((p) => ({ value: p.id, label: periodText(p.id, locale, p.label) }))}
        value={period}
        onChange={(v) => v && selection.selectPeriod(v)}
        allowDeselect={false}
      />
    </SimpleGrid>
  );
}
