import { describe, expect, it } from "vitest";
import { progressOf } from "./progress";

const order = (status: string, tracking: string | null = null) => ({
  status,
  shipments: tracking ? [{ status: tracking }] : [],
});

describe("progressOf", () => {
  it("follows the happy path from the order and the carrier's status", () => {
    expect(progressOf(order("received"))).toMatchObject({ current: 0, headline: "ordered", state: "normal" });
    expect(progressOf(order("label_created", "info_received"))).toMatchObject({ current: 0, headline: "preparing" });
    expect(progressOf(order("handed_over", "in_transit"))).toMatchObject({ current: 1, headline: "shipped" });
    expect(progressOf(order("in_transit", "in_transit"))).toMatchObject({ current: 2, headline: "in_transit" });
    expect(progressOf(order("in_transit", "out_for_delivery"))).toMatchObject({ current: 3, attention: null });
    expect(progressOf(order("delivered", "delivered"))).toEqual({
      current: 4,
      state: "normal",
      complete: true,
      headline: "delivered",
      attention: null,
    });
  });

  it("flags customs holds and missed deliveries where they happen, with what they mean", () => {
    expect(progressOf(order("in_transit", "customs_hold"))).toMatchObject({
      current: 2,
      state: "attention",
      attention: "customs_hold",
      complete: false,
    });
    expect(progressOf(order("in_transit", "failed_attempt"))).toMatchObject({
      current: 3,
      state: "attention",
      attention: "failed_attempt",
    });
    expect(progressOf(order("in_transit", "returned_to_sender"))).toMatchObject({ attention: "returned_to_sender" });
  });

  it("stops cancelled orders and explains held ones", () => {
    expect(progressOf(order("cancelled"))).toMatchObject({ state: "stopped", attention: "cancelled" });
    expect(progressOf(order("on_hold"))).toMatchObject({ current: 0, state: "attention", attention: "on_hold" });
  });
});
