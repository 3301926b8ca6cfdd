export {
  DEFAULT_RATE_CARDS,
  DHL_EXPRESS_RATE_CARDS,
  DHL_PARCEL_RATE_CARDS,
  FEDEX_RATE_CARDS,
  FOURPX_RATE_CARDS,
  SF_EXPRESS_RATE_CARDS,
  UPS_RATE_CARDS,
  USPS_RATE_CARDS,
  YANWEN_RATE_CARDS,
} from "./cards/index";
export { COUNTRY_CENTROIDS, greatCircleKm } from "./centroids";
export {
  type Co2eEstimate,
  estimateCo2e,
  MIN_LANE_KM,
  MODE_EMISSION_FACTORS,
  type ModeEmissionFactor,
} from "./emissions";
export { convertMinorUnits, FxRateMissingError, type MinorUnitsConversion } from "./fx";
export * from "./parcel";
export {
  type CarrierChoice,
  chooseCarrier,
  describeObjective,
  type ForcedCarrier,
  RATE_OBJECTIVES,
  type RankedOption,
  type RateObjective,
  rankOptions,
} from "./ranking";
export { mergeRateCards, validateRateCard } from "./rate-cards";
export { quoteRates, RateInputError, type RateInputIssue } from "./rating";
export { type CarrierServices, carrierDisplayName, listCarrierServices } from "./services";
export type * from "./types";
