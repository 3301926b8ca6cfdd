import { describe, expect, it } from "vitest";
import { suggestNextStep } from "./next-step";
import { trackingEvent } from "./test-events";

const pickedUp = trackingEvent("2025-03-03T09:00:00Z", "in_transit");

describe("suggestNextStep", () => {
  it("suggests nothing while the parcel moves, is held by customs or is delivered", () => {
    expect(suggestNextStep({ events: [] })).toBeNull();
    expect(suggestNextStep({ events: [pickedUp] })).toBeNull();
    expect(suggestNextStep({ events: [pickedUp, trackingEvent("2025-03-04T09:00:00Z", "customs_hold")] })).toBeNull();
    expect(suggestNextStep({ events: [pickedUp, trackingEvent("2025-03-05T09:00:00Z", "delivered")] })).toBeNull();
  });

  it("reschedules after a missed delivery and returns after the last attempt", () => {
    const attempt = (day: number) =>
      trackingEvent(`2025-03-0${day}T15:00:00Z`, "failed_attempt", {
        carrierCode: `NH${day}`,
        reason: "recipient_unavailable",
      });
    expect(suggestNextStep({ events: [pickedUp, attempt(4)] })).toMatchObject({
      action: "reschedule",
      cause: "recipient_unavailable",
      eventOccurredAt: "2025-03-04T15:00:00.000Z",
    });
    expect(suggestNextStep({ events: [pickedUp, attempt(4), attempt(5), attempt(6)] })).toMatchObject({
      action: "return_to_sender",
      cause: "attempts_exhausted",
    });
    expect(suggestNextStep({ events: [pickedUp, attempt(4), attempt(5)], maxDeliveryAttempts: 2 })).toMatchObject({
      action: "return_to_sender",
    });
  });

  it("follows the failure's reason", () => {
    const failed = (reason: "refused" | "bad_address" | "payment_due") =>
      suggestNextStep({ events: [pickedUp, trackingEvent("2025-03-04T15:00:00Z", "failed_attempt", { reason })] });
    expect(failed("refused")?.action).toBe("return_to_sender");
    expect(failed("bad_address")?.action).toBe("reschedule");
    expect(failed("payment_due")?.action).toBe("reschedule");
  });

  it("replaces a damaged or lost parcel unless a replacement costs more than the order", () => {
    const damaged = [pickedUp, trackingEvent("2025-03-04T15:00:00Z", "exception", { reason: "damaged" })];
    expect(suggestNextStep({ events: damaged })?.action).toBe("reship");
    expect(suggestNextStep({ events: damaged, orderValue: 2_000, reshipCost: 1_500 })?.action).toBe("reship");
    expect(suggestNextStep({ events: damaged, orderValue: 2_000, reshipCost: 2_500 })?.action).toBe("refund");
    const lost = [pickedUp, trackingEvent("2025-03-04T15:00:00Z", "exception", { reason: "lost" })];
    expect(suggestNextStep({ events: lost })).toMatchObject({ action: "reship", cause: "lost" });
  });

  it("treats an unexplained exception as lost once no scan follows for a week", () => {
    const events = [pickedUp, trackingEvent("2025-03-04T15:00:00Z", "exception", { reason: "other" })];
    expect(suggestNextStep({ events, now: "2025-03-06T15:00:00Z" })?.action).toBe("reschedule");
    expect(suggestNextStep({ events, now: "2025-03-11T15:00:00Z" })).toMatchObject({
      action: "reship",
      cause: "no_scans",
    });
  });

  it("refunds a returned parcel, or reships when the address was the problem", () => {
    const returned = trackingEvent("2025-03-08T10:00:00Z", "returned_to_sender");
    expect(
      suggestNextStep({
        events: [pickedUp, trackingEvent("2025-03-05T10:00:00Z", "failed_attempt", { reason: "refused" }), returned],
      }),
    ).toMatchObject({ action: "refund", cause: "returned" });
    expect(
      suggestNextStep({
        events: [
          pickedUp,
          trackingEvent("2025-03-05T10:00:00Z", "failed_attempt", { reason: "bad_address" }),
          returned,
        ],
      }),
    ).toMatchObject({ action: "reship", cause: "bad_address" });
  });
});
