// Helpers of the benchmark: a throwaway PostgreSQL 15 server, the app in a child
// process, an HTTP client with a session, percentiles.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] as number;
}

export function summary(samples: readonly number[]): { n: number; p50: number; p95: number; p99: number; max: number } {
  const s = [...samples].sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 10) / 10;
  return {
    n: s.length,
    p50: r(percentile(s, 50)),
    p95: r(percentile(s, 95)),
    p99: r(percentile(s, 99)),
    max: r(s[s.length - 1] ?? Number.NaN),
  };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      const port = typeof address === "object" && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

// ---------------------------------------------------------------------------
// PostgreSQL 15, as in STACK.md, but durable (no fsync=off): a benchmark measures commits.

export interface PgServer {
  port: number;
  dataDir: string;
  url(database: string): string;
  psql(database: string, command: string): string;
  stop(): void;
}

const PGBIN = process.env.PGBIN ?? "/usr/lib/postgresql/15/bin";
const asPostgres = (cmd: string, args: string[]) =>
  process.getuid?.() === 0 ? (["runuser", ["-u", "postgres", "--", cmd, ...args]] as const) : ([cmd, args] as const);

export async function startPostgres(): Promise<PgServer> {
  const port = Number(process.env.BENCH_PGPORT ?? (await freePort()));
  const dataDir = mkdtempSync("/tmp/bench-pg.");
  if (process.getuid?.() === 0) execFileSync("chown", ["postgres:postgres", dataDir]);
  const run = (cmd: string, args: string[]) => {
    const [c, a] = asPostgres(cmd, args);
    return execFileSync(c, [...a], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  };
  run(`${PGBIN}/initdb`, ["-D", dataDir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]);
  run(`${PGBIN}/pg_ctl`, [
    "-D",
    dataDir,
    "-l",
    `${dataDir}/server.log`,
    "-o",
    `-p ${port} -k ${dataDir} -c listen_addresses=127.0.0.1 -c max_connections=200`,
    "-w",
    "start",
  ]);
  let stopped = false;
  const server: PgServer = {
    port,
    dataDir,
    url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    psql: (database, command) =>
      execFileSync(`${PGBIN.replace("/15/bin", "/15/bin")}/psql`, ["-X", "-qAt", "-c", command, server.url(database)], {
        encoding: "utf8",
      }),
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run(`${PGBIN}/pg_ctl`, ["-D", dataDir, "-m", "fast", "-w", "stop"]);
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
  return server;
}

export function scratchDir(prefix: string): string {
  const dir = mkdtempSync(join("/tmp", prefix));
  chmodSync(dir, 0o755); // the PostgreSQL server (user postgres) reads COPY files from here
  return dir;
}

// ---------------------------------------------------------------------------
// The app in a child process on a loopback port.

export interface AppProcess {
  base: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export async function startApp(env: Record<string, string>): Promise<AppProcess> {
  // BENCH_APP_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the app process.
  const nodeArgs = (process.env.BENCH_APP_NODE_ARGS ?? "").split(/\s+/).filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, "--import", "tsx", join(ROOT, "bench/serve.ts")], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const m = /READY (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.once("exit", (code) => reject(new Error(`app exited (${code}) before listening`)));
  });
  return {
    base: `http://127.0.0.1:${port}`,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

// ---------------------------------------------------------------------------
// HTTP with a session cookie and the CSRF header.

export interface Session {
  base: string;
  cookie: string;
  csrf: string;
}

export interface HttpResult {
  status: number;
  ms: number;
  body: string;
  bytes: number;
}

export async function request(
  session: Session | { base: string },
  method: string,
  path: string,
  body?: unknown,
): Promise<HttpResult> {
  const headers: Record<string, string> = {};
  if ("cookie" in session) {
    headers.cookie = session.cookie;
    headers["x-csrf-token"] = session.csrf;
  }
  if (body !== undefined) headers["content-type"] = "application/json";
  const t0 = performance.now();
  const res = await fetch(`${session.base}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const buf = Buffer.from(await res.arrayBuffer());
  const ms = performance.now() - t0;
  const isText = /json|text/.test(res.headers.get("content-type") ?? "");
  return { status: res.status, ms, body: isText ? buf.toString("utf8") : "", bytes: buf.length };
}

async function signInOnce(base: string, username: string, password: string): Promise<Session> {
  const res = await fetch(`${base}/api/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const json = (await res.json()) as { csrfToken: string };
  return { base, cookie, csrf: json.csrfToken };
}

export const BENCH_PASSWORD = "bench-password-2026";

/** Signs in as the first administrator; the one-time password is changed on first use. */
export async function adminSession(base: string, oneTimePassword: string): Promise<Session> {
  try {
    return await signInOnce(base, "admin", BENCH_PASSWORD);
  } catch {
    const first = await signInOnce(base, "admin", oneTimePassword);
    const changed = await request(first, "POST", "/api/auth/password", {
      currentPassword: oneTimePassword,
      newPassword: BENCH_PASSWORD,
    });
    if (changed.status !== 200) throw new Error(`password change failed: ${changed.status} ${changed.body}`);
    return signInOnce(base, "admin", BENCH_PASSWORD);
  }
}
