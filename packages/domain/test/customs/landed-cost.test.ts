import { describe, expect, it } from "vitest";
import {
  allocateProportionally,
  applyPercent,
  CONSUMPTION_TAX_RATES,
  consumptionTaxRateOn,
  createReferenceFxProvider,
  type FxTable,
  isEuMember,
  LandedCostInputError,
  type LandedCostLineInput,
  type LandedCostQuote,
  type LandedCostRequest,
  parsePercent,
  quoteLandedCost,
  REFERENCE_FX_RATES,
} from "../../src/index";

const FX = REFERENCE_FX_RATES;
const tee = (value: number, quantity = 1, hsCode = "610910", originCountry = "CN"): LandedCostLineInput => ({
  hsCode,
  value,
  quantity,
  weightGrams: 200,
  originCountry,
});

function quote(overrides: Partial<LandedCostRequest>, options: Partial<Parameters<typeof quoteLandedCost>[1]> = {}) {
  return quoteLandedCost(
    {
      origin: "CN",
      destination: "DE",
      incoterm: "DDP",
      currency: "EUR",
      date: "2026-11-26",
      shipping: 500,
      lines: [tee(2000)],
      ...overrides,
    },
    { fx: FX, ...options },
  );
}

function expectIntegers(q: LandedCostQuote) {
  for (const value of [q.goods, q.shipping, q.duty, q.tax, q.fees, q.total, q.taxBase]) {
    expect(Number.isSafeInteger(value)).toBe(true);
  }
  expect(q.total).toBe(q.goods + q.shipping + q.insurance + q.duty + q.tax + q.fees);
  expect(q.payment.buyerAtCheckout + q.payment.buyerAtBorder).toBe(q.total);
}

