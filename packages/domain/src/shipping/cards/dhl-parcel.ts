import type { RateCard } from "../types";
import {
  AZORES_MADEIRA,
  BALEARIC_ISLANDS,
  CANARY_ISLANDS,
  CEUTA_MELILLA,
  CORSICA,
  ITALY_ISLANDS_AND_ENCLAVES,
  SCOTTISH_HIGHLANDS_ISLANDS,
  SVALBARD,
} from "./postal-areas";

// Illustrative tariffs shaped like DHL's German parcel price lists (DHL Paket and
// DHL Paket International / Parcel Connect), 2026. Road services: the parcel network,
// not the DHL Express air network.

/** DHL Paket weight bands: up to 2, 5, 10, 20 and 31.5 kg. */
const PAKET_BREAKS_GRAMS: readonly number[] = [2000, 5000, 10000, 20000, 31500];

/** Parcel Connect bands: 1 kg, then as DHL Paket. */
const PARCEL_CONNECT_BREAKS_GRAMS: readonly number[] = [1000, 2000, 5000, 10000, 20000, 31500];

export const DHL_PAKET_DE: RateCard = {
  id: "dhl_parcel/paket/DE",
  carrier: "dhl_parcel",
  carrierName: "DHL",
  service: "paket",
  serviceName: "Paket",
  currency: "EUR",
  effectiveFrom: "2026-01-01",
  source: "Illustrative tariff shaped like the DHL Paket price list for business customers in Germany (domestic)",
  origins: ["DE"],
  mode: "road",
  // DHL Paket prices every parcel on its own weight band.
  pricingBasis: "parcel",
  // 5000 cm³/kg, as DHL's other European road product (Economy Select). A contract that
  // prices on actual weight only can set a divisor large enough never to bind.
  volumetricDivisor: 5000,
  weightStepGrams: 100,
  weightBreaksGrams: PAKET_BREAKS_GRAMS,
  // Only reached by volumetric weight: a parcel weighs at most 31.5 kg.
  additionalStepGrams: 500,
  zones: [
    {
      zone: "DE",
      countries: ["DE"],
      prices: [549, 689, 949, 1649, 2149],
      additionalPrice: 50,
      transitDays: { min: 1, max: 2 },
    },
  ],
  fuelSurcharge: {
    rates: [{ from: "2026-01-01", basisPoints: 0 }],
    note: "DHL Paket domestic prices include energy costs; a change arrives as a new price list (a new card version), and the entry stays at 0.",
  },
  // The North Sea and Baltic islands are delivered at the mainland price.
  remoteArea: null,
  limits: { maxParcelWeightGrams: 31500, maxLengthMm: 1200, maxLengthPlusGirthMm: 3600 },
};

export const DHL_PARCEL_CONNECT_DE: RateCard = {
  id: "dhl_parcel/parcel_connect/DE",
  carrier: "dhl_parcel",
  carrierName: "DHL",
  service: "parcel_connect",
  serviceName: "Parcel Connect",
  currency: "EUR",
  effectiveFrom: "2026-01-01",
  source:
    "Illustrative tariff shaped like the DHL Paket International / DHL Parcel Connect price list from Germany (road network within Europe)",
  origins: ["DE"],
  mode: "road",
  pricingBasis: "parcel",
  // 5000 cm³/kg, as DHL Paket.
  volumetricDivisor: 5000,
  weightStepGrams: 100,
  weightBreaksGrams: PARCEL_CONNECT_BREAKS_GRAMS,
  additionalStepGrams: 500,
  // Every EU member but Germany (DHL Paket serves DE), plus CH, NO and GB. Germany is
  // deliberately absent: a domestic parcel is DHL Paket's.
  zones: [
    {
      zone: "1",
      countries: ["AT", "BE", "NL", "LU", "DK", "FR", "CZ", "PL"],
      prices: [1090, 1190, 1490, 1890, 2690, 3490],
      additionalPrice: 60,
      transitDays: { min: 2, max: 4 },
    },
    {
      zone: "2",
      countries: ["IT", "ES", "SE", "IE", "HU", "SK", "SI", "HR"],
      prices: [1390, 1490, 1890, 2390, 3290, 4290],
      additionalPrice: 80,
      transitDays: { min: 3, max: 5 },
    },
    {
      zone: "3",
      countries: ["PT", "FI", "GR", "RO", "BG", "EE", "LV", "LT"],
      prices: [1690, 1790, 2290, 2890, 3990, 5190],
      additionalPrice: 100,
      transitDays: { min: 4, max: 7 },
    },
    {
      // Truck and ferry.
      zone: "4",
      countries: ["CY", "MT"],
      prices: [2190, 2390, 2990, 3790, 5190, 6690],
      additionalPrice: 130,
      transitDays: { min: 5, max: 8 },
    },
    {
      // Outside the EU customs union: export and import clearance add a day or two.
      zone: "5",
      countries: ["GB", "CH", "NO"],
      prices: [1990, 2190, 2790, 3490, 4790, 6190],
      additionalPrice: 120,
      transitDays: { min: 3, max: 6 },
    },
  ],
  fuelSurcharge: {
    rates: [
      { from: "2026-01-01", basisPoints: 650 },
      { from: "2026-10-01", basisPoints: 700 },
      { from: "2026-11-01", basisPoints: 675 },
    ],
    note: "Road fuel surcharge, published monthly from the diesel price; add the new month's entry when it is published.",
  },
  remoteArea: {
    fee: 800,
    areas: [
      BALEARIC_ISLANDS,
      AZORES_MADEIRA,
      CORSICA,
      SCOTTISH_HIGHLANDS_ISLANDS,
      ITALY_ISLANDS_AND_ENCLAVES,
      SVALBARD,
    ],
    note: "Islands reached by ferry.",
  },
  // Outside the EU customs territory and off the road network.
  unservedAreas: [CANARY_ISLANDS, CEUTA_MELILLA],
  limits: { maxParcelWeightGrams: 31500, maxLengthMm: 1200, maxLengthPlusGirthMm: 3600 },
};

export const DHL_PARCEL_RATE_CARDS: readonly RateCard[] = [DHL_PAKET_DE, DHL_PARCEL_CONNECT_DE];
