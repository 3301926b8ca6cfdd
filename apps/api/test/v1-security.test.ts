import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, json, sampleOrder, sampleProduct, sampleWarehouse } from "./harness";

// The shared security suite: every /v1 route refuses a missing or wrong key (401), treats
// another tenant's resources as nonexistent (404), and names the field of a bad body (400).

let h: Harness;
const bIds: Record<string, string> = {};

beforeAll(async () => {
  h = await createHarness();
  const asB = (method: string, path: string, body?: unknown) => h.call(method, path, { key: h.b.apiKey, body });
  await asB("POST", "/v1/products", sampleProduct("B-ONLY"));
  const wh = await json<{ id: string }>(await asB("POST", "/v1/warehouses", sampleWarehouse("BWH")));
  bIds.warehouse = wh.id;
  await asB("POST", "/v1/inventory/adjustments", { sku: "B-ONLY", warehouseId: wh.id, delta: 5, reason: "receipt" });
  const order = await json<{ id: string }>(await asB("POST", "/v1/orders", sampleOrder("B-1", "B-ONLY", 1)));
  bIds.order = order.id;
});

afterAll(async () => {
  await h?.close();
});

interface RouteCase {
  name: string;
  method: string;
  path: () => string;
  body?: () => unknown;
  badBody?: { body: unknown; field: string };
  otherTenant?: { path?: () => string; body?: () => unknown };
}

const routes: RouteCase[] = [
  {
    name: "create product",
    method: "POST",
    path: () => "/v1/products",
    body: () => sampleProduct("X-1"),
    badBody: { body: { ...sampleProduct(), hsCode: "12" }, field: "hsCode" },
  },
  {
    name: "get product",
    method: "GET",
    path: () => "/v1/products/TEE-RED-M",
    otherTenant: { path: () => "/v1/products/B-ONLY" },
  },
  {
    name: "create warehouse",
    method: "POST",
    path: () => "/v1/warehouses",
    body: () => sampleWarehouse("W-SEC"),
    badBody: {
      body: { ...sampleWarehouse(), address: { ...sampleWarehouse().address, country: "Germany" } },
      field: "address.country",
    },
  },
  { name: "list warehouses", method: "GET", path: () => "/v1/warehouses" },
  { name: "get inventory", method: "GET", path: () => "/v1/inventory?sku=TEE-RED-M" },
  {
    name: "adjust inventory",
    method: "POST",
    path: () => "/v1/inventory/adjustments",
    body: () => ({ sku: "TEE-RED-M", warehouseId: bIds.warehouse, delta: 1, reason: "receipt" }),
    badBody: { body: { sku: "TEE-RED-M", warehouseId: "wh_x", delta: 1.5, reason: "receipt" }, field: "delta" },
    otherTenant: { body: () => ({ sku: "B-ONLY", warehouseId: bIds.warehouse, delta: -5, reason: "theft" }) },
  },
  {
    name: "create order",
    method: "POST",
    path: () => "/v1/orders",
    body: () => sampleOrder("SEC-1"),
    badBody: {
      body: { ...sampleOrder(), lines: [{ sku: "TEE-RED-M", quantity: 1, unitPrice: 19.99 }] },
      field: "lines.0.unitPrice",
    },
  },
  { name: "list orders", method: "GET", path: () => "/v1/orders" },
  {
    name: "rate quotes",
    method: "POST",
    path: () => "/v1/quotes/rates",
    body: () => ({
      origin: { country: "CN" },
      destination: { country: "DE" },
      currency: "EUR",
      parcels: [{ weightGrams: 500, dimensionsMm: { length: 100, width: 100, height: 100 } }],
    }),
    badBody: {
      body: { origin: { country: "CN" }, destination: { country: "XX" }, currency: "EUR", parcels: [] },
      field: "destination.country",
    },
  },
  {
    name: "landed-cost quotes",
    method: "POST",
    path: () => "/v1/quotes/landed-cost",
    body: () => ({
      origin: "CN",
      destination: "DE",
      incoterm: "DDP",
      currency: "EUR",
      shipping: 500,
      lines: [{ hsCode: "610910", value: 2000, quantity: 1, weightGrams: 200, originCountry: "CN" }],
    }),
    badBody: {
      body: {
        origin: "CN",
        destination: "DE",
        incoterm: "DDP",
        currency: "EUR",
        shipping: 500,
        lines: [{ hsCode: "610910", value: 20.0001, quantity: 1, weightGrams: 200, originCountry: "CN" }],
      },
      field: "lines.0.value",
    },
  },
  {
    name: "get order",
    method: "GET",
    path: () => "/v1/orders/ord_00000000000000000000000000",
    otherTenant: { path: () => `/v1/orders/${bIds.order}` },
  },
  {
    name: "cancel order",
    method: "POST",
    path: () => "/v1/orders/ord_00000000000000000000000000/cancel",
    otherTenant: { path: () => `/v1/orders/${bIds.order}/cancel` },
  },
];

