import type { RateCard } from "../types";
import {
  EU27,
  EUROPE_NON_EU,
  EXPRESS_BREAKS_GRAMS,
  FAR_MARKETS,
  GROUND_POUND_BREAKS_GRAMS,
  WESTERN_EUROPE_CORE,
} from "./common";
import { ALASKA_HAWAII, INTEGRATOR_REMOTE_AREAS } from "./postal-areas";

// Illustrative list tariffs shaped like UPS's published export rate guides (2026).

export const UPS_WORLDWIDE_SAVER_CN: RateCard = {
  id: "ups/worldwide_saver/CN",
  carrier: "ups",
  carrierName: "UPS",
  service: "worldwide_saver",
  serviceName: "Worldwide Saver",
  currency: "CNY",
  effectiveFrom: "2026-01-01",
  source: "Illustrative tariff shaped like the UPS China export rate guide (Worldwide Saver)",
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
      zone: "1",
      countries: ["HK", "TW"],
      prices: [14500, 17700, 20900, 24100, 27300, 30500, 36900, 43300, 59300, 75300, 101300, 127300, 179300],
      additionalPrice: 2600,
      transitDays: { min: 1, max: 2 },
    },
    {
      zone: "2",
      countries: ["JP", "KR", "SG", "MY", "TH", "VN", "PH", "ID"],
      prices: [18500, 23200, 27900, 32600, 37300, 42000, 51400, 60800, 84300, 107800, 146800, 185800, 263800],
      additionalPrice: 3900,
      transitDays: { min: 2, max: 3 },
    },
    {
      zone: "3",
      countries: ["IN", "AU", "NZ"],
      prices: [25500, 31700, 37900, 44100, 50300, 56500, 68900, 81300, 112300, 143300, 195300, 247300, 351300],
      additionalPrice: 5200,
      transitDays: { min: 2, max: 4 },
    },
    {
      zone: "4",
      countries: ["US", "CA", "MX"],
      prices: [32000, 40800, 49600, 58400, 67200, 76000, 93600, 111200, 155200, 199200, 271200, 343200, 487200],
      additionalPrice: 7200,
      transitDays: { min: 2, max: 3 },
    },
    {
      zone: "5",
      countries: [...EU27, ...EUROPE_NON_EU],
      prices: [35000, 44200, 53400, 62600, 71800, 81000, 99400, 117800, 163800, 209800, 285800, 361800, 513800],
      additionalPrice: 7600,
      transitDays: { min: 3, max: 4 },
    },
    {
      zone: "6",
      countries: FAR_MARKETS,
      prices: [43000, 54500, 66000, 77500, 89000, 100500, 123500, 146500, 204000, 261500, 356500, 451500, 641500],
      additionalPrice: 9500,
      transitDays: { min: 3, max: 6 },
    },
  ],
  fuelSurcharge: {
    rates: [
      { from: "2026-01-01", basisPoints: 2700 },
      { from: "2026-10-05", basisPoints: 2950 },
      { from: "2026-11-02", basisPoints: 3000 },
    ],
    note: "UPS revises its international fuel surcharge weekly from the US Gulf Coast jet-fuel price; keep the latest entry current.",
  },
  remoteArea: { fee: 20000, areas: INTEGRATOR_REMOTE_AREAS },
  limits: { maxParcelWeightGrams: 70000, maxLengthMm: 2740, maxLengthPlusGirthMm: 4000 },
};

export const UPS_WORLDWIDE_EXPEDITED_CN: RateCard = {
  id: "ups/worldwide_expedited/CN",
  carrier: "ups",
  carrierName: "UPS",
  service: "worldwide_expedited",
  serviceName: "Worldwide Expedited",
  currency: "CNY",
  effectiveFrom: "2026-01-01",
  source: "Illustrative tariff shaped like the UPS China export rate guide (Worldwide Expedited)",
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
      zone: "1",
      countries: ["HK", "TW"],
      prices: [12000, 14600, 17200, 19800, 22400, 25000, 30200, 35400, 48400, 61400, 82400, 103400, 145400],
      additionalPrice: 2100,
      transitDays: { min: 2, max: 4 },
    },
    {
      zone: "2",
      countries: ["JP", "KR", "SG", "MY", "TH", "VN", "PH", "ID"],
      prices: [15000, 18800, 22600, 26400, 30200, 34000, 41600, 49200, 68200, 87200, 118200, 149200, 211200],
      additionalPrice: 3100,
      transitDays: { min: 3, max: 5 },
    },
    {
      zone: "3",
      countries: ["IN", "AU", "NZ"],
      prices: [20500, 25500, 30500, 35500, 40500, 45500, 55500, 65500, 90500, 115500, 157500, 199500, 283500],
      additionalPrice: 4200,
      transitDays: { min: 4, max: 6 },
    },
    {
      zone: "4",
      countries: ["US", "CA", "MX"],
      prices: [25500, 32500, 39500, 46500, 53500, 60500, 74500, 88500, 123500, 158500, 216500, 274500, 390500],
      additionalPrice: 5800,
      transitDays: { min: 4, max: 6 },
    },
    {
      zone: "5",
      countries: [...EU27, ...EUROPE_NON_EU],
      prices: [28000, 35400, 42800, 50200, 57600, 65000, 79800, 94600, 131600, 168600, 229600, 290600, 412600],
      additionalPrice: 6100,
      transitDays: { min: 4, max: 7 },
    },
    {
      zone: "6",
      countries: FAR_MARKETS,
      prices: [34500, 43700, 52900, 62100, 71300, 80500, 98900, 117300, 163300, 209300, 285300, 361300, 513300],
      additionalPrice: 7600,
      transitDays: { min: 5, max: 8 },
    },
  ],
  fuelSurcharge: {
    rates: [
      { from: "2026-01-01", basisPoints: 2700 },
      { from: "2026-10-05", basisPoints: 2950 },
      { from: "2026-11-02", basisPoints: 3000 },
    ],
    note: "UPS revises its international fuel surcharge weekly from the US Gulf Coast jet-fuel price; keep the latest entry current.",
  },
  remoteArea: { fee: 20000, areas: INTEGRATOR_REMOTE_AREAS },
  limits: { maxParcelWeightGrams: 70000, maxLengthMm: 2740, maxLengthPlusGirthMm: 4000 },
};

