import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { ZChangePasswordInput, ZSession, ZSignInInput } from "../../../contract/auth";
import { ZOk } from "../../../contract/common";
import type { RouteContext } from "../app";
import { actorOf, SESSION_COOKIE } from "../auth";
import { presentMe } from "../presenters/presenters";

export async function authRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const cookieOptions = (request: FastifyRequest) => ({
    httpOnly: true,
    sameSite: "strict" as const,
    path: "/",
    secure: ctx.config.cookieSecure === "auto" ? request.protocol === "https" : ctx.config.cookieSecure,
  });

  r.post(
    "/auth/sign-in",
    {
      config: { access: "public" },
      schema: { tags: ["auth"], summary: "Đăng nhập", body: ZSignInInput, response: { 200: ZSession } },
    },
    async (request, reply) => {
      const result = await ctx.auth.signIn({
        username: request.body.username,
        password: request.body.password,
        ip: request.ip,
        userAgent: request.headers["user-agent"] ?? null,
      });
      reply.setCookie(SESSION_COOKIE, result.token, {
        ...cookieOptions(request),
        maxAge: ctx.config.sessionTtlHours * 3600,
      });
      return { user: presentMe(result.user), csrfToken: result.csrfToken };
    },
  );

  r.get(
    "/auth/session",
    {
      config: { access: "authenticated", allowPendingPassword: true },
      schema: { tags: ["auth"], summary: "Phiên hiện tại", response: { 200: ZSession } },
    },
    async (request) => {
      const session = request.session as NonNullable<FastifyRequest["session"]>;
      return { user: presentMe(session), csrfToken: session.csrfToken };
    },
  );

  const signOut = async (request: FastifyRequest, reply: FastifyReply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await ctx.auth.signOut(token);
    reply.clearCookie(SESSION_COOKIE, cookieOptions(request));
    return { ok: true as const };
  };
  r.post(
    "/auth/sign-out",
    {
      config: { access: "authenticated", allowPendingPassword: true },
      schema: { tags: ["auth"], summary: "Đăng xuất", response: { 200: ZOk } },
    },
    signOut,
  );

  r.post(
    "/auth/sign-out-everywhere",
    {
      config: { access: "authenticated", allowPendingPassword: true },
      schema: { tags: ["auth"], summary: "Đăng xuất trên mọi thiết bị", response: { 200: ZOk } },
    },
    async (request, reply) => {
      await ctx.auth.signOutEverywhere(actorOf(request));
      reply.clearCookie(SESSION_COOKIE, cookieOptions(request));
      return { ok: true as const };
    },
  );

  r.post(
    "/auth/password",
    {
      config: { access: "authenticated", allowPendingPassword: true },
      schema: { tags: ["auth"], summary: "Đổi mật khẩu", body: ZChangePasswordInput, response: { 200: ZOk } },
    },
    async (request) => {
      await ctx.auth.changePassword(actorOf(request), request.body.currentPassword, request.body.newPassword);
      return { ok: true as const };
    },
  );
}
