import { describe, expect, it } from "vitest";
import { estimateParcel } from "../../src/shipping/parcel";

describe("estimateParcel", () => {
  it("adds packaging and stacks items on their largest footprint", () => {
    expect(
      estimateParcel([
        { sku: "TEE", quantity: 2, weightGrams: 220, dimensionsMm: { length: 300, width: 250, height: 20 } },
        { sku: "CAP", quantity: 1, weightGrams: 110, dimensionsMm: { length: 120, width: 260, height: 200 } },
      ]),
    ).toMatchObject({ ok: true, weightGrams: 610, dimensionsMm: { length: 320, width: 270, height: 180 } });
  });

  it("names the SKUs whose weight or size is unknown", () => {
    expect(
      estimateParcel([
        { sku: "A", quantity: 1, weightGrams: 100 },
        { sku: "B", quantity: 1, weightGrams: 100, dimensionsMm: { length: 1, width: 1, height: 1 } },
      ]),
    ).toEqual({ ok: false, missing: ["A"], reason: "Weight or dimensions missing in the catalog for A" });
  });
});
