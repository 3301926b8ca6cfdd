import {
  type Database,
  DomainConflictError,
  getOrderDetail,
  getOrderRow,
  recordAudit,
  releaseOrderStock,
  transitionOrder,
  withTenant,
} from "@crossflow/db";
import { isCancellable, type OrderStatus } from "@crossflow/domain";
import { stockChangedEvent } from "../channels/gateway";
import type { EventSender } from "./receive-order";

/** Cancels an order that has not left the warehouse and gives its reserved stock back. */
export async function cancelOrder(
  db: Database,
  events: EventSender,
  input: { tenantId: string; orderId: string; actor: string; reason?: string },
) {
  const outcome = await withTenant(db, input.tenantId, async (tx) => {
    const order = await getOrderRow(tx, input.orderId, { forUpdate: true });
    if (!order) return null;
    if (order.status === "cancelled") return { alreadyCancelled: true };
    if (!isCancellable(order.status as OrderStatus)) {
      throw new DomainConflictError("invalid_state", `An order that is ${order.status} can no longer be cancelled`, [
        { path: "status", message: order.status },
      ]);
    }
    const units = await releaseOrderStock(tx, {
      tenantId: input.tenantId,
      orderId: input.orderId,
      actor: input.actor,
      reason: "order cancelled",
    });
    await transitionOrder(tx, {
      tenantId: input.tenantId,
      orderId: input.orderId,
      to: "cancelled",
      actor: input.actor,
      message: `Cancelled${input.reason ? `: ${input.reason}` : ""}${units ? `; ${units} reserved unit(s) released` : ""}`,
      data: { releasedUnits: units },
    });
    await recordAudit(tx, {
      tenantId: input.tenantId,
      actor: input.actor,
      action: "order.cancelled",
      entity: "order",
      entityId: input.orderId,
      before: { status: order.status },
      after: { status: "cancelled", reason: input.reason ?? null, releasedUnits: units },
    });
    return { alreadyCancelled: false, releasedUnits: units };
  });
  if (!outcome) return null;
  if (!outcome.alreadyCancelled) {
    await events.send({ name: "order/cancelled", data: { tenantId: input.tenantId, orderId: input.orderId } });
    if (outcome.releasedUnits) await events.send(stockChangedEvent(input.tenantId));
  }
  return withTenant(db, input.tenantId, (tx) => getOrderDetail(tx, input.orderId));
}
