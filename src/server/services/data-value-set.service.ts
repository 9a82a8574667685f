import type { DataValueSet, ImportSummary } from "../../contract/data-value";
import { AppError } from "../../core/errors";
import type { FormCell } from "../../core/reporting";
import { checkValue } from "../../core/reporting-validation";
import type { Db } from "../db/client";
import { findValuesAt, listValuesOfSubmissions } from "../db/repos/data-value.repo";
import {
  findRoundByPeriod,
  findSubmissionForUpdate,
  listSubmissionsOfRound,
  type SubmissionRow,
} from "../db/repos/reporting.repo";
import { findUnitByCode } from "../db/repos/unit.repo";
import { assertCan } from "./access.service";
import type { Actor } from "./context";
import { elementMap, toElementInfo } from "./data-element.service";
import { writeValues } from "./data-value.service";
import { planTarget, requirePlan } from "./plan-view.service";
import { isEditable, reporterNames, roundNotFound, STATE_VI, submissionTarget } from "./reporting.service";

// DHIS2 dataValueSets (Web API /api/dataValueSets) in its JSON and CSV shapes,
// idScheme = code: dataSet = the plan id, period = the round, orgUnit = unit code,
// dataElement = element code, categoryOptionCombo = nu | nam | total. An import is
// all or nothing, reports every bad row, and never overwrites a submitted or
// approved value (DHIS2 would answer "data set locked").

export interface ExportQuery {
  dataSet: number;
  period: string;
  orgUnit?: string | undefined;
}

interface Row {
  dataElement: string;
  categoryOptionCombo: "nu" | "nam" | "total";
  value: string;
  period: string;
  orgUnit: string;
  comment?: string;
}

async function roundOf(db: Db, planId: number, period: string) {
  const plan = await requirePlan(db, planId);
  const round = await findRoundByPeriod(db, planId, period.toUpperCase());
  if (!round) throw roundNotFound();
  return { plan, round };
}

/** Canonical number text, so an export → import → export is byte-identical. */
function canonical(value: string): string {
  return String(Number(value));
}

export async function exportDataValueSet(db: Db, actor: Actor, query: ExportQuery) {
  const { plan, round } = await roundOf(db, query.dataSet, query.period);
  assertCan(actor, "data.read", await planTarget(db, plan));
  const submissions = await listSubmissionsOfRound(db, round.id);
  const values = await listValuesOfSubmissions(
    db,
    submissions.map((s) => s.id),
  );
  const rows: Row[] = (values as ((typeof values)[number] & { unit_code: string })[])
    .filter((v) => !query.orgUnit || v.unit_code === query.orgUnit)
    .map((v) => ({
      dataElement: v.code,
      categoryOptionCombo: v.option as Row["categoryOptionCombo"],
      value: canonical(v.value),
      period: v.period,
      orgUnit: v.unit_code,
      ...(v.comment ? { comment: v.comment } : {}),
    }));
  return { dataSet: String(plan.id), period: round.period, dataValues: rows };
}

const CSV_HEADER = "dataelement,period,orgunit,categoryoptioncombo,value,comment";

function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function toCsv(set: { dataValues: Row[] }): string {
  const lines = set.dataValues.map((r) =>
    [r.dataElement, r.period, r.orgUnit, r.categoryOptionCombo, r.value, r.comment ?? ""].map(csvField).join(","),
  );
  return `${[CSV_HEADER, ...lines].join("\n")}\n`;
}

