import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  ZAgency,
  ZAgencyList,
  ZAgencyListQuery,
  ZCloseAgencyInput,
  ZCreateAgencyInput,
  ZUpdateAgencyInput,
} from "../../../contract/agency";
import { ZIdParams, ZOk } from "../../../contract/common";
import {
  closeAgency,
  createAgency,
  getAgency,
  listAgencies,
  removeAgency,
  renameOrRetypeAgency,
} from "../../services/agency.service";
import type { RouteContext } from "../app";
import { actorOf } from "../auth";
import { presentAgency } from "../presenters/presenters";

export async function agencyRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["agencies"];

  r.get(
    "/agencies",
    {
      schema: {
        tags,
        summary: "Cơ quan của một đơn vị",
        querystring: ZAgencyListQuery,
        response: { 200: ZAgencyList },
      },
    },
    async (req) => ({
      items: (await listAgencies(ctx.db, actorOf(req), req.query.unitId, req.query.includeClosed)).map(presentAgency),
    }),
  );

  r.get(
    "/agencies/:id",
    { schema: { tags, summary: "Một cơ quan", params: ZIdParams, response: { 200: ZAgency } } },
    async (req) => presentAgency(await getAgency(ctx.db, actorOf(req), req.params.id)),
  );

  r.post(
    "/agencies",
    { schema: { tags, summary: "Thêm cơ quan", body: ZCreateAgencyInput, response: { 200: ZAgency } } },
    async (req) => presentAgency(await createAgency(ctx.db, actorOf(req), req.body)),
  );

  r.patch(
    "/agencies/:id",
    {
      schema: {
        tags,
        summary: "Đổi tên / loại cơ quan",
        params: ZIdParams,
        body: ZUpdateAgencyInput,
        response: { 200: ZAgency },
      },
    },
    async (req) => presentAgency(await renameOrRetypeAgency(ctx.db, actorOf(req), req.params.id, req.body)),
  );

  r.post(
    "/agencies/:id/close",
    {
      schema: {
        tags,
        summary: "Đóng cơ quan (ngày kết thúc)",
        params: ZIdParams,
        body: ZCloseAgencyInput,
        response: { 200: ZAgency },
      },
    },
    async (req) => presentAgency(await closeAgency(ctx.db, actorOf(req), req.params.id, req.body)),
  );

  r.delete(
    "/agencies/:id",
    { schema: { tags, summary: "Xóa cơ quan chưa có dữ liệu", params: ZIdParams, response: { 200: ZOk } } },
    async (req) => {
      await removeAgency(ctx.db, actorOf(req), req.params.id);
      return { ok: true as const };
    },
  );
}
