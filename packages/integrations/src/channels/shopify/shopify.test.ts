import { createHmac } from "node:crypto";
import { toNewOrder } from "@crossflow/domain";
import { afterEach, describe, expect, it } from "vitest";
import { ChannelApiError } from "../http";
import {
  type FakeChannelServer,
  type RecordedRequest,
  recordingSleep,
  startFakeChannelServer,
} from "../testing/fake-channel-server";
import { fixtureLoader, flipByte } from "../testing/fixtures";
import { createShopifyAdapter, shopifyAdapter } from "./index";

const fixtures = fixtureLoader(import.meta.url);
const SECRET = "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";
const NOW = new Date("2025-03-16T00:00:00Z");

function sign(body: string | Buffer, secret = SECRET) {
  return createHmac("sha256", secret).update(body).digest("base64");
}

function webhookHeaders(body: string, topic = "orders/create") {
  return {
    "X-Shopify-Topic": topic,
    "X-Shopify-Hmac-Sha256": sign(body),
    "X-Shopify-Shop-Domain": "acme-eu.myshopify.com",
    "X-Shopify-API-Version": "2025-07",
    "X-Shopify-Webhook-Id": "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043",
    "X-Shopify-Event-Id": "98880550-7158-44d4-b7cd-2c97c8a091b5",
    "X-Shopify-Triggered-At": "2025-03-14T09:21:35.125Z",
  };
}

const expectedOrder = {
  channel: "shopify",
  externalId: "5641728016451",
  orderNumber: "#1042",
  status: "open",
  currency: "EUR",
  buyer: {
    email: "lena.fischer@example.de",
    name: "Lena Fischer",
    locale: "de",
    externalId: "7365129732163",
  },
  shippingAddress: {
    name: "Lena Fischer",
    line1: "Schönhauser Allee 36",
    line2: "Hinterhaus, 3. OG",
    city: "Berlin",
    postalCode: "10435",
    country: "DE",
    phone: "+49 30 1234567",
  },
  billingAddress: {
    name: "Lena Fischer",
    line1: "Schönhauser Allee 36",
    line2: "Hinterhaus, 3. OG",
    city: "Berlin",
    postalCode: "10435",
    country: "DE",
    phone: "+49 30 1234567",
  },
  lines: [
    {
      externalLineId: "13924350378051",
      sku: "TEE-RED-M",
      title: "Cotton T-shirt - Red / M",
      quantity: 2,
      unitPrice: 2495,
      tax: 797,
      discount: 357,
    },
    {
      externalLineId: "13924350410819",
      sku: "TOTE-NAT",
      title: "Canvas tote bag",
      quantity: 1,
      unitPrice: 2000,
      tax: 239,
      discount: 143,
    },
  ],
  shippingPaid: 490,
  shippingTax: 78,
  taxesIncluded: true,
  total: 6980,
  payment: { provider: "shopify_payments", status: "paid" },
  placedAt: new Date("2025-03-14T09:21:33Z"),
  updatedAt: new Date("2025-03-14T09:21:35Z"),
  flags: {},
  restrictedFields: [],
};

