import type { TrackingEvent, TrackingStatus } from "./types";

/** A normalized event for tests: only what a test cares about is given. */
export function trackingEvent(
  occurredAt: string,
  status: TrackingStatus,
  overrides: Partial<TrackingEvent> = {},
): TrackingEvent {
  return {
    carrier: "dhl_express",
    trackingNumber: "1234567890",
    status,
    carrierCode: status.toUpperCase(),
    description: status.replaceAll("_", " "),
    occurredAt: new Date(occurredAt).toISOString(),
    location: {},
    ...overrides,
  };
}
