import { randomUUID } from "node:crypto";
import {
  type Address,
  cancelOpenInstructions,
  type Database,
  DomainConflictError,
  deleteOrderDocuments,
  discardPlannedShipments,
  getOrderDetail,
  getOrderRow,
  listOrderShipments,
  recordAudit,
  recordDecision,
  releaseOrderStock,
  reviseOrder,
  type ShipmentRow,
  transitionOrder,
  updateShipment,
  withTenant,
} from "@crossflow/db";
import type { OrderStatus } from "@crossflow/domain";
import { stockChangedEvent } from "../channels/gateway";
import type { EventSender } from "./receive-order";
import { reviseHeldOrder } from "./revise-hold";

/** Statuses in which the parcel has not left the warehouse, so the address can still change. */
export const ADDRESS_CHANGEABLE: readonly OrderStatus[] = [
  "received",
  "payment_verified",
  "screened",
  "allocated",
  "documented",
  "label_created",
  "on_hold",
];

/**
 * A new shipping address before the parcel leaves (the shopper in the portal, or staff): a
 * held order is corrected and released; otherwise labels already booked are voided with
 * the carrier, stock, shipments, documents and warehouse instructions are undone, and the
 * order runs through the whole pipeline again — address checks, rules, allocation, carrier,
 * customs papers — with the new address.
 */
export async function changeShippingAddress(
  db: Database,
  events: EventSender,
  input: {
    tenantId: string;
    orderId: string;
    actor: string;
    address: Address;
    note?: string;
    /** Cancels a booked shipment with its carrier; a refusal stops the change. */
    voidShipment: (shipment: ShipmentRow) => Promise<void>;
  },
) {
  const current = await withTenant(db, input.tenantId, (tx) => getOrderRow(tx, input.orderId));
  if (!current) return null;
  const status = current.status as OrderStatus;
  if (!ADDRESS_CHANGEABLE.includes(status)) {
    throw new DomainConflictError(
      "invalid_state",
      `The order has ${status.replace("_", " ")}; its address can no longer change`,
      [{ path: "status", message: status }],
    );
  }
  if (status === "on_hold") {
    return reviseHeldOrder(db, events, {
      tenantId: input.tenantId,
      orderId: input.orderId,
      actor: input.actor,
      note: input.note,
      shippingAddress: input.address,
    });
  }

  // Carrier calls first, outside the transaction: void every booked label.
  const booked = (await withTenant(db, input.tenantId, (tx) => listOrderShipments(tx, input.orderId))).filter(
    (s) => s.trackingNumber && s.status !== "voided",
  );
  for (const shipment of booked) await input.voidShipment(shipment);

  const nonce = randomUUID();
  const changed = await withTenant(db, input.tenantId, async (tx) => {
    const order = await getOrderRow(tx, input.orderId, { forUpdate: true });
    if (!order) return null;
    if (!ADDRESS_CHANGEABLE.includes(order.status as OrderStatus) || order.status === "on_hold") {
      throw new DomainConflictError("conflict", "The order changed meanwhile; try again", [
        { path: "status", message: order.status },
      ]);
    }
    for (const shipment of booked) await updateShipment(tx, shipment.id, { status: "voided", nextPollAt: null });
    await discardPlannedShipments(tx, input.orderId);
    await cancelOpenInstructions(tx, input.orderId, input.actor);
    await deleteOrderDocuments(tx, input.orderId);
    const units = await releaseOrderStock(tx, {
      tenantId: input.tenantId,
      orderId: input.orderId,
      actor: input.actor,
      reason: "shipping address changed",
    });
    await reviseOrder(tx, input.orderId, { shippingAddress: input.address });
    const summary = [input.address.line1, input.address.postalCode, input.address.city, input.address.country]
      .filter(Boolean)
      .join(", ");
    const reason = `Shipping address changed to ${summary}${booked.length ? `; ${booked.length} label(s) voided` : ""}${input.note ? `: ${input.note}` : ""}`;
    await recordDecision(tx, {
      tenantId: input.tenantId,
      orderId: input.orderId,
      kind: "review",
      outcome: { addressChanged: true, voidedLabels: booked.map((s) => s.trackingNumber), releasedUnits: units },
      reason,
      facts: { previousAddress: order.shippingAddress, actor: input.actor },
    });
    // Back to the start through a momentary hold, which the state machine allows from any pre-shipping step.
    await transitionOrder(tx, {
      tenantId: input.tenantId,
      orderId: input.orderId,
      to: "on_hold",
      actor: input.actor,
      holds: [{ code: "address_changed", message: reason }],
      message: reason,
    });
    await transitionOrder(tx, {
      tenantId: input.tenantId,
      orderId: input.orderId,
      to: "received",
      actor: input.actor,
      message: "Runs through the pipeline again with the new address",
    });
    await recordAudit(tx, {
      tenantId: input.tenantId,
      actor: input.actor,
      action: "order.address_changed",
      entity: "order",
      entityId: input.orderId,
      before: { status: order.status, shippingAddress: order.shippingAddress },
      after: { status: "received", shippingAddress: input.address },
    });
    return { units };
  });
  if (!changed) return null;
  if (changed.units) await events.send(stockChangedEvent(input.tenantId));
  await events.send({
    name: "order/reprocess.requested",
    data: { tenantId: input.tenantId, orderId: input.orderId, nonce, reason: "shipping address changed" },
  });
  return withTenant(db, input.tenantId, (tx) => getOrderDetail(tx, input.orderId));
}
