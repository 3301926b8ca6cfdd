import type { TrackingCodeTable } from "../types";

/** The demo carrier's own codes (packages/integrations/src/carriers/demo). */
export const DEMO_TRACKING_CODES: TrackingCodeTable = {
  IR: { status: "info_received", label: "Shipment information received" },
  PU: { status: "in_transit", label: "Picked up" },
  DF: { status: "in_transit", label: "Departed origin facility" },
  AF: { status: "in_transit", label: "Arrived at destination hub" },
  CH: { status: "customs_hold", label: "Held by customs: import documents under review", reason: "customs" },
  CR: { status: "in_transit", label: "Released by customs" },
  AR: { status: "in_transit", label: "Arrived at delivery facility" },
  OD: { status: "out_for_delivery", label: "Out for delivery" },
  FA: {
    status: "failed_attempt",
    label: "Delivery attempted: recipient not available",
    reason: "recipient_unavailable",
  },
  DL: { status: "delivered", label: "Delivered" },
};
