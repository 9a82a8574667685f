import { timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { AppError } from "../../core/errors";
import type { SessionUser } from "../db/repos/user.repo";
import { type AuthService, principalOf } from "../services/auth.service";
import type { Actor } from "../services/context";

export const SESSION_COOKIE = "bd_session";
export const CSRF_HEADER = "x-csrf-token";

/** Route-level access: "public" needs nothing; everything else needs a live session. */
export type RouteAccess = "public" | "authenticated";

declare module "fastify" {
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** Allowed while the user must still change a one-time password. */
    allowPendingPassword?: boolean;
  }
  interface FastifyRequest {
    session: SessionUser | null;
  }
}

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A cross-site form post carries a foreign Origin; refuse it even on public routes (login CSRF). */
function isCrossSite(request: FastifyRequest): boolean {
  if (request.headers["sec-fetch-site"] === "cross-site") return true;
  const origin = request.headers.origin;
  if (!origin) return false;
  try {
    return new URL(origin).host !== request.headers.host;
  } catch {
    return true;
  }
}

export function registerAuth(app: FastifyInstance, auth: AuthService): void {
  app.decorateRequest("session", null);
  // preValidation: refuse strangers before their body is even validated (401 before 400).
  app.addHook("preValidation", async (request) => {
    const config = request.routeOptions.config;
    // 404s; the web app's own files are declared public where they are registered (http/app.ts).
    if (!request.routeOptions.url) return;
    if (UNSAFE.has(request.method) && isCrossSite(request)) throw new AppError("CSRF");
    const token = request.cookies[SESSION_COOKIE];
    request.session = token ? ((await auth.resolve(token)) ?? null) : null;
    if (config.access === "public") return;
    if (!request.session) throw new AppError("UNAUTHENTICATED");
    if (UNSAFE.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== "string" || !sameToken(sent, request.session.csrfToken)) throw new AppError("CSRF");
    }
    if (request.session.user.mustChangePassword && !config.allowPendingPassword) {
      throw new AppError("PASSWORD_CHANGE_REQUIRED");
    }
  });
}

/** The acting user of an authenticated route. */
export function actorOf(request: FastifyRequest): Actor {
  const session = request.session;
  if (!session) throw new AppError("UNAUTHENTICATED");
  return { principal: principalOf(session), displayName: session.user.displayName, requestId: request.id };
}
