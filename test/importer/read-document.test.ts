import { describe, expect, it } from "vitest";
import { ImportError } from "../../src/server/importer/import-error";
import { decodeText, MAX_BYTES, readDocument } from "../../src/server/importer/read-document";
import { textToDocx } from "../helpers/docx";
import { blankPdf } from "../helpers/pdf";

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

async function importError(p: Promise<unknown>): Promise<ImportError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ImportError);
    return e as ImportError;
  }
  throw new Error("expected an ImportError");
}

describe("readDocument: text", () => {
  it("strips a UTF-8 BOM and returns NFC", async () => {
    const r = await readDocument(new Uint8Array([0xef, 0xbb, 0xbf, ...enc("Kế hoạch".normalize("NFD"))]), "a.txt");
    expect(r).toEqual({ text: "Kế hoạch", format: "txt" });
  });
  it("reads UTF-16 with a BOM, both byte orders", async () => {
    const s = "Số: 262/KH-SLĐTBXH";
    const le = new Uint8Array(2 + s.length * 2);
    const be = new Uint8Array(2 + s.length * 2);
    le.set([0xff, 0xfe]);
    be.set([0xfe, 0xff]);
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      le[2 + 2 * i] = c & 0xff;
      le[3 + 2 * i] = c >> 8;
      be[2 + 2 * i] = c >> 8;
      be[3 + 2 * i] = c & 0xff;
    }
    expect((await readDocument(le, "a.txt")).text).toBe(s);
    expect((await readDocument(be, "a.md")).text).toBe(s);
  });
  it("treats .md as markdown text", async () => {
    expect(await readDocument(enc("## **KẾ HOẠCH**"), "plan.md")).toEqual({ text: "## **KẾ HOẠCH**", format: "md" });
  });
  it("falls back to Windows-1258 for non-UTF-8 bytes", () => {
    expect(decodeText(new Uint8Array([0x53, 0xe8]))).toBe("Sè");
  });
});

describe("readDocument: refusals", () => {
  it("refuses unknown formats in Vietnamese and English", async () => {
    const e = await importError(readDocument(enc("x"), "plan.doc"));
    expect(e.code).toBe("UNSUPPORTED_FORMAT");
    expect(e.message).toContain("Không hỗ trợ");
    expect(e.messageEn).toContain("Unsupported");
  });
  it("refuses files over 20 MB", async () => {
    const e = await importError(readDocument(new Uint8Array(MAX_BYTES + 1), "big.txt"));
    expect(e.code).toBe("TOO_LARGE");
  });
  it("refuses a damaged .docx and a damaged .pdf", async () => {
    expect((await importError(readDocument(enc("not a zip"), "a.docx"))).code).toBe("MALFORMED_FILE");
    expect((await importError(readDocument(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), "a.docx"))).code).toBe(
      "MALFORMED_FILE",
    );
    expect((await importError(readDocument(enc("%PDF-1.4\ngarbage"), "a.pdf"))).code).toBe("MALFORMED_FILE");
  });
  it("says a PDF without a text layer is probably a scan", async () => {
    const e = await importError(readDocument(blankPdf(), "scan.pdf"));
    expect(e.code).toBe("NO_TEXT_LAYER");
    expect(e.message).toContain("Tệp PDF không có lớp văn bản (có thể là bản quét)");
  });
});

describe("readDocument: docx", () => {
  it("keeps paragraphs, blank lines and bold", async () => {
    const bytes = await textToDocx("**KẾ HOẠCH**\nThực hiện Chiến lược\n\n1. Sở Y tế");
    const r = await readDocument(bytes, "plan.docx");
    expect(r.format).toBe("docx");
    expect(r.text).toBe("**KẾ HOẠCH**\nThực hiện Chiến lược\n\n1. Sở Y tế");
  });
});
