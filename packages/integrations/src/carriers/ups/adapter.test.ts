import { currentTrackingStatus, mergeTrackingEvents } from "@crossflow/domain";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  type FakeCarrierServer,
  type FakeTokenIssuer,
  recordingSleep,
  startFakeCarrierServer,
} from "../testing/fake-carrier-server";
import { sampleShipment } from "../testing/sample-shipment";
import { createUpsAdapter, UPS_WEBHOOK_HEADER, type UpsCredentials } from "./adapter";
import { installFakeUps } from "./fake";
import trackAlert from "./fixtures/track-alert.json" with { type: "json" };

const credentials: UpsCredentials = { clientId: "ups-client", clientSecret: "ups-secret", accountNumber: "A1B2C3" };

let server: FakeCarrierServer;
let tokens: FakeTokenIssuer;
let now = 0;
const sleeper = recordingSleep();

beforeAll(async () => {
  server = await startFakeCarrierServer();
  tokens = installFakeUps(server, credentials);
});
afterAll(() => server.close());
beforeEach(() => {
  server.reset();
  now = Date.parse("2025-03-03T09:00:00Z");
});

const adapter = () => createUpsAdapter({ baseUrl: server.url, sleep: sleeper.sleep, now: () => now });
const tokenRequests = () => server.requestsTo("POST", "/security/v1/oauth/token").length;

describe("UPS", () => {
  it("ships with an OAuth token: tracking number, GIF label bytes, charges", async () => {
    const created = await adapter().createShipment(credentials, sampleShipment({ service: "worldwide_saver" }));
    expect(created).toMatchObject({
      carrier: "ups",
      trackingNumber: "1ZA1B2C30412345675",
      carrierShipmentId: "1ZA1B2C30412345675",
      parcelTrackingNumbers: ["1ZA1B2C30412345675"],
      charges: { amount: 9230, currency: "EUR" },
    });
    expect(created.label?.format).toBe("gif");
    expect(new TextDecoder().decode(created.label!.bytes.slice(0, 6))).toBe("GIF89a");
    const [ship] = server.requestsTo("POST", "/api/shipments/v2409/ship");
    expect(ship!.json()).toMatchObject({
      ShipmentRequest: {
        Shipment: {
          Shipper: { ShipperNumber: "A1B2C3", Address: { CountryCode: "CN", City: "Shenzhen" } },
          ShipTo: { Address: { CountryCode: "DE", PostalCode: "10117" } },
          Service: { Code: "65" },
          Package: [{ PackageWeight: { UnitOfMeasurement: { Code: "KGS" }, Weight: "1.25" } }],
          ShipmentServiceOptions: {
            InternationalForms: {
              CurrencyCode: "EUR",
              Product: [{ CommodityCode: "610910", Unit: { Number: "2", Value: "19.99" } }],
            },
          },
        },
      },
    });
    const [token] = server.requestsTo("POST", "/security/v1/oauth/token");
    expect(token!.headers["x-merchant-id"]).toBe("A1B2C3");
  });

  it("asks for ZPL when the warehouse prints ZPL", async () => {
    await adapter().createShipment(credentials, sampleShipment({ service: "worldwide_saver", labelFormat: "zpl" }));
    expect(server.requestsTo("POST", "/api/shipments/v2409/ship")[0]!.json()).toMatchObject({
      ShipmentRequest: {
        LabelSpecification: { LabelImageFormat: { Code: "ZPL" }, LabelStockSize: { Height: "6", Width: "4" } },
      },
    });
  });

  it("caches the token across calls, renews it after expiry, and refreshes once on a 401", async () => {
    const ups = adapter();
    await ups.track(credentials, ["1ZA1B2C30412345675"]);
    await ups.createShipment(credentials, sampleShipment({ service: "worldwide_saver" }));
    expect(tokenRequests()).toBe(1);

    now += 14_399_000;
    await ups.track(credentials, ["1ZA1B2C30412345675"]);
    expect(tokenRequests()).toBe(2);

    tokens.revokeAll();
    const events = await ups.track(credentials, ["1ZA1B2C30412345675"]);
    expect(events.length).toBeGreaterThan(0);
    expect(tokenRequests()).toBe(3);
    expect(server.requestsTo("GET", /^\/api\/track/).length).toBe(4);
  });

  it("fails with UPS's message when the client credentials are wrong", async () => {
    await expect(
      adapter().track({ ...credentials, clientSecret: "nope" }, ["1ZA1B2C30412345675"]),
    ).rejects.toMatchObject({
      status: 401,
      code: "250002",
      retryable: false,
    });
  });

  it("retries a throttled call", async () => {
    server.failNext("GET", /^\/api\/track/, {
      status: 429,
      body: { response: { errors: [{ code: "429", message: "Rate limit" }] } },
    });
    const events = await adapter().track(credentials, ["1ZA1B2C30412345675"]);
    expect(events).toHaveLength(8);
  });

  it("voids a shipment", async () => {
    expect(
      await adapter().cancelShipment(credentials, {
        trackingNumber: "1ZA1B2C30412345675",
        carrierShipmentId: "1ZA1B2C30412345675",
      }),
    ).toEqual({ cancelled: true, detail: "Voided" });
    await expect(adapter().cancelShipment(credentials, { trackingNumber: "1Z999" })).rejects.toThrow(/invalid/);
  });

  it("tracks: activities normalized and ordered by GMT time, unknown numbers skipped", async () => {
    const events = await adapter().track(credentials, ["1ZA1B2C30412345675", "1Z0000000000000000"]);
    expect(events.map((e) => e.status)).toEqual([
      "info_received",
      "in_transit",
      "in_transit",
      "customs_hold",
      "out_for_delivery",
      "failed_attempt",
      "out_for_delivery",
      "delivered",
    ]);
    expect(events[1]).toMatchObject({
      occurredAt: "2025-03-03T09:00:00.000Z",
      carrierCode: "OR",
      location: { city: "Shenzhen", country: "CN" },
    });
    expect(events[5]).toMatchObject({ reason: "recipient_unavailable", occurredAt: "2025-03-05T15:05:00.000Z" });
    expect(currentTrackingStatus(events)).toBe("delivered");
  });

  describe("Track Alert webhook", () => {
    const rawBody = JSON.stringify(trackAlert);
    const secret = "9f2c1b7e4d";

    it("compares the credential header with the subscription's credential", () => {
      const ups = adapter();
      expect(ups.verifyWebhook!({ rawBody, headers: { [UPS_WEBHOOK_HEADER]: secret }, secret })).toBe(true);
      expect(ups.verifyWebhook!({ rawBody, headers: { Credential: secret }, secret })).toBe(true);
      expect(ups.verifyWebhook!({ rawBody, headers: { [UPS_WEBHOOK_HEADER]: "9f2c1b7e4e" }, secret })).toBe(false);
      expect(ups.verifyWebhook!({ rawBody, headers: { [UPS_WEBHOOK_HEADER]: secret }, secret: "other" })).toBe(false);
      expect(ups.verifyWebhook!({ rawBody, headers: {}, secret })).toBe(false);
    });

    it("parses the alert into the same event polling returns", async () => {
      const [pushed] = adapter().parseWebhook!(rawBody);
      expect(pushed).toMatchObject({
        status: "failed_attempt",
        carrierCode: "48",
        occurredAt: "2025-03-05T15:05:00.000Z",
      });
      const polled = await adapter().track(credentials, ["1ZA1B2C30412345675"]);
      expect(mergeTrackingEvents(polled, [pushed!])).toHaveLength(polled.length);
    });
  });
});