export const UPS_WORLDWIDE_SAVER_US: RateCard = {
  id: "ups/worldwide_saver/US",
  carrier: "ups",
  carrierName: "UPS",
  service: "worldwide_saver",
  serviceName: "Worldwide Saver",
  currency: "USD",
  effectiveFrom: "2026-01-01",
  source: "Illustrative tariff shaped like the UPS United States export rate guide (Worldwide Saver)",
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
      zone: "1",
      countries: ["CA", "MX"],
      prices: [5800, 6750, 7700, 8650, 9600, 10550, 12450, 14350, 19100, 23850, 31350, 38850, 53850],
      additionalPrice: 750,
      transitDays: { min: 1, max: 2 },
    },
    {
      zone: "2",
      countries: ["GB", "DE", "FR", "NL", "BE", "IE"],
      prices: [7500, 8750, 10000, 11250, 12500, 13750, 16250, 18750, 25000, 31250, 41450, 51650, 72050],
      additionalPrice: 1000,
      transitDays: { min: 1, max: 3 },
    },
    {
      zone: "3",
      countries: [...EU27.filter((c) => !WESTERN_EUROPE_CORE.includes(c)), "CH", "NO"],
      prices: [8000, 9350, 10700, 12050, 13400, 14750, 17450, 20150, 26900, 33650, 44650, 55650, 77650],
      additionalPrice: 1100,
      transitDays: { min: 2, max: 4 },
    },
    {
      zone: "4",
      countries: ["JP", "KR", "CN", "HK", "TW", "SG"],
      prices: [8600, 10150, 11700, 13250, 14800, 16350, 19450, 22550, 30300, 38050, 50550, 63050, 88050],
      additionalPrice: 1250,
      transitDays: { min: 2, max: 4 },
    },
    {
      zone: "5",
      countries: ["MY", "TH", "VN", "PH", "ID", "IN", "AU", "NZ"],
      prices: [9500, 11250, 13000, 14750, 16500, 18250, 21750, 25250, 34000, 42750, 57250, 71750, 100750],
      additionalPrice: 1450,
      transitDays: { min: 3, max: 5 },
    },
    {
      zone: "6",
      countries: FAR_MARKETS,
      prices: [10800, 12900, 15000, 17100, 19200, 21300, 25500, 29700, 40200, 50700, 67700, 84700, 118700],
      additionalPrice: 1700,
      transitDays: { min: 3, max: 6 },
    },
  ],
  fuelSurcharge: {
    rates: [
      { from: "2026-01-01", basisPoints: 2700 },
      { from: "2026-10-05", basisPoints: 2950 },
      { from: "2026-11-02", basisPoints: 3000 },
    ],
    note: "UPS revises its international fuel surcharge weekly from the US Gulf Coast jet-fuel price; keep the latest entry current.",
  },
  remoteArea: { fee: 3400, areas: INTEGRATOR_REMOTE_AREAS },
  limits: { maxParcelWeightGrams: 70000, maxLengthMm: 2740, maxLengthPlusGirthMm: 4000 },
};

