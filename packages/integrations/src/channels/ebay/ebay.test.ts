import { generateKeyPairSync, sign } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { type FakeChannelServer, startFakeChannelServer } from "../testing/fake-channel-server";
import { fixtureLoader, flipByte } from "../testing/fixtures";
import { createEbayAdapter, ebayAdapter } from "./index";

const fixtures = fixtureLoader(import.meta.url);
const T0 = new Date("2025-03-16T12:00:00Z");
const KID = "99345d57-9d0d-4c3b-8b4e-3c2a0f1e5d6c";

const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
// eBay's getPublicKey returns the PEM body on one line.
const publishedKey = (publicKey.export({ type: "spki", format: "pem" }) as string).replace(/\n/g, "");

function ebaySignature(body: string | Buffer, key = privateKey, kid = KID) {
  const signature = sign("sha1", Buffer.from(body), key).toString("base64");
  return Buffer.from(JSON.stringify({ alg: "ECDSA", kid, signature, digest: "SHA1" })).toString("base64");
}

describe("ebay mapping", () => {
  const [uk] = fixtures.json<{ orders: unknown[] }>("get-orders-page1.json").orders;
  const [eis] = fixtures.json<{ orders: unknown[] }>("get-orders-page2.json").orders;

  it("maps a domestic order with a promotion exactly", () => {
    expect(ebayAdapter.mapOrder(uk)).toEqual({
      ok: true,
      order: {
        channel: "ebay",
        externalId: "11-12345-67890",
        orderNumber: "4521",
        status: "open",
        currency: "GBP",
        buyer: {
          email: "3f8d2a91c0b@members.ebay.com",
          name: "James Smith",
          phone: "07700900123",
          externalId: "jsmith_uk",
        },
        shippingAddress: {
          name: "James Smith",
          line1: "1 Parliament Street",
          line2: "Flat 4",
          city: "London",
          postalCode: "SW1A 1AA",
          country: "GB",
          phone: "07700900123",
        },
        lines: [
          {
            externalLineId: "10055512345601",
            sku: "TEE-RED-M",
            title: "Crossflow Cotton T-shirt Red M",
            quantity: 2,
            unitPrice: 2499,
            tax: 0,
            discount: 500,
          },
        ],
        shippingPaid: 399,
        shippingTax: 0,
        taxesIncluded: true,
        total: 4897,
        payment: { provider: "ebay", reference: "7A1234567B890123C", status: "paid" },
        placedAt: new Date("2025-03-14T09:05:11Z"),
        updatedAt: new Date("2025-03-14T09:06:02Z"),
        flags: {},
        restrictedFields: [],
      },
    });
  });

  it("maps an eBay International Shipping order to the hub address with its flags", () => {
    const result = ebayAdapter.mapOrder(eis);
    expect(result.ok && result.order).toMatchObject({
      currency: "USD",
      buyer: { name: "k.tanaka.jp", externalId: "k.tanaka.jp" },
      shippingAddress: {
        name: "eBay International Shipping",
        company: "EIS Hub",
        line1: "1850 Airport Exchange Blvd",
        line2: "#200 Ref: 5HB7K2",
        city: "Erlanger",
        region: "KY",
        country: "US",
      },
      lines: [{ sku: "MUG-BLK", quantity: 2, unitPrice: 1800, discount: 0 }],
      taxesIncluded: false,
      flags: { ebayInternationalShipping: true, marketplaceCollectsTax: true },
    });
    const gsp = structuredClone(eis) as Record<string, unknown>;
    delete gsp.program;
    const global = ebayAdapter.mapOrder(gsp);
    expect(global.ok && global.order.flags).toEqual({ ebayGlobalShipping: true, marketplaceCollectsTax: true });
  });

  it("asks for a SKU when a listing has none, and reports bad amounts at eBay's path", () => {
    const broken = structuredClone(uk) as { lineItems: Array<Record<string, unknown>> };
    delete broken.lineItems[0]!.sku;
    broken.lineItems[0]!.lineItemCost = { value: "49.985", currency: "GBP" };
    expect(ebayAdapter.mapOrder(broken)).toEqual({
      ok: false,
      errors: [
        { path: "lineItems[0].lineItemCost.value", message: '"49.985" has more decimals than GBP allows (2)' },
        { path: "lineItems[0].sku", message: "is required (give the eBay listing a custom label / SKU)" },
      ],
    });
  });
});

