export const ORDER_STATUSES = [
  "received",
  "payment_verified",
  "screened",
  "allocated",
  "documented",
  "label_created",
  "handed_over",
  "in_transit",
  "delivered",
  "on_hold",
  "cancelled",
  "returned",
] as const;

export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** The happy path in order; on_hold, cancelled and returned sit off to the side. */
export const ORDER_FLOW = ORDER_STATUSES.slice(0, 9) as readonly OrderStatus[];

export function isOrderStatus(value: unknown): value is OrderStatus {
  return typeof value === "string" && (ORDER_STATUSES as readonly string[]).includes(value);
}
