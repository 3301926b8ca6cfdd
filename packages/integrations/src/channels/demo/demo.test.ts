import { isCountry, toNewOrder } from "@crossflow/domain";
import { describe, expect, it } from "vitest";
import { createDemoAdapter, mapDemoOrder } from "./adapter";
import { generateDemoOrders } from "./generate";

const NOW = new Date("2025-03-16T12:00:00Z");
const connection = (settings: Record<string, unknown> = {}) => ({ id: "con_demo", credentials: {}, settings });

describe("demo channel adapter", () => {
  it("generates the next orders on each pull, deterministic for a seed", async () => {
    const adapter = createDemoAdapter({ now: () => NOW });
    const first = await adapter.pullOrders!(connection({ ordersPerPull: 3, seed: 7 }), { cursor: null });
    expect(first.nextCursor).toBe("1004");
    expect(first.orders.map((o) => (o as { externalId: string }).externalId)).toEqual([
      "DEMO-1001",
      "DEMO-1002",
      "DEMO-1003",
    ]);
    const second = await adapter.pullOrders!(connection({ ordersPerPull: 3, seed: 7 }), { cursor: first.nextCursor });
    expect(second.orders.map((o) => (o as { externalId: string }).externalId)).toEqual([
      "DEMO-1004",
      "DEMO-1005",
      "DEMO-1006",
    ]);
    const again = await createDemoAdapter({ now: () => NOW }).pullOrders!(connection({ ordersPerPull: 3, seed: 7 }), {
      cursor: "1004",
    });
    expect(again.orders).toEqual(second.orders);
    const otherSeed = await adapter.pullOrders!(connection({ ordersPerPull: 3, seed: 8 }), { cursor: null });
    expect(otherSeed.orders).not.toEqual(first.orders);
  });

  it("reaches about twenty countries and maps every order, also after a JSON round trip", async () => {
    const adapter = createDemoAdapter({ now: () => NOW });
    const pulled = await adapter.pullOrders!(connection({ ordersPerPull: 300 }), { cursor: null });
    const countries = new Set<string>();
    for (const payload of pulled.orders) {
      const result = adapter.mapOrder(JSON.parse(JSON.stringify(payload)));
      if (!result.ok) throw new Error(JSON.stringify(result.errors));
      countries.add(result.order.shippingAddress.country);
      expect(isCountry(result.order.shippingAddress.country)).toBe(true);
    }
    expect(countries.size).toBeGreaterThanOrEqual(18);
  });

  it("maps a generated order exactly", () => {
    const [demo] = generateDemoOrders(1, { seed: 3, startNumber: 5000, now: NOW });
    const result = mapDemoOrder(demo);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const intake = toNewOrder(result.order);
    expect(intake).toEqual({
      channel: "demo",
      externalId: "DEMO-5000",
      currency: demo!.currency,
      customer: { ...demo!.customer },
      shippingAddress: { ...demo!.shippingAddress },
      billingAddress: null,
      lines: demo!.lines.map((l) => ({ ...l, title: expect.any(String) })),
      shippingPaid: demo!.shippingPaid,
      payment: demo!.payment,
      placedAt: demo!.placedAt,
    });
    expect(result.order.flags).toEqual({ test: true });
  });

  it("remembers what the demo storefront was told", async () => {
    const adapter = createDemoAdapter({ now: () => NOW });
    await adapter.pushStock!(connection(), [
      { sku: "TEE-RED-M", available: 4 },
      { sku: "MUG-BLK", available: -3 },
    ]);
    const shipped = await adapter.confirmShipment!(connection(), {
      externalId: "DEMO-1001",
      carrier: "DHL Express",
      trackingNumber: "JD014600003828",
      lines: [{ sku: "TEE-RED-M", quantity: 1 }],
    });
    expect(shipped).toEqual({ reference: "demo-fulfillment-1" });
    const state = adapter.storefront("con_demo");
    expect(Object.fromEntries(state.stock)).toEqual({ "TEE-RED-M": 4, "MUG-BLK": 0 });
    expect(state.shipments).toMatchObject([{ externalId: "DEMO-1001", trackingNumber: "JD014600003828", at: NOW }]);
  });

  it("rejects a demo payload that lost its fields", () => {
    expect(mapDemoOrder({ externalId: "DEMO-1", currency: "EUR", lines: [] })).toMatchObject({ ok: false });
  });
});
