import { describe, expect, it } from "vitest";
import {
  DEFAULT_RATE_CARDS,
  type FxTable,
  mergeRateCards,
  type QuoteRatesInput,
  quoteRates,
  type RateCard,
  RateInputError,
  type RateOption,
  type RateQuote,
} from "../../src/index";

const box = (weightGrams: number, length: number, width: number, height: number) => ({
  weightGrams,
  dimensionsMm: { length, width, height },
});

const FX: FxTable = {
  base: "EUR",
  date: "2026-11-25",
  rates: { USD: "1.0512", CNY: "7.6123", JPY: "161.42", KWD: "0.3231", GBP: "0.8321" },
};

function quote(overrides: Partial<QuoteRatesInput> & Pick<QuoteRatesInput, "origin" | "destination" | "parcels">) {
  return quoteRates({ currency: "EUR", date: "2026-11-26", fx: FX, ...overrides });
}

function option(result: RateQuote, rateCardId: string): RateOption {
  const found = result.options.find((o) => o.rateCardId === rateCardId);
  if (!found) {
    const excluded = result.exclusions.find((e) => e.rateCardId === rateCardId);
    throw new Error(`${rateCardId} not offered${excluded ? `: ${excluded.reason}` : ""}`);
  }
  return found;
}

const exclusion = (result: RateQuote, rateCardId: string) => result.exclusions.find((e) => e.rateCardId === rateCardId);