describe("shopify mapping", () => {
  it("maps the orders/create webhook payload (REST shape) exactly", () => {
    const result = shopifyAdapter.mapOrder(fixtures.json("orders-create.json"));
    expect(result).toEqual({ ok: true, order: expectedOrder });
  });

  it("maps the same order from Admin GraphQL to the same normalized order", () => {
    const page = fixtures.json<{ data: { orders: { nodes: unknown[] } } }>("graphql-orders-page1.json");
    expect(shopifyAdapter.mapOrder(page.data.orders.nodes[0])).toEqual({ ok: true, order: expectedOrder });
    const jpy = shopifyAdapter.mapOrder(page.data.orders.nodes[1]);
    expect(jpy.ok && jpy.order).toMatchObject({
      externalId: "5641728049219",
      currency: "JPY",
      status: "open",
      payment: { provider: "shopify", status: "authorized" },
      shippingAddress: { city: "Sumida-ku", region: "JP-13", postalCode: "131-0045", country: "JP" },
      lines: [{ sku: "MUG-BLK", quantity: 2, unitPrice: 2500, tax: 0, discount: 0 }],
      shippingPaid: 1100,
      total: 6100,
      taxesIncluded: false,
    });
  });

  it("maps to the intake input with discounts folded into unit prices", () => {
    const result = shopifyAdapter.mapOrder(fixtures.json("orders-create.json"));
    if (!result.ok) throw new Error("fixture should map");
    const intake = toNewOrder(result.order);
    expect(intake.lines).toEqual([
      // 2 × 24.95 − 3.57 = 46.33 → 23.17 + 23.16
      { sku: "TEE-RED-M", title: "Cotton T-shirt - Red / M", quantity: 1, unitPrice: 2317 },
      { sku: "TEE-RED-M", title: "Cotton T-shirt - Red / M", quantity: 1, unitPrice: 2316 },
      { sku: "TOTE-NAT", title: "Canvas tote bag", quantity: 1, unitPrice: 1857 },
    ]);
    const goods = intake.lines.reduce((s, l) => s + l.quantity * l.unitPrice, 0);
    expect(goods + intake.shippingPaid).toBe(6980);
  });

  it("reports a malformed order field by field instead of throwing", () => {
    const result = shopifyAdapter.mapOrder(fixtures.json("orders-create-malformed.json"));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      { path: "line_items[0].sku", message: "is required" },
      { path: "line_items[1].price", message: '"20,00" is not a decimal amount' },
      { path: "created_at", message: "is required" },
      { path: "shippingAddress.country", message: "must be an ISO 3166-1 alpha-2 country code such as DE" },
    ]);
    expect(shopifyAdapter.mapOrder([1, 2])).toEqual({
      ok: false,
      errors: [{ path: "(payload)", message: "must be a JSON object" }],
    });
  });

  it("maps cancelled and refunded states", () => {
    const result = shopifyAdapter.mapOrder(fixtures.json("orders-cancelled.json"));
    expect(result.ok && [result.order.status, result.order.payment.status]).toEqual(["cancelled", "refunded"]);
  });
});

describe("shopify webhooks", () => {
  const body = fixtures.raw("orders-create.json");

  it("accepts a correctly signed delivery and dedupes on X-Shopify-Event-Id", async () => {
    const verified = await shopifyAdapter.verifyWebhook!({
      rawBody: Buffer.from(body),
      headers: new Headers(webhookHeaders(body)),
      secret: SECRET,
      credentials: { shopDomain: "acme-eu.myshopify.com" },
    });
    expect(verified).toEqual({ ok: true, eventId: "98880550-7158-44d4-b7cd-2c97c8a091b5", topic: "orders/create" });
  });

  it("falls back to X-Shopify-Webhook-Id when there is no event id", async () => {
    const { "X-Shopify-Event-Id": _, ...headers } = webhookHeaders(body);
    const verified = await shopifyAdapter.verifyWebhook!({ rawBody: body, headers, secret: SECRET });
    expect(verified).toMatchObject({ ok: true, eventId: "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043" });
  });

  it("rejects a flipped byte, a wrong secret, a missing header, a garbage header and another shop", async () => {
    const headers = webhookHeaders(body);
    const cases = [
      { rawBody: flipByte(body), headers, secret: SECRET },
      { rawBody: body, headers, secret: "shpss_wrong" },
      { rawBody: body, headers: { ...headers, "X-Shopify-Hmac-Sha256": undefined }, secret: SECRET },
      { rawBody: body, headers: { ...headers, "X-Shopify-Hmac-Sha256": "not base64!" }, secret: SECRET },
      { rawBody: body, headers: { ...headers, "X-Shopify-Hmac-Sha256": sign(`${body} `) }, secret: SECRET },
      { rawBody: body, headers, secret: "" },
      { rawBody: body, headers, secret: SECRET, credentials: { shopDomain: "other.myshopify.com" } },
    ];
    for (const input of cases) {
      const verified = await shopifyAdapter.verifyWebhook!(input);
      expect(verified.ok, JSON.stringify(input.headers["X-Shopify-Hmac-Sha256"])).toBe(false);
    }
  });

  it("turns topics into intake events", () => {
    const created = shopifyAdapter.parseWebhook!(body, webhookHeaders(body));
    expect(created).toMatchObject({ kind: "order", externalId: "5641728016451", topic: "orders/create" });
    const updated = shopifyAdapter.parseWebhook!(body, webhookHeaders(body, "orders/updated"));
    expect(updated.kind).toBe("order");
    const cancelledBody = fixtures.raw("orders-cancelled.json");
    expect(
      shopifyAdapter.parseWebhook!(cancelledBody, webhookHeaders(cancelledBody, "orders/cancelled")),
    ).toMatchObject({ kind: "cancelled", externalId: "5641728016451", reason: "customer" });
    const refund = fixtures.raw("refunds-create.json");
    expect(shopifyAdapter.parseWebhook!(refund, webhookHeaders(refund, "refunds/create"))).toMatchObject({
      kind: "refunded",
      externalId: "5641728016451",
      amount: 1857,
      currency: "EUR",
    });
    expect(shopifyAdapter.parseWebhook!("{}", webhookHeaders("{}", "products/update"))).toMatchObject({
      kind: "ignored",
    });
  });
});

