import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import pg from "pg";
import { prepareDatabase } from "../../src/server/bootstrap";
import { createDatabase } from "../../src/server/db/client";
import { pgliteTemplateDir, pgTemplateName, templateKey } from "./template";

// Builds, once per change of schema or reference data, a database with the
// migrations, the official units and the demo loaded. Each test file then
// starts from a copy of it: PGlite copies the directory, PostgreSQL uses
// CREATE DATABASE … TEMPLATE.

export default async function setup(): Promise<void> {
  const key = templateKey();
  process.env.BINHDANG_TEST_TEMPLATE = key;
  const url = process.env.DATABASE_URL;
  if (url) await preparePostgresTemplate(url, pgTemplateName(key));
  else await preparePgliteTemplate(pgliteTemplateDir(key));
}

const quiet = { loadDemo: true, log: () => {} };

async function preparePgliteTemplate(dir: string): Promise<void> {
  if (existsSync(dir)) return;
  const building = `${dir}.building-${process.pid}`;
  mkdirSync(building, { recursive: true });
  const database = await createDatabase({ databaseUrl: null, dataDir: building });
  await prepareDatabase(database, quiet);
  await database.close();
  if (existsSync(dir)) rmSync(building, { recursive: true, force: true });
  else renameSync(building, dir);
}

async function preparePostgresTemplate(url: string, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (exists.rowCount) return;
    const building = `${name}_building`;
    await admin.query(`DROP DATABASE IF EXISTS ${building}`);
    await admin.query(`CREATE DATABASE ${building}`);
    const database = await createDatabase({ databaseUrl: withDatabaseName(url, building), dataDir: "" });
    await prepareDatabase(database, quiet);
    await database.close();
    await admin.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
  } finally {
    await admin.end();
  }
}

export function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
