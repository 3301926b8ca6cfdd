import {
  type Database,
  findOrderConnectionId,
  getConnection,
  getOrderLines,
  getOrderRow,
  listOrderShipments,
  recordDecision,
  withTenant,
} from "@crossflow/db";
import { carrierDisplayName } from "@crossflow/domain";
import type { ChannelGateway, CredentialOpener } from "../channels/gateway";
import type { OrderRef } from "./common";

/**
 * After the label: tell the sales channel the order shipped, with carrier and tracking number
 * (Shopify fulfillment, Amazon shipment confirmation, eBay shipping fulfillment…). Orders from
 * the API or a file have no channel to tell. A channel that refuses is recorded on the order
 * and retried by the step; the shipment itself is not held up.
 */
export async function confirmShipmentWithChannel(
  db: Database,
  channels: { gateway: ChannelGateway; openCredentials: CredentialOpener },
  ref: OrderRef,
): Promise<{ confirmed: number } | { skipped: string }> {
  const context = await withTenant(db, ref.tenantId, async (tx) => {
    const order = await getOrderRow(tx, ref.orderId);
    if (!order) return null;
    const connectionId = await findOrderConnectionId(tx, ref.orderId);
    const connection = connectionId ? await getConnection(tx, connectionId) : null;
    const shipments = (await listOrderShipments(tx, ref.orderId)).filter(
      (s) => s.trackingNumber && s.status !== "voided",
    );
    const lines = await getOrderLines(tx, ref.orderId);
    return { order, connection, shipments, lines };
  });
  if (!context?.connection) return { skipped: "the order did not come through a channel connection" };
  const { order, connection, shipments, lines } = context;
  if (!channels.gateway.has(connection.channel)) return { skipped: `no adapter for ${connection.channel}` };
  const ctx = {
    id: connection.id,
    tenantId: ref.tenantId,
    channel: connection.channel,
    settings: connection.settings,
    secrets: channels.openCredentials(ref.tenantId, connection.id, connection.credentialsSealed),
    cursor: connection.cursor,
  };
  let confirmed = 0;
  for (const shipment of shipments) {
    const result = await channels.gateway.confirmShipment(ctx, {
      externalId: order.externalId,
      carrier: carrierDisplayName(shipment.carrier),
      service: shipment.service,
      trackingNumber: shipment.trackingNumber!,
      lines: lines.map((l) => ({ sku: l.sku, quantity: l.quantity })),
    });
    if (result === null) return { skipped: `${connection.channel} has no shipment confirmation` };
    confirmed++;
    await withTenant(db, ref.tenantId, (tx) =>
      recordDecision(tx, {
        ...ref,
        kind: "channel_update",
        outcome: { confirmed: true, channel: connection.channel, reference: result.reference ?? null },
        reason: `Shipment confirmed to ${connection.name} (${connection.channel}): ${carrierDisplayName(shipment.carrier)} ${shipment.trackingNumber}`,
        facts: { connectionId: connection.id, shipmentId: shipment.id },
      }),
    );
  }
  return { confirmed };
}
