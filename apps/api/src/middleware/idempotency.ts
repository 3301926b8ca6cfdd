import { createHash } from "node:crypto";
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  IDEMPOTENCY_IN_PROGRESS,
  releaseIdempotencyKey,
} from "@crossflow/db";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../context";
import { ApiError } from "../errors";

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/**
 * Idempotency-Key on writes. The key is claimed before the handler runs, so two concurrent
 * requests with one key cannot both act; the answer (any status below 500) is stored and a
 * retry with the same body gets it again, with a different body a 409.
 */
export const idempotency = createMiddleware<AppEnv>(async (c, next) => {
  const key = c.req.header("idempotency-key");
  if (c.req.method !== "POST" || key === undefined) return next();
  if (!KEY_PATTERN.test(key)) {
    throw new ApiError("invalid_request", "Idempotency-Key must be 1-255 printable ASCII characters", [
      { path: "Idempotency-Key", message: "invalid header value" },
    ]);
  }
  const body = await c.req.text();
  const requestHash = createHash("sha256").update(`${c.req.method} ${c.req.path}\n${body}`).digest("hex");
  const { tenant } = c.var;

  const claim = await tenant.run((tx) =>
    claimIdempotencyKey(tx, { tenantId: tenant.tenantId, key, method: c.req.method, path: c.req.path, requestHash }),
  );
  if (!claim.claimed) {
    const stored = claim.existing;
    if (!stored) throw new ApiError("conflict", "Idempotency-Key is being released; retry");
    if (stored.requestHash !== requestHash) {
      throw new ApiError("idempotency_key_reused", "This Idempotency-Key was already used with a different request", [
        { path: "Idempotency-Key", message: `first used for ${stored.method} ${stored.path}` },
      ]);
    }
    if (stored.statusCode === IDEMPOTENCY_IN_PROGRESS) {
      c.header("Retry-After", "1");
      throw new ApiError("conflict", "A request with this Idempotency-Key is still in progress; retry shortly");
    }
    c.header("Idempotent-Replayed", "true");
    return c.json(stored.response as object, stored.statusCode as 200);
  }

  try {
    await next();
  } catch (error) {
    await tenant.run((tx) => releaseIdempotencyKey(tx, key));
    throw error;
  }

  const status = c.res.status;
  const isJson = (c.res.headers.get("content-type") ?? "").includes("application/json");
  if (status >= 500 || !isJson) {
    // Not a final answer: free the key so the client's retry runs for real.
    await tenant.run((tx) => releaseIdempotencyKey(tx, key));
    return;
  }
  const response = await c.res.clone().json();
  await tenant.run((tx) => completeIdempotencyKey(tx, key, status, response));
});
