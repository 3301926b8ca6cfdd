import { isCountry, isCurrency } from "@crossflow/domain";
import { describe, expect, it } from "vitest";
import { DEMO_CATALOG, generateDemoOrders, localPrice } from "../src/index";

describe("demo channel", () => {
  it("is deterministic for a seed and varies across seeds", () => {
    expect(generateDemoOrders(5, { seed: 7, now: new Date(0) })).toEqual(
      generateDemoOrders(5, { seed: 7, now: new Date(0) }),
    );
    expect(generateDemoOrders(5, { seed: 7 })[0]!.customer).not.toEqual(
      generateDemoOrders(5, { seed: 8 })[0]!.customer,
    );
  });

  it("produces well-formed orders to many countries with known SKUs", () => {
    const orders = generateDemoOrders(200);
    const skus = new Set(DEMO_CATALOG.map((p) => p.sku));
    expect(new Set(orders.map((o) => o.shippingAddress.country)).size).toBeGreaterThanOrEqual(15);
    expect(new Set(orders.map((o) => o.externalId)).size).toBe(200);
    for (const order of orders) {
      expect(isCountry(order.shippingAddress.country)).toBe(true);
      expect(isCurrency(order.currency)).toBe(true);
      expect(order.customer.email).toMatch(/^[^@\s]+@[^@\s]+\.[a-z.]+$/);
      for (const line of order.lines) {
        expect(skus.has(line.sku)).toBe(true);
        expect(Number.isInteger(line.unitPrice)).toBe(true);
        expect(line.unitPrice).toBeGreaterThan(0);
      }
    }
  });

  it("prices in the currency's minor units", () => {
    expect(localPrice(2400, "USD")).toBe(2399);
    expect(localPrice(2400, "JPY") % 10).toBe(0);
    expect(localPrice(2400, "JPY")).toBeGreaterThan(3000);
  });
});
