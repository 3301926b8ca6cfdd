import { currentTrackingStatus } from "@crossflow/domain";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  type FakeCarrierServer,
  type FakeTokenIssuer,
  recordingSleep,
  startFakeCarrierServer,
} from "../testing/fake-carrier-server";
import { sampleShipment } from "../testing/sample-shipment";
import { createUspsAdapter, type UspsCredentials } from "./adapter";
import { installFakeUsps } from "./fake";

const credentials: UspsCredentials = {
  clientId: "usps-client",
  clientSecret: "usps-secret",
  crid: "56982563",
  mid: "903129123",
  epsAccountNumber: "1000123456",
};

let server: FakeCarrierServer;
let fake: { tokens: FakeTokenIssuer; paymentTokens: FakeTokenIssuer };
let now = 0;
const sleeper = recordingSleep();

beforeAll(async () => {
  server = await startFakeCarrierServer();
  fake = installFakeUsps(server, credentials);
});
afterAll(() => server.close());
beforeEach(() => {
  server.reset();
  now = Date.parse("2025-03-03T09:00:00Z");
});

const adapter = () => createUspsAdapter({ baseUrl: server.url, sleep: sleeper.sleep, now: () => now });

const domestic = () =>
  sampleShipment({
    service: "ground_advantage",
    shipper: {
      name: "Crossflow US Warehouse",
      lines: ["100 Main St"],
      city: "Los Angeles",
      state: "CA",
      postalCode: "90001",
      country: "US",
    },
    recipient: {
      name: "John Q Public",
      lines: ["4120 Bingham Ave"],
      city: "Saint Louis",
      state: "MO",
      postalCode: "63116-1234",
      country: "US",
    },
    customs: undefined,
  });

describe("USPS", () => {
  it("buys a domestic label with a payment authorization: IMpb number, PDF, postage", async () => {
    const created = await adapter().createShipment(credentials, domestic());
    expect(created).toMatchObject({
      carrier: "usps",
      trackingNumber: "9400111899223856924420",
      charges: { amount: 837, currency: "USD" },
      label: { format: "pdf" },
    });
    expect(new TextDecoder().decode(created.label!.bytes.slice(0, 8))).toBe("%PDF-1.4");
    const [request] = server.requestsTo("POST", "/labels/v3/label");
    expect(request!.json()).toMatchObject({
      toAddress: { firstName: "John", lastName: "Q Public", ZIPCode: "63116", ZIPPlus4: "1234", state: "MO" },
      packageDescription: {
        mailClass: "USPS_GROUND_ADVANTAGE",
        weightUOM: "lb",
        weight: 2.76,
        length: 11.9,
        mailingDate: "2025-03-03",
      },
    });
    expect(request!.headers["x-payment-authorization-token"]).toMatch(/^usps-payment-token-/);
  });

  it("buys an international label with the customs form", async () => {
    const created = await adapter().createShipment(
      credentials,
      sampleShipment({
        service: "priority_mail_international",
        shipper: {
          name: "Crossflow US Warehouse",
          lines: ["100 Main St"],
          city: "Los Angeles",
          state: "CA",
          postalCode: "90001",
          country: "US",
        },
      }),
    );
    expect(created.trackingNumber).toBe("LZ123456785US");
    expect(server.requestsTo("POST", "/international-labels/v3/international-label")[0]!.json()).toMatchObject({
      toAddress: { countryISOAlpha2Code: "DE", postalCode: "10117" },
      customsForm: {
        customsContentType: "MERCHANDISE",
        contents: [{ HSTariffNumber: "610910", itemQuantity: 2, itemValue: 19.99 }],
      },
    });
  });

  it("caches the OAuth and payment tokens, and renews them on expiry and on refusal", async () => {
    const usps = adapter();
    await usps.createShipment(credentials, domestic());
    await usps.createShipment(credentials, domestic());
    expect(server.requestsTo("POST", "/oauth2/v3/token")).toHaveLength(1);
    expect(server.requestsTo("POST", "/payments/v3/payment-authorization")).toHaveLength(1);

    fake.paymentTokens.revokeAll();
    await usps.createShipment(credentials, domestic());
    expect(server.requestsTo("POST", "/payments/v3/payment-authorization")).toHaveLength(2);

    fake.tokens.revokeAll();
    await usps.track(credentials, ["9400111899223856924420"]);
    expect(server.requestsTo("POST", "/oauth2/v3/token")).toHaveLength(2);

    now += 28_800_000;
    await usps.track(credentials, ["9400111899223856924420"]);
    expect(server.requestsTo("POST", "/oauth2/v3/token")).toHaveLength(3);
  });

  it("refuses what USPS cannot label, before calling it", async () => {
    await expect(
      adapter().createShipment(credentials, { ...domestic(), service: "express_worldwide" }),
    ).rejects.toThrow(/mail class/);
    await expect(
      adapter().createShipment(credentials, { ...domestic(), parcels: [...domestic().parcels, ...domestic().parcels] }),
    ).rejects.toThrow(/one label per parcel/);
    expect(server.requests).toHaveLength(0);
  });

  it("passes on USPS's validation detail", async () => {
    const request = domestic();
    request.recipient.postalCode = undefined;
    await expect(adapter().createShipment(credentials, request)).rejects.toThrow(/toAddress\.ZIPCode/);
  });

  it("cancels domestic and international labels at their own endpoints", async () => {
    expect(await adapter().cancelShipment(credentials, { trackingNumber: "9400111899223856924420" })).toEqual({
      cancelled: true,
      detail: "CANCELED",
    });
    await adapter().cancelShipment(credentials, { trackingNumber: "LZ123456785US" });
    expect(server.requestsTo("DELETE", "/labels/v3/label/9400111899223856924420")).toHaveLength(1);
    expect(server.requestsTo("DELETE", "/international-labels/v3/international-label/LZ123456785US")).toHaveLength(1);
  });

  it("tracks with event codes, GMT times, and skips unknown numbers", async () => {
    const events = await adapter().track(credentials, ["9400111899223856924420", "9400100000000000000000"]);
    expect(events.map((e) => [e.carrierCode, e.status])).toEqual([
      ["GX", "info_received"],
      ["OA", "in_transit"],
      ["L1", "in_transit"],
      ["07", "in_transit"],
      ["02", "failed_attempt"],
      ["OF", "out_for_delivery"],
      ["01", "delivered"],
    ]);
    expect(events[4]).toMatchObject({
      reason: "recipient_unavailable",
      occurredAt: "2025-03-05T20:45:00.000Z",
      location: { city: "Saint Louis" },
    });
    expect(currentTrackingStatus(events)).toBe("delivered");
  });
});
