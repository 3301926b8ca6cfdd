import { describe, expect, it } from "vitest";
import { countryTemplate, formatMoney, missingRequiredFields, sellerTaxIdsFor } from "../src/index";
import { chineseOrder, germanOrder, ukOrder } from "./fixtures";

describe("per-country templates", () => {
  it("EU destinations print the IOSS number only under the IOSS regime, and the EORI", () => {
    expect(sellerTaxIdsFor(germanOrder)).toEqual([
      { label: "IOSS number", value: "IM2760000742" },
      { label: "EORI", value: "GB123456789000" },
    ]);
    const standard = { ...germanOrder, landedCost: { ...germanOrder.landedCost!, regime: "STANDARD" } };
    expect(sellerTaxIdsFor(standard)).toEqual([{ label: "EORI", value: "GB123456789000" }]);
    const france = { ...germanOrder, buyer: { ...germanOrder.buyer, country: "FR" } };
    expect(sellerTaxIdsFor(france)[0]).toEqual({ label: "IOSS number", value: "IM2760000742" });
  });

  it("UK low-value goods print the seller's UK VAT number", () => {
    expect(sellerTaxIdsFor(ukOrder)).toEqual([
      { label: "UK VAT number", value: "GB987654321" },
      { label: "EORI", value: "DE1234567890123" },
    ]);
  });

  it("UK: without a landed-cost regime, goods of GBP 135 or less still print the UK VAT number", () => {
    const noQuote = { ...ukOrder, landedCost: undefined };
    expect(sellerTaxIdsFor(noQuote).map((id) => id.label)).toEqual(["UK VAT number", "EORI"]);
    const expensive = { ...noQuote, lines: [{ ...ukOrder.lines[0]!, quantity: 2 }] };
    expect(sellerTaxIdsFor(expensive).map((id) => id.label)).toEqual(["EORI"]);
    const standard = { ...ukOrder, landedCost: { ...ukOrder.landedCost!, regime: "UK_STANDARD_IMPORT" } };
    expect(sellerTaxIdsFor(standard).map((id) => id.label)).toEqual(["EORI"]);
  });

  it("AU prints the ARN under the LVG regime; BR and KR label the recipient's id", () => {
    const au = {
      ...germanOrder,
      buyer: { ...germanOrder.buyer, country: "AU", region: "NSW" },
      landedCost: { duty: 0, taxes: [], regime: "AU_LOW_VALUE_GST" },
    };
    expect(sellerTaxIdsFor(au)).toEqual([{ label: "ABN / ARN", value: "ARN 3000 1234 567" }]);
    expect(countryTemplate("AU").taxName).toBe("GST");
    expect(countryTemplate("BR").buyerTaxIdLabel).toBe("CPF / CNPJ");
    expect(countryTemplate("KR").buyerTaxIdLabel).toContain("PCCC");
    expect(countryTemplate("NZ").sellerTaxIds[0]!.label).toBe("NZ GST number");
  });

  it("lists the destination's missing required fields and missing customs data", () => {
    expect(missingRequiredFields(germanOrder)).toEqual([]);
    expect(missingRequiredFields(chineseOrder)).toEqual([]);
    const us = { ...germanOrder, buyer: { ...germanOrder.buyer, country: "US", phone: undefined, region: "" } };
    expect(missingRequiredFields(us)).toEqual(["buyer.region", "buyer.phone"]);
    const noHs = { ...germanOrder, lines: [{ ...germanOrder.lines[0]!, hsCode: " " }] };
    expect(missingRequiredFields(noHs)).toEqual(["lines[0].hsCode"]);
  });
});

describe("formatMoney", () => {
  it("uses the currency's exponent", () => {
    expect(formatMoney(6229, "EUR")).toBe("€62.29");
    expect(formatMoney(17200, "JPY")).toBe("JP¥17,200");
    expect(formatMoney(12345, "KWD")).toBe("KWD\u00a012.345");
    expect(formatMoney(6229, "EUR", "de-DE")).toBe("62,29\u00a0€");
    expect(() => formatMoney(1.5, "EUR")).toThrow(/minor units/);
  });
});
