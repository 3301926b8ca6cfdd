import { createHmac } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { ChannelConfigError } from "../http";
import { type FakeChannelServer, type RecordedRequest, startFakeChannelServer } from "../testing/fake-channel-server";
import { fixtureLoader, flipByte } from "../testing/fixtures";
import { createTikTokAdapter, tiktokAdapter, tiktokSign } from "./index";

const fixtures = fixtureLoader(import.meta.url);
const APP_KEY = "6a1b2c3d4e5f6";
const APP_SECRET = "e59af819cc8f4b63a9f2d6cbd8a0e5f1b2c3d4e5";
const NOW = new Date(1742120060 * 1000);

/** TikTok's check of a signed request, written out independently of the adapter. */
function expectedSign(r: RecordedRequest): string {
  const keys = [...r.query.keys()].filter((k) => k !== "sign" && k !== "access_token").sort();
  const input = `${APP_SECRET}${r.path}${keys.map((k) => k + r.query.get(k)).join("")}${r.rawBody}${APP_SECRET}`;
  return createHmac("sha256", APP_SECRET).update(input).digest("hex");
}

describe("tiktok request signing", () => {
  it("signs path + sorted params (without sign and access_token) + body, wrapped in the secret", () => {
    const sign = tiktokSign(
      "/order/202309/orders",
      { timestamp: "1742120060", app_key: APP_KEY, access_token: "x", sign: "old", ids: "1,2", shop_cipher: "ROW_abc" },
      "",
      APP_SECRET,
    );
    const input = `${APP_SECRET}/order/202309/ordersapp_key${APP_KEY}ids1,2shop_cipherROW_abctimestamp1742120060${APP_SECRET}`;
    expect(sign).toBe(createHmac("sha256", APP_SECRET).update(input).digest("hex"));
  });
});

describe("tiktok mapping", () => {
  const [gb] = fixtures.json<{ data: { orders: unknown[] } }>("get-order-detail.json").data.orders;

  it("groups per-unit line items into lines and keeps every unit id", () => {
    expect(tiktokAdapter.mapOrder(gb)).toEqual({
      ok: true,
      order: {
        channel: "tiktok",
        externalId: "577086512123755123",
        orderNumber: "577086512123755123",
        status: "open",
        currency: "GBP",
        buyer: { email: "v9xkq2m8hx1@scs.tiktokw.uk", name: "Charlotte Evans", externalId: "7021436810468230477" },
        shippingAddress: {
          name: "Charlotte Evans",
          line1: "14 Deansgate",
          line2: "Flat 2",
          city: "Manchester",
          region: "England",
          postalCode: "M3 2EN",
          country: "GB",
          phone: "(+44)77*****123",
        },
        lines: [
          {
            externalLineId: "577087614418520388,577087614418520389",
            sku: "TEE-RED-M",
            title: "Crossflow Cotton T-shirt (Red, M)",
            quantity: 2,
            unitPrice: 1495,
            tax: 0,
            discount: 300,
          },
          {
            externalLineId: "577087614418520390",
            sku: "TOTE-NAT",
            title: "Crossflow Canvas Tote (Natural)",
            quantity: 1,
            unitPrice: 1800,
            tax: 0,
            discount: 0,
          },
        ],
        shippingPaid: 399,
        shippingTax: 0,
        taxesIncluded: true,
        total: 4889,
        payment: { provider: "tiktok_shop", reference: "577086512123755123", status: "paid" },
        placedAt: new Date(1741950000 * 1000),
        updatedAt: new Date(1741950600 * 1000),
        flags: {},
        restrictedFields: [],
      },
    });
  });

  it("flags fulfilled-by-TikTok orders and US sales tax", () => {
    const [us] = fixtures.json<{ data: { orders: unknown[] } }>("search-orders-page2.json").data.orders;
    const result = tiktokAdapter.mapOrder(us);
    expect(result.ok && result.order).toMatchObject({
      currency: "USD",
      taxesIncluded: false,
      shippingAddress: { city: "Austin", region: "Texas", country: "US" },
      lines: [{ sku: "CAP-NAVY", quantity: 1, unitPrice: 2500, tax: 175 }],
      flags: { tiktokFulfilled: true, tiktokShipping: true },
    });
  });

  it("reports malformed fields at TikTok's paths", () => {
    const broken = structuredClone(gb) as { line_items: Array<Record<string, unknown>>; create_time?: unknown };
    broken.line_items[2]!.sale_price = "18.000.0";
    delete broken.create_time;
    expect(tiktokAdapter.mapOrder(broken)).toEqual({
      ok: false,
      errors: [
        { path: "line_items[2].sale_price", message: '"18.000.0" is not a decimal amount' },
        { path: "create_time", message: "is required" },
      ],
    });
  });
});

