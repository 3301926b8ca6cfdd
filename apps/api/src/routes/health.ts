import { pingDatabase } from "@crossflow/db";
import { Hono } from "hono";
import type { AppEnv } from "../context";

export const healthRoutes = new Hono<AppEnv>();

healthRoutes.get("/healthz", async (c) => {
  const dbUp = await pingDatabase(c.var.deps.db);
  return c.json({ status: dbUp ? "ok" : "degraded", database: dbUp ? "up" : "down" }, dbUp ? 200 : 503);
});
