import { describe, expect, it } from "vitest";
import { trackingEvent } from "./test-events";
import { currentTrackingStatus, mergeTrackingEvents, newTrackingEvents, trackingEventKey } from "./timeline";

describe("mergeTrackingEvents", () => {
  it("drops duplicates (same carrier, number, code and time) and keeps the stored copy", () => {
    const stored = trackingEvent("2025-03-01T10:00:00Z", "in_transit", { carrierCode: "PU", description: "stored" });
    const again = trackingEvent("2025-03-01T11:00:00+01:00", "in_transit", { carrierCode: "pu", description: "again" });
    const merged = mergeTrackingEvents([stored], [again]);
    expect(merged).toHaveLength(1);
    expect(merged[0]!.description).toBe("stored");
  });

  it("keeps events that differ by code, time or number", () => {
    const base = trackingEvent("2025-03-01T10:00:00Z", "in_transit", { carrierCode: "PU" });
    const merged = mergeTrackingEvents(
      [base],
      [
        { ...base, carrierCode: "PL" },
        { ...base, occurredAt: "2025-03-01T10:00:01.000Z" },
        { ...base, trackingNumber: "999" },
      ],
    );
    expect(merged).toHaveLength(4);
  });

  it("orders by event time, not arrival order", () => {
    const delivered = trackingEvent("2025-03-03T15:00:00Z", "delivered", { carrierCode: "OK" });
    const pickedUp = trackingEvent("2025-03-01T09:00:00Z", "in_transit", { carrierCode: "PU" });
    const outForDelivery = trackingEvent("2025-03-03T08:00:00Z", "out_for_delivery", { carrierCode: "WC" });
    const merged = mergeTrackingEvents([delivered], [outForDelivery, pickedUp]);
    expect(merged.map((e) => e.carrierCode)).toEqual(["PU", "WC", "OK"]);
  });

  it("orders events at the same instant along the parcel's life", () => {
    const at = "2025-03-03T15:00:00Z";
    const merged = mergeTrackingEvents(
      [trackingEvent(at, "delivered", { carrierCode: "OK" })],
      [trackingEvent(at, "out_for_delivery", { carrierCode: "WC" })],
    );
    expect(merged.map((e) => e.status)).toEqual(["out_for_delivery", "delivered"]);
  });

  it("rejects an event without a valid time", () => {
    expect(() =>
      trackingEventKey(trackingEvent("2025-03-01T10:00:00Z", "in_transit", { occurredAt: "yesterday" })),
    ).toThrow(/invalid time/);
  });
});

describe("newTrackingEvents", () => {
  it("returns only what the timeline lacks, in event order, once", () => {
    const a = trackingEvent("2025-03-01T09:00:00Z", "in_transit", { carrierCode: "PU" });
    const b = trackingEvent("2025-03-02T09:00:00Z", "in_transit", { carrierCode: "AF" });
    const c = trackingEvent("2025-03-01T12:00:00Z", "in_transit", { carrierCode: "DF" });
    expect(newTrackingEvents([a], [b, c, a, c]).map((e) => e.carrierCode)).toEqual(["DF", "AF"]);
  });
});

describe("currentTrackingStatus", () => {
  it("is null without events and the latest status otherwise", () => {
    expect(currentTrackingStatus([])).toBeNull();
    expect(
      currentTrackingStatus([
        trackingEvent("2025-03-02T09:00:00Z", "customs_hold"),
        trackingEvent("2025-03-01T09:00:00Z", "in_transit"),
      ]),
    ).toBe("customs_hold");
  });

  it("keeps delivered when an older in-transit event arrives later", () => {
    const events = mergeTrackingEvents(
      [trackingEvent("2025-03-03T15:00:00Z", "delivered", { carrierCode: "OK" })],
      [trackingEvent("2025-03-02T22:00:00Z", "in_transit", { carrierCode: "AF" })],
    );
    expect(currentTrackingStatus(events)).toBe("delivered");
  });

  it("keeps delivered against a later-stamped hub scan", () => {
    expect(
      currentTrackingStatus([
        trackingEvent("2025-03-03T15:00:00Z", "delivered"),
        trackingEvent("2025-03-03T16:00:00Z", "in_transit"),
      ]),
    ).toBe("delivered");
  });

  it("treats returned to sender as terminal", () => {
    expect(
      currentTrackingStatus([
        trackingEvent("2025-03-05T10:00:00Z", "returned_to_sender"),
        trackingEvent("2025-03-06T10:00:00Z", "delivered"),
        trackingEvent("2025-03-07T10:00:00Z", "in_transit"),
      ]),
    ).toBe("returned_to_sender");
  });

  it("moves on from a failed attempt when the parcel goes out again", () => {
    expect(
      currentTrackingStatus([
        trackingEvent("2025-03-03T10:00:00Z", "failed_attempt"),
        trackingEvent("2025-03-04T08:00:00Z", "out_for_delivery"),
      ]),
    ).toBe("out_for_delivery");
  });
});
