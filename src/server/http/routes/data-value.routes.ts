import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { ZIdParams } from "../../../contract/common";
import {
  ZDataElementList,
  ZIndicatorFormulas,
  ZIndicatorValues,
  ZIndicatorValuesQuery,
  ZSetIndicatorFormulaInput,
} from "../../../contract/data-value";
import {
  getIndicatorFormulas,
  listAllDataElements,
  type ResolvedFormula,
  setIndicatorFormulas,
} from "../../services/data-element.service";
import { getUnitIndicators } from "../../services/indicator-value.service";
import type { RouteContext } from "../app";
import { actorOf } from "../auth";
import { presentIndicators } from "../presenters/reporting.presenters";

const presentFormulas = (items: ResolvedFormula[]) => ({
  items: items.map((f) => ({
    subject: f.subject,
    unit: f.unit,
    origin: f.origin,
    formula: f.formula as unknown as Record<string, unknown>,
  })),
});

export async function dataValueRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["data values"];

  r.get(
    "/data-elements",
    {
      schema: {
        tags,
        summary: "Danh mục chỉ tiêu dữ liệu (mã, phân tổ giới tính)",
        response: { 200: ZDataElementList },
      },
    },
    async () => ({
      items: (await listAllDataElements(ctx.db)).map((d) => ({
        id: d.id,
        code: d.code,
        name: d.name,
        nameEn: d.nameEn,
        options: d.options,
        valueType: d.valueType,
        reportedBy: d.reportedBy,
        source: d.source,
        sensitive: d.sensitive,
      })),
    }),
  );

  r.get(
    "/plan-indicators/:id/formula",
    {
      schema: {
        tags,
        summary: "Công thức tính của một chỉ tiêu kế hoạch",
        params: ZIdParams,
        response: { 200: ZIndicatorFormulas },
      },
    },
    async (req) => presentFormulas(await getIndicatorFormulas(ctx.db, actorOf(req), req.params.id)),
  );

  r.put(
    "/plan-indicators/:id/formula",
    {
      schema: {
        tags,
        summary: "Đặt công thức cho chỉ tiêu (chỉ tiêu địa phương hoặc định nghĩa riêng)",
        description:
          'Biểu thức trên chỉ tiêu dữ liệu #{MA.nu}; lỗi cú pháp trả về bằng tiếng Việt kèm vị trí. Ví dụ {"kind":"ratio","numerator":"#{CLB_BDG_TV.nu}","denominator":"#{CLB_BDG_TV}","scale":100}.',
        params: ZIdParams,
        body: ZSetIndicatorFormulaInput,
        response: { 200: ZIndicatorFormulas },
      },
    },
    async (req) => presentFormulas(await setIndicatorFormulas(ctx.db, actorOf(req), req.params.id, req.body)),
  );

  r.get(
    "/units/:id/indicators",
    {
      schema: {
        tags,
        summary: "Giá trị các chỉ tiêu của kế hoạch tại một đơn vị (tổng hợp tức thời)",
        description:
          "Tính từ số liệu đã duyệt cộng dồn trên cây đơn vị (không bao giờ lấy trung bình các tỷ lệ). tree=new: số liệu trước 01/7/2025 thể hiện trên cây mới qua bảng chuyển đổi; phần “part” đánh dấu partial.",
        params: ZIdParams,
        querystring: ZIndicatorValuesQuery,
        response: { 200: ZIndicatorValues },
      },
    },
    async (req) => presentIndicators(await getUnitIndicators(ctx.db, actorOf(req), req.params.id, req.query)),
  );
}