describe("ebay notifications", () => {
  const body = fixtures.raw("notification-account-deletion.json");
  const lookups: string[] = [];
  const adapter = createEbayAdapter({
    publicKeyLookup: async (kid) => {
      lookups.push(kid);
      return kid === KID ? { key: publishedKey, algorithm: "ECDSA", digest: "SHA1" } : null;
    },
  });
  const verify = (rawBody: string | Buffer, signature?: string) =>
    adapter.verifyWebhook!({
      rawBody,
      headers: signature === undefined ? {} : { "X-EBAY-SIGNATURE": signature },
      secret: "",
    });

  it("verifies eBay's ECDSA signature with the public key for its kid, fetched once", async () => {
    expect(await verify(body, ebaySignature(body))).toEqual({
      ok: true,
      eventId: "49feeaeb-4982-42d9-a377-9645b8479411_33f7e043-fed8-442b-9d44-791923bd9a6d",
      topic: "MARKETPLACE_ACCOUNT_DELETION",
    });
    expect((await verify(body, ebaySignature(body))).ok).toBe(true);
    expect(lookups).toEqual([KID]);
  });

  it("rejects a flipped byte, another key, an unknown kid, a missing or garbled header", async () => {
    const other = generateKeyPairSync("ec", { namedCurve: "prime256v1" }).privateKey;
    for (const [rawBody, header] of [
      [flipByte(body), ebaySignature(body)],
      [body, ebaySignature(body, other)],
      [body, ebaySignature(body, privateKey, "unknown-kid")],
      [body, undefined],
      [body, "bm90IGpzb24="],
      [
        body,
        Buffer.from(JSON.stringify({ alg: "ECDSA", kid: KID, signature: "AAAA", digest: "SHA1" })).toString("base64"),
      ],
    ] as Array<[string | Buffer, string | undefined]>) {
      expect((await verify(rawBody, header)).ok).toBe(false);
    }
  });

  it("answers the endpoint challenge with SHA-256 of code + token + endpoint", () => {
    const endpoint = "https://api.crossflow.example/webhooks/ebay/con_01HX";
    const answer = ebayAdapter.webhookChallenge!({
      query: new URLSearchParams({ challenge_code: "a8628072-3d33-45ee-9004-bee86830a22d" }),
      endpointUrl: endpoint,
      verificationToken: "71745723-d031-455c-bfa5-f90d11b4f20a-crossflow-token",
    });
    // sha256("a8628072-…a22d" + "71745723-…-crossflow-token" + endpoint), computed independently
    expect(answer).toEqual({
      status: 200,
      body: { challengeResponse: "3f62a4d7abcae4300766ac10fa9ba38fc4053a95a509cda9c60f41fcf8117611" },
    });
    expect(
      ebayAdapter.webhookChallenge!({ query: new URLSearchParams(), endpointUrl: endpoint, verificationToken: "t" }),
    ).toBeNull();
  });

  it("acknowledges account deletions without treating them as orders", () => {
    expect(ebayAdapter.parseWebhook!(body, {})).toMatchObject({
      kind: "ignored",
      topic: "MARKETPLACE_ACCOUNT_DELETION",
    });
  });
});