describe.each(routes)("$method $name", (route) => {
  it("refuses a request without credentials (401)", async () => {
    const res = await h.call(route.method, route.path(), { key: null, body: route.body?.() });
    expect(res.status).toBe(401);
    expect((await json<{ error: { code: string } }>(res)).error.code).toBe("unauthorized");
  });

  it("refuses an unknown API key (401)", async () => {
    const res = await h.call(route.method, route.path(), {
      key: `${h.a.apiKey.slice(0, -4)}AAAA`,
      body: route.body?.(),
    });
    expect(res.status).toBe(401);
  });

  if (route.otherTenant) {
    const other = route.otherTenant;
    it("answers 404 for another tenant's resource and leaves it untouched", async () => {
      const res = await h.call(route.method, other.path?.() ?? route.path(), {
        body: other.body?.() ?? route.body?.(),
      });
      expect(res.status).toBe(404);
      expect((await json<{ error: { code: string } }>(res)).error.code).toBe("not_found");
      const bOrder = await json<{ status: string }>(
        await h.call("GET", `/v1/orders/${bIds.order}`, { key: h.b.apiKey }),
      );
      expect(bOrder.status).not.toBe("cancelled");
      const bStock = await json<{ onHand: number }>(
        await h.call("GET", "/v1/inventory?sku=B-ONLY", { key: h.b.apiKey }),
      );
      expect(bStock.onHand).toBe(5);
    });
  }

  if (route.badBody) {
    const bad = route.badBody;
    it(`answers 400 naming ${bad.field} for a bad body`, async () => {
      const res = await h.call(route.method, route.path(), { body: bad.body });
      expect(res.status).toBe(400);
      const body = await json<{ error: { code: string; details: Array<{ path: string }> } }>(res);
      expect(body.error.code).toBe("validation_failed");
      expect(body.error.details.map((d) => d.path)).toContain(bad.field);
    });

    it("answers 400 for a body that is not JSON", async () => {
      const res = await h.call(route.method, route.path(), {
        raw: "{not json",
        headers: { "content-type": "application/json" },
      });
      expect(res.status).toBe(400);
      expect((await json<{ error: { code: string } }>(res)).error.code).toBe("invalid_json");
    });
  }
});

describe("tenant isolation in lists", () => {
  it("never lists another tenant's orders or warehouses", async () => {
    const orders = await json<{ data: Array<{ id: string }> }>(await h.call("GET", "/v1/orders"));
    expect(orders.data.map((o) => o.id)).not.toContain(bIds.order);
    const warehouses = await json<{ data: Array<{ id: string }> }>(await h.call("GET", "/v1/warehouses"));
    expect(warehouses.data.map((w) => w.id)).not.toContain(bIds.warehouse);
    const inventory = await json<{ onHand: number }>(await h.call("GET", "/v1/inventory?sku=B-ONLY"));
    expect(inventory.onHand).toBe(0);
  });
});
