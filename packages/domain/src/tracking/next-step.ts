import { DAY_MS } from "./dates";
import { currentTrackingEvent, sortTrackingEvents } from "./timeline";
import type { TrackingEvent, TrackingFailureReason } from "./types";

export const NEXT_STEP_ACTIONS = ["reschedule", "reship", "refund", "return_to_sender"] as const;
export type NextStepAction = (typeof NEXT_STEP_ACTIONS)[number];

export interface NextStep {
  action: NextStepAction;
  /** Machine-readable cause, e.g. "recipient_unavailable" or "attempts_exhausted". */
  cause: TrackingFailureReason | "attempts_exhausted" | "no_scans" | "returned";
  /** One sentence for the support ticket, in English (the console translates by `cause`). */
  reason: string;
  /** The event the suggestion is about. */
  eventOccurredAt: string;
}

export interface SuggestNextStepInput {
  events: readonly TrackingEvent[];
  now?: Date | string;
  /** Delivery attempts a carrier makes before it holds or returns the parcel. Default 3. */
  maxDeliveryAttempts?: number;
  /** Days without a scan after an unexplained exception before the parcel counts as lost. Default 7. */
  staleDays?: number;
  /** Order value and the cost of sending a replacement, same currency, minor units: a replacement that costs more than the order is not suggested. */
  orderValue?: number;
  reshipCost?: number;
}

function replaceOrRefund(input: SuggestNextStepInput): "reship" | "refund" {
  if (input.orderValue !== undefined && input.reshipCost !== undefined && input.reshipCost > input.orderValue) {
    return "refund";
  }
  return "reship";
}

/**
 * What support should do about a failed delivery attempt, an exception or a return: the pure
 * rule behind the ticket a failed delivery opens. Null when the parcel needs nothing (moving,
 * delivered, or held by customs, which raises an alert instead).
 */
export function suggestNextStep(input: SuggestNextStepInput): NextStep | null {
  const sorted = sortTrackingEvents(input.events);
  const current = currentTrackingEvent(sorted);
  if (!current) return null;
  const at = current.occurredAt;
  const step = (action: NextStepAction, cause: NextStep["cause"], reason: string): NextStep => ({
    action,
    cause,
    reason,
    eventOccurredAt: at,
  });

  if (current.status === "returned_to_sender") {
    const lastFailure = [...sorted].reverse().find((e) => e.status === "failed_attempt" || e.status === "exception");
    if (lastFailure?.reason === "bad_address") {
      return step(
        "reship",
        "bad_address",
        "The parcel is going back because of the address: confirm it with the shopper and ship again.",
      );
    }
    return step(
      "refund",
      "returned",
      "The carrier is returning the parcel to the sender: refund the shopper once it is back, or reship if they ask.",
    );
  }

  if (current.status === "failed_attempt") {
    const attempts = sorted.filter((e) => e.status === "failed_attempt").length;
    const maxAttempts = input.maxDeliveryAttempts ?? 3;
    switch (current.reason) {
      case "refused":
        return step(
          "return_to_sender",
          "refused",
          "The recipient refused the parcel: let the carrier return it and refund once it is back.",
        );
      case "bad_address":
        return step(
          "reschedule",
          "bad_address",
          "The carrier could not deliver to the address: correct it with the shopper and ask the carrier to redeliver.",
        );
      case "payment_due":
        return step(
          "reschedule",
          "payment_due",
          "Duties or taxes are due before delivery: ask the shopper to pay them, then the carrier redelivers.",
        );
      default:
        if (attempts >= maxAttempts) {
          return step(
            "return_to_sender",
            "attempts_exhausted",
            `The carrier has tried ${attempts} times without success: let it return the parcel unless the shopper collects it.`,
          );
        }
        return step(
          "reschedule",
          current.reason ?? "recipient_unavailable",
          `Delivery attempt ${attempts} failed: ask the shopper to pick a redelivery date or a pickup point.`,
        );
    }
  }

  if (current.status === "exception") {
    switch (current.reason) {
      case "damaged":
        return step(
          replaceOrRefund(input),
          "damaged",
          "The carrier reports the parcel damaged: send a replacement (or refund) and file a claim.",
        );
      case "lost":
        return step(
          replaceOrRefund(input),
          "lost",
          "The carrier reports the parcel lost: send a replacement (or refund) and file a claim.",
        );
      case "bad_address":
        return step(
          "reschedule",
          "bad_address",
          "The address is incomplete or wrong: correct it with the shopper and ask the carrier to redeliver.",
        );
      case "refused":
        return step(
          "return_to_sender",
          "refused",
          "The recipient refused the parcel: let the carrier return it and refund once it is back.",
        );
      case "customs":
        return step(
          "return_to_sender",
          "customs",
          "Customs will not release the parcel: have it returned and refund the shopper.",
        );
      default: {
        const now =
          input.now === undefined
            ? Date.parse(at)
            : typeof input.now === "string"
              ? Date.parse(input.now)
              : input.now.getTime();
        const staleDays = input.staleDays ?? 7;
        if (now - Date.parse(at) >= staleDays * DAY_MS) {
          return step(
            replaceOrRefund(input),
            "no_scans",
            `No scan for ${staleDays} days after a carrier exception: treat the parcel as lost, replace it (or refund) and open a trace.`,
          );
        }
        return step(
          "reschedule",
          current.reason ?? "other",
          "The carrier reports an exception: ask it to resolve the issue and redeliver.",
        );
      }
    }
  }
  return null;
}
