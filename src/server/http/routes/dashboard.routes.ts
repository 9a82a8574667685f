import type { FastifyInstance, FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ZDashboard, ZDashboardOptions, ZDashboardOptionsQuery, ZDashboardQuery } from "../../../contract/dashboard";
import { renderCsv } from "../../documents/csv";
import { referencePath } from "../../reference/reference-files";
import { buildDashboard } from "../../services/dashboard.service";
import { dashboardOptions } from "../../services/dashboard-options.service";
import { indicatorTable, lowerUnitTable, reporterTable } from "../../services/report-tables";
import { vietnamDay } from "../../services/reporting.service";
import type { RouteContext } from "../app";
import { actorOf } from "../auth";
import { provincesGeoJson } from "../presenters/map.presenter";

export const todayInVietnam = () => vietnamDay(new Date().toISOString());

export async function dashboardRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["dashboard"];
  const cache = ctx.dashboardCache;

  r.get(
    "/dashboard",
    {
      schema: {
        tags,
        summary: "Bảng điều khiển tiến độ: mục tiêu, chỉ tiêu, xu hướng, đơn vị cấp dưới, tình hình báo cáo",
        description:
          "Đọc từ bảng tổng hợp (value_rollups) cập nhật ngay khi duyệt; đánh giá theo core/status.ts (tốc độ thực tế ÷ tốc độ cần đạt). format=csv&table=indicators|lowerUnits|reporters trả về CSV (UTF-8 có BOM); public=true ẩn số liệu bạo lực giới dưới 5 người kèm ô bù.",
        querystring: ZDashboardQuery,
        produces: ["application/json", "text/csv"],
        response: { 200: ZDashboard.or(z.string().describe("CSV")) },
      },
    },
    async (req, reply) => {
      const { format, table, public: isPublic, ...query } = req.query;
      const view = await buildDashboard(ctx.db, actorOf(req), { ...query, today: todayInVietnam() }, cache);
      if (format === "json") return view;
      const published =
        table === "lowerUnits"
          ? lowerUnitTable(view, isPublic)
          : table === "reporters"
            ? reporterTable(view)
            : indicatorTable(view, isPublic);
      const name = `${table}-${view.unit.code}-${view.period}${isPublic ? "-public" : ""}.csv`;
      return sendFile(reply, "text/csv; charset=utf-8", name, name, renderCsv(published));
    },
  );

  r.get(
    "/dashboard/options",
    {
      schema: {
        tags,
        summary: "Kế hoạch và kỳ có thể xem trên bảng điều khiển của một đơn vị",
        querystring: ZDashboardOptionsQuery,
        response: { 200: ZDashboardOptions },
      },
    },
    async (req) => dashboardOptions(ctx.db, actorOf(req), req.query.unitId, todayInVietnam()),
  );

  r.get(
    "/dashboard/provinces.geojson",
    {
      schema: {
        tags,
        summary: "Ranh giới 34 tỉnh, thành phố (GeoJSON giản lược, id = mã tỉnh) cho bản đồ",
        produces: ["application/geo+json"],
        response: {
          200: z.any().describe("GeoJSON FeatureCollection"),
          304: z.null().describe("unchanged since the ETag sent in If-None-Match"),
        },
      },
    },
    async (req, reply) => {
      actorOf(req);
      const map = provincesGeoJson(referencePath("provinces-2025.geojson"));
      reply.header("cache-control", "private, max-age=86400").header("vary", "accept-encoding");
      reply.header("etag", map.etag);
      if (req.headers["if-none-match"] === map.etag) return reply.code(304).send(null);
      if (/\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))) {
        return reply.type("application/geo+json").header("content-encoding", "gzip").send(map.gzip);
      }
      return reply.type("application/geo+json").send(map.text);
    },
  );
}

export function sendFile(
  reply: FastifyReply,
  type: string,
  fileName: string,
  fileNameVi: string,
  body: Buffer | string,
) {
  return reply
    .type(type)
    .header(
      "content-disposition",
      `attachment; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(fileNameVi)}`,
    )
    .send(body);
}
