import { inflateRawSync } from "node:zlib";
import { AppError } from "../../core/errors";

// An XLSX is a zip. Before any parser sees an upload we read the zip's central
// directory ourselves and refuse what could exhaust memory (a zip bomb): too
// many entries, too much uncompressed data in total, or an absurd compression
// ratio. Declared sizes can lie, so every entry is then inflated with a hard cap
// of its declared size: a lying entry fails instead of growing.

export interface ZipLimits {
  maxEntries: number;
  maxTotalUncompressed: number;
  maxRatio: number;
}

export const XLSX_ZIP_LIMITS: ZipLimits = { maxEntries: 2000, maxTotalUncompressed: 50 * 1024 * 1024, maxRatio: 100 };

export function badFile(vi: string, en: string): AppError {
  return new AppError("BAD_FILE", { userMessage: { vi, en } });
}

const notXlsx = () =>
  badFile(
    "Tệp không phải là tệp Excel (.xlsx) hợp lệ. Hãy tải biểu mẫu về, nhập số liệu và lưu lại dạng .xlsx.",
    "The file is not a valid Excel (.xlsx) workbook.",
  );

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

/** Lists the entries of a zip from its central directory; throws BAD_FILE when it is not a sound zip. */
export function readZipDirectory(buf: Buffer): ZipEntry[] {
  if (buf.length < 22 || buf.readUInt32LE(0) !== 0x04034b50) throw notXlsx();
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw notXlsx();
  const count = buf.readUInt16LE(eocd + 10);
  const size = buf.readUInt32LE(eocd + 12);
  const offset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff || offset + size > buf.length) throw notXlsx();
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw notXlsx();
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    entries.push({
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      uncompressedSize: buf.readUInt32LE(p + 24),
      localHeaderOffset: buf.readUInt32LE(p + 42),
      name: buf.toString("utf8", p + 46, p + 46 + nameLength),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Throws BAD_FILE for a zip bomb or a broken zip; returns the entry names. */
export function assertSafeZip(buf: Buffer, limits: ZipLimits = XLSX_ZIP_LIMITS): string[] {
  const entries = readZipDirectory(buf);
  const tooBig = () =>
    badFile(
      `Tệp nén bất thường (giải nén vượt ${Math.round(limits.maxTotalUncompressed / 1048576)} MB hoặc tỷ lệ nén quá cao); hệ thống từ chối để bảo vệ máy chủ.`,
      "The archive expands too much (possible zip bomb) and was refused.",
    );
  if (entries.length > limits.maxEntries) throw tooBig();
  let total = 0;
  let compressed = 0;
  for (const e of entries) {
    if (e.uncompressedSize === 0xffffffff || e.compressedSize === 0xffffffff) throw tooBig(); // ZIP64
    total += e.uncompressedSize;
    compressed += e.compressedSize;
  }
  if (total > limits.maxTotalUncompressed) throw tooBig();
  if (total > 1_000_000 && total / Math.max(1, compressed) > limits.maxRatio) throw tooBig();
  for (const e of entries) {
    const p = e.localHeaderOffset;
    if (p + 30 > buf.length || buf.readUInt32LE(p) !== 0x04034b50) throw notXlsx();
    const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
    const data = buf.subarray(start, start + e.compressedSize);
    if (e.method === 0) {
      if (data.length !== e.uncompressedSize) throw notXlsx();
      continue;
    }
    if (e.method !== 8) throw notXlsx();
    try {
      const out = inflateRawSync(data, { maxOutputLength: Math.max(1, e.uncompressedSize) });
      if (out.length !== e.uncompressedSize) throw notXlsx();
    } catch (caught) {
      if (caught instanceof RangeError || (caught as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw tooBig();
      throw notXlsx();
    }
  }
  return entries.map((e) => e.name);
}

/** A workbook: a safe zip holding xl/workbook.xml. */
export function assertXlsx(buf: Buffer): void {
  const names = assertSafeZip(buf);
  if (!names.includes("xl/workbook.xml")) throw notXlsx();
}