describe("quoteRates: DHL Express", () => {
  const cnToDe = {
    origin: { country: "CN", postalCode: "518000" },
    destination: { country: "DE", postalCode: "10115" },
  };

  it("charges volumetric weight when it beats actual, rounded up to the 0.5 kg step", () => {
    // 300×200×100 mm = 6,000,000 mm³ / 5000 = 1200 g volumetric > 800 g actual → 1.5 kg.
    const result = quote({ ...cnToDe, currency: "CNY", parcels: [box(800, 300, 200, 100)] });
    const dhl = option(result, "dhl_express/express_worldwide/CN");
    expect(dhl.explanation.parcels).toEqual([
      { actualGrams: 800, volumetricGrams: 1200, chargeableGrams: 1500, basis: "volumetric" },
    ]);
    expect(dhl.zone).toBe("5");
    // Zone 5, 1.5 kg break: CNY 525.00. Fuel 28.75 % (November 2026): 52500 × 0.2875 = 15093.75 → 15094.
    expect(dhl.explanation.base.amount).toBe(52500);
    expect(dhl.explanation.fuel).toMatchObject({ amount: 15094, basisPoints: 2875, effectiveFrom: "2026-11-01" });
    expect(dhl.explanation.remote.amount).toBe(0);
    expect(dhl.price).toBe(67594);
    expect(dhl.currency).toBe("CNY");
    expect(dhl.explanation.conversion.detail).toContain("no conversion");
    expect([dhl.transitDaysMin, dhl.transitDays]).toEqual([3, 5]);
    expect(dhl.mode).toBe("air");
    expect(dhl.reason).toContain("DHL Express Worldwide, zone 5 CN→DE: 1.5 kg chargeable (volumetric weight)");
    expect(dhl.reason).toContain("CNY 525.00 base + CNY 150.94 fuel (28.75%) = CNY 675.94");
  });

  it("charges actual weight when it beats volumetric", () => {
    // 200×150×100 / 5000 = 600 g volumetric < 2300 g actual → 2.5 kg break.
    const dhl = option(
      quote({ ...cnToDe, currency: "CNY", parcels: [box(2300, 200, 150, 100)] }),
      "dhl_express/express_worldwide/CN",
    );
    expect(dhl.explanation.parcels[0]).toMatchObject({ chargeableGrams: 2500, basis: "actual" });
    expect(dhl.explanation.base.amount).toBe(70500);
  });

  it("rounds a gram over a step up to the next step", () => {
    const dhl = option(
      quote({ ...cnToDe, currency: "CNY", parcels: [box(1001, 100, 100, 100)] }),
      "dhl_express/express_worldwide/CN",
    );
    expect(dhl.chargeableWeightGrams).toBe(1500);
    expect(dhl.explanation.base.amount).toBe(52500);
  });

  it("prices a weight between breaks at the next break up", () => {
    // 3.5 kg falls between the 3 kg and 4 kg breaks: priced at 4 kg (CNY 975.00).
    const dhl = option(
      quote({ ...cnToDe, currency: "CNY", parcels: [box(3400, 100, 100, 100)] }),
      "dhl_express/express_worldwide/CN",
    );
    expect(dhl.chargeableWeightGrams).toBe(3500);
    expect(dhl.explanation.base).toMatchObject({ amount: 97500, detail: expect.stringContaining("4 kg break") });
  });

  it("charges each additional 0.5 kg beyond the last break", () => {
    // 31.2 kg → 31.5 kg: the 30 kg price (CNY 5055.00) + 3 × CNY 75.00.
    const dhl = option(
      quote({ ...cnToDe, currency: "CNY", parcels: [box(31200, 400, 300, 300)] }),
      "dhl_express/express_worldwide/CN",
    );
    expect(dhl.explanation.base.amount).toBe(505500 + 3 * 7500);
    expect(dhl.explanation.base.detail).toContain("30 kg break + 3 × 0.5 kg beyond it");
  });

  it("adds the chargeable weights of a multi-parcel shipment and prices them once", () => {
    // 1.5 kg (volumetric) + 1 kg (actual) = 2.5 kg on the shipment.
    const dhl = option(
      quote({ ...cnToDe, currency: "CNY", parcels: [box(800, 300, 200, 100), box(900, 100, 100, 100)] }),
      "dhl_express/express_worldwide/CN",
    );
    expect(dhl.chargeableWeightGrams).toBe(2500);
    expect(dhl.explanation.base.amount).toBe(70500);
    expect(dhl.reason).toContain("volumetric on 1 of 2 parcels");
  });

  it("applies the fuel surcharge in force on the shipping date", () => {
    const october = option(
      quote({ ...cnToDe, currency: "CNY", date: "2026-10-15", parcels: [box(800, 300, 200, 100)] }),
      "dhl_express/express_worldwide/CN",
    );
    // 29.25 % of CNY 525.00 = 153.5625 → CNY 153.56.
    expect(october.explanation.fuel).toMatchObject({ basisPoints: 2925, amount: 15356, effectiveFrom: "2026-10-01" });
  });

  it("rounds the fuel surcharge half up on minor units", () => {
    // 28.75 % of EUR 52.50 (DE zone 1, 2 kg) = 15.09375 → 15.09; of EUR 56.00 (2.5 kg) = 16.10 exactly.
    const deToFr = { origin: { country: "DE" }, destination: { country: "FR", postalCode: "75001" } };
    const twoKg = option(quote({ ...deToFr, parcels: [box(2000, 100, 100, 100)] }), "dhl_express/express_worldwide/DE");
    expect(twoKg.explanation.fuel.amount).toBe(1509);
    // USD card, US→CA zone 1, 0.5 kg: USD 55.00 × 28.75 % = 15.8125 → 15.81; 1 kg USD 64.00 → 18.40.
    const usToCa = { origin: { country: "US" }, destination: { country: "CA", postalCode: "M5V3L9" } };
    const half = option(
      quote({ ...usToCa, currency: "USD", parcels: [box(400, 100, 100, 100)] }),
      "dhl_express/express_worldwide/US",
    );
    expect(half.explanation.fuel.amount).toBe(1581);
  });

  it("adds the flat remote-area fee for a listed postal code", () => {
    const canary = option(
      quote({
        origin: { country: "DE" },
        destination: { country: "ES", postalCode: "35001" },
        parcels: [box(2000, 100, 100, 100)],
      }),
      "dhl_express/express_worldwide/DE",
    );
    // Zone 2, 2 kg: EUR 60.50 + 28.75 % fuel (17.39375 → 17.39) + EUR 22.50 remote.
    expect(canary.explanation.remote).toMatchObject({ amount: 2250, area: "Canary Islands" });
    expect(canary.price).toBe(6050 + 1739 + 2250);
    expect(canary.reason).toContain("EUR 22.50 remote area");
  });

  it("matches postal codes regardless of spaces and case", () => {
    const highlands = option(
      quote({
        origin: { country: "DE" },
        destination: { country: "GB", postalCode: "hs1 2ab" },
        parcels: [box(500, 100, 100, 100)],
      }),
      "dhl_express/express_worldwide/DE",
    );
    expect(highlands.explanation.remote.area).toBe("Scottish Highlands and Islands");
    const london = option(
      quote({
        origin: { country: "DE" },
        destination: { country: "GB", postalCode: "SW1A 1AA" },
        parcels: [box(500, 100, 100, 100)],
      }),
      "dhl_express/express_worldwide/DE",
    );
    expect(london.explanation.remote.amount).toBe(0);
  });

  it("warns instead of guessing when the destination has no postal code", () => {
    const dhl = option(
      quote({ origin: { country: "DE" }, destination: { country: "ES" }, parcels: [box(500, 100, 100, 100)] }),
      "dhl_express/express_worldwide/DE",
    );
    expect(dhl.explanation.remote.amount).toBe(0);
    expect(dhl.warnings).toContain("no destination postal code: remote-area surcharge not assessed");
  });

  it("rejects a parcel over 70 kg and one longer than 120 cm", () => {
    const heavy = quote({ ...cnToDe, parcels: [box(70001, 500, 500, 500)] });
    expect(exclusion(heavy, "dhl_express/express_worldwide/CN")).toMatchObject({
      code: "overweight",
      reason: "parcel 1 weighs 70.001 kg; DHL Express Worldwide takes at most 70 kg per parcel",
    });
    const long = quote({ ...cnToDe, parcels: [box(1000, 100, 1201, 100)] });
    expect(exclusion(long, "dhl_express/express_worldwide/CN")).toMatchObject({ code: "oversize" });
    expect(exclusion(long, "dhl_express/express_worldwide/CN")?.reason).toContain("1201 mm long");
  });

  it("ships Economy Select by road inside Europe only", () => {
    const deToFr = quote({
      origin: { country: "DE" },
      destination: { country: "FR", postalCode: "75001" },
      parcels: [box(2000, 100, 100, 100)],
    });
    const road = option(deToFr, "dhl_express/economy_select/DE");
    expect(road.mode).toBe("road");
    // Zone 1, 2 kg: EUR 21.50 + 19 % road fuel (4.085 → 4.09).
    expect(road.price).toBe(2150 + 409);
    const deToUs = quote({
      origin: { country: "DE" },
      destination: { country: "US" },
      parcels: [box(2000, 100, 100, 100)],
    });
    expect(exclusion(deToUs, "dhl_express/economy_select/DE")).toMatchObject({
      code: "lane_not_served",
      reason: "DHL Express Economy Select from DE does not deliver to US",
    });
  });
});

