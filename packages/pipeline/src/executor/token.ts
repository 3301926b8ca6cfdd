import { randomBytes, timingSafeEqual } from "node:crypto";

let processToken: string | undefined;

/**
 * In local mode the SDK checks no request signatures, so the serve endpoint instead requires
 * this token, which only the local executor sends: one per process, or CROSSFLOW_EXECUTOR_TOKEN
 * when the executor reaches the handler from another process.
 */
export function localExecutorToken(): string {
  processToken ??= process.env.CROSSFLOW_EXECUTOR_TOKEN || randomBytes(24).toString("base64url");
  return processToken;
}

export function isLocalExecutorToken(given: string | undefined | null): boolean {
  if (!given) return false;
  const expected = Buffer.from(localExecutorToken());
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