describe("exact arithmetic", () => {
  it("applies decimal percentages to minor units, half up", () => {
    expect(applyPercent(2500, parsePercent("19")!)).toBe(475);
    expect(applyPercent(1, parsePercent("50")!)).toBe(1);
    expect(applyPercent(3, parsePercent("25.5")!)).toBe(1);
    expect(applyPercent(23520, parsePercent("19")!)).toBe(4469);
    expect(parsePercent("1e2")).toBeNull();
    expect(parsePercent("-5")).toBeNull();
  });

  it("shares freight over lines without losing a cent", () => {
    expect(allocateProportionally(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocateProportionally(500, [2000, 6000])).toEqual([125, 375]);
    expect(allocateProportionally(7, [0, 0])).toEqual([4, 3]);
  });
});

describe("VAT table", () => {
  it("has a rate for every EU member state on 2026-11-26 and never two at once", () => {
    const eu = "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split(" ");
    expect(eu.every(isEuMember)).toBe(true);
    for (const country of eu) expect(consumptionTaxRateOn(country, "2026-11-26"), country).toBeDefined();
    for (const rate of CONSUMPTION_TAX_RATES) {
      expect(rate.source.length).toBeGreaterThan(10);
      const overlapping = CONSUMPTION_TAX_RATES.filter(
        (r) =>
          r !== rate &&
          r.country === rate.country &&
          r.validFrom < (rate.validTo ?? "9999") &&
          rate.validFrom < (r.validTo ?? "9999"),
      );
      expect(overlapping, `${rate.country} ${rate.validFrom}`).toEqual([]);
    }
  });

  it("keeps the 2024–2025 changes with their history", () => {
    const rate = (country: string, date: string) => consumptionTaxRateOn(country, date)?.ratePercent;
    expect([rate("FI", "2024-08-31"), rate("FI", "2024-09-01")]).toEqual(["24", "25.5"]);
    expect([rate("SK", "2024-12-31"), rate("SK", "2025-01-01")]).toEqual(["20", "23"]);
    expect([rate("EE", "2023-12-31"), rate("EE", "2024-06-01"), rate("EE", "2025-07-01")]).toEqual(["20", "22", "24"]);
    expect([rate("RO", "2025-07-31"), rate("RO", "2025-08-01")]).toEqual(["19", "21"]);
    expect([rate("CH", "2023-12-31"), rate("CH", "2024-01-01")]).toEqual(["7.7", "8.1"]);
    expect(rate("DE", "2026-11-26")).toBe("19");
  });
});

describe("EU", () => {
  it("IOSS before 2026-07-01: no duty, destination VAT at checkout on goods + shipping", () => {
    const q = quote({ date: "2026-06-30" });
    expect(q).toMatchObject({ regime: "EU_IOSS", goods: 2000, shipping: 500, duty: 0, tax: 475, total: 2975 });
    expect(q).toMatchObject({ taxCollectedAt: "checkout", dutyKnown: true, taxKnown: true });
    expect(q.rulesApplied.map((r) => r.id)).toEqual(expect.arrayContaining(["EU_IOSS_150", "EU_DUTY_RELIEF_150"]));
    expectIntegers(q);
  });

  it("IOSS from 2026-07-01: EUR 3 per distinct tariff subheading, VAT including the duty", () => {
    const one = quote({});
    expect(one).toMatchObject({ regime: "EU_IOSS", duty: 300, tax: 532, total: 3332 });
    expect(one.rulesApplied.map((r) => r.id)).toContain("EU_FLAT_DUTY_3");
    expect(one.rulesApplied.find((r) => r.id === "EU_FLAT_DUTY_3")?.source).toMatch(/2026\/382/);

    const sameSubheading = quote({ lines: [tee(1000, 2), { ...tee(1500), hsCode: "6109.10.0010" }] });
    expect(sameSubheading.duty).toBe(300);
    expect(sameSubheading.lines.map((l) => l.duty)).toEqual([300, 0]);

    const two = quote({ lines: [tee(1000), tee(3000, 1, "640411")] });
    expect(two.duty).toBe(600);
    expect(two.lines.every((l) => l.dutyBasis === "flat_per_tariff_subheading")).toBe(true);
    expectIntegers(two);
  });

  it("converts a foreign-currency consignment with the dated reference rates and says so", () => {
    const q = quote({ currency: "USD", lines: [tee(10000)] });
    expect(q.regime).toBe("EU_IOSS");
    expect(q.duty).toBe(326);
    expect(q.fxRates).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ from: "USD", to: "EUR", date: "2026-11-02", source: expect.stringContaining("ECB") }),
        expect.objectContaining({ from: "EUR", to: "USD", rate: "1.085" }),
      ]),
    );
    expect(q.explanation.join("\n")).toMatch(/USD 100\.00 = EUR 92\.17 at the 2026-11-02 reference rate/);
    expect(q.warnings.join("\n")).toMatch(/dated 2026-11-02, 24 days before/);
  });

  it("above EUR 150: duty on CIF at the heading rate, import VAT on CIF + duty at the border", () => {
    const q = quote({ incoterm: "DAP", shipping: 1000, lines: [tee(10000, 2)] });
    expect(q).toMatchObject({ regime: "EU_STANDARD_IMPORT", goods: 20000, duty: 2520, tax: 4469, taxBase: 23520 });
    expect(q.lines[0]).toMatchObject({ dutiableValue: 21000, dutyRatePercent: "12", dutyBasis: "ad_valorem" });
    expect(q).toMatchObject({ dutyDueAt: "border", taxCollectedAt: "border" });
    expect(q.payment).toEqual({ buyerAtCheckout: 21000, buyerAtBorder: 6989, merchantPaysAuthorities: 0 });
    const ddp = quote({ shipping: 1000, lines: [tee(10000, 2)] });
    expect(ddp.payment).toEqual({ buyerAtCheckout: 27989, buyerAtBorder: 0, merchantPaysAuthorities: 6989 });
    expect(ddp.charges.every((c) => c.paidBy === "merchant")).toBe(true);
  });

  it("uses the destination's VAT rate on the quote date", () => {
    expect(quote({ destination: "FI", date: "2024-08-31" }).tax).toBe(600);
    expect(quote({ destination: "FI", date: "2024-09-01" }).tax).toBe(638);
    expect(quote({ destination: "HU" }).taxRate?.ratePercent).toBe("27");
  });

  it("without IOSS: VAT at the border with a warning", () => {
    const q = quote({ incoterm: "DAP", date: "2026-06-01" }, { iossRegistered: false });
    expect(q).toMatchObject({ regime: "EU_LOW_VALUE_IMPORT", duty: 0, tax: 475, taxCollectedAt: "border" });
    expect(q.payment.buyerAtBorder).toBe(475);
    expect(q.warnings.join("\n")).toMatch(/not registered for IOSS/);
    const after = quote({ incoterm: "DAP" }, { iossRegistered: false });
    expect(after.lines[0]).toMatchObject({ dutyBasis: "ad_valorem", dutyRatePercent: "12" });
    expect(after.warnings.join("\n")).toMatch(/postal/);
  });

  it("reports an unknown duty rate as unknown instead of guessing", () => {
    const q = quote({ lines: [tee(20000, 1, "847989")] });
    expect(q.lines[0]).toMatchObject({ dutyKnown: false, duty: null, dutyBasis: "unknown" });
    expect(q).toMatchObject({ dutyKnown: false, taxKnown: false, duty: 0 });
    expect(q.warnings.join("\n")).toMatch(/Duty rate for HS 847989 into DE is unknown/);
  });

  it("lets a tenant override win over the table, for the area or the country", () => {
    const lines = [tee(20000)];
    expect(quote({ lines }).lines[0]?.dutyRatePercent).toBe("12");
    const eu = quote(
      { lines },
      { dutyOverrides: [{ destination: "EU", hsPrefix: "6109", ratePercent: "5", note: "BTI DE123" }] },
    );
    expect(eu.lines[0]).toMatchObject({
      dutyRatePercent: "5",
      duty: 1025,
      dutySource: "tenant duty override: BTI DE123",
    });
    const future = quote(
      { lines },
      { dutyOverrides: [{ destination: "DE", hsPrefix: "61", ratePercent: "1", validFrom: "2027-01-01" }] },
    );
    expect(future.lines[0]?.dutyRatePercent).toBe("12");
    const unknownFilled = quote(
      { lines: [tee(20000, 1, "847989")] },
      { dutyOverrides: [{ destination: "DE", hsPrefix: "8479", ratePercent: "1.7" }] },
    );
    expect(unknownFilled).toMatchObject({ dutyKnown: true, duty: 349 });
  });

  it("applies the EU–UK preferential rate to UK-origin goods, with a proof-of-origin warning", () => {
    const q = quote({ origin: "GB", lines: [tee(20000, 1, "610910", "GB")] });
    expect(q.lines[0]).toMatchObject({ dutyRatePercent: "0", duty: 0 });
    expect(q.warnings.join("\n")).toMatch(/proof of origin/);
  });

  it("does not treat a shipment inside the EU as an import", () => {
    const q = quote({ origin: "FR" });
    expect(q).toMatchObject({ regime: "EU_INTRA_UNION", duty: 0, tax: 0, taxKnown: false });
  });
});

