import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { constants as zlib } from "node:zlib";
import compress from "@fastify/compress";
import cookie from "@fastify/cookie";
import multipart from "@fastify/multipart";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import Fastify, { type FastifyInstance } from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { AppError } from "../../core/errors";
import type { AppConfig } from "../config";
import type { Database } from "../db/client";
import { createAuthService } from "../services/auth.service";
import { ensureConditionRollups } from "../services/condition-rollup.service";
import { createDashboardCache, type DashboardCache } from "../services/dashboard.service";
import { registerAuth } from "./auth";
import { handleError } from "./errors";
import { agencyRoutes } from "./routes/agency.routes";
import { auditRoutes } from "./routes/audit.routes";
import { authRoutes } from "./routes/auth.routes";
import { catalogueRoutes } from "./routes/catalogue.routes";
import { dashboardRoutes } from "./routes/dashboard.routes";
import { dataValueRoutes } from "./routes/data-value.routes";
import { dataValueFileRoutes } from "./routes/data-value-file.routes";
import { healthRoutes } from "./routes/health.routes";
import { planRoutes } from "./routes/plan.routes";
import { planImportRoutes } from "./routes/plan-import.routes";
import { reminderRoutes } from "./routes/reminder.routes";
import { reportRoutes } from "./routes/report.routes";
import { reportingRoutes } from "./routes/reporting.routes";
import { unitRoutes } from "./routes/unit.routes";
import { userRoutes } from "./routes/user.routes";
import { registerSecurityHeaders } from "./security";

export interface AppDeps {
  database: Database;
  config: Pick<AppConfig, "sessionTtlHours" | "cookieSecure" | "logLevel">;
  /** Built web app to serve at /; omitted in API-only tests. */
  webDir?: string | null;
  /** Upper bound for JSON bodies; file uploads set their own limits. */
  bodyLimit?: number;
}

export type App = FastifyInstance;

/** Every registered route with its access level; the access test walks this table. */
export interface RouteEntry {
  method: string;
  url: string;
  access: "public" | "authenticated";
}

declare module "fastify" {
  interface FastifyInstance {
    routeTable: RouteEntry[];
  }
}

export async function createApp(deps: AppDeps): Promise<App> {
  // "% of units" counts of values approved before condition_rollups existed, or bulk-loaded.
  await ensureConditionRollups(deps.database.db);
  const app = Fastify({
    logger: deps.config.logLevel === "silent" ? false : { level: deps.config.logLevel },
    genReqId: (req) => {
      const given = req.headers["x-request-id"];
      return typeof given === "string" && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    },
    bodyLimit: deps.bodyLimit ?? 1_048_576,
    trustProxy: false,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);

  await app.register(cookie);
  // A commune office on a slow line: JSON and CSV answers over 1 KB travel compressed (brotli at a
  // fast level, else gzip). DOCX/XLSX are zip files already and are sent as they are.
  await app.register(compress, {
    threshold: 1024,
    encodings: ["br", "gzip"],
    brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 4 } },
  });
  // Uploads (Excel data, evidence) are read one file at a time; each route sets its size limit.
  await app.register(multipart, { limits: { files: 1, fields: 10, fileSize: 10 * 1024 * 1024 } });
  // DHIS2 dataValueSets also travel as CSV.
  app.addContentTypeParser("text/csv", { parseAs: "string", bodyLimit: 20_000_000 }, (_req, body, done) =>
    done(null, body),
  );
  await app.register(swagger, {
    openapi: {
      info: { title: "Bình Đẳng API", version: "0.1.0", description: "Kế hoạch, thu thập và báo cáo bình đẳng giới" },
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "bd_session" },
          csrf: { type: "apiKey", in: "header", name: "x-csrf-token" },
        },
      },
    },
    transform: jsonSchemaTransform,
  });

  registerSecurityHeaders(app);
  const routeTable: RouteEntry[] = [];
  app.decorate("routeTable", routeTable);
  app.addHook("onRoute", (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === "HEAD") continue;
      routeTable.push({ method, url: route.url, access: route.config?.access ?? "authenticated" });
    }
  });
  const auth = createAuthService({ db: deps.database.db, sessionTtlHours: deps.config.sessionTtlHours });
  registerAuth(app, auth);

  const ctx: RouteContext = {
    db: deps.database.db,
    database: deps.database,
    auth,
    config: deps.config,
    dashboardCache: createDashboardCache(),
  };
  await app.register(
    async (api) => {
      await healthRoutes(api, ctx);
      await authRoutes(api, ctx);
      await unitRoutes(api, ctx);
      await agencyRoutes(api, ctx);
      await auditRoutes(api, ctx);
      await userRoutes(api, ctx);
      await catalogueRoutes(api, ctx);
      await planRoutes(api, ctx);
      await planImportRoutes(api, ctx);
      await reportingRoutes(api, ctx);
      await reminderRoutes(api, ctx);
      await dataValueRoutes(api, ctx);
      await dashboardRoutes(api, ctx);
      await reportRoutes(api, ctx);
      await dataValueFileRoutes(api, ctx);
      api.get("/openapi.json", { config: { access: "public" }, schema: { hide: true } }, async () => app.swagger());
    },
    { prefix: "/api" },
  );

  await registerWeb(app, deps.webDir ?? null);
  return app;
}

export type RouteContext = {
  db: Database["db"];
  database: Database;
  auth: ReturnType<typeof createAuthService>;
  config: AppDeps["config"];
  /** Dashboard views, shared by the dashboard and report routes (keyed by the newest audit id). */
  dashboardCache: DashboardCache;
};

/** The built single-page app; unknown non-API paths get index.html so deep links work. */
async function registerWeb(app: FastifyInstance, webDir: string | null): Promise<void> {
  const hasWeb = webDir !== null && existsSync(join(webDir, "index.html"));
  if (hasWeb) {
    // The app's own files are public: the sign-in page must load before anyone has a session.
    app.addHook("onRoute", (route) => {
      if (!route.url.startsWith("/api")) route.config = { ...route.config, access: "public" };
    });
    await app.register(fastifyStatic, {
      root: webDir,
      wildcard: false,
      index: ["index.html"],
      // dist/web holds .br and .gz next to each file (vite.config.ts): sent when the browser takes them.
      preCompressed: true,
      // Built assets have content hashes in their names: a slow connection fetches each only once.
      setHeaders: (res, path) => {
        if (path.includes(`${"/"}assets${"/"}`)) res.header("cache-control", "public, max-age=31536000, immutable");
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    if (!hasWeb || request.url.startsWith("/api/") || request.method !== "GET") {
      return handleErrorNotFound(request, reply);
    }
    return reply.type("text/html; charset=utf-8").sendFile("index.html");
  });
}

function handleErrorNotFound(request: Parameters<typeof handleError>[1], reply: Parameters<typeof handleError>[2]) {
  return handleError(new AppError("NOT_FOUND"), request, reply);
}
