import { resolveSession } from "@crossflow/auth";
import { withTenant } from "@crossflow/db";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../context";
import { ApiError } from "../errors";

/** /app: a Clerk or dev session; merchant sessions also get a tenant scope. */
export const sessionAuth = createMiddleware<AppEnv>(async (c, next) => {
  const { db, sessionSecret, clerk } = c.var.deps;
  const session = await resolveSession(db, {
    cookieHeader: c.req.header("cookie"),
    authorization: c.req.header("authorization"),
    sessionSecret,
    clerk,
  });
  if (!session) throw new ApiError("unauthorized", "Sign in first");
  c.set("session", session);
  if (session.tenant) {
    const tenantId = session.tenant.id;
    c.set("tenant", { tenantId, actor: session.actor, run: (fn) => withTenant(db, tenantId, fn) });
  }
  await next();
});

export const requireMerchant = createMiddleware<AppEnv>(async (c, next) => {
  if (c.var.session.kind !== "merchant") throw new ApiError("forbidden", "This page is for merchant staff");
  await next();
});

export const requirePartner = createMiddleware<AppEnv>(async (c, next) => {
  if (c.var.session.kind !== "partner" || !c.var.session.partner)
    throw new ApiError("forbidden", "This page is for partner staff");
  await next();
});

/** Viewers read; operators and up act on orders. */
export const requireOperator = createMiddleware<AppEnv>(async (c, next) => {
  const role = c.var.session.role;
  if (role !== "owner" && role !== "admin" && role !== "operator") {
    throw new ApiError("forbidden", "Your role can view orders but not change them");
  }
  await next();
});

/** Tenant-wide settings (risk screening, payment policy) are for owners and admins. */
export const requireAdmin = createMiddleware<AppEnv>(async (c, next) => {
  const role = c.var.session.role;
  if (role !== "owner" && role !== "admin") {
    throw new ApiError("forbidden", "Only owners and admins can change the settings");
  }
  await next();
});
