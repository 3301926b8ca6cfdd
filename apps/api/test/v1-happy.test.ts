import { auditTrail, withTenant } from "@crossflow/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, json, sampleOrder, sampleProduct, sampleWarehouse } from "./harness";

let h: Harness;
let warehouseId: string;

beforeAll(async () => {
  h = await createHarness({ maxBodyBytes: 64 * 1024 });
});
afterAll(async () => {
  await h?.close();
});

type Obj = Record<string, unknown>;

describe("catalog, warehouses and inventory", () => {
  it("creates a product and reads it back by SKU", async () => {
    const res = await h.call("POST", "/v1/products", { body: sampleProduct() });
    expect(res.status).toBe(201);
    const got = await json<Obj>(await h.call("GET", "/v1/products/TEE-RED-M"));
    expect(got).toMatchObject({ ...sampleProduct(), id: expect.stringMatching(/^prd_/) });
  });

  it("updates an existing SKU instead of duplicating it", async () => {
    const res = await h.call("POST", "/v1/products", { body: { ...sampleProduct(), title: "Renamed tee" } });
    expect(res.status).toBe(200);
    const product = await json<Obj & { id: string }>(await h.call("GET", "/v1/products/TEE-RED-M"));
    expect(product.title).toBe("Renamed tee");
    const trail = await withTenant(h.t.db, h.a.tenantId, (tx) => auditTrail(tx, "product", product.id));
    expect(trail.map((e) => e.action)).toEqual(["product.updated", "product.created"]);
    expect(trail[0]).toMatchObject({ before: { title: "Cotton T-shirt red M" }, after: { title: "Renamed tee" } });
    expect(trail[0]!.actor).toMatch(/^api_key:key_/);
  });

  it("answers 404 for an unknown SKU", async () => {
    expect((await h.call("GET", "/v1/products/NOPE")).status).toBe(404);
  });

  it("creates warehouses and refuses a duplicate code with 409", async () => {
    const res = await h.call("POST", "/v1/warehouses", { body: sampleWarehouse() });
    expect(res.status).toBe(201);
    warehouseId = (await json<{ id: string }>(res)).id;
    expect(warehouseId).toMatch(/^wh_/);
    const dup = await h.call("POST", "/v1/warehouses", { body: sampleWarehouse() });
    expect(dup.status).toBe(409);
    const list = await json<{ data: Obj[] }>(await h.call("GET", "/v1/warehouses"));
    expect(list.data).toHaveLength(1);
    expect(list.data[0]).toMatchObject({ code: "SZX1", country: "CN", kind: "own" });
  });

  it("adjusts stock and reports it per warehouse", async () => {
    const res = await h.call("POST", "/v1/inventory/adjustments", {
      body: { sku: "TEE-RED-M", warehouseId, delta: 10, reason: "receipt" },
    });
    expect(res.status).toBe(201);
    expect(await json(await h.call("GET", "/v1/inventory?sku=TEE-RED-M"))).toEqual({
      sku: "TEE-RED-M",
      onHand: 10,
      reserved: 0,
      available: 10,
      warehouses: [{ warehouseId, onHand: 10, reserved: 0, available: 10 }],
    });
  });

  it("refuses to take stock below zero (409) and keeps the level", async () => {
    const res = await h.call("POST", "/v1/inventory/adjustments", {
      body: { sku: "TEE-RED-M", warehouseId, delta: -11, reason: "count" },
    });
    expect(res.status).toBe(409);
    expect((await json<{ error: { code: string } }>(res)).error.code).toBe("insufficient_stock");
    expect((await json<Obj>(await h.call("GET", "/v1/inventory?sku=TEE-RED-M"))).onHand).toBe(10);
  });
});

