import { randomUUID } from "node:crypto";
import { can } from "../../core/access";
import { AppError, type LocalizedMessage } from "../../core/errors";
import type { Formula } from "../../core/formula";
import { periodLabel } from "../../core/periods";
import { type FormCell, OPTION_LABELS } from "../../core/reporting";
import { checkValue, validateEntry } from "../../core/reporting-validation";
import type { Db } from "../db/client";
import { insertAudit } from "../db/repos/audit.repo";
import {
  failUnfinishedImportJobs,
  findImportJob,
  findSubmissionForUpdate,
  type ImportJobRow,
  insertImportJob,
  listSubmissionsOfRound,
  type SubmissionRow,
  updateImportJob,
} from "../db/repos/reporting.repo";
import {
  columnCode,
  renderDataTemplate,
  type TemplateColumn,
  type TemplateModel,
} from "../documents/data-template-xlsx";
import { type CellError, type ParsedTemplate, parseDataTemplate } from "../importer/data-xlsx";
import { assertXlsx, badFile } from "../importer/zip-inspect";
import { assertCan } from "./access.service";
import { type Actor, auditActor } from "./context";
import { elementMap, resolveFormulas, toElementInfo } from "./data-element.service";
import { buildForm, writeValues } from "./data-value.service";
import { isEditable, reporterNames, requireRound, submissionNotFound, submissionTarget } from "./reporting.service";

// Excel round trip of a round's figures: a template per reporter, or per unit
// covering all its lower units (one row per unit); an upload runs as a job in
// this process (table import_jobs) and writes all or nothing.
//
// Why an in-process job table rather than pg-boss: the work is bounded (≤ 10 MB,
// seconds), must run with the uploader's identity and permissions, and the only
// thing a client needs is progress and the final report. A job row survives in
// the database for the report. A job cut short by a restart wrote nothing (one
// transaction): it is marked failed with "upload again" — at start on PGlite (one
// process owns the data), and on PostgreSQL once it is older than JOB_DEAD_AFTER_MS.

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** An import takes seconds; one still queued or running after this was cut short by a restart. */
export const JOB_DEAD_AFTER_MS = 10 * 60 * 1000;

const INTERRUPTED = {
  written: 0,
  errors: [],
  message: "Lượt nhập bị gián đoạn vì máy chủ khởi động lại; chưa có số liệu nào được ghi. Hãy tải tệp lên lại.",
  messageEn: "The import was cut short by a server restart; nothing was written. Please upload the file again.",
};

/**
 * Marks import jobs a restart cut short as failed (nothing of theirs was written): all unfinished jobs
 * when this process is the only one (PGlite), else those older than JOB_DEAD_AFTER_MS. Returns how many.
 */
export async function failInterruptedImports(db: Db, onlyProcess: boolean, now = new Date()): Promise<number> {
  const before = onlyProcess ? null : new Date(now.getTime() - JOB_DEAD_AFTER_MS).toISOString();
  return failUnfinishedImportJobs(db, before, INTERRUPTED);
}

export interface RenderedFile {
  fileName: string;
  bytes: Buffer;
}

async function templateModel(
  db: Db,
  roundId: number,
  submissions: readonly SubmissionRow[],
  title: string,
): Promise<TemplateModel> {
  const { round, plan } = await requireRound(db, roundId);
  const elements = await elementMap(db);
  const names = await reporterNames(db, submissions);
  const columns = new Map<string, TemplateColumn>();
  const rows: TemplateModel["rows"] = [];
  for (const s of submissions) {
    const form = await buildForm(db, round, plan, s);
    const row: TemplateModel["rows"][number] = {
      reporterKey: s.reporterKey,
      name: names.get(s.reporterKey) ?? s.reporterKey,
      values: {},
      previous: {},
      codes: [],
    };
    for (const r of form.rows) {
      for (const c of r.cells) {
        const col: TemplateColumn = {
          element: r.element.code,
          name: r.element.name,
          option: c.option,
          optionLabel: OPTION_LABELS[c.option]?.vi ?? c.option,
          period: r.period,
          periodLabel: periodLabel(r.period),
          valueType: toElementInfo(elements.get(r.element.code) ?? r.element).valueType,
        };
        const code = columnCode(col);
        columns.set(code, col);
        if (c.previous !== null) row.previous[code] = c.previous;
        if (c.value !== null) row.values[code] = c.value;
        // Only what the reporter may still change is unlocked (not a figure of another round, not a sent report).
        if (c.lockedBy === null && isEditable(s.state)) row.codes.push(code);
      }
    }
    rows.push(row);
  }
  return {
    roundId,
    title,
    subtitle: `${plan.title} — ${periodLabel(round.period)}; hạn nộp ${round.deadline.split("-").reverse().join("/")}`,
    columns: [...columns.values()],
    rows,
  };
}

