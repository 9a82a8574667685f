import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ZReportParams, ZReportQuery } from "../../../contract/dashboard";
import { renderReportAnnex, renderReportDocument } from "../../services/report.service";
import type { RouteContext } from "../app";
import { actorOf } from "../auth";
import { sendFile, todayInVietnam } from "./dashboard.routes";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export async function reportRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["reports"];
  const description =
    "Cùng số liệu tổng hợp với GET /api/dashboard. Các mục khó khăn, kiến nghị, hoạt động nhập qua tham số (mỗi dòng một đoạn) hoặc để “…” điền sau; public=true ẩn số liệu bạo lực giới dưới 5 người.";

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
}
