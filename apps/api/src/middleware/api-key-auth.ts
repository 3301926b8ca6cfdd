import { authenticateApiKey } from "@crossflow/auth";
import { withTenant } from "@crossflow/db";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../context";
import { ApiError } from "../errors";

/** /v1: a merchant API key resolves the tenant; everything after runs inside it. */
export const apiKeyAuth = createMiddleware<AppEnv>(async (c, next) => {
  const { db } = c.var.deps;
  const principal = await authenticateApiKey(db, c.req.header("authorization"));
  if (!principal) {
    throw new ApiError("unauthorized", "Send a valid API key as 'Authorization: Bearer <key>'");
  }
  c.set("tenant", {
    tenantId: principal.tenantId,
    actor: principal.actor,
    run: (fn) => withTenant(db, principal.tenantId, fn),
  });
  await next();
});
