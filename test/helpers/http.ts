import type { LightMyRequestResponse } from "fastify";
import { type App, createApp } from "../../src/server/http/app";
import { DEMO_PASSWORD } from "../../src/server/services/demo.service";
import { createTestDatabase, type TestDatabase } from "./db";

export interface TestClient {
  cookie: string;
  csrf: string;
}

export interface TestServer {
  app: App;
  database: TestDatabase;
  close(): Promise<void>;
  /** Signs in through the real route; demo users share DEMO_PASSWORD. */
  signIn(username: string, password?: string): Promise<TestClient>;
  request(
    client: TestClient | null,
    method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE",
    url: string,
    body?: unknown,
  ): Promise<LightMyRequestResponse>;
}

export async function createTestServer(): Promise<TestServer> {
  const database = await createTestDatabase();
  const app = await createApp({
    database,
    config: { sessionTtlHours: 1, cookieSecure: false, logLevel: "silent" },
  });
  await app.ready();
  const server: TestServer = {
    app,
    database,
    async close() {
      await app.close();
      await database.destroy();
    },
    async signIn(username, password = DEMO_PASSWORD) {
      const res = await app.inject({ method: "POST", url: "/api/auth/sign-in", payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`sign-in ${username} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === "bd_session");
      return { cookie: `bd_session=${cookie?.value}`, csrf: res.json().csrfToken };
    },
    request(client, method, url, body) {
      const headers: Record<string, string> = {};
      if (client) {
        headers.cookie = client.cookie;
        headers["x-csrf-token"] = client.csrf;
      }
      return app.inject({ method, url, headers, ...(body === undefined ? {} : { payload: body as object }) });
    },
  };
  return server;
}
