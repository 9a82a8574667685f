import { createHash } from "node:crypto";
import { AppError } from "../../core/errors";
import type { SubmissionState } from "../../core/reporting";
import type { Db } from "../db/client";
import { insertAudit } from "../db/repos/audit.repo";
import {
  type EvidenceRow,
  findEvidenceContent,
  findSubmissionById,
  findSubmissionForUpdate,
  insertEvidence,
} from "../db/repos/reporting.repo";
import { assertSafeZip, badFile } from "../importer/zip-inspect";
import { assertCan } from "./access.service";
import { type Actor, auditActor } from "./context";
import { notEditable } from "./data-value.service";
import { isEditable, requireRound, submissionNotFound, submissionTarget } from "./reporting.service";

// Evidence (minh chứng) of a report: PDF, Word, Excel, JPEG or PNG up to 10 MB,
// recognised by their first bytes, not by the name or the browser's claim.

export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

const TYPES = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  jpg: "image/jpeg",
  png: "image/png",
} as const;

/** The file type by its magic bytes (and, for Office files, the parts inside the zip). */
export function sniffEvidenceType(bytes: Buffer): keyof typeof TYPES | null {
  if (bytes.subarray(0, 5).toString("latin1") === "%PDF-") return "pdf";
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "jpg";
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return "png";
  if (bytes.length > 4 && bytes.readUInt32LE(0) === 0x04034b50) {
    const names = assertSafeZip(bytes);
    if (names.includes("word/document.xml")) return "docx";
    if (names.includes("xl/workbook.xml")) return "xlsx";
  }
  return null;
}

export async function addEvidence(
  db: Db,
  actor: Actor,
  roundId: number,
  reporterKey: string,
  file: { name: string; bytes: Buffer },
): Promise<EvidenceRow> {
  if (file.bytes.length > MAX_EVIDENCE_BYTES) {
    throw new AppError("PAYLOAD_TOO_LARGE", {
      userMessage: { vi: "Tệp minh chứng vượt quá 10 MB.", en: "Evidence files are limited to 10 MB." },
    });
  }
  const type = sniffEvidenceType(file.bytes);
  if (!type) {
    throw badFile(
      "Chỉ nhận tệp minh chứng PDF, Word (.docx), Excel (.xlsx), ảnh JPG hoặc PNG.",
      "Evidence must be a PDF, DOCX, XLSX, JPEG or PNG file.",
    );
  }
  return db.transaction(async (tx) => {
    await requireRound(tx, roundId);
    const s = await findSubmissionForUpdate(tx, roundId, reporterKey);
    if (!s) throw submissionNotFound();
    assertCan(actor, "data.enter", await submissionTarget(tx, s));
    if (!isEditable(s.state)) throw notEditable(s.state as SubmissionState);
    const row = await insertEvidence(tx, {
      submissionId: s.id,
      name: file.name.normalize("NFC").slice(0, 200),
      mime: TYPES[type],
      size: file.bytes.length,
      sha256: createHash("sha256").update(file.bytes).digest("hex"),
      content: file.bytes,
      uploadedBy: actor.principal.id || null,
    });
    await insertAudit(tx, {
      ...auditActor(actor),
      action: "add-evidence",
      objectType: "submission",
      objectId: `${roundId}:${reporterKey}`,
      old: null,
      new: { id: row.id, name: row.name, mime: row.mime, size: row.size, sha256: row.sha256 },
    });
    return row;
  });
}

export async function readEvidence(db: Db, actor: Actor, id: number) {
  const file = await findEvidenceContent(db, id);
  const s = file && (await findSubmissionById(db, file.submissionId));
  if (!file || !s) {
    throw new AppError("NOT_FOUND", {
      userMessage: { vi: "Không tìm thấy tệp minh chứng.", en: "Evidence not found." },
    });
  }
  assertCan(actor, "data.read", await submissionTarget(db, s));
  return file;
}
