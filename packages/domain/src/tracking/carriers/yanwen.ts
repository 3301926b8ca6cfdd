import type { TrackingCodeMeaning, TrackingCodeTable } from "../types";

/**
 * Yanwen tracking statuses (api.track.yw56.com.cn `checkpoints[].tracking_status`). Import
 * clearance in progress (S303, IC50) is routine; IC51/IC70 are clearance failures (a hold).
 */
export const YANWEN_TRACKING_CODES: TrackingCodeTable = {
  OR10: { status: "in_transit", label: "Received at Yanwen operation center" },
  PU10: { status: "in_transit", label: "Picked up by Yanwen" },
  PU30: { status: "exception", label: "Pickup failed", reason: "other" },
  EC30: { status: "exception", label: "Export customs declaration failed", reason: "customs" },
  LH20: { status: "in_transit", label: "Flight departed" },
  S303: { status: "in_transit", label: "Import clearance in progress" },
  IC50: { status: "in_transit", label: "Import clearance started" },
  IC51: { status: "customs_hold", label: "Import clearance exception", reason: "customs" },
  IC60: { status: "in_transit", label: "Import clearance completed" },
  IC70: { status: "customs_hold", label: "Held by customs", reason: "customs" },
  LM10: { status: "in_transit", label: "Arrived in destination country" },
  LM20: { status: "in_transit", label: "Arrived at last-mile delivery unit" },
  LM25: { status: "out_for_delivery", label: "Out for delivery" },
  LM40: { status: "delivered", label: "Delivered" },
  LM50: { status: "failed_attempt", label: "Delivery failed", refineByText: true },
  LM90: { status: "returned_to_sender", label: "Returned to sender" },
};

export function yanwenStageMeaning(code: string): TrackingCodeMeaning | undefined {
  const stage = /^([A-Z]{2})\d/.exec(code)?.[1];
  if (!stage) return undefined;
  if (stage === "OR") return { status: "info_received", label: "Order information" };
  return { status: "in_transit", label: "In transit", refineByText: true };
}