describe("orders", () => {
  let orderId: string;

  it("creates an order, starts the pipeline and returns it with its timeline", async () => {
    const res = await h.call("POST", "/v1/orders", { body: sampleOrder() });
    expect(res.status).toBe(202);
    const order = await json<Obj & { id: string; timeline: Obj[] }>(res);
    orderId = order.id;
    expect(order).toMatchObject({
      status: "received",
      currency: "EUR",
      subtotal: 3998,
      shippingPaid: 499,
      total: 4497,
      channel: "api",
      externalId: "A-1001",
    });
    expect(order.timeline[0]).toMatchObject({ status: "received" });
    expect(h.events).toContainEqual(
      expect.objectContaining({ name: "order/received", data: { tenantId: h.a.tenantId, orderId } }),
    );
  });

  it("never creates the same externalId twice", async () => {
    const res = await h.call("POST", "/v1/orders", { body: sampleOrder() });
    expect(res.status).toBe(200);
    expect((await json<{ id: string }>(res)).id).toBe(orderId);
    const list = await json<{ data: Obj[] }>(await h.call("GET", "/v1/orders"));
    expect(list.data.filter((o) => o.externalId === "A-1001")).toHaveLength(1);
  });

  it("lists with filters and a cursor that visits every order once", async () => {
    for (let i = 0; i < 5; i++) {
      await h.call("POST", "/v1/orders", {
        body: {
          ...sampleOrder(`P-${i}`),
          shippingAddress: {
            ...sampleOrder().shippingAddress,
            country: i % 2 ? "FR" : "DE",
            postalCode: "75011",
            city: "Paris",
          },
        },
      });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { data: Array<{ id: string }>; nextCursor: string | null } = await json(
        await h.call("GET", `/v1/orders?limit=2${cursor ? `&cursor=${cursor}` : ""}`),
      );
      expect(page.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.data.map((o) => o.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(6);
    expect(new Set(seen).size).toBe(6);
    const french = await json<{ data: Obj[] }>(await h.call("GET", "/v1/orders?country=FR"));
    expect(french.data).toHaveLength(2);
    expect((await h.call("GET", "/v1/orders?status=teleported")).status).toBe(400);
  });

  it("cancels an order, and refuses nothing on a second cancel", async () => {
    const res = await h.call("POST", `/v1/orders/${orderId}/cancel`, { body: { reason: "customer changed mind" } });
    expect(res.status).toBe(200);
    const order = await json<{ status: string; timeline: Array<{ status: string; message: string }> }>(res);
    expect(order.status).toBe("cancelled");
    expect(order.timeline.at(-1)?.message).toContain("customer changed mind");
    expect((await h.call("POST", `/v1/orders/${orderId}/cancel`)).status).toBe(200);
  });
});

describe("Idempotency-Key", () => {
  it("replays the first answer for the same key and body, and does the work once", async () => {
    const body = { sku: "TEE-RED-M", warehouseId, delta: 3, reason: "receipt" };
    const first = await h.call("POST", "/v1/inventory/adjustments", { body, headers: { "idempotency-key": "adj-1" } });
    const second = await h.call("POST", "/v1/inventory/adjustments", { body, headers: { "idempotency-key": "adj-1" } });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(await json(second)).toEqual(await json(first));
    expect((await json<Obj>(await h.call("GET", "/v1/inventory?sku=TEE-RED-M"))).onHand).toBe(13);
  });

  it("answers 409 when the key is reused with another body", async () => {
    const res = await h.call("POST", "/v1/inventory/adjustments", {
      body: { sku: "TEE-RED-M", warehouseId, delta: 4, reason: "receipt" },
      headers: { "idempotency-key": "adj-1" },
    });
    expect(res.status).toBe(409);
    expect((await json<{ error: { code: string } }>(res)).error.code).toBe("idempotency_key_reused");
  });

  it("keeps keys per tenant", async () => {
    const res = await h.call("POST", "/v1/products", {
      key: h.b.apiKey,
      body: sampleProduct("B-X"),
      headers: { "idempotency-key": "adj-1" },
    });
    expect(res.status).toBe(201);
  });
});

describe("rate quotes", () => {
  const body = {
    origin: { country: "CN", postalCode: "518000" },
    destination: { country: "DE", postalCode: "10115" },
    currency: "EUR",
    parcels: [{ weightGrams: 800, dimensionsMm: { length: 300, width: 200, height: 100 } }],
  };

  it("returns carrier options best first with price, transit days and CO2e", async () => {
    const res = await h.call("POST", "/v1/quotes/rates", { body });
    expect(res.status).toBe(200);
    const result = await json<{
      options: Array<{
        carrier: string;
        price: number;
        currency: string;
        transitDays: number;
        co2eGrams: number;
        reason: string;
      }>;
      excluded: Array<{ carrier: string }>;
    }>(res);
    expect(result.options.length).toBeGreaterThan(3);
    for (const o of result.options) {
      expect(o).toMatchObject({ currency: "EUR", reason: expect.any(String) });
      expect(Number.isInteger(o.price) && o.price > 0).toBe(true);
      expect(o.transitDays).toBeGreaterThan(0);
      expect(o.co2eGrams).toBeGreaterThan(0);
    }
    expect(result.excluded.some((e) => e.carrier === "usps")).toBe(true);
    const cheapestFirst = await json<{ options: Array<{ price: number }> }>(
      await h.call("POST", "/v1/quotes/rates", { body: { ...body, objective: { cost: 1, speed: 0, carbon: 0 } } }),
    );
    const prices = cheapestFirst.options.map((o) => o.price);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
  });

  it("names the field of a bad parcel", async () => {
    const res = await h.call("POST", "/v1/quotes/rates", {
      body: { ...body, parcels: [{ weightGrams: -1, dimensionsMm: { length: 1, width: 1, height: 1 } }] },
    });
    expect(res.status).toBe(400);
    expect((await json<{ error: { details: Array<{ path: string }> } }>(res)).error.details[0]?.path).toBe(
      "parcels.0.weightGrams",
    );
  });
});

describe("edges", () => {
  it("answers 413 for an oversized body", async () => {
    const res = await h.call("POST", "/v1/products", { body: { ...sampleProduct(), title: "x".repeat(70 * 1024) } });
    expect(res.status).toBe(413);
    expect((await json<{ error: { code: string } }>(res)).error.code).toBe("payload_too_large");
  });

  it("publishes an OpenAPI document and a readable reference", async () => {
    const doc = await json<{ openapi: string; paths: Record<string, unknown> }>(
      await h.app.request("/v1/openapi.json"),
    );
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/products",
        "/products/{sku}",
        "/warehouses",
        "/inventory",
        "/inventory/adjustments",
        "/orders",
        "/orders/{id}",
        "/orders/{id}/cancel",
      ]),
    );
    const page = await (await h.app.request("/v1/docs")).text();
    expect(page).toContain("/v1/orders/{id}/cancel");
    expect(page).toContain("shippingAddress.country");
  });

  it("reports health with the database", async () => {
    const res = await h.app.request("/healthz");
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({ status: "ok", database: "up" });
  });

  it("answers unknown routes with the error envelope", async () => {
    const res = await h.app.request("/v1/nothing-here", { headers: { authorization: `Bearer ${h.a.apiKey}` } });
    expect(res.status).toBe(404);
    expect((await json<{ error: { code: string } }>(res)).error.code).toBe("not_found");
  });
});
