import { DEMO_TRACKING_CODES } from "./carriers/demo";
import { DHL_EXPRESS_TRACKING_CODES } from "./carriers/dhl-express";
import { FEDEX_EXCEPTION_REASONS, FEDEX_TRACKING_CODES } from "./carriers/fedex";
import { FOURPX_TRACKING_CODES, fourPxStageMeaning } from "./carriers/fourpx";
import { UPS_ACTIVITY_CODES, UPS_STATUS_CODES, UPS_STATUS_TYPES } from "./carriers/ups";
import { USPS_TRACKING_CODES } from "./carriers/usps";
import { YANWEN_TRACKING_CODES, yanwenStageMeaning } from "./carriers/yanwen";
import { failureReasonFromText, statusFromText } from "./text";
import type { TrackingCodeMeaning, TrackingCodeTable, TrackingFailureReason, TrackingStatus } from "./types";

export interface NormalizedTrackingCode {
  status: TrackingStatus;
  /** The carrier's wording for the code (the table's label when the event had no text). */
  label: string;
  reason?: TrackingFailureReason;
  /** False when neither the tables nor the text knew the code: the status is a guess (in transit). */
  known: boolean;
}

/** Per-carrier code tables, keyed by Crossflow carrier code. */
export const TRACKING_CODE_TABLES: Readonly<Record<string, TrackingCodeTable>> = {
  dhl_express: DHL_EXPRESS_TRACKING_CODES,
  ups: { ...UPS_STATUS_TYPES, ...UPS_ACTIVITY_CODES, ...UPS_STATUS_CODES },
  fedex: FEDEX_TRACKING_CODES,
  usps: USPS_TRACKING_CODES,
  "4px": FOURPX_TRACKING_CODES,
  yanwen: YANWEN_TRACKING_CODES,
  demo: DEMO_TRACKING_CODES,
};

const STAGE_FALLBACKS: Readonly<Record<string, (code: string) => TrackingCodeMeaning | undefined>> = {
  "4px": fourPxStageMeaning,
  yanwen: yanwenStageMeaning,
};

const FAILURE_STATUSES: ReadonlySet<TrackingStatus> = new Set(["failed_attempt", "exception", "customs_hold"]);

function resolve(meaning: TrackingCodeMeaning | undefined, description: string): NormalizedTrackingCode {
  const fromText = statusFromText(description);
  if (!meaning) {
    const status = fromText ?? "in_transit";
    const reason = FAILURE_STATUSES.has(status) ? (failureReasonFromText(description) ?? "other") : undefined;
    return { status, label: description, reason, known: fromText !== undefined };
  }
  const status = meaning.refineByText && fromText ? fromText : meaning.status;
  const reason = FAILURE_STATUSES.has(status)
    ? (meaning.reason ?? failureReasonFromText(description) ?? failureReasonFromText(meaning.label) ?? "other")
    : undefined;
  return { status, label: meaning.label, reason, known: true };
}

/**
 * One carrier code (and the event's text) to the status set. Unknown carriers and codes fall
 * back to the text, then to "in transit" with `known: false`.
 */
export function normalizeTrackingCode(carrier: string, code: string, description = ""): NormalizedTrackingCode {
  const key = code.trim().toUpperCase();
  const meaning = TRACKING_CODE_TABLES[carrier]?.[key] ?? STAGE_FALLBACKS[carrier]?.(key);
  return resolve(meaning, description);
}

/** UPS activities carry a type letter, an activity code and (Tracking API only) a three-digit status code. */
export function normalizeUpsActivity(activity: {
  type?: string;
  code?: string;
  statusCode?: string;
  description?: string;
}): NormalizedTrackingCode {
  const description = activity.description ?? "";
  const meaning =
    (activity.statusCode ? UPS_STATUS_CODES[activity.statusCode] : undefined) ??
    (activity.code ? UPS_ACTIVITY_CODES[activity.code.toUpperCase()] : undefined) ??
    (activity.type ? UPS_STATUS_TYPES[activity.type.toUpperCase()] : undefined);
  return resolve(meaning, description);
}

/** FedEx scan events: the event type, plus the exception code that says why a delivery failed. */
export function normalizeFedexScan(scan: {
  eventType?: string;
  derivedStatusCode?: string;
  exceptionCode?: string;
  description?: string;
}): NormalizedTrackingCode {
  const code = (scan.eventType || scan.derivedStatusCode || "").toUpperCase();
  const normalized = resolve(FEDEX_TRACKING_CODES[code], scan.description ?? "");
  const fromException = scan.exceptionCode ? FEDEX_EXCEPTION_REASONS[scan.exceptionCode] : undefined;
  if (fromException && FAILURE_STATUSES.has(normalized.status)) return { ...normalized, reason: fromException };
  return normalized;
}