describe("tiktok webhooks", () => {
  const body = fixtures.raw("webhook-order-status-change.json");
  const sign = (raw: string | Buffer, secret = APP_SECRET) =>
    createHmac("sha256", secret).update(APP_KEY).update(raw).digest("hex");
  const verify = (raw: string | Buffer, headers: Record<string, string>, secret = APP_SECRET, now = NOW) =>
    tiktokAdapter.verifyWebhook!({ rawBody: raw, headers, secret, credentials: { appKey: APP_KEY }, now });

  it("verifies Authorization = HMAC-SHA256(app key + body) with the app secret", async () => {
    expect(await verify(body, { Authorization: sign(body) })).toEqual({
      ok: true,
      eventId: "7327112393057371910",
      topic: "1",
    });
  });

  it("rejects a flipped byte, a wrong secret, a missing header and a stale or future timestamp", async () => {
    expect((await verify(flipByte(body), { Authorization: sign(body) })).ok).toBe(false);
    expect((await verify(body, { Authorization: sign(body, "other-secret") })).ok).toBe(false);
    expect((await verify(body, { Authorization: sign(body) }, "other-secret")).ok).toBe(false);
    expect((await verify(body, {})).ok).toBe(false);
    const stale = new Date(NOW.getTime() + 74 * 3600 * 1000);
    expect(await verify(body, { Authorization: sign(body) }, APP_SECRET, stale)).toEqual({
      ok: false,
      reason: "webhook timestamp is stale or in the future",
    });
    const early = new Date(NOW.getTime() - 3600 * 1000);
    expect((await verify(body, { Authorization: sign(body) }, APP_SECRET, early)).ok).toBe(false);
  });

  it("turns status and address webhooks into hints and changes", () => {
    expect(tiktokAdapter.parseWebhook!(body, {})).toMatchObject({
      kind: "order_hint",
      externalId: "577086512123755123",
      eventId: "7327112393057371910",
    });
    const cancelled = JSON.stringify({
      ...JSON.parse(body),
      data: { order_id: "577086512123755123", order_status: "CANCELLED" },
    });
    expect(tiktokAdapter.parseWebhook!(cancelled, {})).toMatchObject({ kind: "cancelled" });
    expect(tiktokAdapter.parseWebhook!(fixtures.raw("webhook-address-update.json"), {})).toMatchObject({
      kind: "address_changed",
      externalId: "577086512123755123",
    });
  });
});

