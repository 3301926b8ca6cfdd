import { listCarrierServices } from "@crossflow/domain";
import { describe, expect, it } from "vitest";
import { CARRIER_ADAPTERS, CarrierConfigError, createCarrierAdapters, parseServiceCodes } from "./index";
import { sampleShipment } from "./testing/sample-shipment";

describe("carrier registry", () => {
  it("has an adapter for each international carrier the rate cards price, under the same code", () => {
    const rateCardCarriers = listCarrierServices().map((c) => c.carrier);
    for (const code of ["dhl_express", "ups", "fedex", "usps", "4px", "yanwen"]) {
      expect(rateCardCarriers).toContain(code);
      expect(Object.keys(CARRIER_ADAPTERS)).toContain(code);
      expect(CARRIER_ADAPTERS[code as keyof typeof CARRIER_ADAPTERS]().carrier).toBe(code);
    }
    expect(CARRIER_ADAPTERS.demo().carrier).toBe("demo");
  });

  it("serves every rate card carrier from the demo carrier when nothing is configured", async () => {
    const carriers = createCarrierAdapters({});
    for (const { carrier } of listCarrierServices()) {
      expect(carriers[carrier]).toMatchObject({ carrier, mode: "demo" });
      expect(carriers[carrier]!.adapter.carrier).toBe(carrier);
    }
    const created = await carriers.ups!.adapter.createShipment(carriers.ups!.credentials, sampleShipment());
    expect(created.trackingNumber).toMatch(/^CF\d{9}CN$/);
  });

  it("connects a carrier whose variables are all set, with its base URL and webhook secret", async () => {
    const requests: string[] = [];
    const fetchStub: typeof fetch = async (input) => {
      requests.push(String(input));
      return new Response(JSON.stringify({ access_token: "t", expires_in: "14399" }), { status: 200 });
    };
    const carriers = createCarrierAdapters(
      {
        UPS_CLIENT_ID: "id",
        UPS_CLIENT_SECRET: "secret",
        UPS_ACCOUNT_NUMBER: "A1B2C3",
        UPS_BASE_URL: "http://127.0.0.1:9/ups",
        UPS_WEBHOOK_CREDENTIAL: "hook-secret",
        FOURPX_APP_KEY: "k",
        FOURPX_APP_SECRET: "s",
        FOURPX_PRODUCT_CODES: "global_express=PX, global_economy=PY",
      },
      { fetch: fetchStub, sleep: async () => {} },
    );
    expect(carriers.ups).toMatchObject({
      mode: "live",
      credentials: { clientId: "id", accountNumber: "A1B2C3" },
      webhookSecret: "hook-secret",
    });
    expect(carriers["4px"]).toMatchObject({
      mode: "live",
      credentials: { productCodes: { global_express: "PX", global_economy: "PY" } },
    });
    expect(carriers.fedex?.mode).toBe("demo");
    await carriers.ups!.adapter.track(carriers.ups!.credentials, []);
    await carriers.ups!.adapter.track(carriers.ups!.credentials, ["1Z1"]).catch(() => undefined);
    expect(requests[0]).toBe("http://127.0.0.1:9/ups/security/v1/oauth/token");
  });

  it("refuses a half-configured carrier instead of silently using the demo", () => {
    expect(() => createCarrierAdapters({ FEDEX_CLIENT_ID: "id" })).toThrow(CarrierConfigError);
    expect(() => createCarrierAdapters({ FEDEX_CLIENT_ID: "id" })).toThrow(/FEDEX_CLIENT_SECRET, FEDEX_ACCOUNT_NUMBER/);
    expect(() => createCarrierAdapters({ DEMO_CARRIER_MINUTES_PER_STEP: "0" })).toThrow(/positive/);
    expect(() => parseServiceCodes("global_express", "FOURPX_PRODUCT_CODES")).toThrow(/service=code/);
  });
});