describe("quoteRates: UPS", () => {
  it("prices Worldwide Saver and Expedited from the US with the weekly fuel rate", () => {
    // 400×300×200 / 5000 = 4800 g volumetric > 3000 g → 5 kg break, zone 2 (GB).
    const result = quote({
      origin: { country: "US" },
      destination: { country: "GB", postalCode: "SW1A 1AA" },
      currency: "USD",
      parcels: [box(3000, 400, 300, 200)],
    });
    const saver = option(result, "ups/worldwide_saver/US");
    expect(saver.explanation.parcels[0]).toMatchObject({ volumetricGrams: 4800, chargeableGrams: 5000 });
    // USD 187.50 + 30 % fuel (2026-11-02) = 56.25.
    expect(saver.explanation.fuel).toMatchObject({ basisPoints: 3000, effectiveFrom: "2026-11-02", amount: 5625 });
    expect(saver.price).toBe(24375);
    const expedited = option(result, "ups/worldwide_expedited/US");
    expect(expedited.price).toBe(15000 + 4500);
    expect(expedited.transitDays).toBeGreaterThan(saver.transitDays);
  });

  it("takes a long parcel within UPS's length + girth limit and refuses one beyond it", () => {
    const lane = { origin: { country: "US" }, destination: { country: "DE" }, currency: "USD" };
    // 1500 + 2 × (600 + 600) = 3900 mm ≤ 4000.
    expect(quote({ ...lane, parcels: [box(10000, 1500, 600, 600)] }).options.map((o) => o.rateCardId)).toContain(
      "ups/worldwide_saver/US",
    );
    const big = quote({ ...lane, parcels: [box(10000, 1500, 700, 600)] });
    expect(exclusion(big, "ups/worldwide_saver/US")).toMatchObject({
      code: "oversize",
      reason: "parcel 1 measures 4100 mm length + girth; UPS Worldwide Saver takes at most 4000 mm",
    });
  });
});

