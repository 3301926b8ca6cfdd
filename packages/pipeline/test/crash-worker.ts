/**
 * A worker process for the crash-recovery test: serves the test functions and runs the local
 * executor against DATABASE_URL until it is killed. CRASH_HANG_IN names the step that hangs.
 */
import { openDatabase } from "@crossflow/db";
import type { Logger } from "inngest";
import { createInngestClient } from "../src/client";
import { createLocalExecutor } from "../src/executor/executor";
import { createInngestHandler } from "../src/serve";
import { createTestFunctions } from "./fixtures";

const silent: Logger = { info() {}, warn() {}, error() {}, debug() {} };
const handle = await openDatabase(process.env.DATABASE_URL);
const client = createInngestClient({ env: {}, logger: silent });
const app = createInngestHandler(createTestFunctions(client, handle.db, { hangIn: process.env.CRASH_HANG_IN }), {
  client,
});
const executor = createLocalExecutor({
  db: handle.db,
  client,
  fetch: (request) => app.fetch(request),
  workerId: "crash-worker",
  pollIntervalMs: 20,
  leaseMs: Number(process.env.CRASH_LEASE_MS ?? 1000),
});
executor.start();
process.send?.("started");
if (process.env.CRASH_DEBUG) console.log(`crash-worker started after ${Math.round(performance.now())} ms`);
