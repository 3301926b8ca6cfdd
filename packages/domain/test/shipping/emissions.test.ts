import { describe, expect, it } from "vitest";
import {
  COUNTRY_CENTROIDS,
  DEFAULT_RATE_CARDS,
  estimateCo2e,
  greatCircleKm,
  MODE_EMISSION_FACTORS,
  quoteRates,
} from "../../src/index";

describe("greatCircleKm", () => {
  it("measures haversine distances between country centroids", () => {
    const c = (code: string) => COUNTRY_CENTROIDS[code]!;
    expect(greatCircleKm(c("DE"), c("FR"))).toBe(816);
    expect(greatCircleKm(c("CN"), c("DE"))).toBe(7224);
    expect(greatCircleKm(c("DE"), c("DE"))).toBe(0);
    expect(greatCircleKm(c("US"), c("GB"))).toBe(greatCircleKm(c("GB"), c("US")));
  });

  it("has a centroid for every country the default cards reference", () => {
    const referenced = new Set<string>();
    for (const card of DEFAULT_RATE_CARDS) {
      for (const origin of card.origins) referenced.add(origin);
      for (const zone of card.zones) for (const country of zone.countries) referenced.add(country);
    }
    expect([...referenced].filter((code) => !COUNTRY_CENTROIDS[code])).toEqual([]);
  });
});

describe("estimateCo2e", () => {
  it("multiplies actual tonnes by modelled km and the mode factor", () => {
    // Air: (816 + 95) km × 0.002 t × 800 g/tkm = 1457.6 → 1458 g.
    expect(estimateCo2e({ originCountry: "DE", destinationCountry: "FR", mode: "air", weightGrams: 2000 })).toEqual({
      grams: 1458,
      greatCircleKm: 816,
      modelledKm: 911,
      gramsPerTonneKm: 800,
      locationBasis: "country_centroid",
    });
    // Road: 816 × 1.2 = 979 km × 0.002 t × 80 g/tkm = 156.6 → 157 g.
    expect(estimateCo2e({ originCountry: "DE", destinationCountry: "FR", mode: "road", weightGrams: 2000 }).grams).toBe(
      157,
    );
  });

  it("keeps the mode factors inside the documented ranges", () => {
    expect(MODE_EMISSION_FACTORS.air.gramsPerTonneKm).toBeGreaterThanOrEqual(600);
    expect(MODE_EMISSION_FACTORS.air.gramsPerTonneKm).toBeLessThanOrEqual(1000);
    expect(MODE_EMISSION_FACTORS.road.gramsPerTonneKm).toBeGreaterThanOrEqual(60);
    expect(MODE_EMISSION_FACTORS.road.gramsPerTonneKm).toBeLessThanOrEqual(100);
    expect(MODE_EMISSION_FACTORS.sea.gramsPerTonneKm).toBeGreaterThanOrEqual(10);
    expect(MODE_EMISSION_FACTORS.sea.gramsPerTonneKm).toBeLessThanOrEqual(20);
    const modes = (["sea", "rail", "road", "air"] as const).map((m) =>
      estimateCo2e({ originCountry: "CN", destinationCountry: "DE", mode: m, weightGrams: 10_000 }),
    );
    expect(modes.map((e) => e.grams)).toEqual([...modes.map((e) => e.grams)].sort((a, b) => a - b));
  });

  it("counts a same-country lane as at least 100 km and falls back to a region centroid", () => {
    expect(
      estimateCo2e({ originCountry: "DE", destinationCountry: "DE", mode: "road", weightGrams: 1000 }).greatCircleKm,
    ).toBe(100);
    const kenya = estimateCo2e({ originCountry: "KE", destinationCountry: "DE", mode: "air", weightGrams: 1000 });
    expect(kenya.locationBasis).toBe("region_centroid");
    expect(kenya.grams).toBeGreaterThan(0);
  });
});

describe("CO2e per option", () => {
  it("ranks the road service of a European lane far below air on the same lane", () => {
    const result = quoteRates({
      origin: { country: "DE" },
      destination: { country: "FR", postalCode: "75001" },
      parcels: [{ weightGrams: 2000, dimensionsMm: { length: 300, width: 200, height: 100 } }],
      currency: "EUR",
      date: "2026-11-26",
    });
    const road = result.options.find((o) => o.rateCardId === "dhl_express/economy_select/DE")!;
    const air = result.options.find((o) => o.rateCardId === "dhl_express/express_worldwide/DE")!;
    expect(road.mode).toBe("road");
    expect(air.mode).toBe("air");
    expect(road.co2eGrams).toBe(157);
    expect(air.co2eGrams).toBe(1458);
    expect(road.explanation.co2e).toMatchObject({
      greatCircleKm: 816,
      modelledKm: 979,
      gramsPerTonneKm: 80,
      weightGrams: 2000,
    });
  });

  it("grows with distance and uses the actual, not the volumetric, weight", () => {
    const co2 = (destination: string, weightGrams: number) =>
      quoteRates({
        origin: { country: "CN" },
        destination: { country: destination },
        parcels: [{ weightGrams, dimensionsMm: { length: 400, width: 400, height: 400 } }],
        currency: "CNY",
        date: "2026-11-26",
      }).options.find((o) => o.rateCardId === "dhl_express/express_worldwide/CN")!;
    expect(co2("HK", 1000).co2eGrams).toBeLessThan(co2("DE", 1000).co2eGrams);
    expect(co2("DE", 1000).co2eGrams).toBeLessThan(co2("BR", 1000).co2eGrams);
    // 12.8 kg volumetric is billed, 1 kg is flown: (7224 + 95) km × 0.001 t × 800 = 5855 g.
    expect(co2("DE", 1000).chargeableWeightGrams).toBe(13000);
    expect(co2("DE", 1000).co2eGrams).toBe(5855);
  });
});