export async function renderReporterTemplate(
  db: Db,
  actor: Actor,
  roundId: number,
  reporterKey: string,
): Promise<RenderedFile> {
  const submission = (await listSubmissionsOfRound(db, roundId)).find((s) => s.reporterKey === reporterKey);
  if (!submission) throw submissionNotFound();
  assertCan(actor, "data.enter", await submissionTarget(db, submission));
  const model = await templateModel(db, roundId, [submission], "BIỂU MẪU SỐ LIỆU BÌNH ĐẲNG GIỚI");
  return { fileName: `bieu-mau-${roundId}-${reporterKey}.xlsx`, bytes: await renderDataTemplate(model) };
}

/** One row per lower unit of the plan's unit (a commune officer at the province fills them all). */
export async function renderLowerUnitsTemplate(db: Db, actor: Actor, roundId: number): Promise<RenderedFile> {
  const { plan } = await requireRound(db, roundId);
  const all = await listSubmissionsOfRound(db, roundId);
  const units = all.filter((s) => s.agencyId === null && s.unitId !== plan.unitId);
  if (units.length === 0) throw submissionNotFound();
  for (const s of units) assertCan(actor, "data.enter", await submissionTarget(db, s));
  const model = await templateModel(db, roundId, units, "BIỂU MẪU SỐ LIỆU CÁC ĐƠN VỊ CẤP XÃ");
  return { fileName: `bieu-mau-${roundId}-cap-duoi.xlsx`, bytes: await renderDataTemplate(model) };
}

export interface StartImportInput {
  roundId: number;
  /** When given, the file must be this reporter's template. */
  reporterKey: string | null;
  fileName: string;
  bytes: Buffer;
}

/**
 * Checks the file is a safe workbook at once (size and zip-bomb checks answer
 * immediately), then imports it in a job. Nothing is written unless every cell is good.
 */
export async function startImport(db: Db, actor: Actor, input: StartImportInput): Promise<ImportJobRow> {
  await requireRound(db, input.roundId);
  if (input.bytes.length > MAX_UPLOAD_BYTES) throw tooLarge();
  assertXlsx(input.bytes);
  const job = await insertImportJob(db, {
    id: randomUUID(),
    roundId: input.roundId,
    actorId: actor.principal.id || null,
    fileName: input.fileName,
    fileSize: input.bytes.length,
    status: "queued",
  });
  setImmediate(() => {
    runImport(db, actor, job.id, input).catch(() => {});
  });
  return job;
}

export function tooLarge(): AppError {
  return new AppError("PAYLOAD_TOO_LARGE", {
    userMessage: {
      vi: `Tệp vượt quá giới hạn ${MAX_UPLOAD_BYTES / 1048576} MB.`,
      en: `The file is larger than ${MAX_UPLOAD_BYTES / 1048576} MB.`,
    },
  });
}

export async function getImportJob(db: Db, actor: Actor, id: string, now = new Date()): Promise<ImportJobRow> {
  const job = await findImportJob(db, id);
  if (!job || (job.actorId !== (actor.principal.id || null) && actor.principal.role !== "admin")) {
    throw new AppError("NOT_FOUND", {
      userMessage: { vi: "Không tìm thấy lượt nhập tệp.", en: "Import job not found." },
    });
  }
  if (job.status === "queued" || job.status === "running") {
    const dead = new Date(now.getTime() - JOB_DEAD_AFTER_MS).toISOString();
    if ((await failUnfinishedImportJobs(db, dead, INTERRUPTED, job.id)) > 0)
      return (await findImportJob(db, id)) ?? job;
  }
  return job;
}

async function fail(db: Db, id: string, message: LocalizedMessage, errors: CellError[] = []): Promise<void> {
  await updateImportJob(db, id, {
    status: "failed",
    finishedAt: new Date().toISOString(),
    result: {
      written: 0,
      errors: errors.map((e) => ({ sheet: e.sheet, cell: e.cell, message: e.message.vi, messageEn: e.message.en })),
      message: message.vi,
      messageEn: message.en,
    },
  });
}

async function runImport(db: Db, actor: Actor, jobId: string, input: StartImportInput): Promise<void> {
  try {
    await updateImportJob(db, jobId, { status: "running" });
    let last = 0;
    const parsed = await parseDataTemplate(input.bytes, (done, total) => {
      if (Date.now() - last < 250 && done < total) return;
      last = Date.now();
      updateImportJob(db, jobId, { done, total }).catch(() => {});
    });
    const written = await importParsed(db, actor, input, parsed);
    await updateImportJob(db, jobId, {
      status: "done",
      finishedAt: new Date().toISOString(),
      done: parsed.cells.length,
      total: parsed.cells.length,
      result: {
        written,
        errors: [],
        message: `Đã nhập ${written} số liệu từ tệp ${input.fileName}.`,
        messageEn: `Imported ${written} values from ${input.fileName}.`,
      },
    });
  } catch (caught) {
    const error = caught instanceof AppError ? caught : new AppError("INTERNAL", { cause: caught });
    const cells = (caught as { cellErrors?: CellError[] }).cellErrors ?? [];
    await fail(db, jobId, error.userMessage, cells).catch(() => {});
  }
}

