import { createHmac } from "node:crypto";
import { toNewOrder } from "@crossflow/domain";
import { afterEach, describe, expect, it } from "vitest";
import { ChannelApiError } from "../http";
import { type FakeChannelServer, recordingSleep, startFakeChannelServer } from "../testing/fake-channel-server";
import { fixtureLoader, flipByte } from "../testing/fixtures";
import { createWooCommerceAdapter, wooCommerceAdapter } from "./index";

const fixtures = fixtureLoader(import.meta.url);
const SECRET = "wc-webhook-secret-9f8e7d6c";
const BASIC = `Basic ${Buffer.from("ck_live_0123456789abcdef:cs_live_fedcba9876543210").toString("base64")}`;

function headers(body: string, topic = "order.created", signature?: string) {
  return {
    "X-WC-Webhook-Source": "https://shop.example.co.uk/",
    "X-WC-Webhook-Topic": topic,
    "X-WC-Webhook-Resource": "order",
    "X-WC-Webhook-Event": topic.split(".")[1] ?? "",
    "X-WC-Webhook-Signature": signature ?? createHmac("sha256", SECRET).update(body).digest("base64"),
    "X-WC-Webhook-ID": "14",
    "X-WC-Webhook-Delivery-ID": "d2c5e1f0a9b84c7d9e6f3a2b1c0d9e8f",
  };
}

describe("woocommerce mapping", () => {
  it("maps a wc/v3 order exactly, keeping each line's net total", () => {
    expect(wooCommerceAdapter.mapOrder(fixtures.json("order.json"))).toEqual({
      ok: true,
      order: {
        channel: "woocommerce",
        externalId: "4821",
        orderNumber: "4821",
        status: "open",
        currency: "GBP",
        buyer: {
          email: "oliver.smith@example.co.uk",
          name: "Oliver Smith",
          phone: "+44 161 496 0000",
          externalId: "27",
        },
        shippingAddress: {
          name: "Oliver Smith",
          line1: "10 Downing Lane",
          line2: "Flat 2",
          city: "Manchester",
          postalCode: "M1 1AE",
          country: "GB",
        },
        billingAddress: {
          name: "Oliver Smith",
          line1: "10 Downing Lane",
          line2: "Flat 2",
          city: "Manchester",
          postalCode: "M1 1AE",
          country: "GB",
          phone: "+44 161 496 0000",
        },
        lines: [
          // 3 for £50.00 before a £5.00 coupon: 16.67 each, 5.01 off, net exactly £45.00
          {
            externalLineId: "611",
            sku: "TEE-RED-M",
            title: "Cotton T-shirt - Red, M",
            quantity: 3,
            unitPrice: 1667,
            tax: 900,
            discount: 501,
          },
          {
            externalLineId: "612",
            sku: "TOTE-NAT",
            title: "Canvas tote bag",
            quantity: 1,
            unitPrice: 1250,
            tax: 250,
            discount: 0,
          },
        ],
        shippingPaid: 495,
        shippingTax: 99,
        taxesIncluded: false,
        total: 7494,
        payment: { provider: "stripe", reference: "pi_3QxYzA2eZvKYlo2C1abcDEFg", status: "paid" },
        placedAt: new Date("2025-03-14T10:15:02Z"),
        updatedAt: new Date("2025-03-14T10:15:09Z"),
        flags: {},
        restrictedFields: [],
      },
    });
  });

  it("maps other statuses and gateways", () => {
    const [, bankTransfer] = fixtures.json<unknown[]>("orders-page1.json");
    const result = wooCommerceAdapter.mapOrder(bankTransfer);
    expect(result.ok && result.order).toMatchObject({
      status: "on_hold",
      payment: { provider: "manual", status: "pending" },
      shippingAddress: { company: "Johnson Design LLC", region: "CA", country: "US" },
    });
    const [completed] = fixtures.json<unknown[]>("orders-page2.json");
    const paypal = wooCommerceAdapter.mapOrder(completed);
    expect(paypal.ok && [paypal.order.status, paypal.order.payment]).toEqual([
      "shipped",
      { provider: "paypal", reference: "8MC585209K746392H", status: "paid" },
    ]);
  });

  it("keeps the intake goods total equal to Woo's line totals", () => {
    const result = wooCommerceAdapter.mapOrder(fixtures.json("order.json"));
    if (!result.ok) throw new Error("fixture should map");
    const intake = toNewOrder(result.order);
    expect(intake.lines.reduce((s, l) => s + l.quantity * l.unitPrice, 0)).toBe(4500 + 1250);
  });

  it("reports malformed fields with their Woo paths", () => {
    const result = wooCommerceAdapter.mapOrder(fixtures.json("order-malformed.json"));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.slice(0, 2)).toEqual([
      { path: "currency", message: "unknown currency GBX" },
      { path: "line_items[0].quantity", message: "must be a whole number" },
    ]);
  });
});

