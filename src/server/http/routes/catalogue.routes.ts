import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { ZCatalogueTarget, ZConfirmTargetInput, ZStrategy, ZStrategyList } from "../../../contract/catalogue";
import { ZIdParams } from "../../../contract/common";
import { confirmCatalogueTarget, getStrategyTree, listCatalogueStrategies } from "../../services/catalogue.service";
import type { RouteContext } from "../app";
import { actorOf } from "../auth";
import { presentCatalogueTarget, presentStrategy, presentStrategySummary } from "../presenters/plan.presenters";

export async function catalogueRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["catalogue"];

  r.get(
    "/catalogue/strategies",
    { schema: { tags, summary: "Chiến lược, chương trình quốc gia", response: { 200: ZStrategyList } } },
    async (req) => ({ items: (await listCatalogueStrategies(ctx.db, actorOf(req))).map(presentStrategySummary) }),
  );

  r.get(
    "/catalogue/strategies/:id",
    {
      schema: {
        tags,
        summary: "Mục tiêu, chỉ tiêu, mục tiêu số của một chiến lược",
        params: ZIdParams,
        response: { 200: ZStrategy },
      },
    },
    async (req) => presentStrategy(await getStrategyTree(ctx.db, actorOf(req), req.params.id)),
  );

  r.post(
    "/catalogue/targets/:id/confirm",
    {
      schema: {
        tags,
        summary: "Xác nhận / sửa mục tiêu theo văn bản gốc (quản trị)",
        params: ZIdParams,
        body: ZConfirmTargetInput,
        response: { 200: ZCatalogueTarget },
      },
    },
    async (req) => presentCatalogueTarget(await confirmCatalogueTarget(ctx.db, actorOf(req), req.params.id, req.body)),
  );
}
