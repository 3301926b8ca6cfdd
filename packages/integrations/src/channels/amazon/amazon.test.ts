import { toNewOrder } from "@crossflow/domain";
import { afterEach, describe, expect, it } from "vitest";
import { ChannelApiError } from "../http";
import { type FakeChannelServer, recordingSleep, startFakeChannelServer } from "../testing/fake-channel-server";
import { fixtureLoader } from "../testing/fixtures";
import { amazonAdapter, createAmazonAdapter } from "./index";

const fixtures = fixtureLoader(import.meta.url);
const T0 = new Date("2025-03-16T12:00:00Z");

type OrdersPage = { payload: { Orders: Array<Record<string, unknown>> } };
function payload(orderFile: string, index: number, ...itemFiles: string[]) {
  const order = fixtures.json<OrdersPage>(orderFile).payload.Orders[index]!;
  const items = itemFiles.flatMap((f) => fixtures.json<{ payload: { OrderItems: unknown[] } }>(f).payload.OrderItems);
  return { order, items };
}
const GERMAN = () =>
  payload(
    "get-orders-page1.json",
    0,
    "order-items-302-4416581-6537124-page1.json",
    "order-items-302-4416581-6537124-page2.json",
  );
const US = () => payload("get-orders-page2.json", 0, "order-items-113-9087715-2209865.json");

describe("amazon mapping", () => {
  it("maps a restricted-data order: what is there, and marks what Amazon withheld", () => {
    expect(amazonAdapter.mapOrder(GERMAN())).toEqual({
      ok: true,
      order: {
        channel: "amazon",
        externalId: "302-4416581-6537124",
        orderNumber: "302-4416581-6537124",
        status: "open",
        currency: "EUR",
        buyer: { name: "" },
        shippingAddress: { name: "", line1: "", city: "München", region: "Bayern", postalCode: "80331", country: "DE" },
        lines: [
          {
            externalLineId: "61874563219042",
            sku: "TEE-RED-M",
            title: "Crossflow Baumwoll-T-Shirt, Rot, M",
            quantity: 2,
            unitPrice: 2495,
            tax: 797,
            discount: 500,
          },
          {
            externalLineId: "61874563219043",
            sku: "TOTE-NAT",
            title: "Crossflow Canvas-Tasche",
            quantity: 1,
            unitPrice: 500,
            tax: 80,
            discount: 0,
          },
        ],
        shippingPaid: 499,
        shippingTax: 80,
        taxesIncluded: true,
        total: 5489,
        payment: { provider: "amazon", reference: "302-4416581-6537124", status: "paid" },
        placedAt: new Date("2025-03-14T08:12:45Z"),
        updatedAt: new Date("2025-03-14T08:45:10Z"),
        flags: { amazonPrime: true },
        restrictedFields: ["shippingAddress.name", "buyer.name", "buyer.email", "shippingAddress.line1"],
      },
    });
  });

  it("maps an FBA business order with buyer data, tax-exclusive US prices and an exact odd unit price", () => {
    const result = amazonAdapter.mapOrder(US());
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.order).toMatchObject({
      status: "shipped",
      currency: "USD",
      buyer: { email: "0x8k2m1qz9wd5tf@marketplace.amazon.com", name: "Pat Buyer", phone: "+1 206-266-1000" },
      shippingAddress: {
        name: "Acme Corp Receiving",
        line1: "410 Terry Ave N",
        line2: "Dock 4",
        city: "Seattle",
        region: "WA",
        postalCode: "98109-5210",
        country: "US",
      },
      lines: [{ sku: "MUG-BLK", quantity: 3, unitPrice: 1667, discount: 1, tax: 453 }],
      shippingPaid: 999,
      taxesIncluded: false,
      flags: { amazonFba: true, amazonBusiness: true, amazonPremiumShipping: true },
      restrictedFields: [],
    });
    const intake = toNewOrder(result.order);
    expect(intake.lines.reduce((s, l) => s + l.quantity * l.unitPrice, 0)).toBe(5000);
  });

  it("gives a restricted order a placeholder e-mail and the shipping city in intake", () => {
    const result = amazonAdapter.mapOrder(GERMAN());
    if (!result.ok) throw new Error("fixture should map");
    const intake = toNewOrder(result.order);
    expect(intake.customer).toEqual({
      email: "amazon.302-4416581-6537124@buyer.invalid",
      name: "amazon buyer",
      phone: null,
      locale: null,
    });
  });

  it("reports missing items and bad amounts by their SP-API path", () => {
    const broken = GERMAN();
    (broken.items[0] as Record<string, unknown>).ItemPrice = { CurrencyCode: "EUR", Amount: "49,90" };
    const result = amazonAdapter.mapOrder(broken);
    expect(result).toEqual({
      ok: false,
      errors: [{ path: "items[0].ItemPrice.Amount", message: '"49,90" is not a decimal amount' }],
    });
    expect(amazonAdapter.mapOrder({ order: GERMAN().order, items: [] })).toEqual({
      ok: false,
      errors: [
        { path: "items", message: "getOrderItems returned no items" },
        { path: "lines", message: "an order needs at least one line" },
      ],
    });
  });
});

