import { describe, expect, it } from "vitest";
import { decimalToMinorUnits, formatPaymentAmount } from "../../src/payment/index";

describe("decimalToMinorUnits", () => {
  it("uses the currency's exponent", () => {
    expect(decimalToMinorUnits("1500", "JPY")).toBe(1500);
    expect(decimalToMinorUnits("44.97", "EUR")).toBe(4497);
    expect(decimalToMinorUnits("1.234", "KWD")).toBe(1234);
    expect(decimalToMinorUnits("100", "TWD")).toBe(10000);
    expect(decimalToMinorUnits("44.9", "EUR")).toBe(4490);
    expect(decimalToMinorUnits(".5", "USD")).toBe(50);
    expect(decimalToMinorUnits("0.00", "USD")).toBe(0);
  });

  it("is exact where a float is not", () => {
    // parseFloat("0.29") * 100 is 28.999999999999996
    expect(decimalToMinorUnits("0.29", "USD")).toBe(29);
    expect(decimalToMinorUnits("1.005", "KWD")).toBe(1005);
    expect(decimalToMinorUnits("90071992547409.91", "USD")).toBe(9007199254740991);
  });

  it("accepts trailing zeros beyond the precision but never rounds", () => {
    expect(decimalToMinorUnits("1500.00", "JPY")).toBe(1500);
    expect(decimalToMinorUnits("44.970", "EUR")).toBe(4497);
    expect(() => decimalToMinorUnits("44.975", "EUR")).toThrow(/2 decimal places/);
    expect(() => decimalToMinorUnits("1500.5", "JPY")).toThrow(/0 decimal places/);
  });

  it("handles signs and refuses what is not a decimal", () => {
    expect(decimalToMinorUnits("-10.50", "EUR")).toBe(-1050);
    expect(decimalToMinorUnits("-0.00", "EUR")).toBe(0);
    for (const bad of ["", ".", "1,50", "1e3", "abc", "12.", " 1 2"]) {
      expect(() => decimalToMinorUnits(bad, "EUR"), bad).toThrow();
    }
    expect(() => decimalToMinorUnits("1", "XYZ")).toThrow(/currency/);
    expect(() => decimalToMinorUnits("90071992547409.92", "USD")).toThrow(/too large/);
  });
});

describe("formatPaymentAmount", () => {
  it("writes minor units with the currency's exponent", () => {
    expect(formatPaymentAmount(4497, "EUR")).toBe("EUR 44.97");
    expect(formatPaymentAmount(1500, "JPY")).toBe("JPY 1500");
    expect(formatPaymentAmount(1234, "KWD")).toBe("KWD 1.234");
    expect(formatPaymentAmount(5, "USD")).toBe("USD 0.05");
    expect(formatPaymentAmount(-1050, "EUR")).toBe("EUR -10.50");
    expect(formatPaymentAmount(12, "XYZ")).toBe("12 minor units of XYZ");
  });
});
