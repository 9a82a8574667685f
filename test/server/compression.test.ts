import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type App, createApp } from "../../src/server/http/app";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { createTestServer, type TestClient, type TestServer } from "../helpers/http";

// A commune office on a slow line: API answers over 1 KB come compressed when the browser
// accepts it, the static province map is cached and revalidated by ETag, and the web app's
// files are sent precompressed from the build.

let server: TestServer;
let planner: TestClient;

beforeAll(async () => {
  server = await createTestServer();
  planner = await server.signIn("demo.planner");
});
afterAll(async () => server.close());

const get = (url: string, headers: Record<string, string> = {}) =>
  server.app.inject({ method: "GET", url, headers: { cookie: planner.cookie, ...headers } });

describe("API answers", () => {
  it("travel brotli- or gzip-compressed above 1 KB, and decompress to the same JSON", async () => {
    const plain = await get("/api/openapi.json");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    const br = await get("/api/openapi.json", { "accept-encoding": "br, gzip" });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 4);
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString("utf8"))).toEqual(plain.json());
    const gz = await get("/api/openapi.json", { "accept-encoding": "gzip" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(JSON.parse(gunzipSync(gz.rawPayload).toString("utf8"))).toEqual(plain.json());
  });

  it("stay as they are below 1 KB, and are never cached", async () => {
    const health = await get("/api/health", { "accept-encoding": "br, gzip" });
    expect(health.headers["content-encoding"]).toBeUndefined();
    expect(health.headers["cache-control"]).toBe("no-store");
  });
});

describe("the province map", () => {
  it("is gzipped, cached for a day and answered 304 when unchanged", async () => {
    const first = await get("/api/dashboard/provinces.geojson", { "accept-encoding": "gzip, br" });
    expect(first.statusCode).toBe(200);
    expect(first.headers["content-encoding"]).toBe("gzip");
    expect(first.headers["cache-control"]).toBe("private, max-age=86400");
    const map = JSON.parse(gunzipSync(first.rawPayload).toString("utf8"));
    expect(map.features).toHaveLength(34);
    const etag = String(first.headers.etag);
    const again = await get("/api/dashboard/provinces.geojson", { "if-none-match": etag });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
    const plain = await get("/api/dashboard/provinces.geojson");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.json().features).toHaveLength(34);
  });
});

describe("the web app's files", () => {
  let dir: string;
  let database: TestDatabase;
  let app: App;
  const script = `console.log(${JSON.stringify("Bình Đẳng ".repeat(400))});\n`;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "binhdang-web-"));
    mkdirSync(join(dir, "assets"));
    writeFileSync(join(dir, "index.html"), "<!doctype html><title>Bình Đẳng</title>");
    writeFileSync(join(dir, "assets/app-1a2b.js"), script);
    writeFileSync(join(dir, "assets/app-1a2b.js.br"), brotliCompressSync(script));
    writeFileSync(join(dir, "assets/app-1a2b.js.gz"), gzipSync(script));
    database = await createTestDatabase();
    app = await createApp({
      database,
      config: { sessionTtlHours: 1, cookieSecure: false, logLevel: "silent" },
      webDir: dir,
    });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await database.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it("are sent precompressed when the browser accepts it, cached for good (hashed names)", async () => {
    const br = await app.inject({ method: "GET", url: "/assets/app-1a2b.js", headers: { "accept-encoding": "br" } });
    expect(br.statusCode).toBe(200);
    expect(br.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(br.rawPayload).toString("utf8")).toBe(script);
    expect(br.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    const gz = await app.inject({ method: "GET", url: "/assets/app-1a2b.js", headers: { "accept-encoding": "gzip" } });
    expect(gunzipSync(gz.rawPayload).toString("utf8")).toBe(script);
    const plain = await app.inject({ method: "GET", url: "/assets/app-1a2b.js" });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it("answer a deep link with index.html", async () => {
    const page = await app.inject({ method: "GET", url: "/plans/5", headers: { "accept-encoding": "br, gzip" } });
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toContain("text/html");
    expect(page.body).toContain("<title>Bình Đẳng</title>");
  });
});
