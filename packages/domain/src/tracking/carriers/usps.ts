import type { TrackingCodeTable } from "../types";

/**
 * USPS tracking event codes (`trackingEvents[].eventCode` in the v3 Tracking API; the same
 * codes as the Web Tools TrackV2 list). International customs events come without a stable
 * code of their own, so their text decides (held → customs hold, routine → in transit).
 */
export const USPS_TRACKING_CODES: TrackingCodeTable = {
  MA: { status: "info_received", label: "Pre-shipment info sent to USPS, USPS awaiting item" },
  GX: { status: "info_received", label: "Shipping label created, USPS awaiting item" },
  "03": { status: "in_transit", label: "Accepted at USPS origin facility" },
  OA: { status: "in_transit", label: "USPS in possession of item" },
  "10": { status: "in_transit", label: "Processed through USPS facility", refineByText: true },
  "07": { status: "in_transit", label: "Arrived at post office" },
  "06": { status: "in_transit", label: "Forwarded" },
  "08": { status: "in_transit", label: "Missent" },
  PC: { status: "in_transit", label: "Sorting complete" },
  T1: { status: "in_transit", label: "In transit to next facility" },
  U1: { status: "in_transit", label: "Arrived at USPS regional facility" },
  L1: { status: "in_transit", label: "Departed USPS regional facility" },
  SF: { status: "in_transit", label: "Departed post office" },
  "80": { status: "in_transit", label: "Picked up by shipping partner" },
  "81": { status: "in_transit", label: "Arrived at shipping partner facility" },
  "82": { status: "in_transit", label: "Departed shipping partner facility" },
  OF: { status: "out_for_delivery", label: "Out for delivery" },
  "14": { status: "out_for_delivery", label: "Arrived at pickup point" },
  "16": { status: "out_for_delivery", label: "Available for pickup" },
  "01": { status: "delivered", label: "Delivered" },
  "17": { status: "delivered", label: "Picked up at postal facility" },
  "02": {
    status: "failed_attempt",
    label: "Notice left (no authorized recipient available)",
    reason: "recipient_unavailable",
  },
  "51": { status: "failed_attempt", label: "Business closed", reason: "recipient_unavailable" },
  "52": { status: "failed_attempt", label: "Notice left (receptacle full / item oversized)", reason: "other" },
  "53": {
    status: "failed_attempt",
    label: "Notice left (no secure location available)",
    reason: "recipient_unavailable",
  },
  "04": { status: "failed_attempt", label: "Refused", reason: "refused" },
  "05": { status: "exception", label: "Undeliverable as addressed", reason: "bad_address" },
  "21": { status: "exception", label: "No such number", reason: "bad_address" },
  "22": { status: "exception", label: "Insufficient address", reason: "bad_address" },
  "23": { status: "exception", label: "Moved, left no address", reason: "bad_address" },
  "25": { status: "exception", label: "Addressee unknown", reason: "bad_address" },
  "26": { status: "exception", label: "Vacant", reason: "bad_address" },
  "11": { status: "exception", label: "Dead letter", reason: "lost" },
  "09": { status: "returned_to_sender", label: "Return to sender" },
  "27": { status: "returned_to_sender", label: "Unclaimed, being returned to sender" },
  "29": { status: "returned_to_sender", label: "Return to sender, not picked up" },
  "44": { status: "returned_to_sender", label: "Customer recall" },
};
