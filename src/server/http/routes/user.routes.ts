import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { ZCreateUserInput, ZUser, ZUserList } from "../../../contract/user";
import { createUser, listAllUsers } from "../../services/user.service";
import type { RouteContext } from "../app";
import { actorOf } from "../auth";
import { presentUser } from "../presenters/presenters";

export async function userRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/users",
    { schema: { tags: ["users"], summary: "Người dùng", response: { 200: ZUserList } } },
    async (req) => ({
      items: (await listAllUsers(ctx.db, actorOf(req))).map(presentUser),
    }),
  );
  r.post(
    "/users",
    { schema: { tags: ["users"], summary: "Thêm người dùng", body: ZCreateUserInput, response: { 200: ZUser } } },
    async (req) => presentUser(await createUser(ctx.db, actorOf(req), req.body)),
  );
}
