import { describe, expect, it } from "vitest";
import { convertMinorUnits, FxRateMissingError, type FxTable, quoteRates } from "../../src/index";

const FX: FxTable = {
  base: "EUR",
  date: "2026-11-25",
  rates: { USD: "1.0512", CNY: "7.6123", JPY: "161.42", KWD: "0.3231" },
};

describe("convertMinorUnits", () => {
  it("converts CNY fen into whole yen through the base, rounding once", () => {
    // CNY 675.94 / 7.6123 × 161.42 = JPY 14333.41…
    expect(convertMinorUnits(67594, "CNY", "JPY", FX)).toEqual({ amount: 14333, rate: "21.2051548152" });
  });

  it("converts into KWD's three-decimal fils", () => {
    // CNY 675.94 / 7.6123 × 0.3231 = KWD 28.68991…
    expect(convertMinorUnits(67594, "CNY", "KWD", FX).amount).toBe(28690);
    // JPY 12345 / 161.42 × 0.3231 = KWD 24.70988…
    expect(convertMinorUnits(12345, "JPY", "KWD", FX).amount).toBe(24710);
    // and back into a zero-decimal currency: KWD 24.710 → JPY 12345.06… → 12345.
    expect(convertMinorUnits(24710, "KWD", "JPY", FX).amount).toBe(12345);
  });

  it("converts from and to the base itself", () => {
    expect(convertMinorUnits(10000, "EUR", "USD", FX).amount).toBe(10512);
    expect(convertMinorUnits(10512, "USD", "EUR", FX).amount).toBe(10000);
  });

  it("rounds an exact half up where float arithmetic would round it down", () => {
    const fx: FxTable = { base: "USD", date: "2026-11-25", rates: { GBP: "0.285" } };
    // USD 1.00 × 0.285 = GBP 0.285 = 28.5 pence → 29. In floats 100 × 0.285 = 28.499999999999996.
    expect(Math.round(100 * 0.285)).toBe(28);
    expect(convertMinorUnits(100, "USD", "GBP", fx).amount).toBe(29);
  });

  it("stays exact where the product no longer fits a float", () => {
    const fx: FxTable = { base: "USD", date: "2026-11-25", rates: { EUR: "1.5" } };
    // 4,503,599,627,370,499 × 1.5 = 6,755,399,441,055,748.5 → …749; the float product is …748.
    expect(4_503_599_627_370_499 * 1.5).toBe(6_755_399_441_055_748);
    expect(convertMinorUnits(4_503_599_627_370_499, "USD", "EUR", fx).amount).toBe(6_755_399_441_055_749);
  });

  it("keeps many rate decimals", () => {
    const fx: FxTable = { base: "USD", date: "2026-11-25", rates: { EUR: "0.9513274336283185840707964601" } };
    // 9,007,199,254,740 × 0.95132743362831858407… = 8,568,795,751,190.708… → …191.
    expect(convertMinorUnits(9_007_199_254_740, "USD", "EUR", fx).amount).toBe(8_568_795_751_191);
  });

  it("needs no table for the same currency and names the missing rate otherwise", () => {
    expect(convertMinorUnits(123, "JPY", "JPY", undefined)).toEqual({ amount: 123, rate: "1" });
    expect(() => convertMinorUnits(123, "CNY", "EUR", undefined)).toThrow(FxRateMissingError);
    expect(() => convertMinorUnits(123, "CNY", "GBP", FX)).toThrow("No exchange rate for GBP");
  });
});

describe("quoteRates in JPY and KWD", () => {
  const parcels = [{ weightGrams: 800, dimensionsMm: { length: 300, width: 200, height: 100 } }];

  it("prices DHL from China in yen with an exact conversion of the CNY total", () => {
    const result = quoteRates({
      origin: { country: "CN" },
      destination: { country: "JP", postalCode: "100-0001" },
      parcels,
      currency: "JPY",
      date: "2026-11-26",
      fx: FX,
    });
    const dhl = result.options.find((o) => o.rateCardId === "dhl_express/express_worldwide/CN");
    // Zone 2, 1.5 kg: CNY 280.00 + 28.75 % (80.50) = CNY 360.50 → 360.50 / 7.6123 × 161.42 = JPY 7644.46… → 7644.
    expect(dhl?.explanation.subtotal).toEqual({ amount: 36050, currency: "CNY" });
    expect(dhl?.price).toBe(7644);
    expect(dhl?.explanation.conversion).toMatchObject({
      from: { amount: 36050, currency: "CNY" },
      to: { amount: 7644, currency: "JPY" },
      fxDate: "2026-11-25",
    });
    expect(dhl?.reason).toContain("CNY 360.50 ≈ JPY 7644");
  });

  it("prices in Kuwaiti dinar with three decimals", () => {
    const result = quoteRates({
      origin: { country: "CN" },
      destination: { country: "KW" },
      parcels,
      currency: "KWD",
      date: "2026-11-26",
      fx: FX,
    });
    const dhl = result.options.find((o) => o.rateCardId === "dhl_express/express_worldwide/CN");
    // Zone 6, 1.5 kg: CNY 640.00 + 28.75 % (184.00) = CNY 824.00 → 824 / 7.6123 × 0.3231 = KWD 34.97395… → 34.974.
    expect(dhl?.price).toBe(34974);
    expect(dhl?.reason).toContain("≈ KWD 34.974");
  });
});
