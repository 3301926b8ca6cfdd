import { describe, expect, it } from "vitest";
import {
  countryName,
  currencyExponent,
  formatDateTime,
  formatMoney,
  formatPercent,
  isValidTimeZone,
} from "../src/format";

// Intl output may use narrow or non-breaking spaces depending on the ICU version.
const norm = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

describe("formatMoney", () => {
  it("formats two-decimal currencies from minor units", () => {
    expect(norm(formatMoney(1999, "EUR", "en"))).toBe("€19.99");
    expect(norm(formatMoney(1999, "EUR", "de"))).toBe("19,99 €");
    expect(norm(formatMoney(123456, "USD", "en"))).toBe("$1,234.56");
    expect(norm(formatMoney(500, "GBP", "en"))).toBe("£5.00");
  });

  it("treats JPY minor units as whole yen (no decimals)", () => {
    expect(norm(formatMoney(1500, "JPY", "en"))).toBe("¥1,500");
    expect(norm(formatMoney(1500, "JPY", "ja"))).toMatch(/^[￥¥]1,500$/);
    expect(formatMoney(1500, "JPY", "en")).not.toContain(".");
  });

  it("gives KWD three decimals", () => {
    expect(norm(formatMoney(12345, "KWD", "en"))).toBe("KWD 12.345");
    expect(norm(formatMoney(5, "KWD", "en"))).toBe("KWD 0.005");
  });

  it("uses ISO digits where CLDR display digits differ", () => {
    // IQD has 3 minor digits in ISO 4217 but CLDR displays 0.
    expect(norm(formatMoney(1500, "IQD", "en"))).toBe("IQD 1.500");
    expect(currencyExponent("krw")).toBe(0);
  });

  it("formats negatives and zero", () => {
    expect(norm(formatMoney(-250, "EUR", "en"))).toBe("-€2.50");
    expect(norm(formatMoney(0, "USD", "en"))).toBe("$0.00");
  });

  it("formats in Chinese", () => {
    expect(norm(formatMoney(1999, "CNY", "zh-CN"))).toBe("¥19.99");
    expect(norm(formatMoney(1999, "USD", "zh-CN"))).toBe("US$19.99");
  });

  it("never throws on a malformed currency code", () => {
    expect(formatMoney(1000, "EURO", "en")).toBe("10.00 EURO");
  });
});

describe("formatDateTime", () => {
  const iso = "2026-11-26T23:30:00Z";

  it("renders in the given time zone", () => {
    expect(norm(formatDateTime(iso, "en", "UTC"))).toBe("Nov 26, 2026, 11:30 PM");
    expect(norm(formatDateTime(iso, "en", "Europe/Berlin"))).toBe("Nov 27, 2026, 12:30 AM");
    expect(norm(formatDateTime(iso, "en", "America/New_York"))).toBe("Nov 26, 2026, 6:30 PM");
  });

  it("localizes", () => {
    expect(norm(formatDateTime(iso, "de", "Europe/Berlin"))).toBe("27.11.2026, 00:30");
    expect(norm(formatDateTime(iso, "zh-CN", "Asia/Shanghai"))).toBe("2026年11月27日 07:30");
    expect(norm(formatDateTime(iso, "ja", "Asia/Tokyo", "date"))).toBe("2026/11/27");
  });

  it("falls back to UTC for an unknown zone and returns bad input unchanged", () => {
    expect(formatDateTime(iso, "en", "Mars/Olympus")).toBe(formatDateTime(iso, "en", "UTC"));
    expect(formatDateTime("not a date", "en", "UTC")).toBe("not a date");
    expect(isValidTimeZone("Europe/Paris")).toBe(true);
    expect(isValidTimeZone("Nowhere/Else")).toBe(false);
  });

  it("includes the zone in the long style", () => {
    expect(norm(formatDateTime(iso, "en", "UTC", "long"))).toBe("Nov 26, 2026, 11:30 PM UTC");
  });
});

describe("other formatters", () => {
  it("formats ratios and country names", () => {
    expect(formatPercent(0.934, "en")).toBe("93.4%");
    expect(countryName("DE", "en")).toBe("Germany");
    expect(countryName("de", "zh-CN")).toBe("德国");
    expect(countryName("JP", "fr")).toBe("Japon");
  });
});

describe("short date style", () => {
  it("drops the year for dense tables", () => {
    expect(norm(formatDateTime("2026-11-26T23:30:00Z", "en", "Europe/Berlin", "short"))).toBe("Nov 27, 12:30 AM");
    expect(norm(formatDateTime("2026-11-26T23:30:00Z", "zh-CN", "Asia/Shanghai", "short"))).toBe("11月27日 7:30");
  });
});