describe("woocommerce webhooks", () => {
  const body = fixtures.raw("order.json");

  it("verifies X-WC-Webhook-Signature and dedupes on the delivery id", async () => {
    expect(await wooCommerceAdapter.verifyWebhook!({ rawBody: body, headers: headers(body), secret: SECRET })).toEqual({
      ok: true,
      eventId: "d2c5e1f0a9b84c7d9e6f3a2b1c0d9e8f",
      topic: "order.created",
    });
  });

  it("rejects a flipped byte, a wrong secret and a missing signature", async () => {
    const h = headers(body);
    for (const input of [
      { rawBody: flipByte(body), headers: h, secret: SECRET },
      { rawBody: body, headers: h, secret: "another-secret" },
      { rawBody: body, headers: { ...h, "X-WC-Webhook-Signature": undefined }, secret: SECRET },
      { rawBody: body, headers: headers(body, "order.created", "c2lnbmF0dXJl"), secret: SECRET },
    ]) {
      expect((await wooCommerceAdapter.verifyWebhook!(input)).ok).toBe(false);
    }
  });

  it("turns topics into intake events", () => {
    expect(wooCommerceAdapter.parseWebhook!(body, headers(body, "order.updated"))).toMatchObject({
      kind: "order",
      externalId: "4821",
      eventId: "d2c5e1f0a9b84c7d9e6f3a2b1c0d9e8f",
    });
    const cancelled = JSON.stringify({ ...JSON.parse(body), status: "cancelled" });
    expect(wooCommerceAdapter.parseWebhook!(cancelled, headers(cancelled, "order.updated"))).toMatchObject({
      kind: "cancelled",
      externalId: "4821",
    });
    const deleted = JSON.stringify({ id: 4821 });
    expect(wooCommerceAdapter.parseWebhook!(deleted, headers(deleted, "order.deleted"))).toMatchObject({
      kind: "cancelled",
      externalId: "4821",
    });
    expect(wooCommerceAdapter.parseWebhook!("webhook_id=14", headers("webhook_id=14", ""))).toMatchObject({
      kind: "ignored",
    });
  });
});

