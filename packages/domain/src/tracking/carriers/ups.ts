import type { TrackingCodeTable } from "../types";

/**
 * UPS Tracking API / Track Alert: every activity has `status.type` (one letter or two), a
 * two-letter activity `code` and, in the Tracking API, a three-digit `statusCode`. The most
 * precise one known wins: statusCode, then code, then type.
 */
export const UPS_STATUS_TYPES: TrackingCodeTable = {
  M: { status: "info_received", label: "Shipment information received (manifest)" },
  MV: { status: "info_received", label: "Shipment information voided" },
  P: { status: "in_transit", label: "Picked up" },
  I: { status: "in_transit", label: "In transit", refineByText: true },
  O: { status: "out_for_delivery", label: "Out for delivery" },
  D: { status: "delivered", label: "Delivered" },
  X: { status: "exception", label: "Exception", refineByText: true },
  RS: { status: "returned_to_sender", label: "Returned to shipper" },
  DO: { status: "in_transit", label: "Delivered to origin CFS (freight)" },
  DD: { status: "in_transit", label: "Delivered to destination CFS (freight)" },
  W: { status: "in_transit", label: "Warehousing" },
  NA: { status: "in_transit", label: "Not available" },
};

export const UPS_STATUS_CODES: TrackingCodeTable = {
  "003": { status: "info_received", label: "Shipper created a label, UPS has not received the package yet" },
  "005": { status: "in_transit", label: "In transit" },
  "011": { status: "delivered", label: "Delivered" },
  "012": { status: "customs_hold", label: "Clearance in progress", reason: "customs" },
  "013": { status: "exception", label: "Exception", refineByText: true },
  "014": { status: "in_transit", label: "Clearance completed" },
  "016": { status: "exception", label: "Held in warehouse", refineByText: true },
  "017": { status: "out_for_delivery", label: "Held for customer pickup" },
  "018": { status: "in_transit", label: "Delivery change requested: hold" },
  "019": { status: "in_transit", label: "Held for future delivery" },
  "021": { status: "out_for_delivery", label: "Out for delivery" },
  "022": { status: "failed_attempt", label: "First delivery attempt made", reason: "recipient_unavailable" },
  "023": { status: "failed_attempt", label: "Second delivery attempt made", reason: "recipient_unavailable" },
  "024": { status: "failed_attempt", label: "Final delivery attempt made", reason: "recipient_unavailable" },
  "025": { status: "in_transit", label: "Transferred to local post office for delivery" },
  "026": { status: "delivered", label: "Delivered by local post office" },
  "029": { status: "returned_to_sender", label: "Returning to sender" },
  "038": { status: "in_transit", label: "Picked up" },
  "040": { status: "out_for_delivery", label: "Delivered to UPS Access Point, awaiting customer pickup" },
  "071": { status: "out_for_delivery", label: "Loaded on delivery vehicle" },
};

export const UPS_ACTIVITY_CODES: TrackingCodeTable = {
  MP: { status: "info_received", label: "Order processed: ready for UPS" },
  OR: { status: "in_transit", label: "Origin scan" },
  AR: { status: "in_transit", label: "Arrival scan" },
  DP: { status: "in_transit", label: "Departure scan" },
  EP: { status: "in_transit", label: "Export scan" },
  IP: { status: "in_transit", label: "Import scan" },
  OT: { status: "out_for_delivery", label: "Out for delivery today" },
  OF: { status: "out_for_delivery", label: "Out for delivery" },
  KB: { status: "delivered", label: "Delivered" },
  FS: { status: "delivered", label: "Delivered" },
};