/** Parses DHIS2-style CSV (header row, quoted fields); dataSet and period come from the query. */
export function fromCsv(text: string, dataSet: string, period: string): DataValueSet {
  const records = parseCsv(text.replace(/^\uFEFF/, ""));
  const header = (records.shift() ?? []).map((h) => h.trim().toLowerCase());
  const at = (name: string) => header.indexOf(name);
  const col = {
    de: at("dataelement"),
    pe: at("period"),
    ou: at("orgunit"),
    coc: Math.max(at("categoryoptioncombo"), at("catoptcombo")),
    value: at("value"),
    comment: at("comment"),
  };
  if (col.de < 0 || col.ou < 0 || col.value < 0 || col.coc < 0) {
    throw new AppError("VALIDATION", {
      userMessage: {
        vi: `Tệp CSV thiếu cột; dòng đầu phải là: ${CSV_HEADER}`,
        en: `The CSV header must be: ${CSV_HEADER}`,
      },
    });
  }
  return {
    dataSet,
    period,
    dataValues: records
      .filter((r) => r.some((f) => f.trim() !== ""))
      .map((r) => ({
        dataElement: r[col.de] ?? "",
        categoryOptionCombo: (r[col.coc] ?? "") as Row["categoryOptionCombo"],
        value: r[col.value] ?? "",
        period: (col.pe >= 0 ? r[col.pe] : undefined) || period,
        orgUnit: r[col.ou] ?? "",
        comment: col.comment >= 0 && r[col.comment] ? (r[col.comment] as string) : null,
      })),
  };
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

interface Planned {
  submission: SubmissionRow;
  values: { element: string; period: string; option: "nu" | "nam" | "total"; value: number; comment: string | null }[];
}

/** All-or-nothing import; `status: "ERROR"` with every conflict when any row is refused. */
export async function importDataValueSet(db: Db, actor: Actor, set: DataValueSet): Promise<ImportSummary> {
  const planId = Number(set.dataSet);
  if (!Number.isInteger(planId) || !set.period) {
    throw new AppError("VALIDATION", {
      userMessage: {
        vi: "Cần “dataSet” (mã kế hoạch) và “period” (kỳ báo cáo) của tập số liệu.",
        en: "dataSet (plan id) and period (round) are required.",
      },
    });
  }
  const { round } = await roundOf(db, planId, set.period);
  const submissions = await listSubmissionsOfRound(db, round.id);
  const names = await reporterNames(db, submissions);
  const elements = await elementMap(db);
  const conflicts: ImportSummary["conflicts"] = [];
  const conflict = (row: number, object: string, vi: string, en: string) =>
    conflicts.push({ row, object, message: vi, messageEn: en });
  const planned = new Map<number, Planned>();
  const unitCache = new Map<string, number | null>();
  let imported = 0;
  let updated = 0;
  let ignored = 0;
  for (const [index, dv] of set.dataValues.entries()) {
    const row = index + 1;
    const period = (dv.period ?? set.period).toUpperCase();
    const code = dv.orgUnit ?? set.orgUnit ?? "";
    if (!unitCache.has(code)) unitCache.set(code, (await findUnitByCode(db, code, round.treeDate))?.id ?? null);
    const unitId = unitCache.get(code) ?? null;
    const element = elements.get(dv.dataElement);
    if (unitId === null) {
      conflict(row, code, `Không có đơn vị mã “${code}”.`, `No unit with code “${code}”.`);
      continue;
    }
    if (!element?.options.includes(dv.categoryOptionCombo)) {
      conflict(
        row,
        `${dv.dataElement}.${dv.categoryOptionCombo}`,
        `Không có chỉ tiêu dữ liệu “${dv.dataElement}” với phân tổ “${dv.categoryOptionCombo}”.`,
        `Unknown data element or option “${dv.dataElement}.${dv.categoryOptionCombo}”.`,
      );
      continue;
    }
    const submission = submissions.find(
      (s) =>
        s.unitId === unitId && (s.cells as FormCell[]).some((c) => c.element === element.code && c.period === period),
    );
    if (!submission) {
      conflict(
        row,
        `${code}/${dv.dataElement}/${period}`,
        `Đơn vị “${code}” không báo cáo “${dv.dataElement}” kỳ ${period} trong kỳ báo cáo này.`,
        `Unit ${code} does not report ${dv.dataElement} for ${period} in this round.`,
      );
      continue;
    }
    if (!isEditable(submission.state)) {
      conflict(
        row,
        submission.reporterKey,
        `Báo cáo của ${names.get(submission.reporterKey)} ${STATE_VI[submission.state as "approved"]}; không ghi đè số liệu.`,
        `The report of ${submission.reporterKey} is ${submission.state}; values are never overwritten.`,
      );
      continue;
    }
    const value = Number(dv.value.trim());
    const bad = dv.value.trim() === "" ? null : checkValue(toElementInfo(element), dv.categoryOptionCombo, value);
    if (dv.value.trim() === "" || bad) {
      conflict(row, dv.value, bad?.message.vi ?? "Thiếu giá trị.", bad?.message.en ?? "Missing value.");
      continue;
    }
    const existing = (await findValuesAt(db, unitId, [period], [element.id])).find(
      (v) => v.option === dv.categoryOptionCombo,
    );
    if (existing && existing.submission_id !== submission.id) {
      conflict(
        row,
        dv.dataElement,
        "Số liệu đã có từ một kỳ báo cáo khác; không ghi đè.",
        "Reported in another round; not overwritten.",
      );
      continue;
    }
    if (!existing) imported++;
    else if (Number(existing.value) !== value || (existing.comment ?? null) !== (dv.comment ?? null)) updated++;
    else ignored++;
    const plan = planned.get(submission.id) ?? { submission, values: [] };
    plan.values.push({
      element: element.code,
      period,
      option: dv.categoryOptionCombo,
      value,
      comment: dv.comment ?? null,
    });
    planned.set(submission.id, plan);
  }
  for (const p of planned.values()) assertCan(actor, "data.enter", await submissionTarget(db, p.submission));
  if (conflicts.length > 0) {
    return { status: "ERROR", importCount: { imported: 0, updated: 0, ignored: set.dataValues.length }, conflicts };
  }
  await db.transaction(async (tx) => {
    for (const p of planned.values()) {
      const s = await findSubmissionForUpdate(tx, round.id, p.submission.reporterKey);
      if (!s) continue;
      await writeValues(tx, actor, s, { values: p.values }, { via: "dataValueSets" });
    }
  });
  return { status: "SUCCESS", importCount: { imported, updated, ignored }, conflicts: [] };
}
