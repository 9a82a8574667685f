import type { SetIndicatorFormulaInput } from "../../contract/data-value";
import { CATALOGUE_DATA_ELEMENTS, CATALOGUE_FORMULAS } from "../../core/catalogue-formulas";
import { AppError } from "../../core/errors";
import { checkFormulaUnit, type Formula, type KnownDataElement, validateFormula } from "../../core/formula";
import type { ElementInfo } from "../../core/reporting";
import type { EntryElement } from "../../core/reporting-validation";
import type { Db, Executor } from "../db/client";
import { insertAudit } from "../db/repos/audit.repo";
import {
  type DataElementRow,
  insertMissingDataElements,
  listDataElements,
  listFormulaSources,
  replaceIndicatorFormulas,
} from "../db/repos/data-element.repo";
import { listIndicatorsByIds } from "../db/repos/plan.repo";
import { assertCan } from "./access.service";
import { type Actor, auditActor } from "./context";
import { planTarget, requirePlan } from "./plan-view.service";

/** The strategy whose indicator codes core/catalogue-formulas.ts describes (Nghị quyết 28/NQ-CP). */
export const FORMULA_STRATEGY_CODE = "NQ28-2021";

/** Makes sure the national data elements exist; cheap and idempotent, called before any use. */
export async function ensureCatalogueDataElements(db: Executor): Promise<void> {
  await insertMissingDataElements(
    db,
    CATALOGUE_DATA_ELEMENTS.map((d) => ({
      code: d.code,
      name: d.name,
      nameEn: d.nameEn,
      options: [...d.options],
      valueType: d.valueType,
      reportedBy: d.reportedBy,
      source: d.source,
      sensitive: d.sensitive ?? false,
    })),
  );
}

export interface ResolvedFormula {
  subject: string | null;
  formula: Formula;
  unit: string;
  /** "catalogue" (national definition) or "local" (set on the plan indicator). */
  origin: "catalogue" | "local";
  /** The same formula read with option nu/nam gives the value for women/men. */
  bySex: boolean;
}

/** The formulas of each plan indicator: its own when set, else the national ones of its catalogue indicator. */
export async function resolveFormulas(
  db: Executor,
  indicatorIds: readonly number[],
): Promise<Map<number, ResolvedFormula[]>> {
  const out = new Map<number, ResolvedFormula[]>();
  const local = new Map<number, ResolvedFormula[]>();
  for (const row of await listFormulaSources(db, indicatorIds)) {
    if (row.strategy_code === FORMULA_STRATEGY_CODE && !out.has(row.plan_indicator_id)) {
      out.set(
        row.plan_indicator_id,
        CATALOGUE_FORMULAS.filter((f) => f.indicator === row.code).map((f) => ({
          subject: f.subject,
          formula: f.formula,
          unit: f.unit,
          origin: "catalogue" as const,
          bySex: f.bySex,
        })),
      );
    }
    if (row.formula === null || row.formula === undefined) continue;
    const list = local.get(row.plan_indicator_id) ?? [];
    list.push({
      subject: row.subject,
      formula: row.formula as Formula,
      unit: row.unit ?? "",
      origin: "local",
      bySex: false,
    });
    local.set(row.plan_indicator_id, list);
  }
  // A local definition replaces the catalogue's.
  for (const [id, list] of local) out.set(id, list);
  return out;
}

export function toElementInfo(row: DataElementRow): ElementInfo & EntryElement {
  return {
    code: row.code,
    name: row.name,
    options: row.options,
    valueType: row.valueType as ElementInfo["valueType"],
    reportedBy: row.reportedBy,
    source: row.source as ElementInfo["source"],
  };
}

/**
 * All data elements; the national ones are inserted only when one is missing, so
 * the hot path of every form (deadline day) is a plain read, never a write.
 */
async function readElements(db: Executor): Promise<DataElementRow[]> {
  const rows = await listDataElements(db);
  const have = new Set(rows.map((r) => r.code));
  if (CATALOGUE_DATA_ELEMENTS.every((d) => have.has(d.code))) return rows;
  await ensureCatalogueDataElements(db);
  return listDataElements(db);
}

export async function elementMap(db: Executor): Promise<Map<string, DataElementRow>> {
  return new Map((await readElements(db)).map((d) => [d.code, d]));
}

