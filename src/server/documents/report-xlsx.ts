import ExcelJS from "exceljs";
import type { PublishedTable } from "../services/report-tables";

// The Excel annex of a report (phụ lục): view model → bytes, no DB. One sheet per
// published table; the lower-unit sheet has one row per lower unit and one column
// group (value, numerator, denominator) per indicator under a merged heading, the
// unit's own figures as the last (total) row. Numbers are stored as numbers (the
// exact values the dashboard API returns), shown with up to two decimals;
// suppressed cells hold the text "x" and the footnote says why.

export interface AnnexModel {
  title: string;
  subtitle: string;
  tables: PublishedTable[];
}

export const ANNEX_FIRST_ROW = 5;

const HEAD = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD0E2F3" } } as const;
const THIN = { style: "thin", color: { argb: "FF888888" } } as const;
const BORDER = { top: THIN, bottom: THIN, left: THIN, right: THIN };

function addSheet(book: ExcelJS.Workbook, model: AnnexModel, table: PublishedTable): void {
  const sheet = book.addWorksheet(table.name.slice(0, 31), {
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: "frozen", xSplit: 2, ySplit: ANNEX_FIRST_ROW - 1 }],
  });
  sheet.getCell(1, 1).value = model.title;
  sheet.getCell(1, 1).font = { name: "Times New Roman", size: 14, bold: true };
  sheet.getCell(2, 1).value = model.subtitle;
  sheet.getCell(2, 1).font = { name: "Times New Roman", size: 12, italic: true };
  // Row 3: group headings (merged over their columns); row 4: column labels.
  let k = 0;
  while (k < table.columns.length) {
    const col = table.columns[k] as PublishedTable["columns"][number];
    let end = k;
    while (col.group && table.columns[end + 1]?.group === col.group) end++;
    if (col.group) {
      sheet.getCell(3, k + 1).value = col.group;
      if (end > k) sheet.mergeCells(3, k + 1, 3, end + 1);
    }
    k = end + 1;
  }
  table.columns.forEach((c, i) => {
    sheet.getCell(4, i + 1).value = c.label;
    sheet.getColumn(i + 1).width = i === 1 ? 42 : c.numeric ? 12 : 14;
  });
  for (const r of [3, 4]) {
    const row = sheet.getRow(r);
    row.font = { bold: true };
    row.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    table.columns.forEach((_, i) => {
      const cell = row.getCell(i + 1);
      cell.fill = HEAD;
      cell.border = BORDER;
    });
  }
  table.rows.forEach((cells, r) => {
    const row = sheet.getRow(ANNEX_FIRST_ROW + r);
    cells.forEach((cell, i) => {
      const target = row.getCell(i + 1);
      const numeric = table.columns[i]?.numeric && !cell.suppressed && cell.value !== null;
      target.value = numeric ? cell.value : cell.text;
      if (numeric) target.numFmt = "#,##0.##";
      if (cell.suppressed) target.alignment = { horizontal: "right" };
      target.border = BORDER;
    });
  });
  const after = ANNEX_FIRST_ROW + table.rows.length + 1;
  table.footnotes.forEach((note, i) => {
    sheet.getCell(after + i, 1).value = note;
    sheet.getCell(after + i, 1).font = { italic: true };
  });
}

export async function renderReportXlsx(model: AnnexModel): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = "Bình Đẳng";
  for (const table of model.tables) addSheet(book, model, table);
  return Buffer.from(await book.xlsx.writeBuffer());
}
