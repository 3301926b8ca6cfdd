export { DEMO_TRACKING_CODES } from "./carriers/demo";
export { DHL_EXPRESS_TRACKING_CODES, dhlExpressCodeFromDescription } from "./carriers/dhl-express";
export { FEDEX_EXCEPTION_REASONS, FEDEX_TRACKING_CODES } from "./carriers/fedex";
export { FOURPX_TRACKING_CODES } from "./carriers/fourpx";
export { UPS_ACTIVITY_CODES, UPS_STATUS_CODES, UPS_STATUS_TYPES } from "./carriers/ups";
export { USPS_TRACKING_CODES } from "./carriers/usps";
export { YANWEN_TRACKING_CODES } from "./carriers/yanwen";
export { type CustomsHoldAge, customsHoldAge, isCustomsHoldOverdue } from "./customs";
export { addBusinessDays } from "./dates";
export {
  type DeliveryEstimate,
  type DeliveryEstimateBasis,
  type DeliveryEstimateInput,
  estimateDelivery,
} from "./estimate";
export {
  NEXT_STEP_ACTIONS,
  type NextStep,
  type NextStepAction,
  type SuggestNextStepInput,
  suggestNextStep,
} from "./next-step";
export {
  type NormalizedTrackingCode,
  normalizeFedexScan,
  normalizeTrackingCode,
  normalizeUpsActivity,
  TRACKING_CODE_TABLES,
} from "./normalize";
export { failureReasonFromText, statusFromText } from "./text";
export {
  compareTrackingEvents,
  currentTrackingEvent,
  currentTrackingStatus,
  mergeTrackingEvents,
  newTrackingEvents,
  sortTrackingEvents,
  trackingEventKey,
} from "./timeline";
export {
  isTrackingStatus,
  TRACKING_FAILURE_REASONS,
  TRACKING_STATUSES,
  type TrackingCodeMeaning,
  type TrackingCodeTable,
  type TrackingEvent,
  type TrackingFailureReason,
  type TrackingLocation,
  type TrackingStatus,
} from "./types";
