import { describe, expect, it } from "vitest";
import { buildOrderFacts, ORDER_FACT_FIELDS, ORDER_FACT_NAMES, type OrderFactsInput } from "../../src/index";

const products = [
  {
    sku: "TEE-RED-M",
    weightGrams: 220,
    dimensionsMm: { length: 300, width: 250, height: 20 },
    tags: ["apparel", "cotton"],
  },
  {
    sku: "LAMP-01",
    weightGrams: 1800,
    dimensionsMm: { length: 450, width: 200, height: 200 },
    tags: ["fragile", "apparel"],
  },
];

const order: OrderFactsInput = {
  currency: "EUR",
  lines: [
    { sku: "TEE-RED-M", quantity: 2, unitPrice: 1999 },
    { sku: "LAMP-01", quantity: 1, unitPrice: 8900 },
  ],
  products,
  shippingAddress: { country: "DE", postalCode: "10115" },
  channel: "shopify",
  payment: { provider: "stripe", method: "card" },
  customerTier: "gold",
  riskScore: 35,
};

describe("buildOrderFacts", () => {
  it("derives destination, weights, value, counts and tags from an order and its catalog entries", () => {
    expect(buildOrderFacts(order)).toEqual({
      destinationCountry: "DE",
      destinationRegion: "EU",
      destinationIsEu: true,
      destinationPostalCode: "10115",
      weightGrams: 2 * 220 + 1800,
      // 300×250×20 mm³ / 5000 = 300 g per tee; 450×200×200 / 5000 = 3,600 g for the lamp
      volumetricWeightGrams: 2 * 300 + 3600,
      chargeableWeightGrams: 4200,
      maxDimensionMm: 450,
      orderValue: 2 * 1999 + 8900,
      currency: "EUR",
      lineCount: 2,
      unitCount: 3,
      skus: ["LAMP-01", "TEE-RED-M"],
      skuTags: ["apparel", "cotton", "fragile"],
      customerTier: "gold",
      channel: "shopify",
      riskScore: 35,
      paymentMethod: "card",
      paymentProvider: "stripe",
    });
  });

  it("uses the given volumetric divisor, rounding each unit up to the gram", () => {
    const facts = buildOrderFacts({ ...order, volumetricDivisor: 6000 });
    // tee: 1,500,000 / 6000 = 250; lamp: 18,000,000 / 6000 = 3,000
    expect(facts.volumetricWeightGrams).toBe(2 * 250 + 3000);
    const odd = buildOrderFacts({
      ...order,
      lines: [{ sku: "X", quantity: 3, unitPrice: 100 }],
      products: [{ sku: "X", weightGrams: 10, dimensionsMm: { length: 11, width: 11, height: 11 } }],
    });
    expect(odd.volumetricWeightGrams).toBe(3); // 1331 / 5000 → 1 g per unit
    expect(odd.chargeableWeightGrams).toBe(30);
  });

  it("places the destination in its region and normalises country and postal code", () => {
    const gb = buildOrderFacts({ ...order, shippingAddress: { country: " gb ", postalCode: " bt1 1aa " } });
    expect(gb).toMatchObject({
      destinationCountry: "GB",
      destinationRegion: "EUROPE",
      destinationIsEu: false,
      destinationPostalCode: "BT1 1AA",
    });
    expect(buildOrderFacts({ ...order, shippingAddress: { country: "JP" } }).destinationRegion).toBe("ASIA");
  });

  it("leaves weight and size facts unknown when the catalog does not have them, rather than guessing", () => {
    const facts = buildOrderFacts({
      ...order,
      products: [products[0]!, { sku: "LAMP-01", tags: ["fragile"] }],
    });
    expect(facts.weightGrams).toBeUndefined();
    expect(facts.volumetricWeightGrams).toBeUndefined();
    expect(facts.chargeableWeightGrams).toBeUndefined();
    expect(facts.maxDimensionMm).toBeUndefined();
    expect(facts.skuTags).toEqual(["apparel", "cotton", "fragile"]);

    const unknownSku = buildOrderFacts({ ...order, products: [products[0]!] });
    expect(unknownSku.weightGrams).toBeUndefined();
    expect(unknownSku.skus).toEqual(["LAMP-01", "TEE-RED-M"]);
  });

  it("leaves optional facts out when the order does not carry them", () => {
    const facts = buildOrderFacts({
      ...order,
      shippingAddress: { country: "HK", postalCode: "" },
      payment: null,
      customerTier: null,
      riskScore: null,
    });
    for (const key of ["destinationPostalCode", "customerTier", "riskScore", "paymentMethod", "paymentProvider"]) {
      expect(facts).not.toHaveProperty(key);
    }
  });

  it("carries values converted by the caller into other currencies", () => {
    const facts = buildOrderFacts({ ...order, orderValueIn: { USD: 14000 } });
    expect(facts.orderValueIn).toEqual({ USD: 14000 });
  });

  it("refuses input intake should have rejected", () => {
    expect(() => buildOrderFacts({ ...order, shippingAddress: { country: "XX" } })).toThrow(/country/);
    expect(() => buildOrderFacts({ ...order, currency: "EURO" })).toThrow(/currency/);
    expect(() => buildOrderFacts({ ...order, lines: [{ sku: "A", quantity: 0, unitPrice: 1 }] })).toThrow(/quantity/);
    expect(() => buildOrderFacts({ ...order, lines: [{ sku: "A", quantity: 1, unitPrice: 9.99 }] })).toThrow(
      /minor units/,
    );
    expect(() => buildOrderFacts({ ...order, volumetricDivisor: 0 })).toThrow(/divisor/);
    expect(() => buildOrderFacts({ ...order, riskScore: Number.NaN })).toThrow(/risk/i);
  });

  it("produces, for every fact a rule may name, a value of that fact's declared type", () => {
    const facts = buildOrderFacts(order);
    const typeOf = (value: unknown) =>
      Array.isArray(value) ? "string_list" : typeof value === "string" ? "string" : typeof value;
    for (const name of ORDER_FACT_NAMES) {
      const declared = ORDER_FACT_FIELDS[name].type;
      expect([name, typeOf(facts[name])]).toEqual([name, declared === "money" ? "number" : declared]);
    }
  });
});
