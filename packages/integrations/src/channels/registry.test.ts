import { describe, expect, it } from "vitest";
import { CHANNEL_ADAPTERS, channelAdapter } from "./index";

describe("channel adapter registry", () => {
  it("lists every channel under its own name", () => {
    expect(Object.keys(CHANNEL_ADAPTERS).sort()).toEqual(
      ["amazon", "api", "csv", "demo", "ebay", "shopify", "tiktok", "woocommerce"].sort(),
    );
    for (const [name, adapter] of Object.entries(CHANNEL_ADAPTERS)) expect(adapter.channel).toBe(name);
    expect(channelAdapter("toString")).toBeUndefined();
  });

  it("never throws from mapOrder, whatever it is given", () => {
    for (const adapter of Object.values(CHANNEL_ADAPTERS)) {
      for (const payload of [null, undefined, 42, "x", [], {}, { id: {}, line_items: "nope", order: 1, items: {} }]) {
        const result = adapter.mapOrder(payload);
        expect(result.ok, `${adapter.channel} ${JSON.stringify(payload)}`).toBe(false);
        if (!result.ok) expect(result.errors.length).toBeGreaterThan(0);
      }
    }
  });

  it("webhook channels verify and parse; pull channels pull", () => {
    for (const name of ["shopify", "woocommerce", "amazon", "ebay", "tiktok"]) {
      const adapter = CHANNEL_ADAPTERS[name]!;
      expect(typeof adapter.verifyWebhook, name).toBe("function");
      expect(typeof adapter.parseWebhook, name).toBe("function");
      expect(typeof adapter.pullOrders, name).toBe("function");
      expect(typeof adapter.confirmShipment, name).toBe("function");
      expect(typeof adapter.pushStock, name).toBe("function");
    }
  });
});
