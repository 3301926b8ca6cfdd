import { createHash } from "node:crypto";
import { currentTrackingStatus } from "@crossflow/domain";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type FakeCarrierServer, recordingSleep, startFakeCarrierServer } from "../testing/fake-carrier-server";
import { sampleShipment } from "../testing/sample-shipment";
import { createYanwenAdapter, type YanwenCredentials, yanwenSign } from "./adapter";
import { installFakeYanwen } from "./fake";

const credentials: YanwenCredentials = {
  userId: "100000",
  apiToken: "D6140AA383FD8515B09028C586493DDB",
  channelIds: { special_line: "481" },
};

let server: FakeCarrierServer;
const sleeper = recordingSleep();

beforeAll(async () => {
  server = await startFakeCarrierServer();
  installFakeYanwen(server, credentials);
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const adapter = () => createYanwenAdapter({ baseUrl: server.url, sleep: sleeper.sleep, now: () => 1741000000000 });

describe("Yanwen", () => {
  it("signs token + user_id + data + format + method + timestamp + version + token", () => {
    const params = {
      userId: "100000",
      data: '{"a":1}',
      method: "express.order.create",
      timestamp: "1741000000000",
      version: "V1.0",
    };
    const documented =
      'D6140AA383FD8515B09028C586493DDB100000{"a":1}jsonexpress.order.create1741000000000V1.0D6140AA383FD8515B09028C586493DDB';
    expect(yanwenSign(params, credentials.apiToken)).toBe(createHash("md5").update(documented).digest("hex"));
  });

  it("creates a waybill and takes its base64 label", async () => {
    const created = await adapter().createShipment(credentials, sampleShipment({ service: "special_line" }));
    expect(created).toMatchObject({
      carrier: "yanwen",
      trackingNumber: "UG123456785YP",
      carrierShipmentId: "UG123456785YP",
      label: { format: "pdf" },
    });
    expect(new TextDecoder().decode(created.label!.bytes.slice(0, 8))).toBe("%PDF-1.4");
    const [create] = server.requestsTo("POST", "/api/order");
    expect(create!.query.get("version")).toBe("V1.0");
    expect(create!.json()).toMatchObject({
      channelId: "481",
      orderNumber: "shp_01JQ4Z7T0000000000000000",
      receiverInfo: { name: "Anna Schmidt", country: "DE", zipCode: "10117" },
      parcelInfo: {
        currency: "EUR",
        totalPrice: "39.98",
        totalQuantity: "2",
        totalWeight: "1250",
        productList: [{ hscode: "610910", price: "19.99" }],
      },
    });
  });

  it("reports a wrong token as Yanwen's signature error, and validation messages as they come", async () => {
    await expect(
      adapter().createShipment({ ...credentials, apiToken: "wrong" }, sampleShipment({ service: "special_line" })),
    ).rejects.toMatchObject({
      code: "1001",
    });
    const request = sampleShipment({ service: "special_line" });
    request.recipient.postalCode = undefined;
    await expect(adapter().createShipment(credentials, request)).rejects.toThrow(/zipCode is required/);
    await expect(adapter().createShipment(credentials, sampleShipment({ service: "economy" }))).rejects.toThrow(
      /no Yanwen channel/,
    );
  });

  it("cancels a waybill", async () => {
    expect(await adapter().cancelShipment(credentials, { trackingNumber: "UG123456785YP" })).toEqual({
      cancelled: true,
    });
  });

  it("tracks with the customer number, in batches, statuses normalized and ordered", async () => {
    const events = await adapter().track(credentials, ["UG123456785YP", "UG000000000YP"]);
    expect(events.map((e) => [e.carrierCode, e.status])).toEqual([
      ["PU10", "in_transit"],
      ["OR10", "in_transit"],
      ["LH20", "in_transit"],
      ["IC50", "in_transit"],
      ["IC60", "in_transit"],
      ["LM10", "in_transit"],
      ["LM25", "out_for_delivery"],
      ["LM50", "failed_attempt"],
      ["LM40", "delivered"],
    ]);
    expect(events[0]).toMatchObject({ occurredAt: "2025-03-03T10:22:00.000Z", location: { city: "Shenzhen" } });
    expect(events[7]).toMatchObject({ reason: "recipient_unavailable", occurredAt: "2025-03-10T13:02:00.000Z" });
    expect(currentTrackingStatus(events)).toBe("delivered");
    expect(server.requestsTo("GET", "/api/tracking")[0]!.query.get("nums")).toBe("UG123456785YP,UG000000000YP");
  });

  it("fails tracking with the wrong customer number", async () => {
    await expect(adapter().track({ ...credentials, userId: "999" }, ["UG123456785YP"])).rejects.toMatchObject({
      status: 401,
    });
  });
});
