import { createHmac } from "node:crypto";
import { currentTrackingStatus } from "@crossflow/domain";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type FakeCarrierServer, recordingSleep, startFakeCarrierServer } from "../testing/fake-carrier-server";
import { sampleShipment } from "../testing/sample-shipment";
import { CarrierError } from "../types";
import { createDhlExpressAdapter, DHL_WEBHOOK_HEADER, type DhlExpressCredentials } from "./adapter";
import { installFakeDhlExpress } from "./fake";
import pushNotification from "./fixtures/push-notification.json" with { type: "json" };

const credentials: DhlExpressCredentials = { username: "apiUser", password: "apiSecret", accountNumber: "123456789" };

let server: FakeCarrierServer;
const sleeper = recordingSleep();

beforeAll(async () => {
  server = await startFakeCarrierServer();
  installFakeDhlExpress(server, { username: credentials.username, password: credentials.password });
});
afterAll(() => server.close());
beforeEach(() => {
  server.reset();
  sleeper.waits.length = 0;
});

const adapter = () => createDhlExpressAdapter({ baseUrl: server.url, sleep: sleeper.sleep });

describe("DHL Express (MyDHL API)", () => {
  it("creates a shipment: tracking number, label bytes from base64, charges in minor units", async () => {
    const created = await adapter().createShipment(credentials, sampleShipment());
    expect(created).toMatchObject({
      carrier: "dhl_express",
      trackingNumber: "1234567890",
      carrierShipmentId: "1234567890",
      parcelTrackingNumbers: ["JD914600003889482921"],
      charges: { amount: 8647, currency: "EUR" },
    });
    expect(created.label?.format).toBe("pdf");
    expect(new TextDecoder().decode(created.label!.bytes.slice(0, 8))).toBe("%PDF-1.4");

    const [request] = server.requestsTo("POST", "/shipments");
    expect(request!.json()).toMatchObject({
      productCode: "P",
      accounts: [{ typeCode: "shipper", number: "123456789" }],
      content: {
        packages: [{ weight: 1.25, dimensions: { length: 30, width: 20, height: 10 } }],
        isCustomsDeclarable: true,
        declaredValue: 39.98,
        declaredValueCurrency: "EUR",
        exportDeclaration: {
          lineItems: [
            {
              price: 19.99,
              quantity: { value: 2, unitOfMeasurement: "PCS" },
              commodityCodes: [{ typeCode: "outbound", value: "610910" }],
              manufacturerCountry: "CN",
            },
          ],
        },
      },
      customerDetails: { receiverDetails: { postalAddress: { cityName: "Berlin", countryCode: "DE" } } },
    });
    expect(request!.headers["message-reference"]).toBeTruthy();
  });

  it("uses the EU product within the EU and refuses a service DHL does not sell", async () => {
    await adapter().createShipment(
      credentials,
      sampleShipment({ shipper: { ...sampleShipment().recipient, city: "Paris", country: "FR" }, customs: undefined }),
    );
    expect(server.requestsTo("POST", "/shipments")[0]!.json<{ productCode: string }>().productCode).toBe("U");
    await expect(adapter().createShipment(credentials, sampleShipment({ service: "ground" }))).rejects.toThrow(
      /no DHL Express product/,
    );
  });

  it("reports bad credentials with DHL's message, without retrying", async () => {
    const error = await adapter()
      .createShipment({ ...credentials, password: "wrong" }, sampleShipment())
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CarrierError);
    expect(error).toMatchObject({ status: 401, retryable: false });
    expect((error as Error).message).toMatch(/Invalid Credentials/);
    expect(server.requestsTo("POST", "/shipments")).toHaveLength(1);
  });

  it("passes on DHL's validation details", async () => {
    const request = sampleShipment({ parcels: [] });
    await expect(adapter().createShipment(credentials, request)).rejects.toThrow(/content\.packages/);
  });

  it("retries 429 and 5xx with backoff and honours Retry-After", async () => {
    server.failNext("POST", "/shipments", {
      status: 429,
      headers: { "retry-after": "2" },
      body: { title: "Too Many Requests" },
    });
    server.failNext("POST", "/shipments", { status: 503, body: { title: "Service Unavailable" } });
    const created = await adapter().createShipment(credentials, sampleShipment());
    expect(created.trackingNumber).toBe("1234567890");
    expect(sleeper.waits).toEqual([2000, 1000]);
    expect(server.requestsTo("POST", "/shipments")).toHaveLength(3);
  });

  it("gives up after the retries with a retryable error", async () => {
    server.failNext("GET", /tracking$/, { status: 500, body: { title: "Internal Server Error" } }, 4);
    await expect(adapter().track(credentials, ["1234567890"])).rejects.toMatchObject({ status: 500, retryable: true });
    expect(sleeper.waits).toEqual([500, 1000, 2000]);
  });

  it("tracks: checkpoint codes normalized, local times to UTC, ordered by event time", async () => {
    const events = await adapter().track(credentials, ["1234567890", { trackingNumber: "0000000000" }]);
    expect(events.map((e) => e.carrierCode)).toEqual(["PU", "PL", "DF", "AF", "CD", "CR", "AR", "WC", "OK"]);
    expect(events.map((e) => e.status)).toEqual([
      "in_transit",
      "in_transit",
      "in_transit",
      "in_transit",
      "customs_hold",
      "in_transit",
      "in_transit",
      "out_for_delivery",
      "delivered",
    ]);
    expect(events[0]).toMatchObject({
      carrier: "dhl_express",
      trackingNumber: "1234567890",
      occurredAt: "2025-03-03T09:05:00.000Z",
      location: { city: "Shenzhen" },
      description: "Shipment picked up",
    });
    expect(events.at(-1)?.occurredAt).toBe("2025-03-05T11:16:00.000Z");
    expect(currentTrackingStatus(events)).toBe("delivered");
    const [request] = server.requestsTo("GET", "/shipments/1234567890/tracking");
    expect(request!.query.get("trackingView")).toBe("all-checkpoints");
  });

  it("cancels the booked pickup, and needs no call without one", async () => {
    expect(
      await adapter().cancelShipment(credentials, { trackingNumber: "1234567890", carrierShipmentId: "1234567890" }),
    ).toMatchObject({
      cancelled: true,
    });
    expect(server.requests).toHaveLength(0);
    const result = await adapter().cancelShipment(credentials, {
      trackingNumber: "1234567890",
      carrierShipmentId: "1234567890/PRG250303000123",
    });
    expect(result).toEqual({ cancelled: true, detail: "Pickup PRG250303000123 cancelled" });
    expect(server.requestsTo("DELETE", "/pickups/PRG250303000123")).toHaveLength(1);
  });

  describe("push webhook", () => {
    const rawBody = JSON.stringify(pushNotification);
    const secret = "dhl-push-token-7f3a";

    it("accepts the shared token in its header and nothing else", () => {
      const dhl = adapter();
      expect(dhl.verifyWebhook!({ rawBody, headers: { [DHL_WEBHOOK_HEADER]: secret }, secret })).toBe(true);
      expect(dhl.verifyWebhook!({ rawBody, headers: new Headers({ [DHL_WEBHOOK_HEADER]: secret }), secret })).toBe(
        true,
      );
      const flipped = secret.slice(0, -1) + (secret.endsWith("a") ? "b" : "a");
      expect(dhl.verifyWebhook!({ rawBody, headers: { [DHL_WEBHOOK_HEADER]: flipped }, secret })).toBe(false);
      expect(dhl.verifyWebhook!({ rawBody, headers: { [DHL_WEBHOOK_HEADER]: secret }, secret: "another-secret" })).toBe(
        false,
      );
      expect(dhl.verifyWebhook!({ rawBody, headers: {}, secret })).toBe(false);
      const hmac = createHmac("sha256", secret).update(rawBody).digest("hex");
      expect(dhl.verifyWebhook!({ rawBody, headers: { [DHL_WEBHOOK_HEADER]: hmac }, secret })).toBe(false);
    });

    it("parses pushed events into the same codes as polling, so they deduplicate", () => {
      const events = adapter().parseWebhook!(rawBody);
      expect(events.map((e) => [e.carrierCode, e.status])).toEqual([
        ["TRANSIT", "customs_hold"],
        ["WC", "out_for_delivery"],
        ["OK", "delivered"],
      ]);
      expect(events.at(-1)).toMatchObject({
        occurredAt: "2025-03-05T11:16:00.000Z",
        location: { city: "Berlin", country: "DE" },
      });
    });
  });
});
