import type { PostalArea, RateCard } from "../types";

// Illustrative tariff shaped like SF Express's mainland China standard price list, 2026.

/** Xinjiang (83xxxx–84xxxx) and Tibet (85xxxx), which SF prices above the rest of the mainland. */
export const CHINA_FAR_WEST: PostalArea = {
  country: "CN",
  label: "Xinjiang and Tibet",
  postalCodePatterns: ["^8[3-5]\\d{4}$"],
};

export const SF_EXPRESS_STANDARD_CN: RateCard = {
  id: "sf_express/standard/CN",
  carrier: "sf_express",
  carrierName: "SF Express",
  service: "standard",
  serviceName: "Standard",
  currency: "CNY",
  effectiveFrom: "2026-01-01",
  source: "Illustrative tariff shaped like the SF Express mainland China standard price list (land-routed, domestic)",
  origins: ["CN"],
  mode: "road",
  pricingBasis: "parcel",
  // 6000 cm³/kg: SF's domestic volumetric divisor.
  volumetricDivisor: 6000,
  weightStepGrams: 100,
  // A first-kilogram price, then bands to 20 kg, then per started kilogram.
  weightBreaksGrams: [1000, 2000, 3000, 5000, 10000, 20000],
  additionalStepGrams: 1000,
  zones: [
    {
      zone: "CN",
      countries: ["CN"],
      prices: [1800, 2400, 3000, 4200, 7200, 13200],
      additionalPrice: 600,
      transitDays: { min: 1, max: 4 },
    },
  ],
  fuelSurcharge: {
    rates: [{ from: "2026-01-01", basisPoints: 0 }],
    note: "SF's domestic standard prices include fuel; a change arrives as a new price list (a new card version), and the entry stays at 0.",
  },
  remoteArea: { fee: 2000, areas: [CHINA_FAR_WEST], note: "SF prices the far west above the rest of the mainland." },
  limits: { maxParcelWeightGrams: 50000, maxLengthMm: 1500, maxSumOfSidesMm: 3000 },
};

export const SF_EXPRESS_RATE_CARDS: readonly RateCard[] = [SF_EXPRESS_STANDARD_CN];