describe("United Kingdom", () => {
  it("up to GBP 135: VAT 20 % at sale, no duty, even under DAP", () => {
    const q = quote({ destination: "GB", currency: "GBP", incoterm: "DAP", lines: [tee(5000)] });
    expect(q).toMatchObject({ regime: "UK_LOW_VALUE", duty: 0, tax: 1100, total: 6600, taxCollectedAt: "checkout" });
    expect(q.payment).toEqual({ buyerAtCheckout: 6600, buyerAtBorder: 0, merchantPaysAuthorities: 1100 });
  });

  it("above GBP 135: duty + import VAT on CIF + duty", () => {
    const q = quote({ destination: "GB", currency: "GBP", shipping: 1000, lines: [tee(15000)] });
    expect(q).toMatchObject({ regime: "UK_STANDARD_IMPORT", duty: 1920, tax: 3584, total: 21504 });
  });
});

describe("United States", () => {
  it("since 2025-08-29 charges duty from the first dollar, on the goods value only, and warns about extra tariffs", () => {
    const q = quote({ destination: "US", currency: "USD", lines: [tee(2000)] });
    expect(q).toMatchObject({ regime: "US_IMPORT", duty: 330, tax: 0, taxRate: null });
    expect(q.rulesApplied.map((r) => r.id)).toContain("US_DE_MINIMIS_SUSPENDED");
    expect(q.warnings.join("\n")).toMatch(/Section 301/);
    expect(q.warnings.join("\n")).toMatch(/sales tax/);
  });

  it("applied the USD 800 de minimis before, except to China and Hong Kong from 2025-05-02", () => {
    expect(quote({ destination: "US", currency: "USD", date: "2025-06-01", origin: "DE" }).regime).toBe(
      "US_DE_MINIMIS",
    );
    expect(quote({ destination: "US", currency: "USD", date: "2025-06-01" }).regime).toBe("US_IMPORT");
    expect(quote({ destination: "US", currency: "USD", date: "2025-04-01" }).regime).toBe("US_DE_MINIMIS");
    expect(quote({ destination: "US", currency: "USD", date: "2025-04-01", lines: [tee(90000)] }).regime).toBe(
      "US_IMPORT",
    );
  });

  it("says the duty is unknown where the table has no MFN rate", () => {
    const q = quote({ destination: "US", currency: "USD", lines: [tee(2000, 1, "640411")] });
    expect(q.dutyKnown).toBe(false);
  });
});