export const UPS_WORLDWIDE_EXPEDITED_US: RateCard = {
  id: "ups/worldwide_expedited/US",
  carrier: "ups",
  carrierName: "UPS",
  service: "worldwide_expedited",
  serviceName: "Worldwide Expedited",
  currency: "USD",
  effectiveFrom: "2026-01-01",
  source: "Illustrative tariff shaped like the UPS United States export rate guide (Worldwide Expedited)",
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
      zone: "1",
      countries: ["CA", "MX"],
      prices: [4500, 5250, 6000, 6750, 7500, 8250, 9750, 11250, 15000, 18750, 24750, 30750, 42750],
      additionalPrice: 600,
      transitDays: { min: 2, max: 5 },
    },
    {
      zone: "2",
      countries: ["GB", "DE", "FR", "NL", "BE", "IE"],
      prices: [6000, 7000, 8000, 9000, 10000, 11000, 13000, 15000, 20000, 25000, 33000, 41000, 57000],
      additionalPrice: 800,
      transitDays: { min: 3, max: 5 },
    },
    {
      zone: "3",
      countries: [...EU27.filter((c) => !WESTERN_EUROPE_CORE.includes(c)), "CH", "NO"],
      prices: [6400, 7500, 8550, 9650, 10700, 11800, 13950, 16100, 21500, 26900, 35700, 44500, 62100],
      additionalPrice: 900,
      transitDays: { min: 3, max: 6 },
    },
    {
      zone: "4",
      countries: ["JP", "KR", "CN", "HK", "TW", "SG"],
      prices: [6900, 8150, 9400, 10600, 11850, 13100, 15600, 18050, 24250, 30450, 40450, 50450, 70450],
      additionalPrice: 1000,
      transitDays: { min: 4, max: 6 },
    },
    {
      zone: "5",
      countries: ["MY", "TH", "VN", "PH", "ID", "IN", "AU", "NZ"],
      prices: [7600, 9000, 10400, 11800, 13200, 14600, 17400, 20200, 27200, 34200, 45800, 57400, 80600],
      additionalPrice: 1150,
      transitDays: { min: 4, max: 7 },
    },
    {
      zone: "6",
      countries: FAR_MARKETS,
      prices: [8600, 10300, 11950, 13650, 15300, 17000, 20350, 23700, 32100, 40500, 54100, 67700, 94900],
      additionalPrice: 1350,
      transitDays: { min: 5, max: 8 },
    },
  ],
  fuelSurcharge: {
    rates: [
      { from: "2026-01-01", basisPoints: 2700 },
      { from: "2026-10-05", basisPoints: 2950 },
      { from: "2026-11-02", basisPoints: 3000 },
    ],
    note: "UPS revises its international fuel surcharge weekly from the US Gulf Coast jet-fuel price; keep the latest entry current.",
  },
  remoteArea: { fee: 3400, areas: INTEGRATOR_REMOTE_AREAS },
  limits: { maxParcelWeightGrams: 70000, maxLengthMm: 2740, maxLengthPlusGirthMm: 4000 },
};

export const UPS_GROUND_US: RateCard = {
  id: "ups/ground/US",
  carrier: "ups",
  carrierName: "UPS",
  service: "ground",
  serviceName: "Ground",
  currency: "USD",
  effectiveFrom: "2026-01-01",
  source:
    "Illustrative tariff shaped like the UPS daily rates for Ground (US domestic, one national zone in place of UPS's distance zones 2–8)",
  origins: ["US"],
  mode: "road",
  // UPS Ground prices every package on its own.
  pricingBasis: "parcel",
  // 5000 cm³/kg: UPS's domestic dimensional divisor of 139 in³/lb.
  volumetricDivisor: 5000,
  // Breaks are whole pounds in grams, so a weight is priced at the next pound up.
  weightStepGrams: 1,
  weightBreaksGrams: GROUND_POUND_BREAKS_GRAMS,
  // Only reached by dimensional weight: a package weighs at most 150 lb.
  additionalStepGrams: 454,
  zones: [
    {
      // Priced at UPS zone 5 (roughly 600–1000 miles), the middle of the distance zones.
      zone: "US",
      countries: ["US"],
      prices: [1450, 1610, 1720, 1810, 1890, 2390, 2970, 3550, 4750, 7080, 9240, 12600, 18100],
      additionalPrice: 125,
      transitDays: { min: 1, max: 5 },
    },
  ],
  fuelSurcharge: {
    rates: [
      { from: "2026-01-01", basisPoints: 1925 },
      { from: "2026-10-05", basisPoints: 2050 },
      { from: "2026-11-02", basisPoints: 2075 },
    ],
    note: "UPS revises its domestic ground fuel surcharge weekly from the US on-highway diesel price; keep the latest entry current.",
  },
  // UPS's delivery-area surcharges go by ZIP code lists that this illustrative card does not carry.
  remoteArea: null,
  // Ground does not reach Alaska and Hawaii from the contiguous states (UPS Air services do).
  unservedAreas: [ALASKA_HAWAII],
  limits: { maxParcelWeightGrams: 68039, maxLengthMm: 2743, maxLengthPlusGirthMm: 4191 },
};

export const UPS_RATE_CARDS: readonly RateCard[] = [
  UPS_WORLDWIDE_SAVER_CN,
  UPS_WORLDWIDE_EXPEDITED_CN,
  UPS_WORLDWIDE_SAVER_US,
  UPS_WORLDWIDE_EXPEDITED_US,
  UPS_GROUND_US,
];
