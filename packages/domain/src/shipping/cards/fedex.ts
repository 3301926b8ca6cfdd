import type { RateCard } from "../types";
import { EU27, EUROPE_NON_EU, EXPRESS_BREAKS_GRAMS, FAR_MARKETS, WESTERN_EUROPE_CORE } from "./common";
import { INTEGRATOR_REMOTE_AREAS } from "./postal-areas";

// Illustrative list tariffs shaped like FedEx's published export service guides (2026); FedEx letters its zones.

export const FEDEX_INTERNATIONAL_PRIORITY_CN: RateCard = {
  id: "fedex/international_priority/CN",
  carrier: "fedex",
  carrierName: "FedEx",
  service: "international_priority",
  serviceName: "International Priority",
  currency: "CNY",
  effectiveFrom: "2026-01-01",
  source: "Illustrative tariff shaped like the FedEx China export service guide (International Priority)",
  origins: ["CN"],
  mode: "air",
  pricingBasis: "shipment",
  // 5000 cm³/kg: the integrators' express divisor.
  volumetricDivisor: 5000,
  weightStepGrams: 500,
  weightBreaksGrams: EXPRESS_BREAKS_GRAMS,
  additionalStepGrams: 500,
  zones: [
    {
      zone: "A",
      countries: ["HK", "TW"],
      prices: [14000, 17100, 20200, 23300, 26400, 29500, 35700, 41900, 57400, 72900, 97900, 122900, 172900],
      additionalPrice: 2500,
      transitDays: { min: 1, max: 2 },
    },
    {
      zone: "B",
      countries: ["JP", "KR", "SG", "MY", "TH", "VN", "PH", "ID"],
      prices: [18200, 22800, 27400, 32000, 36600, 41200, 50400, 59600, 82600, 105600, 143600, 181600, 257600],
      additionalPrice: 3800,
      transitDays: { min: 1, max: 3 },
    },
    {
      zone: "C",
      countries: ["IN", "AU", "NZ"],
      prices: [25000, 31100, 37200, 43300, 49400, 55500, 67700, 79900, 110400, 140900, 191900, 242900, 344900],
      additionalPrice: 5100,
      transitDays: { min: 2, max: 4 },
    },
    {
      zone: "D",
      countries: ["US", "CA", "MX"],
      prices: [31500, 40100, 48700, 57300, 65900, 74500, 91700, 108900, 151900, 194900, 265900, 336900, 478900],
      additionalPrice: 7100,
      transitDays: { min: 2, max: 3 },
    },
    {
      zone: "E",
      countries: [...EU27, ...EUROPE_NON_EU],
      prices: [34000, 43000, 52000, 61000, 70000, 79000, 97000, 115000, 160000, 205000, 280000, 355000, 505000],
      additionalPrice: 7500,
      transitDays: { min: 2, max: 4 },
    },
    {
      zone: "F",
      countries: FAR_MARKETS,
      prices: [42500, 53700, 64900, 76100, 87300, 98500, 120900, 143300, 199300, 255300, 348300, 441300, 627300],
      additionalPrice: 9300,
      transitDays: { min: 3, max: 5 },
    },
  ],
  fuelSurcharge: {
    rates: [
      { from: "2026-01-01", basisPoints: 2600 },
      { from: "2026-10-06", basisPoints: 2875 },
      { from: "2026-11-03", basisPoints: 2925 },
    ],
    note: "FedEx adjusts the international fuel surcharge weekly from the jet-fuel index; keep the latest entry current.",
  },
  remoteArea: { fee: 20500, areas: INTEGRATOR_REMOTE_AREAS },
  limits: { maxParcelWeightGrams: 68000, maxLengthMm: 2740, maxLengthPlusGirthMm: 3300 },
};