describe("tiktok Open API against a fake endpoint that checks signatures", () => {
  let server: FakeChannelServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  const connection = (baseUrl: string, settings: Record<string, unknown> = {}) => ({
    baseUrl,
    credentials: {
      appKey: APP_KEY,
      appSecret: APP_SECRET,
      accessToken: "TTP_pLm3Q9access",
      shopCipher: "GCP_XF90igAAAABh00qsWgtvOiGFNqyubMt3",
    },
    settings,
  });
  const signed = (answer: (r: RecordedRequest) => unknown) => (r: RecordedRequest) => {
    if (r.query.get("sign") !== expectedSign(r) || r.headers["x-tts-access-token"] !== "TTP_pLm3Q9access") {
      return { body: fixtures.json("error-invalid-sign.json") };
    }
    return { body: answer(r) };
  };

  it("searches orders by update time with page tokens, every request signed", async () => {
    server = await startFakeChannelServer(
      signed((r) => fixtures.json(r.query.get("page_token") ? "search-orders-page2.json" : "search-orders-page1.json")),
    );
    const result = await createTikTokAdapter({ now: () => NOW }).pullOrders!(connection(server.baseUrl), {
      cursor: null,
      since: new Date(1741900000 * 1000),
    });
    expect(result.orders.map((o) => (o as { id: string }).id)).toEqual(["577086512123755123", "576461413038785752"]);
    expect(JSON.parse(result.nextCursor!)).toEqual({ updateTimeGe: 1741990000 });
    const [first, second] = server.requests;
    expect(first!.path).toBe("/order/202309/orders/search");
    expect(first!.body).toEqual({ update_time_ge: 1741900000 });
    expect(Object.fromEntries(first!.query)).toMatchObject({
      app_key: APP_KEY,
      shop_cipher: "GCP_XF90igAAAABh00qsWgtvOiGFNqyubMt3",
      timestamp: "1742120060",
      page_size: "50",
      sort_field: "update_time",
      sort_order: "ASC",
    });
    expect(second!.query.get("page_token")).toBe("aDU2dUpmdVlnWXlMdHJ1RWtvZFp3Tm9EaE1rN01Xam8=");
  });

  it("fails clearly when TikTok refuses the signature", async () => {
    server = await startFakeChannelServer(() => ({ body: fixtures.json("error-invalid-sign.json") }));
    await expect(
      createTikTokAdapter({ now: () => NOW }).fetchOrders!(connection(server.baseUrl), ["577086512123755123"]),
    ).rejects.toThrow(/code 36009004/);
  });

  it("fetches order details by id for a webhook hint", async () => {
    server = await startFakeChannelServer(signed(() => fixtures.json("get-order-detail.json")));
    const [order] = await createTikTokAdapter({ now: () => NOW }).fetchOrders!(connection(server.baseUrl), [
      "577086512123755123",
    ]);
    expect((order as { id: string }).id).toBe("577086512123755123");
    expect(server.requests[0]!.query.get("ids")).toBe("577086512123755123");
    expect(server.requests[0]!.method).toBe("GET");
  });

  it("marks the units shipped with the configured shipping provider id", async () => {
    server = await startFakeChannelServer(signed(() => fixtures.json("mark-package-shipped.json")));
    const adapter = createTikTokAdapter({ now: () => NOW });
    const settings = { shippingProviderIds: { "Royal Mail": "7117858858072016686" } };
    const result = await adapter.confirmShipment!(connection(server.baseUrl, settings), {
      externalId: "577086512123755123",
      carrier: "Royal Mail",
      trackingNumber: "QF123456785GB",
      lines: [{ sku: "TEE-RED-M", quantity: 2, externalLineId: "577087614418520388,577087614418520389" }],
    });
    expect(result).toEqual({ reference: "1153132168123859123" });
    expect(server.requests[0]!.path).toBe("/fulfillment/202309/orders/577086512123755123/packages");
    expect(server.requests[0]!.body).toEqual({
      order_line_item_ids: ["577087614418520388", "577087614418520389"],
      tracking_number: "QF123456785GB",
      shipping_provider_id: "7117858858072016686",
    });
    await expect(
      adapter.confirmShipment!(connection(server.baseUrl), {
        externalId: "577086512123755123",
        carrier: "Evri",
        trackingNumber: "H01",
        lines: [],
      }),
    ).rejects.toBeInstanceOf(ChannelConfigError);
  });

  it("finds SKU ids by seller SKU and updates inventory per product", async () => {
    server = await startFakeChannelServer(
      signed((r) => fixtures.json(r.path.endsWith("/search") ? "search-products.json" : "inventory-update.json")),
    );
    const result = await createTikTokAdapter({ now: () => NOW }).pushStock!(connection(server.baseUrl), [
      { sku: "TEE-RED-M", available: 8 },
      { sku: "TOTE-NAT", available: 0 },
      { sku: "UNKNOWN", available: 1 },
    ]);
    expect(result).toEqual({
      updated: ["TEE-RED-M", "TOTE-NAT"],
      failed: [{ sku: "UNKNOWN", reason: "no TikTok Shop SKU has this seller SKU" }],
    });
    expect(server.requests[0]!.body).toEqual({ seller_skus: ["TEE-RED-M", "TOTE-NAT", "UNKNOWN"] });
    expect(server.requests[1]!.path).toBe("/product/202309/products/1729582718312380123/inventory/update");
    expect(server.requests[1]!.body).toEqual({
      skus: [
        { id: "17295827183123800M", inventory: [{ warehouse_id: "7000714532876273420", quantity: 8 }] },
        { id: "17295827183123800T", inventory: [{ warehouse_id: "7000714532876273420", quantity: 0 }] },
      ],
    });
  });
});