describe("quoteRates: FedEx", () => {
  it("prices International Priority and Economy from China by lettered zone", () => {
    const result = quote({
      origin: { country: "CN" },
      destination: { country: "US", postalCode: "10001" },
      currency: "CNY",
      parcels: [box(5200, 300, 300, 300)],
    });
    // 27,000,000 / 5000 = 5400 g volumetric > 5200 → 5.5 kg → the 7.5 kg break of zone D.
    const priority = option(result, "fedex/international_priority/CN");
    expect(priority.zone).toBe("D");
    expect(priority.chargeableWeightGrams).toBe(5500);
    // Zone D, 7.5 kg: CNY 1519.00; 29.25 % fuel = 444.3075 → CNY 444.31.
    expect(priority.explanation.base.amount).toBe(151900);
    expect(priority.explanation.fuel.amount).toBe(44431);
    expect(priority.price).toBe(196331);
    const economy = option(result, "fedex/international_economy/CN");
    expect(economy.price).toBeLessThan(priority.price);
    expect(economy.transitDays).toBeGreaterThan(priority.transitDays);
  });

  it("adds its remote-area fee for Alaska ZIP+4 codes", () => {
    const alaska = option(
      quote({
        origin: { country: "CN" },
        destination: { country: "US", postalCode: "99501-1234" },
        currency: "CNY",
        parcels: [box(500, 100, 100, 100)],
      }),
      "fedex/international_priority/CN",
    );
    expect(alaska.explanation.remote).toMatchObject({ amount: 20500, area: "Alaska and Hawaii" });
  });
});

describe("quoteRates: USPS", () => {
  it("prices Priority Mail International by the pound with USPS's 6000 divisor", () => {
    // 200×150×100 / 6000 = 500 g volumetric < 1000 g → the 3 lb (1361 g) step, price group 1 (CA).
    const pmi = option(
      quote({
        origin: { country: "US" },
        destination: { country: "CA", postalCode: "M5V 3L9" },
        currency: "USD",
        parcels: [box(1000, 200, 150, 100)],
      }),
      "usps/priority_mail_international/US",
    );
    expect(pmi.explanation.parcels[0]).toMatchObject({ volumetricGrams: 500, chargeableGrams: 1000 });
    expect(pmi.explanation.base.amount).toBe(5300);
    expect(pmi.explanation.fuel.amount).toBe(0);
    expect(pmi.explanation.remote.detail).toBe("USPS charges no remote-area fee");
    expect(pmi.price).toBe(5300);
  });

  it("prices First-Class Package International per parcel by the ounce", () => {
    // 200 g → 8 oz (USD 21.25), 500 g → 32 oz (USD 36.95), price group 3 (Europe).
    const fcpi = option(
      quote({
        origin: { country: "US" },
        destination: { country: "GB", postalCode: "SW1A 1AA" },
        currency: "USD",
        parcels: [box(200, 150, 100, 50), box(500, 200, 150, 50)],
      }),
      "usps/first_class_package_international/US",
    );
    expect(fcpi.price).toBe(2125 + 3695);
    expect(fcpi.explanation.base.detail).toContain("priced per parcel");
  });

  it("does not ship from China", () => {
    const result = quote({
      origin: { country: "CN" },
      destination: { country: "US" },
      parcels: [box(500, 100, 100, 100)],
    });
    expect(exclusion(result, "usps/priority_mail_international/US")).toEqual({
      rateCardId: "usps/priority_mail_international/US",
      carrier: "usps",
      service: "priority_mail_international",
      code: "lane_not_served",
      reason: "USPS Priority Mail International ships only from US; the origin is CN",
    });
    expect(result.options.some((o) => o.carrier === "usps")).toBe(false);
  });

  it("refuses First-Class parcels over 4 lb or 36 in of sides", () => {
    const lane = { origin: { country: "US" }, destination: { country: "CA" } };
    expect(
      exclusion(quote({ ...lane, parcels: [box(1815, 100, 100, 100)] }), "usps/first_class_package_international/US")
        ?.code,
    ).toBe("overweight");
    expect(
      exclusion(quote({ ...lane, parcels: [box(500, 500, 300, 200)] }), "usps/first_class_package_international/US")
        ?.reason,
    ).toBe(
      "parcel 1 measures 1000 mm in length + width + height; USPS First-Class Package International Service takes at most 914 mm",
    );
  });
});

