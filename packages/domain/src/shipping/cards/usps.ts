import type { RateCard } from "../types";
import {
  EU27,
  EUROPE_NON_EU,
  FAR_MARKETS,
  GROUND_ADVANTAGE_BREAKS_GRAMS,
  OUNCE_BREAKS_GRAMS,
  POUND_BREAKS_GRAMS,
} from "./common";

// Illustrative retail prices shaped like USPS Notice 123 (international price groups), 2026.
// USPS charges no remote-area fee, so remoteArea is null.

export const USPS_PRIORITY_MAIL_INTERNATIONAL_US: RateCard = {
  id: "usps/priority_mail_international/US",
  carrier: "usps",
  carrierName: "USPS",
  service: "priority_mail_international",
  serviceName: "Priority Mail International",
  currency: "USD",
  effectiveFrom: "2026-01-01",
  source: "Illustrative prices shaped like USPS Notice 123, Priority Mail International (price groups, per pound)",
  origins: ["US"],
  mode: "air",
  pricingBasis: "parcel",
  // 6000 cm³/kg: USPS's dimensional-weight divisor of 166 in³/lb.
  volumetricDivisor: 6000,
  weightStepGrams: 1,
  weightBreaksGrams: POUND_BREAKS_GRAMS,
  additionalStepGrams: 500,
  zones: [
    {
      zone: "1",
      countries: ["CA"],
      prices: [4600, 4950, 5300, 5600, 5950, 6300, 6650, 7000, 7300, 7650, 9350, 11050, 14450, 19200],
      additionalPrice: 350,
      transitDays: { min: 6, max: 10 },
    },
    {
      zone: "2",
      countries: ["MX"],
      prices: [5200, 5600, 6000, 6450, 6850, 7250, 7650, 8050, 8500, 8900, 10950, 13000, 17100, 22850],
      additionalPrice: 450,
      transitDays: { min: 6, max: 10 },
    },
    {
      zone: "3",
      countries: [...EU27, ...EUROPE_NON_EU],
      prices: [6500, 7100, 7650, 8250, 8800, 9400, 10000, 10550, 11150, 11700, 14600, 17500, 23300, 31450],
      additionalPrice: 650,
      transitDays: { min: 6, max: 10 },
    },
    {
      zone: "4",
      countries: ["JP", "KR", "CN", "HK", "TW", "SG"],
      prices: [6200, 6700, 7250, 7750, 8300, 8800, 9300, 9850, 10350, 10900, 13500, 16100, 21300, 28550],
      additionalPrice: 550,
      transitDays: { min: 6, max: 10 },
    },
    {
      zone: "5",
      countries: ["MY", "TH", "VN", "PH", "ID", "IN", "AU", "NZ"],
      prices: [6800, 7400, 8000, 8650, 9250, 9850, 10450, 11050, 11700, 12300, 15350, 18400, 24500, 33050],
      additionalPrice: 650,
      transitDays: { min: 6, max: 10 },
    },
    {
      zone: "6",
      countries: FAR_MARKETS,
      prices: [7200, 7900, 8600, 9300, 10000, 10700, 11400, 12100, 12800, 13500, 17000, 20500, 27500, 37300],
      additionalPrice: 750,
      transitDays: { min: 6, max: 10 },
    },
  ],
  fuelSurcharge: {
    rates: [{ from: "2026-01-01", basisPoints: 0 }],
    note: "USPS international mail prices include fuel; the entry stays at 0 unless USPS introduces a surcharge.",
  },
  remoteArea: null,
  limits: { maxParcelWeightGrams: 19958, maxLengthMm: 1067, maxLengthPlusGirthMm: 2007 },
};

