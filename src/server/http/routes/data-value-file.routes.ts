import type { FastifyInstance, FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ZIdParams } from "../../../contract/common";
import {
  ZDataValueSet,
  ZDataValueSetQuery,
  ZEvidenceParams,
  ZImportJob,
  ZImportJobParams,
  ZImportSummary,
} from "../../../contract/data-value";
import { ZRoundReporterParams } from "../../../contract/reporting";
import { exportDataValueSet, fromCsv, importDataValueSet, toCsv } from "../../services/data-value-set.service";
import {
  getImportJob,
  MAX_UPLOAD_BYTES,
  renderLowerUnitsTemplate,
  renderReporterTemplate,
  startImport,
  tooLarge,
} from "../../services/data-value-xlsx.service";
import { addEvidence, readEvidence } from "../../services/evidence.service";
import { assertCanEnter, assertRoundReadable } from "../../services/reporting.service";
import type { RouteContext } from "../app";
import { actorOf } from "../auth";
import { presentImportJob } from "../presenters/reporting.presenters";
import { uploadedFile } from "../upload";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

function sendFile(reply: FastifyReply, file: { fileName: string; bytes: Buffer }, type: string) {
  return reply.type(type).header("content-disposition", `attachment; filename="${file.fileName}"`).send(file.bytes);
}

export async function dataValueFileRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["data values"];

  r.get(
    "/rounds/:id/forms/:reporterKey/template.xlsx",
    {
      schema: {
        tags,
        summary: "Tải biểu mẫu Excel của một cơ quan/đơn vị",
        params: ZRoundReporterParams,
        produces: [XLSX],
        response: { 200: z.any().describe("XLSX file") },
      },
    },
    async (req, reply) =>
      sendFile(reply, await renderReporterTemplate(ctx.db, actorOf(req), req.params.id, req.params.reporterKey), XLSX),
  );

  r.get(
    "/rounds/:id/template.xlsx",
    {
      schema: {
        tags,
        summary: "Tải biểu mẫu Excel cho tất cả đơn vị cấp dưới (mỗi đơn vị một dòng)",
        params: ZIdParams,
        produces: [XLSX],
        response: { 200: z.any().describe("XLSX file") },
      },
    },
    async (req, reply) => sendFile(reply, await renderLowerUnitsTemplate(ctx.db, actorOf(req), req.params.id), XLSX),
  );

  r.post(
    "/rounds/:id/imports",
    {
      schema: {
        tags,
        summary: "Nhập số liệu từ tệp Excel (chạy nền, xem tiến độ)",
        description:
          "multipart/form-data, trường “file” (≤ 10 MB). Tệp hỏng, tệp nén bất thường hoặc quá lớn bị từ chối ngay; sau đó nhập trong một lượt: có một ô sai thì không ghi gì, báo từng ô (ví dụ “D7”). ?reporterKey= buộc tệp phải là biểu mẫu của nơi đó.",
        params: ZIdParams,
        querystring: z.object({
          reporterKey: z
            .string()
            .regex(/^(agency|unit)-\d{1,10}$/)
            .optional(),
        }),
        consumes: ["multipart/form-data"],
        response: { 202: ZImportJob },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      await assertRoundReadable(ctx.db, actor, req.params.id);
      const file = await uploadedFile(req, { maxBytes: MAX_UPLOAD_BYTES, tooLarge });
      const job = await startImport(ctx.db, actor, {
        roundId: req.params.id,
        reporterKey: req.query.reporterKey ?? null,
        fileName: file.name,
        bytes: file.bytes,
      });
      return reply.status(202).send(presentImportJob(job));
    },
  );

  r.get(
    "/imports/:jobId",
    {
      schema: {
        tags,
        summary: "Tiến độ và kết quả một lượt nhập Excel",
        params: ZImportJobParams,
        response: { 200: ZImportJob },
      },
    },
    async (req) => presentImportJob(await getImportJob(ctx.db, actorOf(req), req.params.jobId)),
  );

  r.post(
    "/rounds/:id/forms/:reporterKey/evidence",
    {
      schema: {
        tags,
        summary: "Đính kèm minh chứng (PDF, DOCX, XLSX, JPG, PNG ≤ 10 MB)",
        params: ZRoundReporterParams,
        consumes: ["multipart/form-data"],
        response: {
          200: z.object({ id: z.number().int(), name: z.string(), mime: z.string(), size: z.number().int() }),
        },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await assertCanEnter(ctx.db, actor, req.params.id, req.params.reporterKey);
      const file = await uploadedFile(req, { maxBytes: MAX_UPLOAD_BYTES, tooLarge });
      const row = await addEvidence(ctx.db, actor, req.params.id, req.params.reporterKey, file);
      return { id: row.id, name: row.name, mime: row.mime, size: row.size };
    },
  );

  r.get(
    "/evidence/:id",
    {
      schema: {
        tags,
        summary: "Tải tệp minh chứng",
        params: ZEvidenceParams,
        response: { 200: z.any().describe("file") },
      },
    },
    async (req, reply) => {
      const file = await readEvidence(ctx.db, actorOf(req), req.params.id);
      return reply
        .type(file.mime)
        .header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`)
        .header("x-content-type-options", "nosniff")
        .send(file.content);
    },
  );

  r.get(
    "/dataValueSets",
    {
      schema: {
        tags: ["interoperability"],
        summary: "Xuất số liệu một kỳ báo cáo theo chuẩn DHIS2 dataValueSets (JSON hoặc CSV)",
        description:
          "idScheme = code: dataSet = mã kế hoạch, orgUnit = mã đơn vị hành chính, categoryOptionCombo = nu | nam | total.",
        querystring: ZDataValueSetQuery,
        response: { 200: z.union([ZDataValueSet, z.string()]) },
      },
    },
    async (req, reply) => {
      const set = await exportDataValueSet(ctx.db, actorOf(req), req.query);
      if (req.query.format === "csv") return reply.type("text/csv; charset=utf-8").send(toCsv(set));
      return set;
    },
  );

  r.post(
    "/dataValueSets",
    {
      schema: {
        tags: ["interoperability"],
        summary: "Nhập số liệu theo chuẩn DHIS2 dataValueSets (JSON, hoặc text/csv với ?dataSet=&period=)",
        description:
          "Nhập tất cả hoặc không gì cả; trả về từng dòng lỗi (conflicts). Không bao giờ ghi đè số liệu đã gửi hoặc đã duyệt.",
        querystring: z.object({ dataSet: z.string().optional(), period: z.string().optional() }),
        body: z.union([ZDataValueSet, z.string().max(20_000_000)]),
        response: { 200: ZImportSummary },
      },
    },
    async (req) => {
      const set =
        typeof req.body === "string" ? fromCsv(req.body, req.query.dataSet ?? "", req.query.period ?? "") : req.body;
      return importDataValueSet(ctx.db, actorOf(req), set);
    },
  );
}
