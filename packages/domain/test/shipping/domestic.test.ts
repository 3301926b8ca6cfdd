import { describe, expect, it } from "vitest";
import {
  DEFAULT_RATE_CARDS,
  DHL_PARCEL_RATE_CARDS,
  type FxTable,
  type QuoteRatesInput,
  quoteRates,
  type RateCard,
  type RateOption,
  type RateQuote,
  SF_EXPRESS_RATE_CARDS,
  validateRateCard,
} from "../../src/index";

const box = (weightGrams: number, length: number, width: number, height: number) => ({
  weightGrams,
  dimensionsMm: { length, width, height },
});

const FX: FxTable = { base: "EUR", date: "2026-11-25", rates: { USD: "1.0512", CNY: "7.6123" } };

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
const card = (id: string) => DEFAULT_RATE_CARDS.find((c) => c.id === id) as RateCard;

const GROUND_IDS = [
  "dhl_parcel/paket/DE",
  "dhl_parcel/parcel_connect/DE",
  "ups/ground/US",
  "usps/ground_advantage/US",
  "sf_express/standard/CN",
];

describe("domestic and regional ground cards", () => {
  it("are registered, valid, dated and by road", () => {
    for (const id of GROUND_IDS) {
      const c = card(id);
      expect(c, id).toBeDefined();
      expect(validateRateCard(c)).toEqual([]);
      expect(c.mode).toBe("road");
      expect(c.zones.every((z) => z.mode === undefined)).toBe(true);
      expect(c.effectiveFrom).toBe("2026-01-01");
      expect(c.fuelSurcharge.rates[0]?.from).toBe("2026-01-01");
    }
    expect(DHL_PARCEL_RATE_CARDS.map((c) => c.id)).toEqual(["dhl_parcel/paket/DE", "dhl_parcel/parcel_connect/DE"]);
    expect(SF_EXPRESS_RATE_CARDS.map((c) => c.id)).toEqual(["sf_express/standard/CN"]);
  });

  it("serve every same-country lane of the default origins, which no international card does", () => {
    const origins = [...new Set(DEFAULT_RATE_CARDS.flatMap((c) => c.origins))].sort();
    expect(origins).toEqual(["CN", "DE", "US"]);
    for (const country of origins) {
      const result = quote({
        origin: { country },
        destination: { country },
        parcels: [box(1000, 200, 150, 100)],
      });
      const offered = result.options.map((o) => o.rateCardId);
      expect(offered.length, country).toBeGreaterThan(0);
      expect(
        offered.every((id) => GROUND_IDS.includes(id)),
        country,
      ).toBe(true);
    }
  });

  it("send DHL Parcel Connect to every EU country but Germany, and to CH, NO and GB", () => {
    const countries = card("dhl_parcel/parcel_connect/DE")
      .zones.flatMap((z) => z.countries)
      .sort();
    expect(countries).toHaveLength(26 + 3);
    expect(countries).not.toContain("DE");
    expect(countries).toEqual(expect.arrayContaining(["AT", "FR", "CY", "MT", "CH", "NO", "GB"]));
  });
});

