import { createOrder, type Database, getOrderDetail, type NewOrder, withTenant } from "@crossflow/db";

export interface EventSender {
  send(event: { name: string; data: Record<string, unknown>; id?: string }): Promise<void>;
}

/** The event id that makes a channel order start its pipeline at most once. */
export function orderReceivedEventId(tenantId: string, channel: string, externalId: string): string {
  return `order-received:${tenantId}:${channel}:${externalId}`;
}

/**
 * Intake for every channel: stores the order once per (channel, external id) and starts the
 * pipeline. A repeated delivery returns the stored order; if that order has not moved yet,
 * the start event is sent again (deduplicated by its id), so a crash between the insert and
 * the send cannot strand it.
 */
export async function receiveOrder(
  db: Database,
  events: EventSender,
  tenantId: string,
  input: NewOrder,
  actor: string,
) {
  const { order, created } = await withTenant(db, tenantId, (tx) => createOrder(tx, tenantId, input, actor));
  if (created || order.status === "received") {
    await events.send({
      id: orderReceivedEventId(tenantId, order.channel, order.externalId),
      name: "order/received",
      data: { tenantId, orderId: order.id },
    });
  }
  const detail = await withTenant(db, tenantId, (tx) => getOrderDetail(tx, order.id));
  return { order: detail!, created };
}
