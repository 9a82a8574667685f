import { resolve } from "node:path";
import { z } from "zod";

// The environment is read once, here, and checked; a bad value stops the
// start with a message instead of failing later in the middle of a request.

const ZEnv = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("127.0.0.1"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must start with postgres://")
    .optional(),
  BINHDANG_DATA_DIR: z.string().default("./data"),
  BINHDANG_DEMO: z.enum(["0", "1", "true", "false"]).default("1"),
  BINHDANG_AUTO_REMIND: z.enum(["0", "1", "true", "false"]).default("1"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  COOKIE_SECURE: z.enum(["auto", "0", "1"]).default("auto"),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
});

export interface AppConfig {
  port: number;
  host: string;
  /** PostgreSQL server when set; otherwise embedded PGlite under dataDir. */
  databaseUrl: string | null;
  dataDir: string;
  loadDemo: boolean;
  /** Run the hourly sweep of automatic deadline reminders in this process. */
  autoRemind: boolean;
  logLevel: z.infer<typeof ZEnv>["LOG_LEVEL"];
  /** "auto": Secure cookies only when the request came over HTTPS. */
  cookieSecure: "auto" | boolean;
  sessionTtlHours: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = ZEnv.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Cấu hình không hợp lệ / invalid configuration:\n${lines}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL ?? null,
    dataDir: resolve(e.BINHDANG_DATA_DIR),
    loadDemo: e.BINHDANG_DEMO === "1" || e.BINHDANG_DEMO === "true",
    autoRemind: e.BINHDANG_AUTO_REMIND === "1" || e.BINHDANG_AUTO_REMIND === "true",
    logLevel: e.LOG_LEVEL,
    cookieSecure: e.COOKIE_SECURE === "auto" ? "auto" : e.COOKIE_SECURE === "1",
    sessionTtlHours: e.SESSION_TTL_HOURS,
  };
}
