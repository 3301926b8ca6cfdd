import { describe, expect, it } from "vitest";
import { availableToSell, checkStockPolicy } from "./available-to-sell";

describe("availableToSell", () => {
  it("is on hand minus reserved minus the channel's buffer", () => {
    expect(availableToSell({ onHand: 10, reserved: 3 })).toBe(7);
    expect(availableToSell({ onHand: 10, reserved: 3 }, { safetyBuffer: 2 })).toBe(5);
  });
  it("never goes below zero", () => {
    expect(availableToSell({ onHand: 2, reserved: 2 }, { safetyBuffer: 5 })).toBe(0);
    expect(availableToSell({ onHand: 1, reserved: 4 })).toBe(0);
  });
  it("applies the percentage (rounded down) and then the cap", () => {
    expect(availableToSell({ onHand: 9, reserved: 0 }, { percentage: 50 })).toBe(4);
    expect(availableToSell({ onHand: 100, reserved: 0 }, { percentage: 50, cap: 20 })).toBe(20);
    expect(availableToSell({ onHand: 100, reserved: 10 }, { safetyBuffer: 10, percentage: 25 })).toBe(20);
  });
  it("names the field of a bad policy", () => {
    expect(checkStockPolicy({ percentage: 120, safetyBuffer: -1 }).map((i) => i.path)).toEqual([
      "safetyBuffer",
      "percentage",
    ]);
    expect(checkStockPolicy({ cap: 5 })).toEqual([]);
  });
});