describe("quoteRates: domestic lanes", () => {
  it("rates DE→DE on DHL Paket", () => {
    // Frankfurt → Berlin, 2 kg, 100×100×100 mm: 200 g volumetric, the 2 kg band.
    const result = quote({
      origin: { country: "DE", postalCode: "60549" },
      destination: { country: "DE", postalCode: "10115" },
      parcels: [box(2000, 100, 100, 100)],
    });
    const paket = option(result, "dhl_parcel/paket/DE");
    expect(paket.price).toBe(549);
    expect(paket.explanation.fuel.amount).toBe(0);
    expect([paket.transitDaysMin, paket.transitDays]).toEqual([1, 2]);
    expect(paket.mode).toBe("road");
    // The same-country minimum of 100 km × 1.2 circuity × 80 g/tkm × 2 t/1000 = 19 g.
    expect(paket.co2eGrams).toBe(19);
    expect(paket.reason).toContain("DHL Paket, zone DE DE→DE: 2 kg chargeable (actual weight); EUR 5.49 base");
    expect(exclusion(result, "dhl_express/economy_select/DE")?.reason).toBe(
      "DHL Express Economy Select from DE does not deliver to DE",
    );
    expect(exclusion(result, "dhl_parcel/parcel_connect/DE")?.code).toBe("lane_not_served");
    expect(result.options.map((o) => o.rateCardId)).toEqual(["dhl_parcel/paket/DE"]);
  });

  it("prices each DHL Paket parcel on its own band and charges volumetric weight on a bulky box", () => {
    const result = quote({
      origin: { country: "DE" },
      destination: { country: "DE" },
      // 600×400×400 mm / 5000 = 19.2 kg volumetric > 3 kg → 20 kg band; 4.2 kg → 5 kg band.
      parcels: [box(3000, 600, 400, 400), box(4200, 300, 200, 200)],
    });
    const paket = option(result, "dhl_parcel/paket/DE");
    expect(paket.explanation.parcels.map((p) => p.chargeableGrams)).toEqual([19200, 4200]);
    expect(paket.price).toBe(1649 + 689);
  });

  it("rates US→US on UPS Ground and USPS Ground Advantage, and UPS Ground does not reach Hawaii", () => {
    const lane = { origin: { country: "US", postalCode: "90001" }, currency: "USD" };
    const result = quote({
      ...lane,
      destination: { country: "US", postalCode: "10001" },
      parcels: [box(2000, 100, 100, 100)],
    });
    // 2 kg is 4.4 lb → the 5 lb break.
    const ups = option(result, "ups/ground/US");
    // USD 18.90 + 20.75 % fuel (2026-11-02): 392.175 → 3.92.
    expect(ups.explanation.fuel).toMatchObject({ basisPoints: 2075, effectiveFrom: "2026-11-02", amount: 392 });
    expect(ups.price).toBe(1890 + 392);
    expect(ups.mode).toBe("road");
    const usps = option(result, "usps/ground_advantage/US");
    expect(usps.price).toBe(1530);
    expect(usps.explanation.remote.detail).toBe("USPS charges no remote-area fee");
    expect(result.options.map((o) => o.rateCardId)).toEqual(["usps/ground_advantage/US", "ups/ground/US"]);

    const hawaii = quote({
      ...lane,
      destination: { country: "US", postalCode: "96813" },
      parcels: [box(2000, 100, 100, 100)],
    });
    expect(exclusion(hawaii, "ups/ground/US")).toMatchObject({
      code: "area_not_served",
      reason: "UPS Ground does not deliver to Alaska and Hawaii (96813)",
    });
    expect(option(hawaii, "usps/ground_advantage/US").price).toBe(1530);
  });

  it("rates CN→CN on SF Express, with the far-west surcharge", () => {
    const lane = { origin: { country: "CN", postalCode: "518000" }, currency: "CNY" };
    const shanghai = option(
      quote({ ...lane, destination: { country: "CN", postalCode: "200000" }, parcels: [box(1800, 300, 200, 100)] }),
      "sf_express/standard/CN",
    );
    // 300×200×100 / 6000 = 1000 g volumetric < 1800 g → the 2 kg band, CNY 24.00, no fuel.
    expect(shanghai.explanation.parcels[0]).toMatchObject({ volumetricGrams: 1000, chargeableGrams: 1800 });
    expect(shanghai.price).toBe(2400);
    expect(shanghai.mode).toBe("road");
    // Beyond 20 kg: CNY 132.00 + 3 started kilograms × CNY 6.00.
    const heavy = option(
      quote({ ...lane, destination: { country: "CN", postalCode: "200000" }, parcels: [box(22500, 500, 400, 300)] }),
      "sf_express/standard/CN",
    );
    expect(heavy.price).toBe(13200 + 3 * 600);
    const urumqi = option(
      quote({ ...lane, destination: { country: "CN", postalCode: "830000" }, parcels: [box(1800, 300, 200, 100)] }),
      "sf_express/standard/CN",
    );
    expect(urumqi.explanation.remote).toMatchObject({ amount: 2000, area: "Xinjiang and Tibet" });
    expect(urumqi.price).toBe(2400 + 2000);
  });
});

