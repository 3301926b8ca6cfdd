import {
  type Database,
  DomainConflictError,
  getOrderRow,
  type OrderRow,
  type Tx,
  transitionOrder,
  withTenant,
} from "@crossflow/db";
import type { Hold, OrderStatus } from "@crossflow/domain";

export const PIPELINE_ACTOR = "system:pipeline";

export interface OrderRef {
  tenantId: string;
  orderId: string;
}

export type StepOutcome =
  | { outcome: "advanced"; status: string }
  | { outcome: "held"; holds: Hold[] }
  | { outcome: "skipped"; status: string };

export async function holdOrder(tx: Tx, ref: OrderRef, holds: Hold[]): Promise<StepOutcome> {
  await transitionOrder(tx, {
    ...ref,
    to: "on_hold",
    actor: PIPELINE_ACTOR,
    holds,
    message: `On hold: ${holds.map((h) => h.message).join("; ")}`,
  });
  return { outcome: "held", holds };
}

/**
 * Runs one pipeline step on an order that is in `from`, inside the tenant's transaction with
 * the order row locked. An order in any other status is left alone (the step already ran,
 * or the order moved on), which is what makes every step safe to repeat.
 */
export function orderStep<T = StepOutcome>(
  db: Database,
  ref: OrderRef,
  from: OrderStatus,
  body: (tx: Tx, order: OrderRow) => Promise<T | StepOutcome>,
): Promise<T | StepOutcome> {
  return withTenant(db, ref.tenantId, async (tx) => {
    const order = await getOrderRow(tx, ref.orderId, { forUpdate: true });
    if (!order) throw new DomainConflictError("not_found", `Order ${ref.orderId} not found`);
    if (order.status !== from) return { outcome: "skipped", status: order.status };
    return body(tx, order);
  });
}

/** Holds whose codes a reviewer has not accepted. */
export function blockingHolds(holds: ReadonlyArray<Hold | null>, overrides: readonly string[]): Hold[] {
  return holds.filter((h): h is Hold => h !== null && !overrides.includes(h.code));
}