describe("quoteRates: 4PX and Yanwen (China origin)", () => {
  const cnToFr = { origin: { country: "CN" }, destination: { country: "FR", postalCode: "75001" } };

  it("prices 4PX Global Express on the express breaks with its pass-through fuel", () => {
    const express = option(
      quote({ ...cnToFr, currency: "CNY", parcels: [box(1200, 200, 200, 100)] }),
      "4px/global_express/CN",
    );
    // 1.2 kg → 1.5 kg, zone 5: CNY 254.00 + 16.5 % (41.91).
    expect(express.price).toBe(25400 + 4191);
  });

  it("rounds 4PX and Yanwen small parcels to 10 g and prices each at its break", () => {
    const result = quote({ ...cnToFr, currency: "CNY", parcels: [box(123, 150, 100, 30)] });
    // 123 g → 130 g → the 200 g break. Yanwen Special Line zone 3: 0.2 kg × CNY 70 + CNY 20 = CNY 34.00.
    const special = option(result, "yanwen/special_line/CN");
    expect(special.explanation.parcels[0]?.chargeableGrams).toBe(130);
    expect(special.price).toBe(3400);
    // 4PX Global Economy zone 3: 0.2 × 75 + 21 = CNY 36.00.
    expect(option(result, "4px/global_economy/CN").price).toBe(3600);
    // Yanwen Economy zone 3: 0.2 × 62 + 8 = 20.40 → CNY 20.50 on the price list.
    expect(option(result, "yanwen/economy/CN").price).toBe(2050);
  });

  it("uses 8000 for Yanwen Economy and 6000 for the tracked lines", () => {
    // 400×300×100 = 12,000,000 mm³: 1500 g at 8000, 2000 g at 6000.
    const result = quote({ ...cnToFr, currency: "CNY", parcels: [box(300, 400, 300, 100)] });
    expect(option(result, "yanwen/economy/CN").explanation.parcels[0]?.volumetricGrams).toBe(1500);
    expect(option(result, "yanwen/special_line/CN").explanation.parcels[0]?.volumetricGrams).toBe(2000);
    expect(option(result, "4px/global_economy/CN").explanation.parcels[0]?.volumetricGrams).toBe(2000);
  });

  it("excludes small-parcel lines over 2 kg or 60 cm", () => {
    const heavy = quote({ ...cnToFr, parcels: [box(2500, 300, 200, 100)] });
    for (const id of ["4px/global_economy/CN", "yanwen/special_line/CN", "yanwen/economy/CN"]) {
      expect(exclusion(heavy, id)?.code).toBe("overweight");
    }
    expect(heavy.options.map((o) => o.rateCardId)).toContain("4px/global_express/CN");
    const long = quote({ ...cnToFr, parcels: [box(500, 610, 100, 100)] });
    expect(exclusion(long, "yanwen/special_line/CN")?.code).toBe("oversize");
  });

  it("does not deliver postal lines outside the EU VAT area", () => {
    const result = quote({
      origin: { country: "CN" },
      destination: { country: "ES", postalCode: "38001" },
      parcels: [box(300, 150, 100, 50)],
    });
    expect(exclusion(result, "yanwen/special_line/CN")).toMatchObject({
      code: "area_not_served",
      reason: "Yanwen Special Line (tracked) does not deliver to Canary Islands (38001)",
    });
    // The integrators deliver there with a remote-area fee.
    expect(option(result, "dhl_express/express_worldwide/CN").explanation.remote.area).toBe("Canary Islands");
  });

  it("warns when no postal code lets it check the unserved areas", () => {
    const result = quote({
      origin: { country: "CN" },
      destination: { country: "ES" },
      parcels: [box(300, 150, 100, 50)],
    });
    expect(option(result, "yanwen/special_line/CN").warnings).toContain(
      "no destination postal code: cannot check the areas of ES that Yanwen Special Line (tracked) does not serve",
    );
  });
});

