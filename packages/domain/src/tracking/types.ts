/** The one status set every carrier's events are normalized into (SPEC.md §7). */
export const TRACKING_STATUSES = [
  "info_received",
  "in_transit",
  "customs_hold",
  "out_for_delivery",
  "failed_attempt",
  "delivered",
  "exception",
  "returned_to_sender",
] as const;

export type TrackingStatus = (typeof TRACKING_STATUSES)[number];

export function isTrackingStatus(value: string): value is TrackingStatus {
  return (TRACKING_STATUSES as readonly string[]).includes(value);
}

/**
 * Why a delivery did not happen, when the carrier says so: it decides the suggested next step
 * (a recipient who was out gets a redelivery, a refusal goes back to the sender).
 */
export const TRACKING_FAILURE_REASONS = [
  "recipient_unavailable",
  "bad_address",
  "refused",
  "damaged",
  "lost",
  "customs",
  "payment_due",
  "other",
] as const;

export type TrackingFailureReason = (typeof TRACKING_FAILURE_REASONS)[number];

export interface TrackingLocation {
  city?: string;
  country?: string;
}

/** One carrier scan, normalized. `carrierCode` and `description` keep the carrier's own words. */
export interface TrackingEvent {
  /** Crossflow carrier code: "dhl_express", "ups", "fedex", "usps", "4px", "yanwen", "demo"… */
  carrier: string;
  trackingNumber: string;
  status: TrackingStatus;
  carrierCode: string;
  description: string;
  /** UTC ISO 8601 with milliseconds ("2025-03-04T05:06:07.000Z"). */
  occurredAt: string;
  location: TrackingLocation;
  /** Set for failed attempts and exceptions when the carrier's code or text tells why. */
  reason?: TrackingFailureReason;
  /** The carrier's event as received, for audit. */
  raw?: unknown;
}

/** What a carrier's code means, as listed in one of the tables under ./carriers. */
export interface TrackingCodeMeaning {
  status: TrackingStatus;
  /** The carrier's published wording, used when an event arrives without a description. */
  label: string;
  reason?: TrackingFailureReason;
  /** A generic code ("on hold", "exception"): the event's text may tell a more precise status. */
  refineByText?: true;
}

export type TrackingCodeTable = Readonly<Record<string, TrackingCodeMeaning>>;
