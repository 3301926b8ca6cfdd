import { createHmac } from "node:crypto";
import { currentTrackingStatus } from "@crossflow/domain";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  type FakeCarrierServer,
  type FakeTokenIssuer,
  recordingSleep,
  startFakeCarrierServer,
} from "../testing/fake-carrier-server";
import { sampleShipment } from "../testing/sample-shipment";
import { createFedexAdapter, FEDEX_WEBHOOK_HEADER, type FedexCredentials } from "./adapter";
import { installFakeFedex } from "./fake";
import webhookPush from "./fixtures/webhook-push.json" with { type: "json" };

const credentials: FedexCredentials = {
  clientId: "fedex-client",
  clientSecret: "fedex-secret",
  accountNumber: "740561073",
};

let server: FakeCarrierServer;
let tokens: FakeTokenIssuer;
let now = 0;
const sleeper = recordingSleep();

beforeAll(async () => {
  server = await startFakeCarrierServer();
  tokens = installFakeFedex(server, credentials);
});
afterAll(() => server.close());
beforeEach(() => {
  server.reset();
  now = Date.parse("2025-03-03T09:00:00Z");
});

const adapter = () => createFedexAdapter({ baseUrl: server.url, sleep: sleeper.sleep, now: () => now });
const tokenRequests = () => server.requestsTo("POST", "/oauth/token").length;

describe("FedEx", () => {
  it("creates a shipment: master tracking number, PDF label, net charge", async () => {
    const created = await adapter().createShipment(credentials, sampleShipment({ service: "international_priority" }));
    expect(created).toMatchObject({
      carrier: "fedex",
      trackingNumber: "794612345678",
      parcelTrackingNumbers: ["794612345678"],
      charges: { amount: 10485, currency: "EUR" },
      label: { format: "pdf" },
    });
    expect(new TextDecoder().decode(created.label!.bytes.slice(0, 8))).toBe("%PDF-1.4");
    expect(server.requestsTo("POST", "/ship/v1/shipments")[0]!.json()).toMatchObject({
      accountNumber: { value: "740561073" },
      requestedShipment: {
        serviceType: "FEDEX_INTERNATIONAL_PRIORITY",
        recipients: [{ address: { city: "Berlin", countryCode: "DE" } }],
        customsClearanceDetail: {
          dutiesPayment: { paymentType: "RECIPIENT" },
          commodities: [
            {
              harmonizedCode: "610910",
              quantity: 2,
              unitPrice: { amount: 19.99, currency: "EUR" },
              customsValue: { amount: 39.98 },
            },
          ],
        },
        requestedPackageLineItems: [{ weight: { units: "KG", value: 1.25 }, dimensions: { length: 30, units: "CM" } }],
      },
    });
  });

  it("caches the token, renews it after expiry and on a 401", async () => {
    const fedex = adapter();
    await fedex.track(credentials, ["794612345678"]);
    await fedex.track(credentials, ["794612345678"]);
    expect(tokenRequests()).toBe(1);
    now += 3_600_000;
    await fedex.track(credentials, ["794612345678"]);
    expect(tokenRequests()).toBe(2);
    tokens.revokeAll();
    await fedex.createShipment(credentials, sampleShipment({ service: "international_economy" }));
    expect(tokenRequests()).toBe(3);
  });

  it("fails without retrying when the credentials are refused", async () => {
    await expect(adapter().track({ ...credentials, clientSecret: "bad" }, ["794612345678"])).rejects.toMatchObject({
      status: 401,
      code: "NOT.AUTHORIZED.ERROR",
    });
    expect(tokenRequests()).toBe(1);
  });

  it("cancels a shipment", async () => {
    expect(await adapter().cancelShipment(credentials, { trackingNumber: "794612345678" })).toEqual({
      cancelled: true,
      detail: "Success",
    });
    expect(server.requestsTo("PUT", "/ship/v1/shipments/cancel")[0]!.json()).toMatchObject({
      trackingNumber: "794612345678",
      deletionControl: "DELETE_ALL_PACKAGES",
    });
  });

  it("tracks: scans normalized with the exception reason, ordered by time, unknown numbers skipped", async () => {
    const events = await adapter().track(credentials, ["794612345678", "123456789012"]);
    expect(events.map((e) => [e.carrierCode, e.status])).toEqual([
      ["OC", "info_received"],
      ["PU", "in_transit"],
      ["DP", "in_transit"],
      ["CD", "customs_hold"],
      ["CC", "in_transit"],
      ["DE", "failed_attempt"],
      ["OD", "out_for_delivery"],
      ["DL", "delivered"],
    ]);
    expect(events[5]).toMatchObject({ reason: "recipient_unavailable", occurredAt: "2025-03-05T15:20:00.000Z" });
    expect(events[1]).toMatchObject({
      occurredAt: "2025-03-03T09:30:00.000Z",
      location: { city: "Shenzhen", country: "CN" },
    });
    expect(currentTrackingStatus(events)).toBe("delivered");
  });

  it("retries a 503 then succeeds", async () => {
    server.failNext("POST", "/track/v1/trackingnumbers", {
      status: 503,
      body: { errors: [{ code: "SERVICE.UNAVAILABLE.ERROR" }] },
    });
    expect(await adapter().track(credentials, ["794612345678"])).toHaveLength(8);
  });

  describe("webhook", () => {
    const rawBody = JSON.stringify(webhookPush, null, 1);
    const secret = "fedex-security-token";
    const signature = createHmac("sha256", secret).update(rawBody).digest("base64");

    it("verifies the base64 HMAC-SHA256 of the raw body in fdx-signature", () => {
      const fedex = adapter();
      expect(fedex.verifyWebhook!({ rawBody, headers: { [FEDEX_WEBHOOK_HEADER]: signature }, secret })).toBe(true);
      expect(
        fedex.verifyWebhook!({ rawBody: Buffer.from(rawBody), headers: { [FEDEX_WEBHOOK_HEADER]: signature }, secret }),
      ).toBe(true);
      const flipped = `${rawBody.slice(0, 10)}${rawBody[10] === "a" ? "b" : "a"}${rawBody.slice(11)}`;
      expect(fedex.verifyWebhook!({ rawBody: flipped, headers: { [FEDEX_WEBHOOK_HEADER]: signature }, secret })).toBe(
        false,
      );
      expect(
        fedex.verifyWebhook!({ rawBody, headers: { [FEDEX_WEBHOOK_HEADER]: signature }, secret: "wrong-token" }),
      ).toBe(false);
      expect(
        fedex.verifyWebhook!({ rawBody, headers: { [FEDEX_WEBHOOK_HEADER]: `${signature.slice(0, -2)}==` }, secret }),
      ).toBe(false);
      expect(fedex.verifyWebhook!({ rawBody, headers: {}, secret })).toBe(false);
    });

    it("parses the pushed track result", () => {
      expect(adapter().parseWebhook!(rawBody)).toMatchObject([
        {
          trackingNumber: "794612345678",
          status: "failed_attempt",
          reason: "recipient_unavailable",
          carrierCode: "DE",
        },
      ]);
    });
  });
});
