import { createHash } from "node:crypto";
import ExcelJS from "exceljs";

// The Excel data template of a reporting round: view model → bytes, no DB.
// Layout: one row per reporter (a department, or every lower unit of a unit),
// one pair of columns per figure: the previous period (grey, locked) and the
// value to enter (white, unlocked, with Excel data validation). Codes sit in a
// hidden column (reporter keys) and a hidden row (ELEMENT|option|period); a very
// hidden sheet "_bd" holds the round id, reporter keys and a checksum, so an
// upload can be matched to exactly this round and these reporters.

export const DATA_SHEET = "Số liệu";
export const META_SHEET = "_bd";
/** The hidden row of cell codes, and the first reporter row. */
export const CODE_ROW = 6;
export const FIRST_ROW = 7;

export interface TemplateColumn {
  element: string;
  name: string;
  option: string;
  optionLabel: string;
  period: string;
  periodLabel: string;
  valueType: "count" | "hours" | "amount" | "flag" | "percent";
}

export interface TemplateRow {
  reporterKey: string;
  name: string;
  /** code "ELEMENT|option|period" → value. */
  values: Record<string, number>;
  previous: Record<string, number>;
  /** Codes of this reporter's form; other columns are greyed out and locked. */
  codes: string[];
}

export interface TemplateModel {
  roundId: number;
  title: string;
  subtitle: string;
  columns: TemplateColumn[];
  rows: TemplateRow[];
}

export const columnCode = (c: Pick<TemplateColumn, "element" | "option" | "period">) =>
  `${c.element}|${c.option}|${c.period}`;

/** Binds a file to its round, reporters and columns; any change to them breaks it. */
export function templateChecksum(roundId: number, reporterKeys: readonly string[], codes: readonly string[]): string {
  return createHash("sha256")
    .update(`binhdang-template|${roundId}|${reporterKeys.join(",")}|${codes.join(",")}`)
    .digest("hex")
    .slice(0, 32);
}

const GREY = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE9ECEF" } } as const;
const HEAD = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD0E2F3" } } as const;

function validation(type: TemplateColumn["valueType"]): ExcelJS.DataValidation {
  const common = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: "stop" as const,
    errorTitle: "Số liệu không hợp lệ",
  };
  switch (type) {
    case "count":
      return {
        ...common,
        type: "whole",
        operator: "greaterThanOrEqual",
        formulae: [0],
        error: "Nhập số nguyên không âm (0, 1, 2, …).",
      };
    case "flag":
      return { ...common, type: "whole", operator: "between", formulae: [0, 1], error: "Nhập 1 (có) hoặc 0 (chưa)." };
    case "percent":
      return { ...common, type: "decimal", operator: "between", formulae: [0, 100], error: "Tỷ lệ % từ 0 đến 100." };
    default:
      return { ...common, type: "decimal", operator: "greaterThanOrEqual", formulae: [0], error: "Nhập số không âm." };
  }
}

export async function renderDataTemplate(model: TemplateModel): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Bình Đẳng";
  const ws = wb.addWorksheet(DATA_SHEET, { views: [{ state: "frozen", xSplit: 2, ySplit: CODE_ROW }] });
  ws.getCell("B1").value = model.title;
  ws.getCell("B1").font = { bold: true, size: 13 };
  ws.getCell("B2").value = model.subtitle;
  ws.getCell("B3").value =
    "Nhập số liệu vào các ô trắng; cột xám là số liệu kỳ trước. Không sửa tiêu đề, không thêm/xóa dòng, cột.";
  ws.getCell("B3").font = { italic: true, size: 10 };
  ws.getColumn(1).hidden = true;
  ws.getColumn(2).width = 38;
  ws.getCell(4, 2).value = "Đơn vị / cơ quan";
  ws.getCell(4, 2).font = { bold: true };
  model.columns.forEach((c, i) => {
    const prev = 3 + i * 2;
    ws.mergeCells(4, prev, 4, prev + 1);
    const head = ws.getCell(4, prev);
    head.value = `${c.name}${c.option === "total" ? "" : ` — ${c.optionLabel}`} (${c.periodLabel})`;
    head.alignment = { wrapText: true, vertical: "middle" };
    head.fill = HEAD;
    ws.getCell(5, prev).value = "Kỳ trước";
    ws.getCell(5, prev + 1).value = "Số liệu";
    ws.getCell(CODE_ROW, prev).value = `prev:${columnCode(c)}`;
    ws.getCell(CODE_ROW, prev + 1).value = columnCode(c);
    ws.getColumn(prev).width = 12;
    ws.getColumn(prev + 1).width = 16;
  });
  ws.getRow(4).height = 60;
  ws.getRow(CODE_ROW).hidden = true;
  model.rows.forEach((r, j) => {
    const row = FIRST_ROW + j;
    ws.getCell(row, 1).value = r.reporterKey;
    ws.getCell(row, 2).value = r.name;
    model.columns.forEach((c, i) => {
      const code = columnCode(c);
      const prev = ws.getCell(row, 3 + i * 2);
      const cell = ws.getCell(row, 4 + i * 2);
      prev.value = r.previous[code] ?? null;
      prev.fill = GREY;
      cell.value = r.values[code] ?? null;
      if (!r.codes.includes(code)) {
        cell.fill = GREY;
        return;
      }
      cell.protection = { locked: false };
      cell.dataValidation = validation(c.valueType);
    });
  });
  await ws.protect("", { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  const meta = wb.addWorksheet(META_SHEET, { state: "veryHidden" });
  const keys = model.rows.map((r) => r.reporterKey);
  const codes = model.columns.map(columnCode);
  meta.getCell("A1").value = "roundId";
  meta.getCell("B1").value = model.roundId;
  meta.getCell("A2").value = "reporters";
  meta.getCell("B2").value = keys.join(",");
  meta.getCell("A3").value = "checksum";
  meta.getCell("B3").value = templateChecksum(model.roundId, keys, codes);
  meta.getCell("A4").value = "format";
  meta.getCell("B4").value = "binhdang-data-template/1";
  return Buffer.from(await wb.xlsx.writeBuffer());
}
