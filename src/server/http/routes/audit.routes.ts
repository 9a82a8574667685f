import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { ZAuditList, ZAuditQuery } from "../../../contract/audit";
import { readAudit } from "../../services/audit.service";
import type { RouteContext } from "../app";
import { actorOf } from "../auth";
import { presentAudit } from "../presenters/presenters";

export async function auditRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/audit",
    {
      schema: {
        tags: ["audit"],
        summary: "Lịch sử thay đổi của một đối tượng",
        querystring: ZAuditQuery,
        response: { 200: ZAuditList },
      },
    },
    async (req) => ({
      items: (await readAudit(ctx.db, actorOf(req), req.query.objectType, req.query.objectId)).map(presentAudit),
    }),
  );
}
