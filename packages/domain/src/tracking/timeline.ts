import type { TrackingEvent, TrackingStatus } from "./types";

/**
 * Where each status sits in a parcel's life. Two events at the same instant are ordered by it
 * (a scan batch that says "out for delivery" and "delivered" in the same second).
 */
const LIFECYCLE_ORDER: Readonly<Record<TrackingStatus, number>> = {
  info_received: 0,
  in_transit: 1,
  customs_hold: 2,
  exception: 3,
  out_for_delivery: 4,
  failed_attempt: 5,
  delivered: 6,
  returned_to_sender: 7,
};

function instant(event: TrackingEvent): number {
  const ms = Date.parse(event.occurredAt);
  if (Number.isNaN(ms)) throw new Error(`Tracking event ${event.carrierCode} has an invalid time: ${event.occurredAt}`);
  return ms;
}

/** Identity of an event across deliveries: the same scan polled twice, or pushed and polled. */
export function trackingEventKey(event: TrackingEvent): string {
  return [event.carrier, event.trackingNumber.toUpperCase(), event.carrierCode.toUpperCase(), instant(event)].join("|");
}

export function compareTrackingEvents(a: TrackingEvent, b: TrackingEvent): number {
  return (
    instant(a) - instant(b) ||
    LIFECYCLE_ORDER[a.status] - LIFECYCLE_ORDER[b.status] ||
    a.carrierCode.localeCompare(b.carrierCode)
  );
}

/** Events ordered by when they happened (not when they arrived), oldest first. */
export function sortTrackingEvents(events: readonly TrackingEvent[]): TrackingEvent[] {
  return [...events].sort(compareTrackingEvents);
}

/**
 * The stored timeline plus newly received events: duplicates (same carrier, number, code and
 * time) dropped, the stored copy kept, and everything ordered by event time.
 */
export function mergeTrackingEvents(
  existing: readonly TrackingEvent[],
  incoming: readonly TrackingEvent[],
): TrackingEvent[] {
  const byKey = new Map<string, TrackingEvent>();
  for (const event of [...existing, ...incoming]) {
    const key = trackingEventKey(event);
    if (!byKey.has(key)) byKey.set(key, event);
  }
  return sortTrackingEvents([...byKey.values()]);
}

/** Only the incoming events the timeline did not have yet (what to store and notify about). */
export function newTrackingEvents(
  existing: readonly TrackingEvent[],
  incoming: readonly TrackingEvent[],
): TrackingEvent[] {
  const seen = new Set(existing.map(trackingEventKey));
  const fresh: TrackingEvent[] = [];
  for (const event of sortTrackingEvents(incoming)) {
    const key = trackingEventKey(event);
    if (seen.has(key)) continue;
    seen.add(key);
    fresh.push(event);
  }
  return fresh;
}

/**
 * The parcel's status now. Returned-to-sender is terminal; a delivery stands against any scan
 * that arrives later (a late in-transit scan from a hub, or a feed whose clock is off); otherwise
 * the latest event by time decides. Null before the first event.
 */
export function currentTrackingStatus(events: readonly TrackingEvent[]): TrackingStatus | null {
  if (events.length === 0) return null;
  const sorted = sortTrackingEvents(events);
  if (sorted.some((event) => event.status === "returned_to_sender")) return "returned_to_sender";
  if (sorted.some((event) => event.status === "delivered")) return "delivered";
  return sorted.at(-1)!.status;
}

/** The event that set the current status (the first delivery, the return, or the latest event). */
export function currentTrackingEvent(events: readonly TrackingEvent[]): TrackingEvent | null {
  const status = currentTrackingStatus(events);
  if (status === null) return null;
  const sorted = sortTrackingEvents(events);
  if (status === "returned_to_sender" || status === "delivered") return sorted.find((e) => e.status === status)!;
  return sorted.at(-1)!;
}
