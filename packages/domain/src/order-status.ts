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

/** The happy path, in order. on_hold, cancelled and returned sit off to the side. */
export const ORDER_FLOW: readonly OrderStatus[] = ORDER_STATUSES.slice(0, 9);

const CANCELLABLE: ReadonlySet<OrderStatus> = new Set([
  "received",
  "payment_verified",
  "screened",
  "allocated",
  "documented",
  "label_created",
  "on_hold",
]);

const TRANSITIONS: Record<OrderStatus, readonly OrderStatus[]> = {
  received: ["payment_verified", "on_hold", "cancelled"],
  payment_verified: ["screened", "on_hold", "cancelled"],
  screened: ["allocated", "on_hold", "cancelled"],
  allocated: ["documented", "on_hold", "cancelled"],
  documented: ["label_created", "on_hold", "cancelled"],
  label_created: ["handed_over", "on_hold", "cancelled"],
  handed_over: ["in_transit", "delivered", "returned"],
  in_transit: ["delivered", "returned", "on_hold"],
  delivered: ["returned"],
  // Releasing a hold resumes the flow at whichever step was interrupted.
  on_hold: [
    "received",
    "payment_verified",
    "screened",
    "allocated",
    "documented",
    "label_created",
    "in_transit",
    "cancelled",
  ],
  cancelled: [],
  returned: [],
};

export function isOrderStatus(value: string): value is OrderStatus {
  return (ORDER_STATUSES as readonly string[]).includes(value);
}

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export class IllegalTransitionError extends Error {
  constructor(
    readonly from: OrderStatus,
    readonly to: OrderStatus,
  ) {
    super(`An order cannot go from ${from} to ${to}`);
  }
}

export function assertTransition(from: OrderStatus, to: OrderStatus): void {
  if (!canTransition(from, to)) throw new IllegalTransitionError(from, to);
}

export function isCancellable(status: OrderStatus): boolean {
  return CANCELLABLE.has(status);
}