describe("amazon notifications", () => {
  const body = fixtures.raw("sqs-order-change.json");
  const headers = { "x-crossflow-webhook-token": "amzn-forwarder-token-1" };

  it("accepts the forwarder's token and rejects a wrong or missing one", async () => {
    const verify = (h: Record<string, string>, secret = "amzn-forwarder-token-1") =>
      amazonAdapter.verifyWebhook!({ rawBody: body, headers: h, secret });
    expect(await verify(headers)).toEqual({ ok: true });
    expect((await verify({ "x-crossflow-webhook-token": "amzn-forwarder-token-2" })).ok).toBe(false);
    expect((await verify({})).ok).toBe(false);
    expect((await verify(headers, "")).ok).toBe(false);
  });

  it("treats ORDER_CHANGE (SQS message, raw or EventBridge) as a hint to fetch the order", () => {
    const expected = {
      kind: "order_hint",
      externalId: "302-4416581-6537124",
      eventId: "d0e9e693-c3ad-4373-979f-ed4ec98dd746",
      topic: "ORDER_CHANGE",
      reason: "OrderStatusChange: Unshipped",
    };
    expect(amazonAdapter.parseWebhook!(body, headers)).toEqual(expected);
    const notification = JSON.parse(fixtures.json<{ Body: string }>("sqs-order-change.json").Body);
    expect(amazonAdapter.parseWebhook!(JSON.stringify(notification), headers)).toEqual(expected);
    expect(
      amazonAdapter.parseWebhook!(JSON.stringify({ "detail-type": "ORDER_CHANGE", detail: notification }), headers),
    ).toEqual(expected);
    expect(
      amazonAdapter.parseWebhook!(JSON.stringify({ NotificationType: "ANY_OFFER_CHANGED" }), headers),
    ).toMatchObject({ kind: "ignored" });
  });
});

