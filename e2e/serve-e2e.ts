// The e2e server: a fresh database on the test PostgreSQL, migrated and seeded with the demo
// tenant, then the real server (API, web apps, local executor). Dropped again on exit.
import { parseArgs } from "node:util";
import { seedDemo } from "@crossflow/api/cli/commands/seed-demo";
import { startServer } from "@crossflow/api/server";
import { createTestDatabase } from "@crossflow/db/testing";

// Counts in the specs assume the seeded data only: no timed demo-channel syncs.
process.env.CROSSFLOW_CHANNEL_SYNC_SECONDS ??= "0";

const { values } = parseArgs({ options: { port: { type: "string", default: "4311" } } });
const db = await createTestDatabase("cf_e2e");
const server = await startServer({ port: Number(values.port), databaseUrl: db.url, requireWebApps: true });
await seedDemo(server.db, server.events);
console.log(`e2e server on ${server.url} (database ${db.name})`);

let closing = false;
async function shutdown() {
  if (closing) return;
  closing = true;
  await server.close();
  await db.destroy();
  process.exit(0);
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
