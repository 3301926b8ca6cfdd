import type { TrackingCodeTable } from "../types";

/**
 * DHL Express checkpoint codes (MyDHL API `events[].typeCode`, the same codes as the XML
 * toolkit's checkpoint list). CC is "awaiting consignee collection" and CR "clearance
 * release": neither is a hold. The holds are CD/UD (clearance delays) and HP (duties unpaid).
 * Routine clearance processing (IC, BN, ES) stays in transit so only real holds alert.
 */
export const DHL_EXPRESS_TRACKING_CODES: TrackingCodeTable = {
  AD: { status: "in_transit", label: "Agreed delivery" },
  AF: { status: "in_transit", label: "Arrived at DHL facility" },
  AR: { status: "in_transit", label: "Arrived at DHL delivery facility" },
  BA: { status: "failed_attempt", label: "Bad address", reason: "bad_address" },
  BL: { status: "in_transit", label: "Bond location" },
  BN: { status: "in_transit", label: "Customer broker notified" },
  BR: { status: "in_transit", label: "Broker release" },
  CA: { status: "failed_attempt", label: "Closed on arrival", reason: "recipient_unavailable" },
  CC: { status: "out_for_delivery", label: "Awaiting collection by the recipient" },
  CD: { status: "customs_hold", label: "Controllable clearance delay", reason: "customs" },
  CI: { status: "in_transit", label: "Facility check-in" },
  CM: { status: "failed_attempt", label: "Customer moved", reason: "bad_address" },
  CR: { status: "in_transit", label: "Clearance release" },
  CS: { status: "exception", label: "Closed shipment", reason: "other" },
  CU: { status: "in_transit", label: "Confirm uplift" },
  DD: { status: "delivered", label: "Delivered damaged" },
  DF: { status: "in_transit", label: "Departed facility" },
  DI: { status: "in_transit", label: "Duty invoice" },
  DM: { status: "exception", label: "Damaged", reason: "damaged" },
  DP: { status: "exception", label: "Denied parties screening", reason: "customs" },
  DS: { status: "exception", label: "Destroyed / disposal", reason: "other" },
  ES: { status: "in_transit", label: "Customs entry submitted" },
  FD: { status: "in_transit", label: "Forwarded for delivery" },
  HI: { status: "in_transit", label: "Lodged into held inventory control" },
  HN: { status: "in_transit", label: "Handover" },
  HO: { status: "in_transit", label: "Lodged out of held inventory control" },
  HP: { status: "customs_hold", label: "Held for payment of duties and taxes", reason: "payment_due" },
  IA: { status: "in_transit", label: "Image available" },
  IC: { status: "in_transit", label: "In clearance processing" },
  IR: { status: "in_transit", label: "Incorrect route" },
  LV: { status: "in_transit", label: "Loaded on vehicle" },
  MC: { status: "exception", label: "Miscode", reason: "other" },
  MD: { status: "failed_attempt", label: "Missed delivery cycle", reason: "other" },
  MS: { status: "in_transit", label: "Mis-sort" },
  NA: { status: "in_transit", label: "Not arrived" },
  ND: { status: "failed_attempt", label: "Not delivered" },
  NH: { status: "failed_attempt", label: "Not home", reason: "recipient_unavailable" },
  OH: { status: "exception", label: "Shipment on hold", refineByText: true },
  OK: { status: "delivered", label: "Delivered" },
  PD: { status: "in_transit", label: "Partial delivery" },
  PL: { status: "in_transit", label: "Processed at location" },
  PU: { status: "in_transit", label: "Shipment picked up" },
  PY: { status: "in_transit", label: "Payment" },
  RD: { status: "failed_attempt", label: "Refused delivery", reason: "refused" },
  RR: { status: "in_transit", label: "Response received" },
  RT: { status: "returned_to_sender", label: "Returned to shipper" },
  RW: { status: "in_transit", label: "Weighed and measured" },
  SA: { status: "in_transit", label: "Shipment acceptance" },
  SC: { status: "in_transit", label: "Service changed" },
  SI: { status: "in_transit", label: "Shipment inspection" },
  SM: { status: "in_transit", label: "Scheduled movement" },
  SS: { status: "exception", label: "Shipment stopped", reason: "other" },
  ST: { status: "exception", label: "Shipment intercepted", reason: "other" },
  TD: { status: "in_transit", label: "Transport delay" },
  TI: { status: "exception", label: "Trace initiated", reason: "lost" },
  TP: { status: "in_transit", label: "Forwarded to a third party" },
  TR: { status: "in_transit", label: "Record of transfer" },
  TT: { status: "exception", label: "Trace terminated", reason: "lost" },
  UD: { status: "customs_hold", label: "Uncontrollable clearance delay", reason: "customs" },
  UV: { status: "in_transit", label: "Unloaded vehicle" },
  WC: { status: "out_for_delivery", label: "With delivery courier" },
  SIR: { status: "info_received", label: "Shipment information received" },
};

/**
 * DHL's push API (Shipment Tracking – Unified) sends descriptions, not checkpoint codes. The
 * usual Express wordings map back to their checkpoint code so a pushed event and the same
 * polled event deduplicate.
 */
const DHL_EXPRESS_DESCRIPTIONS: ReadonlyArray<[RegExp, string]> = [
  [/^shipment information received/i, "SIR"],
  [/^shipment picked up/i, "PU"],
  [/^processed at/i, "PL"],
  [/^departed (from )?facility|^shipment has departed/i, "DF"],
  [/^arrived at (dhl )?(sort )?facility/i, "AF"],
  [/^arrived at (dhl )?delivery facility/i, "AR"],
  [/^(shipment is )?with (dhl )?(delivery )?courier|^out for delivery/i, "WC"],
  [/^delivered/i, "OK"],
  [/^clearance processing complete|^customs status updated.*released/i, "CR"],
  [/^returned to (shipper|consignor)/i, "RT"],
];

export function dhlExpressCodeFromDescription(description: string): string | undefined {
  return DHL_EXPRESS_DESCRIPTIONS.find(([pattern]) => pattern.test(description.trim()))?.[1];
}
