import { ORDER_FLOW } from "@crossflow/i18n";

export const FLOW = ORDER_FLOW as readonly string[];

export interface Progress {
  /** Index in FLOW of the stage to highlight. */
  current: number;
  state: "normal" | "on_hold" | "stopped";
  /** The last stage is done, not in progress. */
  complete: boolean;
}

/** Where an order is on the happy path, and how to colour it. */
export function progressOf(order: { status: string; timeline: ReadonlyArray<{ status: string }> }): Progress {
  const index = FLOW.indexOf(order.status);
  if (index >= 0) return { current: index, state: "normal", complete: order.status === "delivered" };
  // Off the happy path (on hold, cancelled, returned): it stopped after the furthest stage
  // the timeline reached.
  const reached = Math.max(-1, ...order.timeline.map((event) => FLOW.indexOf(event.status)));
  const next = Math.min(reached + 1, FLOW.length - 1);
  return { current: next, state: order.status === "on_hold" ? "on_hold" : "stopped", complete: false };
}
