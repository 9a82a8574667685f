import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { ZIdParams } from "../../../contract/common";
import {
  ZCreatedUser,
  ZCreateUserInput,
  ZPasswordReset,
  ZUpdateUserInput,
  ZUser,
  ZUserList,
  ZUserListQuery,
} from "../../../contract/user";
import { findUserView, type UserView } from "../../db/repos/user.repo";
import { createUser, listAllUsers, resetUserPassword, updateUserAccount } from "../../services/user.service";
import type { RouteContext } from "../app";
import { actorOf } from "../auth";
import { presentUser } from "../presenters/presenters";

export async function userRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["users"];
  r.get(
    "/users",
    {
      schema: {
        tags,
        summary: "Người dùng: tất cả (quản trị) hoặc của một đơn vị và các đơn vị trực thuộc",
        querystring: ZUserListQuery,
        response: { 200: ZUserList },
      },
    },
    async (req) => ({ items: (await listAllUsers(ctx.db, actorOf(req), req.query.unitId)).map(presentUser) }),
  );
  r.post(
    "/users",
    {
      schema: {
        tags,
        summary: "Thêm người dùng (không nhập mật khẩu: hệ thống tạo mật khẩu dùng một lần)",
        body: ZCreateUserInput,
        response: { 200: ZCreatedUser },
      },
    },
    async (req) => {
      const created = await createUser(ctx.db, actorOf(req), req.body);
      const view = (await findUserView(ctx.db, created.id)) as UserView;
      return { ...presentUser(view), oneTimePassword: created.oneTimePassword };
    },
  );
  r.patch(
    "/users/:id",
    {
      schema: {
        tags,
        summary: "Sửa, khóa hoặc mở khóa người dùng",
        params: ZIdParams,
        body: ZUpdateUserInput,
        response: { 200: ZUser },
      },
    },
    async (req) => presentUser(await updateUserAccount(ctx.db, actorOf(req), req.params.id, req.body)),
  );
  r.post(
    "/users/:id/reset-password",
    {
      schema: {
        tags,
        summary: "Cấp mật khẩu dùng một lần mới (người dùng phải đổi khi đăng nhập)",
        params: ZIdParams,
        response: { 200: ZPasswordReset },
      },
    },
    async (req) => ({ oneTimePassword: await resetUserPassword(ctx.db, actorOf(req), req.params.id) }),
  );
}
