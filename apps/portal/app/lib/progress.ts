// The shopper's progress view: five stages a parcel goes through, whatever the carrier, and
// the states that need explaining (customs hold, a missed delivery, a problem, a return).

export const STAGES = ["ordered", "shipped", "in_transit", "out_for_delivery", "delivered"] as const;
export type Stage = (typeof STAGES)[number];

export type Headline =
  | "ordered"
  | "preparing"
  | "shipped"
  | "in_transit"
  | "customs_hold"
  | "out_for_delivery"
  | "failed_attempt"
  | "delivered"
  | "exception"
  | "returned_to_sender"
  | "on_hold"
  | "cancelled"
  | "returned";

/** A state the shopper should understand, with what it means and what to do. */
export type Attention =
  | "customs_hold"
  | "failed_attempt"
  | "exception"
  | "returned_to_sender"
  | "on_hold"
  | "cancelled"
  | "returned";

export interface Progress {
  /** Index in STAGES of the stage reached. */
  current: number;
  state: "normal" | "attention" | "stopped";
  complete: boolean;
  headline: Headline;
  attention: Attention | null;
}

interface Shipmentish {
  status: string | null;
}

const NOT_YET_SHIPPED = new Set([
  "received",
  "payment_verified",
  "screened",
  "allocated",
  "documented",
  "label_created",
]);

/** Where the order is, from the order status and the carrier's latest tracking status. */
export function progressOf(order: { status: string; shipments: readonly Shipmentish[] }): Progress {
  const at = (current: number, headline: Headline, attention: Attention | null = null): Progress => ({
    current,
    state: attention ? (attention === "cancelled" || attention === "returned" ? "stopped" : "attention") : "normal",
    complete: headline === "delivered",
    headline,
    attention,
  });
  if (order.status === "cancelled") return at(0, "cancelled", "cancelled");
  if (order.status === "returned") return at(4, "returned", "returned");
  if (order.status === "on_hold") return at(0, "on_hold", "on_hold");
  const tracking = order.shipments.find((s) => s.status)?.status ?? null;
  if (order.status === "delivered" || tracking === "delivered") return at(4, "delivered");
  switch (tracking) {
    case "out_for_delivery":
      return at(3, "out_for_delivery");
    case "failed_attempt":
      return at(3, "failed_attempt", "failed_attempt");
    case "customs_hold":
      return at(2, "customs_hold", "customs_hold");
    case "exception":
      return at(2, "exception", "exception");
    case "returned_to_sender":
      return at(2, "returned_to_sender", "returned_to_sender");
    case "in_transit":
      return at(order.status === "handed_over" ? 1 : 2, order.status === "handed_over" ? "shipped" : "in_transit");
  }
  if (order.status === "in_transit") return at(2, "in_transit");
  if (order.status === "handed_over") return at(1, "shipped");
  if (NOT_YET_SHIPPED.has(order.status))
    return at(0, order.status === "received" || order.status === "payment_verified" ? "ordered" : "preparing");
  return at(0, "ordered");
}