describe("quoteRates: DHL Parcel Connect by road from Germany", () => {
  it("ships DE→FR cheaper and with less CO2e than the air services", () => {
    const result = quote({
      origin: { country: "DE" },
      destination: { country: "FR", postalCode: "75001" },
      parcels: [box(2000, 100, 100, 100)],
    });
    const connect = option(result, "dhl_parcel/parcel_connect/DE");
    // Zone 1, 2 kg: EUR 11.90 + 6.75 % road fuel (80.325 → 0.80).
    expect(connect.zone).toBe("1");
    expect(connect.price).toBe(1190 + 80);
    expect(connect.mode).toBe("road");
    expect(connect.co2eGrams).toBe(157);
    const air = option(result, "dhl_express/express_worldwide/DE");
    expect(air.mode).toBe("air");
    expect(air.price).toBe(5250 + 1509);
    expect(air.co2eGrams).toBe(1458);
    expect(connect.price).toBeLessThan(air.price);
    expect(connect.co2eGrams).toBeLessThan(air.co2eGrams);
    // The existing road service is still rated as before.
    expect(option(result, "dhl_express/economy_select/DE").price).toBe(2150 + 409);
    expect(result.options[0]?.rateCardId).toBe("dhl_parcel/parcel_connect/DE");
    expect(exclusion(result, "dhl_parcel/paket/DE")?.reason).toBe("DHL Paket from DE does not deliver to FR");
  });

  it("reaches CH, NO and GB, charges island fees and leaves out the Canary Islands", () => {
    const parcels = [box(1000, 100, 100, 100)];
    const zurich = option(
      quote({ origin: { country: "DE" }, destination: { country: "CH", postalCode: "8001" }, parcels }),
      "dhl_parcel/parcel_connect/DE",
    );
    expect(zurich.zone).toBe("5");
    const corsica = option(
      quote({ origin: { country: "DE" }, destination: { country: "FR", postalCode: "20000" }, parcels }),
      "dhl_parcel/parcel_connect/DE",
    );
    expect(corsica.explanation.remote).toMatchObject({ amount: 800, area: "Corsica" });
    const canary = quote({ origin: { country: "DE" }, destination: { country: "ES", postalCode: "35001" }, parcels });
    expect(exclusion(canary, "dhl_parcel/parcel_connect/DE")?.code).toBe("area_not_served");
  });

  it("does not offer the road services DE→JP, nor ground services across borders outside Europe", () => {
    const parcels = [box(2000, 100, 100, 100)];
    const deToJp = quote({ origin: { country: "DE" }, destination: { country: "JP" }, parcels });
    for (const id of ["dhl_parcel/paket/DE", "dhl_parcel/parcel_connect/DE", "dhl_express/economy_select/DE"]) {
      expect(exclusion(deToJp, id)?.code, id).toBe("lane_not_served");
    }
    expect(deToJp.options.every((o) => o.mode === "air")).toBe(true);
    expect(exclusion(deToJp, "dhl_parcel/parcel_connect/DE")?.reason).toBe(
      "DHL Parcel Connect from DE does not deliver to JP",
    );
    const usToCa = quote({ origin: { country: "US" }, destination: { country: "CA" }, parcels, currency: "USD" });
    expect(exclusion(usToCa, "ups/ground/US")?.code).toBe("lane_not_served");
    expect(exclusion(usToCa, "usps/ground_advantage/US")?.code).toBe("lane_not_served");
    const cnToDe = quote({ origin: { country: "CN" }, destination: { country: "DE" }, parcels });
    expect(exclusion(cnToDe, "sf_express/standard/CN")?.code).toBe("lane_not_served");
  });
});
