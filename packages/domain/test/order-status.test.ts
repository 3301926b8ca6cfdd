import { describe, expect, it } from "vitest";
import {
  assertTransition,
  canTransition,
  IllegalTransitionError,
  isCancellable,
  ORDER_FLOW,
  ORDER_STATUSES,
} from "../src/order-status";

describe("order state machine", () => {
  it("allows each step of the happy path in order", () => {
    for (let i = 0; i < ORDER_FLOW.length - 1; i++) {
      const from = ORDER_FLOW[i]!;
      const to = ORDER_FLOW[i + 1]!;
      if (from === "handed_over") continue;
      expect(canTransition(from, to), `${from} → ${to}`).toBe(true);
    }
  });

  it("forbids skipping steps and leaving terminal states", () => {
    expect(canTransition("received", "allocated")).toBe(false);
    expect(() => assertTransition("cancelled", "received")).toThrow(IllegalTransitionError);
    expect(canTransition("returned", "delivered")).toBe(false);
  });

  it("lets a hold resume and be cancelled", () => {
    expect(canTransition("screened", "on_hold")).toBe(true);
    expect(canTransition("on_hold", "screened")).toBe(true);
    expect(canTransition("on_hold", "cancelled")).toBe(true);
  });

  it("only cancels orders that have not left the warehouse", () => {
    expect(isCancellable("allocated")).toBe(true);
    expect(isCancellable("in_transit")).toBe(false);
    expect(isCancellable("delivered")).toBe(false);
    expect(ORDER_STATUSES).toHaveLength(12);
  });
});