function cellFailure(errors: CellError[]): AppError {
  const e = new AppError("VALIDATION", {
    userMessage: {
      vi: `Tệp có ${errors.length} ô sai; chưa nhập số liệu nào. Hãy sửa các ô được liệt kê rồi tải lên lại.`,
      en: `The file has ${errors.length} bad cell(s); nothing was imported.`,
    },
  });
  return Object.assign(e, { cellErrors: errors });
}

/** Checks ids, permissions and every cell; writes all reporters in one transaction or nothing. */
async function importParsed(db: Db, actor: Actor, input: StartImportInput, parsed: ParsedTemplate): Promise<number> {
  if (parsed.roundId !== input.roundId) {
    throw badFile(
      "Biểu mẫu này thuộc một kỳ báo cáo khác; hãy tải biểu mẫu của kỳ đang nhập.",
      "This template belongs to another reporting round.",
    );
  }
  const round = await listSubmissionsOfRound(db, input.roundId);
  const byKey = new Map(round.map((s) => [s.reporterKey, s]));
  const names = await reporterNames(db, round);
  for (const key of parsed.reporterKeys) {
    const s = byKey.get(key);
    const foreign = input.reporterKey !== null && key !== input.reporterKey;
    if (!s || foreign || !can(actor.principal, "data.enter", await submissionTarget(db, s))) {
      throw badFile(
        `Biểu mẫu này là của ${names.get(key) ?? "đơn vị khác"}, không phải của nơi bạn đang nhập; không nhập số liệu nào.`,
        "This template belongs to another unit or agency; nothing was imported.",
      );
    }
  }
  const errors: CellError[] = [...parsed.errors];
  const elements = await elementMap(db);
  // A row left blank (a commune that has not reported yet) is not touched.
  const filled = parsed.reporterKeys.filter((key) =>
    parsed.cells.some((c) => c.reporterKey === key && c.value !== null),
  );
  for (const key of filled) {
    const s = byKey.get(key) as SubmissionRow;
    const cells = parsed.cells.filter((c) => c.reporterKey === key);
    if (!isEditable(s.state) && cells.some((c) => c.value !== null)) {
      errors.push({
        sheet: "Số liệu",
        cell: cells[0]?.address ?? "A1",
        message: {
          vi: `Báo cáo của ${names.get(key) ?? key} đã gửi hoặc đã duyệt; không ghi đè số liệu.`,
          en: `The report of ${key} is submitted or approved; values are not overwritten.`,
        },
      });
      continue;
    }
    const formulas = await resolveFormulas(db, [...new Set((s.cells as FormCell[]).map((c) => c.indicatorId))]);
    const list = [...formulas.values()].flat().map((f) => f.formula as Formula);
    const info = new Map([...elements.entries()].map(([code, row]) => [code, toElementInfo(row)]));
    for (const c of cells) {
      const el = info.get(c.element);
      if (!el || c.value === null) continue;
      const bad = checkValue(el, c.option, c.value);
      if (bad)
        errors.push({
          sheet: "Số liệu",
          cell: c.address,
          message: { vi: `Ô ${c.address}: ${bad.message.vi}`, en: `Cell ${c.address}: ${bad.message.en}` },
        });
    }
    const issues = validateEntry(
      cells.map((c) => ({ ...c, previous: null, comment: null })),
      info,
      list,
    ).filter((i) => i.code === "part-exceeds-whole" || i.code === "total-mismatch");
    for (const i of issues) {
      const at = cells.find((c) => c.element === i.element && c.option === i.option && c.period === i.period);
      errors.push({
        sheet: "Số liệu",
        cell: at?.address ?? "?",
        message: { vi: `Ô ${at?.address}: ${i.message.vi}`, en: i.message.en },
      });
    }
  }
  if (errors.length > 0) throw cellFailure(errors);
  return db.transaction(async (tx) => {
    let written = 0;
    for (const key of filled) {
      const s = await findSubmissionForUpdate(tx, input.roundId, key);
      if (!s) throw submissionNotFound();
      const values = parsed.cells
        .filter((c) => c.reporterKey === key)
        .map((c) => ({
          element: c.element,
          period: c.period,
          option: c.option as "nu" | "nam" | "total",
          value: c.value,
        }));
      await writeValues(tx, actor, s, { values }, { via: "excel" });
      written += values.filter((v) => v.value !== null).length;
    }
    await insertAudit(tx, {
      ...auditActor(actor),
      action: "import-excel",
      objectType: "round",
      objectId: input.roundId,
      old: null,
      new: { fileName: input.fileName, reporters: filled, written },
    });
    return written;
  });
}