export const FEDEX_INTERNATIONAL_ECONOMY_CN: RateCard = {
  id: "fedex/international_economy/CN",
  carrier: "fedex",
  carrierName: "FedEx",
  service: "international_economy",
  serviceName: "International Economy",
  currency: "CNY",
  effectiveFrom: "2026-01-01",
  source: "Illustrative tariff shaped like the FedEx China export service guide (International Economy)",
  origins: ["CN"],
  mode: "air",
  pricingBasis: "shipment",
  // 5000 cm³/kg: integrators use the express divisor for their deferred services too.
  volumetricDivisor: 5000,
  weightStepGrams: 500,
  weightBreaksGrams: EXPRESS_BREAKS_GRAMS,
  additionalStepGrams: 500,
  zones: [
    {
      zone: "A",
      countries: ["HK", "TW"],
      prices: [11500, 14000, 16500, 19000, 21500, 24000, 29000, 34000, 46500, 59000, 79000, 99000, 139000],
      additionalPrice: 2000,
      transitDays: { min: 2, max: 4 },
    },
    {
      zone: "B",
      countries: ["JP", "KR", "SG", "MY", "TH", "VN", "PH", "ID"],
      prices: [14800, 18500, 22200, 25900, 29600, 33300, 40700, 48100, 66600, 85100, 115100, 145100, 205100],
      additionalPrice: 3000,
      transitDays: { min: 3, max: 5 },
    },
    {
      zone: "C",
      countries: ["IN", "AU", "NZ"],
      prices: [20000, 24900, 29800, 34700, 39600, 44500, 54300, 64100, 88600, 113100, 154100, 195100, 277100],
      additionalPrice: 4100,
      transitDays: { min: 4, max: 6 },
    },
    {
      zone: "D",
      countries: ["US", "CA", "MX"],
      prices: [25000, 31900, 38800, 45700, 52600, 59500, 73300, 87100, 121600, 156100, 213100, 270100, 384100],
      additionalPrice: 5700,
      transitDays: { min: 4, max: 6 },
    },
    {
      zone: "E",
      countries: [...EU27, ...EUROPE_NON_EU],
      prices: [27200, 34400, 41600, 48800, 56000, 63200, 77600, 92000, 128000, 164000, 224000, 284000, 404000],
      additionalPrice: 6000,
      transitDays: { min: 4, max: 7 },
    },
    {
      zone: "F",
      countries: FAR_MARKETS,
      prices: [34000, 43000, 52000, 61000, 70000, 79000, 97000, 115000, 160000, 205000, 279000, 353000, 501000],
      additionalPrice: 7400,
      transitDays: { min: 5, max: 8 },
    },
  ],
  fuelSurcharge: {
    rates: [
      { from: "2026-01-01", basisPoints: 2600 },
      { from: "2026-10-06", basisPoints: 2875 },
      { from: "2026-11-03", basisPoints: 2925 },
    ],
    note: "FedEx adjusts the international fuel surcharge weekly from the jet-fuel index; keep the latest entry current.",
  },
  remoteArea: { fee: 20500, areas: INTEGRATOR_REMOTE_AREAS },
  limits: { maxParcelWeightGrams: 68000, maxLengthMm: 2740, maxLengthPlusGirthMm: 3300 },
};

export const FEDEX_INTERNATIONAL_PRIORITY_US: RateCard = {
  id: "fedex/international_priority/US",
  carrier: "fedex",
  carrierName: "FedEx",
  service: "international_priority",
  serviceName: "International Priority",
  currency: "USD",
  effectiveFrom: "2026-01-01",
  source: "Illustrative tariff shaped like the FedEx United States export service guide (International Priority)",
  origins: ["US"],
  mode: "air",
  pricingBasis: "shipment",
  // 5000 cm³/kg: the integrators' express divisor.
  volumetricDivisor: 5000,
  weightStepGrams: 500,
  weightBreaksGrams: EXPRESS_BREAKS_GRAMS,
  additionalStepGrams: 500,
  zones: [
    {
      zone: "A",
      countries: ["CA", "MX"],
      prices: [5600, 6500, 7450, 8350, 9300, 10200, 12050, 13900, 18500, 23100, 30300, 37500, 51900],
      additionalPrice: 700,
      transitDays: { min: 1, max: 3 },
    },
    {
      zone: "B",
      countries: ["GB", "DE", "FR", "NL", "BE", "IE"],
      prices: [7400, 8600, 9850, 11050, 12300, 13500, 15950, 18400, 24500, 30600, 40600, 50600, 70600],
      additionalPrice: 1000,
      transitDays: { min: 1, max: 3 },
    },
    {
      zone: "C",
      countries: [...EU27.filter((c) => !WESTERN_EUROPE_CORE.includes(c)), "CH", "NO"],
      prices: [7900, 9200, 10550, 11850, 13200, 14500, 17150, 19800, 26400, 33000, 43800, 54600, 76200],
      additionalPrice: 1100,
      transitDays: { min: 2, max: 4 },
    },
    {
      zone: "D",
      countries: ["JP", "KR", "CN", "HK", "TW", "SG"],
      prices: [8500, 10000, 11550, 13050, 14600, 16100, 19150, 22200, 29800, 37400, 49600, 61800, 86200],
      additionalPrice: 1200,
      transitDays: { min: 2, max: 4 },
    },
    {
      zone: "E",
      countries: ["MY", "TH", "VN", "PH", "ID", "IN", "AU", "NZ"],
      prices: [9300, 11000, 12750, 14450, 16200, 17900, 21350, 24800, 33400, 42000, 56200, 70400, 98800],
      additionalPrice: 1400,
      transitDays: { min: 3, max: 5 },
    },
    {
      zone: "F",
      countries: FAR_MARKETS,
      prices: [10600, 12650, 14700, 16750, 18800, 20850, 24950, 29050, 39300, 49550, 66050, 82550, 115550],
      additionalPrice: 1650,
      transitDays: { min: 3, max: 6 },
    },
  ],
  fuelSurcharge: {
    rates: [
      { from: "2026-01-01", basisPoints: 2600 },
      { from: "2026-10-06", basisPoints: 2875 },
      { from: "2026-11-03", basisPoints: 2925 },
    ],
    note: "FedEx adjusts the international fuel surcharge weekly from the jet-fuel index; keep the latest entry current.",
  },
  remoteArea: { fee: 3350, areas: INTEGRATOR_REMOTE_AREAS },
  limits: { maxParcelWeightGrams: 68000, maxLengthMm: 2740, maxLengthPlusGirthMm: 3300 },
};

