// Builds the web app when dist/web is missing or older than its sources.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const out = join(root, "dist/web/index.html");

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

export function webIsStale() {
  if (!existsSync(out)) return true;
  const sources = Math.max(
    newest(join(root, "src/web")),
    newest(join(root, "src/contract")),
    newest(join(root, "src/core")),
    statSync(join(root, "vite.config.ts")).mtimeMs,
  );
  return sources > statSync(out).mtimeMs;
}

export function buildWeb() {
  console.log("Đang dựng giao diện web / building the web app…");
  const result = spawnSync(
    process.execPath,
    [join(root, "node_modules/vite/bin/vite.js"), "build", "--logLevel", "warn"],
    {
      cwd: root,
      stdio: "inherit",
    },
  );
  if (result.status !== 0) process.exit(result.status ?? 1);
}
