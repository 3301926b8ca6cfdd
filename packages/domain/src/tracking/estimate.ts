import { addBusinessDays, utcDate } from "./dates";
import { currentTrackingEvent, sortTrackingEvents } from "./timeline";
import type { TrackingEvent } from "./types";

export interface DeliveryEstimateInput {
  events: readonly TrackingEvent[];
  /** The service's door-to-door business days (a rate card zone's transitDays). */
  transitDays: { min: number; max: number };
  /** When the label was created; the clock starts there until the carrier's first scan. */
  shippedAt?: string;
  /** Defaults to the latest event's time. */
  now?: string;
}

export type DeliveryEstimateBasis =
  | "transit_days"
  | "out_for_delivery"
  | "failed_attempt"
  | "customs_hold"
  | "exception"
  | "late";

export type DeliveryEstimate =
  | { kind: "delivered"; deliveredAt: string }
  | { kind: "estimated"; earliest: string; latest: string; basis: DeliveryEstimateBasis }
  | { kind: "none"; reason: "returned_to_sender" | "no_information" };

/**
 * When the parcel should arrive, as UTC dates: the service's transit days counted from the
 * first carrier scan (or the label), moved by what the last event says. Out for delivery means
 * today; a failed attempt means the next business day; a customs hold or an exception pushes the
 * window out; an estimate already in the past while the parcel still moves slides forward.
 */
export function estimateDelivery(input: DeliveryEstimateInput): DeliveryEstimate {
  const sorted = sortTrackingEvents(input.events);
  const current = currentTrackingEvent(sorted);
  if (current?.status === "delivered") return { kind: "delivered", deliveredAt: current.occurredAt };
  if (current?.status === "returned_to_sender") return { kind: "none", reason: "returned_to_sender" };

  const firstScan = sorted.find((event) => event.status !== "info_received");
  const start = firstScan?.occurredAt ?? input.shippedAt ?? sorted[0]?.occurredAt;
  if (!start) return { kind: "none", reason: "no_information" };

  const base = {
    earliest: addBusinessDays(start, input.transitDays.min),
    latest: addBusinessDays(start, input.transitDays.max),
  };
  const window = (earliest: number, latest: number, basis: DeliveryEstimateBasis): DeliveryEstimate => ({
    kind: "estimated",
    earliest: utcDate(earliest),
    latest: utcDate(Math.max(earliest, latest)),
    basis,
  });
  if (!current) return window(base.earliest, base.latest, "transit_days");

  const last = current.occurredAt;
  switch (current.status) {
    case "out_for_delivery":
      return window(addBusinessDays(last, 0), addBusinessDays(last, 0), "out_for_delivery");
    case "failed_attempt":
      return window(addBusinessDays(last, 1), addBusinessDays(last, 2), "failed_attempt");
    case "customs_hold":
    case "exception":
      return window(
        Math.max(base.earliest, addBusinessDays(last, 1)),
        Math.max(base.latest, addBusinessDays(last, 3)),
        current.status,
      );
    default: {
      const now = Date.parse(input.now ?? last);
      if (now <= base.latest) return window(base.earliest, base.latest, "transit_days");
      return window(addBusinessDays(now, 1), addBusinessDays(now, 2), "late");
    }
  }
}
