import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono } from "hono";
import { createRequestHandler, type ServerBuild } from "react-router";

export const WEB_APPS = ["console", "partner", "portal"] as const;
export type WebApp = (typeof WEB_APPS)[number];

export function webBuildDir(appsRoot: string, app: WebApp) {
  return resolve(appsRoot, app, "build");
}

/**
 * Mounts the three React Router apps, each built with its own basename, on one server:
 * /console/, /partner/, /portal/. Their loaders call this same server's /app API.
 */
export async function createWebApps(appsRoot: string, options: { required?: boolean } = {}) {
  const web = new Hono();
  const mounted: WebApp[] = [];
  for (const app of WEB_APPS) {
    const dir = webBuildDir(appsRoot, app);
    const serverEntry = resolve(dir, "server/index.js");
    if (!existsSync(serverEntry)) {
      if (options.required) throw new Error(`The ${app} app is not built (${serverEntry} is missing): run pnpm build`);
      continue;
    }
    const build = (await import(pathToFileURL(serverEntry).href)) as ServerBuild;
    const handle = createRequestHandler(build, "production");
    const clientRoot = resolve(dir, "client");
    web.use(
      `/${app}/assets/*`,
      serveStatic({
        root: clientRoot,
        rewriteRequestPath: (path) => path.slice(app.length + 1),
        onFound: (_path, c) => {
          c.header("Cache-Control", "public, max-age=31536000, immutable");
        },
      }),
    );
    web.get(`/${app}`, (c) => c.redirect(`/${app}/`));
    web.all(`/${app}/*`, (c) => handle(c.req.raw));
    mounted.push(app);
  }
  web.get("/", (c) => c.redirect(mounted.includes("console") ? "/console/" : "/v1/docs"));
  return { web, mounted };
}