describe("quoteRates: request handling", () => {
  it("returns every option cheapest first with its exclusions", () => {
    const result = quote({
      origin: { country: "CN" },
      destination: { country: "DE" },
      parcels: [box(800, 300, 200, 100)],
    });
    const prices = result.options.map((o) => o.price);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
    expect(result.options.length + result.exclusions.length).toBe(DEFAULT_RATE_CARDS.length);
    expect(result.options.every((o) => o.currency === "EUR" && Number.isSafeInteger(o.price))).toBe(true);
  });

  it("excludes a card whose currency the FX table cannot convert", () => {
    const result = quoteRates({
      origin: { country: "CN" },
      destination: { country: "DE" },
      parcels: [box(800, 300, 200, 100)],
      currency: "EUR",
      date: "2026-11-26",
      fx: { base: "EUR", date: "2026-11-25", rates: { USD: "1.05" } },
    });
    expect(result.options).toEqual([]);
    expect(exclusion(result, "dhl_express/express_worldwide/CN")).toMatchObject({
      code: "no_fx_rate",
      reason: "DHL Express Worldwide is priced in CNY and the FX table has no rate for CNY to convert into EUR",
    });
  });

  it("rejects a malformed request with every issue listed", () => {
    const bad = {
      origin: { country: "cn" },
      destination: { country: "DE" },
      parcels: [{ weightGrams: 0.5, dimensionsMm: { length: 10, width: -1, height: 10 } }],
      currency: "EURO",
      date: "26/11/2026",
    } as QuoteRatesInput;
    try {
      quoteRates(bad);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(RateInputError);
      expect((error as RateInputError).issues.map((i) => i.path)).toEqual([
        "origin.country",
        "currency",
        "date",
        "parcels[0].weightGrams",
        "parcels[0].dimensionsMm.width",
      ]);
    }
  });

  it("uses a tenant's card in place of the default with the same id, from its effective date", () => {
    const list = DEFAULT_RATE_CARDS.find((c) => c.id === "dhl_express/express_worldwide/DE") as RateCard;
    const negotiated: RateCard = {
      ...list,
      effectiveFrom: "2026-12-01",
      source: "Tenant contract 2026-12",
      zones: list.zones.map((z) => ({ ...z, prices: z.prices.map((p) => Math.round(p * 0.6)) })),
    };
    const cards = mergeRateCards(DEFAULT_RATE_CARDS, [{ ...list, source: "Tenant contract 2026" }, negotiated]);
    const lane = {
      origin: { country: "DE" },
      destination: { country: "FR", postalCode: "75001" },
      parcels: [box(500, 100, 100, 100)],
    };
    const november = option(quote({ ...lane, rateCards: cards }), list.id);
    const december = option(quote({ ...lane, rateCards: cards, date: "2026-12-02" }), list.id);
    expect(november.explanation.tariffSource).toBe("Tenant contract 2026");
    expect(december.explanation.tariffSource).toBe("Tenant contract 2026-12");
    expect(december.explanation.base.amount).toBe(Math.round(4200 * 0.6));
  });

  it("excludes an invalid tenant card with its problems instead of pricing with it", () => {
    const broken: RateCard = {
      ...(DEFAULT_RATE_CARDS[0] as RateCard),
      id: "tenant/broken/CN",
      zones: [{ zone: "1", countries: ["DE"], prices: [100], additionalPrice: 10, transitDays: { min: 3, max: 2 } }],
    };
    const result = quote({
      origin: { country: "CN" },
      destination: { country: "DE" },
      parcels: [box(500, 100, 100, 100)],
      rateCards: [broken],
    });
    expect(result.options).toEqual([]);
    expect(exclusion(result, "tenant/broken/CN")?.code).toBe("invalid_rate_card");
    expect(exclusion(result, "tenant/broken/CN")?.reason).toContain("zone 1 has 1 prices for 13 weight breaks");
  });

  it("flags stale FX rates and a tariff applied before its effective date", () => {
    const result = quoteRates({
      origin: { country: "CN" },
      destination: { country: "DE" },
      parcels: [box(800, 300, 200, 100)],
      currency: "EUR",
      date: "2025-12-20",
      fx: { ...FX, date: "2025-12-01" },
    });
    const dhl = option(result, "dhl_express/express_worldwide/CN");
    expect(dhl.warnings).toContain("FX rates dated 2025-12-01, more than 7 days before 2025-12-20");
    expect(dhl.warnings).toContain("tariff effective from 2026-01-01 applied to 2025-12-20");
  });
});
