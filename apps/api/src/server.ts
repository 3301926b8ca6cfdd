import { resolve } from "node:path";
import { clerkConfigFromEnv } from "@crossflow/auth";
import { type Database, openDatabase, REPO_ROOT } from "@crossflow/db";
import { type CrossflowEvent, createPipelineRuntime, type PipelineRuntime } from "@crossflow/pipeline";
import type { EventSender } from "@crossflow/pipeline/intake";
import { serve } from "@hono/node-server";
import { createApp } from "./app";
import { startLocalChannelScheduler, startLocalTrackingScheduler } from "./channel-scheduler";
import { createServerHandoff } from "./cli/server-handoff";
import { createRuntimeDeps } from "./runtime-deps";
import { createWebApps } from "./web";

export interface StartServerOptions {
  port: number;
  host?: string;
  /** Default: DATABASE_URL, else the embedded PGlite in .data/. */
  databaseUrl?: string;
  /** Fail when a web app is not built (tests); otherwise serve what is built. */
  requireWebApps?: boolean;
  /** Lets CLI commands run inside this process while it holds the embedded database. */
  cliHandoff?: boolean;
}

export interface RunningServer {
  url: string;
  db: Database;
  events: EventSender;
  pipeline: PipelineRuntime;
  close(): Promise<void>;
}

/** Adapts the pipeline's typed sender to the intake's plain one (validated by the pipeline). */
function intakeSender(runtime: PipelineRuntime): EventSender {
  return { send: async (event) => void (await runtime.events.send(event as CrossflowEvent)) };
}

/**
 * The whole product in one process: migrations, the API (/v1, /app, /api/inngest), the web
 * apps, and — without Inngest settings — the local executor running the pipeline.
 */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const database = await openDatabase(options.databaseUrl ?? process.env.DATABASE_URL);
  await database.migrate();
  const host = options.host ?? process.env.HOST ?? "127.0.0.1";
  const origin = `http://${host === "0.0.0.0" ? "127.0.0.1" : host}:${options.port}`;
  // The web apps' SSR loaders call this same server's /app API.
  process.env.CROSSFLOW_API_ORIGIN ??= origin;

  let appFetch: (request: Request) => Response | Promise<Response> = () => new Response("starting", { status: 503 });
  const runtimeDeps = createRuntimeDeps(database.db, { publicOrigin: origin });
  const pipeline = createPipelineRuntime({
    db: database.db,
    functions: runtimeDeps.functions,
    fetch: async (request) => appFetch(request),
  });
  const events = intakeSender(pipeline);
  runtimeDeps.bindEvents(events);
  const { web, mounted } = await createWebApps(resolve(REPO_ROOT, "apps"), { required: options.requireWebApps });
  const app = createApp(
    {
      db: database.db,
      events,
      sessionSecret: runtimeDeps.sessionSecret,
      clerk: clerkConfigFromEnv(),
      secureCookies: process.env.NODE_ENV === "production",
      secretBox: runtimeDeps.secretBox,
      channels: runtimeDeps.channels,
      documentStorage: runtimeDeps.documentStorage,
      fileParser: runtimeDeps.fileParser,
      carriers: runtimeDeps.carriers,
      stripeRefunds: runtimeDeps.stripeRefunds,
      notify: runtimeDeps.notify,
      publicOrigin: process.env.CROSSFLOW_PUBLIC_URL ?? origin,
    },
    { inngest: pipeline.handler, web },
  );
  appFetch = (request) => app.fetch(request);

  const handoff =
    options.cliHandoff && database.driver === "pglite"
      ? createServerHandoff({
          db: database.db,
          events,
          channels: runtimeDeps.channels,
          fileParser: runtimeDeps.fileParser,
        })
      : null;
  if (handoff) app.route("/", handoff.routes);

  const server = serve({ fetch: app.fetch, port: options.port, hostname: host });
  await new Promise<void>((ready, fail) => {
    server.once("listening", () => ready());
    server.once("error", fail);
  });
  pipeline.start();
  // Inngest runs the cron that schedules syncs; the local executor has no cron, so a timer does.
  const schedulers = pipeline.executor
    ? [startLocalChannelScheduler(database.db, events), startLocalTrackingScheduler(database.db, events)]
    : [];
  await handoff?.announce(origin);
  if (mounted.length < 3 && !options.requireWebApps) {
    console.warn(
      `[serve] web apps not built: ${["console", "partner", "portal"].filter((a) => !mounted.includes(a as never)).join(", ")} (run pnpm build)`,
    );
  }

  let closed = false;
  return {
    url: origin,
    db: database.db,
    events,
    pipeline,
    async close() {
      if (closed) return;
      closed = true;
      for (const scheduler of schedulers) scheduler.stop();
      await handoff?.withdraw();
      await pipeline.stop();
      await new Promise<void>((done) => server.close(() => done()));
      await database.close();
    },
  };
}
