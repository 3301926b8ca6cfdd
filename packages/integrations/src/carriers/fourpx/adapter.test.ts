import { createHash } from "node:crypto";
import { currentTrackingStatus } from "@crossflow/domain";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type FakeCarrierServer, recordingSleep, startFakeCarrierServer } from "../testing/fake-carrier-server";
import { sampleShipment } from "../testing/sample-shipment";
import { createFourPxAdapter, type FourPxCredentials, fourPxSign } from "./adapter";
import { FAKE_FOURPX_LABEL, installFakeFourPx } from "./fake";

const credentials: FourPxCredentials = {
  appKey: "16081f05-e8fc-4250-b9c4-0660d1ecbb28",
  appSecret: "7eebf328-8e5a-4030-904d-ec6e89174fbc",
  productCodes: { global_express: "PX", global_economy: "PY" },
};

let server: FakeCarrierServer;
const sleeper = recordingSleep();

beforeAll(async () => {
  server = await startFakeCarrierServer();
  installFakeFourPx(server, credentials);
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const adapter = () => createFourPxAdapter({ baseUrl: server.url, sleep: sleeper.sleep, now: () => 1741000000000 });

describe("4PX", () => {
  it("signs as 4PX documents it: md5 of name+value pairs in order, the body, then the secret", () => {
    const documented =
      'app_key16081f05-e8fc-4250-b9c4-0660d1ecbb28formatjsonmethodds.xms.order.createtimestamp1532592413187v1.0{"aa":"bb"}7eebf328-8e5a-4030-904d-ec6e89174fbc';
    const params = { appKey: credentials.appKey, method: "ds.xms.order.create", timestamp: "1532592413187", v: "1.0" };
    const sign = fourPxSign(params, '{"aa":"bb"}', credentials.appSecret);
    expect(sign).toBe(createHash("md5").update(documented).digest("hex"));
    expect(sign).toMatch(/^[0-9a-f]{32}$/);
    expect(fourPxSign(params, '{"aa":"bc"}', credentials.appSecret)).not.toBe(sign);
  });

  it("creates a direct-ship order, then fetches its label", async () => {
    const created = await adapter().createShipment(credentials, sampleShipment({ service: "global_express" }));
    expect(created).toMatchObject({
      carrier: "4px",
      trackingNumber: "4PX3001234567890CN",
      carrierShipmentId: "4PX3001234567890CN",
      label: { format: "pdf", bytes: FAKE_FOURPX_LABEL },
    });
    const [create, label] = server.requestsTo("POST", "/router/api/service");
    expect(create!.query.get("method")).toBe("ds.xms.order.create");
    expect(create!.query.get("v")).toBe("1.1.0");
    expect(create!.json()).toMatchObject({
      ref_no: "shp_01JQ4Z7T0000000000000000",
      duty_type: "U",
      logistics_service_info: { logistics_product_code: "PX" },
      parcel_list: [
        {
          weight: 1250,
          length: 30,
          declare_product_info: [{ hscode_export: "610910", declare_unit_price_export: 19.99 }],
        },
      ],
      recipient_info: { first_name: "Anna", last_name: "Schmidt", country: "DE", post_code: "10117" },
    });
    expect(label!.query.get("method")).toBe("ds.xms.label.get");
  });

  it("reports a wrong secret as 4PX's signature error", async () => {
    await expect(adapter().track({ ...credentials, appSecret: "wrong" }, ["4PX3001234567890CN"])).rejects.toMatchObject(
      {
        code: "100004",
        retryable: false,
      },
    );
  });

  it("needs a product code for the service and a customs declaration", async () => {
    await expect(adapter().createShipment(credentials, sampleShipment({ service: "special_line" }))).rejects.toThrow(
      /no 4PX product code/,
    );
    await expect(
      adapter().createShipment(credentials, sampleShipment({ service: "global_express", customs: undefined })),
    ).rejects.toThrow(/customs declaration/);
    expect(server.requests).toHaveLength(0);
  });

  it("passes on 4PX's validation message", async () => {
    const request = sampleShipment({ service: "global_express" });
    request.recipient.postalCode = undefined;
    await expect(adapter().createShipment(credentials, request)).rejects.toThrow(/post code is required/);
  });

  it("cancels an order", async () => {
    expect(
      await adapter().cancelShipment(credentials, {
        trackingNumber: "4PX3001234567890CN",
        carrierShipmentId: "4PX3001234567890CN",
      }),
    ).toEqual({
      cancelled: true,
    });
  });

  it("tracks: businessLinkCodes normalized, China time by default, ordered by event time", async () => {
    const events = await adapter().track(credentials, ["4PX3001234567890CN", "4PX0000000000000CN"]);
    expect(events.map((e) => [e.carrierCode, e.status])).toEqual([
      ["FPX_L_RPIF", "info_received"],
      ["FPX_C_AAF", "in_transit"],
      ["FPX_C_ADFF", "in_transit"],
      ["FPX_M_HA", "in_transit"],
      ["FPX_I_RC", "customs_hold"],
      ["FPX_I_RCUK", "in_transit"],
      ["FPX_D_SD", "out_for_delivery"],
      ["FPX_S_OK", "delivered"],
    ]);
    expect(events[1]).toMatchObject({ occurredAt: "2025-03-03T17:19:48.000Z", location: { city: "ShaTian" } });
    expect(events.at(-1)).toMatchObject({ occurredAt: "2025-03-12T14:20:41.000Z" });
    expect(currentTrackingStatus(events)).toBe("delivered");
  });
});