describe("Canada", () => {
  it("CUSMA shipments: duty-free up to CAD 150, tax-free up to CAD 40", () => {
    const small = quote({ destination: "CA", origin: "US", currency: "CAD", lines: [tee(3000, 1, "610910", "US")] });
    expect(small).toMatchObject({ regime: "CA_DE_MINIMIS", duty: 0, tax: 0 });
    const middle = quote({ destination: "CA", origin: "US", currency: "CAD", lines: [tee(10000, 1, "610910", "US")] });
    expect(middle).toMatchObject({ regime: "CA_CUSMA_DUTY_FREE", duty: 0, tax: 500, taxBase: 10000 });
    expect(middle.warnings.join("\n")).toMatch(/HST or PST/);
  });

  it("other origins: CAD 20, then MFN duty and GST on value for duty + duty", () => {
    const q = quote({ destination: "CA", currency: "CAD", lines: [tee(3000)] });
    expect(q).toMatchObject({ regime: "CA_STANDARD_IMPORT", duty: 540, tax: 177, taxBase: 3540 });
    const cusmaOriginGoods = quote({
      destination: "CA",
      origin: "US",
      currency: "CAD",
      lines: [tee(20000, 1, "610910", "US")],
    });
    expect(cusmaOriginGoods).toMatchObject({ regime: "CA_STANDARD_IMPORT", duty: 0, tax: 1000 });
  });
});

describe("Australia and New Zealand", () => {
  it("AU up to AUD 1,000: GST 10 % at sale; above: duty (preferential for Chinese goods) + GST on VoTI", () => {
    const low = quote({ destination: "AU", currency: "AUD", lines: [tee(5000)] });
    expect(low).toMatchObject({ regime: "AU_LOW_VALUE_GST", duty: 0, tax: 550 });
    const high = quote({ destination: "AU", currency: "AUD", lines: [tee(120000, 1, "610910", "VN")] });
    expect(high).toMatchObject({ regime: "AU_STANDARD_IMPORT", duty: 6000, tax: 12650 });
    expect(high.warnings.join("\n")).toMatch(/import processing charges/);
    const chinese = quote({ destination: "AU", currency: "AUD", lines: [tee(120000)] });
    expect(chinese.duty).toBe(0);
  });

  it("NZ up to NZD 1,000: GST 15 % at sale", () => {
    expect(quote({ destination: "NZ", currency: "NZD", lines: [tee(5000)] })).toMatchObject({
      regime: "NZ_LOW_VALUE_GST",
      tax: 825,
    });
    const high = quote({ destination: "NZ", currency: "NZD", lines: [tee(150000, 1, "610910", "VN")] });
    expect(high).toMatchObject({ regime: "NZ_STANDARD_IMPORT", duty: 15000 });
  });
});

