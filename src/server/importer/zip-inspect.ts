import { crc32, deflateRawSync, inflateRawSync } from "node:zlib";
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
  flags: number;
  /** MS-DOS time and date words, as stored. */
  time: number;
  date: number;
  crc: number;
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
      flags: buf.readUInt16LE(p + 8),
      method: buf.readUInt16LE(p + 10),
      time: buf.readUInt16LE(p + 12),
      date: buf.readUInt16LE(p + 14),
      crc: buf.readUInt32LE(p + 16),
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

/** The stored (possibly compressed) bytes of one entry; throws on a broken local header. */
function rawData(buf: Buffer, e: ZipEntry): Buffer {
  const p = e.localHeaderOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== 0x04034b50) throw new Error(`bad local header: ${e.name}`);
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  if (start + e.compressedSize > buf.length) throw new Error(`truncated entry: ${e.name}`);
  return buf.subarray(start, start + e.compressedSize);
}

/**
 * Inflates one entry, refusing more than `maxBytes` of output (a zip bomb fails instead of growing).
 * Throws a plain Error for a missing, broken or oversized entry.
 */
export function readZipEntry(buf: Buffer, entries: ZipEntry[], name: string, maxBytes: number): Buffer | null {
  const e = entries.find((x) => x.name === name);
  if (!e) return null;
  if (e.uncompressedSize > maxBytes) throw new Error(`entry too large: ${name}`);
  const data = rawData(buf, e);
  if (e.method === 0) return data;
  if (e.method !== 8) throw new Error(`unsupported compression ${e.method}: ${name}`);
  return inflateRawSync(data, { maxOutputLength: Math.max(1, maxBytes) });
}

/**
 * Writes a new zip holding every entry of `buf`, with the entries named in `replace` given new
 * contents (deflated). Unchanged entries are copied byte for byte, still compressed.
 */
export function rewriteZip(buf: Buffer, entries: ZipEntry[], replace: Map<string, Buffer>): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const fresh = replace.get(e.name);
    const data = fresh ? deflateRawSync(fresh) : rawData(buf, e);
    const method = fresh ? 8 : e.method;
    const crc = fresh ? crc32(fresh) : e.crc;
    const size = fresh ? fresh.length : e.uncompressedSize;
    // Sizes are written in the local header, so no data descriptor follows (flag bit 3 cleared).
    const flags = e.flags & ~0x0008;
    const name = Buffer.from(e.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(e.time, 10);
    local.writeUInt16LE(e.date, 12);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(flags, 8);
    dir.writeUInt16LE(method, 10);
    dir.writeUInt16LE(e.time, 12);
    dir.writeUInt16LE(e.date, 14);
    dir.writeUInt32LE(crc >>> 0, 16);
    dir.writeUInt32LE(data.length, 20);
    dir.writeUInt32LE(size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    parts.push(local, name, data);
    central.push(dir, name);
    offset += local.length + name.length + data.length;
  }
  const dirBytes = Buffer.concat(central);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(dirBytes.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, dirBytes, eocd]);
}
