// The HTTP app on a loopback port, in its own process (as in production): the
// benchmark's clients then share the machine, not the event loop, with the server.
import { createDatabase } from "../src/server/db/client";
import { createApp } from "../src/server/http/app";

const database = await createDatabase({
  databaseUrl: process.env.DATABASE_URL ?? null,
  dataDir: process.env.BINHDANG_DATA_DIR ?? "./data",
});
const app = await createApp({ database, config: { sessionTtlHours: 12, cookieSecure: false, logLevel: "silent" } });
await app.listen({ port: 0, host: "127.0.0.1" });
const address = app.server.address();
const port = typeof address === "object" && address ? address.port : 0;
process.stdout.write(`READY ${port}\n`);
const stop = async () => {
  await app.close();
  await database.close();
  process.exit(0);
};
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
