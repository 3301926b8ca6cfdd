import type { TrackingCodeTable } from "../types";

/**
 * FedEx Track API `scanEvents[].eventType` and `derivedStatusCode` (the same two-letter
 * vocabulary). DE (delivery exception) is a failed attempt unless its text says otherwise;
 * the `exceptionCode` refines why (see FEDEX_EXCEPTION_REASONS).
 */
export const FEDEX_TRACKING_CODES: TrackingCodeTable = {
  OC: { status: "info_received", label: "Shipment information sent to FedEx" },
  IN: { status: "info_received", label: "Initiated (label created)" },
  PU: { status: "in_transit", label: "Picked up" },
  PX: { status: "in_transit", label: "Picked up" },
  AP: { status: "in_transit", label: "At pickup" },
  OF: { status: "in_transit", label: "At FedEx origin facility" },
  AR: { status: "in_transit", label: "Arrived at FedEx location" },
  DP: { status: "in_transit", label: "Departed FedEx location" },
  AF: { status: "in_transit", label: "At local FedEx facility" },
  IT: { status: "in_transit", label: "In transit" },
  EA: { status: "in_transit", label: "Enroute to airport" },
  EO: { status: "in_transit", label: "Enroute to origin airport" },
  AA: { status: "in_transit", label: "At airport" },
  LO: { status: "in_transit", label: "Left origin" },
  PF: { status: "in_transit", label: "Plane in flight" },
  PL: { status: "in_transit", label: "Plane landed" },
  DS: { status: "in_transit", label: "Vehicle dispatched" },
  DY: { status: "in_transit", label: "Delay" },
  TR: { status: "in_transit", label: "Transfer" },
  CH: { status: "in_transit", label: "Location changed" },
  RR: { status: "in_transit", label: "Delivery option requested" },
  CC: { status: "in_transit", label: "International shipment release" },
  CP: { status: "in_transit", label: "Clearance in progress" },
  CD: { status: "customs_hold", label: "Clearance delay", reason: "customs" },
  OD: { status: "out_for_delivery", label: "On FedEx vehicle for delivery" },
  HL: { status: "out_for_delivery", label: "Ready for pickup at FedEx location" },
  HP: { status: "out_for_delivery", label: "Ready for recipient pickup" },
  DL: { status: "delivered", label: "Delivered" },
  DE: { status: "failed_attempt", label: "Delivery exception", refineByText: true },
  SE: { status: "exception", label: "Shipment exception", refineByText: true },
  CA: { status: "exception", label: "Shipment cancelled", reason: "other" },
  RS: { status: "returned_to_sender", label: "Return to shipper" },
};

/** FedEx `exceptionCode` values that name a delivery failure's cause. */
export const FEDEX_EXCEPTION_REASONS: Readonly<Record<string, "recipient_unavailable" | "bad_address" | "refused">> = {
  "03": "bad_address",
  "07": "refused",
  "08": "recipient_unavailable",
};
