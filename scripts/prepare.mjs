// Runs after `npm install` in the repository: build the web app once, so the
// first `npm start` serves at once. Skipped when installed as a dependency.
import { existsSync } from "node:fs";

const root = new URL("..", import.meta.url).pathname;
if (existsSync(`${root}src/web`) && existsSync(`${root}node_modules/vite`)) {
  const { buildWeb, webIsStale } = await import("./web-build.mjs");
  if (webIsStale()) buildWeb();
}
