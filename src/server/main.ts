import { fileURLToPath } from "node:url";
import { prepareDatabase } from "./bootstrap";
import { loadConfig } from "./config";
import { createDatabase } from "./db/client";
import { createApp } from "./http/app";
import { startReminderSweep } from "./jobs/reminder-sweep";

const WEB_DIR = fileURLToPath(new URL("../../dist/web", import.meta.url));

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await createDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await prepareDatabase(database, { loadDemo: config.loadDemo, log: (m) => console.log(m) });
  const app = await createApp({ database, config, webDir: WEB_DIR });
  const stopSweep = config.autoRemind ? startReminderSweep(database.db, (m) => app.log.info(m)) : () => {};

  // Graceful shutdown: stop accepting, let in-flight requests (and their
  // transactions) finish, then close the database.
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, "shutting down");
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    stopSweep();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));

  await app.listen({ port: config.port, host: config.host });
  const where = config.databaseUrl ? "PostgreSQL" : `PGlite (${config.dataDir})`;
  console.log(`Bình Đẳng: http://localhost:${config.port}  —  cơ sở dữ liệu / database: ${where}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
