import type { RateCard } from "../types";
import { DHL_EXPRESS_RATE_CARDS } from "./dhl-express";
import { DHL_PARCEL_RATE_CARDS } from "./dhl-parcel";
import { FEDEX_RATE_CARDS } from "./fedex";
import { FOURPX_RATE_CARDS } from "./fourpx";
import { SF_EXPRESS_RATE_CARDS } from "./sf-express";
import { UPS_RATE_CARDS } from "./ups";
import { USPS_RATE_CARDS } from "./usps";
import { YANWEN_RATE_CARDS } from "./yanwen";

export { DHL_EXPRESS_RATE_CARDS } from "./dhl-express";
export { DHL_PARCEL_RATE_CARDS } from "./dhl-parcel";
export { FEDEX_RATE_CARDS } from "./fedex";
export { FOURPX_RATE_CARDS } from "./fourpx";
export { SF_EXPRESS_RATE_CARDS } from "./sf-express";
export { UPS_RATE_CARDS } from "./ups";
export { USPS_RATE_CARDS } from "./usps";
export { YANWEN_RATE_CARDS } from "./yanwen";

/** Crossflow's built-in tariffs: illustrative list prices, see docs/shipping-rates.md. */
export const DEFAULT_RATE_CARDS: readonly RateCard[] = [
  ...DHL_EXPRESS_RATE_CARDS,
  ...UPS_RATE_CARDS,
  ...FEDEX_RATE_CARDS,
  ...USPS_RATE_CARDS,
  ...FOURPX_RATE_CARDS,
  ...YANWEN_RATE_CARDS,
  // Domestic and regional ground services: they serve the same-country lanes (and DE→Europe
  // by road) that the international cards above leave out.
  ...DHL_PARCEL_RATE_CARDS,
  ...SF_EXPRESS_RATE_CARDS,
];