export const FEDEX_INTERNATIONAL_ECONOMY_US: RateCard = {
  id: "fedex/international_economy/US",
  carrier: "fedex",
  carrierName: "FedEx",
  service: "international_economy",
  serviceName: "International Economy",
  currency: "USD",
  effectiveFrom: "2026-01-01",
  source: "Illustrative tariff shaped like the FedEx United States export service guide (International Economy)",
  origins: ["US"],
  mode: "air",
  pricingBasis: "shipment",
  // 5000 cm³/kg: integrators use the express divisor for their deferred services too.
  volumetricDivisor: 5000,
  weightStepGrams: 500,
  weightBreaksGrams: EXPRESS_BREAKS_GRAMS,
  additionalStepGrams: 500,
  zones: [
    {
      zone: "A",
      countries: ["CA", "MX"],
      prices: [4400, 5150, 5850, 6600, 7300, 8050, 9500, 10950, 14600, 18250, 24050, 29850, 41450],
      additionalPrice: 600,
      transitDays: { min: 2, max: 5 },
    },
    {
      zone: "B",
      countries: ["GB", "DE", "FR", "NL", "BE", "IE"],
      prices: [5900, 6900, 7850, 8850, 9800, 10800, 12750, 14700, 19600, 24500, 32400, 40300, 56100],
      additionalPrice: 800,
      transitDays: { min: 3, max: 5 },
    },
    {
      zone: "C",
      countries: [...EU27.filter((c) => !WESTERN_EUROPE_CORE.includes(c)), "CH", "NO"],
      prices: [6300, 7350, 8400, 9500, 10550, 11600, 13700, 15850, 21150, 26450, 35050, 43650, 60850],
      additionalPrice: 850,
      transitDays: { min: 3, max: 6 },
    },
    {
      zone: "D",
      countries: ["JP", "KR", "CN", "HK", "TW", "SG"],
      prices: [6800, 8000, 9250, 10450, 11700, 12900, 15350, 17800, 23900, 30000, 39800, 49600, 69200],
      additionalPrice: 1000,
      transitDays: { min: 4, max: 6 },
    },
    {
      zone: "E",
      countries: ["MY", "TH", "VN", "PH", "ID", "IN", "AU", "NZ"],
      prices: [7400, 8800, 10150, 11550, 12900, 14300, 17050, 19800, 26700, 33600, 45000, 56400, 79200],
      additionalPrice: 1150,
      transitDays: { min: 4, max: 7 },
    },
    {
      zone: "F",
      countries: FAR_MARKETS,
      prices: [8500, 10150, 11800, 13400, 15050, 16700, 20000, 23250, 31450, 39650, 52850, 66050, 92450],
      additionalPrice: 1300,
      transitDays: { min: 5, max: 8 },
    },
  ],
  fuelSurcharge: {
    rates: [
      { from: "2026-01-01", basisPoints: 2600 },
      { from: "2026-10-06", basisPoints: 2875 },
      { from: "2026-11-03", basisPoints: 2925 },
    ],
    note: "FedEx adjusts the international fuel surcharge weekly from the jet-fuel index; keep the latest entry current.",
  },
  remoteArea: { fee: 3350, areas: INTEGRATOR_REMOTE_AREAS },
  limits: { maxParcelWeightGrams: 68000, maxLengthMm: 2740, maxLengthPlusGirthMm: 3300 },
};

export const FEDEX_RATE_CARDS: readonly RateCard[] = [
  FEDEX_INTERNATIONAL_PRIORITY_CN,
  FEDEX_INTERNATIONAL_ECONOMY_CN,
  FEDEX_INTERNATIONAL_PRIORITY_US,
  FEDEX_INTERNATIONAL_ECONOMY_US,
];
