import type { RateCard } from "../types";
import { EU27, EUROPE_NON_EU, SMALL_PARCEL_BREAKS_GRAMS } from "./common";
import { AUSTRALIA_REMOTE, OUTSIDE_EU_VAT_AREA, SVALBARD } from "./postal-areas";

// Illustrative tariffs shaped like Yanwen's published China-origin price lists (2026), in CNY.

export const YANWEN_SPECIAL_LINE_CN: RateCard = {
  id: "yanwen/special_line/CN",
  carrier: "yanwen",
  carrierName: "Yanwen",
  service: "special_line",
  serviceName: "Special Line (tracked)",
  currency: "CNY",
  effectiveFrom: "2026-01-01",
  source:
    "Illustrative tariff shaped like the Yanwen Special Line tracked price list (per kg + per-piece registration)",
  origins: ["CN"],
  mode: "air",
  pricingBasis: "parcel",
  // 6000 cm³/kg: the tracked line's divisor.
  volumetricDivisor: 6000,
  weightStepGrams: 10,
  weightBreaksGrams: SMALL_PARCEL_BREAKS_GRAMS,
  additionalStepGrams: 500,
  zones: [
    {
      zone: "1",
      countries: ["JP", "KR", "SG", "MY", "TH", "HK", "TW"],
      prices: [1900, 2450, 2950, 4000, 5300, 6600, 9200, 11800],
      additionalPrice: 2600,
      transitDays: { min: 5, max: 9 },
    },
    {
      zone: "2",
      countries: ["US", "CA"],
      prices: [2700, 3600, 4500, 6300, 8550, 10800, 15300, 19800],
      additionalPrice: 4500,
      transitDays: { min: 7, max: 12 },
    },
    {
      zone: "3",
      countries: [...EU27, ...EUROPE_NON_EU],
      prices: [2700, 3400, 4100, 5500, 7250, 9000, 12500, 16000],
      additionalPrice: 3500,
      transitDays: { min: 6, max: 10 },
    },
    {
      zone: "4",
      countries: ["AU", "NZ"],
      prices: [2400, 3050, 3750, 5100, 6800, 8500, 11900, 15300],
      additionalPrice: 3400,
      transitDays: { min: 6, max: 10 },
    },
    {
      zone: "5",
      countries: ["MX", "BR", "CL", "ZA", "AE", "SA", "IL", "KW", "TR", "IN", "VN", "PH", "ID"],
      prices: [3650, 4700, 5750, 7850, 10500, 13100, 18350, 23600],
      additionalPrice: 5250,
      transitDays: { min: 10, max: 20 },
    },
  ],
  fuelSurcharge: {
    rates: [{ from: "2026-01-01", basisPoints: 0 }],
    note: "Yanwen line prices are all-in; fuel changes arrive as a new price list, so the surcharge stays 0.",
  },
  remoteArea: { fee: 2000, areas: [AUSTRALIA_REMOTE, SVALBARD] },
  unservedAreas: OUTSIDE_EU_VAT_AREA,
  limits: { maxParcelWeightGrams: 2000, maxLengthMm: 600, maxSumOfSidesMm: 900 },
};

export const YANWEN_ECONOMY_CN: RateCard = {
  id: "yanwen/economy/CN",
  carrier: "yanwen",
  carrierName: "Yanwen",
  service: "economy",
  serviceName: "Economy (untracked)",
  currency: "CNY",
  effectiveFrom: "2026-01-01",
  source:
    "Illustrative tariff shaped like the Yanwen economy air mail price list (untracked, per kg + per-piece handling)",
  origins: ["CN"],
  mode: "air",
  pricingBasis: "parcel",
  // 8000 cm³/kg: the lightest-touch economy divisor.
  volumetricDivisor: 8000,
  weightStepGrams: 10,
  weightBreaksGrams: SMALL_PARCEL_BREAKS_GRAMS,
  additionalStepGrams: 500,
  zones: [
    {
      zone: "1",
      countries: ["JP", "KR", "SG", "MY", "TH", "HK", "TW"],
      prices: [1050, 1500, 1950, 2850, 4000, 5100, 7350, 9600],
      additionalPrice: 2250,
      transitDays: { min: 7, max: 15 },
    },
    {
      zone: "2",
      countries: ["US", "CA"],
      prices: [1600, 2400, 3200, 4800, 6800, 8800, 12800, 16800],
      additionalPrice: 4000,
      transitDays: { min: 10, max: 20 },
    },
    {
      zone: "3",
      countries: [...EU27, ...EUROPE_NON_EU],
      prices: [1400, 2050, 2650, 3900, 5450, 7000, 10100, 13200],
      additionalPrice: 3100,
      transitDays: { min: 10, max: 20 },
    },
    {
      zone: "4",
      countries: ["AU", "NZ"],
      prices: [1400, 2000, 2600, 3800, 5300, 6800, 9800, 12800],
      additionalPrice: 3000,
      transitDays: { min: 10, max: 20 },
    },
    {
      zone: "5",
      countries: ["MX", "BR", "CL", "ZA", "AE", "SA", "IL", "KW", "TR", "IN", "VN", "PH", "ID"],
      prices: [1950, 2900, 3850, 5750, 8150, 10500, 15250, 20000],
      additionalPrice: 4750,
      transitDays: { min: 15, max: 30 },
    },
  ],
  fuelSurcharge: {
    rates: [{ from: "2026-01-01", basisPoints: 0 }],
    note: "All-in postal pricing; fuel changes arrive as a new price list.",
  },
  // An untracked postal line: delivered by the destination post with no remote-area fee.
  remoteArea: null,
  unservedAreas: OUTSIDE_EU_VAT_AREA,
  limits: { maxParcelWeightGrams: 2000, maxLengthMm: 600, maxSumOfSidesMm: 900 },
};

export const YANWEN_RATE_CARDS: readonly RateCard[] = [YANWEN_SPECIAL_LINE_CN, YANWEN_ECONOMY_CN];
