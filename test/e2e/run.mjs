// npm run test:e2e — builds the web app when stale, starts the real server on a
// free port with a fresh data directory, runs every test/e2e/*.spec.mjs in
// Debian Chromium, and prints `e2e: N passed, N failed`.
// Options (env): E2E_ONLY=<substring of test name>, E2E_SERVER_ENTRY=<server entry file>.

import { spawn } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { buildWeb, webIsStale } from "../../scripts/web-build.mjs";
import { registry, setCurrentFile } from "./harness.mjs";

const root = new URL("../..", import.meta.url).pathname;
const here = new URL(".", import.meta.url).pathname;
const resultsDir = join(root, "test-results");
const CHROMIUM = "/usr/bin/chromium";

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(check, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function startServer(port, dataDir) {
  const entry = process.env.E2E_SERVER_ENTRY ?? join(root, "src/server/main.ts");
  const env = {
    ...process.env,
    PORT: String(port),
    HOST: "127.0.0.1",
    BINHDANG_DATA_DIR: dataDir,
    LOG_LEVEL: "warn",
    // A test's rounds must not receive the system's reminders halfway through.
    BINHDANG_AUTO_REMIND: "0",
  };
  delete env.DATABASE_URL;
  const log = createWriteStream(join(resultsDir, "server.log"));
  const child = spawn(process.execPath, ["--import", "tsx", entry], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  let exited = false;
  child.once("exit", () => {
    exited = true;
  });
  await waitFor(
    async () => {
      if (exited) throw new Error("server exited; see test-results/server.log");
      return (await fetch(`http://127.0.0.1:${port}/api/health`)).ok;
    },
    120_000,
    "/api/health",
  );
  return child;
}

async function stopServer(child) {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

async function main() {
  mkdirSync(resultsDir, { recursive: true });
  if (webIsStale()) buildWeb();
  if (!existsSync(CHROMIUM)) {
    console.log(`waiting for ${CHROMIUM} (being installed)…`);
    await waitFor(async () => existsSync(CHROMIUM), 10 * 60_000, CHROMIUM);
  }
  const specs = readdirSync(here)
    .filter((f) => f.endsWith(".spec.mjs"))
    .sort();
  for (const spec of specs) {
    setCurrentFile(basename(spec, ".spec.mjs"));
    await import(pathToFileURL(join(here, spec)).href);
  }
  const only = process.env.E2E_ONLY;
  const tests = registry.filter((t) => !only || t.name.includes(only));

  const dataDir = mkdtempSync(join(tmpdir(), "binhdang-e2e-"));
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  let server = null;
  let browser = null;
  let passed = 0;
  let failed = 0;
  try {
    server = await startServer(port, dataDir);
    await checkWebIsServed(baseURL);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    for (const t of tests) {
      const ok = await runOne(browser, baseURL, t);
      if (ok) passed++;
      else failed++;
    }
  } catch (error) {
    console.error(`e2e setup failed: ${error instanceof Error ? error.message : error}`);
    failed += Math.max(1, tests.length - passed - failed);
  } finally {
    await browser?.close().catch(() => {});
    if (server) await stopServer(server);
    rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

/** A clear message when the server does not hand the built app to a signed-out browser. */
async function checkWebIsServed(baseURL) {
  const home = await fetch(`${baseURL}/`);
  const type = home.headers.get("content-type") ?? "";
  if (home.ok && type.includes("text/html")) return;
  console.log(
    `  ! GET / answered ${home.status} ${type}: the server must serve dist/web (index.html, /assets/*) ` +
      "without a session, or no browser test can sign in.",
  );
}

/** One test in its own context; uncaught page errors and CSP violations fail it too. */
async function runOne(browser, baseURL, t) {
  const context = await browser.newContext({ baseURL, viewport: { width: 1366, height: 860 }, locale: "vi-VN" });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const pageErrors = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));
  page.on("console", (msg) => {
    if (msg.type() === "error" && /Content Security Policy/i.test(msg.text())) pageErrors.push(msg.text());
  });
  const slug = (s) =>
    s
      .replace(/[^\p{L}\p{N}]+/gu, "-")
      .replace(/^-|-$/g, "")
      .toLowerCase();
  const shot = async (name) => {
    await page.evaluate(() => window.scrollTo(0, 0));
    // A full-page shot of an open dialog shows the overlay only over the first screen.
    const hasDialog = (await page.getByRole("dialog").count()) > 0;
    await page.screenshot({ path: join(resultsDir, `${t.file}--${slug(name)}.png`), fullPage: !hasDialog });
  };
  const started = Date.now();
  try {
    await t.fn({ page, context, baseURL, shot });
    if (pageErrors.length > 0) throw new Error(`errors in the page:\n  ${pageErrors.join("\n  ")}`);
    console.log(`  ✓ ${t.file} › ${t.name} (${Date.now() - started} ms)`);
    return true;
  } catch (error) {
    console.log(
      `  ✗ ${t.file} › ${t.name}\n    ${String(error instanceof Error ? error.message : error).replace(/\n/g, "\n    ")}`,
    );
    await shot(`${t.name} FAILED`).catch(() => {});
    return false;
  } finally {
    await context.close().catch(() => {});
  }
}

await main();
