// Reads an uploaded plan file into NFC text for the parser.
//
// Accepted: .txt / .md (UTF-8 with or without BOM, UTF-16 with BOM, legacy Windows-1258),
// .docx (Word's automatic list numbers written into the paragraphs, see docx-numbering.ts;
// then mammoth → paragraphs, bold kept as **…**), .pdf with a text layer (pdfjs-dist,
// reading order rebuilt). Everything else, files over 20 MB, broken files and scanned
// PDFs are refused with an ImportError carrying a Vietnamese and an English message.

import { labelNumberedParagraphs, readNumbering } from "./docx-numbering";
import { htmlToText } from "./html-text";
import { ImportError } from "./import-error";
import { joinPages, type LaidOutPage, layoutPage, type TextRun } from "./pdf-layout";
import { readZipDirectory, readZipEntry, rewriteZip } from "./zip-inspect";

export type DocumentFormat = "txt" | "md" | "docx" | "pdf";

export interface ReadDocumentResult {
  text: string;
  format: DocumentFormat;
}

export const MAX_BYTES = 20 * 1024 * 1024;

function extensionOf(fileName: string): string {
  return /\.([a-z0-9]+)$/i.exec(fileName.trim())?.[1]?.toLowerCase() ?? "";
}

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

function sniff(bytes: Uint8Array): DocumentFormat | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "pdf";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return "docx";
  return null;
}

/** Decodes plain text: BOMs first, then strict UTF-8, then the Vietnamese Windows code page. */
export function decodeText(bytes: Uint8Array): string {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return new TextDecoder("utf-8").decode(bytes.subarray(3));
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    try {
      return new TextDecoder("windows-1258").decode(bytes);
    } catch {
      return new TextDecoder("utf-8").decode(bytes);
    }
  }
}

function malformed(kind: string, cause: unknown): ImportError {
  return new ImportError(
    "MALFORMED_FILE",
    `Không đọc được tệp ${kind}: tệp bị hỏng hoặc không đúng định dạng.`,
    `The ${kind} file could not be read: it is damaged or not really a ${kind} file.`,
    { cause },
  );
}

/** Largest XML part read for numbering; a real plan's document.xml is a few MB at most. */
const MAX_XML_PART = 60 * 1024 * 1024;

/**
 * Writes Word's automatic list labels ("I.", "1.", "a)", "-") into the paragraphs, which mammoth
 * would otherwise drop. Any problem leaves the file as it was: mammoth still reads it.
 */
export function withNumberLabels(bytes: Uint8Array): Buffer {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    const entries = readZipDirectory(buf);
    const numbering = readZipEntry(buf, entries, "word/numbering.xml", MAX_XML_PART);
    if (!numbering) return buf;
    const document = readZipEntry(buf, entries, "word/document.xml", MAX_XML_PART);
    if (!document) return buf;
    const styles = readZipEntry(buf, entries, "word/styles.xml", MAX_XML_PART);
    const defs = readNumbering(numbering.toString("utf8"), styles?.toString("utf8") ?? "");
    const before = document.toString("utf8");
    const after = labelNumberedParagraphs(before, defs);
    if (after === before) return buf;
    return rewriteZip(buf, entries, new Map([["word/document.xml", Buffer.from(after, "utf8")]]));
  } catch {
    return buf;
  }
}

async function readDocx(bytes: Uint8Array): Promise<string> {
  const mammoth = (await import("mammoth")).default;
  try {
    const input = withNumberLabels(bytes);
    const result = await mammoth.convertToHtml({ buffer: input }, { ignoreEmptyParagraphs: false });
    return htmlToText(result.value);
  } catch (e) {
    throw malformed("DOCX", e);
  }
}

interface PdfTextItem {
  str?: string;
  transform?: number[];
  width?: number;
  height?: number;
}

async function readPdf(bytes: Uint8Array): Promise<string> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  let doc: Awaited<ReturnType<typeof pdfjs.getDocument>["promise"]>;
  try {
    // pdfjs may detach the buffer it is given, and refuses a Node Buffer: hand it a plain copy.
    doc = await pdfjs.getDocument({
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      useSystemFonts: false,
      disableFontFace: true,
      verbosity: 0,
    }).promise;
  } catch (e) {
    throw malformed("PDF", e);
  }
  try {
    const pages: LaidOutPage[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const runs: TextRun[] = [];
      for (const raw of content.items as PdfTextItem[]) {
        if (typeof raw.str !== "string" || !raw.transform) continue;
        const [a = 0, b = 0, , d = 0, x, y] = raw.transform;
        // A run without a position cannot be placed (layoutPage would drop it anyway).
        if (x === undefined || y === undefined) continue;
        runs.push({
          str: raw.str,
          x,
          y,
          width: raw.width ?? 0,
          height: raw.height || Math.hypot(a, b) || Math.abs(d) || 10,
        });
      }
      pages.push(layoutPage(runs));
      page.cleanup();
    }
    const text = joinPages(pages);
    if (text.replace(/\s+/g, "").length < 20) {
      throw new ImportError(
        "NO_TEXT_LAYER",
        "Tệp PDF không có lớp văn bản (có thể là bản quét). Hãy dùng bản Word (.docx) hoặc PDF xuất trực tiếp từ phần mềm soạn thảo, hoặc nhận dạng chữ (OCR) trước khi nhập.",
        "The PDF has no text layer (it is probably a scan). Use the Word (.docx) file, a PDF exported from the word processor, or run OCR first.",
      );
    }
    return text;
  } catch (e) {
    if (e instanceof ImportError) throw e;
    throw malformed("PDF", e);
  } finally {
    await doc.destroy();
  }
}

export async function readDocument(bytes: Uint8Array, fileName: string): Promise<ReadDocumentResult> {
  if (bytes.byteLength > MAX_BYTES) {
    throw new ImportError(
      "TOO_LARGE",
      `Tệp quá lớn (${(bytes.byteLength / 1048576).toFixed(1)} MB); giới hạn là 20 MB.`,
      `The file is too large (${(bytes.byteLength / 1048576).toFixed(1)} MB); the limit is 20 MB.`,
    );
  }
  const ext = extensionOf(fileName);
  const sniffed = sniff(bytes);
  let format: DocumentFormat;
  if (ext === "txt" || ext === "md" || ext === "markdown" || ext === "text")
    format = sniffed ?? (ext === "txt" || ext === "text" ? "txt" : "md");
  else if (ext === "docx" || ext === "pdf") format = ext;
  else if (sniffed) format = sniffed;
  else {
    const what = ext ? `.${ext}` : "không có phần mở rộng";
    throw new ImportError(
      "UNSUPPORTED_FORMAT",
      `Không hỗ trợ định dạng tệp (${what}). Hãy dùng .docx, .pdf, .txt hoặc .md (tệp .doc cũ: mở bằng Word và lưu lại thành .docx).`,
      `Unsupported file format (${ext ? `.${ext}` : "no extension"}). Use .docx, .pdf, .txt or .md (old .doc files: open in Word and save as .docx).`,
    );
  }
  if (format === "docx" && sniffed !== "docx") throw malformed("DOCX", new Error("not a zip container"));
  if (format === "pdf" && sniffed !== "pdf") throw malformed("PDF", new Error("missing %PDF- header"));
  let text: string;
  if (format === "docx") text = await readDocx(bytes);
  else if (format === "pdf") text = await readPdf(bytes);
  else text = decodeText(bytes);
  return { text: text.normalize("NFC"), format };
}