export const USPS_FIRST_CLASS_PACKAGE_INTERNATIONAL_US: RateCard = {
  id: "usps/first_class_package_international/US",
  carrier: "usps",
  carrierName: "USPS",
  service: "first_class_package_international",
  serviceName: "First-Class Package International Service",
  currency: "USD",
  effectiveFrom: "2026-01-01",
  source:
    "Illustrative prices shaped like USPS Notice 123, First-Class Package International Service (price groups, by ounce)",
  origins: ["US"],
  mode: "air",
  pricingBasis: "parcel",
  // 6000 cm³/kg: USPS's dimensional-weight divisor of 166 in³/lb.
  volumetricDivisor: 6000,
  weightStepGrams: 1,
  weightBreaksGrams: OUNCE_BREAKS_GRAMS,
  additionalStepGrams: 500,
  zones: [
    {
      zone: "1",
      countries: ["CA"],
      prices: [1600, 1925, 2250, 2575, 3350, 4125, 4900],
      additionalPrice: 853,
      transitDays: { min: 7, max: 21 },
    },
    {
      zone: "2",
      countries: ["MX"],
      prices: [1750, 2100, 2450, 2800, 3625, 4450, 5275],
      additionalPrice: 908,
      transitDays: { min: 7, max: 21 },
    },
    {
      zone: "3",
      countries: [...EU27, ...EUROPE_NON_EU],
      prices: [1765, 2125, 2485, 2845, 3695, 4545, 5395],
      additionalPrice: 935,
      transitDays: { min: 7, max: 21 },
    },
    {
      zone: "4",
      countries: ["JP", "KR", "CN", "HK", "TW", "SG"],
      prices: [1795, 2165, 2535, 2905, 3780, 4655, 5530],
      additionalPrice: 963,
      transitDays: { min: 7, max: 21 },
    },
    {
      zone: "5",
      countries: ["MY", "TH", "VN", "PH", "ID", "IN", "AU", "NZ"],
      prices: [1840, 2225, 2610, 2995, 3905, 4815, 5725],
      additionalPrice: 1001,
      transitDays: { min: 7, max: 21 },
    },
    {
      zone: "6",
      countries: FAR_MARKETS,
      prices: [1910, 2320, 2730, 3140, 4100, 5060, 6020],
      additionalPrice: 1056,
      transitDays: { min: 7, max: 21 },
    },
  ],
  fuelSurcharge: {
    rates: [{ from: "2026-01-01", basisPoints: 0 }],
    note: "USPS international mail prices include fuel; the entry stays at 0 unless USPS introduces a surcharge.",
  },
  remoteArea: null,
  limits: { maxParcelWeightGrams: 1814, maxLengthMm: 609, maxSumOfSidesMm: 914 },
};

export const USPS_GROUND_ADVANTAGE_US: RateCard = {
  id: "usps/ground_advantage/US",
  carrier: "usps",
  carrierName: "USPS",
  service: "ground_advantage",
  serviceName: "Ground Advantage",
  currency: "USD",
  effectiveFrom: "2026-01-01",
  source:
    "Illustrative retail prices shaped like the USPS Ground Advantage price list (US domestic, one national zone in place of USPS's zones 1–9)",
  origins: ["US"],
  mode: "road",
  pricingBasis: "parcel",
  // 6000 cm³/kg: USPS's dimensional-weight divisor of 166 in³/lb.
  volumetricDivisor: 6000,
  weightStepGrams: 1,
  weightBreaksGrams: GROUND_ADVANTAGE_BREAKS_GRAMS,
  // Only reached by dimensional weight: a parcel weighs at most 70 lb.
  additionalStepGrams: 454,
  zones: [
    {
      // Priced at USPS zone 5, the middle of the distance zones.
      zone: "US",
      countries: ["US"],
      prices: [610, 695, 790, 935, 1120, 1260, 1390, 1530, 2290, 2970, 3750, 5290, 7840, 10360],
      additionalPrice: 150,
      transitDays: { min: 2, max: 5 },
    },
  ],
  fuelSurcharge: {
    rates: [{ from: "2026-01-01", basisPoints: 0 }],
    note: "USPS domestic prices include fuel; the entry stays at 0 unless USPS introduces a surcharge.",
  },
  remoteArea: null,
  // 70 lb and 130 in length + girth.
  limits: { maxParcelWeightGrams: 31751, maxLengthMm: 3302, maxLengthPlusGirthMm: 3302 },
};

export const USPS_RATE_CARDS: readonly RateCard[] = [
  USPS_PRIORITY_MAIL_INTERNATIONAL_US,
  USPS_FIRST_CLASS_PACKAGE_INTERNATIONAL_US,
  USPS_GROUND_ADVANTAGE_US,
];