describe("amazon SP-API against a fake endpoint", () => {
  let server: FakeChannelServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  const connection = (baseUrl: string) => ({
    baseUrl,
    credentials: {
      clientId: "amzn1.application-oa2-client.0123456789abcdef",
      clientSecret: "amzn1.oa2-cs.v1.secret",
      refreshToken: "Atzr|IwEBIrefresh-token",
      marketplaceIds: "A1PA6795UKMFR9",
      sellerId: "A3TH9S8BH6GOGM",
    },
  });

  it("refreshes the LWA token once, backs off on 429, follows NextToken and item pages", async () => {
    let ordersCalls = 0;
    server = await startFakeChannelServer((r) => {
      if (r.path === "/auth/o2/token") return { body: fixtures.json("lwa-token.json") };
      if (r.path === "/orders/v0/orders") {
        ordersCalls++;
        if (ordersCalls === 1) return { status: 429, body: fixtures.json("error-quota-exceeded.json") };
        return { body: fixtures.json(r.query.get("NextToken") ? "get-orders-page2.json" : "get-orders-page1.json") };
      }
      if (r.path === "/orders/v0/orders/302-4416581-6537124/orderItems") {
        return {
          body: fixtures.json(
            r.query.get("NextToken")
              ? "order-items-302-4416581-6537124-page2.json"
              : "order-items-302-4416581-6537124-page1.json",
          ),
        };
      }
      if (r.path === "/orders/v0/orders/113-9087715-2209865/orderItems") {
        return { body: fixtures.json("order-items-113-9087715-2209865.json") };
      }
      return { status: 404, body: { errors: [{ code: "NotFound", message: r.path }] } };
    });
    let now = T0;
    const { sleep, waits } = recordingSleep();
    const adapter = createAmazonAdapter({ sleep, now: () => now });
    const result = await adapter.pullOrders!(connection(server.baseUrl), {
      cursor: null,
      since: new Date("2025-03-01T00:00:00Z"),
    });
    expect(result.orders).toEqual([GERMAN(), US()]);
    expect(result.hasMore).toBe(false);
    expect(JSON.parse(result.nextCursor!)).toEqual({ lastUpdatedAfter: "2025-03-15T02:10:00.000Z" });
    expect(waits).toEqual([2000]);

    const token = server.calls("POST", "/auth/o2/token");
    expect(token).toHaveLength(1);
    expect(token[0]!.headers["content-type"]).toContain("application/x-www-form-urlencoded");
    expect(token[0]!.body).toEqual({
      grant_type: "refresh_token",
      refresh_token: "Atzr|IwEBIrefresh-token",
      client_id: "amzn1.application-oa2-client.0123456789abcdef",
      client_secret: "amzn1.oa2-cs.v1.secret",
    });
    const orders = server.calls("GET", "/orders/v0/orders");
    expect(orders.map((r) => Object.fromEntries(r.query))).toEqual([
      { MarketplaceIds: "A1PA6795UKMFR9", LastUpdatedAfter: "2025-03-01T00:00:00.000Z", MaxResultsPerPage: "100" },
      { MarketplaceIds: "A1PA6795UKMFR9", LastUpdatedAfter: "2025-03-01T00:00:00.000Z", MaxResultsPerPage: "100" },
      { MarketplaceIds: "A1PA6795UKMFR9", NextToken: "2YgYW55IGNhcm5hbCBwbGVhc3VyZS4=" },
    ]);
    for (const r of server.requests.filter((r) => r.path.startsWith("/orders"))) {
      expect(r.headers["x-amz-access-token"]).toBe("Atza|IwEBIA7aYEXAMPLEtokenFromLWA");
    }

    // Within the hour the cached token is reused; after it expires, LWA is asked again.
    now = new Date(T0.getTime() + 30 * 60_000);
    await adapter.fetchOrders!(connection(server.baseUrl), []);
    await adapter.pullOrders!(connection(server.baseUrl), { cursor: result.nextCursor });
    expect(server.calls("POST", "/auth/o2/token")).toHaveLength(1);
    now = new Date(T0.getTime() + 61 * 60_000);
    await adapter.pullOrders!(connection(server.baseUrl), { cursor: result.nextCursor });
    expect(server.calls("POST", "/auth/o2/token")).toHaveLength(2);
  });

  it("refreshes the token when SP-API says it expired, and gives up on persistent 429", async () => {
    let expiredOnce = false;
    server = await startFakeChannelServer((r) => {
      if (r.path === "/auth/o2/token") return { body: fixtures.json("lwa-token.json") };
      if (!expiredOnce) {
        expiredOnce = true;
        return { status: 403, body: fixtures.json("error-token-expired.json") };
      }
      return { body: { payload: { Orders: [] } } };
    });
    const { sleep, waits } = recordingSleep();
    const adapter = createAmazonAdapter({ sleep, now: () => T0 });
    const result = await adapter.pullOrders!(connection(server.baseUrl), { cursor: null });
    expect(result.orders).toEqual([]);
    expect(server.calls("POST", "/auth/o2/token")).toHaveLength(2);

    await server.close();
    server = await startFakeChannelServer((r) =>
      r.path === "/auth/o2/token"
        ? { body: fixtures.json("lwa-token.json") }
        : { status: 429, body: fixtures.json("error-quota-exceeded.json") },
    );
    const error = await adapter.pullOrders!(connection(server.baseUrl), { cursor: null }).catch((e) => e);
    expect(error).toBeInstanceOf(ChannelApiError);
    expect(error.retryable).toBe(true);
    expect(waits).toEqual([2000, 4000, 8000, 16000]);
  });

  it("confirms a shipment with the order item ids, looking them up by SKU where needed", async () => {
    server = await startFakeChannelServer((r) => {
      if (r.path === "/auth/o2/token") return { body: fixtures.json("lwa-token.json") };
      if (r.path.endsWith("/orderItems")) return { body: fixtures.json("order-items-302-4416581-6537124-page2.json") };
      return { status: 204 };
    });
    const adapter = createAmazonAdapter({ now: () => T0 });
    await adapter.confirmShipment!(connection(server.baseUrl), {
      externalId: "302-4416581-6537124",
      carrier: "dhl",
      service: "Paket",
      trackingNumber: "00340434161094042557",
      shippedAt: new Date("2025-03-15T09:00:00Z"),
      lines: [
        { sku: "TEE-RED-M", quantity: 2, externalLineId: "61874563219042" },
        { sku: "TOTE-NAT", quantity: 1 },
      ],
    });
    const [post] = server.calls("POST", "/orders/v0/orders/302-4416581-6537124/shipmentConfirmation");
    expect(post!.headers["x-amz-access-token"]).toBe("Atza|IwEBIA7aYEXAMPLEtokenFromLWA");
    expect(post!.body).toEqual({
      marketplaceId: "A1PA6795UKMFR9",
      packageDetail: {
        packageReferenceId: "1",
        carrierCode: "DHL",
        shippingMethod: "Paket",
        trackingNumber: "00340434161094042557",
        shipDate: "2025-03-15T09:00:00.000Z",
        orderItems: [
          { orderItemId: "61874563219042", quantity: 2 },
          { orderItemId: "61874563219043", quantity: 1 },
        ],
      },
    });

    await adapter.confirmShipment!(connection(server.baseUrl), {
      externalId: "302-4416581-6537124",
      carrier: "Cainiao",
      trackingNumber: "LP00123456789",
      lines: [{ sku: "TOTE-NAT", quantity: 1, externalLineId: "61874563219043" }],
    });
    const second = server.calls("POST", "/orders/v0/orders/302-4416581-6537124/shipmentConfirmation")[1]!;
    expect(second.body).toMatchObject({
      packageDetail: { carrierCode: "Other", carrierName: "Cainiao", shipDate: "2025-03-16T12:00:00.000Z" },
    });
  });

  it("pushes merchant-fulfilled stock with a Listings Items PATCH per SKU", async () => {
    server = await startFakeChannelServer((r) => {
      if (r.path === "/auth/o2/token") return { body: fixtures.json("lwa-token.json") };
      return {
        body: fixtures.json(
          r.path.endsWith("/TOTE-NAT") ? "listings-patch-invalid.json" : "listings-patch-accepted.json",
        ),
      };
    });
    const result = await createAmazonAdapter({ now: () => T0 }).pushStock!(connection(server.baseUrl), [
      { sku: "TEE-RED-M", available: 9 },
      { sku: "TOTE-NAT", available: 2 },
    ]);
    expect(result).toEqual({
      updated: ["TEE-RED-M"],
      failed: [{ sku: "TOTE-NAT", reason: "The SKU TOTE-NAT is not listed in marketplace A1PA6795UKMFR9." }],
    });
    const [patch] = server.calls("PATCH", "/listings/2021-08-01/items/A3TH9S8BH6GOGM/TEE-RED-M");
    expect(patch!.query.get("marketplaceIds")).toBe("A1PA6795UKMFR9");
    expect(patch!.headers["x-amz-access-token"]).toBe("Atza|IwEBIA7aYEXAMPLEtokenFromLWA");
    expect(patch!.body).toEqual({
      productType: "PRODUCT",
      patches: [
        {
          op: "replace",
          path: "/attributes/fulfillment_availability",
          value: [{ fulfillment_channel_code: "DEFAULT", quantity: 9 }],
        },
      ],
    });
  });
});
