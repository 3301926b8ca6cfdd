import type { RateCard } from "../types";
import { DHL_EXPRESS_RATE_CARDS } from "./dhl-express";
import { FEDEX_RATE_CARDS } from "./fedex";
import { FOURPX_RATE_CARDS } from "./fourpx";
import { UPS_RATE_CARDS } from "./ups";
import { USPS_RATE_CARDS } from "./usps";
import { YANWEN_RATE_CARDS } from "./yanwen";

export { DHL_EXPRESS_RATE_CARDS } from "./dhl-express";
export { FEDEX_RATE_CARDS } from "./fedex";
export { FOURPX_RATE_CARDS } from "./fourpx";
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
];
