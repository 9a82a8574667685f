import { randomBytes } from "node:crypto";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { createDatabase, type Database } from "../../src/server/db/client";
import { withDatabaseName } from "./global-setup";
import { pgliteTemplateDir, pgTemplateName, templateKey } from "./template";

export interface TestDatabase extends Database {
  /** Drops the copy; call in afterAll. */
  destroy(): Promise<void>;
}

/**
 * A migrated database with the official units and the demo, private to the
 * calling test file: a PGlite copy by default, a fresh PostgreSQL database
 * when DATABASE_URL is set.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const key = process.env.BINHDANG_TEST_TEMPLATE ?? templateKey();
  const url = process.env.DATABASE_URL;
  if (url) return createPostgresCopy(url, pgTemplateName(key));
  const dir = mkdtempSync(join(tmpdir(), "bd-test-"));
  cpSync(join(pgliteTemplateDir(key), "pglite"), join(dir, "pglite"), { recursive: true });
  const database = await createDatabase({ databaseUrl: null, dataDir: dir });
  return {
    ...database,
    async destroy() {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function createPostgresCopy(url: string, template: string): Promise<TestDatabase> {
  const name = `bd_t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  await admin.end();
  const database = await createDatabase({ databaseUrl: withDatabaseName(url, name), dataDir: "" });
  return {
    ...database,
    async destroy() {
      await database.close();
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name}`);
      await cleanup.end();
    },
  };
}
