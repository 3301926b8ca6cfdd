import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AppDeps, AppEnv } from "./context";
import { ApiError, errorBody, handleError } from "./errors";
import { catalogRoutes } from "./routes/app/catalog";
import { connectionRoutes } from "./routes/app/connections";
import { importRoutes, MAX_IMPORT_BYTES } from "./routes/app/imports";
import { consoleRoutes } from "./routes/app/orders";
import { partnerRoutes } from "./routes/app/partner";
import { portalRoutes } from "./routes/app/portal";
import { portalReturnRoutes } from "./routes/app/portal-returns";
import { reportRoutes } from "./routes/app/reports";
import { returnRoutes } from "./routes/app/returns";
import { rulesRoutes } from "./routes/app/rules";
import { sessionRoutes } from "./routes/app/session";
import { settingsRoutes } from "./routes/app/settings";
import { supportRoutes } from "./routes/app/support";
import { healthRoutes } from "./routes/health";
import { createV1 } from "./routes/v1/index";
import { carrierWebhookRoutes } from "./routes/webhooks/carriers";
import { channelWebhookRoutes } from "./routes/webhooks/channels";

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

export interface AppExtras {
  /** Inngest's serve handler for /api/inngest. */
  inngest?: (req: Request) => Response | Promise<Response>;
  /** Serves the web apps (console, partner, portal) and their assets. */
  web?: Hono;
}

/** The whole HTTP surface: /v1 public API, /app web backend, /api/inngest, health, web apps. */
export function createApp(deps: AppDeps, extras: AppExtras = {}) {
  const app = new Hono<AppEnv>();
  app.onError(handleError);
  app.notFound((c) => c.json(errorBody("not_found", `No route for ${c.req.method} ${c.req.path}`), 404));
  app.use("*", async (c, next) => {
    c.set("deps", deps);
    await next();
  });
  const limit = bodyLimit({
    maxSize: deps.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    onError: () => {
      throw new ApiError(
        "payload_too_large",
        `Request bodies are limited to ${deps.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES} bytes`,
      );
    },
  });
  // Order files are bigger than any JSON body; their own route checks the 5 MB limit too.
  const importLimit = bodyLimit({
    maxSize: MAX_IMPORT_BYTES + 64 * 1024,
    onError: () => {
      throw new ApiError("payload_too_large", `Files up to ${MAX_IMPORT_BYTES / 1024 / 1024} MB can be imported`);
    },
  });
  app.use("/v1/*", limit);
  app.use("/app/*", (c, next) => (c.req.path.startsWith("/app/imports") ? importLimit(c, next) : limit(c, next)));

  app.route("/", healthRoutes);
  app.route("/v1", createV1());
  app.route("/app", sessionRoutes);
  app.route("/app", consoleRoutes);
  app.route("/app/partner", partnerRoutes);
  app.route("/app/portal", portalRoutes);
  app.route("/app/portal", portalReturnRoutes);
  app.route("/app/rules", rulesRoutes);
  app.route("/app/settings", settingsRoutes);
  app.route("/app", connectionRoutes);
  app.route("/app", catalogRoutes);
  app.route("/app", importRoutes);
  app.route("/app", supportRoutes);
  app.route("/app", reportRoutes);
  app.route("/app", returnRoutes);
  app.route("/", carrierWebhookRoutes);
  app.route("/", channelWebhookRoutes);
  if (extras.inngest) {
    const handler = extras.inngest;
    app.on(["GET", "POST", "PUT"], "/api/inngest", (c) => handler(c.req.raw));
  }
  if (extras.web) app.route("/", extras.web);
  return app;
}

export type App = ReturnType<typeof createApp>;
