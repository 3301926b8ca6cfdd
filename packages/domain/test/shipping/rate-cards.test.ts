import { describe, expect, it } from "vitest";
import {
  DEFAULT_RATE_CARDS,
  DHL_EXPRESS_RATE_CARDS,
  FOURPX_RATE_CARDS,
  mergeRateCards,
  type RateCard,
  USPS_RATE_CARDS,
  validateRateCard,
  YANWEN_RATE_CARDS,
} from "../../src/index";

describe("default rate cards", () => {
  it("are all valid", () => {
    for (const card of DEFAULT_RATE_CARDS)
      expect({ id: card.id, problems: validateRateCard(card) }).toEqual({ id: card.id, problems: [] });
  });

  it("cover the carriers and services of the spec", () => {
    const services = new Set(DEFAULT_RATE_CARDS.map((c) => `${c.carrier}/${c.service}`));
    expect([...services].sort()).toEqual([
      "4px/global_economy",
      "4px/global_express",
      "dhl_express/economy_select",
      "dhl_express/express_worldwide",
      "dhl_parcel/paket",
      "dhl_parcel/parcel_connect",
      "fedex/international_economy",
      "fedex/international_priority",
      "sf_express/standard",
      "ups/ground",
      "ups/worldwide_expedited",
      "ups/worldwide_saver",
      "usps/first_class_package_international",
      "usps/ground_advantage",
      "usps/priority_mail_international",
      "yanwen/economy",
      "yanwen/special_line",
    ]);
    expect(new Set(DEFAULT_RATE_CARDS.map((c) => c.id)).size).toBe(DEFAULT_RATE_CARDS.length);
  });

  it("ship USPS only from the US and 4PX and Yanwen only from China", () => {
    for (const card of USPS_RATE_CARDS) expect(card.origins).toEqual(["US"]);
    for (const card of [...FOURPX_RATE_CARDS, ...YANWEN_RATE_CARDS]) expect(card.origins).toEqual(["CN"]);
  });

  it("state their volumetric divisor: 5000 express, 6000 or 8000 on economy lines", () => {
    const divisors = Object.fromEntries(DEFAULT_RATE_CARDS.map((c) => [c.id, c.volumetricDivisor]));
    expect(divisors["dhl_express/express_worldwide/CN"]).toBe(5000);
    expect(divisors["usps/priority_mail_international/US"]).toBe(6000);
    expect(divisors["4px/global_economy/CN"]).toBe(6000);
    expect(divisors["yanwen/special_line/CN"]).toBe(6000);
    expect(divisors["yanwen/economy/CN"]).toBe(8000);
  });

  it("date their fuel surcharges", () => {
    for (const card of DHL_EXPRESS_RATE_CARDS) {
      expect(card.fuelSurcharge.rates.length).toBeGreaterThan(1);
      expect(card.fuelSurcharge.note).toMatch(/monthly/);
    }
  });
});

describe("validateRateCard", () => {
  const base = DEFAULT_RATE_CARDS[0] as RateCard;

  it("names each problem", () => {
    const broken: RateCard = {
      ...base,
      currency: "XXX",
      weightBreaksGrams: [500, 400],
      zones: [
        {
          zone: "1",
          countries: ["DE", "de"],
          prices: [100, 90],
          additionalPrice: 1.5,
          transitDays: { min: 1, max: 2 },
        },
        { zone: "2", countries: ["DE"], prices: [100, 200], additionalPrice: 10, transitDays: { min: 1, max: 2 } },
      ],
      fuelSurcharge: {
        rates: [
          { from: "2026-11-01", basisPoints: 10 },
          { from: "2026-10-01", basisPoints: 12.5 },
        ],
        note: "",
      },
      remoteArea: { fee: 100, areas: [{ country: "ES", label: "bad", postalCodePatterns: ["(35"] }] },
    };
    expect(validateRateCard(broken)).toEqual([
      "currency XXX is not an ISO 4217 code",
      "weight breaks must ascend (500 then 400)",
      "zone 1 prices must not fall as weight rises",
      "zone 1 additionalPrice is not integer minor units",
      "zone 1 lists de, not an ISO country code",
      "DE is in zone 1 and zone 2",
      "fuel rates must be in date order",
      "fuel rate 2026-10-01 is not whole basis points",
      "remote area bad: /(35/ is not a valid pattern",
    ]);
  });
});

describe("mergeRateCards", () => {
  it("replaces defaults by id, adds the tenant's own and disables by carrier or service", () => {
    const own: RateCard = {
      ...(DEFAULT_RATE_CARDS[0] as RateCard),
      id: "dhl_express/express_worldwide/CN",
      source: "contract",
    };
    const extra: RateCard = {
      ...(DEFAULT_RATE_CARDS[0] as RateCard),
      id: "local_courier/standard/CN",
      carrier: "local_courier",
    };
    const merged = mergeRateCards(DEFAULT_RATE_CARDS, [own, extra], { disable: ["usps", "yanwen/economy"] });
    expect(merged.filter((c) => c.id === own.id)).toEqual([own]);
    expect(merged).toContain(extra);
    expect(merged.some((c) => c.carrier === "usps")).toBe(false);
    expect(merged.some((c) => c.id === "yanwen/economy/CN")).toBe(false);
    expect(merged.some((c) => c.id === "yanwen/special_line/CN")).toBe(true);
  });
});