export async function listAllDataElements(db: Db): Promise<DataElementRow[]> {
  return readElements(db);
}

export async function getIndicatorFormulas(db: Db, actor: Actor, indicatorId: number): Promise<ResolvedFormula[]> {
  const indicator = await requireIndicator(db, indicatorId);
  const plan = await requirePlan(db, indicator.planId);
  assertCan(actor, "plan.read", await planTarget(db, plan));
  return (await resolveFormulas(db, [indicatorId])).get(indicatorId) ?? [];
}

/**
 * Sets the formulas of a plan indicator (a local one, or a local definition of a
 * national one), creating the local data elements it introduces. Every reference
 * is checked by the core parser; errors come back in Vietnamese with positions.
 */
export async function setIndicatorFormulas(
  db: Db,
  actor: Actor,
  indicatorId: number,
  input: SetIndicatorFormulaInput,
): Promise<ResolvedFormula[]> {
  return db.transaction(async (tx) => {
    const indicator = await requireIndicator(tx, indicatorId);
    const plan = await requirePlan(tx, indicator.planId);
    assertCan(actor, "plan.write", await planTarget(tx, plan));
    const elements = await elementMap(tx);
    const newElements = (input.dataElements ?? []).filter((d) => !elements.has(d.code));
    const known: KnownDataElement[] = [
      ...[...elements.values()].map((d) => ({ code: d.code, options: d.options })),
      ...newElements.map((d) => ({ code: d.code, options: d.bySex ? ["nu", "nam"] : ["total"] })),
    ];
    const details = input.formulas.flatMap((f, index) => {
      const result = validateFormula(f.formula as Formula, known);
      // The unit only labels the value: one contradicting the scale would print a 0–1 share as "1%".
      const unitError = result.ok ? checkFormulaUnit(f.formula as Formula, f.unit) : null;
      if (unitError) {
        const message = { vi: `Công thức ${index + 1}, đơn vị: ${unitError.message.vi}`, en: unitError.message.en };
        return [{ path: `formulas.${index}.unit`, message }];
      }
      return result.ok
        ? []
        : result.errors.map((e) => ({
            path: `formulas.${index}.formula.${e.field}`,
            message: { vi: `Công thức ${index + 1}, ${fieldLabel(e.field)}: ${e.message.vi}`, en: e.message.en },
          }));
    });
    if (details.length > 0) {
      throw new AppError("VALIDATION", {
        userMessage: { vi: "Công thức chưa đúng, hãy sửa các lỗi bên dưới.", en: "The formula has errors." },
        details,
      });
    }
    await insertMissingDataElements(
      tx,
      newElements.map((d) => ({
        code: d.code,
        name: d.name,
        nameEn: d.nameEn ?? null,
        options: d.bySex ? ["nu", "nam"] : ["total"],
        valueType: d.valueType,
        reportedBy: d.reportedBy,
        source: d.source,
        planIndicatorId: indicatorId,
      })),
    );
    const before = (await resolveFormulas(tx, [indicatorId])).get(indicatorId) ?? [];
    await replaceIndicatorFormulas(
      tx,
      indicatorId,
      input.formulas.map((f) => ({ subject: f.subject ?? null, formula: f.formula, unit: f.unit })),
    );
    const after = (await resolveFormulas(tx, [indicatorId])).get(indicatorId) ?? [];
    await insertAudit(tx, {
      ...auditActor(actor),
      action: "set-formula",
      objectType: "plan",
      objectId: plan.id,
      old: { indicatorId, formulas: before },
      new: { indicatorId, formulas: after, dataElements: newElements.map((d) => d.code) },
    });
    return after;
  });
}

const FIELD_LABELS: Record<string, string> = {
  numerator: "tử số",
  denominator: "mẫu số",
  a: "biểu thức a",
  b: "biểu thức b",
  c: "biểu thức c",
  d: "biểu thức d",
  condition: "điều kiện",
  dataElement: "chỉ tiêu dữ liệu",
  scale: "hệ số",
  partOf: "cặp bộ phận/tổng",
};

function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field;
}

async function requireIndicator(db: Executor, id: number) {
  const [indicator] = await listIndicatorsByIds(db, [id]);
  if (!indicator) {
    throw new AppError("NOT_FOUND", { userMessage: { vi: "Không tìm thấy chỉ tiêu.", en: "Indicator not found." } });
  }
  return indicator;
}
