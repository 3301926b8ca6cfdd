import { DAY_MS } from "./dates";
import { currentTrackingStatus, sortTrackingEvents } from "./timeline";
import type { TrackingEvent } from "./types";

export interface CustomsHoldAge {
  /** The first event of the current, unbroken hold. */
  since: string;
  ms: number;
  /** Whole days held (2.9 days is 2). */
  days: number;
}

/**
 * How long the parcel has been held by customs, when it is held now. A hold that was released
 * (any later event of another status) does not count, and a second hold starts a new clock.
 */
export function customsHoldAge(events: readonly TrackingEvent[], now: Date | string): CustomsHoldAge | null {
  if (currentTrackingStatus(events) !== "customs_hold") return null;
  const sorted = sortTrackingEvents(events);
  let since = sorted.at(-1)!;
  for (let i = sorted.length - 1; i >= 0 && sorted[i]!.status === "customs_hold"; i -= 1) since = sorted[i]!;
  const ms = Math.max(0, (typeof now === "string" ? Date.parse(now) : now.getTime()) - Date.parse(since.occurredAt));
  return { since: since.occurredAt, ms, days: Math.floor(ms / DAY_MS) };
}

/** A hold older than the tenant's threshold raises an alert (SPEC.md §7). */
export function isCustomsHoldOverdue(events: readonly TrackingEvent[], now: Date | string, maxDays: number): boolean {
  const age = customsHoldAge(events, now);
  return age !== null && age.ms >= maxDays * DAY_MS;
}
