import {
  type Database,
  getOrderRow,
  getShipment,
  insertTrackingEvents,
  listOrderShipments,
  listTrackingEvents,
  openTicket,
  recordDecision,
  type ShipmentRow,
  type TrackingEventRow,
  type Tx,
  transitionOrder,
  updateShipment,
  withTenant,
} from "@crossflow/db";
import {
  carrierDisplayName,
  currentTrackingStatus,
  isCustomsHoldOverdue,
  type OrderStatus,
  suggestNextStep,
  type TrackingEvent,
  type TrackingStatus,
} from "@crossflow/domain";

import type { CustomerNotice } from "../notifications/types";

/** Customer e-mails a tracking change can trigger (the notifier renders and queues them). */
export type TrackingNotification = "shipped" | "customs_hold" | "out_for_delivery" | "failed_attempt" | "delivered";

export type TrackingNotice = CustomerNotice & { shipmentId: string; event: TrackingNotification };

export interface ApplyTrackingOptions {
  now?: Date;
  /** A customs hold older than this raises an alert ticket. */
  customsHoldAlertDays?: number;
  /** When to ask the carrier again; null stops polling (delivered or returned). */
  nextPollAt: (shipment: ShipmentRow, result: { newEvents: number; status: TrackingStatus | null }) => Date | null;
}

const ACTOR = "system:tracking";

function toDomainEvent(row: TrackingEventRow, shipment: ShipmentRow): TrackingEvent {
  return {
    carrier: shipment.carrier,
    trackingNumber: shipment.trackingNumber ?? "",
    status: row.status as TrackingStatus,
    carrierCode: row.carrierCode,
    description: row.description,
    occurredAt: row.occurredAt.toISOString(),
    location: row.location ?? {},
    ...(row.reason ? { reason: row.reason as TrackingEvent["reason"] } : {}),
  };
}

/** Where an order stands given its shipments' tracking: the furthest all of them have reached. */
export function orderStatusFromTracking(statuses: Array<TrackingStatus | null>): OrderStatus | null {
  if (statuses.length === 0) return null;
  if (statuses.every((s) => s === "delivered")) return "delivered";
  if (statuses.every((s) => s === "returned_to_sender")) return "returned";
  if (statuses.some((s) => s && s !== "info_received")) return "in_transit";
  return null;
}

const ORDER_PROGRESS: OrderStatus[] = ["label_created", "handed_over", "in_transit", "delivered"];

/**
 * Stores a shipment's carrier events (deduplicated; order by event time, not arrival), sets
 * its current status, moves the order along (handed over at the first carrier scan, in
 * transit, delivered when every parcel is), opens a ticket with the suggested next step for
 * a failed attempt, an exception or a return, raises an alert for a customs hold past the
 * threshold, and returns the customer notices the change calls for.
 */