describe("ebay REST against a fake endpoint", () => {
  let server: FakeChannelServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  const connection = (baseUrl: string) => ({
    baseUrl,
    credentials: {
      clientId: "Crossflo-Crossflo-PRD-0a1b2c3d4-5e6f7a8b",
      clientSecret: "PRD-0a1b2c3d4e5f-6a7b-8c9d-0e1f-2a3b",
      refreshToken: "v^1.1#i^1#r^1#refresh",
      verificationToken: "t",
    },
  });
  const BASIC = `Basic ${Buffer.from("Crossflo-Crossflo-PRD-0a1b2c3d4-5e6f7a8b:PRD-0a1b2c3d4e5f-6a7b-8c9d-0e1f-2a3b").toString("base64")}`;
  const BEARER = "Bearer v^1.1#i^1#p^3#r^1#f^0#I^3#t^H4sIAAAAAAAAAOVYa2wUVRTe";

  it("refreshes the user token once and pages by offset", async () => {
    server = await startFakeChannelServer((r) => {
      if (r.path === "/identity/v1/oauth2/token") return { body: fixtures.json("oauth-token.json") };
      return { body: fixtures.json(r.query.get("offset") === "0" ? "get-orders-page1.json" : "get-orders-page2.json") };
    });
    const adapter = createEbayAdapter({ now: () => T0 });
    const result = await adapter.pullOrders!(connection(server.baseUrl), {
      cursor: null,
      since: new Date("2025-03-01T00:00:00Z"),
      pageSize: 1,
    });
    expect(result.orders.map((o) => (o as { orderId: string }).orderId)).toEqual(["11-12345-67890", "04-11223-44556"]);
    expect(JSON.parse(result.nextCursor!)).toEqual({ modifiedAfter: "2025-03-15T18:00:00.000Z" });
    const [token] = server.calls("POST", "/identity/v1/oauth2/token");
    expect(token!.headers.authorization).toBe(BASIC);
    expect(token!.body).toEqual({
      grant_type: "refresh_token",
      refresh_token: "v^1.1#i^1#r^1#refresh",
      scope:
        "https://api.ebay.com/oauth/api_scope/sell.fulfillment https://api.ebay.com/oauth/api_scope/sell.inventory",
    });
    const pages = server.calls("GET", "/sell/fulfillment/v1/order");
    expect(pages.map((p) => Object.fromEntries(p.query))).toEqual([
      { filter: "lastmodifieddate:[2025-03-01T00:00:00.000Z..]", limit: "1", offset: "0" },
      { filter: "lastmodifieddate:[2025-03-01T00:00:00.000Z..]", limit: "1", offset: "1" },
    ]);
    for (const page of pages) expect(page.headers.authorization).toBe(BEARER);
    expect(server.calls("POST", "/identity/v1/oauth2/token")).toHaveLength(1);
  });

  it("creates a shipping fulfillment and reads its id from Location", async () => {
    server = await startFakeChannelServer((r) => {
      if (r.path === "/identity/v1/oauth2/token") return { body: fixtures.json("oauth-token.json") };
      if (r.method === "GET") return { body: fixtures.json<{ orders: unknown[] }>("get-orders-page1.json").orders[0] };
      return {
        status: 201,
        headers: {
          Location: `${server!.baseUrl}/sell/fulfillment/v1/order/11-12345-67890/shipping_fulfillment/9405509206094269450327`,
        },
        body: {},
      };
    });
    const result = await createEbayAdapter({ now: () => T0 }).confirmShipment!(connection(server.baseUrl), {
      externalId: "11-12345-67890",
      carrier: "Royal Mail",
      trackingNumber: "QF123456785GB",
      lines: [{ sku: "TEE-RED-M", quantity: 2 }],
    });
    expect(result).toEqual({ reference: "9405509206094269450327" });
    const [post] = server.calls("POST", "/sell/fulfillment/v1/order/11-12345-67890/shipping_fulfillment");
    expect(post!.headers.authorization).toBe(BEARER);
    expect(post!.body).toEqual({
      lineItems: [{ lineItemId: "10055512345601", quantity: 2 }],
      shippedDate: "2025-03-16T12:00:00.000Z",
      shippingCarrierCode: "ROYAL_MAIL",
      trackingNumber: "QF123456785GB",
    });
  });

  it("pushes stock with bulk_update_price_quantity and reports refused SKUs", async () => {
    server = await startFakeChannelServer((r) =>
      r.path === "/identity/v1/oauth2/token"
        ? { body: fixtures.json("oauth-token.json") }
        : { status: 207, body: fixtures.json("bulk-update-price-quantity.json") },
    );
    const result = await createEbayAdapter({ now: () => T0 }).pushStock!(connection(server.baseUrl), [
      { sku: "TEE-RED-M", available: 14 },
      { sku: "NOT-LISTED", available: 3 },
    ]);
    expect(result).toEqual({
      updated: ["TEE-RED-M"],
      failed: [{ sku: "NOT-LISTED", reason: "The SKU NOT-LISTED is not available in the system." }],
    });
    expect(server.calls("POST", "/sell/inventory/v1/bulk_update_price_quantity")[0]!.body).toEqual({
      requests: [
        { sku: "TEE-RED-M", shipToLocationAvailability: { quantity: 14 } },
        { sku: "NOT-LISTED", shipToLocationAvailability: { quantity: 3 } },
      ],
    });
  });
});
