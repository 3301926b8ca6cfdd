import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

export const DEV_SESSION_COOKIE = "cf_session";
const MAX_AGE_SECONDS = 60 * 60 * 24 * 14;

export function devSignInAllowed(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.NODE_ENV !== "production" && !env.CLERK_SECRET_KEY && !env.CLERK_JWT_KEY;
}

/**
 * The key that signs session cookies: SESSION_SECRET, or for the embedded default a random
 * key kept beside the PGlite data so sessions survive a restart.
 */
export function loadSessionSecret(fallbackFile: string, env: NodeJS.ProcessEnv = process.env): string {
  if (env.SESSION_SECRET) return env.SESSION_SECRET;
  if (env.NODE_ENV === "production") throw new Error("SESSION_SECRET must be set in production");
  if (existsSync(fallbackFile)) return readFileSync(fallbackFile, "utf8").trim();
  mkdirSync(dirname(fallbackFile), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(fallbackFile, secret, { mode: 0o600 });
  return secret;
}

function sign(body: string, secret: string): string {
  return createHmac("sha256", secret).update(body).digest("base64url");
}

export function createSessionToken(userId: string, secret: string, now = Date.now()): string {
  const body = Buffer.from(JSON.stringify({ sub: userId, exp: Math.floor(now / 1000) + MAX_AGE_SECONDS })).toString(
    "base64url",
  );
  return `${body}.${sign(body, secret)}`;
}

/** The user id in a valid, unexpired session token; null for anything else. */
export function readSessionToken(token: string | undefined, secret: string, now = Date.now()): string | null {
  if (!token) return null;
  const [body, signature] = token.split(".");
  if (!body || !signature) return null;
  const expected = Buffer.from(sign(body, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const payload = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as { sub?: unknown; exp?: unknown };
    if (typeof payload.sub !== "string" || typeof payload.exp !== "number") return null;
    if (payload.exp * 1000 < now) return null;
    return payload.sub;
  } catch {
    return null;
  }
}

export function sessionCookie(token: string, secure: boolean): string {
  return `${DEV_SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${MAX_AGE_SECONDS}${secure ? "; Secure" : ""}`;
}

export function clearedSessionCookie(): string {
  return `${DEV_SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;
}
