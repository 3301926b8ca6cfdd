import { describe, expect, it } from "vitest";
import { customsHoldAge, isCustomsHoldOverdue } from "./customs";
import { addBusinessDays } from "./dates";
import { estimateDelivery } from "./estimate";
import { trackingEvent } from "./test-events";

const transitDays = { min: 2, max: 4 };

describe("addBusinessDays", () => {
  it("skips weekends", () => {
    // 2025-03-07 is a Friday.
    expect(new Date(addBusinessDays("2025-03-07T18:00:00Z", 1)).toISOString()).toBe("2025-03-10T00:00:00.000Z");
    expect(new Date(addBusinessDays("2025-03-07T18:00:00Z", 0)).toISOString()).toBe("2025-03-07T00:00:00.000Z");
    expect(new Date(addBusinessDays("2025-03-08T10:00:00Z", 5)).toISOString()).toBe("2025-03-14T00:00:00.000Z");
  });
});

describe("estimateDelivery", () => {
  it("counts the service's transit days from the first scan", () => {
    // Monday pickup: 2 to 4 business days → Wednesday to Friday.
    const events = [
      trackingEvent("2025-03-02T08:00:00Z", "info_received"),
      trackingEvent("2025-03-03T09:00:00Z", "in_transit"),
    ];
    expect(estimateDelivery({ events, transitDays })).toEqual({
      kind: "estimated",
      earliest: "2025-03-05",
      latest: "2025-03-07",
      basis: "transit_days",
    });
  });

  it("counts from the label before the first scan, and knows nothing without either", () => {
    expect(estimateDelivery({ events: [], transitDays, shippedAt: "2025-03-03T09:00:00Z" })).toMatchObject({
      earliest: "2025-03-05",
      latest: "2025-03-07",
    });
    expect(estimateDelivery({ events: [], transitDays })).toEqual({ kind: "none", reason: "no_information" });
  });

  it("says today when out for delivery and the next business day after a failed attempt", () => {
    const start = trackingEvent("2025-03-03T09:00:00Z", "in_transit");
    expect(
      estimateDelivery({ events: [start, trackingEvent("2025-03-04T07:00:00Z", "out_for_delivery")], transitDays }),
    ).toMatchObject({ earliest: "2025-03-04", latest: "2025-03-04", basis: "out_for_delivery" });
    expect(
      estimateDelivery({ events: [start, trackingEvent("2025-03-07T16:00:00Z", "failed_attempt")], transitDays }),
    ).toMatchObject({ earliest: "2025-03-10", latest: "2025-03-11", basis: "failed_attempt" });
  });

  it("pushes the window out during a customs hold", () => {
    const events = [
      trackingEvent("2025-03-03T09:00:00Z", "in_transit"),
      trackingEvent("2025-03-06T09:00:00Z", "customs_hold"),
    ];
    expect(estimateDelivery({ events, transitDays })).toMatchObject({
      earliest: "2025-03-07",
      latest: "2025-03-11",
      basis: "customs_hold",
    });
  });

  it("slides a past estimate forward while the parcel still moves", () => {
    const events = [trackingEvent("2025-03-03T09:00:00Z", "in_transit")];
    expect(estimateDelivery({ events, transitDays, now: "2025-03-12T10:00:00Z" })).toMatchObject({
      earliest: "2025-03-13",
      latest: "2025-03-14",
      basis: "late",
    });
  });

  it("reports the delivery, or nothing for a returned parcel", () => {
    const delivered = trackingEvent("2025-03-05T14:00:00Z", "delivered");
    expect(estimateDelivery({ events: [delivered], transitDays })).toEqual({
      kind: "delivered",
      deliveredAt: "2025-03-05T14:00:00.000Z",
    });
    expect(
      estimateDelivery({ events: [trackingEvent("2025-03-05T14:00:00Z", "returned_to_sender")], transitDays }),
    ).toEqual({
      kind: "none",
      reason: "returned_to_sender",
    });
  });
});

describe("customsHoldAge", () => {
  it("measures the current hold from its first event", () => {
    const events = [
      trackingEvent("2025-03-03T09:00:00Z", "in_transit"),
      trackingEvent("2025-03-04T10:00:00Z", "customs_hold", { carrierCode: "CD" }),
      trackingEvent("2025-03-05T10:00:00Z", "customs_hold", { carrierCode: "UD" }),
    ];
    expect(customsHoldAge(events, "2025-03-07T09:00:00Z")).toEqual({
      since: "2025-03-04T10:00:00.000Z",
      ms: 2 * 86_400_000 + 23 * 3_600_000,
      days: 2,
    });
    expect(isCustomsHoldOverdue(events, "2025-03-07T09:00:00Z", 3)).toBe(false);
    expect(isCustomsHoldOverdue(events, "2025-03-07T10:00:00Z", 3)).toBe(true);
  });

  it("is null once released, and a second hold starts a new clock", () => {
    const released = [
      trackingEvent("2025-03-04T10:00:00Z", "customs_hold"),
      trackingEvent("2025-03-05T10:00:00Z", "in_transit", { carrierCode: "CR" }),
    ];
    expect(customsHoldAge(released, "2025-03-10T00:00:00Z")).toBeNull();
    const heldAgain = [...released, trackingEvent("2025-03-06T10:00:00Z", "customs_hold", { carrierCode: "UD" })];
    expect(customsHoldAge(heldAgain, new Date("2025-03-07T10:00:00Z"))).toMatchObject({
      since: "2025-03-06T10:00:00.000Z",
      days: 1,
    });
  });
});