describe("shopify Admin GraphQL against a fake shop", () => {
  let server: FakeChannelServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  const connection = (baseUrl: string) => ({
    baseUrl,
    credentials: { shopDomain: "acme-eu.myshopify.com", accessToken: "shpat_test_token", apiSecret: SECRET },
    settings: { locationId: "76543210987" },
  });
  const graphqlBody = (r: RecordedRequest) => r.body as { query: string; variables: Record<string, unknown> };

  it("back-fills with cursor paging, waits for the cost bucket and retries THROTTLED", async () => {
    let ordersCalls = 0;
    server = await startFakeChannelServer(() => {
      ordersCalls++;
      if (ordersCalls === 1) return { body: fixtures.json("graphql-orders-page1.json") };
      if (ordersCalls === 2) return { body: fixtures.json("graphql-throttled.json") };
      return { body: fixtures.json("graphql-orders-page2.json") };
    });
    const { sleep, waits } = recordingSleep();
    const adapter = createShopifyAdapter({ sleep, now: () => NOW });
    const result = await adapter.pullOrders!(connection(server.baseUrl), {
      cursor: null,
      since: new Date("2025-03-01T00:00:00Z"),
    });
    expect(result.orders.map((o) => (o as { name: string }).name)).toEqual(["#1042", "#1043", "#1044"]);
    expect(result.hasMore).toBe(false);
    expect(JSON.parse(result.nextCursor!)).toEqual({ updatedAt: "2025-03-15T08:00:00Z" });
    // Page 1 left 12 of the 402 points the next page needs, restoring 100/s: 3.9 s. The
    // THROTTLED answer reported 5 available: 3.97 s, then the same page again.
    expect(waits).toEqual([3900, 3970]);

    const calls = server.calls("POST", "/admin/api/2025-07/graphql.json");
    expect(calls).toHaveLength(3);
    for (const call of calls) {
      expect(call.headers["x-shopify-access-token"]).toBe("shpat_test_token");
      expect(call.headers["content-type"]).toBe("application/json");
    }
    expect(graphqlBody(calls[0]!).variables).toEqual({
      first: 10,
      after: null,
      query: "updated_at:>='2025-03-01T00:00:00.000Z'",
    });
    expect(graphqlBody(calls[0]!).query).toContain("orders(first: $first, after: $after, query: $query");
    const endCursor = fixtures.json<{ data: { orders: { pageInfo: { endCursor: string } } } }>(
      "graphql-orders-page1.json",
    ).data.orders.pageInfo.endCursor;
    expect(graphqlBody(calls[1]!).variables.after).toBe(endCursor);
    expect(graphqlBody(calls[2]!).variables.after).toBe(endCursor);
  });

  it("stops at maxPages with a cursor that resumes on the next page", async () => {
    server = await startFakeChannelServer((r) =>
      graphqlBody(r).variables.after
        ? { body: fixtures.json("graphql-orders-page2.json") }
        : { body: fixtures.json("graphql-orders-page1.json") },
    );
    const adapter = createShopifyAdapter({ sleep: recordingSleep().sleep, now: () => NOW });
    const first = await adapter.pullOrders!(connection(server.baseUrl), {
      cursor: JSON.stringify({ updatedAt: "2025-03-10T00:00:00Z" }),
      maxPages: 1,
    });
    expect(first.hasMore).toBe(true);
    expect(first.orders).toHaveLength(2);
    const second = await adapter.pullOrders!(connection(server.baseUrl), { cursor: first.nextCursor, maxPages: 1 });
    expect(second.orders).toHaveLength(1);
    expect(second.hasMore).toBe(false);
    expect(graphqlBody(server.requests[1]!).variables.query).toBe("updated_at:>='2025-03-10T00:00:00Z'");
  });

  it("gives up on persistent throttling with a retryable error", async () => {
    server = await startFakeChannelServer(() => ({ body: fixtures.json("graphql-throttled.json") }));
    const adapter = createShopifyAdapter({ sleep: recordingSleep().sleep, now: () => NOW });
    const error = await adapter.pullOrders!(connection(server.baseUrl), { cursor: null }).catch((e) => e);
    expect(error).toBeInstanceOf(ChannelApiError);
    expect(error.retryable).toBe(true);
    expect(server.requests).toHaveLength(6);
  });

  it("confirms a shipment through the order's open fulfillment orders", async () => {
    server = await startFakeChannelServer((r) =>
      graphqlBody(r).query.includes("fulfillmentCreate")
        ? { body: fixtures.json("graphql-fulfillment-create.json") }
        : { body: fixtures.json("graphql-fulfillment-orders.json") },
    );
    const adapter = createShopifyAdapter({ sleep: recordingSleep().sleep, now: () => NOW });
    const result = await adapter.confirmShipment!(connection(server.baseUrl), {
      externalId: "5641728016451",
      carrier: "DHL Express",
      trackingNumber: "1234567890",
      trackingUrl: "https://www.dhl.com/track?AWB=1234567890",
      lines: [
        { sku: "TEE-RED-M", quantity: 2, externalLineId: "13924350378051" },
        { sku: "TOTE-NAT", quantity: 1 },
      ],
    });
    expect(result).toEqual({ reference: "gid://shopify/Fulfillment/5012345678915" });
    const [lookup, create] = server.requests;
    expect(graphqlBody(lookup!).variables).toEqual({ id: "gid://shopify/Order/5641728016451" });
    expect(graphqlBody(create!).variables).toEqual({
      fulfillment: {
        lineItemsByFulfillmentOrder: [
          {
            fulfillmentOrderId: "gid://shopify/FulfillmentOrder/6512345678915",
            fulfillmentOrderLineItems: [
              { id: "gid://shopify/FulfillmentOrderLineItem/14012345678915", quantity: 2 },
              { id: "gid://shopify/FulfillmentOrderLineItem/14012345711683", quantity: 1 },
            ],
          },
        ],
        trackingInfo: {
          company: "DHL Express",
          number: "1234567890",
          url: "https://www.dhl.com/track?AWB=1234567890",
        },
        notifyCustomer: true,
      },
    });
  });

  it("refuses to confirm more than is left to fulfil", async () => {
    server = await startFakeChannelServer(() => ({ body: fixtures.json("graphql-fulfillment-orders.json") }));
    const adapter = createShopifyAdapter({ sleep: recordingSleep().sleep, now: () => NOW });
    await expect(
      adapter.confirmShipment!(connection(server.baseUrl), {
        externalId: "5641728016451",
        carrier: "UPS",
        trackingNumber: "1Z999",
        lines: [{ sku: "TEE-RED-M", quantity: 3 }],
      }),
    ).rejects.toThrow(/2 of 3 × TEE-RED-M/);
    expect(server.requests).toHaveLength(1);
  });

  it("pushes stock with inventorySetQuantities at the connection's location", async () => {
    server = await startFakeChannelServer((r) =>
      graphqlBody(r).query.includes("inventorySetQuantities")
        ? { body: fixtures.json("graphql-inventory-set.json") }
        : { body: fixtures.json("graphql-variants-by-sku.json") },
    );
    const adapter = createShopifyAdapter({ sleep: recordingSleep().sleep, now: () => NOW });
    const result = await adapter.pushStock!(connection(server.baseUrl), [
      { sku: "TEE-RED-M", available: 12 },
      { sku: "TOTE-NAT", available: -2 },
      { sku: "NOPE-1", available: 5 },
    ]);
    expect(result).toEqual({
      updated: ["TEE-RED-M", "TOTE-NAT"],
      failed: [{ sku: "NOPE-1", reason: "no Shopify variant has this SKU" }],
    });
    expect(graphqlBody(server.requests[0]!).variables.query).toBe('sku:"TEE-RED-M" OR sku:"TOTE-NAT" OR sku:"NOPE-1"');
    expect(graphqlBody(server.requests[1]!).variables).toEqual({
      input: {
        name: "available",
        reason: "correction",
        ignoreCompareQuantity: true,
        quantities: [
          {
            inventoryItemId: "gid://shopify/InventoryItem/47012345678915",
            locationId: "gid://shopify/Location/76543210987",
            quantity: 12,
          },
          {
            inventoryItemId: "gid://shopify/InventoryItem/47012345711683",
            locationId: "gid://shopify/Location/76543210987",
            quantity: 0,
          },
        ],
      },
    });
  });
});
