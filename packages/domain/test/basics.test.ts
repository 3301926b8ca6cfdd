import { describe, expect, it } from "vitest";
import {
  checkPayment,
  currencyExponent,
  hasPrefix,
  isCountry,
  isCurrency,
  linesSubtotal,
  money,
  newId,
  regionOf,
  unknownSkuHold,
} from "../src/index";

describe("ids", () => {
  it("are prefixed and sort by creation time", () => {
    const a = newId("ord", 1_700_000_000_000);
    const b = newId("ord", 1_700_000_000_001);
    expect(a).toMatch(/^ord_[0-9a-z]{26}$/);
    expect(a < b).toBe(true);
    expect(hasPrefix(a, "ord")).toBe(true);
    expect(hasPrefix(a, "wh")).toBe(false);
  });
});

describe("money", () => {
  it("is integer minor units with a known currency", () => {
    expect(money(1999, "EUR")).toEqual({ amount: 1999, currency: "EUR" });
    expect(() => money(19.99, "EUR")).toThrow(/integer/);
    expect(() => money(1, "XYZ")).toThrow(/currency/);
    expect(
      linesSubtotal([
        { quantity: 2, unitPrice: 1999 },
        { quantity: 1, unitPrice: 1 },
      ]),
    ).toBe(3999);
  });

  it("knows each currency's minor-unit digits", () => {
    expect(currencyExponent("JPY")).toBe(0);
    expect(currencyExponent("EUR")).toBe(2);
    expect(currencyExponent("KWD")).toBe(3);
    expect(isCurrency("eur")).toBe(false);
  });
});

describe("countries", () => {
  it("validates ISO codes and groups regions", () => {
    expect(isCountry("DE")).toBe(true);
    expect(isCountry("UK")).toBe(false);
    expect(regionOf("FR")).toBe("EU");
    expect(regionOf("GB")).toBe("EUROPE");
    expect(regionOf("JP")).toBe("ASIA");
  });
});

describe("intake checks", () => {
  it("lets paid, authorized and cash-on-delivery orders through with the reason", () => {
    expect(checkPayment({ provider: "stripe", reference: "pi_1", status: "paid" })).toMatchObject({ verified: true });
    expect(checkPayment({ provider: "paypal", status: "authorized" })).toMatchObject({ verified: true });
    expect(checkPayment({ provider: "cod", status: "pending" })).toMatchObject({ verified: true });
  });

  it("holds unpaid orders", () => {
    expect(checkPayment({ provider: "stripe", reference: "pi_2", status: "failed" })).toEqual({
      verified: false,
      hold: {
        code: "payment_not_confirmed",
        message: "Payment is failed (stripe pi_2); nothing ships until it is paid",
      },
    });
  });

  it("names each unknown SKU once", () => {
    expect(unknownSkuHold(["A", "B", "B", "C"], new Set(["A"]))).toEqual({
      code: "unknown_sku",
      message: "Not in the catalog: B, C",
    });
    expect(unknownSkuHold(["A"], new Set(["A"]))).toBeNull();
  });
});
