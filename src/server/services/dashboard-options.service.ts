import type { DashboardOptions } from "../../contract/dashboard";
import { parsePeriod, periodLabel } from "../../core/periods";
import type { Executor } from "../db/client";
import { listIssuedPlansOfUnits } from "../db/repos/plan.repo";
import { listRoundsOfPlan } from "../db/repos/reporting.repo";
import { findUnitById, findUnitsByIds, listChildren } from "../db/repos/unit.repo";
import { assertCan, unitTarget } from "./access.service";
import type { Actor } from "./context";

/**
 * The plans a unit's dashboard can be read against: the issued plans of the unit and
 * of the levels above it (a ward is measured against the city's plan too); where
 * there are none (the nation, before a national plan is entered), the plans of the
 * units one level down. Periods: 6-month and annual of each year; the default is the
 * latest period with an open reporting round.
 */
export async function dashboardOptions(
  db: Executor,
  actor: Actor,
  unitId: number,
  today: string,
): Promise<DashboardOptions> {
  const target = await unitTarget(db, unitId);
  assertCan(actor, "data.read", target);
  const unit = await findUnitById(db, unitId, today);
  let plans = await listIssuedPlansOfUnits(db, target.unitPath);
  if (plans.length === 0) {
    const children = await listChildren(db, unitId, today);
    plans = await listIssuedPlansOfUnits(
      db,
      children.map((c) => c.id),
    );
  }
  const names = new Map(
    (await findUnitsByIds(db, [...new Set(plans.map((p) => p.unitId))], today)).map((u) => [u.id, u.full_name]),
  );
  const items = await Promise.all(
    plans.map(async (p) => {
      const periods: { id: string; label: string }[] = [];
      for (let y = p.periodFrom; y <= p.periodTo; y++) {
        for (const id of [`${y}S1`, String(y)]) periods.push({ id, label: periodLabel(id) });
      }
      const rounds = (await listRoundsOfPlan(db, p.id))
        .map((r) => r.period)
        .filter((id) => parsePeriod(id)?.kind !== "quarterly")
        .sort((a, b) => (parsePeriod(a)?.year ?? 0) - (parsePeriod(b)?.year ?? 0) || (a.length > b.length ? -1 : 1));
      const defaultPeriod = rounds[rounds.length - 1] ?? (periods[periods.length - 1]?.id as string);
      return {
        id: p.id,
        title: p.title,
        unitName: names.get(p.unitId) ?? "",
        number: p.number,
        symbol: p.symbol,
        periods,
        defaultPeriod,
      };
    }),
  );
  return {
    unit: { id: unitId, fullName: unit?.full_name ?? "", level: unit?.level ?? "" },
    plans: items,
  };
}
