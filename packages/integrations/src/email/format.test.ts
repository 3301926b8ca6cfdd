import { describe, expect, it } from "vitest";
import { formatCountry, formatEmailDate, formatMoney, minorUnitsToDecimalString } from "./format";
import { formattingLocale, resolveEmailLocale } from "./locales";

// Intl separates amount and symbol with no-break spaces; compare with plain spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, " ").replace(/[\u200e\u200f\u061c]/g, "");

describe("minorUnitsToDecimalString", () => {
  it("places the decimal point by the currency exponent without floating point", () => {
    expect(minorUnitsToDecimalString(1234, 2)).toBe("12.34");
    expect(minorUnitsToDecimalString(5, 2)).toBe("0.05");
    expect(minorUnitsToDecimalString(-5, 2)).toBe("-0.05");
    expect(minorUnitsToDecimalString(1234, 0)).toBe("1234");
    expect(minorUnitsToDecimalString(1234, 3)).toBe("1.234");
    expect(minorUnitsToDecimalString(0, 3)).toBe("0.000");
    expect(minorUnitsToDecimalString(Number.MAX_SAFE_INTEGER, 2)).toBe("90071992547409.91");
  });

  it("refuses fractional minor units", () => {
    expect(() => minorUnitsToDecimalString(12.5, 2)).toThrow(RangeError);
  });
});

describe("formatMoney", () => {
  it("formats per locale with the currency's minor-unit digits", () => {
    expect(plain(formatMoney({ amount: 1234, currency: "EUR" }, "en"))).toBe("€12.34");
    expect(plain(formatMoney({ amount: 1234, currency: "EUR" }, "de"))).toBe("12,34 €");
    expect(plain(formatMoney({ amount: 1234, currency: "EUR" }, "fr"))).toBe("12,34 €");
    expect(plain(formatMoney({ amount: 1234, currency: "EUR" }, "zh-CN"))).toBe("€12.34");
    expect(plain(formatMoney({ amount: 123456, currency: "USD" }, "pt-BR"))).toBe("US$ 1.234,56");
    expect(plain(formatMoney({ amount: 1234, currency: "JPY" }, "ja"))).toBe("￥1,234");
    expect(plain(formatMoney({ amount: 1234, currency: "JPY" }, "en"))).toBe("¥1,234");
    expect(plain(formatMoney({ amount: 1234, currency: "KWD" }, "en"))).toBe("KWD 1.234");
    expect(plain(formatMoney({ amount: 50, currency: "usd" }, "en"))).toBe("$0.50");
  });

  it("keeps every digit of amounts beyond float precision", () => {
    expect(formatMoney({ amount: 9007199254740991, currency: "USD" }, "en")).toBe("$90,071,992,547,409.91");
  });

  it("throws on an unknown currency rather than guessing its exponent", () => {
    expect(() => formatMoney({ amount: 100, currency: "XXZ" }, "en")).toThrow(/Unknown currency/);
  });
});

describe("dates and countries", () => {
  it("formats a date-only value as that calendar day in every time zone", () => {
    expect(formatEmailDate("2025-03-14", "en", "weekday")).toBe("Friday, March 14");
    expect(formatEmailDate("2025-03-14", "de")).toBe("14. März 2025");
    expect(formatEmailDate("2025-03-10T23:30:00Z", "en")).toBe("March 10, 2025");
    expect(formatEmailDate("2025-03-14", "zh-CN")).toBe("2025年3月14日");
  });

  it("rejects a value that is not a date", () => {
    expect(() => formatEmailDate("next week", "en")).toThrow(RangeError);
  });

  it("names countries in the shopper's language", () => {
    expect(formatCountry("DE", "fr")).toBe("Allemagne");
    expect(formatCountry("us", "de")).toBe("Vereinigte Staaten");
    expect(formatCountry("JP", "zh-CN")).toBe("日本");
  });
});

describe("resolveEmailLocale", () => {
  it.each([
    ["en", "en"],
    ["de", "de"],
    ["de-AT", "de"],
    ["DE_ch", "de"],
    ["zh-CN", "zh-CN"],
    ["zh", "zh-CN"],
    ["zh-SG", "zh-CN"],
    ["zh-Hans-HK", "zh-CN"],
    ["zh-TW", "zh-TW"],
    ["zh-HK", "zh-TW"],
    ["zh-Hant", "zh-TW"],
    ["pt", "pt-BR"],
    ["pt-PT", "pt-BR"],
    ["pt-br", "pt-BR"],
    ["ar-EG", "ar"],
    ["ko-KR", "ko"],
    ["nl-BE", "nl"],
    ["sv-SE", "en"],
    ["", "en"],
    [null, "en"],
    ["not a locale!", "en"],
  ])("%s → %s", (tag, expected) => {
    expect(resolveEmailLocale(tag)).toBe(expected);
  });

  it("keeps a regional variant for Intl formatting when the language matches", () => {
    expect(formattingLocale("de-CH", "de")).toBe("de-CH");
    expect(formattingLocale("sv-SE", "en")).toBe("en");
    expect(formattingLocale("zh-HK", "zh-TW")).toBe("zh-TW");
    expect(plain(formatMoney({ amount: 123456, currency: "CHF" }, formattingLocale("de-CH", "de")))).toBe(
      "CHF 1'234.56",
    );
  });
});
