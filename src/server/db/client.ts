import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations, SQL } from "drizzle-orm";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import * as schema from "./schema/index";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything that runs queries: the database or an open transaction. */
export type Executor = Db | Tx;

export interface Database {
  db: Db;
  kind: "pglite" | "postgres";
  /** Applies the generated SQL migrations; safe to call on every start. */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export interface CreateDatabaseOptions {
  /** postgres://… for a server; null for embedded PGlite. */
  databaseUrl: string | null;
  /** Directory for PGlite's files; "memory://" keeps everything in memory (tests). */
  dataDir: string;
}

const MIGRATIONS = fileURLToPath(new URL("./migrations", import.meta.url));

export async function createDatabase(options: CreateDatabaseOptions): Promise<Database> {
  return options.databaseUrl ? createPostgres(options.databaseUrl) : createPglite(options.dataDir);
}

async function createPglite(dataDir: string): Promise<Database> {
  const location = dataDir === "memory://" ? undefined : join(dataDir, "pglite");
  if (location) mkdirSync(location, { recursive: true });
  const client = location ? await PGlite.create(location) : await PGlite.create();
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: "pglite",
    migrate: () => migratePglite(db as never, { migrationsFolder: MIGRATIONS }),
    close: () => client.close(),
  };
}

async function createPostgres(url: string): Promise<Database> {
  // Idle connections stay open for 5 minutes (pg's default closes them after 10 s): a new
  // backend's first queries pay for loading its catalog caches (~5 ms each), so a quiet
  // minute between two dashboard reads would otherwise cost the next read that again.
  const pool = new pg.Pool({ connectionString: url, max: 10, idleTimeoutMillis: 300_000 });
  const db = drizzleNodePg(pool, { schema }) as unknown as Db;
  return {
    db,
    kind: "postgres",
    migrate: () => migrateNodePg(db as never, { migrationsFolder: MIGRATIONS }),
    close: () => pool.end(),
  };
}

/** Rows of a raw SQL query, the same on both drivers (both results carry `.rows`). */
export async function queryRows<T>(executor: Executor, query: SQL): Promise<T[]> {
  const result = (await executor.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
