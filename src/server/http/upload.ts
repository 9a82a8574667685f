import type { FastifyRequest } from "fastify";
import { AppError } from "../../core/errors";

export interface UploadLimit {
  maxBytes: number;
  /** The Vietnamese 413 for this kind of upload (it names the limit). */
  tooLarge: () => AppError;
}

/** The one file of a multipart request; the size limit becomes a Vietnamese 413 before anything is parsed. */
export async function uploadedFile(req: FastifyRequest, limit: UploadLimit): Promise<{ name: string; bytes: Buffer }> {
  let part: Awaited<ReturnType<FastifyRequest["file"]>>;
  try {
    part = await req.file({ limits: { fileSize: limit.maxBytes, files: 1 } });
  } catch (caught) {
    if ((caught as { code?: string }).code === "FST_INVALID_MULTIPART_CONTENT_TYPE") {
      throw new AppError("UNSUPPORTED_MEDIA", {
        userMessage: { vi: "Hãy gửi tệp dạng multipart/form-data.", en: "Send the file as multipart/form-data." },
      });
    }
    throw caught;
  }
  if (!part) throw new AppError("VALIDATION", { userMessage: { vi: "Chưa chọn tệp.", en: "No file was sent." } });
  try {
    return { name: (part.filename || "tep").normalize("NFC"), bytes: await part.toBuffer() };
  } catch (caught) {
    if ((caught as { code?: string }).code === "FST_REQ_FILE_TOO_LARGE") throw limit.tooLarge();
    throw caught;
  }
}
