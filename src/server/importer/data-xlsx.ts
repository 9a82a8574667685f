import ExcelJS from "exceljs";
import type { LocalizedMessage } from "../../core/errors";
import { CODE_ROW, DATA_SHEET, FIRST_ROW, META_SHEET, templateChecksum } from "../documents/data-template-xlsx";
import { assertXlsx, badFile } from "./zip-inspect";

// Excel data import, step 1: bytes → cells. Checks the file is a safe workbook,
// that it is one of our templates (hidden sheet, checksum) and reads every value
// cell, turning Vietnamese-typed numbers ("1.234,5") into numbers. Which round
// and reporters it may write is decided by the service.

export interface ParsedCell {
  reporterKey: string;
  element: string;
  option: string;
  period: string;
  value: number | null;
  /** "C7": where the user sees it. */
  address: string;
}

export interface CellError {
  sheet: string;
  cell: string;
  message: LocalizedMessage;
}

export interface ParsedTemplate {
  roundId: number;
  reporterKeys: string[];
  cells: ParsedCell[];
  errors: CellError[];
}

const notOurs = () =>
  badFile(
    "Tệp không phải biểu mẫu số liệu tải từ Bình Đẳng (thiếu thông tin nhận dạng). Hãy tải lại biểu mẫu của kỳ báo cáo.",
    "This is not a Bình Đẳng data template (identification missing).",
  );

/** "1.234,5" → 1234.5, "12" → 12, "" → null; NaN when it is not a number. */
export function parseViNumber(text: string): number | null {
  const t = text.trim().replace(/\s/g, "");
  if (t === "") return null;
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)) return Number(t.replace(/\./g, "").replace(",", "."));
  if (/^-?\d+,\d+$/.test(t)) return Number(t.replace(",", "."));
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  return Number.NaN;
}

function cellNumber(value: ExcelJS.CellValue): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return value;
  if (typeof value === "string") return parseViNumber(value);
  if (typeof value === "object" && "result" in value) return cellNumber(value.result as ExcelJS.CellValue);
  if (typeof value === "object" && "richText" in value)
    return parseViNumber(value.richText.map((r) => r.text).join(""));
  return Number.NaN;
}

export async function parseDataTemplate(
  buf: Buffer,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<ParsedTemplate> {
  assertXlsx(buf);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw badFile("Không đọc được tệp Excel; tệp có thể bị hỏng.", "The Excel file could not be read.");
  }
  const meta = wb.getWorksheet(META_SHEET);
  const ws = wb.getWorksheet(DATA_SHEET);
  if (!meta || !ws) throw notOurs();
  const roundId = Number(meta.getCell("B1").value);
  const reporterKeys = String(meta.getCell("B2").value ?? "")
    .split(",")
    .filter((k) => k.length > 0);
  const checksum = String(meta.getCell("B3").value ?? "");
  if (!Number.isInteger(roundId) || reporterKeys.length === 0) throw notOurs();
  const codes: { col: number; code: string }[] = [];
  for (let col = 3; col <= ws.columnCount; col++) {
    const v = ws.getCell(CODE_ROW, col).value;
    if (typeof v === "string" && !v.startsWith("prev:") && v.includes("|")) codes.push({ col, code: v });
  }
  const rowKeys: string[] = [];
  for (let i = 0; i < reporterKeys.length; i++) rowKeys.push(String(ws.getCell(FIRST_ROW + i, 1).value ?? ""));
  const intact =
    templateChecksum(
      roundId,
      reporterKeys,
      codes.map((c) => c.code),
    ) === checksum && rowKeys.join(",") === reporterKeys.join(",");
  if (!intact) {
    throw badFile(
      "Biểu mẫu đã bị thay đổi cấu trúc (dòng, cột hoặc mã ẩn) nên không thể nhập. Hãy tải biểu mẫu mới và nhập lại số liệu.",
      "The template's structure was changed (rows, columns or hidden codes); download a fresh template.",
    );
  }
  const cells: ParsedCell[] = [];
  const errors: CellError[] = [];
  const total = reporterKeys.length * codes.length;
  let done = 0;
  reporterKeys.forEach((reporterKey, i) => {
    const row = FIRST_ROW + i;
    for (const { col, code } of codes) {
      const cell = ws.getCell(row, col);
      done++;
      if (cell.protection?.locked !== false) continue; // greyed: not this reporter's figure
      const [element, option, period] = code.split("|") as [string, string, string];
      const value = cellNumber(cell.value);
      if (value !== null && Number.isNaN(value)) {
        errors.push({
          sheet: DATA_SHEET,
          cell: cell.address,
          message: {
            vi: `Ô ${cell.address}: “${String(cell.text)}” không phải là số.`,
            en: `Cell ${cell.address}: “${String(cell.text)}” is not a number.`,
          },
        });
        continue;
      }
      cells.push({ reporterKey, element, option, period, value, address: cell.address });
    }
    onProgress(done, total);
  });
  return { roundId, reporterKeys, cells, errors };
}
