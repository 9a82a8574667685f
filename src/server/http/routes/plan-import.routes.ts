import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  ZPlanImportQuery,
  ZPlanImportResult,
  ZSavePlanImportInput,
  ZSavePlanImportResult,
} from "../../../contract/plan-import";
import { assertCanImport, MAX_IMPORT_BYTES, readPlanImport, tooLargeImport } from "../../services/plan-import.service";
import { savePlanImport } from "../../services/plan-import-save.service";
import type { RouteContext } from "../app";
import { actorOf } from "../auth";
import { uploadedFile } from "../upload";

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
      const file = await uploadedFile(req, { maxBytes: MAX_IMPORT_BYTES, tooLarge: tooLargeImport });
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