export async function applyTrackingEvents(
  db: Database,
  ref: { tenantId: string; shipmentId: string },
  incoming: readonly TrackingEvent[],
  options: ApplyTrackingOptions,
): Promise<{ newEvents: number; status: TrackingStatus | null; notices: TrackingNotice[] }> {
  const now = options.now ?? new Date();
  return withTenant(db, ref.tenantId, async (tx) => {
    const shipment = await getShipment(tx, ref.shipmentId, { forUpdate: true });
    if (!shipment) return { newEvents: 0, status: null, notices: [] };
    const inserted = await insertTrackingEvents(tx, {
      tenantId: ref.tenantId,
      shipmentId: shipment.id,
      events: incoming.map((e) => ({
        status: e.status,
        carrierCode: e.carrierCode,
        description: e.description,
        reason: e.reason ?? null,
        occurredAt: new Date(e.occurredAt),
        location: e.location,
      })),
    });
    const rows = await listTrackingEvents(tx, [shipment.id]);
    const events = rows.map((row) => toDomainEvent(row, shipment));
    const status = currentTrackingStatus(events);
    const delivered = status === "delivered" ? events.find((e) => e.status === "delivered") : undefined;
    const next = options.nextPollAt(shipment, { newEvents: inserted.length, status });
    await updateShipment(tx, shipment.id, {
      trackingStatus: status,
      status: status ?? shipment.status,
      ...(delivered ? { deliveredAt: new Date(delivered.occurredAt) } : {}),
      nextPollAt: next,
      quietPolls: inserted.length > 0 ? 0 : shipment.quietPolls + 1,
    });

    const notices: TrackingNotice[] = [];
    const base = { tenantId: ref.tenantId, orderId: shipment.orderId, shipmentId: shipment.id };
    const newStatuses = new Set(inserted.map((r) => r.status));
    const insertedIds = new Set(inserted.map((r) => r.id));
    const scannedBefore = rows.some((r) => r.status !== "info_received" && !insertedIds.has(r.id));
    if (inserted.some((r) => r.status !== "info_received") && !scannedBefore)
      notices.push({ ...base, event: "shipped", dedupeKey: `shipped:${shipment.id}` });
    for (const row of inserted) {
      if (row.status === "customs_hold")
        notices.push({
          ...base,
          event: "customs_hold",
          dedupeKey: `customs_hold:${shipment.id}:${row.occurredAt.toISOString()}`,
        });
      if (row.status === "out_for_delivery")
        notices.push({
          ...base,
          event: "out_for_delivery",
          dedupeKey: `out_for_delivery:${shipment.id}:${row.occurredAt.toISOString()}`,
        });
      if (row.status === "failed_attempt")
        notices.push({
          ...base,
          event: "failed_attempt",
          dedupeKey: `failed_attempt:${shipment.id}:${row.occurredAt.toISOString()}`,
        });
    }
    if (newStatuses.has("delivered"))
      notices.push({ ...base, event: "delivered", dedupeKey: `delivered:${shipment.id}` });

    // Tickets: a person decides what happens to a parcel that did not arrive.
    if (inserted.some((r) => ["failed_attempt", "exception", "returned_to_sender"].includes(r.status))) {
      await openTicketsFor(tx, ref.tenantId, shipment, events, now);
    }
    if (status === "customs_hold" && isCustomsHoldOverdue(events, now, options.customsHoldAlertDays ?? 3)) {
      await openTicket(tx, {
        tenantId: ref.tenantId,
        orderId: shipment.orderId,
        shipmentId: shipment.id,
        kind: "customs_hold_overdue",
        subject: `Customs hold for over ${options.customsHoldAlertDays ?? 3} days: ${carrierDisplayName(shipment.carrier)} ${shipment.trackingNumber}`,
        reason: `The parcel has been held by customs since ${events.filter((e) => e.status === "customs_hold").at(-1)?.occurredAt}; contact ${carrierDisplayName(shipment.carrier)} and the recipient (ID, invoice, duties)`,
        suggestedAction: null,
      });
    }

    if (inserted.length > 0) await advanceOrder(tx, ref.tenantId, shipment.orderId, inserted);
    return { newEvents: inserted.length, status, notices };
  });
}

async function openTicketsFor(tx: Tx, tenantId: string, shipment: ShipmentRow, events: TrackingEvent[], now: Date) {
  const step = suggestNextStep({ events, now });
  if (!step) return;
  const latest = events.at(-1)!;
  const kind =
    latest.status === "returned_to_sender"
      ? ("returned_to_sender" as const)
      : latest.status === "failed_attempt" || step.cause === "attempts_exhausted"
        ? ("failed_attempt" as const)
        : ("exception" as const);
  await openTicket(tx, {
    tenantId,
    orderId: shipment.orderId,
    shipmentId: shipment.id,
    kind,
    subject: `${latest.description} — ${carrierDisplayName(shipment.carrier)} ${shipment.trackingNumber}`,
    reason: step.reason,
    suggestedAction: step.action,
  });
  await recordDecision(tx, {
    tenantId,
    orderId: shipment.orderId,
    kind: "tracking",
    outcome: { ticket: kind, suggestedAction: step.action, cause: step.cause },
    reason: `${latest.description}: ${step.reason}`,
    facts: { trackingNumber: shipment.trackingNumber, events: events.length },
  });
}

async function advanceOrder(tx: Tx, tenantId: string, orderId: string, inserted: TrackingEventRow[]) {
  const order = await getOrderRow(tx, orderId, { forUpdate: true });
  if (!order) return;
  const shipments = (await listOrderShipments(tx, orderId)).filter((s) => s.status !== "voided");
  const target = orderStatusFromTracking(shipments.map((s) => s.trackingStatus as TrackingStatus | null));
  if (!target) return;
  const latest = inserted.at(-1)!;
  const from = order.status as OrderStatus;
  if (target === "returned") {
    if (from === "in_transit" || from === "handed_over")
      await transitionOrder(tx, {
        tenantId,
        orderId,
        to: "returned",
        actor: ACTOR,
        message: `Returned to sender: ${latest.description}`,
      });
    return;
  }
  // Walk forward one allowed step at a time (label_created → handed_over → in_transit → delivered).
  let current = from;
  const goal = ORDER_PROGRESS.indexOf(target);
  while (ORDER_PROGRESS.includes(current) && ORDER_PROGRESS.indexOf(current) < goal) {
    const next = ORDER_PROGRESS[ORDER_PROGRESS.indexOf(current) + 1]!;
    await transitionOrder(tx, {
      tenantId,
      orderId,
      to: next,
      actor: ACTOR,
      message:
        next === "handed_over"
          ? "Handed over: the carrier scanned the parcel"
          : next === "in_transit"
            ? `In transit: ${latest.description}`
            : `Delivered: ${latest.description}`,
    });
    current = next;
  }
}
