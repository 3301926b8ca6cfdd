import type { TrackingCodeMeaning, TrackingCodeTable } from "../types";

/**
 * 4PX `businessLinkCode` values (tr.order.tracking.get). The middle letter is the stage:
 * L/O order and label, C warehouse, F/M line haul, I import customs, D last mile, S signed
 * (delivered), R return. Codes not listed fall back to their stage.
 */
export const FOURPX_TRACKING_CODES: TrackingCodeTable = {
  FPX_L_RPIF: { status: "info_received", label: "Parcel information received" },
  FPX_O_IR: { status: "info_received", label: "Order received" },
  FPX_O_IRI: { status: "info_received", label: "Order information received" },
  FPX_L_SC: { status: "in_transit", label: "Shipment collected" },
  FPX_C_SPLS: { status: "in_transit", label: "Shipment picked up" },
  FPX_C_AAF: { status: "in_transit", label: "Shipment arrived at facility and measured" },
  FPX_C_ADFF: { status: "in_transit", label: "Departed from facility to service provider" },
  FPX_C_DT: { status: "exception", label: "Destroyed", reason: "other" },
  FPX_M_HA: { status: "in_transit", label: "Handed over to airline" },
  FPX_M_DFOA: { status: "in_transit", label: "Departed from origin airport" },
  FPX_M_ATA: { status: "in_transit", label: "Arrived at destination airport" },
  FPX_I_RCUK: { status: "in_transit", label: "Received by customs", refineByText: true },
  FPX_D_SD: { status: "out_for_delivery", label: "Out for delivery" },
  FPX_D_FD: { status: "failed_attempt", label: "Delivery failed", refineByText: true },
  FPX_D_UNDG: { status: "exception", label: "Undeliverable", refineByText: true },
  FPX_S_OK: { status: "delivered", label: "Delivered" },
  FPX_S_OKGP: { status: "delivered", label: "Delivered" },
  FPX_S_OKPO: { status: "delivered", label: "Delivered" },
  FPX_S_OKCC: { status: "delivered", label: "Delivered" },
  FPX_S_OKSC: { status: "delivered", label: "Delivered" },
};

const FOURPX_STAGES: Readonly<Record<string, TrackingCodeMeaning>> = {
  L: { status: "info_received", label: "Order information" },
  O: { status: "info_received", label: "Order information" },
  C: { status: "in_transit", label: "Warehouse operation", refineByText: true },
  F: { status: "in_transit", label: "Line haul", refineByText: true },
  M: { status: "in_transit", label: "Line haul", refineByText: true },
  I: { status: "in_transit", label: "Import customs", refineByText: true },
  D: { status: "in_transit", label: "Last-mile delivery", refineByText: true },
  S: { status: "delivered", label: "Delivered" },
  R: { status: "returned_to_sender", label: "Returned" },
};

export function fourPxStageMeaning(code: string): TrackingCodeMeaning | undefined {
  const stage = /^FPX_([A-Z])_/.exec(code)?.[1];
  return stage ? FOURPX_STAGES[stage] : undefined;
}
