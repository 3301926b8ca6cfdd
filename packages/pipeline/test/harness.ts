import type { Database } from "@crossflow/db";
import type { Logger } from "inngest";
import { createInngestClient } from "../src/client";
import { createLocalExecutor, type ExecutorLogger, type LocalExecutorOptions } from "../src/executor/executor";
import { createInngestHandler } from "../src/serve";
import { createTestFunctions, type FixtureOptions } from "./fixtures";

const silent: Logger = { info() {}, warn() {}, error() {}, debug() {} };

export interface Harness {
  client: ReturnType<typeof createInngestClient>;
  executor: ReturnType<typeof createLocalExecutor>;
  /** Every call the executor made to /api/inngest: the stepId query and the answer's status. */
  requests: Array<{ method: string; fnId: string | null; stepId: string | null; status: number }>;
  log: Array<{ level: string; message: string; meta?: Record<string, unknown> }>;
}

export function createHarness(
  db: Database,
  options: { fixtures?: FixtureOptions; executor?: Partial<LocalExecutorOptions> } = {},
): Harness {
  const client = createInngestClient({ env: {}, logger: silent });
  const app = createInngestHandler(createTestFunctions(client, db, options.fixtures), { client });
  const requests: Harness["requests"] = [];
  const log: Harness["log"] = [];
  const logger: ExecutorLogger = {
    info: (message, meta) => log.push({ level: "info", message, meta }),
    warn: (message, meta) => log.push({ level: "warn", message, meta }),
    error: (message, meta) => log.push({ level: "error", message, meta }),
  };
  const executor = createLocalExecutor({
    db,
    client,
    fetch: async (request) => {
      const url = new URL(request.url);
      const response = await app.fetch(request);
      requests.push({
        method: request.method,
        fnId: url.searchParams.get("fnId"),
        stepId: url.searchParams.get("stepId"),
        status: response.status,
      });
      return response;
    },
    pollIntervalMs: 10,
    leaseMs: 5_000,
    backoff: () => 10,
    logger,
    ...options.executor,
  });
  return { client, executor, requests, log };
}
