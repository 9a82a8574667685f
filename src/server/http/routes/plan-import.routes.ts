import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  ZPlanImportQuery,
  ZPlanImportResult,
  ZSavePlanImportInput,
  ZSavePlanImportResult,
} from "../../../contract/plan-import";
import { AppError } from "../../../core/errors";
import { assertCanImport, MAX_IMPORT_BYTES, readPlanImport, tooLargeImport } from "../../services/plan-import.service";
import { savePlanImport } from "../../services/plan-import-save.service";
import type { RouteContext } from "../app";
import { actorOf } from "../auth";

/** The one uploaded file, with the 20 MB limit turned into a Vietnamese 413 before anything is parsed. */
async function uploadedDocument(req: FastifyRequest): Promise<{ name: string; bytes: Buffer }> {
  let part: Awaited<ReturnType<FastifyRequest["file"]>>;
  try {
    part = await req.file({ limits: { fileSize: MAX_IMPORT_BYTES, files: 1 } });
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
    if ((caught as { code?: string }).code === "FST_REQ_FILE_TOO_LARGE") throw tooLargeImport();
    throw caught;
  }
}

export async function planImportRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["plan imports"];

  r.post(
    "/plan-imports",
    {
      schema: {
        tags,
        summary: "Đọc một văn bản kế hoạch (.txt, .md, .docx, .pdf ≤ 20 MB) để rà soát trước khi lưu",
        description:
          "multipart/form-data, trường “file”. Không ghi gì: trả về văn bản, dữ liệu đọc được, vị trí từng trường trong văn bản, cảnh báo và chỉ tiêu cấp trên / quốc gia gần nhất cho mỗi chỉ tiêu. PDF không có lớp văn bản (bản quét) bị từ chối (422).",
        querystring: ZPlanImportQuery,
        consumes: ["multipart/form-data"],
        response: { 200: ZPlanImportResult },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      // Access first: an outsider learns nothing and uploads nothing.
      await assertCanImport(ctx.db, actor, req.query);
      const file = await uploadedDocument(req);
      return readPlanImport(ctx.db, actor, { ...req.query, fileName: file.name, bytes: file.bytes });
    },
  );

  r.post(
    "/plan-imports/save",
    {
      schema: {
        tags,
        summary: "Lưu kế hoạch đã rà soát thành dự thảo",
        description:
          "Một giao dịch: kế hoạch dự thảo, mục tiêu, chỉ tiêu (liên kết chỉ tiêu quốc gia / cấp trên, hoặc chỉ tiêu riêng), mục tiêu số, cơ quan mới (khi chọn tạo), phân công, chế độ báo cáo, tháng hành động; ghi nhật ký.",
        body: ZSavePlanImportInput,
        response: { 200: ZSavePlanImportResult },
      },
    },
    async (req) => savePlanImport(ctx.db, actorOf(req), req.body),
  );
}
