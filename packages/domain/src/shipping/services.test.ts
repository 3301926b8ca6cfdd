import { describe, expect, it } from "vitest";
import { carrierDisplayName, listCarrierServices } from "./services";

describe("listCarrierServices", () => {
  it("lists each carrier once with its services and the origins they ship from", () => {
    const carriers = listCarrierServices();
    const codes = carriers.map((c) => c.carrier);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toEqual(expect.arrayContaining(["dhl_express", "ups", "fedex", "usps", "4px", "yanwen"]));
    const dhl = carriers.find((c) => c.carrier === "dhl_express")!;
    expect(dhl.services.length).toBeGreaterThan(0);
    expect(dhl.services[0]!.origins).toContain("CN");
  });

  it("names carriers as people read them", () => {
    expect(carrierDisplayName("dhl_express")).toBe("DHL Express");
    expect(carrierDisplayName("demo")).toBe("Crossflow Demo Carrier");
    expect(carrierDisplayName("unknown_co")).toBe("unknown_co");
  });
});
