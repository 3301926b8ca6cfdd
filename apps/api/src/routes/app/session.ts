import {
  clearedSessionCookie,
  createSessionToken,
  devSignInAllowed,
  principalForUser,
  sessionCookie,
} from "@crossflow/auth";
import { listDevUsers } from "@crossflow/db";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../context";
import { ApiError } from "../../errors";
import { sessionAuth } from "../../middleware/session-auth";
import { zodDetails } from "../../validation";

export const sessionRoutes = new Hono<AppEnv>();

function sessionBody(session: NonNullable<Awaited<ReturnType<typeof principalForUser>>>) {
  return {
    user: { id: session.user.id, name: session.user.name, email: session.user.email },
    kind: session.kind,
    tenant: session.tenant,
    partner: session.partner,
    role: session.role,
    locale: session.user.locale,
  };
}

sessionRoutes.get("/dev/users", async (c) => {
  if (!devSignInAllowed()) return c.json({ enabled: false, users: [] });
  return c.json({ enabled: true, users: await listDevUsers(c.var.deps.db) });
});

const SignIn = z.object({ userId: z.string().min(1).max(64) });

sessionRoutes.post("/dev/sign-in", async (c) => {
  if (!devSignInAllowed())
    throw new ApiError("forbidden", "Dev sign-in is disabled in production and when Clerk is configured");
  const parsed = SignIn.safeParse(await c.req.json().catch(() => null));
  if (!parsed.success) throw new ApiError("validation_failed", "Pick a user to sign in as", zodDetails(parsed.error));
  const { db, sessionSecret, secureCookies } = c.var.deps;
  const session = await principalForUser(db, parsed.data.userId);
  if (!session) throw new ApiError("not_found", "No such user", [{ path: "userId", message: "unknown user" }]);
  c.header("Set-Cookie", sessionCookie(createSessionToken(session.user.id, sessionSecret), secureCookies ?? false));
  return c.json(sessionBody(session));
});

sessionRoutes.post("/sign-out", (c) => {
  c.header("Set-Cookie", clearedSessionCookie());
  return c.body(null, 204);
});

sessionRoutes.get("/session", sessionAuth, (c) => c.json(sessionBody(c.var.session)));
