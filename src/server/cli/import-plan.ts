// `binhdang import-plan FILE [--json]`: reads a plan document and prints what was extracted.
// With --json stdout carries exactly the extract JSON (SCHEMA.md) and nothing else.

import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import { type ParseResult, parsePlanText } from "../../vn-parser/index";
import { isImportError } from "../importer/import-error";
import { MAX_BYTES, readDocument } from "../importer/read-document";

const KIND_LABEL: Record<string, string> = { plan: "Kế hoạch", report: "Báo cáo", other: "Văn bản khác" };
const REPORT_LABEL: Record<string, string> = { semiannual: "6 tháng", annual: "năm", quarterly: "quý" };

export function formatSummary(fileName: string, result: ParseResult): string {
  const { extract, warnings } = result;
  const d = extract.document;
  const indicators = extract.goals.reduce((n, g) => n + g.indicators.length, 0);
  const targets = extract.goals.reduce((n, g) => n + g.indicators.reduce((m, i) => m + i.targets.length, 0), 0);
  const lines = [
    `Tệp: ${fileName}`,
    `Loại văn bản: ${KIND_LABEL[d.kind] ?? d.kind}`,
    `Số hiệu: ${d.number ?? (d.symbol ? `(để trống)/${d.symbol}` : "(không có)")}`,
    `Địa danh, ngày: ${d.place ?? "(không rõ)"}, ${d.date ?? "(không rõ)"}`,
    `Trích yếu: ${d.title ?? "(không tìm thấy)"}`,
    `Giai đoạn: ${d.periodFrom ?? "?"} – ${d.periodTo ?? "?"}`,
    `Người ký: ${d.signer?.name ?? "(không tìm thấy)"}${d.signer?.position ? ` (${d.signer.position})` : ""}`,
    `Căn cứ pháp lý: ${extract.legalBasis.length} văn bản${extract.legalBasis.length ? ` (${extract.legalBasis.map((l) => l.number).join(", ")})` : ""}`,
    `Mục tiêu: ${extract.goals.length}, chỉ tiêu: ${indicators}, giá trị định lượng: ${targets}`,
    `Phân công: ${extract.assignments.length}`,
  ];
  if (extract.reporting.length) {
    lines.push("Hạn báo cáo:");
    for (const r of extract.reporting) {
      const [mm, dd] = r.due.split("-");
      lines.push(
        `  - Báo cáo ${REPORT_LABEL[r.kind] ?? r.kind}: trước ngày ${dd}/${mm}${r.year ? `/${r.year}` : ""}${r.to ? ` → ${r.to}` : ""}`,
      );
    }
  } else lines.push("Hạn báo cáo: (không tìm thấy)");
  if (extract.actionMonth) {
    const [fm, fd] = extract.actionMonth.from.split("-");
    const [tm, td] = extract.actionMonth.to.split("-");
    lines.push(`Tháng hành động: ${fd}/${fm} – ${td}/${tm}`);
  }
  if (warnings.length) {
    lines.push(`Cảnh báo (${warnings.length}):`);
    for (const w of warnings) lines.push(`  - ${w.message}`);
  }
  return `${lines.join("\n")}\n`;
}

export async function runImportPlan(args: string[]): Promise<number> {
  const json = args.includes("--json");
  const [file, ...extra] = args.filter((a) => !a.startsWith("--"));
  if (file === undefined || extra.length > 0) {
    process.stderr.write("Cách dùng: binhdang import-plan TỆP [--json]\nUsage: binhdang import-plan FILE [--json]\n");
    return 2;
  }
  try {
    const info = await stat(file);
    if (info.size > MAX_BYTES) {
      // Refuse before reading 20 MB+ into memory; readDocument gives the same error.
      await readDocument(new Uint8Array(MAX_BYTES + 1), file);
    }
    const bytes = new Uint8Array(await readFile(file));
    // Library chatter (pdfjs warnings) must never reach stdout, which carries only the JSON.
    const log = console.log;
    console.log = (...a: unknown[]) => console.error(...a);
    let text: string;
    try {
      text = (await readDocument(bytes, basename(file))).text;
    } finally {
      console.log = log;
    }
    const result = parsePlanText(text);
    if (json) process.stdout.write(`${JSON.stringify(result.extract, null, 2)}\n`);
    else process.stdout.write(formatSummary(basename(file), result));
    return 0;
  } catch (e) {
    if (isImportError(e)) process.stderr.write(`Lỗi: ${e.message}\n(${e.code}: ${e.messageEn})\n`);
    else if (e && typeof e === "object" && "code" in e && (e as { code: unknown }).code === "ENOENT") {
      process.stderr.write(`Lỗi: không tìm thấy tệp "${file}".\n(File not found.)\n`);
    } else process.stderr.write(`Lỗi: không đọc được tệp "${file}": ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}
