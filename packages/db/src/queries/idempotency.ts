import { and, eq } from "drizzle-orm";
import type { Tx } from "../client";
import { idempotencyKeys } from "../schema/idempotency-keys";

export const IDEMPOTENCY_IN_PROGRESS = 0;

/** Claims a key before the request runs; returns the stored row when someone had it first. */
export async function claimIdempotencyKey(
  tx: Tx,
  input: { tenantId: string; key: string; method: string; path: string; requestHash: string },
) {
  const claimed = await tx
    .insert(idempotencyKeys)
    .values({ ...input, statusCode: IDEMPOTENCY_IN_PROGRESS, response: {} })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (claimed.length > 0) return { claimed: true as const };
  const [existing] = await tx.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, input.key));
  return { claimed: false as const, existing: existing ?? null };
}

export async function completeIdempotencyKey(tx: Tx, key: string, statusCode: number, response: unknown) {
  await tx
    .update(idempotencyKeys)
    .set({ statusCode, response })
    .where(and(eq(idempotencyKeys.key, key), eq(idempotencyKeys.statusCode, IDEMPOTENCY_IN_PROGRESS)));
}

export async function releaseIdempotencyKey(tx: Tx, key: string) {
  await tx
    .delete(idempotencyKeys)
    .where(and(eq(idempotencyKeys.key, key), eq(idempotencyKeys.statusCode, IDEMPOTENCY_IN_PROGRESS)));
}
