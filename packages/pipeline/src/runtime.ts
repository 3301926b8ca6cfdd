import type { Database } from "@crossflow/db";
import type { Hono } from "hono";
import type { InngestFunction } from "inngest";
import { type CrossflowInngest, type InngestMode, inngest, inngestModeOf } from "./client";
import { createLocalExecutor, type LocalExecutor, type LocalExecutorOptions } from "./executor/executor";
import type { FetchLike } from "./executor/protocol";
import { createEventSender, type EventSender } from "./send";
import { createInngestHandler, INNGEST_SERVE_PATH } from "./serve";

export interface PipelineRuntimeOptions {
  db: Database;
  functions: readonly InngestFunction.Any[];
  client?: CrossflowInngest;
  /**
   * How the local executor reaches /api/inngest: pass `(req) => app.fetch(req)` of the whole
   * API app (it may be created after this runtime) to go through its routing; default: the
   * handler below directly.
   */
  fetch?: FetchLike;
  executor?: Omit<LocalExecutorOptions, "db" | "fetch" | "client">;
}

export interface PipelineRuntime {
  mode: InngestMode;
  /** The serve handler, a Hono app answering GET/POST/PUT /api/inngest. */
  app: Hono;
  /** The same as a plain (Request) => Response function. */
  handler: (request: Request) => Response | Promise<Response>;
  /** What the API sends pipeline events with. */
  events: EventSender;
  /** Present in local mode only. */
  executor?: LocalExecutor;
  /** Starts the local executor's worker loop (nothing to do with Inngest Cloud/self-hosted). */
  start(): void;
  /** Stops the worker gracefully: no new claims, calls in flight finish. */
  stop(): Promise<void>;
}

/** Everything the API needs from the pipeline, wired for the mode the environment selects. */
export function createPipelineRuntime(options: PipelineRuntimeOptions): PipelineRuntime {
  const client = options.client ?? inngest;
  const mode = inngestModeOf(client);
  const app = createInngestHandler(options.functions, { client });
  const handler = (request: Request) => app.fetch(request);
  const executor =
    mode === "local"
      ? createLocalExecutor({
          serveUrl: `http://localhost${INNGEST_SERVE_PATH}`,
          ...options.executor,
          db: options.db,
          client,
          fetch: options.fetch ?? handler,
        })
      : undefined;
  return {
    mode,
    app,
    handler,
    events: createEventSender({ client, executor }),
    executor,
    start: () => executor?.start(),
    stop: async () => {
      await executor?.stop();
    },
  };
}