describe("other destinations", () => {
  it("Switzerland: VAT 8.1 %, not levied up to CHF 5, no duty on industrial goods since 2024", () => {
    const q = quote({ destination: "CH", currency: "CHF", lines: [tee(10000)] });
    expect(q).toMatchObject({ regime: "CH_IMPORT", duty: 0, tax: 851 });
    expect(quote({ destination: "CH", currency: "CHF", lines: [tee(5000)], shipping: 0 }).tax).toBe(0);
    expect(quote({ destination: "CH", currency: "CHF", lines: [tee(10000)], date: "2023-06-01" })).toMatchObject({
      dutyKnown: false,
    });
  });

  it("Norway VOEC: VAT 25 % at sale for items under NOK 3,000", () => {
    const q = quote({ destination: "NO", currency: "NOK", lines: [tee(20000, 3)] });
    expect(q).toMatchObject({ regime: "NO_VOEC", duty: 0, tax: 15125 });
    expect(quote({ destination: "NO", currency: "NOK", lines: [tee(400000)] }).regime).toBe("NO_STANDARD_IMPORT");
  });

  it("Japan exempts up to JPY 10,000; Korea USD 150, USD 200 from the US; Singapore GST at sale up to SGD 400", () => {
    expect(quote({ destination: "JP", currency: "JPY", shipping: 1000, lines: [tee(8000)] }).regime).toBe(
      "JP_LOW_VALUE_EXEMPT",
    );
    expect(
      quote({ destination: "JP", currency: "JPY", shipping: 1000, lines: [tee(12000, 1, "851713")] }),
    ).toMatchObject({
      regime: "JP_IMPORT",
      duty: 0,
      tax: 1300,
    });
    expect(quote({ destination: "KR", origin: "US", currency: "USD", lines: [tee(18000)] }).regime).toBe(
      "KR_LOW_VALUE_EXEMPT",
    );
    expect(quote({ destination: "KR", currency: "USD", lines: [tee(18000)] })).toMatchObject({
      regime: "KR_IMPORT",
      duty: 2405,
    });
    expect(quote({ destination: "SG", currency: "SGD", lines: [tee(5000)] })).toMatchObject({
      regime: "SG_LOW_VALUE_GST",
      tax: 495,
    });
  });

  it("Gulf: duty above SAR 1,000, VAT by country, none in Qatar", () => {
    const ae = quote({ destination: "AE", currency: "AED", lines: [tee(50000)] });
    expect(ae).toMatchObject({ regime: "GCC_IMPORT", duty: 0, tax: 2525 });
    const aeHigh = quote({ destination: "AE", currency: "AED", shipping: 0, lines: [tee(200000)] });
    expect(aeHigh).toMatchObject({ duty: 10000, tax: 10500 });
    expect(quote({ destination: "QA", currency: "SAR", lines: [tee(50000)] })).toMatchObject({
      tax: 0,
      taxKnown: true,
    });
    expect(quote({ destination: "SA", currency: "SAR", shipping: 0, lines: [tee(200000)] }).dutyKnown).toBe(false);
  });

  it("says plainly when a destination is not modelled", () => {
    const q = quote({ destination: "BR" });
    expect(q).toMatchObject({ regime: "NOT_MODELLED", dutyKnown: false, taxKnown: false });
  });
});

describe("input", () => {
  it("names every bad field", () => {
    try {
      quoteLandedCost(
        {
          origin: "XX",
          destination: "DE",
          incoterm: "CIF" as "DDP",
          currency: "EUR",
          date: "2026-02-30",
          shipping: 1.5,
          lines: [{ hsCode: "4204", value: -1, quantity: 0, weightGrams: 10, originCountry: "cn" }],
        },
        { fx: FX },
      );
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(LandedCostInputError);
      expect((error as LandedCostInputError).issues.map((i) => i.path)).toEqual([
        "origin",
        "incoterm",
        "date",
        "shipping",
        "lines.0.hsCode",
        "lines.0.value",
        "lines.0.quantity",
        "lines.0.originCountry",
      ]);
    }
    expect(() => quote({ lines: [] })).toThrow(LandedCostInputError);
  });

  it("refuses a currency the FX table cannot convert, naming the field", () => {
    const fx: FxTable = { base: "EUR", date: "2026-11-26", rates: { USD: "1.08" } };
    expect(() => quoteLandedCost({ ...baseRequest(), currency: "BRL" }, { fx })).toThrow(
      /currency: no exchange rate for BRL/,
    );
  });

  it("defaults the date to today", () => {
    const { date, ...withoutDate } = baseRequest();
    expect(date).toBeDefined();
    expect(quoteLandedCost(withoutDate, { fx: FX, today: "2026-06-15" })).toMatchObject({
      date: "2026-06-15",
      duty: 0,
    });
  });
});

describe("FxProvider", () => {
  it("serves the latest table on or before the date, else the earliest", async () => {
    const older = { base: "EUR", date: "2026-01-02", rates: { USD: "1.03" }, source: "older" };
    const provider = createReferenceFxProvider([REFERENCE_FX_RATES, older]);
    expect((await provider.ratesOn("2026-11-30")).date).toBe("2026-11-02");
    expect((await provider.ratesOn("2026-05-01")).source).toBe("older");
    expect((await provider.ratesOn("2025-01-01")).source).toBe("older");
    expect((await createReferenceFxProvider().ratesOn("2026-11-26")).date).toBe(REFERENCE_FX_RATES.date);
  });
});

function baseRequest(): LandedCostRequest {
  return {
    origin: "CN",
    destination: "DE",
    incoterm: "DDP",
    currency: "EUR",
    date: "2026-11-26",
    shipping: 500,
    lines: [tee(2000)],
  };
}
