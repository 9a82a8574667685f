import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ZReportParams, ZReportQuery } from "../../../contract/dashboard";
import { ZReportText, ZReportTextParams, ZSaveReportTextInput } from "../../../contract/report-text";
import { renderReportAnnex, renderReportDocument } from "../../services/report.service";
import { getReportText, saveReportText } from "../../services/report-text.service";
import type { RouteContext } from "../app";
import { actorOf } from "../auth";
import { presentReportText } from "../presenters/report-text.presenter";
import { sendFile, todayInVietnam } from "./dashboard.routes";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export async function reportRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["reports"];
  const description =
    "Cùng số liệu tổng hợp với GET /api/dashboard. Số văn bản, kính gửi, hoạt động, khó khăn, kiến nghị lấy từ nội dung đã lưu (PUT …/text); tham số cùng tên (mỗi dòng một đoạn) thay thế nội dung đã lưu; mục trống in “…”. public=true ẩn số liệu bạo lực giới dưới 5 người.";

  r.get(
    "/reports/:unitId/:planId/:period.docx",
    {
      schema: {
        tags,
        summary: "Báo cáo 6 tháng / năm của đơn vị (DOCX, thể thức NĐ 30/2020)",
        description,
        params: ZReportParams,
        querystring: ZReportQuery,
        produces: [DOCX],
        response: { 200: z.any().describe("DOCX file") },
      },
    },
    async (req, reply) => {
      const file = await renderReportDocument(
        ctx.db,
        actorOf(req),
        {
          ...req.params,
          today: todayInVietnam(),
          options: req.query,
        },
        ctx.dashboardCache,
      );
      return sendFile(reply, DOCX, file.fileName, file.fileNameVi, file.bytes);
    },
  );

  r.get(
    "/reports/:unitId/:planId/:period.xlsx",
    {
      schema: {
        tags,
        summary: "Phụ lục báo cáo: chỉ tiêu theo đơn vị cấp dưới (XLSX)",
        description,
        params: ZReportParams,
        querystring: ZReportQuery,
        produces: [XLSX],
        response: { 200: z.any().describe("XLSX file") },
      },
    },
    async (req, reply) => {
      const file = await renderReportAnnex(
        ctx.db,
        actorOf(req),
        {
          ...req.params,
          today: todayInVietnam(),
          options: req.query,
        },
        ctx.dashboardCache,
      );
      return sendFile(reply, XLSX, file.fileName, file.fileNameVi, file.bytes);
    },
  );

  r.get(
    "/reports/:unitId/:planId/:period/text",
    {
      schema: {
        tags,
        summary: "Nội dung báo cáo đã lưu: số văn bản, kính gửi, nơi nhận, người ký, hoạt động, khó khăn, kiến nghị",
        params: ZReportTextParams,
        response: { 200: ZReportText },
      },
    },
    async (req) => presentReportText(await getReportText(ctx.db, actorOf(req), req.params)),
  );

  r.put(
    "/reports/:unitId/:planId/:period/text",
    {
      schema: {
        tags,
        summary: "Lưu nội dung báo cáo (thay toàn bộ; expectedUpdatedAt chống ghi đè lần lưu của người khác)",
        params: ZReportTextParams,
        body: ZSaveReportTextInput,
        response: { 200: ZReportText },
      },
    },
    async (req) => presentReportText(await saveReportText(ctx.db, actorOf(req), req.params, req.body)),
  );
}
