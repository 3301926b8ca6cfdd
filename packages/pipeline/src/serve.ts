import { Hono } from "hono";
import type { InngestFunction } from "inngest";
import { serve } from "inngest/hono";
import { type CrossflowInngest, inngest, inngestModeOf } from "./client";
import { LOCAL_EXECUTOR_HEADER } from "./executor/protocol";
import { isLocalExecutorToken } from "./executor/token";

export const INNGEST_SERVE_PATH = "/api/inngest";

export interface InngestHandlerOptions {
  client?: CrossflowInngest;
  /** Mount path; default /api/inngest. */
  path?: string;
}

/**
 * A Hono app serving the functions at /api/inngest with inngest/hono: Inngest (Cloud, self-hosted)
 * calls it over HTTP, the local executor through `app.fetch`. Mount it before any session auth:
 * `app.route("/", createInngestHandler(functions))`.
 */
export function createInngestHandler(
  functions: readonly InngestFunction.Any[],
  options: InngestHandlerOptions = {},
): Hono {
  const client = options.client ?? inngest;
  const path = options.path ?? INNGEST_SERVE_PATH;
  const handler = serve({ client, functions: [...functions] });
  const local = inngestModeOf(client) === "local";
  const app = new Hono();
  app.on(["GET", "POST", "PUT"], path, (c) => {
    if (local && c.req.method !== "GET" && !isLocalExecutorToken(c.req.header(LOCAL_EXECUTOR_HEADER))) {
      return c.json({ message: "Unauthorized" }, 401);
    }
    return handler(c);
  });
  return app;
}
