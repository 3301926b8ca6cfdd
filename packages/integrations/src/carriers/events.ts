import type { NormalizedTrackingCode, TrackingEvent, TrackingLocation } from "@crossflow/domain";

export function trackingEventFrom(
  carrier: string,
  trackingNumber: string,
  normalized: NormalizedTrackingCode,
  scan: { code: string; description?: string; occurredAt: string; location?: TrackingLocation; raw?: unknown },
): TrackingEvent {
  const location: TrackingLocation = {};
  if (scan.location?.city) location.city = scan.location.city;
  if (scan.location?.country) location.country = scan.location.country.toUpperCase();
  return {
    carrier,
    trackingNumber,
    status: normalized.status,
    carrierCode: scan.code,
    description: scan.description?.trim() || normalized.label,
    occurredAt: scan.occurredAt,
    location,
    ...(normalized.reason ? { reason: normalized.reason } : {}),
    ...(scan.raw !== undefined ? { raw: scan.raw } : {}),
  };
}

/** "Title case" for carriers that shout ("LEIPZIG" → "Leipzig", "SAN FRANCISCO" → "San Francisco"). */
export function cityName(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  if (trimmed !== trimmed.toUpperCase()) return trimmed;
  return trimmed
    .toLowerCase()
    .replace(/(^|[\s'-])(\p{L})/gu, (_, sep: string, letter: string) => sep + letter.toUpperCase());
}

const EU = new Set("AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split(" "));

export function isEuCountry(country: string): boolean {
  return EU.has(country.toUpperCase());
}

export function gramsToKg(grams: number): number {
  return Math.max(0.001, Math.round(grams) / 1000);
}

export function mmToCm(mm: number): number {
  return Math.max(1, Math.ceil(mm / 10));
}
