import type { RateCard } from "../types";
import { EU27, EUROPE_NON_EU, EXPRESS_BREAKS_GRAMS, FAR_MARKETS, SMALL_PARCEL_BREAKS_GRAMS } from "./common";
import { AUSTRALIA_REMOTE, INTEGRATOR_REMOTE_AREAS, OUTSIDE_EU_VAT_AREA } from "./postal-areas";

// Illustrative tariffs shaped like 4PX's published China-origin price lists (2026), in CNY.

export const FOURPX_GLOBAL_EXPRESS_CN: RateCard = {
  id: "4px/global_express/CN",
  carrier: "4px",
  carrierName: "4PX",
  service: "global_express",
  serviceName: "Global Express",
  currency: "CNY",
  effectiveFrom: "2026-01-01",
  source:
    "Illustrative tariff shaped like the 4PX Global Express price list (express consolidation on integrator networks)",
  origins: ["CN"],
  mode: "air",
  pricingBasis: "shipment",
  // 5000 cm³/kg: express consolidation follows the integrators' divisor.
  volumetricDivisor: 5000,
  weightStepGrams: 500,
  weightBreaksGrams: EXPRESS_BREAKS_GRAMS,
  additionalStepGrams: 500,
  zones: [
    {
      zone: "1",
      countries: ["HK", "TW"],
      prices: [7000, 8200, 9400, 10600, 11800, 13000, 15400, 17800, 23800, 29800, 39800, 49800, 69800],
      additionalPrice: 1000,
      transitDays: { min: 2, max: 3 },
    },
    {
      zone: "2",
      countries: ["JP", "KR", "SG", "MY", "TH", "VN", "PH", "ID"],
      prices: [9500, 11500, 13500, 15500, 17500, 19500, 23500, 27500, 37500, 47500, 64500, 81500, 115500],
      additionalPrice: 1700,
      transitDays: { min: 3, max: 5 },
    },
    {
      zone: "3",
      countries: ["IN", "AU", "NZ"],
      prices: [13500, 16300, 19100, 21900, 24700, 27500, 33100, 38700, 52700, 66700, 90700, 114700, 162700],
      additionalPrice: 2400,
      transitDays: { min: 4, max: 6 },
    },
    {
      zone: "4",
      countries: ["US", "CA", "MX"],
      prices: [16000, 20000, 24000, 28000, 32000, 36000, 44000, 52000, 72000, 92000, 126000, 160000, 228000],
      additionalPrice: 3400,
      transitDays: { min: 4, max: 7 },
    },
    {
      zone: "5",
      countries: [...EU27, ...EUROPE_NON_EU],
      prices: [17000, 21200, 25400, 29600, 33800, 38000, 46400, 54800, 75800, 96800, 132800, 168800, 240800],
      additionalPrice: 3600,
      transitDays: { min: 5, max: 7 },
    },
    {
      zone: "6",
      countries: FAR_MARKETS,
      prices: [21500, 26700, 31900, 37100, 42300, 47500, 57900, 68300, 94300, 120300, 164300, 208300, 296300],
      additionalPrice: 4400,
      transitDays: { min: 5, max: 9 },
    },
  ],
  fuelSurcharge: {
    rates: [
      { from: "2026-01-01", basisPoints: 1500 },
      { from: "2026-11-01", basisPoints: 1650 },
    ],
    note: "4PX passes the partner integrators' fuel surcharge through monthly, at a consolidator's discount.",
  },
  remoteArea: { fee: 16000, areas: INTEGRATOR_REMOTE_AREAS },
  limits: { maxParcelWeightGrams: 30000, maxLengthMm: 1200, maxLengthPlusGirthMm: 3000 },
};

export const FOURPX_GLOBAL_ECONOMY_CN: RateCard = {
  id: "4px/global_economy/CN",
  carrier: "4px",
  carrierName: "4PX",
  service: "global_economy",
  serviceName: "Global Economy",
  currency: "CNY",
  effectiveFrom: "2026-01-01",
  source:
    "Illustrative tariff shaped like the 4PX economy small-parcel price list (per kg + per-piece handling, tracked)",
  origins: ["CN"],
  mode: "air",
  pricingBasis: "parcel",
  // 6000 cm³/kg: the economy line's divisor.
  volumetricDivisor: 6000,
  weightStepGrams: 10,
  weightBreaksGrams: SMALL_PARCEL_BREAKS_GRAMS,
  additionalStepGrams: 500,
  zones: [
    {
      zone: "1",
      countries: ["JP", "KR", "SG", "MY", "TH", "HK", "TW"],
      prices: [1750, 2300, 2850, 3950, 5350, 6700, 9450, 12200],
      additionalPrice: 2750,
      transitDays: { min: 6, max: 12 },
    },
    {
      zone: "2",
      countries: ["US", "CA"],
      prices: [2750, 3600, 4450, 6150, 8300, 10400, 14650, 18900],
      additionalPrice: 4250,
      transitDays: { min: 8, max: 15 },
    },
    {
      zone: "3",
      countries: [...EU27, ...EUROPE_NON_EU],
      prices: [2850, 3600, 4350, 5850, 7750, 9600, 13350, 17100],
      additionalPrice: 3750,
      transitDays: { min: 8, max: 15 },
    },
    {
      zone: "4",
      countries: ["AU", "NZ"],
      prices: [2500, 3200, 3900, 5300, 7050, 8800, 12300, 15800],
      additionalPrice: 3500,
      transitDays: { min: 8, max: 14 },
    },
    {
      zone: "5",
      countries: ["MX", "BR", "CL", "ZA", "AE", "SA", "IL", "KW", "TR", "IN", "VN", "PH", "ID"],
      prices: [3600, 4700, 5800, 8000, 10750, 13500, 19000, 24500],
      additionalPrice: 5500,
      transitDays: { min: 10, max: 25 },
    },
  ],
  fuelSurcharge: {
    rates: [{ from: "2026-01-01", basisPoints: 0 }],
    note: "Economy line prices are all-in; 4PX re-issues the price list when fuel moves instead of adding a surcharge.",
  },
  remoteArea: { fee: 1500, areas: [AUSTRALIA_REMOTE] },
  unservedAreas: OUTSIDE_EU_VAT_AREA,
  limits: { maxParcelWeightGrams: 2000, maxLengthMm: 600, maxSumOfSidesMm: 900 },
};

export const FOURPX_RATE_CARDS: readonly RateCard[] = [FOURPX_GLOBAL_EXPRESS_CN, FOURPX_GLOBAL_ECONOMY_CN];
