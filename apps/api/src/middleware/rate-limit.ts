import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../context";
import { ApiError } from "../errors";

/**
 * A fixed-window limit per client address, in memory (one process). It keeps the public
 * portal lookup from being used to guess order numbers and e-mails.
 */
export function rateLimit(options: { limit: number; windowMs: number }) {
  const hits = new Map<string, { count: number; resetAt: number }>();
  return createMiddleware<AppEnv>(async (c, next) => {
    const now = Date.now();
    const client =
      c.req.header("x-forwarded-for")?.split(",")[0]?.trim() ||
      (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress ||
      "local";
    let entry = hits.get(client);
    if (!entry || entry.resetAt <= now) {
      entry = { count: 0, resetAt: now + options.windowMs };
      hits.set(client, entry);
      if (hits.size > 10_000) for (const [k, v] of hits) if (v.resetAt <= now) hits.delete(k);
    }
    entry.count += 1;
    if (entry.count > options.limit) {
      c.header("Retry-After", String(Math.ceil((entry.resetAt - now) / 1000)));
      throw new ApiError("rate_limited", "Too many attempts; wait a minute and try again");
    }
    await next();
  });
}