describe("woocommerce REST against a fake store", () => {
  let server: FakeChannelServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  const connection = (baseUrl: string) => ({
    baseUrl,
    credentials: {
      storeUrl: "https://shop.example.co.uk",
      consumerKey: "ck_live_0123456789abcdef",
      consumerSecret: "cs_live_fedcba9876543210",
      webhookSecret: SECRET,
    },
  });

  it("pulls modified orders page by page with Basic auth and X-WP-TotalPages", async () => {
    server = await startFakeChannelServer((r) => ({
      headers: { "X-WP-Total": "3", "X-WP-TotalPages": "2" },
      body: fixtures.json(r.query.get("page") === "1" ? "orders-page1.json" : "orders-page2.json"),
    }));
    const adapter = createWooCommerceAdapter();
    const result = await adapter.pullOrders!(connection(server.baseUrl), {
      cursor: null,
      since: new Date("2025-03-01T00:00:00Z"),
      pageSize: 2,
    });
    expect(result.orders.map((o) => (o as { id: number }).id)).toEqual([4821, 4822, 4823]);
    expect(result.hasMore).toBe(false);
    expect(JSON.parse(result.nextCursor!)).toEqual({ modifiedAfter: "2025-03-15T09:30:00.000Z" });
    const calls = server.calls("GET", "/wp-json/wc/v3/orders");
    expect(calls.map((c) => Object.fromEntries(c.query))).toEqual([
      {
        modified_after: "2025-03-01T00:00:00.000Z",
        dates_are_gmt: "true",
        orderby: "modified",
        order: "asc",
        page: "1",
        per_page: "2",
      },
      {
        modified_after: "2025-03-01T00:00:00.000Z",
        dates_are_gmt: "true",
        orderby: "modified",
        order: "asc",
        page: "2",
        per_page: "2",
      },
    ]);
    for (const call of calls) expect(call.headers.authorization).toBe(BASIC);
  });

  it("backs off on 429 and 503 before giving up", async () => {
    let calls = 0;
    server = await startFakeChannelServer(() => {
      calls++;
      if (calls === 1) return { status: 429, headers: { "Retry-After": "2" }, body: { code: "rate_limited" } };
      if (calls === 2) return { status: 503, body: { code: "unavailable" } };
      return { headers: { "X-WP-TotalPages": "1" }, body: [] };
    });
    const { sleep, waits } = recordingSleep();
    const result = await createWooCommerceAdapter({ sleep }).pullOrders!(connection(server.baseUrl), { cursor: null });
    expect(result.orders).toEqual([]);
    expect(waits).toEqual([2000, 2000]);

    await server.close();
    server = await startFakeChannelServer(() => ({ status: 401, body: { code: "woocommerce_rest_cannot_view" } }));
    const error = await createWooCommerceAdapter({ sleep }).pullOrders!(connection(server.baseUrl), {
      cursor: null,
    }).catch((e) => e);
    expect(error).toBeInstanceOf(ChannelApiError);
    expect(error).toMatchObject({ status: 401, retryable: false, body: { code: "woocommerce_rest_cannot_view" } });
  });

  it("confirms a shipment with a customer note and the completed status", async () => {
    server = await startFakeChannelServer((r) =>
      r.method === "POST"
        ? { status: 201, body: fixtures.json("order-note.json") }
        : { body: fixtures.json("order.json") },
    );
    const result = await createWooCommerceAdapter().confirmShipment!(connection(server.baseUrl), {
      externalId: "4821",
      carrier: "Royal Mail",
      service: "Tracked 48",
      trackingNumber: "QF123456785GB",
      trackingUrl: "https://www.royalmail.com/track-your-item#/tracking-results/QF123456785GB",
      lines: [{ sku: "TEE-RED-M", quantity: 3 }],
    });
    expect(result).toEqual({ reference: "2817" });
    const [note, update] = server.requests;
    expect(note).toMatchObject({ method: "POST", path: "/wp-json/wc/v3/orders/4821/notes" });
    expect(note!.body).toEqual({
      note: "Shipped with Royal Mail (Tracked 48): tracking number QF123456785GB. Track it at https://www.royalmail.com/track-your-item#/tracking-results/QF123456785GB Contents: 3 × TEE-RED-M.",
      customer_note: true,
    });
    expect(update).toMatchObject({ method: "PUT", path: "/wp-json/wc/v3/orders/4821", body: { status: "completed" } });
    expect(update!.headers.authorization).toBe(BASIC);
  });

  it("pushes stock to products and to variations through their batch endpoints", async () => {
    server = await startFakeChannelServer((r) => {
      if (r.path === "/wp-json/wc/v3/products") return { body: fixtures.json("products-by-sku.json") };
      if (r.path === "/wp-json/wc/v3/products/batch") return { body: fixtures.json("products-batch.json") };
      return { body: fixtures.json("variations-batch.json") };
    });
    const result = await createWooCommerceAdapter().pushStock!(connection(server.baseUrl), [
      { sku: "TEE-RED-M", available: -1 },
      { sku: "TOTE-NAT", available: 7 },
      { sku: "GONE-1", available: 3 },
    ]);
    expect(result).toEqual({
      updated: ["TEE-RED-M", "TOTE-NAT"],
      failed: [{ sku: "GONE-1", reason: "no WooCommerce product has this SKU" }],
    });
    expect(server.requests[0]!.query.get("sku")).toBe("TEE-RED-M,TOTE-NAT,GONE-1");
    expect(server.calls("POST", "/wp-json/wc/v3/products/93/variations/batch")[0]!.body).toEqual({
      update: [{ id: 97, manage_stock: true, stock_quantity: 0 }],
    });
    expect(server.calls("POST", "/wp-json/wc/v3/products/batch")[0]!.body).toEqual({
      update: [{ id: 120, manage_stock: true, stock_quantity: 7 }],
    });
  });
});
