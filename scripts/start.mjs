// npm start: build the web app when needed, then run the server (TypeScript through tsx).
import { buildWeb, webIsStale } from "./web-build.mjs";

if (webIsStale()) buildWeb();
const { register } = await import("tsx/esm/api");
register();
await import("../src/server/main.ts");
